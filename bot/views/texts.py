"""Rendering text outside a conversation (notices the scheduler sends) with the same locale
files the handlers use. Handlers pass their I18nContext, which has the same `get`."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from aiogram_i18n.cores import FluentRuntimeCore

from bot.services.ports import Texts

# The weekday as a sentence needs it (locales/*/calendar.ftl: weekday-N).
WeekdayForm = Literal["nom", "acc", "when"]


class LocaleTexts:
    """The texts of one locale, for a message to one recipient."""

    def __init__(self, core: FluentRuntimeCore, locale: str) -> None:
        self._core = core
        self.locale = locale

    def get(self, key: str, /, **params: str | int) -> str:
        return self._core.get(key, self.locale, **params)


def when(texts: Texts, moment: datetime, timezone: str, *, form: WeekdayForm = "nom") -> str:
    """«четверг, 12.03.2027 15:00» in the organisation's time zone; the weekday in the form
    the sentence needs: «перенесено на среду, …» (acc), «заседание в среду, …» (when)."""
    local = moment.astimezone(ZoneInfo(timezone))
    return texts.get(
        "when-format",
        weekday=texts.get(f"weekday-{local.weekday()}", form=form),
        date=local.strftime("%d.%m.%Y"),
        time=local.strftime("%H:%M"),
    )


# Telegram refuses a message longer than 4096 characters.
MESSAGE_LIMIT = 4096


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Splits a long notice between lines into messages Telegram accepts; a single line longer
    than the limit (it cannot happen with our limits on titles) is cut."""
    chunks: list[str] = []
    current = ""
    for raw in text.split("\n"):
        line = raw
        while len(line) > limit:
            if current:
                chunks.append(current)
                current = ""
            chunks.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current or not chunks:
        chunks.append(current)
    return chunks
