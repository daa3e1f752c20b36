"""Messages the bot sends on its own initiative (not as a reply): single messages rendered in
the recipient's language, and the notices bot/delivery/notices.py renders; a person who blocked
the bot is marked unreachable. Telegram's limits and retries are the RateLimiter's, on the
bot's session."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError
from aiogram.types import InlineKeyboardMarkup
from aiogram_i18n.cores import FluentRuntimeCore

from bot.domain.records import Person
from bot.services.notices import NoticeService
from bot.views.notice_texts import Outgoing
from bot.views.texts import LocaleTexts, split_message

log = logging.getLogger(__name__)


class Notifier:
    def __init__(
        self, bot: Bot, service: NoticeService, core: FluentRuntimeCore, default_locale: str
    ) -> None:
        self._bot = bot
        self._service = service
        self._core = core
        self._default_locale = default_locale

    def texts(self, person: Person) -> LocaleTexts:
        return LocaleTexts(self._core, person.locale or self._default_locale)

    def text(self, person: Person, key: str, **params: str | int) -> str:
        return self.texts(person).get(key, **params)

    async def notify(
        self,
        person: Person,
        key: str,
        *,
        markup: InlineKeyboardMarkup | None = None,
        **params: str | int,
    ) -> bool:
        """Sends one message to a person; False when it could not be delivered."""
        return await self.notify_text(person, self.text(person, key, **params), markup=markup)

    async def notify_text(
        self, person: Person, text: str, *, markup: InlineKeyboardMarkup | None = None
    ) -> bool:
        """Sends a text already rendered in the person's language."""
        return await self.tell(person, Outgoing(text, markup))

    async def tell(self, person: Person, outgoing: Outgoing) -> bool:
        """Sends a rendered message to a person (a long text in parts, then its files); False
        when it could not be delivered: no Telegram, blocked (then they are marked unreachable)
        or refused (logged)."""
        if person.telegram_id is None:
            return False
        try:
            await self.send(person.telegram_id, outgoing)
        except TelegramForbiddenError:
            await self._service.unreachable(person.telegram_id)
            return False
        except TelegramAPIError:
            log.warning("cannot send a message to person %s", person.id, exc_info=True)
            return False
        return True

    async def send(self, chat_id: int, outgoing: Outgoing) -> int:
        """Sends a rendered notice to a chat: a long text in parts, then its files; returns the
        id of the message that carries its buttons. Telegram's refusals are raised for the
        caller to record."""
        *first, last = split_message(outgoing.text)
        for chunk in first:
            await self._bot.send_message(chat_id, chunk)
        sent = await self._bot.send_message(chat_id, last, reply_markup=outgoing.markup)
        for file in outgoing.files:
            await self._bot.send_document(chat_id, file)
        return sent.message_id

    async def edit(self, chat_id: int, message_id: int, outgoing: Outgoing) -> None:
        """Redraws a message sent earlier (a closed ballot); refusals are raised as by send."""
        await self._bot.edit_message_text(
            outgoing.text, chat_id=chat_id, message_id=message_id, reply_markup=outgoing.markup
        )
