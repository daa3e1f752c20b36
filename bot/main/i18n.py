"""Fluent translations through aiogram-i18n; the locale is the person's stored choice, else
their Telegram language, else Russian."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import User
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.managers import BaseManager

from bot.domain.model import LOCALES
from bot.services.access import Actor
from bot.services.people import PeopleService

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
# Where the choice of someone not yet registered is kept: their FSM storage, another destiny,
# so that /cancel, which clears a form, does not forget it.
LOCALE_DESTINY = "locale"


def make_core(default_locale: str) -> FluentRuntimeCore:
    return FluentRuntimeCore(
        path=LOCALES_DIR / "{locale}", default_locale=default_locale, raise_key_error=True
    )


def from_telegram(language_code: str | None, default: str) -> str:
    """Telegram gives `ru`, `en`, `en-GB`, `uk`...: the first part if we speak it."""
    code = (language_code or "").split("-")[0].lower()
    return code if code in LOCALES else default


class PersonLocaleManager(BaseManager):
    """Reads and stores the locale through the acting person (see middlewares.ActorMiddleware)."""

    def __init__(self, storage: BaseStorage, default_locale: str) -> None:
        super().__init__(default_locale=default_locale)
        self._storage = storage

    def _key(self, user: User, bot_id: int) -> StorageKey:
        return StorageKey(bot_id=bot_id, chat_id=user.id, user_id=user.id, destiny=LOCALE_DESTINY)

    async def get_locale(self, **data: Any) -> str:  # noqa: ANN401 - aiogram's data
        default = self.default_locale or LOCALES[0]
        actor: Actor | None = data.get("actor")
        if actor is not None and actor.person is not None and actor.person.locale in LOCALES:
            return actor.person.locale
        user: User | None = data.get("event_from_user")
        if user is None:
            return default
        stored = await self._storage.get_data(self._key(user, data["bot"].id))
        if stored.get("locale") in LOCALES:
            return str(stored["locale"])
        return from_telegram(user.language_code, default)

    async def set_locale(self, locale: str, **data: Any) -> None:  # noqa: ANN401
        actor: Actor = data["actor"]
        if actor.person is not None:
            people: PeopleService = data["people"]
            await people.set_locale(actor, locale)
        user: User = data["event_from_user"]
        await self._storage.set_data(self._key(user, data["bot"].id), {"locale": locale})
