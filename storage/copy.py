"""Copying every row of one database into another of the same schema (SQLite into PostgreSQL,
`councilbot copy-data`): table by table in foreign-key order, ids kept, the target's sequences
set past them, then the rows counted on both sides."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Integer, Table, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.db import Database
from storage.schema import metadata

BATCH = 500


class CopyError(Exception):
    """The copy cannot be made or did not come out whole; the message says why, in one line."""


def tables() -> list[Table]:
    """Every table of the schema, each after the tables it refers to."""
    return list(metadata.sorted_tables)


async def count_rows(conn: AsyncConnection, table: Table) -> int:
    return int(await conn.scalar(select(func.count()).select_from(table)) or 0)


async def filled_tables(db: Database) -> list[str]:
    """The tables that hold rows already."""
    async with db.read() as conn:
        return [table.name for table in tables() if await count_rows(conn, table)]


async def copy_rows(
    source: Database, target: Database, *, progress: Callable[[str, int], None] | None = None
) -> dict[str, tuple[int, int]]:
    """Copies every table in one transaction of the target and returns, per table, the rows
    counted in the source and in the target afterwards. Raises CopyError if they differ (the
    target's transaction is rolled back then)."""
    counts: dict[str, tuple[int, int]] = {}
    async with source.read() as reading, target.transaction() as writing:
        for table in tables():
            order = list(table.primary_key.columns)
            rows = [
                dict(row)
                for row in (await reading.execute(select(table).order_by(*order))).mappings()
            ]
            for start in range(0, len(rows), BATCH):
                await writing.execute(insert(table), rows[start : start + BATCH])
            copied = len(rows)
            await _sequence_past_ids(writing, table)
            counts[table.name] = (
                await count_rows(reading, table),
                await count_rows(writing, table),
            )
            if progress is not None:
                progress(table.name, copied)
        different = [name for name, (was, now) in counts.items() if was != now]
        if different:
            raise CopyError(f"row counts differ after the copy in: {', '.join(different)}")
    return counts


async def _sequence_past_ids(conn: AsyncConnection, table: Table) -> None:
    """A PostgreSQL table with a serial id: its sequence goes on after the largest id copied,
    so the bot's next row does not collide with a copied one."""
    if conn.dialect.name != "postgresql":
        return
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or not isinstance(keys[0].type, Integer):
        return
    column = keys[0].name
    sequence = await conn.scalar(
        text("SELECT pg_get_serial_sequence(:table, :column)"),
        {"table": table.name, "column": column},
    )
    if sequence is None:
        return
    await conn.execute(
        text(
            f'SELECT setval(:sequence, COALESCE(MAX("{column}"), 1), MAX("{column}") IS NOT NULL) '  # noqa: S608 - names from our own schema
            f'FROM "{table.name}"'
        ),
        {"sequence": sequence},
    )
