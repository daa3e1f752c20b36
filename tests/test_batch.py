"""The batcher behind vote presses: whatever arrives while a run is under way goes in the next
run, each caller gets its own result, and a failure reaches exactly the callers it concerns."""

from __future__ import annotations

import asyncio

import pytest

from bot.services.batch import Batcher


class Recorder:
    """A run that records each batch it is given and doubles the numbers; negative numbers are
    refused one by one, and the number 13 fails the whole run."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.gate = asyncio.Event()
        self.gate.set()

    async def __call__(self, numbers: list[int]) -> list[int | Exception]:
        self.batches.append(numbers)
        await self.gate.wait()
        if 13 in numbers:
            raise RuntimeError("the database is locked")
        return [ValueError(f"{n} is refused") if n < 0 else n * 2 for n in numbers]


async def test_a_lone_request_runs_at_once() -> None:
    run = Recorder()
    assert await Batcher(run).submit(4) == 8
    assert run.batches == [[4]]


async def test_requests_arriving_during_a_run_go_together_in_the_next() -> None:
    run = Recorder()
    batcher = Batcher(run)
    run.gate.clear()
    first = asyncio.create_task(batcher.submit(1))
    await asyncio.sleep(0)  # the first run has started and waits at the gate
    rest = [asyncio.create_task(batcher.submit(n)) for n in (2, 3, 4)]
    await asyncio.sleep(0)
    run.gate.set()
    assert await first == 2
    assert [await task for task in rest] == [4, 6, 8]
    assert run.batches == [[1], [2, 3, 4]]


async def test_a_refusal_reaches_only_its_caller() -> None:
    run = Recorder()
    batcher = Batcher(run)
    run.gate.clear()
    blocker = asyncio.create_task(batcher.submit(0))
    await asyncio.sleep(0)
    good, bad = asyncio.create_task(batcher.submit(5)), asyncio.create_task(batcher.submit(-1))
    await asyncio.sleep(0)
    run.gate.set()
    await blocker
    assert await good == 10
    with pytest.raises(ValueError, match="-1 is refused"):
        await bad
    assert run.batches == [[0], [5, -1]]


async def test_a_failed_run_fails_its_callers_and_the_next_run_goes_on() -> None:
    run = Recorder()
    batcher = Batcher(run)
    run.gate.clear()
    failing = [asyncio.create_task(batcher.submit(n)) for n in (13, 7)]
    await asyncio.sleep(0)
    later = asyncio.create_task(batcher.submit(8))
    await asyncio.sleep(0)
    run.gate.set()
    for task in failing:
        with pytest.raises(RuntimeError, match="locked"):
            await task
    assert await later == 16
    assert run.batches == [[13, 7], [8]]


async def test_batches_keep_to_the_limit() -> None:
    run = Recorder()
    batcher = Batcher(run, limit=3)
    run.gate.clear()
    tasks = [asyncio.create_task(batcher.submit(n)) for n in range(8)]
    await asyncio.sleep(0)
    run.gate.set()
    assert [await task for task in tasks] == [n * 2 for n in range(8)]
    # Submitted in one go, before the first run began: split only by the limit.
    assert run.batches == [[0, 1, 2], [3, 4, 5], [6, 7]]


async def test_a_caller_that_gives_up_does_not_disturb_the_others() -> None:
    run = Recorder()
    batcher = Batcher(run)
    run.gate.clear()
    blocker = asyncio.create_task(batcher.submit(0))
    await asyncio.sleep(0)
    impatient, patient = (
        asyncio.create_task(batcher.submit(1)),
        asyncio.create_task(batcher.submit(2)),
    )
    await asyncio.sleep(0)
    impatient.cancel()
    run.gate.set()
    await blocker
    assert await patient == 4
    with pytest.raises(asyncio.CancelledError):
        await impatient
    assert await batcher.submit(3) == 6


def test_the_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Batcher(Recorder(), limit=0)
