"""Delivering a due notice to everyone it is for, recorded per recipient before and after each
send, so that a restart in the middle continues where it stopped."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace
from datetime import datetime

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import BufferedInputFile
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.ballot_texts import ballot_message, results_lines, supplementary_message
from bot.clock import Clock
from bot.consultation_texts import actions, consultation_ics, describe
from bot.domain.meetings import (
    DueNotice,
    MeetingStatus,
    NoticeKind,
    is_late,
    series_key,
    skip_reason,
)
from bot.domain.model import Role
from bot.domain.quiet import QUIET_KINDS, QuietHours
from bot.notice_texts import NoticeContext, Outgoing, render
from bot.scheduler import NoticeScheduler
from bot.services.consultations import ConsultationService
from bot.services.voting import VotingService, close_by_deadline, open_voting
from bot.texts import LocaleTexts, local_date, split_message, when
from storage import bodies, meetings, notices, organisations, people, voting
from storage import consultations as consultations_store
from storage import minutes as minutes_store
from storage.db import Database
from storage.models import Body, Delivery, Meeting, Notice, Person, present

log = logging.getLogger(__name__)

# Sends in flight at once; the RateLimiter on the bot's session keeps them within Telegram's
# limits, the workers only hide the latency of each request.
WORKERS = 8
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
BALLOTS = frozenset({NoticeKind.BALLOT, NoticeKind.BALLOT_UPDATE, NoticeKind.BALLOT_REMINDER})
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


@dataclass(frozen=True, slots=True)
class Recipient:
    delivery: Delivery
    person: Person | None  # None: the body's group


class NoticeSender:
    def __init__(
        self,
        bot: Bot,
        db: Database,
        clock: Clock,
        core: FluentRuntimeCore,
        default_locale: str,
        voting: VotingService,
        consultations: ConsultationService,
        *,
        scheduler: NoticeScheduler,
        quiet: QuietHours | None = None,
    ) -> None:
        self._bot = bot
        self._scheduler = scheduler
        self._quiet = quiet
        self._voting = voting
        self._consultations = consultations
        self._db = db
        self._clock = clock
        self._core = core
        self._default_locale = default_locale
        # One lock per meeting, kept for the life of the process: a few hundred a year, and
        # dropping one while a job waits on it would let two deliveries of it overlap.
        self._meeting_locks: dict[int, asyncio.Lock] = {}

    async def deliver(self, notice_id: int) -> None:
        """Sends a notice to every recipient not yet served; safe to call again at any time.

        Notices of one meeting go one after another, in the order of the series: the scheduler
        starts every due job at once, so before this one the meeting's notices that come
        earlier and are due as well are delivered (their own jobs then find nothing to do)."""
        async with self._db.read() as conn:
            notice = await notices.get_notice(conn, notice_id)
        if notice is None:
            return
        if notice.consultation_id is not None:
            await self._consultation(notice)
            return
        meeting_id = notice.meeting_id or 0
        lock = self._meeting_locks.setdefault(meeting_id, asyncio.Lock())
        async with lock:
            now = self._clock.now()
            mine = series_key(notice.kind, notice.due_at, notice.id)
            async with self._db.read() as conn:
                earlier = [
                    n.id
                    for n in sorted(
                        await notices.notices_of(conn, meeting_id),
                        key=lambda n: series_key(n.kind, n.due_at, n.id),
                    )
                    if n.status in notices.OPEN
                    and (
                        n.id == notice.id
                        or (n.due_at <= now and series_key(n.kind, n.due_at, n.id) < mine)
                    )
                ]
            for due_id in earlier:
                await self._deliver_one(due_id)

    async def _deliver_one(self, notice_id: int) -> None:
        prepared = await self._prepare(notice_id)
        if prepared is None:
            return
        ctx, recipients = prepared
        queue: asyncio.Queue[Recipient] = asyncio.Queue()
        for recipient in recipients:
            queue.put_nowait(recipient)

        async def worker() -> None:
            while not queue.empty():
                await self._send_one(ctx, queue.get_nowait())

        await asyncio.gather(*(worker() for _ in range(min(WORKERS, len(recipients)) or 1)))
        async with self._db.transaction() as conn:
            finished = await notices.finish(conn, notice_id, now=self._clock.now())
        if finished:
            await self._tell_secretary(ctx)

    async def _tell_secretary(self, ctx: NoticeContext) -> None:
        """Once a notice has gone to everyone it could reach, the body's secretary is told, in
        one message, whom it did not reach and why, and to hand them a paper copy. Not for
        the reminders that go to the keepers of the протокол themselves."""
        if ctx.notice.kind in MINUTES_REMINDERS:
            return
        async with self._db.read() as conn:
            rows = await notices.deliveries_of_notice(conn, ctx.notice.id)
            missed = [
                (present(await people.get_person(conn, row.person_id), "person"), row.status)
                for row in rows
                if row.person_id is not None and row.status in UNDELIVERED
            ]
            # A notice to one person alone (a reminder) is theirs: nobody else is told.
            if not missed or sum(row.person_id is not None for row in rows) < MANY:
                return
            secretaries = [
                e.person
                for e in await bodies.roster(conn, ctx.body.id)
                if e.membership.role is Role.SECRETARY
                and e.person.telegram_id is not None
                and e.person.reachable
            ]
        kind = ctx.notice.kind
        for secretary in secretaries:
            texts = LocaleTexts(self._core, secretary.locale or self._default_locale)
            lines = [
                texts.get(
                    "undelivered-title",
                    kind=texts.get(f"notice-kind-{kind.value}"),
                    body=ctx.body.name,
                    date=local_date(ctx.meeting.starts_at, ctx.body.timezone),
                    count=len(missed),
                ),
                *(
                    texts.get(
                        "undelivered-line",
                        name=person.full_name,
                        reason=texts.get(f"undelivered-reason-{status}"),
                    )
                    for person, status in missed
                ),
                texts.get("undelivered-hint-ballot" if kind in BALLOTS else "undelivered-hint"),
            ]
            try:
                await self._send(secretary.telegram_id or 0, Outgoing("\n".join(lines)))
            except TelegramForbiddenError:
                async with self._db.transaction() as conn:
                    await people.set_reachable(conn, secretary.telegram_id or 0, reachable=False)
            except TelegramAPIError:
                log.warning("cannot tell secretary %s of notice %s", secretary.id, ctx.notice.id)

    async def _prepare(self, notice_id: int) -> tuple[NoticeContext, list[Recipient]] | None:
        """Fixes the recipients of a due notice (once) and returns those still to be served."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            notice = await notices.get_notice(conn, notice_id)
            if notice is None or notice.status not in {"pending", "sending"}:
                return None
            meeting = present(await meetings.get_meeting(conn, notice.meeting_id or 0), "meeting")
            body = present(await bodies.get_body(conn, meeting.body_id), "body")
            if (
                meeting.status is MeetingStatus.CANCELLED
                and notice.kind is not NoticeKind.CANCELLED
            ):
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
                if results:
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
        return ctx, recipients

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

    async def _consultation(self, notice: Notice) -> None:
        """A consultation's escalation or reminder: a few messages, sent once."""
        async with self._db.transaction() as conn:
            consultation = await consultations_store.get(conn, notice.consultation_id or 0)
            organisation = await organisations.get_organisation(
                conn, consultation.organisation_id if consultation else 0
            )
            if notice.status == "pending" and organisation is not None:
                zone = organisation.timezone
                if await self._postponed(conn, notice, zone, self._clock.now()):
                    return
            if not await notices.claim(conn, notice.id):
                return
        for person, key, case in await self._consultations.due(notice):
            if person.telegram_id is None:
                continue
            texts = LocaleTexts(self._core, person.locale or self._default_locale)
            text = f"{texts.get(key)}\n\n{describe(texts, case)}"
            files: list[BufferedInputFile | str] = []
            if notice.kind is NoticeKind.CONSULT_REMINDER and case.consultation.starts_at:
                files.append(consultation_ics(texts, case, self._clock.now()))
            viewer = "coordinator" if key == "consultation-escalated" else case.viewer
            if person.id == case.consultation.methodist_id:
                viewer = "methodist"
            markup = actions(texts, replace(case, viewer=viewer))
            try:
                await self._send(person.telegram_id, Outgoing(text, markup, files))
            except TelegramForbiddenError:
                async with self._db.transaction() as conn:
                    await people.set_reachable(conn, person.telegram_id, reachable=False)
            except TelegramAPIError:
                log.warning(
                    "consultation notice %s to %s failed", notice.id, person.id, exc_info=True
                )
        async with self._db.transaction() as conn:
            await notices.finish(conn, notice.id, now=self._clock.now())

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

    async def _outgoing(self, ctx: NoticeContext, recipient: Recipient) -> Outgoing | None:
        """The message for one recipient; None when there is nothing for them any more. One
        that goes long after its moment (the bot was down) says so first."""
        locale = self._default_locale
        if recipient.person is not None and recipient.person.locale:
            locale = recipient.person.locale
        texts = LocaleTexts(self._core, locale)
        outgoing = await self._message(texts, ctx, recipient)
        if outgoing is None or not is_late(ctx.notice.kind, ctx.notice.due_at, ctx.now):
            return outgoing
        late = texts.get("notice-late", due=when(texts, ctx.notice.due_at, ctx.body.timezone))
        return replace(outgoing, text=f"{late}\n\n{outgoing.text}")

    async def _message(
        self, texts: LocaleTexts, ctx: NoticeContext, recipient: Recipient
    ) -> Outgoing | None:
        kind = ctx.notice.kind
        if kind in BALLOTS and recipient.person is not None:
            view = await self._voting.ballot_of(ctx.meeting.id, recipient.person.id)
            if view is None or view.closed or view.in_room:
                return None  # closed, or they voted in the room: no ballot for them now
            # Those who signed get the added question alone, as a supplementary ballot.
            render_ballot = (
                supplementary_message if kind is NoticeKind.BALLOT_UPDATE else ballot_message
            )
            text, markup = render_ballot(texts, view)
            details = {key: str(value) for key, value in ctx.notice.details.items()}
            heading = texts.get(f"notice-{kind.value.replace('_', '-')}", **details)
            return Outgoing(f"{heading}\n\n{text}", markup)
        if kind is NoticeKind.MINUTES:
            async with self._db.read() as conn:
                record = present(
                    await minutes_store.get(conn, int(ctx.notice.details["minutes"])), "minutes"
                )
                content = present(await minutes_store.document(conn, record.id), "document")
            key = "notice-minutes" if record.version == 1 else "notice-minutes-corrected"
            text = texts.get(
                key,
                number=record.number,
                body=ctx.body.name,
                date=local_date(ctx.meeting.starts_at, ctx.body.timezone),
                reason=record.reason or "",
            )
            name = f"protocol-{record.number}-{record.year}-v{record.version}.docx"
            return Outgoing(text, None, [BufferedInputFile(content, filename=name)])
        if kind in RESULTS and ctx.meeting.results is not None:
            named = recipient.person is not None and recipient.person.id in ctx.managers
            lines = results_lines(texts, ctx.meeting, ctx.body, ctx.meeting.results, named=named)
            return Outgoing("\n".join(lines))
        return render(texts, ctx, private=recipient.person is not None)

    async def _send_one(self, ctx: NoticeContext, recipient: Recipient) -> None:
        delivery = recipient.delivery
        outgoing = await self._outgoing(ctx, recipient)
        async with self._db.transaction() as conn:
            if not await notices.claim_delivery(conn, delivery.id):
                return  # another sender has it (or sent it) meanwhile
        # Nothing left for them (their ballot closed, they voted in the room): not «delivered».
        status, error = ("sent" if outgoing is not None else "skipped"), None
        try:
            assert delivery.chat_id is not None  # noqa: S101 - only 'pending' rows have a chat
            if outgoing is not None:
                await self._send(delivery.chat_id, outgoing)
        except TelegramForbiddenError as failure:
            status, error = "unreachable", failure.message[:300]
        except TelegramBadRequest as failure:
            # "chat not found": a Telegram id from a roster file whose owner never started the
            # bot. Like a block, only they can change it.
            unknown = "chat not found" in failure.message.lower()
            status, error = ("unreachable" if unknown else "failed"), failure.message[:300]
            if not unknown:
                log.warning(
                    "notice %s to chat %s refused: %s", ctx.notice.id, delivery.chat_id, failure
                )
        except TelegramAPIError as failure:
            # The rate limiter already retried transient failures; this one is reported.
            status, error = "failed", str(failure)[:300]
            log.warning(
                "notice %s to chat %s failed: %s", ctx.notice.id, delivery.chat_id, failure
            )
        async with self._db.transaction() as conn:
            await notices.mark(
                conn, delivery.id, status=status, now=self._clock.now(), error=error
            )
            if (
                status == "unreachable"
                and recipient.person is not None
                and recipient.person.telegram_id
            ):
                await people.set_reachable(conn, recipient.person.telegram_id, reachable=False)

    async def _send(self, chat_id: int, outgoing: Outgoing) -> None:
        *first, last = split_message(outgoing.text)
        for chunk in first:
            await self._bot.send_message(chat_id, chunk)
        await self._bot.send_message(chat_id, last, reply_markup=outgoing.markup)
        for file in outgoing.files:
            await self._bot.send_document(chat_id, file)
