"""Methodical consultations: a teacher asks, a methodist of the asset answers.

Luga order No. 46, appendix 3, clauses 3.1–3.2 (individual and group consultations on
professional deficits, individual educational routes, mentoring, schools with low results) and
Zyryansky order No. 22, clause 2.1 (contests, young teachers, burnout). Pure: the request's
lifecycle, what a teacher may type, the deadline in working days, and who may answer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Final
from zoneinfo import ZoneInfo

from bot.domain.errors import ValidationError
from bot.domain.text import fold, readable

TOPIC_MIN: Final = 5
TOPIC_MAX: Final = 500
WISHES_MIN: Final = 3
WISHES_MAX: Final = 200
RATING_MIN: Final = 1
RATING_MAX: Final = 5
COMMENT_MAX: Final = 500
REASON_MIN: Final = 3
REASON_MAX: Final = 300
PLACE_MIN: Final = 3
PLACE_MAX: Final = 300

# A `value` param echoes what was typed; a whole paragraph pasted by mistake would drown the
# message, so it is cut.
_SHOWN_MAX = 40
# Phones put these in without anyone seeing them.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SATURDAY = 5


class Direction(StrEnum):
    """What the consultation is about: the directions of the asset's work."""

    DEFICITS = "deficits"  # professional deficits, individual educational routes (Luga 3.1)
    CONTESTS = "contests"  # preparing for professional contests (Zyryansky 2.1)
    YOUNG = "young"  # young teachers and mentoring (Luga 3.2, Zyryansky 2.1)
    LOW_RESULTS = "low_results"  # schools with low educational results (Luga 3.1)
    ATTESTATION = "attestation"  # attestation and diagnostics
    BURNOUT = "burnout"  # preventing professional burnout (Zyryansky 2.1)
    # Tutoring teachers during advanced-training courses (Luga 3.2: «тьюторское
    # сопровождение … в ходе прохождения … курсов повышения квалификации»).
    TUTORING = "tutoring"
    OTHER = "other"


class Size(StrEnum):
    """Luga 3.2: individual and group consultations."""

    INDIVIDUAL = "individual"
    GROUP = "group"


class Mode(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"


class Status(StrEnum):
    NEW = "new"  # the teacher has asked
    OFFERED = "offered"  # shown to the methodists who match, waiting for one to take it
    ASSIGNED = "assigned"  # a methodist took it, or the coordinator gave it to one
    SCHEDULED = "scheduled"  # a time (and a place or a link) is agreed
    DONE = "done"
    DECLINED = "declined"  # by the methodist or the coordinator, with a reason
    CANCELLED = "cancelled"  # by the teacher


TRANSITIONS: Final[dict[Status, frozenset[Status]]] = {
    # A request nobody matched may be declined by the coordinator.
    Status.NEW: frozenset({Status.OFFERED, Status.ASSIGNED, Status.DECLINED, Status.CANCELLED}),
    Status.OFFERED: frozenset({Status.ASSIGNED, Status.DECLINED, Status.CANCELLED}),
    Status.ASSIGNED: frozenset({Status.SCHEDULED, Status.DECLINED, Status.CANCELLED}),
    # Back to assigned when the teacher asks for another time.
    Status.SCHEDULED: frozenset({Status.DONE, Status.ASSIGNED, Status.DECLINED, Status.CANCELLED}),
    Status.DONE: frozenset(),
    Status.DECLINED: frozenset(),
    Status.CANCELLED: frozenset(),
}


def check_transition(old: Status, new: Status) -> None:
    """Raises ValidationError unless a consultation may move from `old` to `new`."""
    if new not in TRANSITIONS[old]:
        raise ValidationError("consultation-error-state", old=old.value, new=new.value)


def _clean(text: str) -> str:
    """Composes letters (й typed as и + breve), drops invisible characters, collapses spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return " ".join(text.split())


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"


def _free_text(text: str, key: str, low: int, high: int) -> str:
    value = _clean(text)
    if not low <= len(value) <= high:
        raise ValidationError(key, min=low, max=high, length=len(value), value=_shown(value))
    return value


def topic(text: str) -> str:
    """What the teacher wants to discuss: 5 to 500 characters, spaces collapsed."""
    return readable(_free_text(text, "consultation-error-topic", TOPIC_MIN, TOPIC_MAX))


def wishes(text: str) -> str:
    """When it suits the teacher, in their words («после 15:00, кроме среды»): 3 to 200."""
    return _free_text(text, "consultation-error-wishes", WISHES_MIN, WISHES_MAX)


def rating(value: int) -> int:
    """The teacher's mark for a consultation held: 1 to 5."""
    if not RATING_MIN <= value <= RATING_MAX:
        raise ValidationError(
            "consultation-error-rating", min=RATING_MIN, max=RATING_MAX, value=value
        )
    return value


def comment(text: str) -> str:
    """The teacher's comment with the rating: optional (empty is fine), at most 500."""
    return _free_text(text, "consultation-error-comment", 0, COMMENT_MAX)


def reason(text: str) -> str:
    """Why a consultation is declined: 3 to 300 characters."""
    return _free_text(text, "consultation-error-reason", REASON_MIN, REASON_MAX)


def place(text: str) -> str:
    """Where it is held: a room or a video link, 3 to 300 characters."""
    return _free_text(text, "consultation-error-place", PLACE_MIN, PLACE_MAX)


def add_working_days(start: datetime, days: int, timezone: str) -> datetime:
    """The same local time `days` working days (Monday to Friday) after `start`, in UTC.

    Days are counted in the organisation's zone: a request on Friday 15:00 with 3 working days
    is due on Wednesday 15:00, and so is one made on Saturday or Sunday (Monday is the first
    day counted). Public holidays are not known here and count as working days.
    """
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError(f"start must be an aware datetime, got a naive one: {start!r}")
    if days < 0:
        raise ValueError(f"days must not be negative, got {days}")
    zone = ZoneInfo(timezone)
    local = start.astimezone(zone)
    day = local.date()
    left = days
    while left > 0:
        day += timedelta(days=1)
        if day.weekday() < _SATURDAY:
            left -= 1
    return datetime.combine(day, local.time(), tzinfo=zone).astimezone(UTC)


def _subject_key(text: str) -> str:
    return fold(unicodedata.normalize("NFC", text))


def matches(
    *,
    subject: str,
    direction: Direction,
    methodist_subjects: Collection[str],
    methodist_directions: Collection[Direction],
) -> bool:
    """Whether a methodist may be offered a request on `subject` in `direction`.

    A methodist with no directions set takes every direction, and one with no subjects set takes
    every subject; subjects compare case-insensitively, with ё as е and spaces ignored.
    """
    if methodist_directions and direction not in methodist_directions:
        return False
    if not methodist_subjects:
        return True
    wanted = _subject_key(subject)
    return any(_subject_key(theirs) == wanted for theirs in methodist_subjects)


@dataclass(frozen=True)
class Summary:
    """The numbers of the coordinator's report on consultations for a period.

    The `by_*` mappings go from a name (already in the reader's language) to a count, largest
    first, then by name. Averages are None when no consultation had the value.
    """

    total: int
    by_status: dict[str, int]
    by_direction: dict[str, int]
    by_subject: dict[str, int]
    by_school: dict[str, int]
    by_methodist: dict[str, int]  # consultations with no methodist are counted in `unassigned`
    unassigned: int
    average_take_hours: float | None  # from the request until a methodist took it
    average_hold_hours: float | None  # from the request until it was held
    average_rating: float | None
    ratings_count: int
    rating_distribution: dict[int, int]  # every mark 1..5, with zero counts too
