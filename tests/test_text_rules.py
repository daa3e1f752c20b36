"""Names and titles need letters and carry no invisible control characters (issue 14, item 8);
dates stay within two years."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.errors import ValidationError
from bot.domain.meetings import check_horizon
from bot.domain.text import fold, readable


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("ИМЦ Лужского района", "ИМЦ Лужского района"),
        ("  МОУ   СОШ № 3 ", "МОУ СОШ № 3"),
        ("Школа\u200b № 5", "Школа № 5"),  # a zero-width space pasted from a web page
        ("Секция 👩\u200d🏫 учителей", "Секция 👩🏫 учителей"),
        ("Lycée № 2", "Lycée № 2"),
        ("и\u0306ошкар-олинский", "йошкар-олинский"),  # й typed as и and a breve
        ("", ""),
    ],
)
def test_what_is_kept(typed: str, kept: str) -> None:
    assert readable(typed) == kept


@pytest.mark.parametrize(
    ("typed", "refused"),
    [
        ("😀😀😀", "text-error-no-letters"),
        ("12345678901234567890123", "text-error-no-letters"),
        ("№ 3 — 5", "text-error-no-letters"),
        ("Совет \u202eвоталп", "text-error-control"),  # right-to-left override
        ("\u2067Совет\u2069", "text-error-control"),  # right-to-left isolate
        ("Совет\u200fРМО", "text-error-control"),  # right-to-left mark
        ("Совет\x07", "text-error-control"),
    ],
)
def test_what_is_refused(typed: str, refused: str) -> None:
    with pytest.raises(ValidationError) as error:
        readable(typed)
    assert error.value.key == refused


@given(st.text(max_size=60))
def test_whatever_is_accepted_has_a_letter_and_no_control_character(typed: str) -> None:
    try:
        value = readable(typed)
    except ValidationError:
        return
    assert value == "" or any(char.isalpha() for char in value)
    assert not any(ord(char) < 32 or 0x202A <= ord(char) <= 0x202E for char in value)


def test_dates_more_than_two_years_ahead_are_refused() -> None:
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    check_horizon(
        datetime(2028, 11, 30, 9, 0, tzinfo=UTC), now=now, timezone="Europe/Moscow", key="k"
    )
    with pytest.raises(ValidationError) as error:
        check_horizon(datetime(9999, 1, 1, tzinfo=UTC), now=now, timezone="Europe/Moscow", key="k")
    assert error.value.params == {"latest": "01.12.2028"}


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Ёлкина  Алёна", "елкина алена"),
        ("ЁЛКИНА", "елкина"),
        ("  МОУ СОШ № 3 ", "моу сош № 3"),
        ("Straße", "strasse"),
    ],
)
def test_texts_compare_with_case_aside_and_yo_as_ye(typed: str, folded: str) -> None:
    assert fold(typed) == folded
