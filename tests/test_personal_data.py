"""The one list of personal columns covers the whole schema: a new table, or a new text, JSON,
file or Telegram-id column, or a new pointer to a person, fails here until someone decides
whether it holds personal data (and so whether /mydata shows it and erasure wipes it)."""

from __future__ import annotations

from collections import Counter

from storage import operations
from storage.db import Database
from storage.personal_data import REGISTRY, collect, erase, needs_classifying
from storage.schema import metadata
from tests.factories import NOW, person


def test_every_table_is_in_the_registry_and_nothing_else() -> None:
    assert set(REGISTRY) == set(metadata.tables)


def test_every_column_that_can_hold_something_about_a_person_is_classified() -> None:
    unclassified = [
        f"{table.name}.{column.name}"
        for table in metadata.sorted_tables
        for column in table.c
        if needs_classifying(column) and column.name not in REGISTRY[table.name].classified()
    ]
    assert unclassified == []


def test_each_column_is_classified_once_and_exists() -> None:
    problems = []
    for name, rule in REGISTRY.items():
        columns = set(metadata.tables[name].c.keys())
        named = rule.classified()
        problems += [f"{name}.{c} twice" for c, n in Counter(named).items() if n > 1]
        problems += [f"{name}.{c} is no column" for c in named if c not in columns]
    assert problems == []


def test_owners_point_at_people() -> None:
    persons = metadata.tables["persons"]
    for name, rule in REGISTRY.items():
        for owner in rule.owners:
            column = metadata.tables[name].c[owner]
            if name == "persons":
                continue
            assert any(fk.column.table is persons for fk in column.foreign_keys), (name, owner)


async def test_an_appointed_coordinator_is_shown_their_appointment_and_erasure_removes_it(
    db: Database,
) -> None:
    who = await person(db, "Кузнецова Мария Ивановна", telegram_id=5005)
    async with db.transaction() as conn:
        await operations.appoint(conn, 5005, now=NOW)
        shown = await collect(conn, who.id)
        await erase(conn, who.id, label="Удалённый участник № 1", now=NOW)
        left = await operations.appointed_among(conn, [5005])
    assert [row["telegram_id"] for row in shown["appointed_coordinators"]] == [5005]
    assert left == set()
