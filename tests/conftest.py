from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from storage.db import Database
from tests.databases import (
    KINDS,
    POSTGRESQL,
    SQLITE,
    Databases,
    PostgresServer,
    Server,
    SqliteFiles,
)
from tests.harness import BotUnderTest, close_bot, open_bot
from tests.pg_server import MISSING, NoServerBinaries, find_pg_ctl, throwaway_server

# The fixtures that give a test a database: with --db=postgresql, the tests using none of them
# (pure rules, texts, files) are not run a second time.
DATABASE_FIXTURES = frozenset({"db", "app", "databases"})
SWITCH = "COUNCILBOT_TEST_DB"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        choices=KINDS,
        default=None,
        help=f"the database the database tests run on (default: ${SWITCH}, else sqlite); "
        "postgresql starts a throwaway server from the installed PostgreSQL binaries",
    )


def database_kind(config: pytest.Config) -> str:
    chosen = config.getoption("--db") or os.environ.get(SWITCH, "").strip() or SQLITE
    if chosen not in KINDS:
        raise pytest.UsageError(f"{SWITCH}={chosen!r}: use one of {', '.join(KINDS)}")
    return str(chosen)


def pytest_configure(config: pytest.Config) -> None:
    if database_kind(config) == POSTGRESQL and find_pg_ctl() is None:
        raise pytest.UsageError(f"--db=postgresql: {MISSING}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With --db=postgresql, only the database tests but those about SQLite itself; without
    it, all but those that need PostgreSQL (the summary line says how to run them)."""
    on_postgresql = database_kind(config) == POSTGRESQL
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if on_postgresql:
            wanted = bool(fixtures & DATABASE_FIXTURES) and not item.get_closest_marker(
                "sqlite_only"
            )
        else:
            wanted = item.get_closest_marker("postgresql_only") is None
        (kept if wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    if database_kind(config) == POSTGRESQL:
        ran = sum(len(terminalreporter.stats.get(key, [])) for key in ("passed", "failed"))
        terminalreporter.write_line(
            f"PostgreSQL: {ran} database tests ran on a throwaway PostgreSQL server "
            f"({find_pg_ctl()})"
        )
        return
    how = (
        "python3 dev.py test --db=postgresql"
        if find_pg_ctl() is not None
        else "install PostgreSQL's server binaries (Debian: apt install postgresql), then "
        "python3 dev.py test --db=postgresql"
    )
    terminalreporter.write_line(
        f"PostgreSQL: not run (these tests ran on SQLite); to run the database tests there: {how}"
    )


@pytest.fixture(scope="session")
def database_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The session's SQLite folder or throwaway PostgreSQL server, with a migrated template."""
    if database_kind(request.config) == SQLITE:
        files = SqliteFiles(tmp_path_factory.mktemp("template"))
        files.prepare()
        yield files
        return
    try:
        with throwaway_server() as base_url:
            server = PostgresServer(base_url)
            server.prepare()
            yield server
    except NoServerBinaries as error:
        raise pytest.UsageError(f"--db=postgresql: {error}") from None


@pytest.fixture
async def databases(database_server: Server, tmp_path: Path) -> AsyncIterator[Databases]:
    """Fresh databases for this test, on the session's database (`await databases.open()`)."""
    made = Databases(database_server, tmp_path)
    try:
        yield made
    finally:
        await made.drop_all()


@pytest.fixture
async def app(databases: Databases) -> AsyncIterator[BotUnderTest]:
    """The real bot, polling the fake Telegram, with a fresh database."""
    running = await open_bot(await databases.url("bot"))
    try:
        yield running
    finally:
        await close_bot(running)


@pytest.fixture
async def db(databases: Databases) -> AsyncIterator[Database]:
    """A fresh database migrated to the newest schema."""
    database = await databases.open("test")
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
