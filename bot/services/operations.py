"""The bot's own health: `/status` for coordinators, coordinators appointed from the command
line, and what the coordinators must be told once (a failed daily backup, a notice stuck for an
hour). Each alert is recorded in the database before it goes out, so it is told once, whatever
restarts happen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from importlib import metadata
from pathlib import Path

from bot.domain.clock import Clock
from bot.domain.errors import AccessDenied
from bot.domain.records import Person
from bot.services.access import Actor
from bot.services.backups import BackupService, DailyOutcome
from bot.services.settings import Settings
from storage import operations
from storage.backup import Backup
from storage.db import Database
from storage.operations import Counts

STUCK_AFTER = timedelta(hours=1)
FAILED_WITHIN = timedelta(days=1)


def version() -> str:
    try:
        return metadata.version("councilbot")
    except metadata.PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class Status:
    version: str
    started_at: datetime
    now: datetime
    database: str  # the absolute path of the SQLite file, or the server of PostgreSQL
    database_size: int | None  # bytes, with the -wal file; None when not a file
    last_backup: Backup | None
    backups_enabled: bool
    counts: Counts


@dataclass(frozen=True)
class Alert:
    key: str  # the locale key of the message
    params: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class Alerts:
    """What to tell whom: every message to every coordinator."""

    tell: list[Person]
    messages: list[Alert]


def _size(path: Path) -> int | None:
    if not path.is_file():
        return None
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.is_file() else 0)


class OperationsService:
    def __init__(
        self, db: Database, clock: Clock, settings: Settings, backups: BackupService
    ) -> None:
        self._db = db
        self._clock = clock
        self._settings = settings
        self._backups = backups
        self.started_at = clock.now()

    async def _require_coordinator(self, actor: Actor) -> None:
        if actor.is_admin:
            return
        if actor.person is not None:
            async with self._db.read() as conn:
                if await operations.is_organisation_coordinator(conn, actor.person.id):
                    return
        raise AccessDenied("status-not-allowed")

    async def status(self, actor: Actor) -> Status:
        """The health of the bot, for a coordinator only."""
        await self._require_coordinator(actor)
        now = self._clock.now()
        async with self._db.read() as conn:
            counts = await operations.counts(
                conn,
                now=now,
                stuck_before=now - STUCK_AFTER,
                failed_since=now - FAILED_WITHIN,
            )
        path = self._settings.sqlite_path
        where = str(path.resolve()) if path else self._settings.database.split("@")[-1]
        return Status(
            version=version(),
            started_at=self.started_at,
            now=now,
            database=where,
            database_size=None if path is None else _size(path),
            last_backup=self._backups.newest(),
            backups_enabled=self._backups.enabled,
            counts=counts,
        )

    async def appoint(self, telegram_id: int) -> bool:
        """`councilbot add-coordinator`: False if they were one already."""
        async with self._db.transaction() as conn:
            return await operations.appoint(conn, telegram_id, now=self._clock.now())

    async def upkeep(self) -> Alerts:
        """The hourly look after the bot: the daily backup when it is due, then what the
        coordinators have not been told yet."""
        daily = await self._backups.daily()
        now = self._clock.now()
        async with self._db.transaction() as conn:
            messages = [
                alert
                for key, alert in self._backup_alerts(daily)
                if await operations.record_alert(conn, key, now=now)
            ]
            # A notice that fell due while the bot was down goes out at start-up: it is stuck
            # only if it is still unsent an hour after the bot could first send it.
            overdue = (
                await operations.stuck_notices(conn, due_before=now - STUCK_AFTER)
                if now - self.started_at >= STUCK_AFTER
                else []
            )
            stuck = [
                notice_id
                for notice_id in overdue
                if await operations.record_alert(conn, f"notice-stuck:{notice_id}", now=now)
            ]
            if stuck:
                messages.append(Alert("alert-notice-stuck", {"count": len(stuck)}))
            tell = await operations.coordinator_people(conn, self._settings.coordinator_ids)
        return Alerts(tell=tell if messages else [], messages=messages)

    def _backup_alerts(self, daily: DailyOutcome) -> list[tuple[str, Alert]]:
        if daily.error is None:
            return []
        # One alert per run of failures: until a backup succeeds again, the newest good one
        # stays the same, and so does the key.
        since = "none" if daily.newest is None else daily.newest.path.name
        return [(f"backup-failed:{since}", Alert("alert-backup-failed", {"error": daily.error}))]
