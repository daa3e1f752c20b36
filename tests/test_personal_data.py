"""The one list of personal columns covers the whole schema: a new table, or a new text, JSON,
file or Telegram-id column, or a new pointer to a person, fails here until someone decides
whether it holds personal data (and so whether /mydata shows it and erasure wipes it)."""

from __future__ import annotations

from collections import Counter

from storage.personal_data import REGISTRY, needs_classifying
from storage.schema import metadata


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
