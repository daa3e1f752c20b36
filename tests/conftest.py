from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.db import Database
from storage.migrate import migrate
from tests.harness import BotUnderTest, close_bot, open_bot


@pytest.fixture
async def app(tmp_path: Path) -> AsyncIterator[BotUnderTest]:
    """The real bot, polling the fake Telegram, with a fresh SQLite database."""
    running = await open_bot(tmp_path)
    try:
        yield running
    finally:
        await close_bot(running)


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated SQLite database in a temporary folder."""
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}")
    await migrate(database)
    try:
        yield database
    finally:
        await database.dispose()
