"""`councilbot`: read settings, open the database, migrate it, build the dispatcher, poll."""

from __future__ import annotations

import asyncio
import logging
import sys

from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from pydantic import ValidationError

from bot.app import build_dispatcher, make_bot
from bot.clock import SystemClock
from bot.settings import Settings
from storage.db import Database, ensure_sqlite_folder
from storage.migrate import migrate

log = logging.getLogger("councilbot")

ADVICE = (
    "BOT_TOKEN is {problem}: set it in the environment or in .env "
    "(a token looks like 123456789:AAE...; get one from @BotFather in Telegram)"
)


class StartupError(Exception):
    """A problem the person starting the bot can fix; said in one line, without a traceback."""


def load_settings() -> Settings:
    try:
        return Settings()  # read from the environment and .env
    except ValidationError as error:
        problems = []
        for item in error.errors():
            field = str(item["loc"][0]) if item["loc"] else "?"
            if field == "bot_token":
                missing = item["type"] == "missing"
                problems.append(ADVICE.format(problem="not set" if missing else "malformed"))
            else:
                problems.append(f"{field.upper()}: {item['msg']}")
        raise StartupError("; ".join(problems)) from None


async def open_database(settings: Settings) -> Database:
    where = settings.sqlite_path or settings.database_url.split("@")[-1]
    try:
        ensure_sqlite_folder(settings.sqlite_path)
        db = Database(settings.database_url)
    except Exception as error:
        raise StartupError(f"cannot open the database {where}: {error}") from None
    try:
        await migrate(db)
    except Exception as error:
        await db.dispose()
        raise StartupError(f"cannot open or migrate the database {where}: {error}") from None
    return db


async def run(settings: Settings) -> None:
    db = await open_database(settings)
    bot = make_bot(settings)
    dp = build_dispatcher(settings, db, SystemClock())
    try:
        await bot.get_me()
        await bot.delete_webhook(drop_pending_updates=False)
        await dp.start_polling(bot)
    except TelegramUnauthorizedError:
        raise StartupError(ADVICE.format(problem="refused by Telegram")) from None
    except TelegramAPIError as error:
        where = settings.telegram_api_base or "api.telegram.org"
        raise StartupError(f"cannot reach the Telegram Bot API at {where}: {error}") from None
    finally:
        await bot.session.close()
        await db.dispose()


def main() -> int:
    try:
        settings = load_settings()
        logging.basicConfig(
            level=settings.log_level.upper(),
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        asyncio.run(run(settings))
    except StartupError as error:
        print(f"councilbot: {error}", file=sys.stderr)  # noqa: T201 - the one line it promises
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
