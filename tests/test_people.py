"""What people type about themselves: what is accepted, how it is normalised, what is refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.domain import people
from bot.domain.errors import ValidationError
from bot.domain.model import Category, Education, Role


def refused(parse: Callable[[str], object], text: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse(text)
    return caught.value


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Иванова Мария Петровна", "Иванова Мария Петровна"),
        ("  иванова   мария\tпетровна ", "Иванова Мария Петровна"),
        ("Салтыков-Щедрин Михаил", "Салтыков-Щедрин Михаил"),
        ("салтыков-щедрин михаил", "Салтыков-Щедрин Михаил"),
        ("Салтыков – Щедрин Михаил", "Салтыков-Щедрин Михаил"),
        ("Д'Артаньян Шарль", "Д'Артаньян Шарль"),
        ("Д’Артаньян Шарль", "Д'Артаньян Шарль"),
        ("McDonald Ronald", "McDonald Ronald"),
        ("ван дер Берг Анна", "Ван Дер Берг Анна"),
        ("Ёлкина Алёна", "Ёлкина Алёна"),
        ("Müller Jürgen", "Müller Jürgen"),
        ("ИВАНОВ Иван", "ИВАНОВ Иван"),
        ("Ким\u00a0Ир\u200bина", "Ким Ирина"),
        ("Зуев Андреи\u0306", "Зуев Андрей"),
    ],
)
def test_full_name_is_normalised(typed: str, stored: str) -> None:
    assert people.full_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "key", "params"),
    [
        ("", "people-error-name-words", {"min": 2, "value": ""}),
        ("Иванова", "people-error-name-words", {"min": 2, "value": "Иванова"}),
        ("   Иванова  ", "people-error-name-words", {"min": 2, "value": "Иванова"}),
        ("Иванова М. П.", "people-error-name-chars", {"value": "М."}),
        ("Иванова Мария 2", "people-error-name-chars", {"value": "2"}),
        ("Иванова Мария-", "people-error-name-chars", {"value": "Мария-"}),
        ("Иванова 'Мария", "people-error-name-chars", {"value": "'Мария"}),
        ("Иванова Μαρία", "people-error-name-chars", {"value": "Μαρία"}),
        ("Иванова @maria", "people-error-name-chars", {"value": "@maria"}),
        ("А" * 60 + " " + "Б" * 60, "people-error-name-length", {"max": 120, "length": 121}),
    ],
)
def test_full_name_refused(typed: str, key: str, params: dict[str, object]) -> None:
    error = refused(people.full_name, typed)
    assert (error.key, error.params) == (key, params)


def test_full_name_at_the_length_limit_is_accepted() -> None:
    name = "А" * 59 + " " + "Б" * 60
    assert people.full_name(name) == name


def test_long_values_are_cut_in_the_message() -> None:
    error = refused(people.category, "я" * 100)
    assert error.params["value"] == "я" * 39 + "…"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("МОУ СОШ № 3", "МОУ СОШ № 3"),
        ("  Гимназия   №1 ", "Гимназия №1"),
        ("«Лицей»", "«Лицей»"),
        ("Школа 10", "Школа 10"),
        ("Ш" * 200, "Ш" * 200),
        # Kept as typed: every file the bot writes neutralises it (bot/domain/cells.py).
        ("=HYPERLINK(1)", "=HYPERLINK(1)"),
        ("+7 школа", "+7 школа"),
    ],
)
def test_school_accepted(typed: str, stored: str) -> None:
    assert people.school(typed) == stored


@pytest.mark.parametrize("typed", ["10", "😀😀😀", "Школа \u202e01"])
def test_a_school_needs_letters_and_no_control_characters(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        people.school(typed)
    assert error.value.key in {"text-error-no-letters", "text-error-control"}


@pytest.mark.parametrize(
    ("typed", "length"),
    [("", 0), ("   ", 0), ("Ш", 1), ("Ш" * 201, 201)],
)
def test_school_refused(typed: str, length: int) -> None:
    error = refused(people.school, typed)
    assert error.key == "people-error-school"
    assert (error.params["min"], error.params["max"], error.params["length"]) == (2, 200, length)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Русский язык и литература", "Русский язык и литература"),
        ("ИЗО", "ИЗО"),
        ("  физическая   культура ", "физическая культура"),
        ("Физика, астрономия", "Физика, астрономия"),
        ("Технология (девочки)", "Технология (девочки)"),
        ("Русский язык — литература", "Русский язык - литература"),
        ("English", "English"),
    ],
)
def test_subject_accepted(typed: str, stored: str) -> None:
    assert people.subject(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["", "Ф", "Математика 5 класс", "Рус. яз.", "(ИЗО)", "-Музыка", "М" * 81, "Музыка/МХК"],
)
def test_subject_refused(typed: str) -> None:
    error = refused(people.subject, typed)
    assert error.key == "people-error-subject"
    assert (error.params["min"], error.params["max"]) == (2, 80)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("учитель математики", "учитель математики"), (" Директор ", "Директор"), ("ПДО", "ПДО")],
)
def test_position_accepted(typed: str, stored: str) -> None:
    assert people.position(typed) == stored


@pytest.mark.parametrize("typed", ["", "у", "у" * 121])
def test_position_refused(typed: str) -> None:
    error = refused(people.position, typed)
    assert error.key == "people-error-position"
    assert (error.params["min"], error.params["max"]) == (2, 120)


@pytest.mark.parametrize(
    ("typed", "years"),
    [
        ("12", 12),
        ("12 лет", 12),
        (" 7 ", 7),
        ("1 год", 1),
        ("3 года", 3),
        ("25ЛЕТ", 25),
        ("0", 0),
        ("70", 70),
        ("5 years", 5),
    ],
)
def test_experience_accepted(typed: str, years: int) -> None:
    assert people.experience_years(typed) == years


@pytest.mark.parametrize("typed", ["", "71", "-1", "двенадцать", "12.5", "12 лет 3 месяца", "١٢"])
def test_experience_refused(typed: str) -> None:
    error = refused(people.experience_years, typed)
    assert error.key == "people-error-experience"
    assert (error.params["min"], error.params["max"]) == (0, 70)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("нет", Category.NONE),
        ("Без категории", Category.NONE),
        ("первая", Category.FIRST),
        ("1", Category.FIRST),
        (" Первая  категория ", Category.FIRST),
        ("ВЫСШАЯ", Category.HIGHEST),
        ("none", Category.NONE),
        ("First", Category.FIRST),
        ("highest", Category.HIGHEST),
    ],
)
def test_category_accepted(typed: str, value: Category) -> None:
    assert people.category(typed) is value


@pytest.mark.parametrize("typed", ["", "2", "вторая", "высшей", "соответствие"])
def test_category_refused(typed: str) -> None:
    error = refused(people.category, typed)
    assert (error.key, error.params) == ("people-error-category", {"value": typed})


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("высшее педагогическое", Education.HIGHER_PEDAGOGICAL),
        ("Высшее  Педагогическое", Education.HIGHER_PEDAGOGICAL),
        ("высшее", Education.HIGHER),
        ("среднее профессиональное", Education.SECONDARY_PROFESSIONAL),
        ("среднее специальное", Education.SECONDARY_PROFESSIONAL),
        ("другое", Education.OTHER),
        ("higher_pedagogical", Education.HIGHER_PEDAGOGICAL),
        ("higher pedagogical", Education.HIGHER_PEDAGOGICAL),
        ("secondary_professional", Education.SECONDARY_PROFESSIONAL),
        ("other", Education.OTHER),
    ],
)
def test_education_accepted(typed: str, value: Education) -> None:
    assert people.education(typed) is value


@pytest.mark.parametrize("typed", ["", "среднее", "высшее техническое", "магистр"])
def test_education_refused(typed: str) -> None:
    error = refused(people.education, typed)
    assert (error.key, error.params) == ("people-error-education", {"value": typed})


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("председатель", (Role.CHAIR, False)),
        ("Chair", (Role.CHAIR, False)),
        ("заместитель", (Role.DEPUTY, False)),
        ("заместитель председателя", (Role.DEPUTY, False)),
        ("deputy", (Role.DEPUTY, False)),
        ("секретарь", (Role.SECRETARY, False)),
        ("Ответственный секретарь", (Role.SECRETARY, False)),
        ("secretary", (Role.SECRETARY, False)),
        ("член", (Role.MEMBER, False)),
        ("член совета", (Role.MEMBER, False)),
        ("участник", (Role.MEMBER, False)),
        ("member", (Role.MEMBER, False)),
        ("гость", (Role.GUEST, False)),
        ("приглашённый", (Role.GUEST, False)),
        ("приглашенный", (Role.GUEST, False)),
        ("guest", (Role.GUEST, False)),
        ("методист", (Role.MEMBER, True)),
        ("Methodist", (Role.MEMBER, True)),
        ("", (Role.MEMBER, False)),
        ("   ", (Role.MEMBER, False)),
        ("председатель, методист", (Role.CHAIR, True)),
        ("методист; секретарь", (Role.SECRETARY, True)),
        ("член, методист", (Role.MEMBER, True)),
    ],
)
def test_role_accepted(typed: str, value: tuple[Role, bool]) -> None:
    assert people.role(typed) == value


@pytest.mark.parametrize(
    "typed", ["директор", "председатель, секретарь", "chair, guest", "методист по ИЗО"]
)
def test_role_refused(typed: str) -> None:
    error = refused(people.role, typed)
    assert (error.key, error.params) == ("people-error-role", {"value": typed})


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("", None),
        ("   ", None),
        ("123456789", 123456789),
        (" 42 ", 42),
        ("10000000000000", 10**13),
    ],
)
def test_telegram_id_accepted(typed: str, value: int | None) -> None:
    assert people.telegram_id(typed) == value


@pytest.mark.parametrize(
    "typed", ["0", "-5", "@ivanova", "10000000000001", "1.23457E+11", "12 34", "１２３"]
)
def test_telegram_id_refused(typed: str) -> None:
    error = refused(people.telegram_id, typed)
    assert error.key == "people-error-telegram-id"
    assert error.params["value"] == typed


@pytest.mark.parametrize(
    ("typed", "value"),
    [("", True), ("да", True), ("Yes", True), ("1", True), ("нет", False), ("no", False)],
)
def test_active_accepted(typed: str, value: bool) -> None:
    assert people.active(typed) is value


def test_active_refused() -> None:
    error = refused(people.active, "может быть")
    assert (error.key, error.params) == ("people-error-active", {"value": "может быть"})


@pytest.mark.parametrize("locale", ["ru", "en"])
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("is_methodist", [False, True])
def test_role_words_read_back(locale: str, role: Role, is_methodist: bool) -> None:
    assert people.role(people.role_word(role, is_methodist, locale=locale)) == (role, is_methodist)


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_category_education_and_active_words_read_back(locale: str) -> None:
    for category in Category:
        assert people.category(people.category_word(category, locale=locale)) is category
    for education in Education:
        assert people.education(people.education_word(education, locale=locale)) is education
    for value in (True, False):
        assert people.active(people.active_word(value, locale=locale)) is value


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("ru", ("секретарь, методист", "методист", "высшая", "высшее педагогическое", "нет")),
        ("en", ("secretary, methodist", "methodist", "highest", "higher_pedagogical", "no")),
        ("de", ("secretary, methodist", "methodist", "highest", "higher_pedagogical", "no")),
    ],
)
def test_words_are_written_in_the_file_language(locale: str, words: tuple[str, ...]) -> None:
    assert (
        people.role_word(Role.SECRETARY, True, locale=locale),
        people.role_word(Role.MEMBER, True, locale=locale),
        people.category_word(Category.HIGHEST, locale=locale),
        people.education_word(Education.HIGHER_PEDAGOGICAL, locale=locale),
        people.active_word(False, locale=locale),
    ) == words
