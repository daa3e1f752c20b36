"""A meeting's counted result, as it is kept with the meeting (JSON) and sent to everyone: the
two lines of 4.6 and 4.9 with their numbers, the verdict per question, who voted how.

The field names are those of the stored documents, so results kept by older versions load
(`in_room` and `by_ballot` came later: None in those)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from bot.domain.voting import Choice, Source, Verdict


class _Stored(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)


class ItemResult(_Stored):
    """One question: its tally (ballots of those who signed plus the room's count)."""

    item_id: int
    position: int
    title: str
    for_: int = Field(alias="for")
    against: int
    abstain: int
    verdict: Verdict

    @property
    def voted(self) -> bool:
        """False for an item for information: nothing was decided, no tally to show."""
        return self.verdict is not Verdict.INFORMATION


class NamedVote(_Stored):
    """Who voted how on a ballot (4.9): shown to those who manage the roster."""

    item_id: int
    name: str
    choice: Choice
    source: Source


class Results(_Stored):
    roster: int
    participants: int
    quorum_needed: int
    decision_needed: int
    valid: bool
    may_decide: bool
    # How P was made up: in the room and by опросный лист, each member once (4.6).
    in_room: int | None = None
    by_ballot: int | None = None
    items: list[ItemResult]
    named: list[NamedVote] = []
    # The room's open votes: item id → (for, against, abstain).
    room: dict[int, tuple[int, int, int]] = {}

    @property
    def ways(self) -> tuple[int, int] | None:
        """(in the room, by опросный лист), when the result says so."""
        if self.in_room is None or self.by_ballot is None:
            return None
        return self.in_room, self.by_ballot

    def stored(self) -> dict[str, Any]:
        """The JSON document kept with the meeting."""
        return self.model_dump(mode="json", by_alias=True)
