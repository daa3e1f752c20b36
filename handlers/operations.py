"""/id for everyone, /status for coordinators: the bot's health in the chat."""

from __future__ import annotations

from datetime import timedelta

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.services.access import Actor
from bot.services.operations import OperationsService, Status
from bot.services.settings import Settings
from handlers.filters import PRIVATE
from handlers.render import local_time


def duration(i18n: I18nContext, delta: timedelta) -> str:
    """«2 дня 3 часа», «5 часов 10 минут», «4 минуты»: the two largest units."""
    minutes = max(0, int(delta.total_seconds() // 60))
    days, hours, minutes = minutes // 1440, minutes // 60 % 24, minutes % 60
    if days:
        parts = [i18n.get("duration-days", count=days)]
        if hours:
            parts.append(i18n.get("duration-hours", count=hours))
    elif hours:
        parts = [i18n.get("duration-hours", count=hours)]
        if minutes:
            parts.append(i18n.get("duration-minutes", count=minutes))
    else:
        parts = [i18n.get("duration-minutes", count=minutes)]
    return " ".join(parts)


def size(i18n: I18nContext, count: int | None) -> str:
    if count is None:
        return i18n.get("status-size-unknown")
    if count < 10_000_000:
        return i18n.get("size-kb", count=max(1, count // 1000))
    return i18n.get("size-mb", count=count // 1_000_000)


def status_text(i18n: I18nContext, status: Status, timezone: str) -> str:
    backup = status.last_backup
    if not status.backups_enabled:
        backup_line = i18n.get("status-backup-pg")
    elif backup is None:
        backup_line = i18n.get("status-backup-none")
    else:
        backup_line = i18n.get(
            "status-backup",
            when=local_time(backup.taken_at, timezone),
            age=duration(i18n, status.now - backup.taken_at),
            size=size(i18n, backup.size),
        )
    counts = status.counts
    return "\n".join(
        [
            i18n.get("status-title", version=status.version),
            i18n.get("status-uptime", uptime=duration(i18n, status.now - status.started_at)),
            i18n.get(
                "status-database", path=status.database, size=size(i18n, status.database_size)
            ),
            backup_line,
            i18n.get("status-notices", open=counts.notices_open, stuck=counts.notices_stuck),
            i18n.get("status-failed", count=counts.deliveries_failed),
            i18n.get("status-unreachable", count=counts.unreachable),
        ]
    )


async def my_id(message: Message, actor: Actor, i18n: I18nContext) -> None:
    await message.answer(i18n.get("id-yours", id=str(actor.telegram_id)))


# Private only: the health names the server's paths, which a group has no business seeing.
async def status(
    message: Message,
    actor: Actor,
    operations: OperationsService,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    health = await operations.status(actor)
    await message.answer(status_text(i18n, health, settings.timezone))


def router() -> Router:
    r = Router(name="operations")
    r.message.register(my_id, Command("id"))
    r.message.register(status, Command("status"), PRIVATE)
    return r
