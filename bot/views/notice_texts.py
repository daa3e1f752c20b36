"""What each notice says, in the recipient's language: text, buttons and files."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.documents.ics import meeting_ics
from bot.domain.clock import local_date, local_time
from bot.domain.meetings import (
    MeetingStatus,
    NoticeKind,
    agenda_due,
    days_left,
    minutes_deadline,
    proposals_close,
)
from bot.domain.records import AgendaItem, Body, Meeting
from bot.services.notices import NoticeContext
from bot.services.ports import Texts
from bot.views.texts import when

# How long a meeting is assumed to last in a calendar file.
MEETING_LENGTH = timedelta(hours=2)


class MeetingAction(StrEnum):
    CARD = "card"
    YES = "yes"
    NO = "no"
    PROPOSE = "propose"
    FILES = "files"
    REPORT = "report"
    MOVE = "move"
    MOVE_SHORT = "moveshort"
    CANCEL = "cancel"
    CANCEL_YES = "cancelyes"
    NEW = "new"
    GROUP = "group"
    CHECKIN = "checkin"
    MINUTES = "minutes"
    EXTRACT = "extract"


class MeetingCb(CallbackData, prefix="mt"):
    """Buttons under notices and on a meeting's card (handlers/meetings.py answers them)."""

    action: MeetingAction
    id: int  # the meeting; for `new` and `group`, the body


@dataclass(frozen=True)
class Outgoing:
    """One notice for one chat: a message, then files (a calendar file, materials)."""

    text: str
    markup: InlineKeyboardMarkup | None = None
    files: list[BufferedInputFile | str] = field(default_factory=list)  # str: a Telegram file_id


def meeting_headline(texts: Texts, meeting: Meeting, body: Body) -> list[str]:
    """What, when, where: the lines every notice of a meeting starts with."""
    lines = [
        texts.get(
            "notice-headline",
            body=body.name,
            extraordinary="yes" if meeting.extraordinary else "no",
        ),
        texts.get("notice-form", form=texts.get(f"form-{meeting.form.value}")),
        texts.get("notice-when", when=when(texts, meeting.starts_at, body.timezone)),
    ]
    if meeting.place:
        lines.append(texts.get("notice-place", place=meeting.place))
    if meeting.vote_deadline is not None:
        lines.append(
            texts.get(
                "notice-deadline", deadline=when(texts, meeting.vote_deadline, body.timezone)
            )
        )
    return lines


def agenda_lines(texts: Texts, agenda: list[AgendaItem]) -> list[str]:
    lines = [texts.get("notice-agenda-title")]
    for item in agenda:
        lines.append(texts.get("notice-agenda-item", number=item.position, title=item.title))
        if item.speaker:
            lines.append(texts.get("notice-agenda-speaker", speaker=item.speaker))
        if item.materials:
            lines.append(texts.get("notice-agenda-materials", count=len(item.materials)))
    return lines


def calendar_file(texts: Texts, meeting: Meeting, body: Body, now: datetime) -> BufferedInputFile:
    content = meeting_ics(
        uid=f"meeting-{meeting.id}@councilbot",
        sequence=meeting.sequence,
        starts_at=meeting.starts_at,
        ends_at=meeting.starts_at + MEETING_LENGTH,
        summary=texts.get("ics-summary", body=body.name),
        location=meeting.place,
        description=texts.get("ics-description", form=texts.get(f"form-{meeting.form.value}")),
        cancelled=meeting.status is MeetingStatus.CANCELLED,
        now=now,
    )
    return BufferedInputFile(content, filename=f"meeting-{meeting.id}.ics")


def buttons(texts: Texts, meeting: Meeting) -> InlineKeyboardMarkup:
    """«Приду» / «Не смогу» where people gather, and the way to the meeting's card."""
    kb = InlineKeyboardBuilder()
    if meeting.form.has_place:
        kb.button(
            text=texts.get("notice-button-coming"),
            callback_data=MeetingCb(action=MeetingAction.YES, id=meeting.id),
        )
        kb.button(
            text=texts.get("notice-button-not-coming"),
            callback_data=MeetingCb(action=MeetingAction.NO, id=meeting.id),
        )
    kb.button(
        text=texts.get("notice-button-card"),
        callback_data=MeetingCb(action=MeetingAction.CARD, id=meeting.id),
    )
    kb.adjust(2, 1)
    return kb.as_markup()


def render(texts: Texts, ctx: NoticeContext, *, private: bool) -> Outgoing:
    """The notice as one recipient gets it. `private` is False for the body's group, which
    gets no buttons: answers and ballots belong in private chats."""
    meeting, body, kind = ctx.meeting, ctx.body, ctx.notice.kind
    headline = meeting_headline(texts, meeting, body)
    zone = body.timezone
    match kind:
        case NoticeKind.ANNOUNCEMENT:
            lines = [texts.get("notice-announcement"), *headline]
            if ctx.agenda:  # «о примерном перечне вопросов» (4.8): the titles, as announced
                lines.append(texts.get("notice-agenda-preliminary"))
                lines += [
                    texts.get("notice-agenda-item", number=item.position, title=item.title)
                    for item in ctx.agenda
                ]
            lines.append(
                texts.get(
                    "notice-agenda-comes",
                    when=when(texts, agenda_due(meeting.starts_at, body.rules, zone), zone),
                )
                if agenda_due(meeting.starts_at, body.rules, zone) > ctx.now
                else texts.get("notice-agenda-follows")
            )
            files: list[BufferedInputFile | str] = [calendar_file(texts, meeting, body, ctx.now)]
        case NoticeKind.AGENDA | NoticeKind.AGENDA_UPDATE:
            lines = [
                texts.get(
                    "notice-agenda" if kind is NoticeKind.AGENDA else "notice-agenda-update",
                    title=str(ctx.notice.details.get("title", "")),
                ),
                *headline,
            ]
            lines += agenda_lines(texts, ctx.agenda)
            cutoff = proposals_close(meeting.starts_at, body.rules)
            if private and cutoff > ctx.now:
                lines.append(texts.get("notice-propose-until", cutoff=local_time(cutoff, zone)))
            if meeting.form.has_ballot and private:
                lines.append(texts.get("notice-ballot-open"))
            files = (
                [m.file_id for item in ctx.agenda for m in item.materials]
                if kind is NoticeKind.AGENDA
                else []
            )
        case NoticeKind.REMINDER_DAY | NoticeKind.REMINDER_HOUR | NoticeKind.REMINDER_WEEK:
            lines = [texts.get(f"notice-{kind.value.replace('_', '-')}"), *headline]
            files = []
        case NoticeKind.RESCHEDULED:
            old = datetime.fromisoformat(str(ctx.notice.details["old_starts_at"]))
            lines = [texts.get("notice-rescheduled", old=when(texts, old, zone)), *headline]
            files = [calendar_file(texts, meeting, body, ctx.now)]
        case NoticeKind.CANCELLED:
            lines = [texts.get("notice-cancelled"), *headline]
            files = [calendar_file(texts, meeting, body, ctx.now)]
        case (
            NoticeKind.MINUTES_REMINDER | NoticeKind.MINUTES_LAST_CALL | NoticeKind.MINUTES_OVERDUE
        ):
            deadline = minutes_deadline(meeting.starts_at, body.rules)
            lines = [
                texts.get(
                    f"notice-{kind.value.replace('_', '-')}",
                    body=body.name,
                    date=local_date(meeting.starts_at, zone),
                    deadline=local_date(deadline, zone),
                    # Counted when it goes: after downtime «two days» may be one.
                    days=days_left(deadline, ctx.now, zone),
                )
            ]
            files = []
            kb = InlineKeyboardBuilder()
            kb.button(
                text=texts.get("notice-button-minutes"),
                callback_data=MeetingCb(action=MeetingAction.MINUTES, id=meeting.id),
            )
            return Outgoing("\n".join(lines), kb.as_markup() if private else None, files)
        case _:
            # Ballots and results are personal: bot/delivery/notices.py renders them itself.
            raise ValueError(f"no common text for a {kind} notice")
    markup = None
    if private and kind is not NoticeKind.CANCELLED:
        markup = buttons(texts, meeting)
    return Outgoing("\n".join(lines), markup, files)
