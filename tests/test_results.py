"""A meeting's result is a typed record: what older versions stored still loads, and what is
stored now is the same JSON document as before (the erasure and the протокол read it)."""

from __future__ import annotations

from typing import Any

from bot.domain.results import Results
from bot.domain.voting import Choice, Source, Verdict

STORED: dict[str, Any] = {
    "roster": 5,
    "participants": 4,
    "quorum_needed": 3,
    "decision_needed": 3,
    "valid": True,
    "may_decide": True,
    "in_room": 2,
    "by_ballot": 2,
    "items": [
        {
            "item_id": 7,
            "position": 1,
            "title": "План работы",
            "for": 3,
            "against": 1,
            "abstain": 0,
            "verdict": "passed",
        },
        {
            "item_id": 8,
            "position": 2,
            "title": "Информация",
            "for": 0,
            "against": 0,
            "abstain": 0,
            "verdict": "information",
        },
    ],
    "named": [{"item_id": 7, "name": "Иванова М. П.", "choice": "for", "source": "telegram"}],
    "room": {"7": [2, 0, 0]},
}


def test_a_stored_result_loads_typed() -> None:
    results = Results.model_validate(STORED)
    first, second = results.items
    assert (first.for_, first.verdict, first.voted) == (3, Verdict.PASSED, True)
    assert second.voted is False
    assert (results.named[0].choice, results.named[0].source) == (Choice.FOR, Source.TELEGRAM)
    assert results.room == {7: (2, 0, 0)}
    assert results.ways == (2, 2)


def test_what_is_stored_is_the_document_it_was() -> None:
    assert Results.model_validate(STORED).stored() == STORED


def test_a_result_from_before_the_ways_of_taking_part_still_loads() -> None:
    older = {k: v for k, v in STORED.items() if k not in {"in_room", "by_ballot", "room"}}
    results = Results.model_validate(older)
    assert results.ways is None
    assert results.room == {}
    assert results.participants == 4
