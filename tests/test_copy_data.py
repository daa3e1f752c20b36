"""`councilbot copy-data --to postgresql+asyncpg://...`: a SQLite database filled by the flow
tests' own conversations moves into an empty PostgreSQL database whole, row for row, and the
bot goes on there; a database that is not empty is refused. Needs both databases at once, so
it runs in the PostgreSQL pass (`--db=postgresql`)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from storage import organisations
from storage.copy import tables
from storage.db import Database
from storage.migrate import migrate
from tests import test_flow_consultations, test_flow_minutes, test_flow_privacy
from tests.databases import Databases
from tests.harness import BotUnderTest, close_bot, open_bot
from tests.processes import assert_one_line_without_traceback, run_cli

pytestmark = pytest.mark.postgresql_only

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
TOKEN = "987654321:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab"
Flow = Callable[[BotUnderTest], Awaitable[None]]
FLOWS: dict[str, Flow] = {
    # meetings, an agenda, ballots, votes in the room and by ballot, a signed протокол
    "minutes": test_flow_minutes.test_a_hybrid_meeting_ends_in_a_signed_protocol_everyone_has,
    # a consultation from request to rating, offers, escalations
    "consultations": test_flow_consultations.test_the_whole_life_of_a_consultation,
    # consents to two versions of the text
    "consents": test_flow_privacy.test_a_changed_text_is_asked_again_and_the_old_consent_stays,
}


@pytest.fixture
async def data_dir(tmp_path: Path, databases: Databases) -> AsyncIterator[Path]:
    """DATA_DIR with a migrated SQLite database in it, whatever --db says."""
    folder = tmp_path / "data"
    folder.mkdir()
    source = Database(f"sqlite+aiosqlite:///{folder / 'councilbot.sqlite3'}")
    try:
        await migrate(source)
    finally:
        await source.dispose()
    yield folder


async def _fill(data: Path, flow: Flow) -> None:
    app = await open_bot(f"sqlite+aiosqlite:///{data / 'councilbot.sqlite3'}")
    try:
        await flow(app)
    finally:
        await close_bot(app)


async def _every_row(url: str) -> dict[str, list[dict[str, Any]]]:
    db = Database(url)
    try:
        async with db.read() as conn:
            return {
                table.name: [
                    dict(row)
                    for row in (
                        await conn.execute(select(table).order_by(*table.primary_key.columns))
                    ).mappings()
                ]
                for table in tables()
            }
    finally:
        await db.dispose()


@pytest.mark.parametrize("flow", FLOWS.values(), ids=FLOWS.keys())
async def test_copy_data_moves_every_row_and_the_bot_goes_on_there(
    data_dir: Path, databases: Databases, flow: Flow
) -> None:
    await _fill(data_dir, flow)
    target = await databases.url("target", migrated=False)  # empty: copy-data migrates it

    run = await run_cli(
        data_dir.parent, "copy-data", "--to", target, BOT_TOKEN=TOKEN, DATA_DIR=str(data_dir)
    )

    assert run.code == 0, run.stderr
    assert "councilbot.sqlite3 into" in run.stdout
    assert "meetings:" in run.stdout
    source_rows = await _every_row(f"sqlite+aiosqlite:///{data_dir / 'councilbot.sqlite3'}")
    target_rows = await _every_row(target)
    assert sum(map(len, source_rows.values())) > 10
    for name, rows in source_rows.items():
        assert target_rows[name] == rows, name
    # The sequences go on after the copied ids: the bot's next rows do not collide.
    copied = Database(target)
    try:
        async with copied.transaction() as conn:
            new = await organisations.create_organisation(
                conn, name="Новый ИМЦ", timezone="Asia/Omsk", now=NOW
            )
    finally:
        await copied.dispose()
    assert new.id == max(row["id"] for row in source_rows["organisations"]) + 1

    # The bot runs on the copy as it did on the file.
    app = await open_bot(target)
    await close_bot(app)


async def test_copy_data_refuses_a_database_that_is_not_empty(
    data_dir: Path, databases: Databases
) -> None:
    target = await databases.url("target")
    db = Database(target)
    try:
        async with db.transaction() as conn:
            await organisations.create_organisation(
                conn, name="ИМЦ", timezone="Europe/Moscow", now=NOW
            )
    finally:
        await db.dispose()

    run = await run_cli(
        data_dir.parent, "copy-data", "--to", target, BOT_TOKEN=TOKEN, DATA_DIR=str(data_dir)
    )

    line = assert_one_line_without_traceback(run)
    assert "not empty" in line
    assert "organisations" in line
    assert (await _every_row(target))["organisations"][0]["name"] == "ИМЦ"
