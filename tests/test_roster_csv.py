"""Roster files as spreadsheets produce them: reading, every error at once, and the round trip."""

from __future__ import annotations

import codecs
import dataclasses
import re
from pathlib import Path

import pytest
from fluent.runtime import FluentBundle, FluentResource
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain import people
from bot.domain.model import Category, Education, Role
from bot.domain.roster_csv import (
    MAX_LINES,
    LineError,
    RosterExportRow,
    RosterFileError,
    RosterRow,
    export_roster,
    parse_roster,
)

LOCALES = Path(__file__).resolve().parent.parent / "locales"

HEADER_RU = "ФИО;Школа;Предмет;Должность;Роль;Категория;Стаж;Образование;Telegram ID;Активен"
HEADER_EN = (
    "full_name;school;subject;position;role;category;experience;education;telegram_id;active"
)


def csv_bytes(*lines: str, encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    return newline.join(lines).encode(encoding) + newline.encode()


def problems(data: bytes) -> list[tuple[int, str | None, str]]:
    with pytest.raises(RosterFileError) as caught:
        parse_roster(data)
    error = caught.value
    assert error.key == "roster-csv-invalid"
    assert error.params == {"count": len(error.errors)}
    return [(e.line, e.column, e.key) for e in error.errors]


def only_error(data: bytes) -> LineError:
    with pytest.raises(RosterFileError) as caught:
        parse_roster(data)
    assert len(caught.value.errors) == 1, caught.value.errors
    return caught.value.errors[0]


# --- Reading ---------------------------------------------------------------------------------


def test_excel_utf8_with_bom_and_semicolons() -> None:
    data = codecs.BOM_UTF8 + csv_bytes(
        HEADER_RU,
        "иванова мария петровна;МОУ СОШ № 3;Математика;учитель;секретарь;высшая;12 лет;"
        "высшее педагогическое;123456789;да",
        "Петров Пётр;Гимназия №1;Физика;;методист;;;;;",
    )
    assert parse_roster(data) == [
        RosterRow(
            line=2,
            full_name="Иванова Мария Петровна",
            school="МОУ СОШ № 3",
            subject="Математика",
            position="учитель",
            role=Role.SECRETARY,
            is_methodist=False,
            category=Category.HIGHEST,
            experience_years=12,
            education=Education.HIGHER_PEDAGOGICAL,
            telegram_id=123456789,
            active=True,
        ),
        RosterRow(
            line=3,
            full_name="Петров Пётр",
            school="Гимназия №1",
            subject="Физика",
            position=None,
            role=Role.MEMBER,
            is_methodist=True,
            category=None,
            experience_years=None,
            education=None,
            telegram_id=None,
            active=True,
        ),
    ]


def test_windows_1251_with_commas_and_english_words() -> None:
    data = csv_bytes(
        "ФИО,Организация,Предмет,Роль,Категория",
        "Сидорова Анна Ивановна,ДДТ,ИЗО,chair,first",
        encoding="cp1251",
        newline="\n",
    )
    [row] = parse_roster(data)
    assert (row.full_name, row.school, row.subject) == ("Сидорова Анна Ивановна", "ДДТ", "ИЗО")
    assert (row.role, row.category, row.line) == (Role.CHAIR, Category.FIRST, 2)


def test_headers_in_any_order_case_and_language_with_only_required_columns() -> None:
    data = csv_bytes(" SUBJECT , Full_Name ,ШКОЛА", "История,Ким Ирина,Лицей № 2")
    [row] = parse_roster(data)
    assert (row.full_name, row.school, row.subject) == ("Ким Ирина", "Лицей № 2", "История")
    assert (row.position, row.role, row.is_methodist, row.telegram_id, row.active) == (
        None,
        Role.MEMBER,
        False,
        None,
        True,
    )


def test_quoted_cells_keep_delimiters_and_newlines_and_rows_keep_spreadsheet_numbers() -> None:
    data = csv_bytes(
        "ФИО,Школа,Предмет,Должность",
        'Орлова Вера,"Гимназия № 1, корпус 2","Физика, астрономия","учитель\r\nфизики"',
        "",
        'Зайцев Олег,"Школа ""Радуга""",Химия,',
    )
    rows = parse_roster(data)
    assert [(r.line, r.school, r.subject, r.position) for r in rows] == [
        (2, "Гимназия № 1, корпус 2", "Физика, астрономия", "учитель физики"),
        (4, 'Школа "Радуга"', "Химия", None),
    ]


def test_semicolon_header_with_commas_inside_quotes_is_not_taken_for_commas() -> None:
    data = csv_bytes('ФИО;Школа;Предмет;"Роль, если есть"', "Ким Ирина;Лицей;Химия;гость")
    assert problems(data) == [(1, None, "roster-csv-unknown-columns")]
    data = csv_bytes("ФИО;Школа;Предмет", "Ким Ирина;Лицей, корпус 2;Химия")
    assert [r.school for r in parse_roster(data)] == ["Лицей, корпус 2"]


def test_blank_and_padded_rows_are_skipped_but_keep_their_numbers() -> None:
    data = csv_bytes("ФИО;Школа;Предмет;;", ";;;;", "Ким Ирина;Лицей;Химия;;", "   ", "")
    assert [r.line for r in parse_roster(data)] == [3]


# --- Every problem at once -------------------------------------------------------------------


def test_every_problem_is_reported_with_its_line_and_column_in_one_pass() -> None:
    data = csv_bytes(
        "ФИО;Школа;Предмет;Стаж;Категория;Telegram",
        "Иванова;МОУ СОШ № 3;Математика;12;первая;",
        "Петров Пётр;Гимназия;Физика;сто;вторая;@petrov",
        "Сидорова Анна;Лицей;Химия;5;высшая;42",
        ";;;;;",
        "Орлова Вера;;2;;;",
    )
    assert problems(data) == [
        (2, "ФИО", "people-error-name-words"),
        (3, "Стаж", "people-error-experience"),
        (3, "Категория", "people-error-category"),
        (3, "Telegram", "people-error-telegram-id"),
        (6, "Школа", "people-error-school"),
        (6, "Предмет", "people-error-subject"),
    ]


def test_a_line_error_carries_the_params_of_the_cell_error() -> None:
    data = csv_bytes("ФИО;Школа;Предмет;Категория", "Ким Ирина;Лицей;Химия;вторая")
    assert only_error(data) == LineError(
        2, "Категория", "people-error-category", {"value": "вторая"}
    )


def test_nothing_is_imported_when_one_line_is_bad() -> None:
    good = [f"Учитель Номер{chr(ord('а') + i)};Школа {i};Математика" for i in range(20)]
    data = csv_bytes("ФИО;Школа;Предмет", *good[:10], "Один;Школа;Математика", *good[10:])
    assert problems(data) == [(12, "ФИО", "people-error-name-words")]


def test_the_same_person_twice_is_reported_on_the_later_line() -> None:
    data = csv_bytes(
        "ФИО;Школа;Предмет",
        "Ёлкина Алёна;МОУ СОШ № 3;Математика",
        "Петров Пётр;Лицей;Физика",
        "елкина  алена;моу сош №3;Алгебра",
        "Петров Пётр;Гимназия;Физика",
    )
    error = only_error(data)
    assert error == LineError(4, None, "roster-csv-duplicate", {"first_line": 2})


def test_the_same_telegram_id_twice_is_reported() -> None:
    data = csv_bytes(
        "ФИО;Школа;Предмет;Telegram ID",
        "Ким Ирина;Лицей;Химия;777",
        "Ли Анна;Лицей;Химия;777",
    )
    assert only_error(data) == LineError(
        3, "Telegram ID", "roster-csv-duplicate-telegram-id", {"first_line": 2, "value": "777"}
    )


def test_a_line_with_more_cells_than_the_header() -> None:
    data = csv_bytes(
        "ФИО,Школа,Предмет",
        "Ким Ирина,Гимназия № 1, корпус 2,Химия",
        "Ли Анна,Лицей,Химия,,",
        "Ли,Лицей,Химия",
    )
    assert problems(data) == [
        (2, None, "roster-csv-extra-cells"),
        (4, "ФИО", "people-error-name-words"),
    ]


def test_cells_under_a_blank_header_are_extra() -> None:
    data = csv_bytes("ФИО;;Школа;Предмет", "Ким Ирина;x;Лицей;Химия")
    assert only_error(data) == LineError(2, None, "roster-csv-extra-cells", {"columns": 3})


def test_a_short_line_leaves_the_missing_cells_empty() -> None:
    data = csv_bytes("ФИО;Школа;Предмет;Должность", "Ким Ирина;Лицей")
    assert problems(data) == [(2, "Предмет", "people-error-subject")]


# --- Problems of the whole file --------------------------------------------------------------


@pytest.mark.parametrize(
    "data", [b"", codecs.BOM_UTF8, b"\r\n\r\n", b" ; ; \n;;\n", "  \n".encode("cp1251")]
)
def test_empty_file(data: bytes) -> None:
    assert only_error(data) == LineError(1, None, "roster-csv-empty", {})


def test_unknown_columns_are_named_as_written() -> None:
    data = csv_bytes("ФИО;Школа;Предмет;Фамилия;e-mail", "Ким Ирина;Лицей;Химия;Ким;a@b.c")
    assert only_error(data) == LineError(
        1, None, "roster-csv-unknown-columns", {"columns": "Фамилия, e-mail"}
    )


def test_missing_required_columns_are_each_named() -> None:
    data = csv_bytes("ФИО;Должность", "Ким Ирина;учитель")
    with pytest.raises(RosterFileError) as caught:
        parse_roster(data)
    assert caught.value.errors == [
        LineError(1, None, "roster-csv-no-column", {"column": "school"}),
        LineError(1, None, "roster-csv-no-column", {"column": "subject"}),
    ]


def test_a_file_without_a_header() -> None:
    data = csv_bytes("Ким Ирина;Лицей;Химия", "Ли Анна;Лицей;Химия")
    assert only_error(data) == LineError(1, None, "roster-csv-no-header", {})


def test_a_column_given_twice() -> None:
    data = csv_bytes("ФИО;Школа;Предмет;Организация", "Ким Ирина;Лицей;Химия;Лицей")
    assert only_error(data) == LineError(
        1, "Организация", "roster-csv-duplicate-column", {"column": "Организация"}
    )


def test_the_header_is_the_first_row_that_is_not_blank() -> None:
    data = csv_bytes("", "ФИО;Школа", "Ким Ирина;Лицей")
    assert only_error(data) == LineError(2, None, "roster-csv-no-column", {"column": "subject"})


def roster_of(count: int) -> bytes:
    names = (
        f"Учитель {chr(ord('а') + i // 26 // 26 % 26)}{chr(ord('а') + i // 26 % 26)}"
        f"{chr(ord('а') + i % 26)}"
        for i in range(count)
    )
    return csv_bytes("ФИО;Школа;Предмет", *(f"{name};Лицей;Химия" for name in names))


def test_a_thousand_lines_are_accepted() -> None:
    rows = parse_roster(roster_of(MAX_LINES))
    assert (len(rows), rows[-1].line) == (1000, 1001)


def test_too_many_lines() -> None:
    assert only_error(roster_of(MAX_LINES + 1)) == LineError(
        1, None, "roster-csv-too-large", {"max_lines": 1000, "max_mb": 1}
    )


def test_too_many_bytes() -> None:
    data = csv_bytes("ФИО;Школа;Предмет;Должность", "Ким Ирина;Лицей;Химия;" + "у" * 600_000)
    assert only_error(data).key == "roster-csv-too-large"


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        "ФИО;Школа;Предмет\r\n".encode("utf-16"),
        b"\x98\x98\x98",
        b"\xd4\xc8\xce;\x00;\x00",
    ],
)
def test_a_file_that_is_not_csv_text(data: bytes) -> None:
    assert only_error(data) == LineError(1, None, "roster-csv-encoding", {})


def test_an_unclosed_quote_points_at_its_line() -> None:
    data = csv_bytes("ФИО;Школа;Предмет", "Ким Ирина;Лицей;Химия", 'Ли Анна;"Лицей;Химия')
    assert only_error(data) == LineError(3, None, "roster-csv-quotes", {})


# --- Export and the round trip ---------------------------------------------------------------

CHAIR = RosterExportRow(
    full_name="Салтыков-Щедрин Михаил",
    school='МОУ "СОШ № 3"; корпус 2',
    subject="Русский язык, литература",
    position="учитель",
    role=Role.CHAIR,
    is_methodist=True,
    category=Category.HIGHEST,
    experience_years=30,
    education=Education.HIGHER_PEDAGOGICAL,
    telegram_id=123456789,
)
GUEST = RosterExportRow(
    full_name="Ким Ирина",
    school="Лицей",
    subject="ИЗО",
    position=None,
    role=Role.GUEST,
    is_methodist=False,
    category=None,
    experience_years=None,
    education=None,
    telegram_id=None,
    active=False,
)


def test_export_opens_in_excel_on_russian_windows() -> None:
    data = export_roster([CHAIR, GUEST], locale="ru")
    assert data.startswith(codecs.BOM_UTF8)
    assert data[len(codecs.BOM_UTF8) :].decode("utf-8").split("\r\n") == [
        HEADER_RU,
        'Салтыков-Щедрин Михаил;"МОУ ""СОШ № 3""; корпус 2";Русский язык, литература;учитель;'
        "председатель, методист;высшая;30;высшее педагогическое;123456789;да",
        "Ким Ирина;Лицей;ИЗО;;гость;;;;;нет",
        "",
    ]


def test_export_in_english() -> None:
    lines = export_roster([GUEST], locale="en").decode("utf-8-sig").split("\r\n")
    assert lines == [HEADER_EN, "Ким Ирина;Лицей;ИЗО;;guest;;;;;no", ""]


def test_export_does_not_let_a_cell_run_as_a_formula() -> None:
    row = dataclasses.replace(GUEST, school="=HYPERLINK(1)", position="@x")
    line = export_roster([row], locale="ru").decode("utf-8-sig").split("\r\n")[1]
    assert line == "Ким Ирина;'=HYPERLINK(1);ИЗО;'@x;гость;;;;;нет"


def test_a_neutralised_cell_imports_back_as_the_text_it_was() -> None:
    row = dataclasses.replace(
        GUEST, school='=HYPERLINK("http://x")', position="-учитель информатики"
    )
    data = export_roster([row], locale="ru")
    assert '\'=HYPERLINK(""http://x"")' in data.decode("utf-8-sig")
    (read,) = parse_roster(data)
    assert read.school == '=HYPERLINK("http://x")'
    assert read.position == "-учитель информатики"


def as_export(row: RosterRow) -> RosterExportRow:
    fields = dataclasses.asdict(row)
    del fields["line"]
    return RosterExportRow(**fields)


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_export_reads_back(locale: str) -> None:
    rows = parse_roster(export_roster([CHAIR, GUEST], locale=locale))
    assert [as_export(r) for r in rows] == [CHAIR, GUEST]
    assert [r.line for r in rows] == [2, 3]


def test_export_saved_again_by_excel_in_windows_1251_reads_back() -> None:
    data = export_roster([CHAIR, GUEST], locale="ru").decode("utf-8-sig").encode("cp1251")
    assert [as_export(r) for r in parse_roster(data)] == [CHAIR, GUEST]


LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяabcdefghijklmnopqrstuvwxyzéü"


words = st.text(alphabet=LETTERS, min_size=1, max_size=10)
names = st.lists(
    st.one_of(
        words,
        st.builds(lambda a, b: f"{a}-{b}", words, words),
        st.builds(lambda a, b: f"{a}'{b}", words, words),
    ),
    min_size=2,
    max_size=4,
).map(lambda parts: people.full_name(" ".join(parts)))
free_text = st.text(
    alphabet=LETTERS + LETTERS.upper() + "0123456789 №\"«»,;.-()'", min_size=1, max_size=60
)
# Two letters first: a valid value starts with a letter and is at least two long.
starts = st.text(alphabet=LETTERS, min_size=2, max_size=2)
schools = st.builds(lambda first, rest: people.school(first + rest), starts, free_text)
positions = st.none() | st.builds(
    lambda first, rest: people.position(first + rest), starts, free_text
)
subjects = st.builds(
    lambda first, rest: people.subject(first + rest),
    starts,
    st.text(alphabet=LETTERS + " -,()", max_size=40),
)
export_rows = st.builds(
    RosterExportRow,
    full_name=names.filter(lambda name: len(name) <= 120),
    school=schools,
    subject=subjects,
    position=positions,
    role=st.sampled_from(Role),
    is_methodist=st.booleans(),
    category=st.none() | st.sampled_from(Category),
    experience_years=st.none() | st.integers(0, 70),
    education=st.none() | st.sampled_from(Education),
    telegram_id=st.none() | st.integers(1, 10**13),
    active=st.booleans(),
)


def name_key(row: RosterExportRow) -> str:
    return row.full_name.casefold().replace("ё", "е")


def telegram_key(row: RosterExportRow) -> object:
    return row.telegram_id if row.telegram_id is not None else object()


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(export_rows, max_size=12, unique_by=(name_key, telegram_key)),
    locale=st.sampled_from(["ru", "en"]),
)
def test_any_valid_roster_survives_export_and_import(
    rows: list[RosterExportRow], locale: str
) -> None:
    parsed = parse_roster(export_roster(rows, locale=locale)) if rows else []
    assert [as_export(r) for r in parsed] == rows
    assert [r.line for r in parsed] == list(range(2, len(rows) + 2))


# --- Messages --------------------------------------------------------------------------------

SAMPLE_PARAMS: dict[str, dict[str, str | int]] = {
    "people-error-name-words": {"min": 2, "value": "Иванова"},
    "people-error-name-chars": {"value": "М."},
    "people-error-name-length": {"max": 120, "length": 131},
    "people-error-school": {"min": 2, "max": 200, "length": 1, "value": "Ш"},
    "people-error-subject": {"min": 2, "max": 80, "value": "5"},
    "people-error-position": {"min": 2, "max": 120, "length": 1, "value": "у"},
    "people-error-experience": {"min": 0, "max": 70, "value": "сто"},
    "people-error-category": {"value": "вторая"},
    "people-error-start-year": {"min": 1950, "max": 2027, "value": "1900"},
    "people-error-date": {"value": "31.02.2024"},
    "people-error-date-future": {"value": "01.04.2030"},
    "people-error-date-old": {"min": 1950, "value": "01.01.1900"},
    "people-error-note": {"min": 3, "max": 300, "length": 1, "value": "x"},
    "people-error-education": {"value": "магистр"},
    "people-error-role": {"value": "директор"},
    "people-error-telegram-id": {"value": "@ivanova"},
    "people-error-active": {"value": "может быть"},
    "roster-csv-invalid": {"count": 3},
    "roster-csv-line": {"line": 1234, "column": "ФИО", "problem": "…"},
    "roster-csv-duplicate": {"first_line": 2},
    "roster-csv-duplicate-telegram-id": {"first_line": 2, "value": "777"},
    "roster-csv-duplicate-column": {"column": "Школа"},
    "roster-csv-extra-cells": {"columns": 3},
    "roster-csv-too-large": {"max_lines": 1000, "max_mb": 1},
    "roster-csv-empty": {},
    "roster-csv-no-header": {},
    "roster-csv-no-column": {"column": "school"},
    "roster-csv-unknown-columns": {"columns": "Фамилия, e-mail"},
    "roster-csv-encoding": {},
    "roster-csv-quotes": {},
}


def bundle(locale: str) -> FluentBundle:
    text = (LOCALES / locale / "people.ftl").read_text(encoding="utf-8")
    result = FluentBundle([locale], use_isolating=False)
    result.add_resource(FluentResource(text))
    return result


def render(locale: str, key: str, params: dict[str, str | int]) -> str:
    messages = bundle(locale)
    pattern = messages.get_message(key).value
    assert pattern is not None
    text, errors = messages.format_pattern(pattern, params)
    assert errors == []
    return str(text)


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_every_key_has_a_message_that_uses_only_its_params(locale: str) -> None:
    text = (LOCALES / locale / "people.ftl").read_text(encoding="utf-8")
    assert set(re.findall(r"^([a-z][a-z-]*) =", text, re.M)) == set(SAMPLE_PARAMS)
    for key, params in SAMPLE_PARAMS.items():
        message = render(locale, key, params)
        assert "{" not in message
        assert "<" not in message


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "В файле 1 ошибка"),
        (2, "В файле 2 ошибки"),
        (5, "В файле 5 ошибок"),
        (21, "В файле 21 ошибка"),
    ],
)
def test_russian_error_count_agrees_with_the_number(count: int, text: str) -> None:
    assert render("ru", "roster-csv-invalid", {"count": count}).startswith(text + ".")


@pytest.mark.parametrize(
    ("error", "text"),
    [
        (LineError(1234, "ФИО", "x"), "Строка 1234, «ФИО»: проблема"),
        (LineError(7, None, "x"), "Строка 7: проблема"),
    ],
)
def test_a_line_is_named_with_or_without_its_column(error: LineError, text: str) -> None:
    assert render("ru", "roster-csv-line", {**error.line_params(), "problem": "проблема"}) == text


def test_a_missing_column_is_named_in_the_person_language() -> None:
    params: dict[str, str | int] = {"column": "full_name"}
    assert "«ФИО»" in render("ru", "roster-csv-no-column", params)
    assert "“full_name”" in render("en", "roster-csv-no-column", params)


def test_the_messages_speak_of_what_a_line_error_carries() -> None:
    data = csv_bytes("ФИО;Школа;Предмет", "Ёлкина Алёна;Лицей;Химия", "Елкина Алена;Лицей;Химия")
    error = only_error(data)
    problem = render("ru", error.key, error.params)
    assert render("ru", "roster-csv-line", {**error.line_params(), "problem": problem}) == (
        "Строка 3: Этот человек уже есть в строке 2. Оставьте одну из двух строк."
    )
