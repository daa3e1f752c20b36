"""What running the bot needs from the database: coordinators appointed from the command line,
alerts the coordinators were given, and the counts `/status` shows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.records import Frozen, Person
from storage.db import dialect_insert
from storage.notices import OPEN
from storage.people import person_from_row
from storage.schema import (
    appointed_coordinators,
    coordinators,
    deliveries,
    notices,
    operator_alerts,
    persons,
)


class Counts(Frozen):
    """The figures of `/status`."""

    notices_open: int
    notices_stuck: int
    deliveries_failed: int
    unreachable: int


async def appoint(conn: AsyncConnection, telegram_id: int, *, now: datetime) -> bool:
    """Makes a Telegram user a coordinator; False if they already were one."""
    result = await conn.execute(
        dialect_insert(conn, appointed_coordinators)
        .values(telegram_id=telegram_id, created_at=now)
        .on_conflict_do_nothing()
    )
    return result.rowcount == 1


async def appointed_among(conn: AsyncConnection, telegram_ids: Iterable[int]) -> set[int]:
    """Which of these Telegram users were appointed coordinators."""
    result = await conn.execute(
        select(appointed_coordinators.c.telegram_id).where(
            appointed_coordinators.c.telegram_id.in_(set(telegram_ids))
        )
    )
    return set(result.scalars())


async def coordinator_people(conn: AsyncConnection, admin_ids: Iterable[int]) -> list[Person]:
    """Everyone who coordinates: of an organisation, from COORDINATOR_IDS (`admin_ids`), or
    appointed; only those registered, who can be written to."""
    appointed = select(appointed_coordinators.c.telegram_id)
    organisers = select(coordinators.c.person_id)
    result = await conn.execute(
        select(persons)
        .where(
            or_(
                persons.c.id.in_(organisers),
                persons.c.telegram_id.in_(set(admin_ids)),
                persons.c.telegram_id.in_(appointed),
            )
        )
        .order_by(persons.c.id)
    )
    return [person_from_row(row) for row in result.mappings()]


async def is_organisation_coordinator(conn: AsyncConnection, person_id: int) -> bool:
    result = await conn.execute(
        select(coordinators.c.person_id).where(coordinators.c.person_id == person_id).limit(1)
    )
    return result.first() is not None


async def record_alert(conn: AsyncConnection, key: str, *, now: datetime) -> bool:
    """Notes that the coordinators are being told `key`; False if they were told before."""
    result = await conn.execute(
        dialect_insert(conn, operator_alerts).values(key=key, told_at=now).on_conflict_do_nothing()
    )
    return result.rowcount == 1


async def stuck_notices(conn: AsyncConnection, *, due_before: datetime) -> list[int]:
    """Ids of notices still not sent although they were due before `due_before`."""
    result = await conn.execute(
        select(notices.c.id)
        .where(notices.c.status.in_(OPEN), notices.c.due_at < due_before)
        .order_by(notices.c.id)
    )
    return list(result.scalars())


async def counts(
    conn: AsyncConnection, *, now: datetime, stuck_before: datetime, failed_since: datetime
) -> Counts:
    """Open and stuck notices, deliveries that failed since `failed_since` (by when their
    notice went out), and people who stopped the bot."""
    open_ = func.count().filter(notices.c.status.in_(OPEN))
    stuck = func.count().filter(notices.c.status.in_(OPEN), notices.c.due_at < stuck_before)
    notice_row = (await conn.execute(select(open_, stuck).select_from(notices))).one()
    failed = await conn.execute(
        select(func.count())
        .select_from(deliveries.join(notices, notices.c.id == deliveries.c.notice_id))
        .where(
            deliveries.c.status == "failed",
            func.coalesce(notices.c.done_at, notices.c.due_at) >= failed_since,
            notices.c.due_at <= now,
        )
    )
    unreachable = await conn.execute(
        select(func.count()).select_from(persons).where(persons.c.reachable.is_(False))
    )
    return Counts(
        notices_open=notice_row[0],
        notices_stuck=notice_row[1],
        deliveries_failed=failed.scalar_one(),
        unreachable=unreachable.scalar_one(),
    )
