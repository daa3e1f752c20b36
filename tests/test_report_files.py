"""The coordinator's report on consultations: the numbers, and the CSV and XLSX files as Excel on
a Russian Windows opens them."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime
from typing import Final

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from bot.documents.report import (
    COLUMNS,
    ReportRow,
    report_csv,
    report_xlsx,
    summarize,
)
from bot.domain.consultations import Summary

TOMSK = "Asia/Tomsk"
BOM = b"\xef\xbb\xbf"

HEADERS: Final = {
    "id": "№",
    "created": "Дата запроса",
    "status": "Статус",
    "direction": "Направление",
    "subject": "Предмет",
    "school": "Школа",
    "teacher": "Педагог",
    "methodist": "Методист",
    "taken_hours": "Взят в работу, ч",
    "held_hours": "Проведена, ч",
    "rating": "Оценка",
}
TITLES: Final = {
    "rows_sheet": "Консультации",
    "summary_sheet": "Итоги",
    "total": "Всего запросов",
    "by_status": "По статусам",
    "by_direction": "По направлениям",
    "by_subject": "По предметам",
    "by_school": "По школам",
    "by_methodist": "По методистам",
    "unassigned": "Без методиста",
    "average_take": "Среднее время до взятия в работу, ч",
    "average_hold": "Среднее время до проведения, ч",
    "average_rating": "Средняя оценка",
    "ratings_count": "Оценок",
    "rating_distribution": "Оценки по баллам",
}
TITLE = "Консультации за март 2027 года"


def row(
    number: int,
    *,
    created_at: datetime = datetime(2027, 3, 1, 3, 0, tzinfo=UTC),
    status: str = "проведена",
    direction: str = "профессиональные дефициты",
    subject: str = "Математика",
    school: str = "МОУ СОШ № 3",
    teacher: str = "Иванова Мария Петровна",
    methodist: str | None = "Петрова Анна Сергеевна",
    taken: float | None = None,
    held: float | None = None,
    rating: int | None = None,
) -> ReportRow:
    return ReportRow(
        id=number,
        created_at=created_at,
        status=status,
        direction=direction,
        subject=subject,
        school=school,
        teacher=teacher,
        methodist=methodist,
        taken_after_hours=taken,
        held_after_hours=held,
        rating=rating,
    )


# 1 March 2027, 23:30 in Tomsk (UTC+7) is still 1 March in UTC, 16:30; the third request, at
# 02:15 on 2 March in Tomsk, is 1 March 19:15 in UTC.
ROWS: Final = [
    row(
        1,
        created_at=datetime(2027, 3, 1, 16, 30, tzinfo=UTC),
        taken=26.5,
        held=74.25,
        rating=5,
    ),
    row(
        2,
        school="МОУ «Лицей № 1»",
        subject="Физика",
        taken=3.0,
        held=50.0,
        rating=4,
    ),
    row(
        3,
        created_at=datetime(2027, 3, 1, 19, 15, tzinfo=UTC),
        status="назначена",
        direction="молодые педагоги",
        subject="Физика",
        methodist="Ёлкина Ольга Ивановна",
        taken=1.0,
    ),
    row(4, status="новая", direction="молодые педагоги", methodist=None),
    row(5, school="МОУ «Лицей № 1»", rating=5, held=10.0, taken=None),
]


# summarize


def test_summary_counts_and_averages() -> None:
    summary = summarize(ROWS)
    averages = (summary.average_take_hours, summary.average_hold_hours, summary.average_rating)
    assert averages == pytest.approx(((26.5 + 3.0 + 1.0) / 3, (74.25 + 50.0 + 10.0) / 3, 14 / 3))
    exact = replace(summary, average_take_hours=None, average_hold_hours=None, average_rating=None)
    assert exact == Summary(
        total=5,
        by_status={"проведена": 3, "назначена": 1, "новая": 1},
        by_direction={"профессиональные дефициты": 3, "молодые педагоги": 2},
        by_subject={"Математика": 3, "Физика": 2},
        by_school={"МОУ СОШ № 3": 3, "МОУ «Лицей № 1»": 2},
        by_methodist={"Петрова Анна Сергеевна": 3, "Ёлкина Ольга Ивановна": 1},
        unassigned=1,
        average_take_hours=None,
        average_hold_hours=None,
        average_rating=None,
        ratings_count=3,
        rating_distribution={1: 0, 2: 0, 3: 0, 4: 1, 5: 2},
    )


def test_ties_are_in_alphabetical_order_with_yo_as_ye() -> None:
    names = ["Яковлева", "Ёлкина", "Абрамова", "Ежова", "Ёлкина", "Яковлева"]
    summary = summarize([row(n, methodist=name) for n, name in enumerate(names)])
    assert list(summary.by_methodist.items()) == [
        ("Ёлкина", 2),
        ("Яковлева", 2),
        ("Абрамова", 1),
        ("Ежова", 1),
    ]


def test_an_empty_period() -> None:
    summary = summarize([])
    assert summary.total == 0
    assert summary.by_status == {}
    assert summary.average_take_hours is None
    assert summary.average_hold_hours is None
    assert summary.average_rating is None
    assert summary.ratings_count == 0
    assert summary.rating_distribution == {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}


# CSV


def test_csv_opens_in_russian_excel() -> None:
    data = report_csv(ROWS, HEADERS, TOMSK)
    assert data.startswith(BOM)
    text = data[len(BOM) :].decode("utf-8")
    lines = text.split("\r\n")
    assert lines[-1] == ""  # every line ends with CRLF, the last one too
    assert "\n" not in "".join(lines)
    assert lines[0] == ";".join(HEADERS[column] for column in COLUMNS)
    assert lines[1] == (
        "1;01.03.2027 23:30;проведена;профессиональные дефициты;Математика;МОУ СОШ № 3;"
        "Иванова Мария Петровна;Петрова Анна Сергеевна;26,5;74,3;5"
    )
    assert lines[4] == (
        "4;01.03.2027 10:00;новая;молодые педагоги;Математика;МОУ СОШ № 3;"
        "Иванова Мария Петровна;;;;"
    )


def test_csv_reads_back() -> None:
    data = report_csv(ROWS, HEADERS, TOMSK)
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert read[0] == list(HEADERS.values())
    assert len(read) == 1 + len(ROWS)
    third = dict(zip(COLUMNS, read[3], strict=True))
    assert third["created"] == "02.03.2027 02:15"  # the next day in Tomsk
    assert third["status"] == "назначена"
    assert third["methodist"] == "Ёлкина Ольга Ивановна"
    assert third["taken_hours"] == "1,0"
    assert third["held_hours"] == ""
    assert third["rating"] == ""


def test_csv_quotes_separators_and_defuses_formulas() -> None:
    tricky = row(
        7,
        school='МБОУ "Школа; № 5"',
        teacher='=HYPERLINK("http://example.com")',
        subject="Русский язык\nи литература",
    )
    data = report_csv([tricky], HEADERS, TOMSK)
    read = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    values = dict(zip(COLUMNS, read[1], strict=True))
    assert values["school"] == 'МБОУ "Школа; № 5"'
    assert values["subject"] == "Русский язык\nи литература"
    assert values["teacher"] == '\'=HYPERLINK("http://example.com")'


def test_csv_needs_every_column_title() -> None:
    partial = {key: title for key, title in HEADERS.items() if key != "rating"}
    with pytest.raises(ValueError, match="rating"):
        report_csv(ROWS, partial, TOMSK)


def test_naive_dates_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        report_csv([row(1, created_at=datetime(2027, 3, 1, 9, 0))], HEADERS, TOMSK)  # noqa: DTZ001


# XLSX


def xlsx(rows: list[ReportRow]) -> bytes:
    return report_xlsx(rows, HEADERS, TOMSK, summary_titles=TITLES, title=TITLE)


def test_xlsx_rows_sheet() -> None:
    book = load_workbook(io.BytesIO(xlsx(ROWS)))
    assert book.sheetnames == ["Консультации", "Итоги"]
    sheet = book["Консультации"]
    assert [cell.value for cell in sheet[1]] == list(HEADERS.values())
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:K6"
    assert sheet.max_row == 1 + len(ROWS)

    created = sheet["B2"]
    assert created.is_date
    assert created.value == datetime(2027, 3, 1, 23, 30)  # noqa: DTZ001  Excel has no zones
    assert created.number_format == "DD.MM.YYYY HH:MM"
    assert sheet["B4"].value == datetime(2027, 3, 2, 2, 15)  # noqa: DTZ001

    taken, held = sheet["I2"], sheet["J2"]
    assert taken.value == 26.5
    assert held.value == 74.25
    assert taken.data_type == "n"
    assert taken.number_format == "0.0"
    assert sheet["K2"].value == 5
    assert sheet["H5"].value is None  # not assigned yet

    for letter in "ABCDEFGHIJK":
        assert sheet.column_dimensions[letter].width >= 6
    assert sheet.column_dimensions["D"].width >= len("профессиональные дефициты")


def test_xlsx_summary_sheet() -> None:
    book = load_workbook(io.BytesIO(xlsx(ROWS)))
    sheet = book["Итоги"]
    assert sheet["A1"].value == TITLE
    lines = {
        row[0]: row[1]
        for row in sheet.iter_rows(min_row=2, max_col=2, values_only=True)
        if row[0] is not None
    }
    assert lines["Всего запросов"] == 5
    assert lines["проведена"] == 3
    assert lines["молодые педагоги"] == 2
    assert lines["Физика"] == 2
    assert lines["МОУ «Лицей № 1»"] == 2
    assert lines["Ёлкина Ольга Ивановна"] == 1
    assert lines["Без методиста"] == 1
    assert lines["Среднее время до взятия в работу, ч"] == pytest.approx(10.1666, abs=1e-3)
    assert lines["Среднее время до проведения, ч"] == pytest.approx(44.75)
    assert lines["Средняя оценка"] == pytest.approx(14 / 3)
    assert lines["Оценок"] == 3
    assert lines[5] == 2
    assert lines[1] == 0
    headings = [row[0].value for row in sheet.iter_rows(min_row=2, max_col=1) if row[0].font.bold]
    assert headings[:6] == [
        "Всего запросов",
        "По статусам",
        "По направлениям",
        "По предметам",
        "По школам",
        "По методистам",
    ]


def test_xlsx_keeps_text_as_text() -> None:
    tricky = row(1, teacher="=1+1", school="Школа\x07 № 2")
    data = xlsx([tricky])
    sheet = load_workbook(io.BytesIO(data))["Консультации"]
    assert sheet["G2"].value == "'=1+1"
    assert sheet["G2"].data_type == "s"
    assert sheet["F2"].value == "Школа № 2"


def test_xlsx_of_an_empty_period_and_without_optional_lines() -> None:
    required = {k: v for k, v in TITLES.items() if k not in {"unassigned", "rating_distribution"}}
    data = report_xlsx([], HEADERS, TOMSK, summary_titles=required, title=TITLE)
    book = load_workbook(io.BytesIO(data))
    assert book["Консультации"].max_row == 1
    lines = {
        row[0]: row[1]
        for row in book["Итоги"].iter_rows(min_row=2, max_col=2, values_only=True)
        if row[0] is not None
    }
    assert lines["Всего запросов"] == 0
    assert lines["Средняя оценка"] is None
    assert "Без методиста" not in lines


def test_xlsx_sheet_names_are_made_legal() -> None:
    titles = {
        **TITLES,
        "rows_sheet": "Консультации: март/апрель 2027 года",
        "summary_sheet": "Итоги",
    }
    data = report_xlsx(ROWS, HEADERS, TOMSK, summary_titles=titles, title=TITLE)
    names = load_workbook(io.BytesIO(data)).sheetnames
    assert names[0] == "Консультации март апрель 2027 г"
    assert len(names[0]) <= 31


def test_xlsx_needs_every_summary_title() -> None:
    partial = {k: v for k, v in TITLES.items() if k != "average_hold"}
    with pytest.raises(ValueError, match="average_hold"):
        report_xlsx(ROWS, HEADERS, TOMSK, summary_titles=partial, title=TITLE)
