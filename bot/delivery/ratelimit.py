"""Keeps every outgoing message within Telegram's flood limits, for replies and broadcasts alike.

Registered once on the bot's session (``bot.session.middleware(RateLimiter())``), so nothing that
sends needs to know about limits: it waits here for a free slot, and 429s and transient failures
are retried here before the caller sees them.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    TelegramEntityTooLarge,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import (
    CopyMessage,
    CopyMessages,
    EditMessageCaption,
    EditMessageMedia,
    EditMessageReplyMarkup,
    EditMessageText,
    ForwardMessage,
    ForwardMessages,
    SendAnimation,
    SendAudio,
    SendContact,
    SendDice,
    SendDocument,
    SendLocation,
    SendMediaGroup,
    SendMessage,
    SendPhoto,
    SendPoll,
    SendSticker,
    SendVenue,
    SendVideo,
    SendVideoNote,
    SendVoice,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods.base import Response

# Methods that put something into a chat. Edits count too: Telegram applies the same limits.
# sendChatAction and everything that does not post (getUpdates, answerCallbackQuery, getMe…)
# pass straight through, so a broadcast never delays a button press.
LIMITED_METHODS: frozenset[type[TelegramMethod[Any]]] = frozenset(
    {
        SendMessage,
        SendDocument,
        SendPhoto,
        SendMediaGroup,
        SendAnimation,
        SendAudio,
        SendVideo,
        SendVideoNote,
        SendVoice,
        SendSticker,
        SendPoll,
        SendLocation,
        SendVenue,
        SendContact,
        SendDice,
        CopyMessage,
        CopyMessages,
        ForwardMessage,
        ForwardMessages,
        EditMessageText,
        EditMessageReplyMarkup,
        EditMessageCaption,
        EditMessageMedia,
    },
)

# Telegram rounds retry_after to whole seconds; a little extra keeps the retry past the window.
RETRY_AFTER_MARGIN = 0.1
GROUP_WINDOW = 60.0
# A chat idle this long has no limit left to enforce, so its state can be dropped.
FORGET_AFTER = 60.0

ChatKey = int | str


@dataclass
class RateLimiterStats:
    """What the limiter has done since it was created."""

    sent: int = 0  # requests that succeeded
    retry_after: int = 0  # 429 answers waited out
    transient: int = 0  # network and 5xx failures retried
    waited: float = 0.0  # seconds spent waiting out retry_after (with the margin)


@dataclass
class _Chat:
    group: bool  # groups and channels also have a per-minute limit
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_at: float = 0.0  # earliest start of the next send into this chat
    done: deque[float] = field(default_factory=deque)  # finish times within the group window
    last_done: float = 0.0
    users: int = 0  # coroutines sending or waiting to send here


def chat_key(method: TelegramMethod[Any]) -> ChatKey | None:
    """The chat a method posts into: an int id, an ``@username``, or None for inline edits."""
    raw: object = getattr(method, "chat_id", None)
    if raw is None or raw == "":
        return None
    if isinstance(raw, int):
        return raw
    text = str(raw)
    # "123" and 123 are the same chat for Telegram, and must share one set of limits.
    return int(text) if text.lstrip("-").isdigit() else text


class RateLimiter(BaseRequestMiddleware):
    """A session middleware that paces sends globally and per chat, and retries failures.

    Sends are counted from when they finish, not when they start: a request is in flight for an
    unknown time, and Telegram counts it when it arrives, so counting from the end is what keeps
    a server-side window from seeing one more than allowed when latencies differ.

    A 429 is waited out and retried, and so are network and 5xx failures (with exponential
    backoff), each at most ``retries`` times; anything else reaches the caller at once.
    """

    def __init__(
        self,
        *,
        per_second: float = 29.0,
        per_chat_interval: float = 1.0,
        group_per_minute: int = 20,
        retries: int = 3,
        backoff: float = 0.5,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_second <= 0 or group_per_minute < 1 or retries < 0:
            msg = "per_second must be positive, group_per_minute at least 1, retries not negative"
            raise ValueError(msg)
        # A window of `period` seconds holding `capacity` sends is exactly `per_second`, and
        # also works for rates below one a second.
        self._capacity = max(1, math.floor(per_second))
        self._period = self._capacity / per_second
        self._chat_interval = per_chat_interval
        self._group_per_minute = group_per_minute
        self._retries = retries
        self._backoff = backoff
        self._sleep = sleep
        self._now = monotonic
        self.stats = RateLimiterStats()

        # Only the first waiter sleeps; the rest queue on the lock in order, so it is fair.
        self._global_lock = asyncio.Lock()
        self._global_done: deque[float] = deque()
        self._in_flight = 0
        self._finished = asyncio.Event()
        self._paused_until = 0.0
        self._chats: dict[ChatKey, _Chat] = {}
        self._swept_at = monotonic()

    @property
    def tracked_chats(self) -> int:
        """How many chats the limiter currently remembers."""
        return len(self._chats)

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if type(method) not in LIMITED_METHODS:
            return await make_request(bot, method)
        key = chat_key(method)
        if key is None:
            return await self._send(make_request, bot, method, None)
        chat = self._enter_chat(key)
        try:
            # Holding the chat's lock for the whole send keeps messages to one chat in order
            # and makes the interval run from the end of the previous send.
            async with chat.lock:
                return await self._send(make_request, bot, method, chat)
        finally:
            chat.users -= 1

    async def _send(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
        chat: _Chat | None,
    ) -> Response[TelegramType]:
        failures = 0
        flood_waits = 0
        while True:
            if chat is not None:
                await self._wait_for_chat(chat)
            await self._acquire_global()
            try:
                response = await make_request(bot, method)
            except TelegramRetryAfter as error:
                delay = error.retry_after + RETRY_AFTER_MARGIN
                # Everyone backs off, even a caller that gives up: Telegram is over the limit now.
                self._pause(delay, chat)
                if flood_waits >= self._retries:
                    raise
                flood_waits += 1
                self.stats.retry_after += 1
                self.stats.waited += delay
                continue
            except TelegramEntityTooLarge:
                # A subclass of TelegramNetworkError in aiogram, but sending it again cannot help.
                raise
            except (TelegramNetworkError, TelegramServerError):
                if failures >= self._retries:
                    raise
                delay = self._backoff * 2**failures
                failures += 1
                self.stats.transient += 1
                await self._sleep(delay)
                continue
            finally:
                # A failed request may still have reached Telegram, so it is counted as well.
                self._finish(chat)
            self.stats.sent += 1
            return response

    def _enter_chat(self, key: ChatKey) -> _Chat:
        now = self._now()
        if now - self._swept_at >= FORGET_AFTER:
            self._forget_idle_chats(now)
        chat = self._chats.get(key)
        if chat is None:
            # Private chats have positive ids; groups negative ones, channels may be @names.
            chat = self._chats[key] = _Chat(group=not (isinstance(key, int) and key > 0))
        chat.users += 1
        return chat

    def _forget_idle_chats(self, now: float) -> None:
        # Sweeping once a minute keeps the cost linear in the chats of the last two minutes.
        self._swept_at = now
        idle = [
            key
            for key, chat in self._chats.items()
            if chat.users == 0 and chat.next_at <= now and now - chat.last_done >= FORGET_AFTER
        ]
        for key in idle:
            del self._chats[key]

    async def _wait_for_chat(self, chat: _Chat) -> None:
        while True:
            now = self._now()
            start = chat.next_at
            if chat.group:
                while chat.done and now - chat.done[0] >= GROUP_WINDOW:
                    chat.done.popleft()
                if len(chat.done) >= self._group_per_minute:
                    start = max(start, chat.done[0] + GROUP_WINDOW)
            if start <= now:
                return
            await self._sleep(start - now)

    async def _acquire_global(self) -> None:
        async with self._global_lock:
            while True:
                now = self._now()
                while self._global_done and now - self._global_done[0] >= self._period:
                    self._global_done.popleft()
                if self._paused_until > now:
                    await self._sleep(self._paused_until - now)
                elif self._in_flight + len(self._global_done) < self._capacity:
                    self._in_flight += 1
                    return
                elif self._global_done:
                    await self._sleep(self._global_done[0] + self._period - now)
                else:
                    # Every slot is taken by a request still in flight; only its end frees one.
                    self._finished.clear()
                    await self._finished.wait()

    def _finish(self, chat: _Chat | None) -> None:
        now = self._now()
        self._in_flight -= 1
        self._global_done.append(now)
        self._finished.set()
        if chat is not None:
            chat.last_done = now
            chat.next_at = max(chat.next_at, now + self._chat_interval)
            if chat.group:
                chat.done.append(now)

    def _pause(self, delay: float, chat: _Chat | None) -> None:
        until = self._now() + delay
        self._paused_until = max(self._paused_until, until)
        if chat is not None:
            chat.next_at = max(chat.next_at, until)
