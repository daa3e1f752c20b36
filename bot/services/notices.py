"""What a due notice means and whom it goes to: the steps it takes (voting opens at its
ballot, closes at its deadline), its recipients fixed once, and each delivery's result kept.
bot/delivery/notices.py asks this service, renders and sends; nothing here speaks Telegram."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.clock import Clock
from bot.domain.eligibility import lapses_on
from bot.domain.meetings import (
    BALLOT_NOTICES,
    DueNotice,
    MeetingStatus,
    NoticeKind,
    series_key,
    skip_reason,
)
from bot.domain.model import Role
from bot.domain.quiet import QUIET_KINDS, QuietHours
from bot.domain.records import (
    AgendaItem,
    Body,
    Delivery,
    Meeting,
    Minutes,
    Notice,
    Person,
    present,
)
from bot.services.consultations import Case, ConsultationService
from bot.services.ports import NoticeScheduler
from bot.services.voting import close_by_deadline, open_voting
from storage import bodies, meetings, notices, organisations, people, voting
from storage import consultations as consultations_store
from storage import minutes as minutes_store
from storage.db import Database

log = logging.getLogger(__name__)

# The group gets what is public: announcements and agenda changes, never ballots or reminders.
GROUP_KINDS = frozenset(
    {
        NoticeKind.ANNOUNCEMENT,
        NoticeKind.AGENDA,
        NoticeKind.AGENDA_UPDATE,
        NoticeKind.RESCHEDULED,
        NoticeKind.CANCELLED,
    }
)
REMINDERS = frozenset({NoticeKind.REMINDER_DAY, NoticeKind.REMINDER_HOUR})
BALLOTS = BALLOT_NOTICES
RESULTS = frozenset({NoticeKind.VOTING_CLOSE, NoticeKind.RESULTS})
MINUTES_REMINDERS = frozenset(
    {NoticeKind.MINUTES_REMINDER, NoticeKind.MINUTES_LAST_CALL, NoticeKind.MINUTES_OVERDUE}
)

# Delivery statuses of those a notice did not reach: the secretary hands them a paper copy.
UNDELIVERED = frozenset({"no_telegram", "unreachable", "failed"})
# The secretary hears about notices to at least this many people; one to a single person
# (a reminder) is that person's own business.
MANY = 2


Row = tuple[int | None, int | None, str]  # person id, chat id, first delivery status


def recipient_row(person: Person) -> Row:
    """A person's delivery row: to be sent, or recorded as having no Telegram."""
    status = "pending" if person.telegram_id is not None else "no_telegram"
    return person.id, person.telegram_id, status


@dataclass(frozen=True)
class NoticeContext:
    notice: Notice
    meeting: Meeting
    body: Body
    agenda: list[AgendaItem]
    now: datetime
    managers: set[int] = field(default_factory=set)  # who also gets the named vote list


@dataclass(frozen=True, slots=True)
class Recipient:
    delivery: Delivery
    person: Person | None  # None: the body's group


@dataclass(frozen=True, slots=True)
class Prepared:
    """A claimed notice of a meeting and those of its recipients still to be served."""

    ctx: NoticeContext
    recipients: list[Recipient]


@dataclass(frozen=True, slots=True)
class Undelivered:
    """Whom a finished notice did not reach (and why), and the secretaries to tell."""

    missed: list[tuple[Person, str]]  # person, delivery status
    secretaries: list[Person]


@dataclass(frozen=True, slots=True)
class CategoryLapse:
    """Whom a category's lapse warning goes to, and the day it lapses."""

    person: Person
    coordinators: list[Person]
    lapses: date
    timezone: str


class NoticeService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        consultations: ConsultationService,
        *,
        scheduler: NoticeScheduler,
        quiet: QuietHours | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._consultations = consultations
        self._scheduler = scheduler
        self._quiet = quiet

    async def get(self, notice_id: int) -> Notice | None:
        async with self._db.read() as conn:
            return await notices.get_notice(conn, notice_id)

    async def due_before(self, notice: Notice) -> list[int]:
        """The open notices of this one's meeting to deliver now, in the order of the series:
        those due that come earlier, then this one."""
        now = self._clock.now()
        mine = series_key(notice.kind, notice.due_at, notice.id)
        async with self._db.read() as conn:
            return [
                n.id
                for n in sorted(
                    await notices.notices_of(conn, notice.meeting_id or 0),
                    key=lambda n: series_key(n.kind, n.due_at, n.id),
                )
                if n.status in notices.OPEN
                and (
                    n.id == notice.id
                    or (n.due_at <= now and series_key(n.kind, n.due_at, n.id) < mine)
                )
            ]

    async def prepare(self, notice_id: int) -> Prepared | None:
        """Fixes the recipients of a due notice (once) and returns those still to be served.
        Claiming it runs its step in the same transaction: a ballot opens voting, the voting
        deadline closes it. None when there is nothing to send (stale, postponed, cancelled)."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            notice = await notices.get_notice(conn, notice_id)
            if notice is None or notice.status not in {"pending", "sending"}:
                return None
            meeting = present(await meetings.get_meeting(conn, notice.meeting_id or 0), "meeting")
            body = present(await bodies.get_body(conn, meeting.body_id), "body")
            if meeting.status is MeetingStatus.CANCELLED and notice.kind not in {
                NoticeKind.CANCELLED,
                NoticeKind.BALLOT_CLOSED,
            }:
                await notices.cancel_pending(conn, meeting.id, [notice.kind])
                return None  # nothing is sent for a cancelled meeting but its cancellation
            if notice.status == "pending":
                reason = await self._stale(conn, notice, meeting, body, now)
                if reason is not None:
                    # Its moment passed while the bot was down: recorded, not sent.
                    await notices.skip(conn, notice, reason, now=now)
                    log.info("notice %s skipped: %s", notice.id, reason)
                    return None
                if await self._postponed(conn, notice, body.timezone, now):
                    return None
                if not await notices.claim(conn, notice.id):
                    return None  # another sender (a second process) took it meanwhile
                results = True
                if notice.kind is NoticeKind.BALLOT:
                    # Voting opens: the roster is frozen and each voter gets a ballot.
                    await open_voting(conn, meeting, now=now)
                    await meetings.mark_ballot_opened(conn, meeting.id, now=now)
                elif notice.kind is NoticeKind.VOTING_CLOSE:
                    results = await close_by_deadline(conn, meeting, body, now=now)
                meeting = present(await meetings.get_meeting(conn, meeting.id), "meeting")
                if notice.kind is NoticeKind.BALLOT_CLOSED:
                    await notices.add_edits(conn, notice.id, int(notice.details["ballots"]))
                elif results:
                    await notices.add_deliveries(
                        conn, notice.id, await self._recipients(conn, notice, meeting, body)
                    )
            recipients = []
            for delivery in await notices.open_deliveries(conn, notice.id):
                person = None
                if delivery.person_id is not None:
                    person = await people.get_person(conn, delivery.person_id)
                recipients.append(Recipient(delivery, person))
            managers = {
                e.person.id
                for e in await bodies.roster(conn, body.id)
                if e.membership.role.manages_roster
            }
            ctx = NoticeContext(
                notice, meeting, body, await meetings.agenda(conn, meeting.id), now, managers
            )
        return Prepared(ctx, recipients)

    async def open_withdrawals(self, meeting_id: int) -> list[int]:
        """The open edits of a meeting's closed ballots: done before anything else reaches
        its members, the result above all."""
        async with self._db.read() as conn:
            return [
                n.id
                for n in await notices.notices_of(conn, meeting_id)
                if n.kind is NoticeKind.BALLOT_CLOSED and n.status in notices.OPEN
            ]

    async def finish(self, notice_id: int) -> bool:
        """The notice has gone to everyone it could reach; True the first time."""
        async with self._db.transaction() as conn:
            return await notices.finish(conn, notice_id, now=self._clock.now())

    async def undelivered(self, ctx: NoticeContext) -> Undelivered | None:
        """Whom a finished notice did not reach, for the body's secretary to hand a paper copy;
        None when there is nobody to tell (a reminder to one person is theirs alone). Not for
        the reminders that go to the keepers of the протокол themselves, nor for the edits of
        closed ballots (those ballots were reported when they went out)."""
        if ctx.notice.kind in MINUTES_REMINDERS or ctx.notice.kind is NoticeKind.BALLOT_CLOSED:
            return None
        # Those the secretary was told of when they asked for this notice (a reminder they
        # pressed for) are not named again; one who turned out unreachable since is news.
        told = {int(p) for p in str(ctx.notice.details.get("told", "")).split(",") if p}
        async with self._db.read() as conn:
            rows = await notices.deliveries_of_notice(conn, ctx.notice.id)
            missed = [
                (present(await people.get_person(conn, row.person_id), "person"), row.status)
                for row in rows
                if row.person_id is not None
                and row.status in UNDELIVERED
                and row.person_id not in told
            ]
            # A notice to one person alone (a reminder) is theirs: nobody else is told.
            if not missed or sum(row.person_id is not None for row in rows) < MANY:
                return None
            secretaries = [
                e.person
                for e in await bodies.roster(conn, ctx.body.id)
                if e.membership.role is Role.SECRETARY
                and e.person.telegram_id is not None
                and e.person.reachable
            ]
        return Undelivered(missed, secretaries)

    async def sending(self, delivery: Delivery) -> bool:
        """Claims a delivery about to go out (after a restart it is not sent twice unnoticed);
        False when another sender has it, or has sent it, meanwhile."""
        async with self._db.transaction() as conn:
            return await notices.claim_delivery(conn, delivery.id)

    async def delivered(
        self,
        recipient: Recipient,
        status: str,
        error: str | None,
        *,
        message_id: int | None = None,
    ) -> None:
        """Keeps how a delivery went (and the message it became, for editing it later); a
        person who blocked the bot is marked unreachable."""
        async with self._db.transaction() as conn:
            await notices.mark(
                conn,
                recipient.delivery.id,
                status=status,
                now=self._clock.now(),
                error=error,
                message_id=message_id,
            )
            if (
                status == "unreachable"
                and recipient.person is not None
                and recipient.person.telegram_id
            ):
                await people.set_reachable(conn, recipient.person.telegram_id, reachable=False)

    async def unreachable(self, telegram_id: int) -> None:
        """Someone blocked the bot: nothing more is sent to them until they write again."""
        async with self._db.transaction() as conn:
            await people.set_reachable(conn, telegram_id, reachable=False)

    async def minutes_of(self, notice: Notice) -> tuple[Minutes, bytes]:
        """The протокол a notice sends, and its document."""
        async with self._db.read() as conn:
            record = present(
                await minutes_store.get(conn, int(notice.details["minutes"])), "minutes"
            )
            content = present(await minutes_store.document(conn, record.id), "document")
        return record, content

    async def claim_consultation(self, notice: Notice) -> bool:
        """Claims a consultation's escalation or reminder; False when it waits for the end of
        quiet hours or has been claimed already."""
        async with self._db.transaction() as conn:
            consultation = await consultations_store.get(conn, notice.consultation_id or 0)
            organisation = await organisations.get_organisation(
                conn, consultation.organisation_id if consultation else 0
            )
            if notice.status == "pending" and organisation is not None:
                zone = organisation.timezone
                if await self._postponed(conn, notice, zone, self._clock.now()):
                    return False
            return await notices.claim(conn, notice.id)

    async def category_due(self, notice: Notice) -> CategoryLapse | None:
        """A category's lapse warning, claimed: the person, their organisation's coordinators
        and its time zone. None when it is not to go: claimed already, or the person erased,
        or the category renewed or changed since it was armed (then it is skipped, saying so)."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            person = await people.get_person(conn, notice.person_id or 0)
            lapse = None
            if person is not None and person.erased_at is None:
                lapse = lapses_on(person.eligibility)
            if (
                person is None
                or lapse is None
                or lapse.isoformat() != notice.details.get("lapses")
            ):
                await notices.skip(conn, notice, "renewed", now=now)
                return None
            if not await notices.claim(conn, notice.id):
                return None
            coordinators: list[Person] = []
            zone = "Europe/Moscow"
            if person.organisation_id is not None:
                organisation = await organisations.get_organisation(conn, person.organisation_id)
                zone = organisation.timezone if organisation else zone
                for person_id in await organisations.coordinator_ids(conn, person.organisation_id):
                    found = await people.get_person(conn, person_id)
                    if found is not None and found.id != person.id:
                        coordinators.append(found)
            return CategoryLapse(person, coordinators, lapse, zone)

    async def consultation_due(self, notice: Notice) -> list[tuple[Person, str, Case]]:
        """What a consultation's notice means now: (who, which message, the case)."""
        return await self._consultations.due(notice)

    async def _postponed(
        self, conn: AsyncConnection, notice: Notice, timezone: str, now: datetime
    ) -> bool:
        """A reminder, escalation or report due in quiet hours waits for their end (then it
        is checked again: by the morning it may be stale). One a person asked for goes now."""
        if self._quiet is None or notice.kind not in QUIET_KINDS or notice.details.get("asked"):
            return False
        later = self._quiet.next_allowed(now, timezone)
        if later <= now or not await notices.postpone(conn, notice.id, later):
            return False
        self._scheduler.arm(notice.id, later)
        log.info("notice %s waits for the end of quiet hours: %s", notice.id, later)
        return True

    async def _stale(
        self, conn: AsyncConnection, notice: Notice, meeting: Meeting, body: Body, now: datetime
    ) -> str | None:
        """Why a due reminder is no longer worth sending, or None."""
        others = [
            DueNotice(n.kind, n.due_at)
            for n in await notices.notices_of(conn, meeting.id)
            if n.id != notice.id and n.status in {"pending", "sending", "done"}
        ]
        reason = skip_reason(
            DueNotice(notice.kind, notice.due_at),
            now=now,
            starts_at=meeting.starts_at,
            vote_deadline=meeting.vote_deadline,
            timezone=body.timezone,
            others=others,
        )
        return None if reason is None else reason.value

    async def _recipients(
        self, conn: AsyncConnection, notice: Notice, meeting: Meeting, body: Body
    ) -> list[Row]:
        """Everyone on the roster now (members and guests); reminders skip those who said they
        cannot come; plus the body's group for public notices."""
        if notice.kind in BALLOTS:
            return await self._voters(conn, notice, meeting)
        if notice.kind in MINUTES_REMINDERS:
            return await self._minutes_keepers(conn, notice, meeting, body)
        declined = set()
        if notice.kind in REMINDERS:
            declined = {
                p
                for p, coming in (await meetings.rsvps_of(conn, meeting.id)).items()
                if not coming
            }
        rows = [
            recipient_row(entry.person)
            for entry in await bodies.roster(conn, body.id)
            if entry.person.id not in declined
        ]
        if body.group_chat_id is not None and notice.kind in GROUP_KINDS:
            rows.append((None, body.group_chat_id, "pending"))
        return rows

    async def _minutes_keepers(
        self, conn: AsyncConnection, notice: Notice, meeting: Meeting, body: Body
    ) -> list[Row]:
        """Who is reminded of an unsent протокол: the secretary; two days before the deadline
        also the chair; once it has passed, the coordinator. Nobody once it is signed."""
        if await minutes_store.signed_of(conn, meeting.id) is not None:
            return []
        roster = await bodies.roster(conn, body.id)
        wanted = {Role.SECRETARY}
        if notice.kind is NoticeKind.MINUTES_LAST_CALL:
            wanted.add(Role.CHAIR)
        keepers = [e.person for e in roster if e.membership.role in wanted]
        if notice.kind is NoticeKind.MINUTES_OVERDUE:
            keepers = [
                present(await people.get_person(conn, person_id), "person")
                for person_id in await organisations.coordinator_ids(conn, body.organisation_id)
            ]
        return [recipient_row(p) for p in keepers]

    async def _voters(self, conn: AsyncConnection, notice: Notice, meeting: Meeting) -> list[Row]:
        """Ballots go to the frozen roster only (no guests, no group); a reminder only to
        those who have not signed."""
        signed = {b.person_id for b in await voting.ballots_of(conn, meeting.id) if b.signed_at}
        rows: list[Row] = []
        for person_id in await voting.voters_of(conn, meeting.id):
            if notice.kind is NoticeKind.BALLOT_REMINDER and person_id in signed:
                continue
            rows.append(recipient_row(present(await people.get_person(conn, person_id), "person")))
        return rows
