"""A new body's form: an РМО is asked its subject, the others are created once named."""

from __future__ import annotations

from bot.domain.model import BodyKind
from handlers.setup import BodyDraft, BodyForm, next_body_state


def test_an_rmo_is_asked_its_subject_and_a_council_is_not() -> None:
    for kind in BodyKind:
        draft = BodyDraft(organisation=1, kind=kind)
        assert next_body_state(draft) == BodyForm.name
        named = draft.model_copy(update={"name": "Методический совет"})
        expected = BodyForm.subject if kind == BodyKind.RMO else None
        assert next_body_state(named) == expected


def test_a_form_saved_before_the_model_existed_still_validates() -> None:
    stored = {"organisation": 3, "kind": "rmo", "name": "РМО учителей математики"}
    draft = BodyDraft.model_validate(stored)
    assert draft.kind == BodyKind.RMO
    assert next_body_state(draft) == BodyForm.subject
    assert draft.data() == stored
