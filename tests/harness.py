"""The production dispatcher running against the fake Bot API, on a real database (SQLite or
PostgreSQL, tests/databases.py)."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from datetime import timedelta

from aiogram import Bot, Dispatcher
from pydantic import SecretStr

from bot.delivery.cadence_job import run_cadence_check
from bot.delivery.ratelimit import RateLimiter
from bot.delivery.upkeep_job import run_upkeep
from bot.main.app import build_dispatcher, make_bot
from bot.services.settings import Settings
from storage.db import Database
from tests.clock import ClockScheduler, ManualClock
from tests.fakegram import FakeTelegram, Person

ADMIN_ID = 1001  # listed in COORDINATOR_IDS


@dataclass
class BotUnderTest:
    fake: FakeTelegram
    db: Database
    clock: ManualClock
    settings: Settings
    _running: tuple[Bot, Dispatcher, asyncio.Task[None]] | None = field(default=None, repr=False)

    scheduler: ClockScheduler = field(default_factory=ClockScheduler)

    def person(self, user_id: int, first_name: str, *, language_code: str | None = "ru") -> Person:
        return self.fake.person(user_id, first_name, language_code=language_code)

    async def start(self) -> None:
        # Telegram's pacing of one message a second per chat makes every step of a conversation
        # wait a second; flow tests keep the global limit and drop that wait unless the fake
        # itself enforces flood control (then the bot runs with its production limits).
        limiter = None if self.fake.flood_control else RateLimiter(per_chat_interval=0.0)
        bot = make_bot(self.settings, limiter=limiter)
        # A new process: nothing is armed until start-up re-arms it from the database.
        self.scheduler = ClockScheduler()
        dp = build_dispatcher(self.settings, self.db, self.clock, scheduler=self.scheduler)
        polls = self.fake.polls_started
        task = asyncio.create_task(
            dp.start_polling(bot, handle_signals=False, polling_timeout=1, close_bot_session=True)
        )
        self._running = (bot, dp, task)
        await self.fake.wait_until_polling(after=polls)

    async def stop(self) -> None:
        """Stops polling as a shutdown would; the database and the fake stay."""
        if self._running is None:
            return
        _, dp, task = self._running
        self._running = None
        with contextlib.suppress(RuntimeError):  # polling may already have stopped
            await dp.stop_polling()
        await task

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    @property
    def dispatcher(self) -> Dispatcher:
        assert self._running is not None, "the bot is not running"
        return self._running[1]

    async def run_due(self) -> None:
        """Delivers every notice due by the test clock, as the scheduler would, and waits until
        the bot is quiet."""
        sender = self.dispatcher["notice_sender"]
        while ready := self.scheduler.take_due(self.clock.now()):
            # APScheduler starts every job that has come due as a task of its own, at once.
            await asyncio.gather(*(sender.deliver(notice_id) for notice_id in ready))
        await self.fake.settle()

    async def check_cadence(self) -> int:
        """Runs the hourly cadence check now, as the scheduler would."""
        dp = self.dispatcher
        sent = await run_cadence_check(dp["cadence"], dp["notifier"])
        if sent:
            await self.fake.settle()
        return int(sent)

    async def upkeep(self) -> int:
        """Runs the hourly upkeep now (the daily backup when due, alerts to coordinators), as
        the scheduler would every hour and once at start-up."""
        dp = self.dispatcher
        sent = await run_upkeep(dp["operations"], dp["notifier"])
        if sent:
            await self.fake.settle()
        return sent

    async def days(self, count: int) -> None:
        """Lives through `count` days, one at a time: what falls due each day, and the cadence
        check once a day."""
        for _ in range(count):
            await self.advance(timedelta(days=1))
            await self.check_cadence()

    async def advance(self, delta: timedelta) -> None:
        """Moves the clock and lets the scheduler do what falls due meanwhile, in order."""
        target = self.clock.now() + delta
        while True:
            upcoming = sorted(due for due in self.scheduler.due.values() if due <= target)
            if not upcoming:
                break
            self.clock.set(max(upcoming[0], self.clock.now()))
            await self.run_due()
        self.clock.set(target)
        await self.run_due()


async def open_bot(url: str, *, admin_ids: frozenset[int] = frozenset({ADMIN_ID})) -> BotUnderTest:
    """The bot on the migrated database at `url` (the `app` fixture's copy of the template)."""
    fake = FakeTelegram()
    await fake.start()
    db = Database(url)
    settings = Settings(
        bot_token=SecretStr(fake.token),
        telegram_api_base=fake.base_url,
        coordinator_ids=admin_ids,
        database_url=db.url,
        _env_file=None,  # pydantic-settings: ignore any .env where the tests run
    )
    app = BotUnderTest(fake=fake, db=db, clock=ManualClock(), settings=settings)
    await app.start()
    return app


async def close_bot(app: BotUnderTest) -> None:
    await app.stop()
    await app.db.dispose()
    await app.fake.stop()
    app.fake.assert_no_unknown_calls()
