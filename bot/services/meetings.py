"""Meetings as the secretary runs them: announcing, proposals, answers, moving, cancelling."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.clock import Clock
from bot.domain.errors import AccessDenied, Conflict, NotFound, ValidationError
from bot.domain.meetings import (
    Attendance,
    MeetingDraft,
    MeetingForm,
    MeetingStatus,
    NoticeKind,
    PlannedNotice,
    check_schedule,
    expected_attendance,
    minutes_plan,
    notice_plan,
    proposals_close,
    require_proposals_open,
    valid_title,
    week_before,
)
from bot.domain.model import BodyKind
from bot.domain.records import AgendaItem, Body, Meeting, Notice, Person, Proposal, present
from bot.services.access import Actor, BodyAccess, require_body_manager
from bot.services.ports import NoticeScheduler
from bot.services.voting import close_ballots
from storage import bodies, meetings, notices, organisations, people, voting
from storage import cadence as cadence_store
from storage import minutes as minutes_store
from storage.db import Database

GROUP_LINK_DAYS = 1
ONCE = frozenset({NoticeKind.AGENDA, NoticeKind.BALLOT, NoticeKind.VOTING_CLOSE})


def meeting_notices(
    body: Body,
    *,
    now: datetime,
    starts_at: datetime,
    form: MeetingForm,
    vote_deadline: datetime | None,
) -> list[PlannedNotice]:
    """Every notice a meeting of this body needs from now on: the series before and around
    it, the reminders of its протокол, and for a children's asset the week-before one."""
    return [
        *notice_plan(
            now=now,
            starts_at=starts_at,
            form=form,
            rules=body.rules,
            timezone=body.timezone,
            vote_deadline=vote_deadline,
        ),
        *minutes_plan(now=now, starts_at=starts_at, rules=body.rules),
        *(week_before(now=now, starts_at=starts_at) if body.kind is BodyKind.ASSET else []),
    ]


@dataclass(frozen=True, slots=True)
class MeetingView:
    """A meeting as one person sees it: managers see more (proposals, attendance)."""

    meeting: Meeting
    body: Body
    agenda: list[AgendaItem]
    manager: bool
    voter: bool
    my_answer: bool | None  # came / will not come / not said
    attendance: Attendance
    pending_proposals: list[Proposal]
    proposals_close: datetime
    now: datetime
    voting_open: bool = False  # the roster is frozen: ballots went out or the room opened
    my_ballot: int | None = None
    minutes_signed: bool = False

    @property
    def proposals_open(self) -> bool:
        return self.meeting.status is MeetingStatus.ANNOUNCED and self.now < self.proposals_close


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    """Per notice and person: (notice, name, delivery status, error); and the notices skipped
    because their moment passed while the bot was down (the reason in their details)."""

    meeting: Meeting
    body: Body
    rows: list[tuple[Notice, str, str, str | None]]
    skipped: list[Notice]


@dataclass(frozen=True, slots=True)
class Decided:
    proposal: Proposal
    proposer: Person
    meeting: Meeting
    body: Body


class MeetingService:
    def __init__(self, db: Database, clock: Clock, scheduler: NoticeScheduler) -> None:
        self._db = db
        self._clock = clock
        self._scheduler = scheduler

    async def body_for_new(self, actor: Actor, body_id: int) -> tuple[Body, datetime]:
        """The body a manager is about to announce a meeting of, and the time now."""
        async with self._db.read() as conn:
            access = await require_body_manager(conn, actor, body_id)
        return access.body, self._clock.now()

    async def announce(self, actor: Actor, body_id: int, draft: MeetingDraft) -> Meeting:
        """Creates the meeting with its agenda and every notice it needs, then arms them."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            access = await require_body_manager(conn, actor, body_id)
            body = access.body
            schedule = draft.checked(now=now, rules=body.rules, timezone=body.timezone)
            meeting = await meetings.create_meeting(
                conn,
                body_id=body.id,
                form=draft.form,
                starts_at=schedule.starts_at,
                vote_deadline=schedule.vote_deadline,
                place=draft.place if draft.form.has_place else None,
                extraordinary=draft.extraordinary,
                short_notice_confirmed_by=access.person.id if schedule.short_notice else None,
                created_by=access.person.id,
                now=now,
                seminar=draft.seminar and body.kind is BodyKind.RMO,
            )
            for item in draft.items:
                added = await meetings.add_item(
                    conn,
                    meeting_id=meeting.id,
                    title=item.title,
                    speaker=item.speaker,
                    needs_decision=item.needs_decision,
                    proposal_id=None,
                    now=now,
                )
                for material in item.materials:
                    await meetings.add_material(
                        conn,
                        item_id=added.id,
                        file_id=material.file_id,
                        file_name=material.file_name,
                        mime_type=material.mime_type,
                        file_size=material.file_size,
                    )
            planned = [
                await notices.add_notice(
                    conn, meeting_id=meeting.id, kind=p.kind, due_at=p.due_at, now=now
                )
                for p in meeting_notices(
                    body,
                    now=now,
                    starts_at=schedule.starts_at,
                    form=draft.form,
                    vote_deadline=schedule.vote_deadline,
                )
            ]
            if draft.plan_id is not None:
                plan = await cadence_store.get_plan(conn, draft.plan_id)
                if plan is not None and plan.body_id == body.id:
                    await cadence_store.link_plan(conn, plan.id, meeting.id)
        self._arm(planned)
        return meeting

    def _arm(self, planned: list[Notice]) -> None:
        for notice in planned:
            self._scheduler.arm(notice.id, notice.due_at)

    async def _visible(
        self, conn: AsyncConnection, actor: Actor, meeting_id: int
    ) -> tuple[Meeting, Body, Person, bool, bool]:
        """The meeting, if the actor belongs to its body or manages it: (meeting, body, person,
        manager, voter)."""
        person = actor.require_person()
        meeting = await meetings.get_meeting(conn, meeting_id)
        if meeting is None:
            raise NotFound("meeting-error-not-found")
        body = present(await bodies.get_body(conn, meeting.body_id), "body")
        membership = await bodies.active_membership(conn, body_id=body.id, person_id=person.id)
        coordinator = await organisations.is_coordinator(
            conn, organisation_id=body.organisation_id, person_id=person.id
        )
        if membership is None and not coordinator:
            raise NotFound("meeting-error-not-found")
        manager = coordinator or (membership is not None and membership.role.manages_roster)
        voter = membership is not None and membership.role.votes
        return meeting, body, person, manager, voter

    async def view(self, actor: Actor, meeting_id: int) -> MeetingView:
        now = self._clock.now()
        async with self._db.read() as conn:
            meeting, body, person, manager, voter = await self._visible(conn, actor, meeting_id)
            roster = await bodies.roster(conn, body.id)
            answers = await meetings.rsvps_of(conn, meeting.id)
            voters = {e.person.id for e in roster if e.membership.role.votes}
            return MeetingView(
                meeting=meeting,
                body=body,
                agenda=await meetings.agenda(conn, meeting.id),
                manager=manager,
                voter=voter,
                my_answer=answers.get(person.id),
                attendance=expected_attendance(
                    coming=sum(1 for p, coming in answers.items() if coming and p in voters),
                    not_coming=sum(1 for p, c in answers.items() if not c and p in voters),
                    roster=len(voters),
                    quorum=body.rules.quorum,
                ),
                pending_proposals=[
                    p
                    for p in await meetings.proposals_of(conn, meeting.id)
                    if p.status == "pending"
                ]
                if manager
                else [],
                proposals_close=proposals_close(meeting.starts_at, body.rules),
                now=now,
                voting_open=bool(await voting.voters_of(conn, meeting.id)),
                my_ballot=ballot.id
                if (ballot := await voting.ballot_of(conn, meeting.id, person.id))
                else None,
                minutes_signed=await minutes_store.signed_of(conn, meeting.id) is not None,
            )

    async def list_for(self, actor: Actor) -> tuple[list[tuple[Meeting, Body]], datetime]:
        """Meetings of every body the person belongs to or coordinates, soonest first."""
        person = actor.require_person()
        async with self._db.read() as conn:
            mine = {body.id: body for _, body in await bodies.memberships_of(conn, person.id)}
            for organisation in await organisations.coordinated_organisations(conn, person.id):
                mine |= {b.id: b for b in await bodies.list_bodies(conn, organisation.id)}
            found = await meetings.meetings_of_bodies(conn, list(mine))
        return [(m, mine[m.body_id]) for m in found], self._clock.now()

    async def answer(self, actor: Actor, meeting_id: int, *, coming: bool) -> MeetingView:
        """«Приду» / «Не смогу»: changes who gets the reminders and the expected attendance."""
        async with self._db.transaction() as conn:
            meeting, _, person, _, _ = await self._visible(conn, actor, meeting_id)
            if meeting.status is not MeetingStatus.ANNOUNCED:
                raise Conflict("meeting-error-cancelled")
            if meeting.starts_at <= self._clock.now():
                raise Conflict("meeting-error-already-started")
            await meetings.set_rsvp(
                conn,
                meeting_id=meeting.id,
                person_id=person.id,
                coming=coming,
                now=self._clock.now(),
            )
        return await self.view(actor, meeting_id)

    async def propose(
        self, actor: Actor, meeting_id: int, title: str
    ) -> tuple[Proposal, list[Person]]:
        """A member proposes an agenda item until proposal_days before (4.8); returns the
        proposal and the people who decide on it (chair, deputy, secretary)."""
        title = valid_title(title)
        now = self._clock.now()
        async with self._db.transaction() as conn:
            meeting, body, person, _, voter = await self._visible(conn, actor, meeting_id)
            if not voter:
                raise AccessDenied("proposal-error-not-member")
            if meeting.status is not MeetingStatus.ANNOUNCED:
                raise Conflict("meeting-error-cancelled")
            require_proposals_open(now, meeting.starts_at, body.rules, body.timezone)
            proposal = await meetings.create_proposal(
                conn, meeting_id=meeting.id, person_id=person.id, title=title, now=now
            )
            deciders = [
                e.person
                for e in await bodies.roster(conn, body.id)
                if e.membership.role.manages_roster and e.person.id != person.id
            ]
        return proposal, deciders

    async def managed(self, actor: Actor, meeting_id: int) -> MeetingView:
        """The meeting as its chair or secretary sees it; anyone else is refused, before a
        screen that manages it (move, cancel) is shown."""
        view = await self.view(actor, meeting_id)
        if not view.manager:
            raise AccessDenied("error-not-allowed")
        return view

    async def require_decider(self, actor: Actor, proposal_id: int) -> None:
        """Refuses, before the comment is asked, anyone who may not decide this proposal."""
        async with self._db.read() as conn:
            proposal = await meetings.get_proposal(conn, proposal_id)
            if proposal is None:
                raise NotFound("meeting-error-not-found")
            meeting = present(await meetings.get_meeting(conn, proposal.meeting_id), "meeting")
            await require_body_manager(conn, actor, meeting.body_id)

    async def decide(
        self, actor: Actor, proposal_id: int, *, accepted: bool, comment: str | None
    ) -> Decided:
        """The chair or secretary accepts or rejects a proposal; an accepted one joins the
        agenda, and if the agenda went out already, members get the updated one."""
        now = self._clock.now()
        comment = " ".join(comment.split())[:500] if comment else None
        async with self._db.transaction() as conn:
            proposal = await meetings.get_proposal(conn, proposal_id)
            if proposal is None:
                raise NotFound("meeting-error-not-found")
            meeting = present(await meetings.get_meeting(conn, proposal.meeting_id), "meeting")
            access = await require_body_manager(conn, actor, meeting.body_id)
            if meeting.status is not MeetingStatus.ANNOUNCED:
                raise Conflict("meeting-error-cancelled")
            if not await meetings.decide_proposal(
                conn, proposal.id, accepted=accepted, comment=comment, by=access.person.id, now=now
            ):
                raise Conflict("proposal-error-decided")
            update = ballot_update = None
            if accepted:
                await meetings.add_item(
                    conn,
                    meeting_id=meeting.id,
                    title=proposal.title,
                    speaker=None,
                    needs_decision=True,
                    proposal_id=proposal.id,
                    now=now,
                )
                agenda_sent = any(
                    n.kind is NoticeKind.AGENDA and n.status in {"sending", "done"}
                    for n in await notices.notices_of(conn, meeting.id)
                )
                if agenda_sent:
                    update = await notices.add_notice(
                        conn,
                        meeting_id=meeting.id,
                        kind=NoticeKind.AGENDA_UPDATE,
                        due_at=now,
                        now=now,
                        details={"title": proposal.title},
                    )
                if meeting.ballot_opened_at is not None and meeting.ballots_closed_at is None:
                    # Open ballots take the new question; each voter gets theirs again.
                    ballot_update = await notices.add_notice(
                        conn,
                        meeting_id=meeting.id,
                        kind=NoticeKind.BALLOT_UPDATE,
                        due_at=now,
                        now=now,
                        details={"title": proposal.title},
                    )
            decided = present(await meetings.get_proposal(conn, proposal.id), "proposal")
            proposer = present(await people.get_person(conn, proposal.person_id), "person")
        self._arm([n for n in (update, ballot_update) if n is not None])
        return Decided(decided, proposer, meeting, access.body)

    async def reschedule(
        self, actor: Actor, meeting_id: int, *, starts_at: datetime, confirm_short: bool
    ) -> Meeting:
        """Moves a meeting: every pending notice moves with it, members are told at once."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            meeting, body, _ = await self._managed(conn, actor, meeting_id)
            deadline = None
            if meeting.form.has_ballot and meeting.vote_deadline is not None:
                # The voting deadline keeps its distance to the start.
                deadline = starts_at - (meeting.starts_at - meeting.vote_deadline)
            schedule = check_schedule(
                now=now,
                starts_at=starts_at,
                form=meeting.form,
                vote_deadline=deadline if deadline and deadline > now else None,
                extraordinary=meeting.extraordinary,
                short_notice_confirmed=confirm_short,
                rules=body.rules,
                timezone=body.timezone,
            )
            old = await notices.notices_of(conn, meeting.id)
            cancelled = await notices.cancel_pending(conn, meeting.id)
            await meetings.reschedule(
                conn,
                meeting.id,
                starts_at=schedule.starts_at,
                vote_deadline=schedule.vote_deadline,
            )
            planned = []
            pending_kinds = {n.kind for n in old if n.id in cancelled}
            for p in meeting_notices(
                body,
                now=now,
                starts_at=schedule.starts_at,
                form=meeting.form,
                vote_deadline=schedule.vote_deadline,
            ):
                # The announcement and what went out once (agenda, ballots, their closing) are
                # not repeated: the rescheduling notice says what changed. Everything still
                # ahead is planned anew.
                if p.kind is NoticeKind.ANNOUNCEMENT:
                    continue
                if p.kind in ONCE and p.kind not in pending_kinds:
                    continue
                planned.append(
                    await notices.add_notice(
                        conn, meeting_id=meeting.id, kind=p.kind, due_at=p.due_at, now=now
                    )
                )
            planned.append(
                await notices.add_notice(
                    conn,
                    meeting_id=meeting.id,
                    kind=NoticeKind.RESCHEDULED,
                    due_at=now,
                    now=now,
                    details={"old_starts_at": meeting.starts_at.isoformat()},
                )
            )
            moved = present(await meetings.get_meeting(conn, meeting.id), "meeting")
        for notice_id in cancelled:
            self._scheduler.disarm(notice_id)
        self._arm(planned)
        return moved

    async def cancel(self, actor: Actor, meeting_id: int) -> Meeting:
        """Cancels a meeting: nothing more is sent for it but the cancellation itself."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            meeting, _, access = await self._managed(conn, actor, meeting_id)
            if not await meetings.cancel(conn, meeting.id, by=access.person.id, now=now):
                raise Conflict("meeting-error-cancelled")
            cancelled = await notices.cancel_pending(conn, meeting.id)
            notice = await notices.add_notice(
                conn, meeting_id=meeting.id, kind=NoticeKind.CANCELLED, due_at=now, now=now
            )
            # Ballots already in members' chats close with it and lose their buttons.
            withdrawn = (
                await close_ballots(conn, meeting.id, now=now)
                if meeting.ballot_opened_at is not None
                else []
            )
            done = present(await meetings.get_meeting(conn, meeting.id), "meeting")
        for notice_id in cancelled:
            self._scheduler.disarm(notice_id)
        self._arm([notice, *withdrawn])
        return done

    async def _managed(
        self, conn: AsyncConnection, actor: Actor, meeting_id: int
    ) -> tuple[Meeting, Body, BodyAccess]:
        meeting = await meetings.get_meeting(conn, meeting_id)
        if meeting is None:
            raise NotFound("meeting-error-not-found")
        access = await require_body_manager(conn, actor, meeting.body_id)
        if meeting.status is not MeetingStatus.ANNOUNCED:
            raise Conflict("meeting-error-cancelled")
        if meeting.starts_at <= self._clock.now():
            raise Conflict("meeting-error-already-started")
        return meeting, access.body, access

    async def deliveries(self, actor: Actor, meeting_id: int) -> DeliveryReport:
        """Who got which notice, who did not and why, and the notices not sent at all."""
        async with self._db.read() as conn:
            meeting = await meetings.get_meeting(conn, meeting_id)
            if meeting is None:
                raise NotFound("meeting-error-not-found")
            access = await require_body_manager(conn, actor, meeting.body_id)
            names = {
                e.person.id: e.person.full_name for e in await bodies.roster(conn, access.body.id)
            }
            report = []
            for notice, delivery in await notices.deliveries_of(conn, meeting.id):
                # A closed ballot's edit is no message to anyone: its ballot is counted already.
                if delivery.person_id is None or notice.kind is NoticeKind.BALLOT_CLOSED:
                    continue
                name = names.get(delivery.person_id)
                if name is None:
                    person = await people.get_person(conn, delivery.person_id)
                    name = person.full_name if person else "?"
                report.append((notice, name, delivery.status, delivery.error))
            skipped = await notices.skipped_of(conn, meeting.id)
        return DeliveryReport(meeting, access.body, report, skipped)

    async def group_link_code(self, actor: Actor, body_id: int) -> str:
        """A one-time code the secretary sends in the body's Telegram group to link it."""
        now = self._clock.now()
        code = secrets.token_hex(4).upper()
        async with self._db.transaction() as conn:
            access = await require_body_manager(conn, actor, body_id)
            await meetings.add_group_link(
                conn,
                code=code,
                body_id=body_id,
                created_by=access.person.id,
                expires_at=now + timedelta(days=GROUP_LINK_DAYS),
            )
        return code

    async def link_group(self, actor: Actor, code: str, chat_id: int) -> Body:
        """Links the group where the code was sent; the sender must be who asked for it."""
        now = self._clock.now()
        person = actor.require_person()
        async with self._db.transaction() as conn:
            body_id = await meetings.use_group_link(
                conn, code=code.strip().upper(), person_id=person.id, now=now
            )
            if body_id is None:
                raise ValidationError("group-error-code")
            await bodies.set_group(conn, body_id, chat_id)
            return present(await bodies.get_body(conn, body_id), "body")
