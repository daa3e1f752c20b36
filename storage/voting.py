"""Voting records: the frozen roster, ballots, each member's current answer, room counts,
attendance, and the append-only log of everything that happened."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.model import Role
from bot.domain.records import Ballot, Presence, RoomVote, Vote
from bot.domain.results import Results
from bot.domain.voting import Choice, Source, Tally
from storage.db import dialect_insert
from storage.schema import attendance, ballots, meetings, room_votes, vote_log, voters, votes


@dataclass(frozen=True, slots=True)
class CastVote:
    """An answer given on a ballot, and the answer it replaces (None for a first vote): pressed
    on the member's own опросный лист, or entered from a paper one by `actor_id`."""

    meeting_id: int
    item_id: int
    person_id: int
    choice: Choice
    previous: Choice | None
    source: Source = Source.TELEGRAM
    actor_id: int | None = None  # who entered it; None: the member themselves

    @property
    def action(self) -> str:
        """What the vote log calls it: a vote, a change of a vote, or a paper vote."""
        if self.source is Source.PAPER:
            return "paper"
        return "change" if self.previous else "vote"


def _ballot(row: Mapping[Any, Any]) -> Ballot:
    return Ballot(
        id=row["id"],
        meeting_id=row["meeting_id"],
        person_id=row["person_id"],
        source=Source(row["source"]),
        signed_at=row["signed_at"],
    )


async def freeze_voters(
    conn: AsyncConnection, meeting_id: int, members: Iterable[tuple[int, Role]], *, now: datetime
) -> None:
    """Fixes who may vote in this meeting; a second call adds nobody (the first one counts)."""
    if await voters_of(conn, meeting_id):
        return
    rows = [
        {"meeting_id": meeting_id, "person_id": person, "role": role.value, "frozen_at": now}
        for person, role in members
    ]
    if rows:
        await conn.execute(dialect_insert(conn, voters).values(rows).on_conflict_do_nothing())


async def voters_of(conn: AsyncConnection, meeting_id: int) -> dict[int, Role]:
    """Person id → role, of the roster frozen for this meeting."""
    result = await conn.execute(
        select(voters.c.person_id, voters.c.role).where(voters.c.meeting_id == meeting_id)
    )
    return {row.person_id: Role(row.role) for row in result}


async def open_ballots(conn: AsyncConnection, meeting_id: int, person_ids: Iterable[int]) -> None:
    rows = [
        {"meeting_id": meeting_id, "person_id": person, "source": Source.TELEGRAM.value}
        for person in person_ids
    ]
    if rows:
        await conn.execute(dialect_insert(conn, ballots).values(rows).on_conflict_do_nothing())


async def get_ballot(conn: AsyncConnection, ballot_id: int) -> Ballot | None:
    return (await get_ballots(conn, [ballot_id])).get(ballot_id)


async def get_ballots(conn: AsyncConnection, ballot_ids: Iterable[int]) -> dict[int, Ballot]:
    """Several ballots at once, by id; ids that name no ballot are left out."""
    result = await conn.execute(select(ballots).where(ballots.c.id.in_(set(ballot_ids))))
    return {ballot.id: ballot for ballot in map(_ballot, result.mappings())}


async def ballot_of(conn: AsyncConnection, meeting_id: int, person_id: int) -> Ballot | None:
    result = await conn.execute(
        select(ballots).where(ballots.c.meeting_id == meeting_id, ballots.c.person_id == person_id)
    )
    row = result.mappings().one_or_none()
    return None if row is None else _ballot(row)


async def ballots_of(conn: AsyncConnection, meeting_id: int) -> list[Ballot]:
    result = await conn.execute(
        select(ballots).where(ballots.c.meeting_id == meeting_id).order_by(ballots.c.id)
    )
    return [_ballot(row) for row in result.mappings()]


async def sign(conn: AsyncConnection, ballot_id: int, *, now: datetime) -> bool:
    """Signs a ballot once; False when it was already signed."""
    result = await conn.execute(
        update(ballots)
        .where(ballots.c.id == ballot_id, ballots.c.signed_at.is_(None))
        .values(signed_at=now)
    )
    return result.rowcount == 1


async def paper_ballot(
    conn: AsyncConnection, *, meeting_id: int, person_id: int, entered_by: int, now: datetime
) -> bool:
    """Records a paper ballot as signed; False when the member already has a signed one."""
    statement = dialect_insert(conn, ballots).values(
        meeting_id=meeting_id,
        person_id=person_id,
        source=Source.PAPER.value,
        signed_at=now,
        entered_by=entered_by,
    )
    result = await conn.execute(
        statement.on_conflict_do_update(
            index_elements=[ballots.c.meeting_id, ballots.c.person_id],
            set_={"source": Source.PAPER.value, "signed_at": now, "entered_by": entered_by},
            where=ballots.c.signed_at.is_(None),
        )
    )
    return result.rowcount == 1


async def answers_of_many(
    conn: AsyncConnection, voters: Iterable[tuple[int, int]]
) -> dict[tuple[int, int], dict[int, Choice]]:
    """The answers of several members at once: (meeting id, person id) → item id → choice."""
    wanted = set(voters)
    result = await conn.execute(
        select(votes.c.meeting_id, votes.c.person_id, votes.c.item_id, votes.c.choice).where(
            tuple_(votes.c.meeting_id, votes.c.person_id).in_(wanted)
        )
    )
    found: dict[tuple[int, int], dict[int, Choice]] = {key: {} for key in wanted}
    for row in result:
        found[(row.meeting_id, row.person_id)][row.item_id] = Choice(row.choice)
    return found


async def store_votes(conn: AsyncConnection, cast: Sequence[CastVote], *, now: datetime) -> None:
    """Stores answers given on ballots, and each in the vote log, in two statements however
    many there are: the one way votes are written. The caller has checked each against the
    answer before it (in the same transaction), so every one is a change: `previous` says a
    first vote from a change."""
    if not cast:
        return
    final = {(vote.item_id, vote.person_id): vote for vote in cast}  # a later press wins
    statement = dialect_insert(conn, votes).values(
        [
            {
                "item_id": vote.item_id,
                "person_id": vote.person_id,
                "meeting_id": vote.meeting_id,
                "choice": vote.choice.value,
                "source": vote.source.value,
                "updated_at": now,
            }
            for vote in final.values()
        ]
    )
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=[votes.c.item_id, votes.c.person_id],
            set_={
                "choice": statement.excluded.choice,
                "source": statement.excluded.source,
                "updated_at": statement.excluded.updated_at,
            },
        )
    )
    await conn.execute(
        insert(vote_log),
        [
            {
                "meeting_id": vote.meeting_id,
                "item_id": vote.item_id,
                "person_id": vote.person_id,
                "action": vote.action,
                "choice": vote.choice.value,
                "source": vote.source.value,
                "details": {},
                "actor_id": vote.person_id if vote.actor_id is None else vote.actor_id,
                "at": now,
            }
            for vote in cast
        ],
    )


async def votes_of(conn: AsyncConnection, meeting_id: int) -> list[Vote]:
    result = await conn.execute(select(votes).where(votes.c.meeting_id == meeting_id))
    return [
        Vote(
            item_id=row.item_id,
            person_id=row.person_id,
            choice=Choice(row.choice),
            source=Source(row.source),
        )
        for row in result
    ]


async def set_room_vote(
    conn: AsyncConnection,
    *,
    meeting_id: int,
    item_id: int,
    tally: Tally,
    chair_choice: Choice | None,
    by: int,
    now: datetime,
) -> None:
    values = {
        "votes_for": tally.for_,
        "votes_against": tally.against,
        "votes_abstain": tally.abstain,
        "chair_choice": None if chair_choice is None else chair_choice.value,
        "recorded_by": by,
        "recorded_at": now,
    }
    statement = dialect_insert(conn, room_votes).values(
        item_id=item_id, meeting_id=meeting_id, **values
    )
    await conn.execute(
        statement.on_conflict_do_update(index_elements=[room_votes.c.item_id], set_=values)
    )


async def room_votes_of(conn: AsyncConnection, meeting_id: int) -> dict[int, RoomVote]:
    result = await conn.execute(select(room_votes).where(room_votes.c.meeting_id == meeting_id))
    return {
        row.item_id: RoomVote(
            item_id=row.item_id,
            tally=Tally(row.votes_for, row.votes_against, row.votes_abstain),
            chair_choice=None if row.chair_choice is None else Choice(row.chair_choice),
        )
        for row in result
    }


async def set_attendance(
    conn: AsyncConnection,
    *,
    meeting_id: int,
    person_id: int,
    present: bool,
    counted: bool,
    source: str,
    now: datetime,
) -> None:
    """Whether a member is in the room, and whether they were counted in an open vote there."""
    values = {"present": present, "counted": counted, "source": source, "updated_at": now}
    statement = dialect_insert(conn, attendance).values(
        meeting_id=meeting_id, person_id=person_id, **values
    )
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=[attendance.c.meeting_id, attendance.c.person_id], set_=values
        )
    )


async def count_in_room(conn: AsyncConnection, meeting_id: int, person_ids: Iterable[int]) -> None:
    """Marks those in the room as counted in an open vote recorded there."""
    wanted = set(person_ids)
    if wanted:
        await conn.execute(
            update(attendance)
            .where(attendance.c.meeting_id == meeting_id, attendance.c.person_id.in_(wanted))
            .values(counted=True)
        )


async def presence_of(conn: AsyncConnection, meeting_id: int) -> dict[int, Presence]:
    """Person id → their attendance record in this meeting, for those who have one."""
    result = await conn.execute(
        select(attendance.c.person_id, attendance.c.present, attendance.c.counted).where(
            attendance.c.meeting_id == meeting_id
        )
    )
    return {
        row.person_id: Presence(person_id=row.person_id, present=row.present, counted=row.counted)
        for row in result
    }


async def counted_in_room(
    conn: AsyncConnection, voters: Iterable[tuple[int, int]]
) -> set[tuple[int, int]]:
    """Of these (meeting id, person id), those in the room and counted in an open vote there."""
    wanted = set(voters)
    if not wanted:
        return set()
    result = await conn.execute(
        select(attendance.c.meeting_id, attendance.c.person_id).where(
            tuple_(attendance.c.meeting_id, attendance.c.person_id).in_(wanted),
            attendance.c.present,
            attendance.c.counted,
        )
    )
    return {(row.meeting_id, row.person_id) for row in result}


async def log(
    conn: AsyncConnection,
    *,
    meeting_id: int,
    action: str,
    source: Source | str,
    now: datetime,
    item_id: int | None = None,
    person_id: int | None = None,
    choice: Choice | None = None,
    actor_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Appends to the vote log; nothing ever updates or deletes its rows."""
    await conn.execute(
        insert(vote_log).values(
            meeting_id=meeting_id,
            item_id=item_id,
            person_id=person_id,
            action=action,
            choice=None if choice is None else choice.value,
            source=str(source),
            details=details or {},
            actor_id=actor_id,
            at=now,
        )
    )


async def log_of(conn: AsyncConnection, meeting_id: int) -> list[dict[str, Any]]:
    result = await conn.execute(
        select(vote_log).where(vote_log.c.meeting_id == meeting_id).order_by(vote_log.c.id)
    )
    return [dict(row) for row in result.mappings()]


async def open_in_room(
    conn: AsyncConnection, meeting_id: int, *, code: str, now: datetime
) -> bool:
    """Marks an in-person meeting opened by the secretary; False when it already was."""
    result = await conn.execute(
        update(meetings)
        .where(meetings.c.id == meeting_id, meetings.c.opened_at.is_(None))
        .values(opened_at=now, checkin_code=code)
    )
    return result.rowcount == 1


async def close_ballots(conn: AsyncConnection, meeting_id: int, *, now: datetime) -> bool:
    result = await conn.execute(
        update(meetings)
        .where(meetings.c.id == meeting_id, meetings.c.ballots_closed_at.is_(None))
        .values(ballots_closed_at=now)
    )
    return result.rowcount == 1


async def close_meeting(
    conn: AsyncConnection, meeting_id: int, *, results: Results, now: datetime
) -> bool:
    """Keeps the counted result with the meeting; False when it was closed already."""
    result = await conn.execute(
        update(meetings)
        .where(meetings.c.id == meeting_id, meetings.c.closed_at.is_(None))
        .values(closed_at=now, results=results.stored())
    )
    return result.rowcount == 1
