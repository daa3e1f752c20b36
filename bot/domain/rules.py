"""Per-body rule settings (DESIGN.md, "Rules, with their sources"), and their validation.

Thresholds are integer fractions so that checks stay in integer arithmetic:
`den * present >= num * members`, never a float.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from bot.domain.errors import ValidationError


class RuleName(StrEnum):
    QUORUM = "quorum"
    DECISION = "decision"
    MAJORITY = "majority"
    CASTING_VOTE = "casting_vote"
    REVOTE = "revote"
    NOTICE_DAYS = "notice_days"
    PROPOSAL_DAYS = "proposal_days"
    MINUTES_DAYS = "minutes_days"


@dataclass(frozen=True, slots=True)
class Fraction:
    num: int
    den: int

    def reached(self, part: int, whole: int) -> bool:
        """Whether `part` of `whole` reaches this fraction, in integers."""
        return self.den * part >= self.num * whole

    def needed(self, whole: int) -> int:
        """The smallest part of `whole` that reaches this fraction."""
        return -(-self.num * whole // self.den)

    def __str__(self) -> str:
        return f"{self.num}/{self.den}"


@dataclass(frozen=True, slots=True)
class BodyRules:
    """Defaults are Luga order No. 46: quorum one half (4.6), decisions with two thirds present
    and more than half of the participants for (4.9), notice 5 days ahead and proposals until 2
    days ahead (4.8), minutes in a month (4.10), no casting vote, a signed ballot is final."""

    quorum: Fraction = Fraction(1, 2)
    decision: Fraction = Fraction(2, 3)
    # A question passes with more votes for than this part of the participants (4.9).
    majority: Fraction = Fraction(1, 2)
    chair_casting_vote: bool = False
    # Whether a signed опросный лист may still be changed until the deadline.
    revote: bool = False
    notice_days: int = 5
    proposal_days: int = 2
    minutes_days: int = 30

    def changed(self, name: RuleName, raw: str) -> BodyRules:
        """A copy with one rule set from what a person typed; raises ValidationError."""
        raw = raw.strip()
        match name:
            case RuleName.QUORUM:
                new = replace(self, quorum=parse_fraction(raw))
            case RuleName.DECISION:
                new = replace(self, decision=parse_fraction(raw))
            case RuleName.MAJORITY:
                new = replace(self, majority=parse_fraction(raw))
            case RuleName.CASTING_VOTE:
                new = replace(self, chair_casting_vote=not self.chair_casting_vote)
            case RuleName.REVOTE:
                new = replace(self, revote=not self.revote)
            case RuleName.NOTICE_DAYS:
                new = replace(self, notice_days=parse_days(raw))
            case RuleName.PROPOSAL_DAYS:
                new = replace(self, proposal_days=parse_days(raw))
            case RuleName.MINUTES_DAYS:
                new = replace(self, minutes_days=parse_days(raw))
        if new.proposal_days >= new.notice_days:
            raise ValidationError(
                "rules-error-proposal-after-notice",
                proposal=new.proposal_days,
                notice=new.notice_days,
            )
        return new


def parse_fraction(raw: str) -> Fraction:
    """`1/2`, `2/3`, `50%` → a fraction between 1/100 and 1."""
    text = raw.replace(" ", "")
    try:
        if text.endswith("%"):
            num, den = int(text[:-1]), 100
        else:
            left, right = text.split("/")
            num, den = int(left), int(right)
    except ValueError:
        raise ValidationError("rules-error-fraction", value=raw) from None
    if not (0 < num <= den <= 100):
        raise ValidationError("rules-error-fraction", value=raw)
    return Fraction(num, den)


def parse_days(raw: str) -> int:
    """A whole number of days from 0 to 90."""
    if not raw.isdigit() or not 0 <= int(raw) <= 90:
        raise ValidationError("rules-error-days", value=raw)
    return int(raw)
