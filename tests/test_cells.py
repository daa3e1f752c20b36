"""Text that a spreadsheet would run as a formula leaves the bot as text, and comes back."""

from __future__ import annotations

import pytest

from bot.domain.cells import cell, neutralise, restore


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+7 912 345-67-89", "'+7 912 345-67-89"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("МОУ СОШ № 3", "МОУ СОШ № 3"),
        ("'уже текст", "'уже текст"),
        ("", ""),
    ],
)
def test_text_that_starts_like_a_formula_gets_an_apostrophe(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert restore(written) == text


def test_numbers_and_empty_cells_are_left_as_they_are() -> None:
    assert cell(-5) == -5
    assert cell(2.5) == 2.5
    assert cell(None) is None
    assert cell("=1") == "'=1"
