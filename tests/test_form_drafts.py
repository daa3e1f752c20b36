"""The small forms of voting and the протокол: the next question chosen from the form's data
alone, and data stored by an older release (FSM data survive restarts) still read the same."""

from __future__ import annotations

from bot.domain.records import AgendaItem
from bot.domain.voting import Choice
from handlers.minutes import FillDraft, next_field_after
from handlers.voting import PaperDraft, next_question


def item(item_id: int, position: int) -> AgendaItem:
    return AgendaItem(
        id=item_id,
        meeting_id=1,
        position=position,
        title=f"Вопрос {position}",
        speaker=None,
        needs_decision=True,
        proposal_id=None,
    )


ITEMS = [item(11, 1), item(12, 2), item(13, 3)]


def test_the_next_question_is_the_first_unanswered_one() -> None:
    assert next_question(ITEMS, {}) == ITEMS[0]
    assert next_question(ITEMS, {11: Choice.FOR}) == ITEMS[1]
    # Answered out of order (a question added meanwhile): the gap is asked first.
    assert next_question(ITEMS, {11: Choice.FOR, 13: Choice.AGAINST}) == ITEMS[1]
    assert next_question(ITEMS, {11: Choice.FOR, 12: Choice.ABSTAIN, 13: Choice.FOR}) is None


def test_a_ballot_stored_by_the_old_form_reads_and_is_written_back_the_same() -> None:
    stored = {"meeting": 4, "person": 9, "answers": {"11": "for", "12": "abstain"}}
    draft = PaperDraft.model_validate(stored)
    assert draft.answers == {11: Choice.FOR, 12: Choice.ABSTAIN}
    assert draft.model_dump(mode="json") == stored


def test_the_minutes_ask_heard_spoke_decided_then_stops() -> None:
    assert next_field_after("heard") == "spoke"
    assert next_field_after("spoke") == "decided"
    assert next_field_after("decided") is None


def test_a_field_being_filled_stored_by_the_old_form_reads_the_same() -> None:
    stored = {"minutes": 2, "item": 5, "field": "spoke"}
    draft = FillDraft.model_validate(stored)
    assert (draft.minutes, draft.item, draft.field) == (2, 5, "spoke")
    assert draft.model_dump(mode="json") == stored
