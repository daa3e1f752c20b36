"""Meetings, their agenda, materials, proposals and the answers «приду / не смогу»."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.meetings import MeetingForm, MeetingStatus
from bot.domain.records import AgendaItem, Material, Meeting, Proposal
from storage.db import dialect_insert, lock_numbering
from storage.schema import agenda_items, group_links, materials, meetings, proposals, rsvps


def _meeting(row: Mapping[Any, Any]) -> Meeting:
    return Meeting(
        id=row["id"],
        body_id=row["body_id"],
        form=MeetingForm(row["form"]),
        status=MeetingStatus(row["status"]),
        starts_at=row["starts_at"],
        vote_deadline=row["vote_deadline"],
        place=row["place"],
        extraordinary=row["extraordinary"],
        seminar=row["seminar"],
        short_notice_confirmed_by=row["short_notice_confirmed_by"],
        sequence=row["sequence"],
        ballot_opened_at=row["ballot_opened_at"],
        opened_at=row["opened_at"],
        checkin_code=row["checkin_code"],
        ballots_closed_at=row["ballots_closed_at"],
        closed_at=row["closed_at"],
        results=row["results"],
        created_by=row["created_by"],
    )


def _item(row: Mapping[Any, Any], files: Iterable[Material] = ()) -> AgendaItem:
    return AgendaItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        position=row["position"],
        title=row["title"],
        speaker=row["speaker"],
        needs_decision=row["needs_decision"],
        proposal_id=row["proposal_id"],
        materials=tuple(files),
    )


def _proposal(row: Mapping[Any, Any]) -> Proposal:
    return Proposal(
        id=row["id"],
        meeting_id=row["meeting_id"],
        person_id=row["person_id"],
        title=row["title"],
        status=row["status"],
        comment=row["comment"],
    )


async def create_meeting(
    conn: AsyncConnection,
    *,
    body_id: int,
    form: MeetingForm,
    starts_at: datetime,
    vote_deadline: datetime | None,
    place: str | None,
    extraordinary: bool,
    short_notice_confirmed_by: int | None,
    created_by: int,
    now: datetime,
    seminar: bool = False,
) -> Meeting:
    result = await conn.execute(
        insert(meetings)
        .values(
            body_id=body_id,
            form=form.value,
            status=MeetingStatus.ANNOUNCED.value,
            starts_at=starts_at,
            vote_deadline=vote_deadline,
            place=place,
            extraordinary=extraordinary,
            seminar=seminar,
            short_notice_confirmed_by=short_notice_confirmed_by,
            short_notice_confirmed_at=now if short_notice_confirmed_by else None,
            sequence=0,
            created_by=created_by,
            created_at=now,
        )
        .returning(*meetings.c)
    )
    return _meeting(result.mappings().one())


async def get_meeting(conn: AsyncConnection, meeting_id: int) -> Meeting | None:
    return (await get_meetings(conn, [meeting_id])).get(meeting_id)


async def get_meetings(conn: AsyncConnection, meeting_ids: Iterable[int]) -> dict[int, Meeting]:
    """Several meetings at once, by id; ids that name no meeting are left out."""
    result = await conn.execute(select(meetings).where(meetings.c.id.in_(set(meeting_ids))))
    return {meeting.id: meeting for meeting in map(_meeting, result.mappings())}


async def meetings_of_bodies(conn: AsyncConnection, body_ids: Sequence[int]) -> list[Meeting]:
    """Every meeting of these bodies, the soonest first."""
    if not body_ids:
        return []
    result = await conn.execute(
        select(meetings).where(meetings.c.body_id.in_(body_ids)).order_by(meetings.c.starts_at)
    )
    return [_meeting(row) for row in result.mappings()]


async def reschedule(
    conn: AsyncConnection, meeting_id: int, *, starts_at: datetime, vote_deadline: datetime | None
) -> None:
    await conn.execute(
        update(meetings)
        .where(meetings.c.id == meeting_id)
        .values(starts_at=starts_at, vote_deadline=vote_deadline, sequence=meetings.c.sequence + 1)
    )


async def cancel(conn: AsyncConnection, meeting_id: int, *, by: int, now: datetime) -> bool:
    """Cancels an announced meeting; False when it was already cancelled."""
    result = await conn.execute(
        update(meetings)
        .where(meetings.c.id == meeting_id, meetings.c.status == MeetingStatus.ANNOUNCED.value)
        .values(
            status=MeetingStatus.CANCELLED.value,
            cancelled_at=now,
            cancelled_by=by,
            sequence=meetings.c.sequence + 1,
        )
    )
    return result.rowcount == 1


async def mark_ballot_opened(conn: AsyncConnection, meeting_id: int, *, now: datetime) -> None:
    await conn.execute(
        update(meetings)
        .where(meetings.c.id == meeting_id, meetings.c.ballot_opened_at.is_(None))
        .values(ballot_opened_at=now)
    )


async def add_item(
    conn: AsyncConnection,
    *,
    meeting_id: int,
    title: str,
    speaker: str | None,
    needs_decision: bool,
    proposal_id: int | None,
    now: datetime,
) -> AgendaItem:
    """Appends an item at the end of the agenda."""
    await lock_numbering(conn, "agenda", meeting_id)
    last = await conn.execute(
        select(func.coalesce(func.max(agenda_items.c.position), 0)).where(
            agenda_items.c.meeting_id == meeting_id
        )
    )
    result = await conn.execute(
        insert(agenda_items)
        .values(
            meeting_id=meeting_id,
            position=int(last.scalar_one()) + 1,
            title=title,
            speaker=speaker,
            needs_decision=needs_decision,
            proposal_id=proposal_id,
            added_at=now,
        )
        .returning(*agenda_items.c)
    )
    return _item(result.mappings().one())


async def add_material(
    conn: AsyncConnection,
    *,
    item_id: int,
    file_id: str,
    file_name: str,
    mime_type: str | None,
    file_size: int | None,
) -> None:
    await conn.execute(
        insert(materials).values(
            item_id=item_id,
            file_id=file_id,
            file_name=file_name,
            mime_type=mime_type,
            file_size=file_size,
        )
    )


async def agenda(conn: AsyncConnection, meeting_id: int) -> list[AgendaItem]:
    """The agenda in order, each item with its materials."""
    return (await agendas(conn, [meeting_id]))[meeting_id]


async def agendas(
    conn: AsyncConnection, meeting_ids: Iterable[int]
) -> dict[int, list[AgendaItem]]:
    """The agendas of several meetings at once (in two queries, however many meetings)."""
    wanted = set(meeting_ids)
    items = await conn.execute(
        select(agenda_items)
        .where(agenda_items.c.meeting_id.in_(wanted))
        .order_by(agenda_items.c.meeting_id, agenda_items.c.position)
    )
    rows = list(items.mappings())
    files = await conn.execute(
        select(materials)
        .where(materials.c.item_id.in_([row["id"] for row in rows]))
        .order_by(materials.c.id)
    )
    by_item: dict[int, list[Material]] = {}
    for file in files.mappings():
        by_item.setdefault(file["item_id"], []).append(Material(**dict(file)))
    found: dict[int, list[AgendaItem]] = {meeting_id: [] for meeting_id in wanted}
    for row in rows:
        found[row["meeting_id"]].append(_item(row, by_item.get(row["id"], ())))
    return found


async def create_proposal(
    conn: AsyncConnection, *, meeting_id: int, person_id: int, title: str, now: datetime
) -> Proposal:
    result = await conn.execute(
        insert(proposals)
        .values(
            meeting_id=meeting_id,
            person_id=person_id,
            title=title,
            status="pending",
            created_at=now,
        )
        .returning(*proposals.c)
    )
    return _proposal(result.mappings().one())


async def get_proposal(conn: AsyncConnection, proposal_id: int) -> Proposal | None:
    result = await conn.execute(select(proposals).where(proposals.c.id == proposal_id))
    row = result.mappings().one_or_none()
    return None if row is None else _proposal(row)


async def decide_proposal(
    conn: AsyncConnection,
    proposal_id: int,
    *,
    accepted: bool,
    comment: str | None,
    by: int,
    now: datetime,
) -> bool:
    """Accepts or rejects a pending proposal; False when it was already decided."""
    result = await conn.execute(
        update(proposals)
        .where(proposals.c.id == proposal_id, proposals.c.status == "pending")
        .values(
            status="accepted" if accepted else "rejected",
            comment=comment,
            decided_by=by,
            decided_at=now,
        )
    )
    return result.rowcount == 1


async def proposals_of(conn: AsyncConnection, meeting_id: int) -> list[Proposal]:
    result = await conn.execute(
        select(proposals).where(proposals.c.meeting_id == meeting_id).order_by(proposals.c.id)
    )
    return [_proposal(row) for row in result.mappings()]


async def set_rsvp(
    conn: AsyncConnection, *, meeting_id: int, person_id: int, coming: bool, now: datetime
) -> None:
    statement = dialect_insert(conn, rsvps).values(
        meeting_id=meeting_id, person_id=person_id, coming=coming, updated_at=now
    )
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=[rsvps.c.meeting_id, rsvps.c.person_id],
            set_={"coming": coming, "updated_at": now},
        )
    )


async def rsvps_of(conn: AsyncConnection, meeting_id: int) -> dict[int, bool]:
    """Person id → whether they said they will come."""
    result = await conn.execute(
        select(rsvps.c.person_id, rsvps.c.coming).where(rsvps.c.meeting_id == meeting_id)
    )
    return {row.person_id: row.coming for row in result}


async def add_group_link(
    conn: AsyncConnection, *, code: str, body_id: int, created_by: int, expires_at: datetime
) -> None:
    await conn.execute(
        insert(group_links).values(
            code=code, body_id=body_id, created_by=created_by, expires_at=expires_at
        )
    )


async def use_group_link(
    conn: AsyncConnection, *, code: str, person_id: int, now: datetime
) -> int | None:
    """Spends a group-link code given to this person; the body id, or None if not valid."""
    result = await conn.execute(
        update(group_links)
        .where(
            group_links.c.code == code,
            group_links.c.created_by == person_id,
            group_links.c.used_at.is_(None),
            group_links.c.expires_at > now,
        )
        .values(used_at=now)
        .returning(group_links.c.body_id)
    )
    body_id: int | None = result.scalar_one_or_none()
    return body_id
