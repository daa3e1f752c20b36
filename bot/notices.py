"""Delivering a due notice to everyone it is for, recorded per recipient before and after each
send, so that a restart in the middle continues where it stopped."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import BufferedInputFile
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.ballot_texts import ballot_message, results_lines, supplementary_message
from bot.clock import Clock
from bot.consultation_texts import actions, consultation_ics, describe
from bot.domain.meetings import MeetingStatus, NoticeKind
from bot.domain.model import Role
from bot.notice_texts import NoticeContext, Outgoing, render
from bot.services.consultations import ConsultationService
from bot.services.voting import VotingService, close_by_deadline, open_voting
from bot.texts import LocaleTexts, local_date, split_message
from storage import bodies, meetings, notices, organisations, people, voting
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
    ) -> None:
        self._bot = bot
        self._voting = voting
        self._consultations = consultations
        self._db = db
        self._clock = clock
        self._core = core
        self._default_locale = default_locale

    async def deliver(self, notice_id: int) -> None:
        """Sends a notice to every recipient not yet served; safe to call again at any time."""
        async with self._db.read() as conn:
            notice = await notices.get_notice(conn, notice_id)
        if notice is not None and notice.consultation_id is not None:
            await self._consultation(notice)
            return
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
            await notices.finish(conn, notice_id, now=self._clock.now())

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
                await notices.claim(conn, notice.id)
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
        """The message for one recipient; None when there is nothing for them any more."""
        locale = self._default_locale
        if recipient.person is not None and recipient.person.locale:
            locale = recipient.person.locale
        texts = LocaleTexts(self._core, locale)
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
            await notices.mark(conn, delivery.id, status="sending", now=self._clock.now())
        status, error = "sent", None
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
