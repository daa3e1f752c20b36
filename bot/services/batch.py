"""Requests that arrive together, handled together.

SQLite writes one transaction at a time, and through aiosqlite every statement is a round trip
to the driver's thread and back through the event loop. When hundreds of members press a button
in the same second, writing each press in its own transaction makes them queue for the write
lock, each holding it for a couple of dozen round trips. A `Batcher` runs the first request at
once and collects the ones that arrive meanwhile for the next run, so a burst is written in a
few transactions of a handful of statements each (bench/RESULTS.md, the vote burst).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Request = TypeVar("Request")
Result = TypeVar("Result")

# Each request gets its own result, or the exception meant for it alone (a refusal).
Run = Callable[[list[Request]], Awaitable[Sequence[Result | Exception]]]


class Batcher(Generic[Request, Result]):
    """Runs `run` on the requests waiting, at most `limit` at a time, one run after another."""

    def __init__(self, run: Run[Request, Result], *, limit: int = 200) -> None:
        if limit < 1:
            msg = "limit must be at least 1"
            raise ValueError(msg)
        self._run = run
        self._limit = limit
        self._waiting: list[tuple[Request, asyncio.Future[Result | Exception]]] = []
        self._runner: asyncio.Task[None] | None = None

    async def submit(self, request: Request) -> Result:
        """The request's result; raises the exception meant for it, or the one that failed its
        whole run."""
        future: asyncio.Future[Result | Exception] = asyncio.get_running_loop().create_future()
        self._waiting.append((request, future))
        if self._runner is None:
            self._runner = asyncio.create_task(self._drain())
        outcome = await future
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    async def _drain(self) -> None:
        try:
            while self._waiting:
                batch = self._waiting[: self._limit]
                del self._waiting[: self._limit]
                try:
                    outcomes = await self._run([request for request, _ in batch])
                except Exception as error:
                    for _, future in batch:
                        if not future.done():
                            future.set_exception(error)
                    continue
                for (_, future), outcome in zip(batch, outcomes, strict=True):
                    if not future.done():  # its caller may have been cancelled meanwhile
                        future.set_result(outcome)
        finally:
            # No await between the empty check above and here: a request submitted after it
            # finds no runner and starts one.
            self._runner = None
