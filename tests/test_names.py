"""Names as a протокол writes them: initials, and the accusative after СЛУШАЛИ."""

from __future__ import annotations

import pytest

from bot.documents.names import accusative, listed, signed


@pytest.mark.parametrize(
    ("full_name", "in_a_list", "under_a_signature", "heard"),
    [
        ("Кузнецова Елена Андреевна", "Кузнецова Е. А.", "Е. А. Кузнецова", "Кузнецову Е. А."),
        ("Петров Иван Сергеевич", "Петров И. С.", "И. С. Петров", "Петрова И. С."),
        ("Воробьёва Татьяна Ивановна", "Воробьёва Т. И.", "Т. И. Воробьёва", "Воробьёву Т. И."),
        # Typed with initials already, with or without spaces.
        ("Кузнецова Е. А.", "Кузнецова Е. А.", "Е. А. Кузнецова", "Кузнецову Е. А."),
        ("Гусев Г.Г.", "Гусев Г. Г.", "Г. Г. Гусев", "Гусева Г. Г."),
        # Indeclinable surnames stay as they are.
        ("Черных Анна Олеговна", "Черных А. О.", "А. О. Черных", "Черных А. О."),
        ("Дюма Никита Ильич", "Дюма Н. И.", "Н. И. Дюма", "Дюма Н. И."),
        # A double surname declines in both parts; no patronymic: the first name tells.
        ("Иванова-Белая Вера", "Иванова-Белая В.", "В. Иванова-Белая", "Иванову-Белую В."),
    ],
)
def test_a_name_as_the_protocol_writes_it(
    full_name: str, in_a_list: str, under_a_signature: str, heard: str
) -> None:
    assert listed(full_name) == in_a_list
    assert signed(full_name) == under_a_signature
    assert accusative(full_name) == heard


def test_a_name_whose_gender_cannot_be_told_is_left_undeclined() -> None:
    assert accusative("Ким Саша") == "Ким С."
