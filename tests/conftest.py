from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
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


@pytest.fixture
def nowhere() -> Iterator[str]:
    """A local address that refuses connections: a port bound but not listening. A run that got
    further than it should fails at once there instead of reaching the real Telegram."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{bound.getsockname()[1]}"
