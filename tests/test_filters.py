"""Nothing of the bot runs in a worker thread: aiogram 3 calls a plain (not async) filter or
handler through ``asyncio.to_thread``, a thread hop per handler an update is checked against,
which made every button press wait behind the default executor's few threads under load.
Forms filter with ``StateFilter`` and magic ``F`` expressions are wrapped in ``handlers.filters``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from aiogram import F, Router
from aiogram.types import Chat, Message, User

from bot.main.app import build_dispatcher
from bot.services.settings import Settings
from handlers.filters import ANSWER, DOCUMENT, NOT_COMMAND, Magic
from storage.db import Database
from tests.clock import ClockScheduler, ManualClock


def handlers_of(router: Router) -> Iterator[tuple[str, str, object]]:
    """(router, event, callable) for every handler, filter and router-level filter."""
    for name, observer in router.observers.items():
        for handler in observer.handlers:
            yield router.name, name, handler
            for event_filter in handler.filters or []:
                yield router.name, name, event_filter
        for event_filter in observer._handler.filters or []:
            yield router.name, name, event_filter
    for sub in router.sub_routers:
        yield from handlers_of(sub)


async def test_no_filter_or_handler_runs_in_a_thread(db: Database) -> None:
    settings = Settings(_env_file=None, bot_token="123456:" + "A" * 35)
    dp = build_dispatcher(settings, db, ManualClock(), scheduler=ClockScheduler())
    checked = list(handlers_of(dp))
    # The bot has well over a hundred handlers and filters; all of them are looked at.
    assert len(checked) > 200
    sync = [
        f"{router}.{event}: {getattr(obj, 'callback', obj)!r}"
        for router, event, obj in checked
        if not getattr(obj, "awaitable", True)
    ]
    assert sync == []


def text_message(text: str | None) -> Message:
    return Message.model_validate(
        {
            "message_id": 1,
            "date": 0,
            "chat": Chat(id=5, type="private"),
            "from": User(id=5, is_bot=False, first_name="Анна"),
            "text": text,
        }
    )


@pytest.mark.parametrize(
    ("text", "answer", "not_command"),
    [
        ("Иванова Анна", True, True),
        ("/cancel", False, False),
        (None, False, True),
    ],
)
async def test_the_form_filters_keep_their_meaning(
    text: str | None, answer: bool, not_command: bool
) -> None:
    message = text_message(text)
    assert await ANSWER(message) is answer
    assert await NOT_COMMAND(message) is not_command
    assert await DOCUMENT(message) is False
    assert await Magic(F.chat.id == 5)(message) is True
