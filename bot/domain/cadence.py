"""How often a body must meet (DESIGN.md, "Rules, with their sources"), and its periods.

The council meets at least 4 times a calendar year (clause 4.6), the asset at least once a
quarter (asset 3.3), an RMO at least 4 times an academic year, September to August, one of the
meetings a practical seminar (RMO 3.2). A period is a half-open range of calendar days,
`[start, end)`; the organisation's time zone turns it into moments only in `local_bounds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.model import BodyKind


class PeriodKind(StrEnum):
    YEAR = "year"
    """A calendar year, 1 January to 31 December."""
    QUARTER = "quarter"
    """A calendar quarter: January, April, July or October and the two months after."""
    ACADEMIC_YEAR = "academic_year"
    """1 September to 31 August."""


@dataclass(frozen=True, slots=True)
class Requirement:
    """At least `meetings` meetings in every period of `kind`, `seminars` of them seminars."""

    kind: PeriodKind
    meetings: int
    seminars: int = 0


DEFAULTS: dict[BodyKind, Requirement] = {
    BodyKind.COUNCIL: Requirement(PeriodKind.YEAR, 4),
    BodyKind.ASSET: Requirement(PeriodKind.QUARTER, 1),
    BodyKind.RMO: Requirement(PeriodKind.ACADEMIC_YEAR, 4, seminars=1),
}

ROMAN = ("I", "II", "III", "IV")
ACADEMIC_YEAR_MONTH = 9


def _bounds(kind: PeriodKind, day: date) -> tuple[date, date]:
    """The first day of the period of `kind` containing `day`, and the first day after it."""
    match kind:
        case PeriodKind.YEAR:
            return date(day.year, 1, 1), date(day.year + 1, 1, 1)
        case PeriodKind.QUARTER:
            month = (day.month - 1) // 3 * 3 + 1
            start = date(day.year, month, 1)
            end = date(day.year + 1, 1, 1) if month == 10 else date(day.year, month + 3, 1)
            return start, end
        case PeriodKind.ACADEMIC_YEAR:
            year = day.year if day.month >= ACADEMIC_YEAR_MONTH else day.year - 1
            return date(year, ACADEMIC_YEAR_MONTH, 1), date(year + 1, ACADEMIC_YEAR_MONTH, 1)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One period of `kind`: the days from `start` up to, not including, `end`."""

    kind: PeriodKind
    start: date
    end: date

    def __post_init__(self) -> None:
        if (self.start, self.end) != _bounds(self.kind, self.start):
            msg = f"not a {self.kind} period: {self.start} to {self.end}"
            raise ValueError(msg)

    @property
    def quarter(self) -> int | None:
        """1 to 4 for a quarter, None for the other kinds."""
        if self.kind is PeriodKind.QUARTER:
            return (self.start.month - 1) // 3 + 1
        return None

    @property
    def year(self) -> int:
        """The calendar year of the first day (for an academic year, its autumn)."""
        return self.start.year

    @property
    def last_day(self) -> date:
        """The last day of the period, as people name its end: 31.03, 31.12, 31.08."""
        return self.end - timedelta(days=1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end

    def label_params(self) -> dict[str, str | int]:
        """What a locale message needs to name the period; the locale does the wording."""
        match self.kind:
            case PeriodKind.YEAR:
                return {"year": self.year}
            case PeriodKind.QUARTER:
                number = (self.start.month - 1) // 3 + 1
                return {"quarter": number, "roman": ROMAN[number - 1], "year": self.year}
            case PeriodKind.ACADEMIC_YEAR:
                return {"start": self.start.year, "end": self.end.year}


def period_of(kind: PeriodKind, day: date) -> Period:
    """The period of `kind` that contains `day`.

    Raises ValueError when the period would reach past the years `date` can hold."""
    start, end = _bounds(kind, day)
    return Period(kind, start, end)


def next_period(period: Period) -> Period:
    """The period that follows `period` immediately."""
    return period_of(period.kind, period.end)


def periods_between(kind: PeriodKind, first: date, last: date) -> list[Period]:
    """Every period of `kind` that has a day in `[first, last]`, in order; none if last < first."""
    periods: list[Period] = []
    if last < first:
        return periods
    period = period_of(kind, first)
    while period.start <= last:
        periods.append(period)
        period = next_period(period)
    return periods


def local_bounds(period: Period, timezone: str) -> tuple[datetime, datetime]:
    """The period's first moment and the first moment after it, in UTC: local midnights of
    `start` and `end` in the IANA `timezone`."""
    zone = ZoneInfo(timezone)

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)

    return midnight(period.start), midnight(period.end)


def local_day(moment: datetime, timezone: str) -> date:
    """The calendar date of an aware `moment` in the IANA `timezone`."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        msg = f"a naive moment has no local day: {moment.isoformat()}"
        raise ValueError(msg)
    return moment.astimezone(ZoneInfo(timezone)).date()


REMINDER_OFFSETS = (45, 30, 14)
"""Days before a period's end when a body that is short of meetings is reminded."""
COORDINATOR_OFFSET = 14
"""The last reminder goes to the coordinator as well as to the secretary."""


def reminder_day(period: Period, offset: int) -> date:
    """The day of the reminder sent `offset` days before the period ends."""
    return period.end - timedelta(days=offset)


def due_reminder(period: Period, today: date) -> int | None:
    """The most recent reminder of `period` that has come due by `today`, or None.

    Only the latest one counts, so a bot that was down for a while sends one reminder, not a
    burst of stale ones; after the period has ended, none is due."""
    if today >= period.end:
        return None
    due = [offset for offset in REMINDER_OFFSETS if reminder_day(period, offset) <= today]
    return min(due, default=None)


def tells_coordinator(offset: int) -> bool:
    """Whether the reminder `offset` days before the end also goes to the coordinator."""
    return offset == COORDINATOR_OFFSET


@dataclass(frozen=True, slots=True)
class PeriodStatus:
    """How a body stands in one period.

    `held` counts valid meetings already held; `announced`, meetings announced and not yet
    held that start within the period; `planned`, plan entries in the period not yet
    announced (shown, never counted); `seminars`, seminars held or announced."""

    period: Period
    required: int
    held: int
    announced: int
    planned: int
    seminars_required: int
    seminars: int

    @property
    def missing(self) -> int:
        """How many more meetings must still be announced for the period."""
        return max(0, self.required - self.held - self.announced)

    @property
    def seminar_missing(self) -> bool:
        return self.seminars_required > self.seminars

    @property
    def short(self) -> bool:
        """Whether the period, as things stand, will end without its required meetings."""
        return self.missing > 0 or self.seminar_missing
