"""A body's plan of meetings for the year, and the cadence reminders already sent."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.records import Plan
from storage.db import dialect_insert
from storage.schema import cadence_reminders, plans


def _plan(row: Mapping[Any, Any]) -> Plan:
    return Plan(
        id=row["id"],
        body_id=row["body_id"],
        planned_on=row["planned_on"],
        topic=row["topic"],
        seminar=row["seminar"],
        meeting_id=row["meeting_id"],
    )


async def add_plan(
    conn: AsyncConnection,
    *,
    body_id: int,
    planned_on: date,
    topic: str,
    seminar: bool,
    by: int,
    now: datetime,
) -> Plan:
    result = await conn.execute(
        insert(plans)
        .values(
            body_id=body_id,
            planned_on=planned_on,
            topic=topic,
            seminar=seminar,
            created_by=by,
            created_at=now,
        )
        .returning(*plans.c)
    )
    return _plan(result.mappings().one())


async def get_plan(conn: AsyncConnection, plan_id: int) -> Plan | None:
    result = await conn.execute(select(plans).where(plans.c.id == plan_id))
    row = result.mappings().one_or_none()
    return None if row is None else _plan(row)


async def plans_of(conn: AsyncConnection, body_id: int, *, since: date, until: date) -> list[Plan]:
    """Plan entries of a body with dates in [since, until), by date."""
    result = await conn.execute(
        select(plans)
        .where(plans.c.body_id == body_id, plans.c.planned_on >= since, plans.c.planned_on < until)
        .order_by(plans.c.planned_on, plans.c.id)
    )
    return [_plan(row) for row in result.mappings()]


async def link_plan(conn: AsyncConnection, plan_id: int, meeting_id: int) -> None:
    """A planned meeting was announced: the plan entry now points at it."""
    await conn.execute(update(plans).where(plans.c.id == plan_id).values(meeting_id=meeting_id))


async def remove_plan(conn: AsyncConnection, plan_id: int) -> None:
    await conn.execute(delete(plans).where(plans.c.id == plan_id, plans.c.meeting_id.is_(None)))


async def record_reminder(
    conn: AsyncConnection, *, body_id: int, period_start: date, offset: int, now: datetime
) -> bool:
    """Notes a cadence reminder; False when it was noted before (sent once, restarts or not)."""
    result = await conn.execute(
        dialect_insert(conn, cadence_reminders)
        .values(body_id=body_id, period_start=period_start, offset_days=offset, sent_at=now)
        .on_conflict_do_nothing()
    )
    return result.rowcount == 1
