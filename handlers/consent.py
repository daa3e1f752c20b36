"""Consent to the processing of personal data: the message with «Согласен(на)» / «Не согласен(на)»,
and the gate that asks a registered person again when their consent does not cover the current
text (the coordinator changed it, or a secretary added them on paper)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any

from aiogram import BaseMiddleware, F, Router
from aiogram.dispatcher.flags import get_flag
from aiogram.enums import ChatType
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, TelegramObject
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiogram_i18n import I18nContext

from bot.domain.errors import Conflict, NotFound
from bot.services.access import Actor
from bot.services.consent import ConsentService, Offer
from bot.services.people import PeopleService
from handlers.menu import show_menu
from handlers.render import message_of

# Handlers a person reaches without a current consent: the consent itself, their own data and
# its erasure, and the commands that only change the conversation.
WITHOUT_CONSENT = {"without_consent": True}


class ConsentAnswer(StrEnum):
    """The answer to the consent question."""

    YES = "yes"
    NO = "no"


class ConsentCb(CallbackData, prefix="cs"):
    answer: ConsentAnswer
    version: int  # the consent_versions row shown


def consent_markup(offer: Offer, i18n: I18nContext) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(
        text=i18n.get("consent-yes"),
        callback_data=ConsentCb(answer=ConsentAnswer.YES, version=offer.version.id),
    )
    kb.button(
        text=i18n.get("consent-no"),
        callback_data=ConsentCb(answer=ConsentAnswer.NO, version=offer.version.id),
    )
    kb.adjust(2)
    return kb.as_markup()


async def send_consent(message: Message, offer: Offer, i18n: I18nContext) -> None:
    """The consent text as its own message, apart from any other text (152-FZ art. 9 p. 1)."""
    await message.answer(offer.text, reply_markup=consent_markup(offer, i18n))


class ConsentGate(BaseMiddleware):
    """Before any other handler: a registered person whose consent does not cover the current
    text of their organisation gets the text to agree to, and nothing else happens."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:  # noqa: ANN401 - whatever the handler returns
        actor: Actor | None = data.get("actor")
        if (
            actor is None
            or actor.person is None
            or actor.consented
            or get_flag(data, "without_consent")
        ):
            return await handler(event, data)
        target = event.message if isinstance(event, CallbackQuery) else event
        if not isinstance(target, Message) or target.chat.type != ChatType.PRIVATE:
            return await handler(event, data)
        i18n: I18nContext = data["i18n"]
        consent: ConsentService = data["consent"]
        answer: CallbackAnswer | None = data.get("callback_answer")
        if answer is not None:
            answer.text, answer.show_alert = i18n.get("consent-required-alert"), True
        await target.answer(i18n.get("consent-ask-again"))
        await send_consent(target, await consent.offer_for(actor, i18n.locale), i18n)
        return None


async def agree(
    query: CallbackQuery,
    callback_data: ConsentCb,
    actor: Actor,
    consent: ConsentService,
    people: PeopleService,
    i18n: I18nContext,
) -> None:
    if actor.person is None:
        raise NotFound("error-stale-button")
    message = message_of(query)
    try:
        await consent.agree(actor, callback_data.version, i18n.locale)
    except Conflict as error:
        if error.key == "consent-error-changed":
            # The text changed while it was being read: the new one, to answer again.
            await send_consent(message, await consent.offer_for(actor, i18n.locale), i18n)
        raise
    await message.edit_reply_markup(reply_markup=None)
    await message.answer(i18n.get("consent-recorded"))
    fresh = await people.actor(actor.telegram_id, is_admin=actor.is_admin)
    await show_menu(message, fresh, people, i18n, edit=False)


async def decline(query: CallbackQuery, actor: Actor, i18n: I18nContext) -> None:
    if actor.person is None:
        raise NotFound("error-stale-button")
    message = message_of(query)
    await message.edit_reply_markup(reply_markup=None)
    await message.answer(i18n.get("consent-declined-existing"))


def router() -> Router:
    r = Router(name="consent")
    r.callback_query.register(
        agree, ConsentCb.filter(F.answer == ConsentAnswer.YES), flags=WITHOUT_CONSENT
    )
    r.callback_query.register(
        decline, ConsentCb.filter(F.answer == ConsentAnswer.NO), flags=WITHOUT_CONSENT
    )
    return r
