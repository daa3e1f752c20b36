"""The real bot, `councilbot`, as a child process pointed at the fake Bot API."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from pathlib import Path

from bench.fake import TimedTelegram

COORDINATOR_ID = 1001
# The console script next to the interpreter that runs the bench: .venv/bin/councilbot.
COUNCILBOT = Path(sys.executable).parent / "councilbot"


class BotProcess:
    """One run of `councilbot`; `start()` again after a kill is a restart on the same data."""

    def __init__(
        self,
        name: str,
        fake: TimedTelegram,
        workdir: Path,
        database_url: str,
        *,
        command: tuple[str, ...] = (str(COUNCILBOT),),
    ) -> None:
        self.name = name
        self.command = command
        self.fake = fake
        self.workdir = workdir
        self.database_url = database_url
        self.log = workdir / "councilbot.log"
        self.started_at = 0.0
        self._process: asyncio.subprocess.Process | None = None
        self._profiler: asyncio.subprocess.Process | None = None
        self._runs = 0
        # BENCH_PROFILE=<folder>: py-spy records every run of the bot there (bench/README.md).
        profile = os.environ.get("BENCH_PROFILE")
        self.profile_dir = Path(profile).resolve() if profile else None

    @property
    def pid(self) -> int:
        if self._process is None:
            msg = "the bot is not running"
            raise RuntimeError(msg)
        return self._process.pid

    def _environment(self) -> dict[str, str]:
        # Only what a process needs to run, plus the bot's settings: nothing from a .env or
        # from the caller's own bot settings leaks in.
        keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT"}
        env = {key: value for key, value in os.environ.items() if key in keep}
        env |= {
            "BOT_TOKEN": self.fake.token,
            "TELEGRAM_API_BASE": self.fake.base_url,
            "DATABASE_URL": self.database_url,
            "COORDINATOR_IDS": str(COORDINATOR_ID),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # bench/bare_bot.py runs from the project, not from the temporary folder.
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        }
        return env

    async def start(self, *, timeout: float = 30.0) -> float:  # noqa: ASYNC109 - a bound
        """Starts the bot and waits for its first getUpdates; returns the seconds that took."""
        polls = self.fake.polls_started
        self.fake.first_poll_at = None
        with self.log.open("ab") as log:
            self.started_at = time.monotonic()
            self._process = await asyncio.create_subprocess_exec(
                *self.command,
                cwd=self.workdir,
                env=self._environment(),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        await self._profile()
        deadline = self.started_at + timeout
        while self.fake.polls_started <= polls:
            if self._process.returncode is not None:
                msg = f"councilbot exited with {self._process.returncode}:\n{self.log_tail()}"
                raise RuntimeError(msg)
            if time.monotonic() > deadline:
                msg = f"councilbot did not poll within {timeout:g} s:\n{self.log_tail()}"
                raise RuntimeError(msg)
            await asyncio.sleep(0.002)
        assert self.fake.first_poll_at is not None
        return self.fake.first_poll_at - self.started_at

    async def _profile(self) -> None:
        """Attaches py-spy to the new process when BENCH_PROFILE names a folder: collapsed
        stacks, one file per run, readable by speedscope, inferno or flamegraph.pl."""
        self._runs += 1
        if self.profile_dir is None or self._process is None:
            return
        self.profile_dir.mkdir(parents=True, exist_ok=True)
        output = self.profile_dir / f"{self.name}-{self._runs}.txt"
        py_spy = Path(sys.executable).parent / "py-spy"
        self._profiler = await asyncio.create_subprocess_exec(
            str(py_spy),
            "record",
            "--pid",
            str(self._process.pid),
            "--rate",
            "200",
            "--format",
            "raw",
            "--output",
            str(output),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )

    async def _end_profile(self) -> None:
        # py-spy writes its file when the process it watches exits.
        if self._profiler is not None:
            try:
                async with asyncio.timeout(10):
                    await self._profiler.wait()
            except TimeoutError:
                self._profiler.send_signal(signal.SIGINT)
                await self._profiler.wait()
            self._profiler = None

    def rss_mib(self) -> float:
        """Resident memory of the bot now, from /proc/<pid>/status (VmRSS, in kB)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        msg = "VmRSS not found"
        raise RuntimeError(msg)

    async def kill(self) -> None:
        """SIGKILL: no shutdown, no cleanup, as when the machine loses power."""
        if self._process is None:
            return
        os.kill(self._process.pid, signal.SIGKILL)
        await self._process.wait()
        self._process = None
        await self._end_profile()

    async def stop(self) -> None:
        """SIGTERM, as a service manager stops it; SIGKILL if it does not exit in 15 s."""
        if self._process is None:
            return
        if self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._process.pid, signal.SIGTERM)
            try:
                async with asyncio.timeout(15):
                    await self._process.wait()
            except TimeoutError:
                os.kill(self._process.pid, signal.SIGKILL)
                await self._process.wait()
        self._process = None
        await self._end_profile()

    def log_tail(self, lines: int = 30) -> str:
        """The end of the bot's own output (warnings and tracebacks)."""
        if not self.log.exists():
            return "(no output)"
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def warnings(self) -> int:
        """How many warning or error lines the bot logged, leaving out aiogram's note that it
        received the SIGTERM the bench stops it with."""
        if not self.log.exists():
            return 0
        text = self.log.read_text(errors="replace")
        return sum(
            1
            for line in text.splitlines()
            if (" WARNING " in line or " ERROR " in line) and "Received SIGTERM" not in line
        )
