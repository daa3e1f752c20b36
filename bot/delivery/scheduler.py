"""When notices go out. The database holds every notice with its due time; the scheduler only
wakes the process at that time. At start-up every open notice is armed again, and one whose time
passed while the bot was down runs at once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger

log = logging.getLogger(__name__)


Deliver = Callable[[int], Awaitable[None]]


def job_id(notice_id: int) -> str:
    return f"notice-{notice_id}"


Running = set[asyncio.Task[Any]]


@contextlib.contextmanager
def _tracked(running: Running | None) -> Iterator[None]:
    """Keeps the job's task in `running` while it runs, so a stopping bot can let it finish."""
    task = asyncio.current_task()
    if running is None or task is None:
        yield
        return
    running.add(task)
    try:
        yield
    finally:
        running.discard(task)


async def run_periodic(
    job: Callable[[], Awaitable[object]], running: Running | None = None
) -> None:
    """A periodic job, awaited here: APScheduler awaits only coroutine functions, and would run
    any other callable (a lambda returning a coroutine) in a thread, leaving it never awaited."""
    with _tracked(running):
        try:
            await job()
        except Exception:
            # The next run comes an hour later all the same.
            log.exception("the periodic job failed")
        except asyncio.CancelledError:
            # The bot is stopping and this run took too long: the next start runs it again.
            # Ending here, not raising, keeps a normal stop free of tracebacks in the log.
            log.info("a periodic job was stopped with the bot")


async def deliver_notice(deliver: Deliver, notice_id: int, running: Running | None = None) -> None:
    """The job itself: a plain function of the notice id; `deliver` looks up the rest."""
    with _tracked(running):
        try:
            await deliver(notice_id)
        except Exception:
            # The notice stays open in the database; the next start-up arms it again.
            log.exception("delivering notice %s failed", notice_id)
        except asyncio.CancelledError:
            # Stopped with the bot: the notice stays open, its deliveries resume at the start.
            log.info("delivering notice %s was stopped with the bot", notice_id)


class ApsNoticeScheduler:
    """APScheduler 3 in the bot's event loop, with memory job storage: the database is the
    source of truth, so nothing is pickled and nothing can go stale on disk."""

    def __init__(self, deliver: Deliver) -> None:
        self._deliver = deliver
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        self._started = False
        self._running: Running = set()

    def start(self) -> None:
        self._scheduler.start()
        self._started = True

    def shutdown(self) -> None:
        # AsyncIOScheduler stops in a later turn of the loop, so `running` still says True
        # right after a shutdown; our own flag makes a second call harmless.
        if self._started:
            self._started = False
            self._scheduler.shutdown(wait=False)

    async def stop(self, grace: float) -> None:
        """Starts no new job, lets those under way finish for up to `grace` seconds, then shuts
        down (which cancels what is left: each ends its own run quietly)."""
        if self._started:
            self._scheduler.pause()
            if self._running:
                await asyncio.wait(set(self._running), timeout=grace)
        self.shutdown()
        await asyncio.sleep(0)  # the cancelled jobs end their runs

    def arm(self, notice_id: int, due_at: datetime) -> None:
        self._scheduler.add_job(
            deliver_notice,
            "date",
            run_date=due_at,
            args=[self._deliver, notice_id, self._running],
            id=job_id(notice_id),
            replace_existing=True,
            # A notice due while the bot was down is still sent, once, as soon as it is up.
            misfire_grace_time=None,
            coalesce=True,
        )

    def disarm(self, notice_id: int) -> None:
        # Already run, or never armed in this process: nothing to forget.
        with contextlib.suppress(JobLookupError):
            self._scheduler.remove_job(job_id(notice_id))

    def every_hour(self, name: str, job: Callable[[], Awaitable[object]]) -> None:
        """A periodic job (the cadence check, the upkeep); it also runs once right away."""
        self._scheduler.add_job(
            run_periodic,
            "interval",
            args=[job, self._running],
            hours=1,
            id=name,
            replace_existing=True,
            next_run_time=datetime.now(UTC),
            coalesce=True,
            misfire_grace_time=None,
        )

    def armed(self) -> dict[str, datetime]:
        """Notice job id → when it runs, for tests and diagnostics (also before start(), when
        APScheduler has not yet computed next run times: every notice job has a date trigger)."""
        return {
            job.id: job.trigger.run_date
            for job in self._scheduler.get_jobs()
            if isinstance(job.trigger, DateTrigger)
        }
