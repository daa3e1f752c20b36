"""Backups of the SQLite database: a consistent copy of a live database through SQLite's online
backup API (never a file copy, which misses what still sits in the `-wal` file), checked before
it counts, and put back the same way. These functions block; callers in the event loop run
them in a thread."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from bot.domain.records import Frozen

# councilbot-20270301-030000.sqlite3, or with why it was taken: ...-before-upgrade.sqlite3
_NAME = re.compile(r"^councilbot-(?P<at>\d{8}-\d{6})(?:-(?P<why>[a-z-]+))?\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S"


class BackupError(Exception):
    """A backup could not be made, checked or put back; the message says why, in one line."""


class Backup(Frozen):
    path: Path
    taken_at: datetime
    reason: str | None
    size: int


class Checked(Frozen):
    """A database file that passed `PRAGMA integrity_check`, with its migration revision."""

    path: Path
    revision: str | None
    tables: int


def backup_name(now: datetime, reason: str | None = None) -> str:
    stamp = now.astimezone(UTC).strftime(_STAMP)
    return f"councilbot-{stamp}{'' if reason is None else '-' + reason}.sqlite3"


def list_backups(folder: Path) -> list[Backup]:
    """The backups in `folder`, newest first, by the time in their names (UTC)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        taken = datetime.strptime(match["at"], _STAMP).replace(tzinfo=UTC)
        found.append(
            Backup(path=path, taken_at=taken, reason=match["why"], size=path.stat().st_size)
        )
    return sorted(found, key=lambda backup: (backup.taken_at, backup.path.name), reverse=True)


def prune(folder: Path, keep: int) -> list[Path]:
    """Deletes all but the newest `keep` backups; returns what it deleted."""
    gone = [backup.path for backup in list_backups(folder)[keep:]]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


@contextlib.contextmanager
def _open(path: Path) -> Iterator[sqlite3.Connection]:
    # sqlite3 would create a missing file: a backup of nothing must fail, not succeed empty.
    if not path.is_file():
        raise BackupError(f"no database file at {path}")
    try:
        conn = sqlite3.connect(path, timeout=30)
    except sqlite3.Error as error:
        raise BackupError(f"cannot open {path}: {error}") from None
    try:
        yield conn
    finally:
        conn.close()


def _revision(conn: sqlite3.Connection) -> str | None:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if has_table is None:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def check(path: Path) -> Checked:
    """Opens a database file and runs the integrity check; raises BackupError if it fails."""
    with _open(path) as conn:
        try:
            verdict = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            revision = _revision(conn)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a readable database: {error}") from None
    if verdict != ["ok"]:
        raise BackupError(f"{path} fails the integrity check: {'; '.join(verdict)[:200]}")
    return Checked(path=path, revision=revision, tables=tables)


def schema_of(path: Path) -> tuple[int, str | None]:
    """How many tables a database file has and its migration revision; no integrity check."""
    with _open(path) as conn:
        try:
            tables = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            return int(tables), _revision(conn)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not a readable database: {error}") from None


def copy_database(source: Path, target: Path) -> Checked:
    """Copies a database, live or not, into `target` (a new file), then checks that the copy
    passes the integrity check and carries the source's migration revision."""
    if target.exists():
        raise BackupError(f"{target} exists already; choose another name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    with _open(source) as src:
        try:
            expected = _revision(src)
            dst = sqlite3.connect(partial)
            try:
                # One step: the whole database as of one moment, while the bot goes on writing.
                src.backup(dst)
                # A self-contained file: no -wal beside it to forget when it is moved.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        except sqlite3.Error as error:
            partial.unlink(missing_ok=True)
            raise BackupError(f"cannot copy {source}: {error}") from None
    try:
        checked = check(partial)
        if checked.revision != expected:
            raise BackupError(f"the copy has schema {checked.revision}, the database {expected}")
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return checked.model_copy(update={"path": target})


def restore_database(backup: Path, target: Path) -> Checked:
    """Writes the backup's content over the database at `target` (the bot must be stopped),
    through the same backup API, so the target's -wal and -shm files stay consistent."""
    with _open(backup) as src:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            dst = sqlite3.connect(target, timeout=30)
            try:
                src.backup(dst)
            finally:
                dst.close()
        except sqlite3.Error as error:
            raise BackupError(f"cannot write {target}: {error}") from None
    return check(target)
