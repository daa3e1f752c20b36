"""Quiet hours in the organisation's zone: what is quiet, and when a held message goes."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.domain.quiet import DEFAULT_QUIET, QuietHours, parse_quiet_hours

MOSCOW = "Europe/Moscow"
TOMSK = "Asia/Tomsk"


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, 3, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "timezone", "allowed"),
    [
        (utc(1, 9), MOSCOW, utc(1, 9)),  # 12:00: not quiet
        (utc(1, 17, 59), MOSCOW, utc(1, 17, 59)),  # 20:59
        (utc(1, 18), MOSCOW, utc(2, 5)),  # 21:00 → 08:00 the next morning
        (utc(1, 23), MOSCOW, utc(2, 5)),  # 02:00 → 08:00 that morning
        (utc(2, 4, 59), MOSCOW, utc(2, 5)),  # 07:59
        (utc(2, 5), MOSCOW, utc(2, 5)),  # 08:00 sharp: not quiet
        (utc(1, 17), TOMSK, utc(2, 1)),  # 00:00 in Tomsk → 08:00 Tomsk = 01:00 UTC
    ],
)
def test_a_held_message_goes_when_quiet_hours_end(
    moment: datetime, timezone: str, allowed: datetime
) -> None:
    assert DEFAULT_QUIET.next_allowed(moment, timezone) == allowed
    assert DEFAULT_QUIET.is_quiet(moment, timezone) is (allowed != moment)


def test_quiet_hours_within_one_day_work_too() -> None:
    lunch = QuietHours(time(13, 0), time(14, 0))
    assert lunch.is_quiet(utc(1, 10, 30), MOSCOW)
    assert lunch.next_allowed(utc(1, 10, 30), MOSCOW) == utc(1, 11)
    assert not lunch.is_quiet(utc(1, 11), MOSCOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:00-08:00", DEFAULT_QUIET),
        (" 22:30 - 7:15 ", QuietHours(time(22, 30), time(7, 15))),
        ("off", None),
        ("", None),
    ],
)
def test_quiet_hours_are_written_as_a_range(text: str, expected: QuietHours | None) -> None:
    assert parse_quiet_hours(text) == expected


@pytest.mark.parametrize("text", ["21-08", "25:00-08:00", "21:00-21:00", "ночью"])
def test_a_wrong_range_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"quiet hours|no such time"):
        parse_quiet_hours(text)
