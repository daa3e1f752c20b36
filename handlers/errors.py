"""The one error handler, and the last word on anything no other handler took."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import CallbackQuery, ErrorEvent, Message
from aiogram_i18n import I18nContext

from bot.domain.errors import DomainError
from bot.domain.roster_csv import RosterFileError

log = logging.getLogger(__name__)
# A long list of CSV errors is cut so that the message stays under Telegram's 4096 characters.
MAX_LISTED_ERRORS = 30


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


async def tell(event: ErrorEvent, text: str) -> None:
    update = event.update
    if update.callback_query is not None:
        await update.callback_query.answer(text[:200], show_alert=True)
    elif update.message is not None:
        await update.message.answer(text)


def router() -> Router:
    r = Router(name="errors")

    @r.error(ExceptionTypeFilter(DomainError), F.update.as_("update"))
    async def domain_error(event: ErrorEvent, i18n: I18nContext) -> None:
        assert isinstance(event.exception, DomainError)  # noqa: S101 - the filter says so
        await tell(event, describe(event.exception, i18n))

    @r.error(ExceptionTypeFilter(TelegramBadRequest), F.exception.message.contains("not modified"))
    async def not_modified(event: ErrorEvent) -> None:
        """A button pressed twice edits a message into what it already is: nothing to say."""

    @r.error()
    async def unexpected(event: ErrorEvent, i18n: I18nContext | None = None) -> None:
        log.error(
            "update %s failed: %s",
            event.update.model_dump_json(exclude_none=True),
            event.exception,
            exc_info=event.exception,
        )
        if i18n is not None:
            await tell(event, i18n.get("error-unexpected"))

    @r.callback_query()
    async def stale_button(query: CallbackQuery, i18n: I18nContext) -> None:
        await query.answer(i18n.get("error-stale-button"), show_alert=True)

    @r.message(F.chat.type == "private")
    async def not_understood(message: Message, i18n: I18nContext) -> None:
        await message.answer(i18n.get("error-not-understood"))

    return r
