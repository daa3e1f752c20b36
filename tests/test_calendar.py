"""Picking a date and a time by tapping, and how notices write a day: what a person sees."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest
import pytest_asyncio
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.managers.memory import MemoryManager

from bot.main.i18n import make_core
from handlers.calendar import (
    CalendarCb,
    TimeCb,
    calendar_markup,
    date_text,
    time_markup,
    when_text,
)

MARCH_2027 = date(2027, 3, 1)  # a Monday


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def core() -> AsyncIterator[FluentRuntimeCore]:
    """The production translations, loaded once for the module."""
    translations = make_core("ru")
    await translations.startup()
    yield translations
    await translations.shutdown()


def _context(core: FluentRuntimeCore, locale: str) -> I18nContext:
    return I18nContext(
        locale=locale, core=core, manager=MemoryManager(default_locale="ru"), data={}
    )


@pytest.fixture
def ru(core: FluentRuntimeCore) -> I18nContext:
    return _context(core, "ru")


@pytest.fixture
def en(core: FluentRuntimeCore) -> I18nContext:
    return _context(core, "en")


def _rows(markup: InlineKeyboardMarkup) -> list[list[str]]:
    return [[button.text for button in row] for row in markup.inline_keyboard]


def _buttons(markup: InlineKeyboardMarkup) -> list[InlineKeyboardButton]:
    return [button for row in markup.inline_keyboard for button in row]


def _data(button: InlineKeyboardButton) -> str:
    assert button.callback_data is not None
    return button.callback_data


def _calendar_data(button: InlineKeyboardButton) -> CalendarCb:
    return CalendarCb.unpack(_data(button))


def _press(markup: InlineKeyboardMarkup, text: str) -> CalendarCb:
    [button] = [button for button in _buttons(markup) if button.text == text]
    return _calendar_data(button)


def _days(markup: InlineKeyboardMarkup) -> list[date]:
    return [
        data.picked() for data in map(_calendar_data, _buttons(markup)) if data.action == "day"
    ]


# --- the month grid -------------------------------------------------------------------------


def test_march_2027_starts_on_monday(ru: I18nContext) -> None:
    rows = _rows(calendar_markup(ru, year=2027, month=3, earliest=MARCH_2027))
    assert rows[0][1:] == ["Март 2027", "»"]
    assert rows[1] == ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
    assert rows[2] == ["1", "2", "3", "4", "5", "6", "7"]
    assert rows[-1] == ["29", "30", "31", " ", " ", " ", " "]
    assert all(len(row) == 7 for row in rows[1:])


def test_february_2027_has_28_days(ru: I18nContext) -> None:
    markup = calendar_markup(ru, year=2027, month=2, earliest=date(2027, 1, 15))
    days = _days(markup)
    assert len(days) == 28
    assert days == [date(2027, 2, 1) + timedelta(days=n) for n in range(28)]
    assert _rows(markup)[0] == ["«", "Февраль 2027", "»"]


def test_a_day_sits_under_its_weekday(ru: I18nContext) -> None:
    """September 2027 starts on a Wednesday: two empty cells first."""
    markup = calendar_markup(ru, year=2027, month=9, earliest=date(2027, 1, 1))
    assert _rows(markup)[2] == [" ", " ", "1", "2", "3", "4", "5"]
    for row in markup.inline_keyboard[2:]:
        for column, button in enumerate(row):
            data = _calendar_data(button)
            if data.action == "day":
                assert data.picked().weekday() == column


def test_days_before_the_earliest_cannot_be_picked(ru: I18nContext) -> None:
    markup = calendar_markup(ru, year=2027, month=3, earliest=date(2027, 3, 12))
    rows = _rows(markup)
    assert rows[2] == ["·"] * 7
    assert rows[3] == ["·", "·", "·", "·", "12", "13", "14"]
    for button in markup.inline_keyboard[3][:4]:
        assert _calendar_data(button).action == "noop"
    assert _days(markup)[0] == date(2027, 3, 12)


def test_no_way_back_before_the_month_of_the_earliest(ru: I18nContext) -> None:
    earliest = date(2027, 3, 12)
    march = calendar_markup(ru, year=2027, month=3, earliest=earliest)
    assert "«" not in _rows(march)[0]
    assert _calendar_data(march.inline_keyboard[0][0]).action == "noop"

    april_data = _press(march, "»")
    assert (april_data.action, april_data.year, april_data.month) == ("month", 2027, 4)
    april = calendar_markup(ru, year=2027, month=4, earliest=earliest)
    assert _rows(april)[0] == ["«", "Апрель 2027", "»"]
    back = _press(april, "«")
    assert (back.action, back.year, back.month) == ("month", 2027, 3)
    assert "·" not in _rows(april)[2]


def test_moving_across_the_new_year(ru: I18nContext) -> None:
    december = calendar_markup(ru, year=2027, month=12, earliest=MARCH_2027)
    forward = _press(december, "»")
    assert (forward.year, forward.month) == (2028, 1)
    january = calendar_markup(ru, year=2028, month=1, earliest=MARCH_2027)
    assert _rows(january)[0][1] == "Январь 2028"
    back = _press(january, "«")
    assert (back.year, back.month) == (2027, 12)


def test_month_names_are_in_the_nominative(ru: I18nContext, en: I18nContext) -> None:
    def titles(i18n: I18nContext) -> list[str]:
        return [
            _rows(calendar_markup(i18n, year=2027, month=month, earliest=MARCH_2027))[0][1]
            for month in range(1, 13)
        ]

    names = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь"]
    names += ["Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"]
    assert titles(ru) == [f"{name} 2027" for name in names]
    assert titles(en)[2] == "March 2027"
    assert titles(en)[11] == "December 2027"


def test_english_weekdays_start_on_monday(en: I18nContext) -> None:
    rows = _rows(calendar_markup(en, year=2027, month=3, earliest=MARCH_2027))
    assert rows[1] == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


def test_a_day_button_unpacks_to_its_date(ru: I18nContext) -> None:
    markup = calendar_markup(ru, year=2027, month=3, earliest=MARCH_2027)
    data = _press(markup, "12")
    assert data.action == "day"
    assert data.picked() == date(2027, 3, 12)


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_every_button_fits_telegrams_64_bytes(core: FluentRuntimeCore, locale: str) -> None:
    i18n = _context(core, locale)
    markups = [
        calendar_markup(i18n, year=year, month=month, earliest=date(2027, 3, 12))
        for year in (2027, 2099)
        for month in range(1, 13)
    ]
    markups.append(time_markup(i18n, day=date(2099, 12, 31)))
    for markup in markups:
        for button in _buttons(markup):
            assert button.text.strip() or button.text == " "
            assert len(_data(button).encode("utf-8")) <= 64


# --- the time grid --------------------------------------------------------------------------


def test_time_grid_offers_half_hours_from_eight_to_half_past_seven(ru: I18nContext) -> None:
    markup = time_markup(ru, day=date(2027, 3, 12))
    rows = _rows(markup)
    times = [text for row in rows[1:] for text in row]
    assert len(times) == 24
    assert times[:5] == ["08:00", "08:30", "09:00", "09:30", "10:00"]
    assert times[-1] == "19:30"
    assert all(len(row) == 4 for row in rows[1:])
    for button in (button for row in markup.inline_keyboard[1:] for button in row):
        picked = TimeCb.unpack(_data(button)).picked()
        assert picked.strftime("%H:%M") == button.text


def test_time_grid_leads_back_to_the_days_month(ru: I18nContext) -> None:
    markup = time_markup(ru, day=date(2027, 3, 12))
    [header] = markup.inline_keyboard[0]
    assert header.text == "« пятница, 12.03.2027"
    back = _calendar_data(header)
    assert (back.action, back.year, back.month) == ("month", 2027, 3)


# --- how notices write a day ----------------------------------------------------------------

NOON_UTC = datetime(2027, 3, 12, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("timezone", "said"),
    [
        ("Europe/Moscow", "пятница, 12.03.2027 15:00"),
        ("Asia/Tomsk", "пятница, 12.03.2027 19:00"),
        ("Europe/Kaliningrad", "пятница, 12.03.2027 14:00"),
    ],
)
def test_when_is_said_in_the_organisations_time(ru: I18nContext, timezone: str, said: str) -> None:
    assert when_text(ru, NOON_UTC, timezone) == said


def test_when_in_english(en: I18nContext) -> None:
    assert when_text(en, NOON_UTC, "Europe/Moscow") == "Friday, 12.03.2027 15:00"
    assert date_text(en, date(2027, 3, 11)) == "Thursday, 11.03.2027"


def test_past_midnight_in_tomsk_it_is_already_the_next_day(ru: I18nContext) -> None:
    late = datetime(2027, 3, 12, 17, 30, tzinfo=UTC)
    assert when_text(ru, late, "Europe/Moscow") == "пятница, 12.03.2027 20:30"
    assert when_text(ru, late, "Asia/Tomsk") == "суббота, 13.03.2027 00:30"


def test_every_weekday_is_spelled_out(ru: I18nContext) -> None:
    week = [date_text(ru, MARCH_2027 + timedelta(days=n)) for n in range(7)]
    assert week == [
        "понедельник, 01.03.2027",
        "вторник, 02.03.2027",
        "среда, 03.03.2027",
        "четверг, 04.03.2027",
        "пятница, 05.03.2027",
        "суббота, 06.03.2027",
        "воскресенье, 07.03.2027",
    ]


def test_a_naive_moment_is_refused(ru: I18nContext) -> None:
    naive = datetime(2027, 3, 12, 15, 0)  # noqa: DTZ001 - the naive datetime under test
    with pytest.raises(ValueError, match="aware"):
        when_text(ru, naive, "Europe/Moscow")
