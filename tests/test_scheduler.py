"""The production notice scheduler: a real APScheduler in the test's event loop, delivering
into a queue, so a test can see which notice went out and when."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.scheduler import ApsNoticeScheduler, deliver_notice, job_id

WAIT = 2.0  # seconds: generous, a notice that is due goes out within milliseconds
QUIET = 0.3  # seconds to watch that nothing is delivered


class Recorder:
    """A `deliver` that records every notice id it is called with; some ids fail on purpose."""

    def __init__(self, failing: frozenset[int] = frozenset()) -> None:
        self.delivered: asyncio.Queue[int] = asyncio.Queue()
        self.failing = failing

    async def __call__(self, notice_id: int) -> None:
        await self.delivered.put(notice_id)
        if notice_id in self.failing:
            raise RuntimeError(f"Telegram is down for notice {notice_id}")

    async def next(self) -> int:
        return await asyncio.wait_for(self.delivered.get(), WAIT)


async def stop(scheduler: ApsNoticeScheduler) -> None:
    scheduler.shutdown()
    # AsyncIOScheduler shuts down in a loop callback: let it run before the loop closes.
    await asyncio.sleep(0)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder(failing=frozenset({13}))


@pytest.fixture
async def scheduler(recorder: Recorder) -> AsyncIterator[ApsNoticeScheduler]:
    """Started inside the running loop: AsyncIOScheduler takes the loop it starts in."""
    running = ApsNoticeScheduler(recorder)
    running.start()
    try:
        yield running
    finally:
        await stop(running)


def in_(delta: timedelta) -> datetime:
    return datetime.now(UTC) + delta


async def test_a_notice_overdue_after_a_restart_goes_out_at_once(
    scheduler: ApsNoticeScheduler, recorder: Recorder
) -> None:
    scheduler.arm(1, in_(-timedelta(hours=1)))
    assert await recorder.next() == 1
    assert scheduler.armed() == {}
    assert recorder.delivered.empty()


async def test_notices_armed_before_start_go_out_when_it_starts() -> None:
    # The bot's start-up arms every open notice first, then starts the scheduler.
    recorder = Recorder()
    scheduler = ApsNoticeScheduler(recorder)
    scheduler.arm(1, in_(-timedelta(days=2)))
    scheduler.arm(2, in_(-timedelta(minutes=5)))
    scheduler.arm(3, in_(timedelta(hours=1)))
    scheduler.start()
    try:
        assert {await recorder.next(), await recorder.next()} == {1, 2}
        assert set(scheduler.armed()) == {job_id(3)}
    finally:
        await stop(scheduler)


async def test_a_notice_goes_out_when_it_is_due(
    scheduler: ApsNoticeScheduler, recorder: Recorder
) -> None:
    started = time.monotonic()
    scheduler.arm(2, datetime.now(UTC) + timedelta(seconds=0.3))
    assert await recorder.next() == 2
    # A behaviour check (the scheduler waits for the due time), not a performance target.
    assert time.monotonic() - started >= 0.25


async def test_a_future_notice_waits_and_can_be_disarmed(
    scheduler: ApsNoticeScheduler, recorder: Recorder
) -> None:
    due = in_(timedelta(hours=1))
    scheduler.arm(3, due)
    assert scheduler.armed() == {"notice-3": due}
    await asyncio.sleep(QUIET)
    assert recorder.delivered.empty()

    scheduler.disarm(3)
    assert scheduler.armed() == {}
    scheduler.disarm(3)
    scheduler.disarm(404)
    assert scheduler.armed() == {}


async def test_disarm_keeps_the_other_notices(
    scheduler: ApsNoticeScheduler, recorder: Recorder
) -> None:
    day, hour = in_(timedelta(days=1)), in_(timedelta(hours=1))
    scheduler.arm(4, day)
    scheduler.arm(5, hour)
    scheduler.disarm(4)
    assert scheduler.armed() == {job_id(5): hour}
    assert recorder.delivered.empty()


async def test_arming_again_moves_the_notice(
    scheduler: ApsNoticeScheduler, recorder: Recorder
) -> None:
    first, later = in_(timedelta(hours=1)), in_(timedelta(hours=2))
    scheduler.arm(6, first)
    scheduler.arm(6, later)
    assert scheduler.armed() == {job_id(6): later}
    await asyncio.sleep(QUIET)
    assert recorder.delivered.empty()


async def test_arming_again_into_the_past_sends_it_once(
    scheduler: ApsNoticeScheduler, recorder: Recorder
) -> None:
    scheduler.arm(7, in_(timedelta(hours=1)))
    scheduler.arm(7, in_(-timedelta(minutes=1)))
    assert await recorder.next() == 7
    await asyncio.sleep(QUIET)
    assert recorder.delivered.empty()
    assert scheduler.armed() == {}


async def test_a_failing_notice_does_not_stop_the_others(
    scheduler: ApsNoticeScheduler, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    scheduler.arm(13, in_(-timedelta(minutes=1)))
    assert await recorder.next() == 13
    scheduler.arm(14, in_(-timedelta(minutes=1)))
    assert await recorder.next() == 14

    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert [(record.name, record.getMessage()) for record in errors] == [
        ("bot.delivery.scheduler", "delivering notice 13 failed")
    ]
    assert errors[0].exc_info is not None
    assert isinstance(errors[0].exc_info[1], RuntimeError)


async def test_deliver_notice_swallows_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder(failing=frozenset({21}))
    await deliver_notice(recorder, 20)
    await deliver_notice(recorder, 21)
    assert [recorder.delivered.get_nowait() for _ in range(2)] == [20, 21]
    assert [(record.levelno, record.getMessage()) for record in caplog.records] == [
        (logging.ERROR, "delivering notice 21 failed")
    ]


def test_job_ids_name_the_notice() -> None:
    assert job_id(42) == "notice-42"
    assert job_id(42) != job_id(421)


async def test_armed_lists_notices_armed_before_start() -> None:
    scheduler = ApsNoticeScheduler(Recorder())
    due = in_(timedelta(hours=1))
    scheduler.arm(1, due)
    assert scheduler.armed() == {job_id(1): due}


async def test_shutdown_twice_is_harmless(caplog: pytest.LogCaptureFixture) -> None:
    scheduler = ApsNoticeScheduler(Recorder())
    scheduler.start()
    scheduler.shutdown()
    scheduler.shutdown()
    await asyncio.sleep(0)
    assert [
        record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR
    ] == []


async def test_the_hourly_job_runs_at_start_and_is_awaited(
    scheduler: ApsNoticeScheduler, caplog: pytest.LogCaptureFixture
) -> None:
    # The bot passes a lambda that returns a coroutine; it must be awaited, not left in a thread.
    ran: asyncio.Queue[str] = asyncio.Queue()

    async def check(name: str) -> None:
        await ran.put(name)

    scheduler.every_hour("cadence", lambda: check("cadence"))
    assert await asyncio.wait_for(ran.get(), WAIT) == "cadence"
    # The hourly job is not a notice.
    assert scheduler.armed() == {}
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


async def test_a_failing_hourly_job_is_logged(
    scheduler: ApsNoticeScheduler, caplog: pytest.LogCaptureFixture
) -> None:
    ran = asyncio.Event()

    async def broken() -> None:
        ran.set()
        raise RuntimeError("the database is locked")

    scheduler.every_hour("broken", broken)
    await asyncio.wait_for(ran.wait(), WAIT)
    await asyncio.sleep(0.05)
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert [(record.name, record.getMessage()) for record in errors] == [
        ("bot.delivery.scheduler", "the periodic job failed")
    ]


async def test_stopping_lets_a_job_under_way_finish(caplog: pytest.LogCaptureFixture) -> None:
    scheduler = ApsNoticeScheduler(Recorder())
    scheduler.start()
    started, release, finished = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def backup() -> None:
        started.set()
        await release.wait()
        finished.set()

    scheduler.every_hour("upkeep", backup)
    await asyncio.wait_for(started.wait(), WAIT)
    stopping = asyncio.create_task(scheduler.stop(grace=WAIT))
    await asyncio.sleep(0.05)
    release.set()  # the job ends while the bot is stopping
    await stopping
    assert finished.is_set()
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]


async def test_a_job_that_outlasts_the_stop_ends_quietly(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    scheduler = ApsNoticeScheduler(Recorder())
    scheduler.start()
    started = asyncio.Event()

    async def endless() -> None:
        started.set()
        await asyncio.Event().wait()

    scheduler.every_hour("upkeep", endless)
    await asyncio.wait_for(started.wait(), WAIT)
    await scheduler.stop(grace=QUIET)
    await asyncio.sleep(0.05)
    # Cut off, it says so in one line: no traceback, nothing logged as an error.
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert "a periodic job was stopped with the bot" in caplog.messages
