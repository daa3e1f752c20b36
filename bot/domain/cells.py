"""Spreadsheet cells that stay text: the one place every CSV and XLSX the bot writes goes through.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula, and Excel treats a
leading tab or carriage return the same way once it trims them (OWASP, "CSV Injection"). Text
that starts so gets an apostrophe in front: spreadsheets show the text as typed, and an
apostrophe at the start is how a person marks a cell as text by hand. This applies to text only:
numbers the bot writes as numbers (an experience of 12 years, a count, a negative number of
hours if one ever came) are never touched, because they are not run as formulas. A phone
number kept as text (`+7 …`) does get the apostrophe: a spreadsheet would otherwise read it as
a formula or a number and lose the plus.

The roster import reads such a cell back with `restore`, so an exported roster imports as it
was written."""

from __future__ import annotations

from typing import Final

FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK: Final = "'"


def neutralise(value: str) -> str:
    """The text as a spreadsheet must receive it: with an apostrophe if it starts like a
    formula."""
    return TEXT_MARK + value if value.startswith(FORMULA_START) else value


def cell(value: object) -> object:
    """A value for a spreadsheet row: text neutralised, anything else (numbers, dates, None)
    as it is."""
    return neutralise(value) if isinstance(value, str) else value


def restore(value: str) -> str:
    """What `neutralise` wrote, read back: one apostrophe before a formula character goes."""
    if value.startswith(TEXT_MARK) and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value
