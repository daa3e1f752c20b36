"""Applies Alembic migrations at start-up, on the bot's own engine."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from storage.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest migration that ships with this code."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


async def migrate(db: Database, revision: str = "head") -> None:
    """Brings the schema to the newest revision (or to `revision`, for tests of an upgrade);
    a no-op on an up-to-date database."""
    async with db.engine.begin() as conn:
        await conn.run_sync(lambda sync: command.upgrade(_config(sync), revision))


async def current_revision(db: Database) -> str | None:
    async with db.engine.connect() as conn:
        return await conn.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


def known_revision(revision: str) -> bool:
    """Whether this code ships the migration `revision` (a backup of an older version does, a
    database written by a newer version does not)."""
    scripts = ScriptDirectory.from_config(_config())
    try:
        return scripts.get_revision(revision) is not None
    except Exception:  # Alembic raises several kinds of error for an unknown id
        return False
