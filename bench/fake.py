"""The fake Bot API of the tests, with the timestamps a benchmark needs: when each message
arrived, when each callback query was answered, and when the bot first polled."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tests.fakegram import FakeTelegram, Message

JsonDict = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Arrival:
    """One message the fake accepted: when (monotonic seconds), where, and which method."""

    at: float
    chat_id: int
    method: str


class TimedTelegram(FakeTelegram):
    """FakeTelegram with flood control on (30 sends a second in all, one a second per chat,
    429 with retry_after beyond that) that also records when things happened."""

    def __init__(self) -> None:
        super().__init__(flood_control=True)
        self.first_poll_at: float | None = None
        self.answered_at: dict[str, float] = {}
        self.arrivals: list[Arrival] = []

    async def _get_updates(self, params: JsonDict) -> list[JsonDict]:
        if self.first_poll_at is None:
            self.first_poll_at = time.monotonic()
        return await super()._get_updates(params)

    def _answer_callback_query(self, params: JsonDict) -> bool:
        answered = super()._answer_callback_query(params)
        self.answered_at[str(params.get("callback_query_id", ""))] = time.monotonic()
        return answered

    def _send_message(self, params: JsonDict) -> JsonDict:
        result = super()._send_message(params)
        self.arrivals.append(Arrival(time.monotonic(), int(params["chat_id"]), "sendMessage"))
        return result

    def _edit_message_text(self, params: JsonDict) -> JsonDict:
        result = super()._edit_message_text(params)
        self.arrivals.append(Arrival(time.monotonic(), int(params["chat_id"]), "editMessageText"))
        return result

    def sends_to(self, chat_ids: set[int], method: str = "sendMessage") -> list[Arrival]:
        """Accepted calls of `method` into these chats, in order of arrival."""
        return [a for a in self.arrivals if a.method == method and a.chat_id in chat_ids]

    def bot_message(self, chat_id: int, text: str, buttons: list[tuple[str, str]]) -> Message:
        """Puts a bot message with inline buttons (label, callback data) into a private chat,
        as if the bot had sent it: the baseline needs something to press."""
        chat = self.chat(chat_id)
        message = Message(
            message_id=chat.next_message_id,
            chat_id=chat_id,
            from_bot=True,
            date=datetime.now(UTC),
            text=text,
            html=text,
            reply_markup={
                "inline_keyboard": [
                    [{"text": label, "callback_data": data} for label, data in buttons]
                ]
            },
        )
        chat.next_message_id += 1
        chat.messages.append(message)
        return message


async def until(done: Callable[[], bool], *, timeout: float, tick: float = 0.01) -> bool:  # noqa: ASYNC109 - a bound
    """Polls `done` every `tick` seconds until it holds (True) or `timeout` passes (False):
    the fake is state in this process, so looking at it is how a bench waits."""
    deadline = time.monotonic() + timeout
    while True:
        if done():
            return True
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(tick)
