"""The rate limiter: pacing under a fake clock, and a broadcast to the flood-checking fake."""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    GetMe,
    SendChatAction,
    SendMessage,
    TelegramMethod,
)
from aiogram.methods.base import Response

from bot.delivery.ratelimit import RateLimiter, chat_key
from tests.fakegram import FakeTelegram

T = TypeVar("T")
TOKEN = "123456:" + "A" * 35
START = 1000.0
SETTLE_ROUNDS = 50
ChatOrNone = int | str | None


class FakeTime:
    """A monotonic clock that jumps to the next wake-up once every coroutine is waiting."""

    def __init__(self) -> None:
        self.now = START
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        wake = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(delay, 0.0), next(self._order), wake))
        await wake

    async def run(self, *coroutines: Coroutine[Any, Any, T]) -> list[T | BaseException]:
        """Runs the coroutines together; returns their results or exceptions, in order."""
        tasks = [asyncio.ensure_future(c) for c in coroutines]
        while not all(task.done() for task in tasks):
            # Let every coroutine run until it waits; only then is it time to move the clock.
            for _ in range(SETTLE_ROUNDS):
                await asyncio.sleep(0)
            if not self._sleepers:
                if all(task.done() for task in tasks):
                    break
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                msg = "coroutines wait for something other than time"
                raise AssertionError(msg)
            wake_at, _, wake = heapq.heappop(self._sleepers)
            self.now = max(self.now, wake_at)
            if not wake.done():
                wake.set_result(None)
        return list(await asyncio.gather(*tasks, return_exceptions=True))


@dataclass
class FakeApi:
    """Stands in for the session's real request: records when each method reached it."""

    clock: FakeTime
    failures: dict[ChatOrNone, list[Exception]] = field(default_factory=dict)
    calls: list[tuple[float, TelegramMethod[Any]]] = field(default_factory=list)

    async def __call__(self, bot: Bot, method: TelegramMethod[T]) -> Response[T]:
        self.calls.append((self.clock.now, method))
        pending = self.failures.get(chat_key(method))
        if pending:
            raise pending.pop(0)
        return Response[T](ok=True)

    def times(self, chat_id: int | None = None) -> list[float]:
        """Times (from the start) of requests, all or into one chat."""
        return [at - START for at, m in self.calls if chat_id is None or chat_key(m) == chat_id]


@pytest.fixture
async def bot() -> AsyncIterator[Bot]:
    # No request is made through this session, but it is closed all the same.
    real = Bot(TOKEN)
    try:
        yield real
    finally:
        await real.session.close()


@pytest.fixture
def clock() -> FakeTime:
    return FakeTime()


def limiter_for(
    clock: FakeTime, *, retries: int = 3, backoff: float = 0.5, per_chat_interval: float = 1.0
) -> RateLimiter:
    """The default limiter, living in fake time."""
    return RateLimiter(
        retries=retries,
        backoff=backoff,
        per_chat_interval=per_chat_interval,
        sleep=clock.sleep,
        monotonic=clock.monotonic,
    )


def send(
    limiter: RateLimiter, api: FakeApi, bot: Bot, chat_id: int, text: str = "hi"
) -> Coroutine[Any, Any, Response[Any]]:
    return limiter(api, bot, SendMessage(chat_id=chat_id, text=text))


async def later(clock: FakeTime, delay: float, action: Callable[[], Awaitable[T]]) -> T:
    await clock.sleep(delay)
    return await action()


def most_in_any_window(times: list[float], window: float) -> int:
    ordered = sorted(times)
    return max(sum(1 for t in ordered if start <= t < start + window) for start in ordered)


async def test_broadcast_keeps_the_global_rate(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)

    results = await clock.run(*(send(limiter, api, bot, 5000 + i) for i in range(100)))

    assert not [r for r in results if isinstance(r, BaseException)]
    sent = api.times()
    assert len(sent) == 100
    assert most_in_any_window(sent, 1.0) <= 29
    # Paced, not stalled: 100 messages at 29 a second take a little over three seconds.
    assert max(sent) < 4.0
    assert limiter.stats.sent == 100


async def test_sends_to_one_chat_are_a_second_apart_and_in_order(
    bot: Bot, clock: FakeTime
) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)

    await clock.run(*(send(limiter, api, bot, 42, f"n{i}") for i in range(5)))

    sent = api.times(42)
    assert len(sent) == 5
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(sent))
    texts = [m.text for _, m in api.calls if isinstance(m, SendMessage)]
    assert texts == [f"n{i}" for i in range(5)]


async def test_group_gets_at_most_twenty_a_minute(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)

    await clock.run(*(send(limiter, api, bot, -100123) for _ in range(45)))

    sent = api.times(-100123)
    assert len(sent) == 45
    assert most_in_any_window(sent, 60.0) <= 20
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(sent))


async def test_callback_answer_is_not_delayed_by_a_broadcast(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)
    answer = AnswerCallbackQuery(callback_query_id="q1")
    typing = SendChatAction(chat_id=5000, action="typing")

    await clock.run(
        *(send(limiter, api, bot, 5000 + i) for i in range(100)),
        later(clock, 1.5, lambda: limiter(api, bot, answer)),
        later(clock, 1.5, lambda: limiter(api, bot, typing)),
        later(clock, 1.5, lambda: limiter(api, bot, GetMe())),
    )

    passed = {type(m): at - START for at, m in api.calls if not isinstance(m, SendMessage)}
    assert passed == {AnswerCallbackQuery: 1.5, SendChatAction: 1.5, GetMe: 1.5}
    # The broadcast was still going on when the button was answered.
    assert max(api.times()) > 2.0


async def test_retry_after_is_waited_out_by_everyone(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)
    flooded = SendMessage(chat_id=7, text="first")
    api.failures[7] = [
        TelegramRetryAfter(
            method=flooded, message="Too Many Requests: retry after 3", retry_after=3
        ),
    ]

    results = await clock.run(
        limiter(api, bot, flooded),
        *(later(clock, 0.5, partial(send, limiter, api, bot, 10 + i)) for i in range(3)),
    )

    assert not [r for r in results if isinstance(r, BaseException)]
    assert api.times(7) == [0.0, pytest.approx(3.1)]
    others = [at - START for at, m in api.calls if chat_key(m) != 7]
    assert len(others) == 3
    assert all(at >= 3.0 for at in others)
    assert limiter.stats.retry_after == 1
    assert limiter.stats.waited == pytest.approx(3.1)
    assert limiter.stats.sent == 4


async def test_retry_after_is_raised_when_it_keeps_coming(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock, retries=1)
    api = FakeApi(clock)
    method = SendMessage(chat_id=7, text="hi")
    flood = TelegramRetryAfter(method=method, message="Too Many Requests", retry_after=1)
    api.failures[7] = [flood, flood]

    outcome, _ = await clock.run(
        limiter(api, bot, method), later(clock, 1.5, partial(send, limiter, api, bot, 8))
    )

    assert outcome is flood
    assert api.times(7) == [0.0, pytest.approx(1.1)]
    # The caller gave up, but the second 429 still holds everyone else back.
    assert api.times(8) == [pytest.approx(2.2)]
    assert limiter.stats.retry_after == 1


async def test_inline_edit_without_chat_waits_out_retry_after(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)
    edit = EditMessageText(inline_message_id="abc", text="new")
    api.failures[None] = [
        TelegramRetryAfter(method=edit, message="Too Many Requests: retry after 2", retry_after=2)
    ]

    await clock.run(limiter(api, bot, edit))

    assert api.times() == [0.0, pytest.approx(2.1)]


async def test_network_errors_are_retried_then_raised(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock, retries=3, backoff=0.5, per_chat_interval=0.0)
    api = FakeApi(clock)
    method = SendMessage(chat_id=-5, text="hi")
    api.failures[-5] = [TelegramNetworkError(method=method, message="timeout")] * 4

    [outcome] = await clock.run(limiter(api, bot, method))

    assert isinstance(outcome, TelegramNetworkError)
    assert api.times() == [0.0, 0.5, 1.5, 3.5]
    assert limiter.stats.transient == 3
    assert limiter.stats.sent == 0


async def test_server_error_is_retried_and_then_succeeds(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)
    method = SendMessage(chat_id=-5, text="hi")
    api.failures[-5] = [TelegramServerError(method=method, message="Bad Gateway")]

    [outcome] = await clock.run(limiter(api, bot, method))

    assert isinstance(outcome, Response)
    assert len(api.calls) == 2
    assert limiter.stats.transient == 1
    assert limiter.stats.sent == 1


@pytest.mark.parametrize(
    "error",
    [
        TelegramForbiddenError(
            method=SendMessage(chat_id=9, text="hi"),
            message="Forbidden: bot was blocked by the user",
        ),
        TelegramBadRequest(
            method=SendMessage(chat_id=9, text="hi"), message="Bad Request: chat not found"
        ),
        TelegramEntityTooLarge(
            method=SendMessage(chat_id=9, text="hi"), message="Request Entity Too Large"
        ),
    ],
    ids=["forbidden", "bad-request", "too-large"],
)
async def test_final_errors_are_raised_at_once(
    bot: Bot, clock: FakeTime, error: Exception
) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)
    api.failures[9] = [error]

    [outcome] = await clock.run(send(limiter, api, bot, 9))

    assert outcome is error
    assert len(api.calls) == 1
    assert limiter.stats.transient == limiter.stats.retry_after == 0


async def test_idle_chats_are_forgotten(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)
    await clock.run(*(send(limiter, api, bot, 5000 + i) for i in range(50)))
    assert limiter.tracked_chats == 50

    clock.now += 61.0
    await clock.run(send(limiter, api, bot, 1))

    assert limiter.tracked_chats == 1


async def test_string_and_int_chat_ids_share_limits(bot: Bot, clock: FakeTime) -> None:
    limiter = limiter_for(clock)
    api = FakeApi(clock)

    await clock.run(
        limiter(api, bot, SendMessage(chat_id=77, text="a")),
        limiter(api, bot, SendMessage(chat_id="77", text="b")),
    )

    assert api.times(77) == [0.0, 1.0]


async def _worker(bot: Bot, queue: asyncio.Queue[tuple[int, str]]) -> None:
    while not queue.empty():
        chat_id, text = queue.get_nowait()
        await bot.send_message(chat_id, text)


async def test_broadcast_through_the_fake_hits_no_flood_control() -> None:
    fake = FakeTelegram(flood_control=True)
    await fake.start()
    bot = Bot(
        fake.token,
        session=AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url)),
    )
    try:
        limiter = RateLimiter()
        bot.session.middleware(limiter)
        people = [fake.person(2000 + i, f"Person {i}") for i in range(45)]
        queue: asyncio.Queue[tuple[int, str]] = asyncio.Queue()
        for i in range(45):
            queue.put_nowait((2000 + i, f"Notice for {i}"))
        queue.put_nowait((2000, "Second notice"))
        queue.put_nowait((2000, "Third notice"))

        await asyncio.gather(*(_worker(bot, queue) for _ in range(8)))

        assert [m.body for m in people[0].bot_messages] == [
            "Notice for 0",
            "Second notice",
            "Third notice",
        ]
        for i, person in enumerate(people[1:], start=1):
            assert [m.body for m in person.bot_messages] == [f"Notice for {i}"]
        assert fake.flood_429_count == 0
        assert limiter.stats.sent == 47
        assert limiter.stats.retry_after == 0
    finally:
        await bot.session.close()
        await fake.stop()
