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
SQLITE_PREFIX = "sqlite+aiosqlite:///"
DATABASE_FILE = "councilbot.sqlite3"


class NoDataDir(ValueError):
    """Neither DATA_DIR nor DATABASE_URL is set: the bot refuses to guess where the data are."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    bot_token: SecretStr
    # The folder of the database, its backups and the lock file of the running bot. No default:
    # a relative guess would start an empty database wherever the bot happened to be started.
    # `python3 dev.py run` passes the project's data/.
    data_dir: Path | None = None
    # Given, it wins over DATA_DIR for the database itself (PostgreSQL, or a file elsewhere).
    database_url: str | None = None
    # Daily backups kept in DATA_DIR/backups; older ones are deleted.
    backup_keep: int = Field(default=14, ge=1, le=1000)
    telegram_api_base: str | None = None
    timezone: str = "Europe/Moscow"
    default_locale: str = "ru"
    coordinator_ids: Annotated[frozenset[int], NoDecode] = Field(default_factory=frozenset)
    log_level: str = "INFO"
    # Working days a consultation request waits for a methodist before the coordinator is told.
    consultation_escalation_days: int = Field(default=3, ge=1, le=30)
    # Years a person's data are kept after they left their last body; then they are anonymised
    # (docs/personal-data.md). The consent text names this period.
    retention_years: int = Field(default=5, ge=1, le=75)
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

    @field_validator("data_dir")
    @classmethod
    def _absolute(cls, value: Path | None) -> Path | None:
        # Resolved once, here: the log and `check` name the folder the bot really uses.
        return None if value is None or not str(value).strip() else value.expanduser().resolve()

    @field_validator("database_url")
    @classmethod
    def _empty_url_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value else None

    @field_validator("telegram_api_base")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value.rstrip("/") or None if value else None

    @property
    def database(self) -> str:
        """The SQLAlchemy URL the bot opens: DATABASE_URL, else the SQLite file in DATA_DIR."""
        if self.database_url is not None:
            return self.database_url
        if self.data_dir is None:
            raise NoDataDir
        return f"{SQLITE_PREFIX}{self.data_dir / DATABASE_FILE}"

    @property
    def sqlite_path(self) -> Path | None:
        """The database file when the URL names a SQLite file, for creating its folder."""
        url = self.database
        if not url.startswith(SQLITE_PREFIX):
            return None
        path = url.removeprefix(SQLITE_PREFIX).split("?", 1)[0]
        return None if path in {"", ":memory:"} else Path(path)

    @property
    def data_folder(self) -> Path | None:
        """Where backups and the lock file go: DATA_DIR, else the SQLite file's own folder;
        None on a database that is not a file (PostgreSQL)."""
        if self.data_dir is not None:
            return self.data_dir
        path = self.sqlite_path
        return None if path is None else path.resolve().parent

    @property
    def lock_path(self) -> Path | None:
        """The running bot's lock file: beside its SQLite file, else in DATA_DIR."""
        path = self.sqlite_path
        if path is not None:
            return path.resolve().with_name(path.name + ".lock")
        return None if self.data_dir is None else self.data_dir / "councilbot.lock"

    @property
    def backup_dir(self) -> Path | None:
        folder = self.data_folder
        return None if folder is None or self.sqlite_path is None else folder / "backups"
