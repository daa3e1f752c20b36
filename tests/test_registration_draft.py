"""The registration form's next step, chosen from its draft; drafts saved before still read."""

from __future__ import annotations

import pytest

from handlers.registration import RegistrationDraft, Then, next_step

CONSENT = {
    "version_id": 1,
    "organisation_id": 5,
    "locale": "ru",
    "text_sha256": "0" * 64,
    "given_at": "2027-03-01T09:00:00+00:00",
}


def steps(purpose: str) -> list[Then]:
    """The steps one after another, each question answered as soon as it is asked."""
    draft = RegistrationDraft(purpose=purpose, consent=CONSENT)
    answers = {
        Then.ASK_NAME: ("full_name", "Иванова Мария Петровна"),
        Then.ASK_SCHOOL: ("school", "МОУ СОШ № 3"),
        Then.ASK_SUBJECT: ("subject", "математика"),
    }
    seen = [next_step(draft)]
    while seen[-1] in answers:
        field, value = answers[seen[-1]]
        draft = RegistrationDraft.model_validate({**draft.data(), field: value})
        seen.append(next_step(draft))
    return seen


@pytest.mark.parametrize(
    ("purpose", "expected"),
    [
        ("personal", [Then.ACCEPT_INVITATION]),
        ("coordinator", [Then.ASK_NAME, Then.ACCEPT_INVITATION]),
        ("admin", [Then.ASK_NAME, Then.REGISTER]),
        ("invite", [Then.ASK_NAME, Then.ASK_SCHOOL, Then.ASK_SUBJECT, Then.ACCEPT_INVITATION]),
        ("teacher", [Then.ASK_NAME, Then.ASK_SCHOOL, Then.ASK_SUBJECT, Then.REGISTER]),
    ],
)
def test_who_is_asked_what(purpose: str, expected: list[Then]) -> None:
    assert steps(purpose) == expected


def test_a_form_saved_before_the_model_existed_still_validates() -> None:
    # What the FSM storage held for a teacher stopped at the subject question.
    stored = {
        "purpose": "teacher",
        "consent_organisation": 5,
        "organisation": 5,
        "consent": CONSENT,
        "full_name": "Иванова Мария Петровна",
        "school": "МОУ СОШ № 3",
    }
    draft = RegistrationDraft.model_validate(stored)
    assert next_step(draft) == Then.ASK_SUBJECT
    assert draft.data() == stored
    # A stored None (the organisation of an admin's consent) reads as absent.
    assert RegistrationDraft.model_validate({"purpose": "admin", "consent_organisation": None})
