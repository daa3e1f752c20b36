"""The bot's command line as the operator runs it: a real process, its own environment."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.services.settings import Settings

# A record of the bot's own logging (see `bot.main.cli.main`), as opposed to what it says.
LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (?P<level>[A-Z]+) \S+: ")
# Every setting the bot reads: none of the tester's own leaks into a run.
SETTINGS = frozenset(name.upper() for name in Settings.model_fields)
TIMEOUT = 30


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


async def start_cli(cwd: Path, *args: str, **values: str) -> asyncio.subprocess.Process:
    """`python -m bot ARGS` (what the `councilbot` script runs), started in `cwd`."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env=environment(**values),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finish(process: asyncio.subprocess.Process, what: str) -> Run:
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.communicate()
        pytest.fail(f"{what} did not stop within {TIMEOUT} s")
    assert process.returncode is not None
    return Run(process.returncode, stdout.decode(), stderr.decode())


async def run_cli(cwd: Path, *args: str, **values: str) -> Run:
    return await finish(await start_cli(cwd, *args, **values), f"`councilbot {' '.join(args)}`")


def assert_one_line_without_traceback(run: Run) -> str:
    assert run.code == 2, run
    assert "Traceback" not in run.stderr, run.stderr
    assert len(run.lines) == 1, run.stderr
    assert run.lines[0].startswith("councilbot: "), run.stderr
    return run.lines[0]


def assert_said_in_one_line(run: Run) -> str:
    """After start-up has begun, routine log records may come first; the problem itself is
    still one line, and nothing is logged as a warning or an error."""
    assert run.code == 2, run
    assert "Traceback" not in run.stderr, run.stderr
    assert len(run.said) == 1, run.stderr
    assert run.log_levels <= {"INFO"}, run.stderr
    assert run.said[0].startswith("councilbot: "), run.stderr
    return run.said[0]
