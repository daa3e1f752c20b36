"""Settings, read once from the environment and `.env`; tests construct them explicitly."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.domain.model import LOCALES
from bot.domain.quiet import QuietHours, parse_quiet_hours

# Tokens issued by @BotFather: the bot id, a colon, then 35 characters of URL-safe base64.
_TOKEN = re.compile(r"^\d{5,16}:[A-Za-z0-9_-]{30,64}$")
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/councilbot.sqlite3"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    bot_token: SecretStr
    database_url: str = DEFAULT_DATABASE_URL
    telegram_api_base: str | None = None
    timezone: str = "Europe/Moscow"
    default_locale: str = "ru"
    coordinator_ids: Annotated[frozenset[int], NoDecode] = Field(default_factory=frozenset)
    log_level: str = "INFO"
    # Working days a consultation request waits for a methodist before the coordinator is told.
    consultation_escalation_days: int = Field(default=3, ge=1, le=30)
    # Local hours (each organisation's time zone) when scheduled reminders, escalations and
    # reports wait for the morning: "21:00-08:00"; "off" sends them whenever they fall due.
    quiet_hours: str = "21:00-08:00"

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        if not _TOKEN.fullmatch(value.get_secret_value().strip()):
            raise ValueError("malformed token")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value

    @field_validator("quiet_hours")
    @classmethod
    def _quiet_range(cls, value: str) -> str:
        parse_quiet_hours(value)  # raises ValueError with what is wrong
        return value

    @property
    def quiet(self) -> QuietHours | None:
        """The quiet hours as the domain takes them; None when they are off."""
        return parse_quiet_hours(self.quiet_hours)

    @field_validator("default_locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in LOCALES:
            raise ValueError(f"must be one of {', '.join(LOCALES)}")
        return value

    @field_validator("coordinator_ids", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        # People write "123, 456" or "123 456" in .env; a JSON list is not what they expect.
        if isinstance(value, str):
            return frozenset(int(part) for part in re.split(r"[,\s]+", value) if part)
        return value

    @field_validator("telegram_api_base")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value.rstrip("/") or None if value else None

    @property
    def sqlite_path(self) -> Path | None:
        """The database file when the URL names a SQLite file, for creating its folder."""
        prefix = "sqlite+aiosqlite:///"
        if not self.database_url.startswith(prefix):
            return None
        path = self.database_url.removeprefix(prefix).split("?", 1)[0]
        return None if path in {"", ":memory:"} else Path(path)
