"""A person's own data as files: JSON for programs, a CSV for Excel (one line per field).

The sections come from storage/personal_data.py; every text cell of the CSV is neutralised
(bot/domain/cells.py)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence

from bot.domain.cells import neutralise


def export_json(sections: Mapping[str, Sequence[Mapping[str, object]]]) -> bytes:
    return json.dumps(sections, ensure_ascii=False, indent=2, default=str).encode("utf-8")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return neutralise(json.dumps(value, ensure_ascii=False))
    if isinstance(value, int | float):
        return str(value)
    return neutralise(str(value))


def export_csv(
    sections: Mapping[str, Sequence[Mapping[str, object]]],
    titles: Mapping[str, str],
    headers: Sequence[str],
) -> bytes:
    """Section; record number; field; value — readable in Excel on Russian Windows (UTF-8 with
    BOM, `;`, CRLF). `titles` names each section in the reader's language."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutralise(header) for header in headers])
    for name, rows in sections.items():
        title = neutralise(titles.get(name, name))
        for number, row in enumerate(rows, start=1):
            for field, value in row.items():
                writer.writerow([title, str(number), neutralise(field), _text(value)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
