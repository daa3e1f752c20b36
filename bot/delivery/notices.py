"""Delivering a due notice to everyone it is for, recorded per recipient before and after each
send, so that a restart in the middle continues where it stopped. What a notice means and whom
it goes to is bot/services/notices.py's: this module renders and sends."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from zoneinfo import ZoneInfo

from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramForbiddenError
from aiogram.types import BufferedInputFile
from aiogram_i18n.cores import FluentRuntimeCore

from bot.delivery.notifier import Notifier
from bot.domain.clock import Clock, local_date
from bot.domain.meetings import NoticeKind, is_late
from bot.domain.records import Notice
from bot.services.notices import (
    BALLOTS,
    RESULTS,
    NoticeContext,
    NoticeService,
    Recipient,
)
from bot.services.voting import VotingService
from bot.views.ballot_texts import ballot_message, results_lines, supplementary_message
from bot.views.consultation_texts import actions, consultation_ics, describe
from bot.views.notice_texts import Outgoing, render
from bot.views.texts import LocaleTexts, when

log = logging.getLogger(__name__)

# Sends in flight at once; the RateLimiter on the bot's session keeps them within Telegram's
# limits, the workers only hide the latency of each request.
WORKERS = 8


class NoticeSender:
    def __init__(
        self,
        notifier: Notifier,
        service: NoticeService,
        clock: Clock,
        core: FluentRuntimeCore,
        default_locale: str,
        voting: VotingService,
    ) -> None:
        self._notifier = notifier
        self._service = service
        self._voting = voting
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
        notice = await self._service.get(notice_id)
        if notice is None:
            return
        if notice.consultation_id is not None:
            await self._consultation(notice)
            return
        if notice.person_id is not None:
            await self._category_lapse(notice)
            return
        meeting_id = notice.meeting_id or 0
        lock = self._meeting_locks.setdefault(meeting_id, asyncio.Lock())
        async with lock:
            for due_id in await self._service.due_before(notice):
                await self._deliver_one(due_id)

    async def _deliver_one(self, notice_id: int) -> None:
        prepared = await self._service.prepare(notice_id)
        if prepared is None:
            return
        ctx, recipients = prepared.ctx, prepared.recipients
        if ctx.notice.kind is not NoticeKind.BALLOT_CLOSED:
            # Voting closed (this notice may have closed it): each member's ballot loses its
            # buttons before anything else reaches them, the result above all.
            for withdrawal in await self._service.open_withdrawals(ctx.meeting.id):
                await self._deliver_one(withdrawal)
        queue: asyncio.Queue[Recipient] = asyncio.Queue()
        for recipient in recipients:
            queue.put_nowait(recipient)

        async def worker() -> None:
            while not queue.empty():
                await self._send_one(ctx, queue.get_nowait())

        await asyncio.gather(*(worker() for _ in range(min(WORKERS, len(recipients)) or 1)))
        if await self._service.finish(notice_id):
            await self._tell_secretary(ctx)

    async def _tell_secretary(self, ctx: NoticeContext) -> None:
        """Once a notice has gone to everyone it could reach, the body's secretary is told, in
        one message, whom it did not reach and why, and to hand them a paper copy. Not for
        the reminders that go to the keepers of the протокол themselves."""
        undelivered = await self._service.undelivered(ctx)
        if undelivered is None:
            return
        missed = undelivered.missed
        kind = ctx.notice.kind
        for secretary in undelivered.secretaries:
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
            await self._notifier.tell(secretary, Outgoing("\n".join(lines)))

    async def _category_lapse(self, notice: Notice) -> None:
        """A category ends soon: the person and their coordinators are told once; a warning
        that goes long after its day (the bot was down) says it is late."""
        due = await self._service.category_due(notice)
        if due is None:
            return
        now = self._clock.now()
        today = now.astimezone(ZoneInfo(due.timezone)).date()
        for recipient in [due.person, *due.coordinators]:
            texts = LocaleTexts(self._core, recipient.locale or self._default_locale)
            own = recipient.id == due.person.id
            text = texts.get(
                "category-lapse-own" if own else "category-lapse-coordinator",
                name=due.person.full_name,
                date=due.lapses.strftime("%d.%m.%Y"),
                days=max(0, (due.lapses - today).days),
            )
            if is_late(notice.kind, notice.due_at, now):
                late = texts.get("notice-late", due=when(texts, notice.due_at, due.timezone))
                text = f"{late}\n\n{text}"
            await self._notifier.tell(recipient, Outgoing(text))
        await self._service.finish(notice.id)

    async def _consultation(self, notice: Notice) -> None:
        """A consultation's escalation or reminder: a few messages, sent once."""
        if not await self._service.claim_consultation(notice):
            return
        for person, key, case in await self._service.consultation_due(notice):
            texts = LocaleTexts(self._core, person.locale or self._default_locale)
            text = f"{texts.get(key)}\n\n{describe(texts, case)}"
            files: list[BufferedInputFile | str] = []
            if notice.kind is NoticeKind.CONSULT_REMINDER and case.consultation.starts_at:
                files.append(consultation_ics(texts, case, self._clock.now()))
            viewer = "coordinator" if key == "consultation-escalated" else case.viewer
            if person.id == case.consultation.methodist_id:
                viewer = "methodist"
            markup = actions(texts, replace(case, viewer=viewer))
            await self._notifier.tell(person, Outgoing(text, markup, files))
        await self._service.finish(notice.id)

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
            record, content = await self._service.minutes_of(ctx.notice)
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
        if ctx.notice.kind is NoticeKind.BALLOT_CLOSED:
            await self._withdraw_one(ctx, recipient)
            return
        delivery = recipient.delivery
        outgoing = await self._outgoing(ctx, recipient)
        if not await self._service.sending(delivery):
            return  # another sender has it (or sent it) meanwhile
        # Nothing left for them (their ballot closed, they voted in the room): not «delivered».
        status, error, message_id = ("sent" if outgoing is not None else "skipped"), None, None
        try:
            assert delivery.chat_id is not None  # noqa: S101 - only 'pending' rows have a chat
            if outgoing is not None:
                message_id = await self._notifier.send(delivery.chat_id, outgoing)
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
        await self._service.delivered(recipient, status, error, message_id=message_id)

    async def _withdraw_one(self, ctx: NoticeContext, recipient: Recipient) -> None:
        """Edits one delivered ballot into the closed ballot, the screen a press on it shows
        after the close, without buttons. Whatever Telegram answers is recorded and the close
        goes on: an edit is never tried again once it has an answer."""
        delivery, person = recipient.delivery, recipient.person
        if not await self._service.sending(delivery):
            return  # another sender has it (or edited it) meanwhile
        view = None
        if person is not None:
            view = await self._voting.ballot_of(ctx.meeting.id, person.id)
        status, error = "sent", None
        if view is None or person is None or delivery.chat_id is None or not delivery.message_id:
            status = "skipped"  # erased since, or no ballot of theirs: nothing to edit
        else:
            texts = LocaleTexts(self._core, person.locale or self._default_locale)
            text, markup = ballot_message(texts, view)
            try:
                await self._notifier.edit(
                    delivery.chat_id, delivery.message_id, Outgoing(text, markup)
                )
            except TelegramForbiddenError as failure:
                status, error = "unreachable", failure.message[:300]
            except TelegramBadRequest as failure:
                reason = failure.message.lower()
                if "not modified" in reason:
                    # It shows the closed ballot already: a press redrew it, or this edit went
                    # through just before a restart.
                    status = "sent"
                elif "not found" in reason:
                    # They deleted it (or the chat): nothing is left to edit.
                    status, error = "skipped", failure.message[:300]
                else:
                    # "message can't be edited" and the like: it keeps its buttons, and a press
                    # on one is refused politely, as before.
                    status, error = "failed", failure.message[:300]
                    log.warning(
                        "ballot %s in chat %s: %s", ctx.notice.id, delivery.chat_id, failure
                    )
            except TelegramAPIError as failure:
                status, error = "failed", str(failure)[:300]
                log.warning(
                    "closing ballot %s in chat %s failed: %s",
                    ctx.notice.id,
                    delivery.chat_id,
                    failure,
                )
        await self._service.delivered(recipient, status, error)
