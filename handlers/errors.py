"""The one error handler, and the last word on anything no other handler took."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import CallbackQuery, ErrorEvent, Message, TelegramObject
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.domain.errors import DomainError
from bot.domain.roster_csv import RosterFileError
from handlers.filters import PRIVATE, Magic

log = logging.getLogger(__name__)
# A long list of CSV errors is cut so that the message stays under Telegram's 4096 characters.
MAX_LISTED_ERRORS = 30
# Telegram shows at most 200 characters in a callback alert; longer answers go to the chat.
ALERT = 200


def describe(error: DomainError, i18n: I18nContext) -> str:
    """The person-facing text of a domain error, with every line of a bad CSV file."""
    text = i18n.get(error.key, **error.params)
    if isinstance(error, RosterFileError):
        lines = [text]
        for line_error in error.errors[:MAX_LISTED_ERRORS]:
            problem = i18n.get(line_error.key, **line_error.params)
            lines.append(i18n.get("roster-csv-line", problem=problem, **line_error.line_params()))
        if len(error.errors) > MAX_LISTED_ERRORS:
            lines.append(i18n.get("roster-csv-more", count=len(error.errors) - MAX_LISTED_ERRORS))
        lines.append(i18n.get("roster-csv-fix-and-resend"))
        text = "\n".join(lines)
    return text


class DomainErrorMiddleware(BaseMiddleware):
    """Turns a domain error into the person's answer right where it happens: an alert on the
    pressed button (through aiogram's CallbackAnswer, which answers every query exactly once)
    or a reply to the message. Nothing was changed: services raise before they write."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:  # noqa: ANN401 - whatever the handler returns
        try:
            return await handler(event, data)
        except DomainError as error:
            text = describe(error, data["i18n"])
            answer: CallbackAnswer | None = data.get("callback_answer")
            if isinstance(event, CallbackQuery) and answer is not None and len(text) <= ALERT:
                answer.text, answer.show_alert = text, True
            elif isinstance(event, CallbackQuery) and isinstance(event.message, Message):
                await event.message.answer(text)
            elif isinstance(event, Message):
                await event.answer(text)
            return None


async def not_modified(event: ErrorEvent) -> None:
    """A button pressed twice edits a message into what it already is: nothing to say."""


async def unexpected(event: ErrorEvent, i18n: I18nContext | None = None) -> None:
    log.error(
        "update %s failed: %s",
        event.update.model_dump_json(exclude_none=True),
        event.exception,
        exc_info=event.exception,
    )
    # A pressed button was already answered (empty) by CallbackAnswerMiddleware: the
    # apology goes into the chat instead.
    update = event.update
    query = update.callback_query
    message = update.message or (query.message if query is not None else None)
    if i18n is not None and isinstance(message, Message):
        await message.answer(i18n.get("error-unexpected"))


async def stale_button(
    query: CallbackQuery, i18n: I18nContext, callback_answer: CallbackAnswer
) -> None:
    # Through CallbackAnswerMiddleware, which answers every press once: answering here
    # as well made Telegram refuse the second answer, and the person got an apology.
    callback_answer.text, callback_answer.show_alert = i18n.get("error-stale-button"), True


async def not_understood(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("error-not-understood"))


def router() -> Router:
    r = Router(name="errors")
    r.errors.register(
        not_modified,
        ExceptionTypeFilter(TelegramBadRequest),
        Magic(F.exception.message.contains("not modified")),
    )
    r.errors.register(unexpected)
    r.callback_query.register(stale_button)
    r.message.register(not_understood, PRIVATE)
    return r
