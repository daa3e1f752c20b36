"""All messages the bot sends on its own initiative (not as a reply) go through here: rendered
in the recipient's language, with a person who blocked the bot marked unreachable."""

from __future__ import annotations

import asyncio
import logging

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram_i18n.cores import FluentRuntimeCore

from storage import people
from storage.db import Database
from storage.models import Person

log = logging.getLogger(__name__)
RETRIES = 3


class Notifier:
    def __init__(
        self, bot: Bot, db: Database, core: FluentRuntimeCore, default_locale: str
    ) -> None:
        self._bot = bot
        self._db = db
        self._core = core
        self._default_locale = default_locale

    def text(self, person: Person, key: str, **params: str | int) -> str:
        return self._core.get(key, person.locale or self._default_locale, **params)

    async def notify(self, person: Person, key: str, **params: str | int) -> bool:
        """Sends one message to a person; False when it could not be delivered."""
        if person.telegram_id is None:
            return False
        text = self.text(person, key, **params)
        for attempt in range(RETRIES):
            try:
                await self._bot.send_message(person.telegram_id, text)
            except TelegramRetryAfter as error:
                await asyncio.sleep(error.retry_after)
            except (TelegramNetworkError, TelegramServerError):
                await asyncio.sleep(2**attempt)
            except TelegramForbiddenError:
                async with self._db.transaction() as conn:
                    await people.set_reachable(conn, person.telegram_id, reachable=False)
                return False
            except TelegramBadRequest:
                log.warning("cannot send %s to person %s", key, person.id, exc_info=True)
                return False
            else:
                return True
        log.warning("gave up sending %s to person %s after %d tries", key, person.id, RETRIES)
        return False
