"""The meeting form's draft: what it asks next, decided from the draft alone, and drafts stored
by an older release (FSM data survive restarts in the database) still reading the same."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from bot.domain.meetings import DraftMaterial, MeetingForm
from handlers.announce import Draft, Entry, Step, next_step

STARTS = datetime(2027, 3, 12, 15, 0, tzinfo=timezone(timedelta(hours=7)))


def draft(**fields: Any) -> Draft:  # noqa: ANN401 - any of the draft's keys
    return Draft.model_validate({"body": 1, "items": [], **fields})


HAS_TIME = {"form": "hybrid", "extraordinary": False, "starts_at": STARTS.isoformat()}


@pytest.mark.parametrize(
    ("fields", "step"),
    [
        ({}, Step.FORM),
        ({"form": "in_person"}, Step.KIND),
        ({"form": "in_person", "extraordinary": True}, Step.DAY),
        # Announced from the plan: the day is known, the time is asked.
        ({"form": "in_person", "extraordinary": False, "day": "2027-03-12"}, Step.TIME),
        (HAS_TIME, Step.PLACE),
        ({**HAS_TIME, "place": "Актовый зал"}, Step.DEADLINE),
        # «At the start» is an answer: the deadline is not asked again.
        ({**HAS_TIME, "place": "Актовый зал", "deadline": None}, Step.AGENDA),
        ({**HAS_TIME, "place": "Зал", "deadline": None, "items": [{"title": "A"}]}, Step.REVIEW),
        # Absentee: no place; in person: no deadline.
        ({**HAS_TIME, "form": "absentee"}, Step.DEADLINE),
        ({**HAS_TIME, "form": "in_person", "place": "Зал"}, Step.AGENDA),
        # An edit goes back to the review once the meeting has a time, whatever else is missing.
        ({**HAS_TIME, "editing": True}, Step.REVIEW),
        ({"form": "hybrid", "extraordinary": False, "editing": True}, Step.DAY),
    ],
)
def test_next_step_is_the_first_thing_missing(fields: dict[str, Any], step: Step) -> None:
    assert next_step(draft(**fields)) is step


def test_a_draft_stored_by_the_old_form_reads_and_is_written_back_with_the_same_keys() -> None:
    stored: dict[str, Any] = {
        "body": 3,
        "items": [
            {
                "title": "О плане работы",
                "materials": [
                    {
                        "file_id": "AAA",
                        "file_name": "plan.pdf",
                        "mime_type": "application/pdf",
                        "file_size": 1024,
                    }
                ],
                "decision": True,
                "speaker": "Иванова А. П.",
            },
            {"title": "Разное", "materials": [], "decision": False},
        ],
        "plan": 7,
        "day": "2027-03-12",
        "seminar": True,
        "form": "hybrid",
        "extraordinary": False,
        "confirmed": False,
        "starts_at": STARTS.isoformat(),
        "place": "Актовый зал",
        "deadline": None,
        "editing": True,
        "item_index": 1,
    }
    read = Draft.model_validate(stored)
    assert read.form is MeetingForm.HYBRID
    assert read.starts_at == STARTS
    assert read.day == date(2027, 3, 12)
    assert read.deadline_asked
    assert read.items[0].materials[0].file_name == "plan.pdf"

    written = read.model_dump(mode="json", exclude_unset=True)
    assert written.keys() == stored.keys()
    assert Draft.model_validate(written) == read

    meeting = read.meeting()
    assert meeting.starts_at == STARTS
    assert meeting.vote_deadline is None
    assert meeting.plan_id == 7
    assert meeting.seminar
    assert [item.needs_decision for item in meeting.items] == [True, False]
    assert meeting.items[0].materials == (
        DraftMaterial(
            file_id="AAA", file_name="plan.pdf", mime_type="application/pdf", file_size=1024
        ),
    )


def test_a_deadline_not_asked_yet_stays_unwritten() -> None:
    fresh = Draft(body=1, items=[])
    fresh.form = MeetingForm.ABSENTEE
    fresh.items = [Entry(title="A")]
    written = fresh.model_dump(mode="json", exclude_unset=True)
    assert "deadline" not in written
    assert not Draft.model_validate(written).deadline_asked

    fresh.deadline = datetime(2027, 3, 11, 9, 0, tzinfo=UTC)
    again = Draft.model_validate(fresh.model_dump(mode="json", exclude_unset=True))
    assert again.deadline == fresh.deadline
    assert again.deadline_asked
