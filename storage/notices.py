"""Scheduled notices and their delivery to each recipient: the record that lets a broadcast
continue after a restart without repeating or skipping anyone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.meetings import NoticeKind
from bot.domain.records import Delivery, Notice
from storage.db import dialect_insert
from storage.schema import deliveries, notices, part

OPEN = ("pending", "sending")


def _notice(row: Mapping[Any, Any]) -> Notice:
    return Notice(
        id=row["id"],
        meeting_id=row["meeting_id"],
        consultation_id=row["consultation_id"],
        kind=NoticeKind(row["kind"]),
        due_at=row["due_at"],
        status=row["status"],
        details=row["details"],
        person_id=row["person_id"],
    )


def _delivery(row: Mapping[Any, Any]) -> Delivery:
    return Delivery(
        id=row["id"],
        notice_id=row["notice_id"],
        person_id=row["person_id"],
        chat_id=row["chat_id"],
        status=row["status"],
        attempts=row["attempts"],
        error=row["error"],
        message_id=row["message_id"],
    )


async def add_notice(
    conn: AsyncConnection,
    *,
    meeting_id: int | None,
    kind: NoticeKind,
    due_at: datetime,
    now: datetime,
    details: dict[str, str | int] | None = None,
    consultation_id: int | None = None,
    person_id: int | None = None,
) -> Notice:
    result = await conn.execute(
        insert(notices)
        .values(
            meeting_id=meeting_id,
            consultation_id=consultation_id,
            person_id=person_id,
            kind=kind.value,
            due_at=due_at,
            status="pending",
            details=details or {},
            created_at=now,
        )
        .returning(*notices.c)
    )
    return _notice(result.mappings().one())


async def get_notice(conn: AsyncConnection, notice_id: int) -> Notice | None:
    result = await conn.execute(select(notices).where(notices.c.id == notice_id))
    row = result.mappings().one_or_none()
    return None if row is None else _notice(row)


async def open_notices(conn: AsyncConnection) -> list[Notice]:
    """Notices not finished yet, pending or half-sent, by due time: what start-up re-arms."""
    result = await conn.execute(
        select(notices).where(notices.c.status.in_(OPEN)).order_by(notices.c.due_at, notices.c.id)
    )
    return [_notice(row) for row in result.mappings()]


async def notices_of(conn: AsyncConnection, meeting_id: int) -> list[Notice]:
    result = await conn.execute(
        select(notices).where(notices.c.meeting_id == meeting_id).order_by(notices.c.id)
    )
    return [_notice(row) for row in result.mappings()]


async def claim(conn: AsyncConnection, notice_id: int) -> bool:
    """pending → sending: the caller now fixes the recipients. False if someone else did."""
    result = await conn.execute(
        update(notices)
        .where(notices.c.id == notice_id, notices.c.status == "pending")
        .values(status="sending")
    )
    return result.rowcount == 1


async def finish(conn: AsyncConnection, notice_id: int, *, now: datetime) -> bool:
    """sending → done; False if it was finished already (by an earlier run)."""
    result = await conn.execute(
        update(notices)
        .where(notices.c.id == notice_id, notices.c.status == "sending")
        .values(status="done", done_at=now)
    )
    return result.rowcount == 1


async def deliveries_of_notice(conn: AsyncConnection, notice_id: int) -> list[Delivery]:
    """Every recipient of one notice, in the order they were fixed."""
    result = await conn.execute(
        select(deliveries).where(deliveries.c.notice_id == notice_id).order_by(deliveries.c.id)
    )
    return [_delivery(row) for row in result.mappings()]


async def postpone(conn: AsyncConnection, notice_id: int, due_at: datetime) -> bool:
    """Moves a pending notice to a later moment (the end of quiet hours)."""
    result = await conn.execute(
        update(notices)
        .where(notices.c.id == notice_id, notices.c.status == "pending")
        .values(due_at=due_at)
    )
    return result.rowcount == 1


async def skip(conn: AsyncConnection, notice: Notice, reason: str, *, now: datetime) -> bool:
    """pending → skipped, with the reason kept in its details; False if it had started."""
    result = await conn.execute(
        update(notices)
        .where(notices.c.id == notice.id, notices.c.status == "pending")
        .values(status="skipped", done_at=now, details={**notice.details, "skipped": reason})
    )
    return result.rowcount == 1


async def cancel_pending(
    conn: AsyncConnection,
    meeting_id: int | None,
    kinds: Iterable[NoticeKind] | None = None,
    *,
    consultation_id: int | None = None,
) -> list[int]:
    """Cancels a meeting's (or a consultation's) notices that have not started; returns their
    ids."""
    owner = (
        notices.c.meeting_id == meeting_id
        if consultation_id is None
        else notices.c.consultation_id == consultation_id
    )
    condition = [owner, notices.c.status == "pending"]
    if kinds is not None:
        condition.append(notices.c.kind.in_([kind.value for kind in kinds]))
    result = await conn.execute(
        update(notices).where(*condition).values(status="cancelled").returning(notices.c.id)
    )
    return list(result.scalars())


async def add_deliveries(
    conn: AsyncConnection, notice_id: int, recipients: Iterable[tuple[int | None, int | None, str]]
) -> None:
    """One row per recipient (person id, chat id, first status); rows already there stay."""
    rows = [
        {"notice_id": notice_id, "person_id": person, "chat_id": chat, "status": status}
        for person, chat, status in recipients
    ]
    if rows:
        await conn.execute(dialect_insert(conn, deliveries).values(rows).on_conflict_do_nothing())


async def add_edits(conn: AsyncConnection, notice_id: int, of_notice_id: int) -> None:
    """The edits of a notice that changes messages already sent: one row per delivery of
    `of_notice_id` that was sent and whose message is known, aimed at that message; rows
    already there stay."""
    result = await conn.execute(
        select(deliveries.c.person_id, deliveries.c.chat_id, deliveries.c.message_id)
        .where(
            deliveries.c.notice_id == of_notice_id,
            deliveries.c.status == "sent",
            deliveries.c.chat_id.is_not(None),
            deliveries.c.message_id.is_not(None),
        )
        .order_by(deliveries.c.id)
    )
    rows = [
        {
            "notice_id": notice_id,
            "person_id": row.person_id,
            "chat_id": row.chat_id,
            "message_id": row.message_id,
            "status": "pending",
        }
        for row in result
    ]
    if rows:
        await conn.execute(dialect_insert(conn, deliveries).values(rows).on_conflict_do_nothing())


async def open_deliveries(conn: AsyncConnection, notice_id: int) -> list[Delivery]:
    """Recipients still to be sent to (pending; those caught mid-send by a stop are pending
    again after `requeue_interrupted`)."""
    result = await conn.execute(
        select(deliveries)
        .where(deliveries.c.notice_id == notice_id, deliveries.c.status == "pending")
        .order_by(deliveries.c.id)
    )
    return [_delivery(row) for row in result.mappings()]


async def claim_delivery(conn: AsyncConnection, delivery_id: int) -> bool:
    """pending → sending, counting the attempt: of two senders on one delivery, one gets it
    (the other's UPDATE finds it no longer pending). False for the other."""
    result = await conn.execute(
        update(deliveries)
        .where(deliveries.c.id == delivery_id, deliveries.c.status == "pending")
        .values(status="sending", attempts=deliveries.c.attempts + 1)
    )
    return result.rowcount == 1


async def requeue_interrupted(conn: AsyncConnection) -> int:
    """At start-up, before anything is sent: a delivery left `sending` was cut off by the last
    stop (it may or may not have reached Telegram) and is pending again, to be sent once more;
    while the bot runs, `sending` is a sender's own and nobody else takes it."""
    result = await conn.execute(
        update(deliveries).where(deliveries.c.status == "sending").values(status="pending")
    )
    return int(result.rowcount)


async def mark(
    conn: AsyncConnection,
    delivery_id: int,
    *,
    status: str,
    now: datetime,
    error: str | None = None,
    message_id: int | None = None,
) -> None:
    """Records a delivery's progress; a sent one keeps the id of the message it became."""
    values: dict[str, Any] = {"status": status, "error": error}
    if status == "sending":
        values["attempts"] = deliveries.c.attempts + 1
    if status == "sent":
        values["sent_at"] = now
    if message_id is not None:
        values["message_id"] = message_id
    await conn.execute(update(deliveries).where(deliveries.c.id == delivery_id).values(**values))


async def skipped_of(conn: AsyncConnection, meeting_id: int) -> list[Notice]:
    """A meeting's notices that were not sent because their moment had passed."""
    result = await conn.execute(
        select(notices)
        .where(notices.c.meeting_id == meeting_id, notices.c.status == "skipped")
        .order_by(notices.c.due_at, notices.c.id)
    )
    return [_notice(row) for row in result.mappings()]


async def deliveries_of(conn: AsyncConnection, meeting_id: int) -> list[tuple[Notice, Delivery]]:
    """Every delivery of a meeting's notices, for the secretary's report."""
    result = await conn.execute(
        select(notices, deliveries)
        .join(deliveries, deliveries.c.notice_id == notices.c.id)
        .where(notices.c.meeting_id == meeting_id)
        .order_by(notices.c.id, deliveries.c.id)
    )
    return [(_notice(part(row, notices)), _delivery(part(row, deliveries))) for row in result]


async def cancel_of_person(conn: AsyncConnection, person_id: int, kind: NoticeKind) -> list[int]:
    """Cancels a person's notices of this kind that have not started; returns their ids."""
    result = await conn.execute(
        update(notices)
        .where(
            notices.c.person_id == person_id,
            notices.c.kind == kind.value,
            notices.c.status == "pending",
        )
        .values(status="cancelled")
        .returning(notices.c.id)
    )
    return list(result.scalars())
