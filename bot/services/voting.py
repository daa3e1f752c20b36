"""Voting: the опросный лист in the bot, paper ballots, attendance and open votes in the room,
and the count with its verdicts (clauses 4.6, 4.7, 4.9)."""

from __future__ import annotations

import secrets
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.clock import Clock
from bot.domain.errors import AccessDenied, Conflict, DomainError, NotFound, ValidationError
from bot.domain.meetings import BALLOT_NOTICES, MeetingForm, MeetingStatus, NoticeKind
from bot.domain.model import Role
from bot.domain.participation import Member, Participation
from bot.domain.records import AgendaItem, Ballot, Body, Meeting, Notice, present
from bot.domain.results import ItemResult, NamedVote, Results
from bot.domain.voting import Choice, Lines, Source, Tally, lines, verdict
from bot.services.access import Actor, require_body_manager
from bot.services.batch import Batcher
from bot.services.ports import NoticeScheduler
from storage import bodies, meetings, notices, people, voting
from storage.db import Database


@dataclass(frozen=True, slots=True)
class BallotView:
    """One member's опросный лист as it stands."""

    ballot: Ballot
    meeting: Meeting
    body: Body
    items: list[AgendaItem]  # the questions that need a decision
    answers: dict[int, Choice]  # item id → the member's answer
    closed: bool  # the deadline passed or voting was closed
    in_room: bool = False  # counted in an open vote in the room: no ballot for them

    @property
    def signed(self) -> bool:
        return self.ballot.signed_at is not None

    def may_change(self, item_id: int) -> bool:
        """A signed answer is final unless the body allows changes until the deadline; a
        question added after signing can still be answered."""
        if self.closed or self.in_room:
            return False
        return not self.signed or self.body.rules.revote or item_id not in self.answers

    @property
    def unanswered(self) -> list[int]:
        return [item.position for item in self.items if item.id not in self.answers]


@dataclass(frozen=True, slots=True)
class _Press:
    """A press of an answer on a ballot, by the person the update came from."""

    person_id: int
    ballot_id: int
    item_id: int
    choice: Choice


def _own(ballot: Ballot | None, person_id: int) -> Ballot:
    """The ballot, if it is this person's own; a forged or forwarded one is refused."""
    if ballot is None:
        raise NotFound("ballot-error-not-found")
    if ballot.person_id != person_id:
        raise AccessDenied("ballot-error-not-yours")
    return ballot


@dataclass(frozen=True, slots=True)
class VoterState:
    person_id: int
    name: str
    role: Role
    voted: bool  # a signed ballot (telegram or paper)
    present: bool  # marked present in the room
    source: Source | None
    reachable: bool
    in_room: bool = False  # counted in an open vote in the room: votes there, not by ballot
    has_telegram: bool = True  # unreachable with Telegram: they stopped the bot

    @property
    def waiting(self) -> bool:
        """Has neither signed a ballot nor voted in the room."""
        return not self.voted and not self.in_room


@dataclass(frozen=True, slots=True)
class Reminded:
    """A reminder to those who have not voted: how many it reaches, and who it cannot."""

    reached: int
    missed: list[VoterState]


@dataclass(frozen=True, slots=True)
class Turnout:
    """The secretary's live view: who took part, against both lines."""

    meeting: Meeting
    body: Body
    voters: list[VoterState]
    lines: Lines
    items: list[AgendaItem]
    room: dict[int, Tally]
    participation: Participation

    @property
    def in_room(self) -> int:
        """Those who vote in the room: present, without a signed ballot."""
        return len(self.participation.in_room)

    @property
    def voted(self) -> int:
        return sum(1 for v in self.voters if v.voted)

    @property
    def present(self) -> int:
        return sum(1 for v in self.voters if v.present)


@dataclass(frozen=True, slots=True)
class RoomEntry:
    """Where «Заседание в зале» leads: `early` when the meeting has not started yet."""

    meeting: Meeting
    body: Body
    early: bool


def decision_items(agenda: list[AgendaItem]) -> list[AgendaItem]:
    return [item for item in agenda if item.needs_decision]


async def open_voting(conn: AsyncConnection, meeting: Meeting, *, now: datetime) -> None:
    """Freezes the roster (members with a vote, not guests) and, for the absentee and hybrid
    forms, gives each of them an опросный лист. Called once, when voting opens."""
    roster = await bodies.roster(conn, meeting.body_id)
    await voting.freeze_voters(
        conn,
        meeting.id,
        [(e.person.id, e.membership.role) for e in roster if e.membership.role.votes],
        now=now,
    )
    if meeting.form.has_ballot:
        await voting.open_ballots(conn, meeting.id, list(await voting.voters_of(conn, meeting.id)))


async def participation(
    conn: AsyncConnection, meeting: Meeting, agenda: list[AgendaItem] | None = None
) -> Participation:
    """Who of the frozen roster took part, and how, with the room's counts by question
    number: the rule of one person, one vote lives in bot/domain/participation.py."""
    frozen = await voting.voters_of(conn, meeting.id)
    signed = {b.person_id for b in await voting.ballots_of(conn, meeting.id) if b.signed_at}
    presence = await voting.presence_of(conn, meeting.id) if meeting.form.has_place else {}
    members = {}
    for person_id in frozen:
        record = presence.get(person_id)
        members[person_id] = Member(
            present=record is not None and record.present,
            signed=person_id in signed,
            counted=record is not None and record.counted,
        )
    if agenda is None:
        agenda = await meetings.agenda(conn, meeting.id)
    numbers = {item.id: item.position for item in agenda}
    room = {
        numbers[item_id]: vote.tally
        for item_id, vote in (await voting.room_votes_of(conn, meeting.id)).items()
        if item_id in numbers
    }
    return Participation(members, room)


def require_countable(taking_part: Participation) -> None:
    """Refuses to count while a room count is larger than the room, saying which question to
    record again: closing never fails on the stored counts, it says what to correct."""
    problems = taking_part.problems()
    if problems:
        first = problems[0]
        raise ValidationError(
            "voting-error-room-count",
            number=first.number,
            recorded=first.recorded,
            room=first.room,
        )


async def count(conn: AsyncConnection, meeting: Meeting, body: Body) -> Results:
    """The result of a meeting, as it is kept with it and sent to everyone: per question the
    ballots of those who signed and the room's count of those who voted there."""
    frozen = await voting.voters_of(conn, meeting.id)
    agenda = await meetings.agenda(conn, meeting.id)
    taking_part = await participation(conn, meeting, agenda)
    require_countable(taking_part)
    signed = taking_part.by_ballot
    meeting_lines = lines(len(frozen), len(taking_part.participants), body.rules)
    chair = next((p for p, role in frozen.items() if role is Role.CHAIR), None)
    cast = [v for v in await voting.votes_of(conn, meeting.id) if v.person_id in signed]
    room = await voting.room_votes_of(conn, meeting.id)
    names = {e.person.id: e.person.full_name for e in await bodies.roster(conn, body.id)}
    for person_id in frozen.keys() - names.keys():  # left the roster since voting opened
        names[person_id] = present(await people.get_person(conn, person_id), "person").full_name
    items: list[ItemResult] = []
    for item in agenda:
        choices = [v.choice for v in cast if v.item_id == item.id]
        tally = Tally.of(choices)
        chair_choice = next(
            (v.choice for v in cast if v.item_id == item.id and v.person_id == chair), None
        )
        if item.id in room:
            tally = tally + room[item.id].tally
            chair_choice = chair_choice or room[item.id].chair_choice
        items.append(
            ItemResult(
                item_id=item.id,
                position=item.position,
                title=item.title,
                for_=tally.for_,
                against=tally.against,
                abstain=tally.abstain,
                verdict=verdict(
                    tally,
                    meeting_lines,
                    body.rules,
                    needs_decision=item.needs_decision,
                    chair_choice=chair_choice,
                ),
            )
        )
    return Results(
        roster=meeting_lines.roster,
        participants=meeting_lines.participants,
        quorum_needed=meeting_lines.quorum_needed,
        decision_needed=meeting_lines.decision_needed,
        valid=meeting_lines.valid,
        may_decide=meeting_lines.may_decide,
        # How P was made up: in the room and by опросный лист, each member once (4.6).
        in_room=len(taking_part.in_room),
        by_ballot=len(taking_part.by_ballot),
        items=items,
        named=[
            NamedVote(
                item_id=v.item_id,
                name=names.get(v.person_id, "?"),
                choice=v.choice,
                source=v.source,
            )
            for v in sorted(cast, key=lambda v: (v.item_id, names.get(v.person_id, "")))
        ],
        room={
            item_id: (r.tally.for_, r.tally.against, r.tally.abstain)
            for item_id, r in room.items()
        },
    )


async def close_ballots(conn: AsyncConnection, meeting_id: int, *, now: datetime) -> list[Notice]:
    """Ballots take no more answers. The first time, every ballot already delivered is to lose
    its buttons: one notice per ballot notice that went out, whose deliveries are the edits of
    its messages (fixed when its turn comes, after any ballot still in flight). Returns those
    notices, for the scheduler."""
    if not await voting.close_ballots(conn, meeting_id, now=now):
        return []
    return [
        await notices.add_notice(
            conn,
            meeting_id=meeting_id,
            kind=NoticeKind.BALLOT_CLOSED,
            due_at=now,
            now=now,
            details={"ballots": sent.id},
        )
        for sent in await notices.notices_of(conn, meeting_id)
        if sent.kind in BALLOT_NOTICES and sent.status in {"sending", "done"}
    ]


async def close_by_deadline(
    conn: AsyncConnection, meeting: Meeting, body: Body, *, now: datetime
) -> bool:
    """At the deadline ballots take no more answers (and lose their buttons). An absentee
    meeting is then counted (the closing notice carries the result); True when there is a
    result to send."""
    await close_ballots(conn, meeting.id, now=now)
    if meeting.form is not MeetingForm.ABSENTEE or meeting.closed_at is not None:
        return False
    return await voting.close_meeting(
        conn, meeting.id, results=await count(conn, meeting, body), now=now
    )


class VotingService:
    def __init__(self, db: Database, clock: Clock, scheduler: NoticeScheduler) -> None:
        self._db = db
        self._clock = clock
        self._scheduler = scheduler
        self._presses: Batcher[_Press, BallotView] = Batcher(self._write_votes)

    async def _ballot_view(self, conn: AsyncConnection, ballot: Ballot) -> BallotView:
        return (await self._ballot_views(conn, [ballot]))[ballot.id]

    async def _ballot_views(
        self, conn: AsyncConnection, ballots: Collection[Ballot]
    ) -> dict[int, BallotView]:
        """Ballots with their meetings, bodies, questions and answers: the same six queries
        for one ballot or for a few hundred."""
        if not ballots:
            return {}
        found = await meetings.get_meetings(conn, {ballot.meeting_id for ballot in ballots})
        found_bodies = await bodies.get_bodies(conn, {m.body_id for m in found.values()})
        agendas = await meetings.agendas(conn, found)
        pairs = {(b.meeting_id, b.person_id) for b in ballots}
        answers = await voting.answers_of_many(conn, pairs)
        in_room = await voting.counted_in_room(conn, pairs)
        views = {}
        for ballot in ballots:
            meeting = present(found.get(ballot.meeting_id), "meeting")
            views[ballot.id] = BallotView(
                ballot,
                meeting,
                present(found_bodies.get(meeting.body_id), "body"),
                decision_items(agendas[meeting.id]),
                answers[(ballot.meeting_id, ballot.person_id)],
                self._closed(meeting),
                in_room=ballot.signed_at is None
                and (ballot.meeting_id, ballot.person_id) in in_room,
            )
        return views

    def _closed(self, meeting: Meeting) -> bool:
        """Ballots of this meeting take no more answers: the deadline passed or voting closed."""
        return (
            meeting.ballots_closed_at is not None
            or meeting.closed_at is not None
            or meeting.status is MeetingStatus.CANCELLED
            or (meeting.vote_deadline is not None and meeting.vote_deadline <= self._clock.now())
        )

    async def ballot_of(self, meeting_id: int, person_id: int) -> BallotView | None:
        """A member's ballot, for the notice that delivers it (no actor: the bot is sending)."""
        async with self._db.read() as conn:
            ballot = await voting.ballot_of(conn, meeting_id, person_id)
            return None if ballot is None else await self._ballot_view(conn, ballot)

    async def _own_ballot(self, conn: AsyncConnection, actor: Actor, ballot_id: int) -> BallotView:
        """The ballot, if it is the actor's own: identity is the user id of the press."""
        ballot = await voting.get_ballot(conn, ballot_id)
        return await self._ballot_view(conn, _own(ballot, actor.require_person().id))

    async def ballot(self, actor: Actor, ballot_id: int) -> BallotView:
        async with self._db.read() as conn:
            return await self._own_ballot(conn, actor, ballot_id)

    async def my_ballot(self, actor: Actor, meeting_id: int) -> BallotView:
        person = actor.require_person()
        async with self._db.read() as conn:
            ballot = await voting.ballot_of(conn, meeting_id, person.id)
            if ballot is None:
                raise NotFound("ballot-error-not-found")
            return await self._ballot_view(conn, ballot)

    async def vote(self, actor: Actor, ballot_id: int, item_id: int, choice: Choice) -> BallotView:
        """One answer on one question. A second tap on the same answer changes nothing.

        Presses that arrive while votes are being written are written together next (see
        bot/services/batch.py): a few hundred members answering in the same second cost a few short
        transactions, not one each behind SQLite's single writer."""
        press = _Press(actor.require_person().id, ballot_id, item_id, choice)
        return await self._presses.submit(press)

    async def _write_votes(self, presses: list[_Press]) -> list[BallotView | Exception]:
        """One transaction for the presses of a batch; each is checked against the ballot as
        the presses before it in the batch left it, and refused on its own if it must be."""
        now = self._clock.now()
        outcomes: list[BallotView | Exception] = []
        cast: list[voting.CastVote] = []
        async with self._db.transaction() as conn:
            found = await voting.get_ballots(conn, {press.ballot_id for press in presses})
            views = await self._ballot_views(conn, list(found.values()))
            for press in presses:
                try:
                    view = views[_own(found.get(press.ballot_id), press.person_id).id]
                    if self._check_vote(view, press.item_id, press.choice):
                        cast.append(
                            voting.CastVote(
                                meeting_id=view.meeting.id,
                                item_id=press.item_id,
                                person_id=press.person_id,
                                choice=press.choice,
                                previous=view.answers.get(press.item_id),
                            )
                        )
                        answers = {**view.answers, press.item_id: press.choice}
                        view = views[view.ballot.id] = replace(view, answers=answers)
                    outcomes.append(view)
                except DomainError as refused:
                    outcomes.append(refused)
            await voting.store_votes(conn, cast, now=now)
        return outcomes

    @staticmethod
    def _check_vote(view: BallotView, item_id: int, choice: Choice) -> bool:
        """Whether this answer is to be stored: False when it is already the answer; refused
        when voting is closed, the question is not on the ballot, or the ballot is final."""
        if view.closed:
            raise Conflict("ballot-error-closed")
        if view.in_room:
            raise Conflict("ballot-error-voted-in-room")
        if item_id not in {item.id for item in view.items}:
            raise NotFound("ballot-error-not-found")
        if view.answers.get(item_id) is choice:
            return False
        if not view.may_change(item_id):
            raise Conflict("ballot-error-signed")
        return True

    async def sign(self, actor: Actor, ballot_id: int) -> BallotView:
        """«Подписать и отправить»: the ballot counts from now on and its answers are final."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            view = await self._own_ballot(conn, actor, ballot_id)
            if view.closed:
                raise Conflict("ballot-error-closed")
            if view.in_room:
                raise Conflict("ballot-error-voted-in-room")
            if view.unanswered:
                raise ValidationError(
                    "ballot-error-unanswered", numbers=", ".join(map(str, view.unanswered))
                )
            if await voting.sign(conn, ballot_id, now=now):
                await voting.log(
                    conn,
                    meeting_id=view.meeting.id,
                    action="sign",
                    source=Source.TELEGRAM,
                    person_id=view.ballot.person_id,
                    actor_id=view.ballot.person_id,
                    now=now,
                )
            ballot = present(await voting.get_ballot(conn, ballot_id), "ballot")
            return await self._ballot_view(conn, ballot)

    async def turnout(self, actor: Actor, meeting_id: int) -> Turnout:
        async with self._db.read() as conn:
            return await self._turnout(conn, actor, meeting_id)

    async def _turnout(self, conn: AsyncConnection, actor: Actor, meeting_id: int) -> Turnout:
        meeting = await meetings.get_meeting(conn, meeting_id)
        if meeting is None:
            raise NotFound("meeting-error-not-found")
        access = await require_body_manager(conn, actor, meeting.body_id)
        frozen = await voting.voters_of(conn, meeting.id)
        if not frozen:
            raise Conflict("voting-error-not-open")
        ballots = {b.person_id: b for b in await voting.ballots_of(conn, meeting.id)}
        agenda = await meetings.agenda(conn, meeting.id)
        taking_part = await participation(conn, meeting, agenda)
        states = []
        for person_id, role in frozen.items():
            person = present(await people.get_person(conn, person_id), "person")
            ballot = ballots.get(person_id)
            member = taking_part.members[person_id]
            states.append(
                VoterState(
                    person_id=person_id,
                    name=person.full_name,
                    role=role,
                    voted=member.signed,
                    present=member.present,
                    source=ballot.source if member.signed and ballot else None,
                    reachable=person.telegram_id is not None and person.reachable,
                    has_telegram=person.telegram_id is not None,
                    in_room=member.counted and member.present and not member.signed,
                )
            )
        states.sort(key=lambda s: s.name)
        room = {k: v.tally for k, v in (await voting.room_votes_of(conn, meeting.id)).items()}
        return Turnout(
            meeting=meeting,
            body=access.body,
            voters=states,
            lines=lines(len(frozen), len(taking_part.participants), access.body.rules),
            items=decision_items(agenda),
            room=room,
            participation=taking_part,
        )

    async def remind(self, actor: Actor, meeting_id: int) -> Reminded:
        """Reminds, now, every voter who has not signed: how many it reaches, and who it
        cannot (no Telegram, or they stopped the bot) and so needs a paper ballot."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            turnout = await self._turnout(conn, actor, meeting_id)
            self._require_open_ballots(turnout.meeting)
            waiting = [v for v in turnout.voters if v.waiting]
            if not waiting:
                raise Conflict("voting-error-everyone-voted")
            missed = [v for v in waiting if not v.reachable]
            notice = await notices.add_notice(
                conn,
                meeting_id=meeting_id,
                kind=NoticeKind.BALLOT_REMINDER,
                due_at=now,
                now=now,
                details={
                    "asked": 1,  # the secretary's, now: not held for quiet hours
                    # Named in the answer to the press: not named to them again afterwards.
                    "told": ",".join(str(v.person_id) for v in missed),
                },
            )
        self._scheduler.arm(notice.id, notice.due_at)
        return Reminded(reached=len(waiting) - len(missed), missed=missed)

    def _require_open_ballots(self, meeting: Meeting) -> None:
        if not meeting.form.has_ballot or meeting.ballots_closed_at is not None:
            raise Conflict("voting-error-closed")

    async def paper_voter(self, actor: Actor, meeting_id: int, person_id: int) -> VoterState:
        """The member whose paper ballot the secretary is about to enter: refused at once when
        they already voted, not after every answer is typed."""
        async with self._db.read() as conn:
            turnout = await self._turnout(conn, actor, meeting_id)
            self._require_open_ballots(turnout.meeting)
            return self._paper_voter(turnout, person_id)

    @staticmethod
    def _paper_voter(turnout: Turnout, person_id: int) -> VoterState:
        voter = next((v for v in turnout.voters if v.person_id == person_id), None)
        if voter is None:
            raise NotFound("voting-error-not-a-voter")
        if voter.in_room:
            raise Conflict("voting-error-voted-in-room", name=voter.name)
        if voter.voted:
            raise Conflict("voting-error-already-voted", name=voter.name)
        return voter

    async def paper_ballot(
        self, actor: Actor, meeting_id: int, person_id: int, answers: dict[int, Choice]
    ) -> None:
        """A paper ballot entered by the secretary, marked as paper; a member who already has
        a signed ballot gets no second one."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            turnout = await self._turnout(conn, actor, meeting_id)
            self._require_open_ballots(turnout.meeting)
            voter = self._paper_voter(turnout, person_id)
            if {item.id for item in turnout.items} != set(answers):
                raise ValidationError("ballot-error-unanswered", numbers="")
            if not await voting.paper_ballot(
                conn,
                meeting_id=meeting_id,
                person_id=person_id,
                entered_by=actor.require_person().id,
                now=now,
            ):
                raise Conflict("voting-error-already-voted", name=voter.name)
            before = (await voting.answers_of_many(conn, [(meeting_id, person_id)]))[
                (meeting_id, person_id)
            ]
            cast = [
                voting.CastVote(
                    meeting_id=meeting_id,
                    item_id=item_id,
                    person_id=person_id,
                    choice=choice,
                    previous=before.get(item_id),
                    source=Source.PAPER,
                    actor_id=actor.require_person().id,
                )
                for item_id, choice in answers.items()
                if before.get(item_id) is not choice  # an unchanged answer is not logged again
            ]
            await voting.store_votes(conn, cast, now=now)

    async def room_entry(self, actor: Actor, meeting_id: int) -> RoomEntry:
        """What the secretary's «Заседание в зале» leads to: the room itself, or first a word
        that the meeting has not started yet (ballots, in a hybrid meeting, are still open)."""
        async with self._db.read() as conn:
            meeting = await self._room_meeting(conn, actor, meeting_id)
            return RoomEntry(
                meeting=meeting,
                body=present(await bodies.get_body(conn, meeting.body_id), "body"),
                early=self._early(meeting),
            )

    def _early(self, meeting: Meeting) -> bool:
        return meeting.opened_at is None and self._clock.now() < meeting.starts_at

    async def _room_meeting(self, conn: AsyncConnection, actor: Actor, meeting_id: int) -> Meeting:
        meeting = await meetings.get_meeting(conn, meeting_id)
        if meeting is None:
            raise NotFound("meeting-error-not-found")
        await require_body_manager(conn, actor, meeting.body_id)
        if not meeting.form.has_place:
            raise Conflict("voting-error-no-room")
        if meeting.status is MeetingStatus.CANCELLED or meeting.closed_at is not None:
            raise Conflict("voting-error-closed")
        return meeting

    async def open_room(self, actor: Actor, meeting_id: int, *, early: bool = False) -> Turnout:
        """The secretary opens an in-person or hybrid meeting in the room: the roster is frozen
        (if voting has not opened already) and a check-in code is made. Before the meeting
        starts only when the secretary has confirmed it (`early`)."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            meeting = await self._room_meeting(conn, actor, meeting_id)
            if self._early(meeting) and not early:
                raise Conflict("room-error-early")
            await open_voting(conn, meeting, now=now)
            await voting.open_in_room(
                conn, meeting_id, code=f"{secrets.randbelow(10**4):04d}", now=now
            )
            return await self._turnout(conn, actor, meeting_id)

    async def _presence(
        self,
        conn: AsyncConnection,
        meeting_id: int,
        before: Participation,
        after: Participation,
        *,
        source: str,
        actor_id: int,
        now: datetime,
    ) -> None:
        """Stores and logs the attendance that changed from `before` to `after`."""
        for person_id, member in after.members.items():
            was = before.members.get(person_id)
            if was == member:
                continue
            await voting.set_attendance(
                conn,
                meeting_id=meeting_id,
                person_id=person_id,
                present=member.present,
                counted=member.counted,
                source=source,
                now=now,
            )
            if was is None or was.present != member.present:
                await voting.log(
                    conn,
                    meeting_id=meeting_id,
                    action="present" if member.present else "absent",
                    source=source,
                    person_id=person_id,
                    actor_id=actor_id,
                    now=now,
                )

    async def toggle_present(self, actor: Actor, meeting_id: int, person_id: int) -> Turnout:
        """Marks a member present or absent; a member whose vote a recorded room count rests
        on stays present until that count is recorded again."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            turnout = await self._turnout(conn, actor, meeting_id)
            self._require_room(turnout.meeting)
            voter = next((v for v in turnout.voters if v.person_id == person_id), None)
            if voter is None:
                raise NotFound("voting-error-not-a-voter")
            before = turnout.participation
            after = before.mark(person_id, present=not voter.present)
            await self._presence(
                conn,
                meeting_id,
                before,
                after,
                source="secretary",
                actor_id=actor.require_person().id,
                now=now,
            )
            return await self._turnout(conn, actor, meeting_id)

    def _require_room(self, meeting: Meeting) -> None:
        if meeting.opened_at is None:
            raise Conflict("voting-error-room-not-open")
        if meeting.closed_at is not None:
            raise Conflict("voting-error-closed")

    async def check_in(self, actor: Actor, code: str) -> Meeting:
        """A member checks in with the code the secretary shows in the room."""
        person = actor.require_person()
        now = self._clock.now()
        async with self._db.transaction() as conn:
            for _, body in await bodies.memberships_of(conn, person.id):
                for meeting in await meetings.meetings_of_bodies(conn, [body.id]):
                    if meeting.opened_at is None or meeting.closed_at is not None:
                        continue
                    if meeting.checkin_code != code.strip():
                        continue
                    if person.id not in await voting.voters_of(conn, meeting.id):
                        raise AccessDenied("voting-error-not-a-voter")
                    before = await participation(conn, meeting)
                    await self._presence(
                        conn,
                        meeting.id,
                        before,
                        before.mark(person.id, present=True),
                        source="code",
                        actor_id=person.id,
                        now=now,
                    )
                    return meeting
        raise ValidationError("checkin-error-code")

    async def record_room_vote(
        self,
        actor: Actor,
        meeting_id: int,
        item_id: int,
        tally: Tally,
        chair_choice: Choice | None,
    ) -> Turnout:
        """The open vote in the room on one question, as counts that cannot exceed those who
        vote in the room (present, without a signed ballot); each of them is counted in it."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            turnout = await self._turnout(conn, actor, meeting_id)
            self._require_room(turnout.meeting)
            item = next((i for i in turnout.items if i.id == item_id), None)
            if item is None:
                raise NotFound("ballot-error-not-found")
            turnout.participation.record(item.position, tally)
            await voting.count_in_room(conn, meeting_id, turnout.participation.in_room)
            await voting.set_room_vote(
                conn,
                meeting_id=meeting_id,
                item_id=item_id,
                tally=tally,
                chair_choice=chair_choice,
                by=actor.require_person().id,
                now=now,
            )
            await voting.log(
                conn,
                meeting_id=meeting_id,
                action="room",
                source=Source.ROOM,
                item_id=item_id,
                choice=chair_choice,
                actor_id=actor.require_person().id,
                details={"for": tally.for_, "against": tally.against, "abstain": tally.abstain},
                now=now,
            )
            return await self._turnout(conn, actor, meeting_id)

    async def close(self, actor: Actor, meeting_id: int) -> Meeting:
        """The secretary closes voting: in the room when the votes are recorded; absentee
        early only when everyone has voted. Everyone gets the result."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            turnout = await self._turnout(conn, actor, meeting_id)
            meeting = turnout.meeting
            if meeting.closed_at is not None:
                raise Conflict("voting-error-closed")
            if meeting.form is MeetingForm.ABSENTEE and turnout.voted < len(turnout.voters):
                raise ValidationError(
                    "voting-error-not-everyone", voted=turnout.voted, total=len(turnout.voters)
                )
            if meeting.form.has_place:
                self._require_room(meeting)
            require_countable(turnout.participation)
            withdrawn = await close_ballots(conn, meeting_id, now=now)
            await voting.close_meeting(
                conn, meeting_id, results=await count(conn, meeting, turnout.body), now=now
            )
            await voting.log(
                conn,
                meeting_id=meeting_id,
                action="close",
                source="secretary",
                actor_id=actor.require_person().id,
                now=now,
            )
            cancelled = await notices.cancel_pending(
                conn,
                meeting_id,
                [
                    NoticeKind.BALLOT_REMINDER,
                    NoticeKind.VOTING_CLOSE,
                    NoticeKind.REMINDER_DAY,
                    NoticeKind.REMINDER_HOUR,
                ],
            )
            notice: Notice = await notices.add_notice(
                conn, meeting_id=meeting_id, kind=NoticeKind.RESULTS, due_at=now, now=now
            )
            closed = present(await meetings.get_meeting(conn, meeting_id), "meeting")
        for notice_id in cancelled:
            self._scheduler.disarm(notice_id)
        for armed in [*withdrawn, notice]:
            self._scheduler.arm(armed.id, armed.due_at)
        return closed
