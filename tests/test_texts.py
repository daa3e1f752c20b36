"""Long notices are split between lines into messages Telegram accepts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.views.texts import split_message


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, ["short"]),
        ("", 10, [""]),
        ("aaaa\nbbbb\ncccc", 9, ["aaaa\nbbbb", "cccc"]),
        ("aaaa\nbbbb", 9, ["aaaa\nbbbb"]),
        ("a" * 12, 5, ["aaaaa", "aaaaa", "aa"]),
        ("x\n" + "a" * 7 + "\ny", 5, ["x", "aaaaa", "aa\ny"]),
    ],
)
def test_split_between_lines(text: str, limit: int, expected: list[str]) -> None:
    assert split_message(text, limit) == expected


@given(st.text(alphabet=st.sampled_from("аб\n "), max_size=300), st.integers(3, 40))
def test_nothing_is_lost_and_every_part_fits(text: str, limit: int) -> None:
    parts = split_message(text, limit)
    assert all(len(part) <= limit for part in parts)
    assert "".join(parts).replace("\n", "") == text.replace("\n", "")
