"""The consultation request's draft: what the next question is, and old drafts still read."""

from __future__ import annotations

from bot.domain.consultations import Direction, Mode, Size
from handlers.consultations import AskDraft, AskForm, next_state


def test_the_questions_come_in_order_and_the_summary_last() -> None:
    draft = AskDraft()
    seen = []
    answers = {
        "topic": "Наставничество",
        "subject": "математика",
        "direction": "young",
        "size": "individual",
        "mode": "online",
        "wishes": "после 15:00",
    }
    for field, value in answers.items():
        seen.append(next_state(draft))
        draft = AskDraft.model_validate({**draft.data(), field: value})
    assert seen == [
        AskForm.topic,
        AskForm.subject,
        AskForm.direction,
        AskForm.size,
        AskForm.mode,
        AskForm.wishes,
    ]
    assert next_state(draft) == AskForm.confirm
    request = draft.request()
    assert request is not None
    assert (request.direction, request.size, request.mode) == (
        Direction.YOUNG,
        Size.INDIVIDUAL,
        Mode.ONLINE,
    )


def test_a_draft_saved_before_the_model_existed_still_validates() -> None:
    # What the FSM storage held for a form left at the wishes question.
    stored = {
        "topic": "Наставничество",
        "subject": "математика",
        "direction": "young",
        "size": "group",
        "mode": "in_person",
    }
    draft = AskDraft.model_validate(stored)
    assert next_state(draft) == AskForm.wishes
    assert draft.request() is None
    assert draft.data() == stored
