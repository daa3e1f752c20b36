"""Backups as the operator and the running bot take them: before a migration, once a day with
the oldest pruned, by hand, and a restore. The backups folder is the source of truth: the
newest file's time says when the next daily backup is due, whatever restarts happen."""

from __future__ import annotations

import asyncio
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bot.domain.clock import Clock
from bot.services.settings import Settings
from storage.backup import (
    Backup,
    BackupError,
    Checked,
    backup_name,
    check,
    copy_database,
    list_backups,
    prune,
    restore_database,
    schema_of,
)
from storage.migrate import head_revision, known_revision

log = logging.getLogger(__name__)

DAILY = timedelta(days=1)
PG_ADVICE = (
    "the database is not a SQLite file: back up and restore PostgreSQL with pg_dump and "
    "pg_restore (README: Running it on a server)"
)


class NewerSchema(BackupError):
    """The database was written by a newer councilbot: this code must not touch it."""


def newer_schema(path: Path, revision: str) -> NewerSchema:
    return NewerSchema(
        f"the database {path} has schema {revision}, newer than this code knows "
        f"({head_revision()}): run the newer councilbot, or restore an older backup"
    )


def before_upgrade(settings: Settings, now: datetime) -> Backup | None:
    """A backup of a database that has tables but is behind the newest migration, taken
    before the migrations run; None when there is nothing to migrate or no file."""
    path, folder = settings.sqlite_path, settings.backup_dir
    if path is None or folder is None or not path.is_file():
        return None
    tables, revision = schema_of(path)
    if tables == 0 or revision == head_revision():
        return None
    if revision is not None and not known_revision(revision):
        raise newer_schema(path, revision)
    target = folder / backup_name(now, "before-upgrade")
    copy_database(path, target)
    log.info("backed up %s to %s before migrating it", path, target)
    return next(b for b in list_backups(folder) if b.path == target)


def manual(settings: Settings, where: Path | None, now: datetime) -> Checked:
    """`councilbot backup [PATH]`: into PATH (a file, or a folder to put it in), by default
    into the backups folder."""
    path, folder = settings.sqlite_path, settings.backup_dir
    if path is None or folder is None:
        raise BackupError(PG_ADVICE)
    if where is None:
        target = folder / backup_name(now, "manual")
    elif where.is_dir():
        target = where / backup_name(now, "manual")
    else:
        target = where
    return copy_database(path, target.resolve())


@dataclass(frozen=True)
class Restored:
    backup: Checked
    replaced: Path | None  # where the database it replaced was moved


def restore(settings: Settings, source: Path, now: datetime) -> Restored:
    """`councilbot restore PATH`, with the bot stopped (the caller holds its lock): checks the
    backup, moves the current database files aside and writes the backup in their place."""
    target = settings.sqlite_path
    if target is None:
        raise BackupError(PG_ADVICE)
    checked = check(source.resolve())
    if checked.revision is None:
        raise BackupError(f"{source} is not a councilbot backup: it has no schema revision")
    if not known_revision(checked.revision):
        raise newer_schema(source, checked.revision)
    replaced = None
    if target.exists():
        stamp = backup_name(now).removeprefix("councilbot-").removesuffix(".sqlite3")
        replaced = target.with_name(f"{target.name}.replaced-{stamp}")
        # The bot is stopped: the file and its -wal and -shm move together, nothing lost.
        for suffix in ("", "-wal", "-shm"):
            side = target.with_name(target.name + suffix)
            if side.exists():
                os.replace(side, replaced.with_name(replaced.name + suffix))
    restored = restore_database(checked.path, target)
    return Restored(restored, replaced)


@dataclass(frozen=True)
class DailyOutcome:
    """What one look at the daily backup did: made one (`made`), failed (`error`), or found
    the newest recent enough (neither)."""

    made: Backup | None = None
    error: str | None = None
    newest: Backup | None = None


class BackupService:
    """The daily backup of the running bot, into the backups folder, keeping BACKUP_KEEP."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self._settings = settings
        self._clock = clock

    @property
    def enabled(self) -> bool:
        return self._settings.backup_dir is not None

    def newest(self) -> Backup | None:
        folder = self._settings.backup_dir
        found = [] if folder is None else list_backups(folder)
        return found[0] if found else None

    async def daily(self) -> DailyOutcome:
        """Makes the day's backup if the newest one is a day old or there is none."""
        folder, path = self._settings.backup_dir, self._settings.sqlite_path
        newest = self.newest()
        now = self._clock.now()
        if folder is None or path is None or (newest and now - newest.taken_at < DAILY):
            return DailyOutcome(newest=newest)
        target = folder / backup_name(now)
        try:
            await asyncio.to_thread(copy_database, path, target)
            gone = await asyncio.to_thread(prune, folder, self._settings.backup_keep)
        except (BackupError, OSError) as error:
            log.error("the daily backup into %s failed: %s", target, error)
            return DailyOutcome(error=str(error)[:300], newest=newest)
        log.info("daily backup %s made; %d old ones deleted", target, len(gone))
        made = self.newest()
        return DailyOutcome(made=made, newest=made)
