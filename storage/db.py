"""The database handle: an async SQLAlchemy engine with the SQLite settings we rely on."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Table, event, func, select
from sqlalchemy.dialects.postgresql import Insert as PgInsert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stores an aware datetime as naive UTC and gives it back aware, on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC-aware values")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


# The drivers the bot knows, by the module a URL's `+driver` loads, and how to install each.
DRIVERS = {
    "aiosqlite": "it comes with councilbot itself: reinstall councilbot",
    "asyncpg": "pip install 'councilbot[postgres]' (python3 dev.py run installs it)",
}
URLS = "sqlite+aiosqlite:///path/to/councilbot.sqlite3 or postgresql+asyncpg://user@host/db"


class MissingDriver(Exception):
    """DATABASE_URL names a database driver that is not installed; the message says which
    extra to install, in one line."""


def _driver_advice(url: str, module: str | None) -> str:
    advice = DRIVERS.get(module or "")
    if advice is not None:
        return f"the database driver {module} is not installed: {advice}"
    scheme = url.split(":", 1)[0]
    return f"the database driver {module} of {scheme}:// is not installed: use {URLS}"


class Database:
    """Owns the engine. `transaction()` is for services that write; `read()` for queries."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        sqlite = url.startswith("sqlite")
        # Every connection ends its transaction itself (transaction() and read() commit or roll
        # back, and closing a connection in a transaction rolls it back), so on SQLite the
        # pool's extra ROLLBACK on each return would only cost a trip to the driver's thread.
        options: dict[str, Any] = {"pool_reset_on_return": None} if sqlite else {}
        try:
            self.engine: AsyncEngine = create_async_engine(url, echo=echo, **options)
        except ModuleNotFoundError as missing:
            raise MissingDriver(_driver_advice(url, missing.name)) from None
        # SQLite has one writer at a time. Writers queue here, in the event loop, instead of
        # spinning in busy_timeout sleeps on pooled connections that readers then lack.
        self._writers = asyncio.Lock()
        if self.engine.dialect.name == "sqlite":
            _configure_sqlite(self.engine)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction; on SQLite it takes the write lock at BEGIN (IMMEDIATE), so two
        writers queue on `busy_timeout` instead of failing when a read upgrades to a write."""
        async with self._write_turn(), self.engine.connect() as plain:
            conn = await plain.execution_options(councilbot_write=True)
            async with conn.begin():
                yield conn

    @asynccontextmanager
    async def _write_turn(self) -> AsyncIterator[None]:
        """On SQLite, one write transaction at a time (never nest transaction() calls: the
        inner one would wait for the outer forever); other databases need no queue."""
        if not self.is_sqlite:
            yield
            return
        async with self._writers:
            yield

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        async with self.engine.connect() as conn, conn.begin():
            yield conn

    async def dispose(self) -> None:
        await self.engine.dispose()


def _configure_sqlite(engine: AsyncEngine) -> None:
    """WAL for readers beside a writer, foreign keys on, and our own BEGIN statements (the
    recipe from SQLAlchemy's SQLite dialect documentation, "Serializable isolation")."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:  # noqa: ANN401 - DBAPI
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:  # noqa: ANN401 - SQLAlchemy passes its Connection
        write = conn.get_execution_options().get("councilbot_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def ensure_sqlite_folder(path: Path | None) -> None:
    """Creates the folder of a SQLite file on first run."""
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)


# The numbers handed out as "the last one + 1", each in its own space of advisory locks.
NUMBERING = {"minutes": 1, "agenda": 2, "consent_versions": 3}


async def lock_numbering(conn: AsyncConnection, space: str, key: int) -> None:
    """Makes this transaction the only one handing out the next number of `space` for `key`
    (a body's протоколы, a meeting's agenda) until it ends, so that "the last one + 1" read
    next is not read by another at the same time. On PostgreSQL a transaction-level advisory
    lock, released at COMMIT or ROLLBACK; SQLite runs one write transaction at a time (BEGIN
    IMMEDIATE) and needs nothing more."""
    if conn.dialect.name == "postgresql":
        await conn.execute(select(func.pg_advisory_xact_lock(NUMBERING[space], key)))


def dialect_insert(conn: AsyncConnection, table: Table) -> SqliteInsert | PgInsert:
    """INSERT with ON CONFLICT for this connection's database (SQLite or PostgreSQL)."""
    if conn.dialect.name == "sqlite":
        return sqlite_insert(table)
    return pg_insert(table)
