"""Counting a meeting (clauses 4.6 and 4.9): was it valid, may it decide, and did each question
pass. Integer arithmetic only; every threshold comes from the body's rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.rules import BodyRules


class Choice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class Source(StrEnum):
    """Where a vote came from; every vote keeps it."""

    TELEGRAM = "telegram"  # the member's own опросный лист in the bot
    PAPER = "paper"  # a paper ballot entered by the secretary
    ROOM = "room"  # an open vote in the room, counted by the secretary


class Verdict(StrEnum):
    PASSED = "passed"
    PASSED_CASTING = "passed_casting"  # a tie decided by the chair's casting vote
    FAILED = "failed"
    NO_DECISION = "no_decision"  # too few took part for decisions (4.9)
    INFORMATION = "information"  # an item for information: nothing to decide


@dataclass(frozen=True, slots=True)
class Tally:
    for_: int = 0
    against: int = 0
    abstain: int = 0

    @property
    def total(self) -> int:
        return self.for_ + self.against + self.abstain

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.for_ + other.for_, self.against + other.against, self.abstain + other.abstain
        )

    @classmethod
    def of(cls, choices: list[Choice]) -> Tally:
        return cls(
            choices.count(Choice.FOR), choices.count(Choice.AGAINST), choices.count(Choice.ABSTAIN)
        )


@dataclass(frozen=True, slots=True)
class Lines:
    """The two lines of a meeting: its quorum (4.6) and the presence decisions need (4.9)."""

    roster: int  # N, frozen when voting opened
    participants: int  # P
    quorum_needed: int
    decision_needed: int

    @property
    def valid(self) -> bool:
        return self.participants >= self.quorum_needed

    @property
    def may_decide(self) -> bool:
        return self.participants >= self.decision_needed


def lines(roster: int, participants: int, rules: BodyRules) -> Lines:
    """N and P against the body's thresholds; `needed` is the smallest P that reaches each."""
    if participants < 0 or roster < 0 or participants > roster:
        raise ValueError(f"participants {participants} out of 0..{roster}")
    return Lines(
        roster=roster,
        participants=participants,
        quorum_needed=rules.quorum.needed(roster),
        decision_needed=rules.decision.needed(roster),
    )


def verdict(
    tally: Tally,
    meeting: Lines,
    rules: BodyRules,
    *,
    needs_decision: bool = True,
    chair_choice: Choice | None = None,
) -> Verdict:
    """Whether a question passed: more votes for than `majority` of the participants (4.9). A
    tie, votes for exactly at that line (5 of 10 for one half), passes only by the chair's
    casting vote where the body allows it and the chair voted for."""
    if tally.total > meeting.participants:
        raise ValueError(f"{tally.total} votes from {meeting.participants} participants")
    if not needs_decision:
        return Verdict.INFORMATION
    if not (meeting.valid and meeting.may_decide):
        return Verdict.NO_DECISION
    majority = rules.majority
    if majority.den * tally.for_ > majority.num * meeting.participants:
        return Verdict.PASSED
    tie = majority.den * tally.for_ == majority.num * meeting.participants and tally.for_ > 0
    if tie and rules.chair_casting_vote and chair_choice is Choice.FOR:
        return Verdict.PASSED_CASTING
    return Verdict.FAILED
