"""Roster import and export as people's spreadsheets produce them: Excel on Russian Windows
(cp1251 or UTF-8 with BOM, `;`), LibreOffice and Google Sheets (UTF-8, `,`).

An import is all or nothing: `parse_roster` returns rows only when every line is valid and
otherwise raises `RosterFileError` listing every problem with the row number a spreadsheet
shows (the header is row 1), so the secretary fixes the file once, not line by line."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

from bot.domain import people
from bot.domain.cells import neutralise, restore
from bot.domain.errors import ValidationError
from bot.domain.model import Category, Education, Role
from bot.domain.text import fold

MAX_LINES: Final = 1000
MAX_BYTES: Final = 1024 * 1024
# `LineError.column` is None for a problem of a whole line; Fluent selects on this instead.
NO_COLUMN: Final = "none"

_T = TypeVar("_T")


@dataclass(frozen=True)
class _Column:
    field: str
    ru: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def header(self, locale: str) -> str:
        return self.ru if locale == "ru" else self.en


# Import order; an export writes these headers in this order.
COLUMNS: Final[tuple[_Column, ...]] = (
    _Column("full_name", "ФИО", "full_name", ("ф.и.о.",), required=True),
    _Column("school", "Школа", "school", ("организация",), required=True),
    _Column("subject", "Предмет", "subject", required=True),
    _Column("position", "Должность", "position"),
    _Column("role", "Роль", "role"),
    _Column("category", "Категория", "category"),
    _Column("experience", "Стаж", "experience"),
    _Column("education", "Образование", "education"),
    _Column("telegram_id", "Telegram ID", "telegram_id", ("telegram",)),
    _Column("active", "Активен", "active"),
)


def _header_key(text: str) -> str:
    return fold(text.replace("_", " "))


_BY_HEADER: Final = {
    _header_key(name): column
    for column in COLUMNS
    for name in (column.ru, column.en, *column.aliases)
}


@dataclass(frozen=True)
class RosterExportRow:
    """One person of a roster as its file holds them: what an export writes, and (with the
    line it came from, `RosterRow`) what an import reads."""

    full_name: str
    school: str
    subject: str
    position: str | None
    role: Role
    is_methodist: bool
    category: Category | None
    experience_years: int | None
    education: Education | None
    telegram_id: int | None
    active: bool = True


@dataclass(frozen=True)
class RosterRow(RosterExportRow):
    """One valid person of an imported roster; `line` is the spreadsheet row it came from."""

    line: int = field(kw_only=True)


@dataclass(frozen=True)
class LineError:
    """A problem at a spreadsheet row; `column` is the header as written in the file, or None
    when the problem is the whole line or file. `key`/`params` name the locale message."""

    line: int
    column: str | None
    key: str
    params: dict[str, str | int] = field(default_factory=dict)

    def line_params(self) -> dict[str, str | int]:
        """`line` and `column` for the `roster-csv-line` message (column NO_COLUMN if none)."""
        return {"line": self.line, "column": self.column or NO_COLUMN}


class RosterFileError(ValidationError):
    """The roster file cannot be imported; `errors` lists every problem, in line order."""

    def __init__(self, errors: Sequence[LineError]) -> None:
        super().__init__("roster-csv-invalid", count=len(errors))
        self.errors = sorted(errors, key=lambda error: error.line)


def _file_error(key: str, line: int = 1, **params: str | int) -> RosterFileError:
    return RosterFileError([LineError(line, None, key, dict(params))])


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    # xlsx/ods are zip archives and UTF-16 starts with its BOM; cp1251 would decode both into
    # nonsense instead of saying the file is not a CSV.
    if data.startswith((b"PK\x03\x04", codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _file_error("roster-csv-encoding")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1251")
        except UnicodeDecodeError:
            raise _file_error("roster-csv-encoding") from None
    if "\x00" in text:
        raise _file_error("roster-csv-encoding")
    return text


def _delimiter(text: str) -> str | None:
    """`;` or `,`, whichever the header line has more of outside quotes; None if the file
    holds nothing but blanks and delimiters."""
    for line in text.splitlines():
        if not line.strip(' \t;,"'):
            continue
        counts = {";": 0, ",": 0}
        quoted = False
        for char in line:
            if char == '"':
                quoted = not quoted
            elif char in counts and not quoted:
                counts[char] += 1
        return ";" if counts[";"] > counts[","] else ","
    return None


def _records(text: str) -> list[tuple[int, list[str]]]:
    """The non-blank records with their spreadsheet row numbers: a quoted cell spanning
    several text lines is still one row, and a blank row still takes its number."""
    delimiter = _delimiter(text)
    if delimiter is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    number = 0  # the last row read, for the error below
    try:
        for number, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                records.append((number, cells))
    except csv.Error:
        # An unclosed quote swallows the rest of the file; the row it opened in is the fix.
        raise _file_error("roster-csv-quotes", line=number + 1) from None
    return records


@dataclass(frozen=True)
class _Header:
    positions: dict[str, tuple[int, str]]  # field -> (index, header as written)
    named: frozenset[int]  # indexes of non-blank header cells


def _read_header(line: int, cells: list[str]) -> _Header:
    positions: dict[str, tuple[int, str]] = {}
    unknown: list[str] = []
    errors: list[LineError] = []
    for index, cell in enumerate(cells):
        name = cell.strip()
        if not name:
            continue
        column = _BY_HEADER.get(_header_key(name))
        if column is None:
            unknown.append(name)
        elif column.field in positions:
            errors.append(LineError(line, name, "roster-csv-duplicate-column", {"column": name}))
        else:
            positions[column.field] = (index, name)
    if not positions:
        # Nothing recognised: the first row is data, not a header.
        raise _file_error("roster-csv-no-header", line=line)
    if unknown:
        errors.append(
            LineError(line, None, "roster-csv-unknown-columns", {"columns": ", ".join(unknown)})
        )
    errors.extend(
        LineError(line, None, "roster-csv-no-column", {"column": column.field})
        for column in COLUMNS
        if column.required and column.field not in positions
    )
    if errors:
        raise RosterFileError(errors)
    return _Header(positions, frozenset(index for index, cell in enumerate(cells) if cell.strip()))


class _Line:
    """Validates the cells of one row, collecting every problem instead of stopping."""

    def __init__(self, number: int, cells: list[str], header: _Header) -> None:
        self.number = number
        self.cells = cells
        self.header = header
        self.errors: list[LineError] = []

    def raw(self, name: str) -> str:
        """The cell as typed; an apostrophe the export put before a formula character goes."""
        index = self.header.positions[name][0] if name in self.header.positions else None
        return restore(self.cells[index]) if index is not None and index < len(self.cells) else ""

    def column(self, name: str) -> str | None:
        return self.header.positions[name][1] if name in self.header.positions else None

    def get(self, name: str, parse: Callable[[str], _T], *, optional: bool = False) -> _T | None:
        raw = self.raw(name)
        if optional and not raw.strip():
            return None
        try:
            return parse(raw)
        except ValidationError as error:
            self.errors.append(
                LineError(self.number, self.column(name), error.key, dict(error.params))
            )
            return None

    def in_file_order(self) -> list[LineError]:
        """The errors left to right as the row reads, whole-line problems last."""
        order = {name: index for index, name in self.header.positions.values()}
        return sorted(self.errors, key=lambda e: order.get(e.column or "", len(self.cells)))


def _person_key(full_name: str, school: str) -> tuple[str, str]:
    def key(text: str) -> str:
        return fold(text.replace("№ ", "№"))

    return key(full_name), key(school)


def parse_roster(data: bytes) -> list[RosterRow]:
    """The people of a roster file, or `RosterFileError` listing every problem in it."""
    if len(data) > MAX_BYTES:
        raise _file_error("roster-csv-too-large", max_lines=MAX_LINES, max_mb=MAX_BYTES >> 20)
    records = _records(_decode(data))
    if not records:
        raise _file_error("roster-csv-empty")
    (header_line, header_cells), *lines = records
    if len(lines) > MAX_LINES:
        raise _file_error("roster-csv-too-large", max_lines=MAX_LINES, max_mb=MAX_BYTES >> 20)
    header = _read_header(header_line, header_cells)

    rows: list[RosterRow] = []
    errors: list[LineError] = []
    people_seen: dict[tuple[str, str], int] = {}
    telegram_seen: dict[int, int] = {}
    for number, cells in lines:
        if any(cell.strip() and i not in header.named for i, cell in enumerate(cells)):
            # Cells beyond the header mostly come from a delimiter typed inside an unquoted
            # value; every cell after it is shifted, so their own errors would only mislead.
            errors.append(
                LineError(number, None, "roster-csv-extra-cells", {"columns": len(header.named)})
            )
            continue
        line = _Line(number, cells, header)
        full_name = line.get("full_name", people.full_name)
        school = line.get("school", people.school)
        subject = line.get("subject", people.subject)
        position = line.get("position", people.position, optional=True)
        role = line.get("role", people.role)
        category = line.get("category", people.category, optional=True)
        experience = line.get("experience", people.experience_years, optional=True)
        education = line.get("education", people.education, optional=True)
        telegram_id = line.get("telegram_id", people.telegram_id)
        active = line.get("active", people.active)

        if full_name is not None and school is not None:
            first = people_seen.setdefault(_person_key(full_name, school), number)
            if first != number:
                line.errors.append(
                    LineError(number, None, "roster-csv-duplicate", {"first_line": first})
                )
        if telegram_id is not None:
            first = telegram_seen.setdefault(telegram_id, number)
            if first != number:
                line.errors.append(
                    LineError(
                        number,
                        line.column("telegram_id"),
                        "roster-csv-duplicate-telegram-id",
                        {"first_line": first, "value": str(telegram_id)},
                    )
                )
        errors.extend(line.in_file_order())
        if (
            line.errors
            or full_name is None
            or school is None
            or subject is None
            or role is None
            or active is None
        ):
            continue
        rows.append(
            RosterRow(
                line=number,
                full_name=full_name,
                school=school,
                subject=subject,
                position=position,
                role=role[0],
                is_methodist=role[1],
                category=category,
                experience_years=experience,
                education=education,
                telegram_id=telegram_id,
                active=active,
            )
        )
    if errors:
        raise RosterFileError(errors)
    return rows


def _cell(value: str | None) -> str:
    """Text a spreadsheet shows as text (bot/domain/cells.py); the import restores it."""
    if value is None:
        return ""
    return neutralise(value)


def export_roster(rows: Sequence[RosterExportRow], *, locale: str) -> bytes:
    """The roster as a CSV that Excel on Russian Windows opens as is (UTF-8 with BOM, `;`,
    CRLF), headed in Russian for locale "ru" and in English otherwise; it imports back."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(column.header(locale) for column in COLUMNS)
    for row in rows:
        writer.writerow(
            [
                _cell(row.full_name),
                _cell(row.school),
                _cell(row.subject),
                _cell(row.position),
                people.role_word(row.role, row.is_methodist, locale=locale),
                "" if row.category is None else people.category_word(row.category, locale=locale),
                "" if row.experience_years is None else str(row.experience_years),
                ""
                if row.education is None
                else people.education_word(row.education, locale=locale),
                "" if row.telegram_id is None else str(row.telegram_id),
                people.active_word(row.active, locale=locale),
            ]
        )
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")
