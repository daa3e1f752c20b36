"""Cadence rules: the council's calendar year (4.6), the asset's quarter (asset 3.3) and the
RMO's academic year (RMO 3.2), their local bounds, reminders, and how a body stands."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.cadence import (
    DEFAULTS,
    REMINDER_OFFSETS,
    Period,
    PeriodKind,
    PeriodStatus,
    Requirement,
    due_reminder,
    local_bounds,
    local_day,
    next_period,
    period_of,
    periods_between,
    reminder_day,
    tells_coordinator,
)
from bot.domain.model import BodyKind

MOSCOW = "Europe/Moscow"
TOMSK = "Asia/Tomsk"
YEAR = PeriodKind.YEAR
QUARTER = PeriodKind.QUARTER
ACADEMIC = PeriodKind.ACADEMIC_YEAR
Q2_2027 = Period(QUARTER, date(2027, 4, 1), date(2027, 7, 1))


def d(day: int, month: int, year: int = 2027) -> date:
    return date(year, month, day)


def status(
    *,
    required: int,
    held: int = 0,
    announced: int = 0,
    planned: int = 0,
    seminars_required: int = 0,
    seminars: int = 0,
) -> PeriodStatus:
    return PeriodStatus(
        period=period_of(ACADEMIC, d(1, 10)),
        required=required,
        held=held,
        announced=announced,
        planned=planned,
        seminars_required=seminars_required,
        seminars=seminars,
    )


# The defaults of DESIGN.md


@pytest.mark.parametrize(
    ("body", "requirement"),
    [
        (BodyKind.COUNCIL, Requirement(YEAR, 4)),
        (BodyKind.ASSET, Requirement(QUARTER, 1)),
        (BodyKind.RMO, Requirement(ACADEMIC, 4, seminars=1)),
    ],
)
def test_defaults_follow_the_regulations(body: BodyKind, requirement: Requirement) -> None:
    assert DEFAULTS[body] == requirement


def test_every_kind_of_body_has_a_default() -> None:
    assert set(DEFAULTS) == set(BodyKind)


# period_of


@pytest.mark.parametrize(
    ("kind", "day", "start", "end"),
    [
        (YEAR, d(1, 1), d(1, 1), d(1, 1, 2028)),
        (YEAR, d(31, 12), d(1, 1), d(1, 1, 2028)),
        (YEAR, d(31, 8), d(1, 1), d(1, 1, 2028)),
        (QUARTER, d(1, 1), d(1, 1), d(1, 4)),
        (QUARTER, d(31, 3), d(1, 1), d(1, 4)),
        (QUARTER, d(1, 4), d(1, 4), d(1, 7)),
        (QUARTER, d(30, 6), d(1, 4), d(1, 7)),
        (QUARTER, d(1, 7), d(1, 7), d(1, 10)),
        (QUARTER, d(30, 9), d(1, 7), d(1, 10)),
        (QUARTER, d(1, 10), d(1, 10), d(1, 1, 2028)),
        (QUARTER, d(31, 12), d(1, 10), d(1, 1, 2028)),
        (QUARTER, d(29, 2, 2028), d(1, 1, 2028), d(1, 4, 2028)),
        (ACADEMIC, d(1, 1), d(1, 9, 2026), d(1, 9)),
        (ACADEMIC, d(31, 8), d(1, 9, 2026), d(1, 9)),
        (ACADEMIC, d(1, 9), d(1, 9), d(1, 9, 2028)),
        (ACADEMIC, d(31, 12), d(1, 9), d(1, 9, 2028)),
        (ACADEMIC, d(30, 6), d(1, 9, 2026), d(1, 9)),
    ],
)
def test_period_of(kind: PeriodKind, day: date, start: date, end: date) -> None:
    assert period_of(kind, day) == Period(kind, start, end)


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        (QUARTER, d(2, 4), d(1, 7)),
        (QUARTER, d(1, 4), d(30, 6)),
        (QUARTER, d(1, 4), d(1, 10)),
        (YEAR, d(1, 9), d(1, 9, 2028)),
        (ACADEMIC, d(1, 1), d(1, 1, 2028)),
    ],
)
def test_a_period_is_only_ever_a_whole_one(kind: PeriodKind, start: date, end: date) -> None:
    with pytest.raises(ValueError, match="period"):
        Period(kind, start, end)


def test_a_period_at_the_end_of_the_calendar_is_refused() -> None:
    with pytest.raises(ValueError, match="year"):
        period_of(YEAR, date.max)


# next_period and periods_between


@pytest.mark.parametrize(
    ("period", "following"),
    [
        (Period(YEAR, d(1, 1), d(1, 1, 2028)), Period(YEAR, d(1, 1, 2028), d(1, 1, 2029))),
        (Q2_2027, Period(QUARTER, d(1, 7), d(1, 10))),
        (
            Period(QUARTER, d(1, 10), d(1, 1, 2028)),
            Period(QUARTER, d(1, 1, 2028), d(1, 4, 2028)),
        ),
        (Period(ACADEMIC, d(1, 9, 2026), d(1, 9)), Period(ACADEMIC, d(1, 9), d(1, 9, 2028))),
    ],
)
def test_next_period(period: Period, following: Period) -> None:
    assert next_period(period) == following


def test_the_quarters_of_a_year() -> None:
    quarters = periods_between(QUARTER, d(1, 1), d(31, 12))
    assert [(q.quarter, q.start, q.end) for q in quarters] == [
        (1, d(1, 1), d(1, 4)),
        (2, d(1, 4), d(1, 7)),
        (3, d(1, 7), d(1, 10)),
        (4, d(1, 10), d(1, 1, 2028)),
    ]


@pytest.mark.parametrize(
    ("kind", "first", "last", "starts"),
    [
        (QUARTER, d(15, 2), d(15, 11), [d(1, 1), d(1, 4), d(1, 7), d(1, 10)]),
        (QUARTER, d(31, 3), d(1, 4), [d(1, 1), d(1, 4)]),
        (QUARTER, d(30, 6), d(30, 6), [d(1, 4)]),
        (QUARTER, d(1, 11), d(1, 2, 2028), [d(1, 10), d(1, 1, 2028)]),
        (YEAR, d(1, 1), d(31, 12), [d(1, 1)]),
        (YEAR, d(31, 12, 2026), d(1, 1), [d(1, 1, 2026), d(1, 1)]),
        (ACADEMIC, d(1, 1), d(31, 12), [d(1, 9, 2026), d(1, 9)]),
        (ACADEMIC, d(1, 9), d(31, 8, 2028), [d(1, 9)]),
        (QUARTER, d(1, 4), d(31, 3), []),
    ],
)
def test_periods_between(kind: PeriodKind, first: date, last: date, starts: list[date]) -> None:
    assert [p.start for p in periods_between(kind, first, last)] == starts


# local_bounds and local_day


@pytest.mark.parametrize(
    ("timezone", "start", "end"),
    [
        (MOSCOW, datetime(2027, 3, 31, 21, tzinfo=UTC), datetime(2027, 6, 30, 21, tzinfo=UTC)),
        (TOMSK, datetime(2027, 3, 31, 17, tzinfo=UTC), datetime(2027, 6, 30, 17, tzinfo=UTC)),
        ("UTC", datetime(2027, 4, 1, tzinfo=UTC), datetime(2027, 7, 1, tzinfo=UTC)),
    ],
)
def test_local_bounds_of_a_quarter(timezone: str, start: datetime, end: datetime) -> None:
    bounds = local_bounds(Q2_2027, timezone)
    assert bounds == (start, end)
    assert all(moment.utcoffset() == timedelta(0) for moment in bounds)


def test_local_bounds_of_a_council_year_in_tomsk() -> None:
    assert local_bounds(period_of(YEAR, d(5, 5)), TOMSK) == (
        datetime(2026, 12, 31, 17, tzinfo=UTC),
        datetime(2027, 12, 31, 17, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("moment", "timezone", "day"),
    [
        (datetime(2027, 3, 31, 20, 59, tzinfo=UTC), MOSCOW, d(31, 3)),
        (datetime(2027, 3, 31, 21, 0, tzinfo=UTC), MOSCOW, d(1, 4)),
        (datetime(2027, 3, 31, 16, 59, tzinfo=UTC), TOMSK, d(31, 3)),
        (datetime(2027, 3, 31, 17, 0, tzinfo=UTC), TOMSK, d(1, 4)),
        (datetime(2027, 12, 31, 17, 30, tzinfo=UTC), TOMSK, d(1, 1, 2028)),
        (datetime(2027, 12, 31, 17, 30, tzinfo=UTC), MOSCOW, d(31, 12)),
        (datetime(2027, 4, 1, 0, 30, tzinfo=ZoneInfo(TOMSK)), MOSCOW, d(31, 3)),
    ],
)
def test_local_day_near_midnight(moment: datetime, timezone: str, day: date) -> None:
    assert local_day(moment, timezone) == day


def test_local_day_refuses_a_naive_moment() -> None:
    with pytest.raises(ValueError, match="naive"):
        local_day(datetime(2027, 4, 1, 12, 0), MOSCOW)  # noqa: DTZ001 (the naive moment is the point)


# Reminders


@pytest.mark.parametrize(("offset", "day"), [(45, d(17, 5)), (30, d(1, 6)), (14, d(17, 6))])
def test_reminder_days_of_the_second_quarter(offset: int, day: date) -> None:
    assert reminder_day(Q2_2027, offset) == day


def test_reminders_come_in_order() -> None:
    assert REMINDER_OFFSETS == (45, 30, 14)


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (d(1, 4), None),
        (d(16, 5), None),
        (d(17, 5), 45),
        (d(31, 5), 45),
        (d(1, 6), 30),
        (d(16, 6), 30),
        (d(17, 6), 14),
        (d(20, 6), 14),
        (d(30, 6), 14),
        (d(1, 7), None),
        (d(17, 8), None),
        (d(31, 3), None),
    ],
)
def test_due_reminder(today: date, due: int | None) -> None:
    assert due_reminder(Q2_2027, today) == due


def test_a_bot_that_was_down_catches_up_with_the_latest_reminder_only() -> None:
    due = [offset for offset in REMINDER_OFFSETS if reminder_day(Q2_2027, offset) <= d(20, 6)]
    assert due == [45, 30, 14]
    assert due_reminder(Q2_2027, d(20, 6)) == 14


@pytest.mark.parametrize(("offset", "coordinator"), [(45, False), (30, False), (14, True)])
def test_only_the_last_reminder_tells_the_coordinator(offset: int, coordinator: bool) -> None:
    assert tells_coordinator(offset) is coordinator


# PeriodStatus


@pytest.mark.parametrize(
    ("required", "held", "announced", "planned", "missing"),
    [
        (4, 0, 0, 0, 4),
        (4, 2, 1, 0, 1),
        (4, 2, 1, 3, 1),
        (4, 3, 1, 0, 0),
        (4, 5, 0, 0, 0),
        (1, 0, 0, 1, 1),
        (1, 0, 1, 0, 0),
        (1, 2, 0, 0, 0),
    ],
)
def test_missing_counts_held_and_announced_never_planned(
    required: int, held: int, announced: int, planned: int, missing: int
) -> None:
    current = status(required=required, held=held, announced=announced, planned=planned)
    assert current.missing == missing


@pytest.mark.parametrize(
    ("required", "held", "seminars_required", "seminars", "seminar_missing", "short"),
    [
        # An RMO: four meetings, one of them a practical seminar (RMO 3.2).
        (4, 4, 1, 1, False, False),
        (4, 4, 1, 0, True, True),
        (4, 3, 1, 1, False, True),
        (4, 0, 1, 0, True, True),
        (4, 4, 1, 2, False, False),
        # The asset: once a quarter, no seminar required (asset 3.3).
        (1, 1, 0, 0, False, False),
        (1, 0, 0, 0, False, True),
        (1, 0, 0, 1, False, True),
    ],
)
def test_short_with_and_without_seminars(
    required: int,
    held: int,
    seminars_required: int,
    seminars: int,
    seminar_missing: bool,
    short: bool,
) -> None:
    current = status(
        required=required, held=held, seminars_required=seminars_required, seminars=seminars
    )
    assert current.seminar_missing is seminar_missing
    assert current.short is short


# label_params


@pytest.mark.parametrize(
    ("period", "params"),
    [
        (period_of(YEAR, d(5, 5)), {"year": 2027}),
        (period_of(QUARTER, d(1, 1)), {"quarter": 1, "roman": "I", "year": 2027}),
        (Q2_2027, {"quarter": 2, "roman": "II", "year": 2027}),
        (period_of(QUARTER, d(30, 9)), {"quarter": 3, "roman": "III", "year": 2027}),
        (period_of(QUARTER, d(31, 12)), {"quarter": 4, "roman": "IV", "year": 2027}),
        (period_of(ACADEMIC, d(5, 5)), {"start": 2026, "end": 2027}),
        (period_of(ACADEMIC, d(1, 9)), {"start": 2027, "end": 2028}),
    ],
)
def test_label_params(period: Period, params: dict[str, str | int]) -> None:
    assert period.label_params() == params


@pytest.mark.parametrize(
    ("period", "quarter", "year"),
    [
        (Q2_2027, 2, 2027),
        (period_of(YEAR, d(5, 5)), None, 2027),
        (period_of(ACADEMIC, d(5, 5)), None, 2026),
    ],
)
def test_quarter_and_year(period: Period, quarter: int | None, year: int) -> None:
    assert period.quarter == quarter
    assert period.year == year


# Properties

# Away from the edges of what `date` can hold, where a period would start or end outside it.
DAYS = st.dates(min_value=date(2, 1, 1), max_value=date(9997, 12, 31))


@given(kind=st.sampled_from(PeriodKind), day=DAYS)
def test_every_day_lies_in_its_period_and_periods_tile(kind: PeriodKind, day: date) -> None:
    period = period_of(kind, day)
    assert period.start <= day < period.end
    assert day in period
    assert period_of(kind, period.start) == period
    assert period_of(kind, period.end - timedelta(days=1)) == period
    following = next_period(period)
    assert following.start == period.end
    assert following > period


@given(day=DAYS, hours=st.integers(min_value=0, max_value=23))
def test_local_day_agrees_with_local_bounds(day: date, hours: int) -> None:
    period = period_of(QUARTER, day)
    for zone in (MOSCOW, TOMSK):
        start, end = local_bounds(period, zone)
        assert local_day(start, zone) == period.start
        assert local_day(end - timedelta(seconds=1), zone) == period.end - timedelta(days=1)
        assert local_day(start + timedelta(hours=hours), zone) in period


@pytest.mark.parametrize(
    ("kind", "day", "last"),
    [
        (PeriodKind.QUARTER, date(2027, 2, 10), date(2027, 3, 31)),
        (PeriodKind.QUARTER, date(2026, 11, 1), date(2026, 12, 31)),
        (PeriodKind.YEAR, date(2026, 5, 5), date(2026, 12, 31)),
        (PeriodKind.ACADEMIC_YEAR, date(2027, 1, 15), date(2027, 8, 31)),
        (PeriodKind.QUARTER, date(2028, 5, 1), date(2028, 6, 30)),
    ],
)
def test_a_period_ends_on_its_last_day_as_people_say_it(
    kind: PeriodKind, day: date, last: date
) -> None:
    assert period_of(kind, day).last_day == last
