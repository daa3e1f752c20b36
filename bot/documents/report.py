"""The coordinator's report on consultations for a period, as CSV and as XLSX.

Every word arrives in the reader's language: statuses and directions already translated in
the rows, column titles in `headers`, labels in `summary_titles`. Here only the layout lives.

Both files are opened in Excel on Russian Windows: the CSV is UTF-8 with a BOM (without it
Excel reads cp1251), `;`-separated (the comma is the decimal separator there) with CRLF line
ends. Text that starts like a formula is never run as one: in both files it gets an apostrophe in
front (bot/domain/cells.py, OWASP's advice for CSV injection), and in the XLSX it is moreover
stored as a string cell, so a sheet saved again as CSV stays harmless too.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean
from typing import Final, Protocol
from zoneinfo import ZoneInfo

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from bot.domain.cells import neutralise
from bot.domain.consultations import RATING_MAX, RATING_MIN, Summary
from bot.domain.text import fold

COLUMNS: Final = (
    "id",
    "created",
    "status",
    "direction",
    "subject",
    "school",
    "teacher",
    "methodist",
    "taken_hours",
    "held_hours",
    "rating",
)
# The labels `report_xlsx` needs; "unassigned" and "rating_distribution" are optional extras.
SUMMARY_KEYS: Final = (
    "rows_sheet",
    "summary_sheet",
    "total",
    "by_status",
    "by_direction",
    "by_subject",
    "by_school",
    "by_methodist",
    "average_take",
    "average_hold",
    "average_rating",
    "ratings_count",
)

DATE_FORMAT = "%d.%m.%Y %H:%M"
EXCEL_DATE_FORMAT = "DD.MM.YYYY HH:MM"
EXCEL_HOURS_FORMAT = "0.0"
# XML 1.0 (and so XLSX) cannot hold these control characters; openpyxl refuses them.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Excel's limits on a sheet's name.
_SHEET_TITLE_MAX = 31
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")
_TENTH = Decimal("0.1")
_WIDTH_MIN = 6
_WIDTH_MAX = 60


@dataclass(frozen=True)
class ReportRow:
    """One consultation as the report shows it; `status` and `direction` already in words."""

    id: int
    created_at: datetime
    status: str
    direction: str
    subject: str
    school: str
    teacher: str
    methodist: str | None
    taken_after_hours: float | None  # from the request until a methodist took it
    held_after_hours: float | None  # from the request until it was held
    rating: int | None


def _name_key(item: tuple[str, int]) -> tuple[int, str, str]:
    name, count = item
    # ё sorts as е, as in a Russian dictionary, instead of after я.
    return -count, fold(name), name


def _ranked(names: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(names).items(), key=_name_key))


def _average(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return fmean(present) if present else None


def summarize(rows: Sequence[ReportRow]) -> Summary:
    """Counts and averages over the consultations of a period."""
    ratings = [row.rating for row in rows if row.rating is not None]
    marks = Counter(ratings)
    return Summary(
        total=len(rows),
        by_status=_ranked(row.status for row in rows),
        by_direction=_ranked(row.direction for row in rows),
        by_subject=_ranked(row.subject for row in rows),
        by_school=_ranked(row.school for row in rows),
        by_methodist=_ranked(row.methodist for row in rows if row.methodist is not None),
        unassigned=sum(1 for row in rows if row.methodist is None),
        average_take_hours=_average(row.taken_after_hours for row in rows),
        average_hold_hours=_average(row.held_after_hours for row in rows),
        average_rating=fmean(ratings) if ratings else None,
        ratings_count=len(ratings),
        rating_distribution={mark: marks[mark] for mark in range(RATING_MIN, RATING_MAX + 1)},
    )


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    """The wall-clock time in the organisation's zone, without tzinfo (Excel has none)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"created_at must be an aware datetime, got a naive one: {moment!r}")
    return moment.astimezone(zone).replace(tzinfo=None, microsecond=0)


def _hours_text(value: float | None) -> str:
    """One decimal, rounded half up as Excel shows `0.0` (Python's format would round 74.25 to
    74.2), with the comma of Russian Excel."""
    if value is None:
        return ""
    rounded = Decimal(repr(value)).quantize(_TENTH, rounding=ROUND_HALF_UP)
    return str(rounded).replace(".", ",")


def _csv_text(value: str | None) -> str:
    if value is None:
        return ""
    return neutralise(value)


def _csv_line(row: ReportRow, zone: ZoneInfo) -> list[str]:
    return [
        str(row.id),
        _local(row.created_at, zone).strftime(DATE_FORMAT),
        _csv_text(row.status),
        _csv_text(row.direction),
        _csv_text(row.subject),
        _csv_text(row.school),
        _csv_text(row.teacher),
        _csv_text(row.methodist),
        _hours_text(row.taken_after_hours),
        _hours_text(row.held_after_hours),
        "" if row.rating is None else str(row.rating),
    ]


def _require(titles: Mapping[str, str], keys: Iterable[str], name: str) -> None:
    missing = [key for key in keys if key not in titles]
    if missing:
        raise ValueError(f"{name} lacks {missing}")


def report_csv(rows: Sequence[ReportRow], headers: Mapping[str, str], timezone: str) -> bytes:
    """The rows as a CSV for Excel on Russian Windows; dates in `timezone`, comma decimals."""
    _require(headers, COLUMNS, "headers")
    zone = ZoneInfo(timezone)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([headers[column] for column in COLUMNS])
    writer.writerows(_csv_line(row, zone) for row in rows)
    return out.getvalue().encode("utf-8-sig")


# Everything below touches openpyxl, which has no type information: the part of it used here is
# written down as protocols, so that mypy checks this module's side at least.


class _Cell(Protocol):
    value: object
    data_type: str
    number_format: str
    font: object


class _Column(Protocol):
    width: float


class _Filter(Protocol):
    ref: str | None


class _Sheet(Protocol):
    freeze_panes: str | None
    auto_filter: _Filter

    @property
    def dimensions(self) -> str: ...

    @property
    def column_dimensions(self) -> Mapping[str, _Column]: ...

    def cell(self, row: int, column: int) -> _Cell: ...


_Value = str | int | float | datetime | None


def _xlsx_values(row: ReportRow, zone: ZoneInfo) -> tuple[_Value, ...]:
    return (
        row.id,
        _local(row.created_at, zone),
        row.status,
        row.direction,
        row.subject,
        row.school,
        row.teacher,
        row.methodist,
        row.taken_after_hours,
        row.held_after_hours,
        row.rating,
    )


def _put(sheet: _Sheet, row: int, column: int, value: _Value, number_format: str = "") -> None:
    """One cell; text is always a string cell, so `=…` typed by a person is never a formula."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = neutralise(_ILLEGAL.sub("", value))
        cell.data_type = "s"
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format


def _shown_width(value: _Value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(value.strftime(DATE_FORMAT))
    if isinstance(value, float):
        return len(f"{value:.1f}")
    return max(len(line) for line in str(value).splitlines() or [""])


def _fit_columns(sheet: _Sheet, widths: Mapping[int, int]) -> None:
    for column, width in widths.items():
        letter = get_column_letter(column)
        fitted = min(max(width + 2, _WIDTH_MIN), _WIDTH_MAX)
        sheet.column_dimensions[letter].width = fitted


def _sheet_title(text: str) -> str:
    words = _SHEET_TITLE_FORBIDDEN.sub(" ", _ILLEGAL.sub("", text)).split()
    return " ".join(words)[:_SHEET_TITLE_MAX].rstrip()


def _rows_sheet(
    sheet: _Sheet, rows: Sequence[ReportRow], headers: Mapping[str, str], zone: ZoneInfo
) -> None:
    bold = Font(bold=True)
    widths: dict[int, int] = {}
    for column, key in enumerate(COLUMNS, start=1):
        _put(sheet, 1, column, headers[key])
        sheet.cell(row=1, column=column).font = bold
        widths[column] = len(headers[key])
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(_xlsx_values(row, zone), start=1):
            key = COLUMNS[column - 1]
            number_format = ""
            if key == "created":
                number_format = EXCEL_DATE_FORMAT
            elif key in {"taken_hours", "held_hours"}:
                number_format = EXCEL_HOURS_FORMAT
            _put(sheet, number, column, value, number_format)
            widths[column] = max(widths[column], _shown_width(value))
    _fit_columns(sheet, widths)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


# (label, value, bold, number format): one line of the summary sheet.
_Line = tuple[str | int | None, _Value, bool, str]
_GAP: _Line = (None, None, False, "")


def _summary_lines(summary: Summary, titles: Mapping[str, str]) -> list[_Line]:
    """The summary sheet top to bottom: the total, each breakdown, the averages."""
    lines: list[_Line] = [(titles["total"], summary.total, True, "")]
    sections = (
        ("by_status", summary.by_status),
        ("by_direction", summary.by_direction),
        ("by_subject", summary.by_subject),
        ("by_school", summary.by_school),
        ("by_methodist", summary.by_methodist),
    )
    for key, counts in sections:
        lines.append(_GAP)
        lines.append((titles[key], None, True, ""))
        lines.extend((name, count, False, "") for name, count in counts.items())
        if key == "by_methodist" and summary.unassigned and "unassigned" in titles:
            lines.append((titles["unassigned"], summary.unassigned, False, ""))
    lines.append(_GAP)
    lines.append((titles["average_take"], summary.average_take_hours, True, EXCEL_HOURS_FORMAT))
    lines.append((titles["average_hold"], summary.average_hold_hours, True, EXCEL_HOURS_FORMAT))
    lines.append((titles["average_rating"], summary.average_rating, True, "0.00"))
    lines.append((titles["ratings_count"], summary.ratings_count, True, ""))
    if "rating_distribution" in titles:
        lines.append(_GAP)
        lines.append((titles["rating_distribution"], None, True, ""))
        lines.extend(
            (mark, count, False, "") for mark, count in summary.rating_distribution.items()
        )
    return lines


def _summary_sheet(sheet: _Sheet, summary: Summary, titles: Mapping[str, str], title: str) -> None:
    bold = Font(bold=True)
    big = Font(bold=True, size=14)
    _put(sheet, 1, 1, title)
    sheet.cell(row=1, column=1).font = big
    width = 0
    for number, (label, value, strong, number_format) in enumerate(
        _summary_lines(summary, titles), start=3
    ):
        _put(sheet, number, 1, label)
        _put(sheet, number, 2, value, number_format)
        if strong:
            sheet.cell(row=number, column=1).font = bold
        width = max(width, _shown_width(label))
    _fit_columns(sheet, {1: width, 2: 10})


def report_xlsx(
    rows: Sequence[ReportRow],
    headers: Mapping[str, str],
    timezone: str,
    *,
    summary_titles: Mapping[str, str],
    title: str,
) -> bytes:
    """An Excel workbook: the rows on the first sheet, the summary on the second.

    Dates are real Excel dates in `timezone` (Excel has no zones), hours are numbers shown with
    one decimal; the header row is bold, frozen and filtered. `summary_titles` names both sheets
    and every line of the summary (see SUMMARY_KEYS).
    """
    _require(headers, COLUMNS, "headers")
    _require(summary_titles, SUMMARY_KEYS, "summary_titles")
    zone = ZoneInfo(timezone)
    book = Workbook()
    book.properties.title = _ILLEGAL.sub("", title)
    first = book.active
    first.title = _sheet_title(summary_titles["rows_sheet"])
    _rows_sheet(first, rows, headers, zone)
    second = book.create_sheet(_sheet_title(summary_titles["summary_sheet"]))
    _summary_sheet(second, summarize(rows), summary_titles, title)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
