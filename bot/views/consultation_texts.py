"""How a consultation request reads, and its buttons, in chats and reminders."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.documents.ics import meeting_ics
from bot.domain.consultations import Status
from bot.services.consultations import Case
from bot.services.ports import Texts
from bot.views.texts import when


class ConsultAction(StrEnum):
    SHOW = "show"
    TAKE = "take"
    PROPOSE = "propose"
    CONFIRM = "confirm"
    OTHER = "other"
    DONE = "done"
    RATE = "rate"
    DECLINE = "decline"
    CANCEL = "cancel"
    ASSIGN = "assign"


class ConsultCb(CallbackData, prefix="cs"):
    action: ConsultAction
    id: int
    value: int = 0  # a rating, or the person assigned


def describe(texts: Texts, case: Case) -> str:
    c = case.consultation
    lines = [
        texts.get(
            "consultation-title", id=c.id, status=texts.get(f"consultation-status-{c.status}")
        ),
        texts.get("consultation-topic", topic=c.topic),
        texts.get(
            "consultation-details",
            subject=c.subject,
            direction=texts.get(f"direction-{c.direction}"),
            size=texts.get(f"size-{c.size}"),
            mode=texts.get(f"mode-{c.mode}"),
        ),
        texts.get("consultation-wishes", wishes=c.wishes),
        texts.get(
            "consultation-teacher", name=case.teacher.full_name, school=case.teacher.school or "-"
        ),
    ]
    if case.methodist is not None:
        lines.append(texts.get("consultation-methodist", name=case.methodist.full_name))
    if c.starts_at is not None:
        key = "consultation-time" if c.status != Status.ASSIGNED else "consultation-time-proposed"
        lines.append(
            texts.get(key, when=when(texts, c.starts_at, case.timezone), place=c.place or "-")
        )
    if c.reason:
        lines.append(texts.get("consultation-reason", reason=c.reason))
    if c.rating is not None:
        lines.append(
            texts.get("consultation-rating", rating=c.rating, comment=c.rating_comment or "")
        )
    return "\n".join(lines)


LIVE = frozenset({Status.NEW, Status.OFFERED, Status.ASSIGNED, Status.SCHEDULED})


def _choices(case: Case) -> list[tuple[str, ConsultAction]]:
    """(label key, action) of what this viewer may do with the request in its state."""
    c, viewer, status = case.consultation, case.viewer, Status(case.consultation.status)
    proposed = status is Status.ASSIGNED and c.starts_at is not None
    offers = {
        "offered": [("consultation-take", ConsultAction.TAKE)] if status is Status.OFFERED else [],
        "methodist": [
            *(
                [("consultation-propose", ConsultAction.PROPOSE)]
                if status is Status.ASSIGNED
                else []
            ),
            *([("consultation-done", ConsultAction.DONE)] if status is Status.SCHEDULED else []),
            *(
                [("consultation-decline", ConsultAction.DECLINE)]
                if status in {Status.ASSIGNED, Status.SCHEDULED}
                else []
            ),
        ],
        "teacher": [
            *([("consultation-confirm", ConsultAction.CONFIRM)] if proposed else []),
            *(
                [("consultation-other-time", ConsultAction.OTHER)]
                if proposed or status is Status.SCHEDULED
                else []
            ),
            *([("consultation-cancel", ConsultAction.CANCEL)] if status in LIVE else []),
        ],
        "coordinator": [
            *(
                [("consultation-assign", ConsultAction.ASSIGN)]
                if status in {Status.NEW, Status.OFFERED}
                else []
            ),
            *([("consultation-decline", ConsultAction.DECLINE)] if status in LIVE else []),
        ],
    }
    return offers.get(viewer, [])


def actions(texts: Texts, case: Case) -> InlineKeyboardMarkup:
    """Only what this viewer may do with the request in its current state."""
    c = case.consultation
    kb = InlineKeyboardBuilder()
    for key, action in _choices(case):
        kb.button(text=texts.get(key), callback_data=ConsultCb(action=action, id=c.id))
    if case.viewer == "teacher" and c.status == Status.DONE and c.rating is None:
        for value in range(1, 6):
            kb.button(
                text="⭐" * value,
                callback_data=ConsultCb(action=ConsultAction.RATE, id=c.id, value=value),
            )
    kb.adjust(1)
    return kb.as_markup()


def consultation_ics(texts: Texts, case: Case, now: datetime) -> BufferedInputFile:
    """A calendar file for an agreed consultation (an hour long)."""
    c = case.consultation
    assert c.starts_at is not None  # noqa: S101 - only agreed consultations have one
    content = meeting_ics(
        uid=f"consultation-{c.id}@councilbot",
        sequence=0,
        starts_at=c.starts_at,
        ends_at=c.starts_at + timedelta(hours=1),
        summary=texts.get("consultation-ics-summary", topic=c.topic[:80]),
        location=c.place,
        description=c.topic,
        now=now,
    )
    return BufferedInputFile(content, filename=f"consultation-{c.id}.ics")
