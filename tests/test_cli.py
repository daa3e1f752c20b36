"""`python -m bot` as the operator runs it: a mistake in the set-up is said in one line that
tells what to fix, never with a traceback."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.fakegram import FakeTelegram

# A token of the right shape that no server accepts.
FOREIGN_TOKEN = "987654321:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab"
# A record of the bot's own logging (see `bot.__main__.main`), as opposed to what it says.
LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?P<level>[A-Z]+) \S+: ")
SETTINGS = frozenset(
    {
        "BOT_TOKEN",
        "DATABASE_URL",
        "TELEGRAM_API_BASE",
        "COORDINATOR_IDS",
        "TIMEZONE",
        "DEFAULT_LOCALE",
        "LOG_LEVEL",
    }
)
TIMEOUT = 20


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()

    @property
    def said(self) -> list[str]:
        """What the bot says to the operator, without its routine log records."""
        return [line for line in self.lines if not LOG_RECORD.match(line)]

    @property
    def log_levels(self) -> set[str]:
        return {match["level"] for line in self.lines if (match := LOG_RECORD.match(line))}


def environment(**values: str) -> dict[str, str]:
    """The test's environment without any of the bot's settings, plus `values`."""
    env = {name: value for name, value in os.environ.items() if name.upper() not in SETTINGS}
    env["PYTHONIOENCODING"] = "utf-8"
    return env | values


async def run_bot(cwd: Path, **values: str) -> Run:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=cwd,
        env=environment(**values),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.communicate()
        pytest.fail(f"`python -m bot` did not stop within {TIMEOUT} s")
    assert process.returncode is not None
    return Run(process.returncode, stdout.decode(), stderr.decode())


@pytest.fixture
def nowhere() -> Iterator[str]:
    """A local address that refuses connections: a port bound but not listening. A run that got
    further than it should fails at once there instead of reaching the real Telegram."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{bound.getsockname()[1]}"


def assert_one_line_without_traceback(run: Run) -> str:
    assert run.code != 0, run
    assert "Traceback" not in run.stderr, run.stderr
    assert len(run.lines) == 1, run.stderr
    return run.lines[0]


def assert_said_in_one_line(run: Run) -> str:
    """After start-up has begun, routine log records may come first; the problem itself is
    still one line, and nothing is logged as a warning or an error."""
    assert run.code != 0, run
    assert "Traceback" not in run.stderr, run.stderr
    assert len(run.said) == 1, run.stderr
    assert run.log_levels <= {"INFO"}, run.stderr
    return run.said[0]


async def test_no_token_says_where_to_get_one(tmp_path: Path, nowhere: str) -> None:
    run = await run_bot(tmp_path, TELEGRAM_API_BASE=nowhere)
    line = assert_one_line_without_traceback(run)
    assert "BOT_TOKEN" in line
    assert "@BotFather" in line
    assert "not set" in line


async def test_malformed_token_says_it_is_malformed(tmp_path: Path, nowhere: str) -> None:
    run = await run_bot(tmp_path, BOT_TOKEN="123:abc", TELEGRAM_API_BASE=nowhere)
    line = assert_one_line_without_traceback(run)
    assert "BOT_TOKEN" in line
    assert "malformed" in line
    assert "@BotFather" in line
    assert "123:abc" not in line


async def test_a_database_that_cannot_be_opened_is_named(tmp_path: Path, nowhere: str) -> None:
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    database = tmp_path / "afile" / "sub" / "x.db"
    run = await run_bot(
        tmp_path,
        BOT_TOKEN=FOREIGN_TOKEN,
        TELEGRAM_API_BASE=nowhere,
        DATABASE_URL=f"sqlite+aiosqlite:///{database}",
    )
    line = assert_one_line_without_traceback(run)
    assert str(database) in line
    assert FOREIGN_TOKEN not in run.stderr


async def test_a_token_telegram_refuses_is_said_so_and_the_database_is_created(
    tmp_path: Path,
) -> None:
    async with FakeTelegram() as fake:
        assert fake.token != FOREIGN_TOKEN
        run = await run_bot(tmp_path, BOT_TOKEN=FOREIGN_TOKEN, TELEGRAM_API_BASE=fake.base_url)
        fake.assert_no_unknown_calls()

    line = assert_said_in_one_line(run)
    assert line.startswith("councilbot: ")
    assert "BOT_TOKEN" in line
    assert "refused" in line
    assert FOREIGN_TOKEN not in run.stderr
    assert (tmp_path / "data").is_dir()
    assert (tmp_path / "data" / "councilbot.sqlite3").is_file()


async def test_telegram_out_of_reach_is_said_in_one_line(tmp_path: Path, nowhere: str) -> None:
    run = await run_bot(tmp_path, BOT_TOKEN=FOREIGN_TOKEN, TELEGRAM_API_BASE=nowhere)
    line = assert_said_in_one_line(run)
    assert line.startswith("councilbot: ")
    assert "Telegram" in line or nowhere.removeprefix("http://") in line
