"""Filters that run in the event loop.

aiogram 3 calls a filter or handler that is a plain function in a worker thread
(``asyncio.to_thread``): a bare ``State`` or a magic ``F`` expression used as a filter is such a
function, so every update paid a thread hop for every handler it was checked against (a vote
press crossed 18 of them before reaching its handler; bench/RESULTS.md). Forms therefore filter
with ``StateFilter(...)`` and magic expressions are wrapped in ``Magic``; tests/test_filters.py
keeps it that way for every handler of the bot.
"""

from __future__ import annotations

from aiogram import F
from aiogram.enums import ChatType
from aiogram.filters import Filter
from aiogram.types import TelegramObject
from magic_filter import MagicFilter


class Magic(Filter):
    """A magic filter (``F.document``, ``F.text.startswith("/")``…) resolved in the event loop."""

    def __init__(self, rule: MagicFilter) -> None:
        self.rule = rule

    async def __call__(self, event: TelegramObject) -> bool:
        return bool(self.rule.resolve(event))


# What a form accepts as an answer: text that is not a command, so /cancel, /menu and the other
# commands work from the middle of any form.
NOT_COMMAND = Magic(~F.text.startswith("/"))
ANSWER = Magic(F.text & ~F.text.startswith("/"))
DOCUMENT = Magic(F.document)
PRIVATE = Magic(F.chat.type == ChatType.PRIVATE)
GROUP = Magic(F.chat.type.in_({ChatType.GROUP, ChatType.SUPERGROUP}))
