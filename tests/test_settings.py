"""What the operator may write in the environment or `.env`, and what the bot refuses to start
with."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from bot.services.settings import NoDataDir, Settings

TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab"
ENVIRONMENT = tuple(name.upper() for name in Settings.model_fields)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing from the environment of the person running the tests leaks into Settings."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


def settings(**values: object) -> Settings:
    # The tables below mix values of several fields; pydantic checks them at run time.
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def refused_fields(**values: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        settings(**values)
    return {str(error["loc"][0]): error["type"] for error in caught.value.errors()}


def test_a_well_formed_token_is_accepted_and_kept_secret() -> None:
    loaded = settings(bot_token=SecretStr(TOKEN))
    assert loaded.bot_token.get_secret_value() == TOKEN
    assert TOKEN not in repr(loaded)
    assert TOKEN not in str(loaded)


def test_a_token_pasted_with_spaces_around_it_is_trimmed() -> None:
    loaded = settings(bot_token=SecretStr(f"  {TOKEN}\n"))
    assert loaded.bot_token.get_secret_value() == TOKEN


def test_a_missing_token_is_refused() -> None:
    assert refused_fields() == {"bot_token": "missing"}


@pytest.mark.parametrize(
    "token",
    [
        "",
        "123456789",
        "123456789:",
        ":AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab",
        "1234:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab",
        "bot123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab",
        "123456789:short",
        "123456789:AAEhBOweik6ad9r QXMENQjcrGbqCr4K-ab",
        "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K+ab",
        "123456789:ААЕhBOweik6ad9r_QXMENQjcrGbqCr4K-ab",
        "123456789;AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab",
    ],
    ids=[
        "empty",
        "id-only",
        "id-and-colon",
        "no-id",
        "short-id",
        "bot-prefix",
        "short-secret",
        "space-inside",
        "plus-sign",
        "cyrillic-letters",
        "semicolon",
    ],
)
def test_a_malformed_token_is_refused(token: str) -> None:
    assert refused_fields(bot_token=SecretStr(token)) == {"bot_token": "value_error"}


@pytest.mark.parametrize(
    ("written", "ids"),
    [
        ("1, 2 3", {1, 2, 3}),
        ("123456789", {123456789}),
        ("  5,6,,7  ", {5, 6, 7}),
        ("8\t9", {8, 9}),
        ("", set()),
    ],
)
def test_coordinator_ids_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, written: str, ids: set[int]
) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("COORDINATOR_IDS", written)
    assert Settings(_env_file=None).coordinator_ids == ids


def test_coordinator_ids_that_are_not_numbers_are_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("COORDINATOR_IDS", "123, @ivanova")
    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None)
    assert [error["loc"][0] for error in caught.value.errors()] == ["coordinator_ids"]


def test_the_environment_is_read_when_nothing_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TIMEZONE", "Asia/Omsk")
    monkeypatch.setenv("DEFAULT_LOCALE", "en")
    loaded = Settings(_env_file=None)
    assert (loaded.bot_token.get_secret_value(), loaded.timezone, loaded.default_locale) == (
        TOKEN,
        "Asia/Omsk",
        "en",
    )


def test_a_dotenv_file_is_read(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"BOT_TOKEN={TOKEN}\nCOORDINATOR_IDS=11 12\n", encoding="utf-8")
    loaded = Settings(_env_file=env_file)
    assert loaded.bot_token.get_secret_value() == TOKEN
    assert loaded.coordinator_ids == {11, 12}


@pytest.mark.parametrize("zone", ["Europe/Moscow", "Asia/Kamchatka", "UTC"])
def test_known_time_zones_are_accepted(zone: str) -> None:
    assert settings(bot_token=SecretStr(TOKEN), timezone=zone).timezone == zone


@pytest.mark.parametrize(
    "zone", ["Europe/Luga", "MSK", "Москва", "", "../../etc/passwd", "Europe/"]
)
def test_unknown_time_zones_are_refused(zone: str) -> None:
    assert refused_fields(bot_token=SecretStr(TOKEN), timezone=zone) == {"timezone": "value_error"}


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_default_locale_ru_or_en(locale: str) -> None:
    assert settings(bot_token=SecretStr(TOKEN), default_locale=locale).default_locale == locale


@pytest.mark.parametrize("locale", ["de", "uk", "", "russian"])
def test_other_default_locales_are_refused(locale: str) -> None:
    assert refused_fields(bot_token=SecretStr(TOKEN), default_locale=locale) == {
        "default_locale": "value_error"
    }


def test_defaults() -> None:
    loaded = settings(bot_token=SecretStr(TOKEN), data_dir="data")
    assert loaded.data_dir == (Path.cwd() / "data").resolve()
    assert (
        loaded.database
        == f"sqlite+aiosqlite:///{Path.cwd().resolve() / 'data'}/councilbot.sqlite3"
    )
    assert loaded.backup_dir == (Path.cwd() / "data" / "backups").resolve()
    assert loaded.backup_keep == 14
    assert loaded.telegram_api_base is None
    assert loaded.timezone == "Europe/Moscow"
    assert loaded.default_locale == "ru"
    assert loaded.coordinator_ids == frozenset()


def test_without_data_dir_or_database_url_it_does_not_guess() -> None:
    loaded = settings(bot_token=SecretStr(TOKEN))
    with pytest.raises(NoDataDir):
        loaded.database  # noqa: B018 - the property raises


def test_database_url_wins_over_data_dir(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'elsewhere.sqlite3'}"
    loaded = settings(bot_token=SecretStr(TOKEN), data_dir=str(tmp_path / "d"), database_url=url)
    assert loaded.database == url
    assert loaded.sqlite_path == tmp_path / "elsewhere.sqlite3"
    # Backups and the lock file stay with DATA_DIR and the database file respectively.
    assert loaded.backup_dir == tmp_path / "d" / "backups"
    assert loaded.lock_path == tmp_path / "elsewhere.sqlite3.lock"


def test_postgresql_has_no_backups_of_its_own() -> None:
    loaded = settings(
        bot_token=SecretStr(TOKEN), database_url="postgresql+asyncpg://bot:secret@db/councilbot"
    )
    assert (loaded.sqlite_path, loaded.backup_dir, loaded.lock_path) == (None, None, None)


@pytest.mark.parametrize("keep", [0, -1, 1001])
def test_backup_keep_out_of_range_is_refused(keep: int) -> None:
    assert refused_fields(bot_token=SecretStr(TOKEN), backup_keep=keep) == {
        "backup_keep": "greater_than_equal" if keep < 1 else "less_than_equal"
    }


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite+aiosqlite:///data/councilbot.sqlite3", Path("data/councilbot.sqlite3")),
        ("sqlite+aiosqlite:////srv/bot/db.sqlite3", Path("/srv/bot/db.sqlite3")),
        ("sqlite+aiosqlite:///bot.db?timeout=30", Path("bot.db")),
        ("sqlite+aiosqlite:///:memory:", None),
        ("postgresql+asyncpg://bot:secret@localhost/councilbot", None),
    ],
)
def test_sqlite_path_is_the_file_to_create_a_folder_for(url: str, path: Path | None) -> None:
    assert settings(bot_token=SecretStr(TOKEN), database_url=url).sqlite_path == path


@pytest.mark.parametrize(
    ("written", "base"),
    [
        ("http://127.0.0.1:8081/", "http://127.0.0.1:8081"),
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081"),
        ("", None),
    ],
)
def test_telegram_api_base(written: str, base: str | None) -> None:
    loaded = settings(bot_token=SecretStr(TOKEN), telegram_api_base=written)
    assert loaded.telegram_api_base == base
