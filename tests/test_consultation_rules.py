"""Consultation rules: which way a request may move, what a teacher may type, when an answer is
due in working days, and which methodists a request is offered to."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import consultations
from bot.domain.consultations import (
    TRANSITIONS,
    Direction,
    Mode,
    Size,
    Status,
    add_working_days,
    check_transition,
    matches,
)
from bot.domain.errors import ValidationError

MOSCOW = "Europe/Moscow"
TOMSK = "Asia/Tomsk"

# transitions

S = Status
ALLOWED = {
    (S.NEW, S.OFFERED),
    (S.NEW, S.ASSIGNED),
    (S.NEW, S.DECLINED),
    (S.NEW, S.CANCELLED),
    (S.OFFERED, S.ASSIGNED),
    (S.OFFERED, S.DECLINED),
    (S.OFFERED, S.CANCELLED),
    (S.ASSIGNED, S.SCHEDULED),
    (S.ASSIGNED, S.DECLINED),
    (S.ASSIGNED, S.CANCELLED),
    (S.SCHEDULED, S.DONE),
    (S.SCHEDULED, S.ASSIGNED),
    (S.SCHEDULED, S.DECLINED),
    (S.SCHEDULED, S.CANCELLED),
}
ALL_PAIRS = list(itertools.product(Status, Status))


@pytest.mark.parametrize(("old", "new"), sorted(ALLOWED))
def test_allowed_transitions_pass(old: Status, new: Status) -> None:
    check_transition(old, new)


@pytest.mark.parametrize(("old", "new"), [pair for pair in ALL_PAIRS if pair not in ALLOWED])
def test_other_transitions_are_refused_with_both_states(old: Status, new: Status) -> None:
    with pytest.raises(ValidationError) as caught:
        check_transition(old, new)
    assert caught.value.key == "consultation-error-state"
    assert caught.value.params == {"old": old.value, "new": new.value}


def test_the_table_covers_every_status_and_finished_ones_are_final() -> None:
    assert set(TRANSITIONS) == set(Status)
    assert {(old, new) for old, targets in TRANSITIONS.items() for new in targets} == ALLOWED
    for final in (S.DONE, S.DECLINED, S.CANCELLED):
        assert TRANSITIONS[final] == frozenset()


def test_stored_values_stay_as_the_database_has_them() -> None:
    assert [d.value for d in Direction] == [
        "deficits",
        "contests",
        "young",
        "low_results",
        "attestation",
        "burnout",
        "tutoring",
        "other",
    ]
    assert [s.value for s in Size] == ["individual", "group"]
    assert [m.value for m in Mode] == ["in_person", "online"]
    assert [s.value for s in Status] == [
        "new",
        "offered",
        "assigned",
        "scheduled",
        "done",
        "declined",
        "cancelled",
    ]


# validators


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Как  построить\n ИОМ   по   математике ", "Как построить ИОМ по математике"),
        ("ИОМ 5", "ИОМ 5"),
        ("Урок\u200b с ошибками", "Урок с ошибками"),
        ("x" * 500, "x" * 500),
    ],
)
def test_topic_is_tidied(typed: str, kept: str) -> None:
    assert consultations.topic(typed) == kept


def test_topic_composes_letters_typed_as_two() -> None:
    assert consultations.topic("Проектная и\u0306 работа") == "Проектная й работа"


@pytest.mark.parametrize(
    ("typed", "length"),
    [("", 0), ("   ", 0), ("ИОМ", 3), ("a  b", 3), ("x" * 501, 501)],
)
def test_topic_refused_with_the_limits(typed: str, length: int) -> None:
    with pytest.raises(ValidationError) as caught:
        consultations.topic(typed)
    assert caught.value.key == "consultation-error-topic"
    assert caught.value.params["min"] == 5
    assert caught.value.params["max"] == 500
    assert caught.value.params["length"] == length


def test_a_long_refused_text_is_echoed_cut() -> None:
    with pytest.raises(ValidationError) as caught:
        consultations.topic("я" * 600)
    shown = caught.value.params["value"]
    assert isinstance(shown, str)
    assert len(shown) == 40
    assert shown.endswith("…")


@pytest.mark.parametrize(
    ("validate", "key", "low", "high"),
    [
        (consultations.wishes, "consultation-error-wishes", 3, 200),
        (consultations.reason, "consultation-error-reason", 3, 300),
        (consultations.place, "consultation-error-place", 3, 300),
        (consultations.comment, "consultation-error-comment", 0, 500),
    ],
)
def test_free_text_limits(validate: Callable[[str], str], key: str, low: int, high: int) -> None:
    assert validate("я" * high) == "я" * high
    assert validate("  " + "я" * max(low, 1) + "  ") == "я" * max(low, 1)
    too_long = "я" * (high + 1)
    refused = [too_long] if low == 0 else [too_long, "я" * (low - 1), " " * 10]
    for typed in refused:
        with pytest.raises(ValidationError) as caught:
            validate(typed)
        assert caught.value.key == key
        assert caught.value.params["min"] == low
        assert caught.value.params["max"] == high


def test_wishes_and_place_read_as_typed() -> None:
    assert consultations.wishes("после 15:00,  кроме среды") == "после 15:00, кроме среды"
    assert consultations.place(" каб. 12 ") == "каб. 12"
    assert consultations.place("https://sferum.ru/?call_link=abc") == (
        "https://sferum.ru/?call_link=abc"
    )
    assert consultations.reason("нет  часов") == "нет часов"


def test_comment_may_be_empty() -> None:
    assert consultations.comment("") == ""
    assert consultations.comment("  \n ") == ""
    assert consultations.comment(" Спасибо, \n всё понятно ") == "Спасибо, всё понятно"


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_rating_accepts_one_to_five(value: int) -> None:
    assert consultations.rating(value) == value


@pytest.mark.parametrize("value", [0, 6, -1, 10])
def test_rating_refuses_the_rest(value: int) -> None:
    with pytest.raises(ValidationError) as caught:
        consultations.rating(value)
    assert caught.value.key == "consultation-error-rating"
    assert caught.value.params == {"min": 1, "max": 5, "value": value}


# add_working_days


def local(zone: str, day: int, month: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=ZoneInfo(zone))


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        pytest.param(local(MOSCOW, 5, 3, 15), 3, local(MOSCOW, 10, 3, 15), id="friday-wednesday"),
        pytest.param(local(MOSCOW, 6, 3, 15), 3, local(MOSCOW, 10, 3, 15), id="saturday"),
        pytest.param(local(MOSCOW, 7, 3, 15), 3, local(MOSCOW, 10, 3, 15), id="sunday"),
        pytest.param(local(MOSCOW, 8, 3, 15), 3, local(MOSCOW, 11, 3, 15), id="monday"),
        pytest.param(local(MOSCOW, 8, 3, 15), 1, local(MOSCOW, 9, 3, 15), id="one-day"),
        pytest.param(local(MOSCOW, 8, 3, 15), 5, local(MOSCOW, 15, 3, 15), id="a-week"),
        pytest.param(local(MOSCOW, 8, 3, 15), 10, local(MOSCOW, 22, 3, 15), id="two-weeks"),
        pytest.param(local(MOSCOW, 31, 3, 9, 30), 3, local(MOSCOW, 5, 4, 9, 30), id="month-end"),
        pytest.param(local(TOMSK, 5, 3, 15), 3, local(TOMSK, 10, 3, 15), id="tomsk-friday"),
        pytest.param(local(TOMSK, 30, 7, 17), 1, local(TOMSK, 2, 8, 17), id="tomsk-month-end"),
        # 01:00 on Saturday in Tomsk is still Friday 18:00 in UTC: the local Saturday counts.
        pytest.param(local(TOMSK, 6, 3, 1), 3, local(TOMSK, 10, 3, 1), id="tomsk-saturday-night"),
        # 01:30 on Saturday in Moscow is Friday 22:30 in UTC.
        pytest.param(local(MOSCOW, 6, 3, 1, 30), 1, local(MOSCOW, 8, 3, 1, 30), id="moscow-night"),
        # 23:30 on Friday in Moscow is still Friday in UTC too.
        pytest.param(
            local(MOSCOW, 5, 3, 23, 30), 1, local(MOSCOW, 8, 3, 23, 30), id="late-friday"
        ),
        pytest.param(local(MOSCOW, 6, 3, 15), 0, local(MOSCOW, 6, 3, 15), id="zero-days"),
    ],
)
def test_due_date_in_working_days(start: datetime, days: int, due: datetime) -> None:
    zone = str(start.tzinfo)
    result = add_working_days(start.astimezone(UTC), days, zone)
    assert result == due
    assert result.tzinfo is UTC
    assert result.astimezone(ZoneInfo(zone)).time() == start.time()


def test_the_zone_decides_the_day_not_the_moment() -> None:
    # The same moment: Saturday 01:00 in Tomsk, Friday 21:00 in Moscow.
    moment = datetime(2027, 3, 5, 18, 0, tzinfo=UTC)
    assert add_working_days(moment, 1, TOMSK) == local(TOMSK, 8, 3, 1)
    assert add_working_days(moment, 1, MOSCOW) == local(MOSCOW, 8, 3, 21)


def test_any_aware_start_is_accepted() -> None:
    plus_seven = timezone(timedelta(hours=7))
    start = datetime(2027, 3, 5, 15, 0, tzinfo=plus_seven)
    assert add_working_days(start, 3, TOMSK) == datetime(2027, 3, 10, 8, 0, tzinfo=UTC)


def test_naive_start_and_negative_days_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="naive"):
        add_working_days(datetime(2027, 3, 5, 15, 0), 3, MOSCOW)  # noqa: DTZ001
    with pytest.raises(ValueError, match="negative"):
        add_working_days(datetime(2027, 3, 5, 15, 0, tzinfo=UTC), -1, MOSCOW)


def _weekdays_between(first: date, last: date) -> int:
    """Working days after `first`, up to and including `last`."""
    return sum(
        1 for n in range(1, (last - first).days + 1) if (first + timedelta(n)).weekday() < 5
    )


@given(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2030, 12, 31)),  # noqa: DTZ001
    st.integers(min_value=1, max_value=40),
    st.sampled_from([MOSCOW, TOMSK, "Asia/Krasnoyarsk", "Europe/Kaliningrad"]),
)
def test_due_is_a_weekday_at_the_same_time(naive: datetime, days: int, zone: str) -> None:
    start = naive.replace(tzinfo=UTC)
    due = add_working_days(start, days, zone).astimezone(ZoneInfo(zone))
    begun = start.astimezone(ZoneInfo(zone))
    assert due.weekday() < 5
    assert due.time() == begun.time()
    assert _weekdays_between(begun.date(), due.date()) == days


# matches


@pytest.mark.parametrize(
    ("subject", "direction", "subjects", "directions", "expected"),
    [
        pytest.param(
            "Математика", Direction.DEFICITS, ["математика"], [Direction.DEFICITS], True, id="case"
        ),
        pytest.param("  ХИМИЯ ", Direction.DEFICITS, ["Химия"], [], True, id="spaces-and-case"),
        pytest.param("Естествознание", Direction.YOUNG, ["ЕСТЕСТВОЗНАНИЕ"], [], True, id="upper"),
        pytest.param(
            "Трёхмерное моделирование",
            Direction.OTHER,
            ["трехмерное моделирование"],
            [],
            True,
            id="yo-typed",
        ),
        pytest.param(
            "Трехмерное моделирование",
            Direction.OTHER,
            ["трёхмерное моделирование"],
            [],
            True,
            id="yo-in-their-list",
        ),
        pytest.param(
            "ТРЁХМЕРНОЕ  МОДЕЛИРОВАНИЕ",
            Direction.OTHER,
            ["Трехмерное моделирование"],
            [],
            True,
            id="capital-yo",
        ),
        pytest.param("Физика", Direction.CONTESTS, [], [], True, id="takes-everything"),
        pytest.param(
            "Физика",
            Direction.CONTESTS,
            [],
            [Direction.CONTESTS],
            True,
            id="any-subject-in-their-direction",
        ),
        pytest.param(
            "Физика", Direction.BURNOUT, [], [Direction.CONTESTS], False, id="other-direction"
        ),
        pytest.param(
            "Физика", Direction.BURNOUT, ["физика"], [], True, id="any-direction-in-their-subject"
        ),
        pytest.param(
            "Физика", Direction.BURNOUT, ["Химия", "Биология"], [], False, id="other-subject"
        ),
        pytest.param(
            "Физика",
            Direction.YOUNG,
            ["Химия", "физика"],
            [Direction.DEFICITS, Direction.YOUNG],
            True,
            id="one-of-several",
        ),
        pytest.param(
            "Физика",
            Direction.LOW_RESULTS,
            ["физика"],
            [Direction.YOUNG],
            False,
            id="subject-fits-direction-not",
        ),
        pytest.param(
            "Физика",
            Direction.YOUNG,
            ["химия"],
            [Direction.YOUNG],
            False,
            id="direction-fits-subject-not",
        ),
        pytest.param(
            "Физика и астрономия", Direction.YOUNG, ["физика"], [], False, id="whole-subject-only"
        ),
    ],
)
def test_who_is_offered_a_request(
    subject: str,
    direction: Direction,
    subjects: list[str],
    directions: list[Direction],
    expected: bool,
) -> None:
    assert (
        matches(
            subject=subject,
            direction=direction,
            methodist_subjects=subjects,
            methodist_directions=directions,
        )
        is expected
    )


def test_matches_takes_sets_and_tuples() -> None:
    assert matches(
        subject="русский язык",
        direction=Direction.ATTESTATION,
        methodist_subjects=("Русский  язык",),
        methodist_directions=frozenset({Direction.ATTESTATION}),
    )
