"""Per-update data: the acting person, and the guard against buttons of someone else's message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.types import CallbackQuery, TelegramObject, User
from aiogram_i18n import I18nContext

from bot.services.people import PeopleService


class ActorMiddleware(BaseMiddleware):
    """Puts `actor` into the data of every update that has a user: the person is looked up by
    the Telegram user id of the update itself, never by anything the update carries inside."""

    def __init__(self, people: PeopleService, admin_ids: frozenset[int]) -> None:
        self._people = people
        self._admin_ids = admin_ids

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:  # noqa: ANN401 - whatever the handler returns
        user: User | None = data.get("event_from_user")
        if user is not None and not user.is_bot:
            actor = await self._people.actor(user.id, is_admin=user.id in self._admin_ids)
            if actor.person is not None and not actor.person.reachable:
                # They write to us again, so they unblocked the bot: messages reach them.
                actor = await self._people.mark_reachable(actor)
            data["actor"] = actor
        return await handler(event, data)


class OwnMessageGuard(BaseMiddleware):
    """Buttons act only for the person whose private chat holds the message: a press on a
    message from another chat (a forwarded ballot, a message shown in a group) changes nothing."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:  # noqa: ANN401 - whatever the handler returns
        if not isinstance(event, CallbackQuery):
            return await handler(event, data)
        message = event.message
        foreign = message is None or (
            message.chat.type == ChatType.PRIVATE and message.chat.id != event.from_user.id
        )
        if foreign:
            i18n: I18nContext = data["i18n"]
            await event.answer(i18n.get("error-foreign-button"), show_alert=True)
            return None
        return await handler(event, data)
