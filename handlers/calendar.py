"""Picking a date and a time by tapping, on a phone: a month grid and a grid of half hours.

Also how notices write a day and a moment: the weekday spelled out, then «12.03.2027 15:00».
"""

from __future__ import annotations

from calendar import Calendar
from datetime import date, datetime, time
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.services.ports import Texts
from bot.views.texts import WeekdayForm, when

# Signs, not words: they read the same in every language.
PREVIOUS = "«"
NEXT = "»"
PAST_DAY = "·"
EMPTY = " "

# The half hours a meeting is offered at; any other time is typed (handled elsewhere).
FIRST_SLOT = time(8, 0)
LAST_SLOT = time(19, 30)
TIMES_PER_ROW = 4

_WEEKS = Calendar(firstweekday=0)  # Monday first, as in Russia


class CalendarAction(StrEnum):
    DAY = "day"
    MONTH = "month"
    NOOP = "noop"


class CalendarCb(CallbackData, prefix="cal"):
    """A tap on the month grid: a day, a move to another month, or a cell that does nothing."""

    action: CalendarAction
    year: int
    month: int
    day: int = 0

    def picked(self) -> date:
        """The day a `day` button stands for."""
        return date(self.year, self.month, self.day)


class TimeCb(CallbackData, prefix="tm"):
    """A tap on a half hour of the time grid."""

    hour: int
    minute: int

    def picked(self) -> time:
        return time(self.hour, self.minute)


def _button(text: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data.pack())


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    """The year and month `months` away: (2027, 1) and -1 give (2026, 12)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def calendar_markup(
    i18n: I18nContext, *, year: int, month: int, earliest: date
) -> InlineKeyboardMarkup:
    """A month to tap a day on: « Март 2027 », the weekdays from Monday, then the weeks.

    Days before `earliest` show as «·» and do nothing; so does ««» in the month of `earliest`.
    """
    noop = CalendarCb(action=CalendarAction.NOOP, year=year, month=month)
    kb = InlineKeyboardBuilder()

    if (year, month) > (earliest.year, earliest.month):
        back_year, back_month = _shift(year, month, -1)
        back = _button(
            PREVIOUS, CalendarCb(action=CalendarAction.MONTH, year=back_year, month=back_month)
        )
    else:
        back = _button(EMPTY, noop)
    on_year, on_month = _shift(year, month, 1)
    kb.row(
        back,
        _button(f"{i18n.get(f'calendar-month-{month}')} {year}", noop),
        _button(NEXT, CalendarCb(action=CalendarAction.MONTH, year=on_year, month=on_month)),
    )

    kb.row(*(_button(i18n.get(f"calendar-weekday-short-{i}"), noop) for i in range(7)))

    for week in _WEEKS.monthdayscalendar(year, month):
        cells: list[InlineKeyboardButton] = []
        for day in week:
            if day == 0:
                cells.append(_button(EMPTY, noop))
            elif date(year, month, day) < earliest:
                cells.append(_button(PAST_DAY, noop))
            else:
                data = CalendarCb(action=CalendarAction.DAY, year=year, month=month, day=day)
                cells.append(_button(str(day), data))
        kb.row(*cells)
    return kb.as_markup()


def time_markup(i18n: I18nContext, *, day: date) -> InlineKeyboardMarkup:
    """The half hours from 08:00 to 19:30, four a row, under «« пятница, 12.03.2027», which
    goes back to that month's grid to pick another day."""
    kb = InlineKeyboardBuilder()
    kb.row(
        _button(
            i18n.get("calendar-other-day", date=date_text(i18n, day)),
            CalendarCb(action=CalendarAction.MONTH, year=day.year, month=day.month),
        )
    )
    slots: list[InlineKeyboardButton] = []
    for half_hour in range(FIRST_SLOT.hour * 2, LAST_SLOT.hour * 2 + 2):
        hour, minute = divmod(half_hour * 30, 60)
        slots.append(_button(f"{hour:02d}:{minute:02d}", TimeCb(hour=hour, minute=minute)))
    for start in range(0, len(slots), TIMES_PER_ROW):
        kb.row(*slots[start : start + TIMES_PER_ROW])
    return kb.as_markup()


def _weekday(i18n: I18nContext, day: date) -> str:
    return i18n.get(f"weekday-{day.weekday()}", form="nom")


def date_text(i18n: I18nContext, day: date) -> str:
    """A day as a notice writes it: «пятница, 12.03.2027»."""
    return i18n.get("date-format", weekday=_weekday(i18n, day), date=day.strftime("%d.%m.%Y"))


def when_text(i18n: Texts, moment: datetime, timezone: str, *, form: WeekdayForm = "nom") -> str:
    """A moment as a notice writes it, in the organisation's time: «пятница, 12.03.2027 15:00».

    Raises ValueError for a naive datetime: it could be in any zone.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"when_text takes an aware datetime, got a naive one: {moment!r}")
    return when(i18n, moment, timezone, form=form)
