"""Migrations build exactly the schema the code describes, once, and leave data alone after."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Table, func, insert, inspect, select
from sqlalchemy.exc import IntegrityError

from storage.db import Database
from storage.migrate import _config, current_revision, head_revision, migrate
from storage.people import get_by_telegram_ids_with_consent
from storage.schema import bodies, invitations, metadata, organisations
from tests.databases import Databases

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
async def empty(databases: Databases) -> AsyncIterator[Database]:
    """A database handle on a database with nothing in it yet (a SQLite file that does not
    exist yet, or an empty PostgreSQL database)."""
    database = await databases.open("empty", migrated=False)
    try:
        yield database
    finally:
        await database.dispose()


def _columns_by_table(sync: Connection) -> dict[str, set[str]]:
    inspector = inspect(sync)
    return {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
        if table != "alembic_version"
    }


async def _organisation_names(db: Database) -> list[str]:
    async with db.read() as conn:
        result = await conn.execute(select(organisations.c.name).order_by(organisations.c.id))
        return list(result.scalars())


async def test_migrate_creates_every_table_and_column_of_the_schema(empty: Database) -> None:
    await migrate(empty)

    async with empty.engine.connect() as conn:
        created = await conn.run_sync(_columns_by_table)
    expected = {
        table.name: {column.name for column in table.c} for table in metadata.sorted_tables
    }
    assert created == expected
    assert await current_revision(empty) == head_revision()


async def test_migrate_again_is_a_no_op_that_keeps_the_data(empty: Database) -> None:
    await migrate(empty)
    async with empty.transaction() as conn:
        await conn.execute(
            insert(organisations).values(
                name="ИМЦ Лужского района", timezone="Europe/Moscow", created_at=NOW
            )
        )

    await migrate(empty)

    assert await current_revision(empty) == head_revision()
    assert await _organisation_names(empty) == ["ИМЦ Лужского района"]


async def test_data_survives_a_migration_run_by_a_new_process(databases: Databases) -> None:
    url = await databases.url("bot", migrated=False)
    first = Database(url)
    try:
        await migrate(first)
        async with first.transaction() as conn:
            await conn.execute(
                insert(organisations).values(name="ИМЦ", timezone="Asia/Omsk", created_at=NOW)
            )
    finally:
        await first.dispose()

    second = Database(url)
    try:
        await migrate(second)
        assert await _organisation_names(second) == ["ИМЦ"]
        assert await current_revision(second) == head_revision()
    finally:
        await second.dispose()


async def test_migrated_database_matches_the_schema_metadata(db: Database) -> None:
    def differences(sync: Connection) -> list[Any]:
        return list(compare_metadata(MigrationContext.configure(sync), metadata))

    async with db.engine.connect() as conn:
        assert await conn.run_sync(differences) == []


async def test_an_empty_database_has_no_revision(empty: Database) -> None:
    assert await current_revision(empty) is None
    await migrate(empty)
    assert await current_revision(empty) == head_revision()


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("pragma", "expected"),
    [
        ("journal_mode", "wal"),
        ("foreign_keys", 1),
        ("busy_timeout", 10000),
    ],
)
async def test_sqlite_connection_settings(db: Database, pragma: str, expected: object) -> None:
    async with db.read() as conn:
        result = await conn.exec_driver_sql(f"PRAGMA {pragma}")
        assert result.scalar() == expected


async def _one_organisation(db: Database) -> int:
    async with db.transaction() as conn:
        result = await conn.execute(
            insert(organisations)
            .values(name="ИМЦ", timezone="Europe/Moscow", created_at=NOW)
            .returning(organisations.c.id)
        )
        return int(result.scalar_one())


async def test_a_body_of_a_missing_organisation_is_refused(db: Database) -> None:
    # SQLite names no foreign key in its message; PostgreSQL names the constraint.
    refused = r"FOREIGN KEY|fk_bodies_organisation_id_organisations"
    with pytest.raises(IntegrityError, match=refused):
        async with db.transaction() as conn:
            await conn.execute(
                insert(bodies).values(
                    organisation_id=999, kind="council", name="Совет", created_at=NOW
                )
            )

    async with db.read() as conn:
        assert await conn.scalar(select(func.count()).select_from(bodies)) == 0


@pytest.mark.parametrize(
    ("table", "values", "constraint"),
    [
        (bodies, {"kind": "club", "name": "Клуб"}, "ck_bodies_kind"),
        (
            invitations,
            {"token": "t" * 16, "max_uses": 1, "uses": 2, "expires_at": NOW},
            "ck_invitations_uses",
        ),
    ],
    ids=["unknown-body-kind", "invitation-used-beyond-its-limit"],
)
async def test_check_constraints_refuse_impossible_rows(
    db: Database, table: Table, values: dict[str, object], constraint: str
) -> None:
    organisation = await _one_organisation(db)
    # Both databases name the constraint in their message.
    with pytest.raises(IntegrityError, match=constraint):
        async with db.transaction() as conn:
            await conn.execute(
                insert(table).values(organisation_id=organisation, created_at=NOW, **values)
            )


async def test_people_from_before_consents_keep_their_data_and_are_asked_again(
    empty: Database,
) -> None:
    """The personal-data migration on a database in use: organisations and people stay as they
    were, no consent is invented for anyone, so each is asked at their next interaction."""
    async with empty.engine.begin() as conn:
        await conn.run_sync(lambda sync: command.upgrade(_config(sync), "0006"))
        await conn.exec_driver_sql(
            "INSERT INTO organisations (name, timezone, created_at) "
            "VALUES ('ИМЦ', 'Europe/Moscow', '2027-03-01 09:00:00')"
        )
        await conn.exec_driver_sql(
            "INSERT INTO persons (organisation_id, telegram_id, full_name, reachable, "
            "created_at, updated_at) VALUES (1, 3003, 'Белов Игорь Николаевич', TRUE, "
            "'2027-03-01 09:00:00', '2027-03-01 09:00:00')"
        )

    await migrate(empty)

    async with empty.read() as conn:
        found = await get_by_telegram_ids_with_consent(conn, [3003])
        organisation = (await conn.execute(select(organisations))).mappings().one()
    person, consented = found[3003]
    assert person.full_name == "Белов Игорь Николаевич"
    assert person.erased_at is None
    assert consented is False
    assert organisation["operator_name"] is None
