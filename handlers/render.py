"""Small pieces of text shared by several features: role and body-kind names, dates."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.domain.clock import local_date, local_time
from bot.domain.errors import Conflict
from bot.domain.model import BodyKind, Role
from bot.services.setup import TIMEZONES

__all__ = ["local_date", "local_time"]


def role_label(i18n: I18nContext, role: Role | None, is_methodist: bool = False) -> str:
    if role is None:
        return i18n.get("role-coordinator")
    label = i18n.get(f"role-{role.value}")
    if is_methodist:
        label = i18n.get("role-with-methodist", role=label)
    return label


def kind_label(i18n: I18nContext, kind: BodyKind) -> str:
    return i18n.get(f"kind-{kind.value}")


def message_of(query: CallbackQuery) -> Message:
    """The message a button sits on; Telegram withholds messages older than 48 hours."""
    if not isinstance(query.message, Message):
        raise Conflict("error-message-too-old")
    return query.message


def zone_label(i18n: I18nContext, zone: str) -> str:
    """A time zone as people say it, «Томск (МСК+4)»; one outside the bot's list as it is."""
    if zone not in TIMEZONES:
        return zone
    return i18n.get(f"tz-{zone.replace('/', '-')}")
