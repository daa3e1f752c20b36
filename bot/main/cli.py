"""`councilbot` and its subcommands. Each prints what it did on stdout; every failure is one
line on stderr, `councilbot: <what to fix>`, and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from pydantic import ValidationError

from bot.domain.clock import SystemClock
from bot.main.app import build_dispatcher, make_bot
from bot.main.lock import Held, InstanceLock, holder
from bot.services import backups
from bot.services.backups import PG_ADVICE, BackupService, NewerSchema
from bot.services.operations import OperationsService, version
from bot.services.settings import NoDataDir, Settings
from storage import copy as copying
from storage.backup import BackupError, check, list_backups
from storage.db import Database, ensure_sqlite_folder
from storage.migrate import current_revision, head_revision, known_revision, migrate

log = logging.getLogger("councilbot")

ADVICE = (
    "BOT_TOKEN is {problem}: set it in the environment or in .env "
    "(a token looks like 123456789:AAE...; get one from @BotFather in Telegram)"
)
DATA_DIR_ADVICE = (
    "DATA_DIR is not set: say where the data live, e.g. DATA_DIR=/var/lib/councilbot in .env "
    "or the environment (python3 dev.py run uses the project's data/), or give DATABASE_URL"
)


class Failure(Exception):
    """A problem the operator can fix; said in one line, without a traceback."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise Failure(f"{message} (see councilbot --help)")


def load_settings() -> Settings:
    try:
        settings = Settings()  # read from the environment and .env
        settings.sqlite_path  # noqa: B018 - raises NoDataDir when it cannot know where
    except ValidationError as error:
        problems = []
        for item in error.errors():
            name = str(item["loc"][0]) if item["loc"] else "?"
            if name == "bot_token":
                missing = item["type"] == "missing"
                problems.append(ADVICE.format(problem="not set" if missing else "malformed"))
            else:
                problems.append(f"{name.upper()}: {item['msg']}")
        raise Failure("; ".join(problems)) from None
    except NoDataDir:
        raise Failure(DATA_DIR_ADVICE) from None
    return settings


def where(settings: Settings) -> str:
    """The database as the operator looks for it: the absolute file, or the server."""
    path = settings.sqlite_path
    return str(path.resolve()) if path else settings.database.split("@")[-1]


async def open_database(settings: Settings, now: datetime) -> Database:
    """Opens the database and brings it to the newest schema, backing it up first when it has
    data and is behind."""
    try:
        backup = await asyncio.to_thread(backups.before_upgrade, settings, now)
    except NewerSchema as error:
        raise Failure(str(error)) from None
    except (BackupError, OSError) as error:
        raise Failure(f"not migrating {where(settings)}: the backup failed: {error}") from None
    if backup is not None:
        log.info("backed up the database before migrating it: %s", backup.path)
    try:
        ensure_sqlite_folder(settings.sqlite_path)
        db = Database(settings.database)
    except Exception as error:
        raise Failure(f"cannot open the database {where(settings)}: {error}") from None
    try:
        await migrate(db)
    except Exception as error:
        await db.dispose()
        raise Failure(f"cannot open or migrate the database {where(settings)}: {error}") from None
    return db


def take_lock(settings: Settings) -> InstanceLock | None:
    path = settings.lock_path
    if path is None:
        return None
    lock = InstanceLock(path)
    try:
        lock.acquire()
    except Held as held:
        raise Failure(
            f"another councilbot (pid {held.pid}) runs on {where(settings)}: "
            "never run two copies on the same data or token"
        ) from None
    except OSError as error:
        raise Failure(f"cannot write the lock file {path}: {error}") from None
    return lock


def telegram_failure(settings: Settings, error: TelegramAPIError) -> Failure:
    if isinstance(error, TelegramUnauthorizedError):
        return Failure(ADVICE.format(problem="refused by Telegram"))
    server = settings.telegram_api_base or "api.telegram.org"
    return Failure(f"cannot reach the Telegram Bot API at {server}: {error}")


# --- the subcommands ------------------------------------------------------------------------

# How long a stopping bot lets the updates and sends under way finish.
GRACE = 5.0


async def finish_in_flight() -> None:
    """Lets what is under way (a handler's answer, a notice's deliveries) finish for a few
    seconds, then cancels the rest while the database is still open, so each ends its
    transaction; a delivery cut off stays `sending` and is resumed at the next start."""
    others = asyncio.all_tasks() - {asyncio.current_task()}
    if not others:
        return
    _, pending = await asyncio.wait(others, timeout=GRACE)
    for task in pending:
        task.cancel()
    if pending:
        log.info("stopping: %d tasks still under way abandoned", len(pending))
        await asyncio.wait(pending, timeout=GRACE)


async def run(_: argparse.Namespace) -> int:
    settings = load_settings()
    logging.getLogger().setLevel(settings.log_level.upper())
    lock = take_lock(settings)
    try:
        clock = SystemClock()
        db = await open_database(settings, clock.now())
        log.info(
            "councilbot %s: database %s, backups in %s",
            version(),
            where(settings),
            settings.backup_dir or "(none: use pg_dump)",
        )
        bot = make_bot(settings)
        dp = build_dispatcher(settings, db, clock)
        try:
            await bot.get_me()
            await bot.delete_webhook(drop_pending_updates=False)
            # SIGTERM and SIGINT stop polling; the finally below closes everything.
            await dp.start_polling(bot, handle_signals=True, close_bot_session=False)
        except TelegramAPIError as error:
            raise telegram_failure(settings, error) from None
        finally:
            await finish_in_flight()
            await bot.session.close()
            await db.dispose()
        log.info("councilbot stopped")
    finally:
        if lock is not None:
            lock.release()
    return 0


def say(line: str) -> None:
    print(line, flush=True)  # noqa: T201 - the operator's commands answer on stdout


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


async def check_database(settings: Settings) -> None:
    path = settings.sqlite_path
    head = head_revision()
    if path is not None:
        if not path.exists():
            folder = next(p for p in path.resolve().parents if p.exists())
            if not folder.is_dir():
                raise Failure(f"cannot create the database {path.resolve()}: {folder} is a file")
            say(f"database: {path.resolve()} does not exist yet; the bot creates it at start")
            return
        try:
            checked = await asyncio.to_thread(check, path)
        except BackupError as error:
            raise Failure(f"database: {error}") from None
        revision = checked.revision
        size = _size(path.stat().st_size)
    else:
        try:
            db = Database(settings.database)
            try:
                revision = await current_revision(db)
            finally:
                await db.dispose()
        except Exception as error:
            raise Failure(f"cannot open the database {where(settings)}: {error}") from None
        size = "PostgreSQL"
    if revision == head:
        state = "up to date"
    elif revision is None or known_revision(revision):
        state = f"the bot backs it up and migrates it to {head} at start"
    else:
        raise Failure(f"database {where(settings)} has schema {revision}, newer than {head}")
    say(f"database: {where(settings)}, {size}, schema {revision or 'none'} ({state})")


def check_backups(settings: Settings) -> None:
    folder = settings.backup_dir
    if folder is None:
        say(f"backups: none by the bot; {PG_ADVICE}")
        return
    found = list_backups(folder)
    if not found:
        say(f"backups: none yet in {folder}; the bot makes one a day")
        return
    age = SystemClock().now() - found[0].taken_at
    hours = int(age.total_seconds() // 3600)
    say(f"backups: {len(found)} in {folder}, newest {found[0].path.name} ({hours} h ago)")


async def check_command(_: argparse.Namespace) -> int:
    settings = load_settings()
    say(f"settings: ok, DATA_DIR={settings.data_dir or '(not set)'}")
    await check_database(settings)
    check_backups(settings)
    pid = None if settings.lock_path is None else holder(settings.lock_path)
    say("bot: not running" if pid is None else f"bot: running (pid {pid})")
    bot = make_bot(settings)
    try:
        me = await bot.get_me()
    except TelegramAPIError as error:
        raise telegram_failure(settings, error) from None
    finally:
        await bot.session.close()
    server = settings.telegram_api_base or "api.telegram.org"
    say(f"telegram: @{me.username} (id {me.id}) at {server}")
    return 0


async def backup_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    try:
        checked = await asyncio.to_thread(backups.manual, settings, args.path, SystemClock().now())
    except (BackupError, OSError) as error:
        raise Failure(f"backup: {error}") from None
    say(
        f"backed up {where(settings)} to {checked.path}: {checked.tables} tables, "
        f"schema {checked.revision}, integrity check ok"
    )
    return 0


async def restore_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    if settings.sqlite_path is None:
        raise Failure(PG_ADVICE)
    path = settings.lock_path
    assert path is not None  # noqa: S101 - a SQLite database always has a lock file
    pid = holder(path)
    if pid is not None:
        raise Failure(
            f"the bot is running (pid {pid}) on {where(settings)}: stop it first "
            "(sudo systemctl stop councilbot), then restore"
        )
    lock = take_lock(settings)  # and no bot starts while the files are replaced
    try:
        restored = await asyncio.to_thread(
            backups.restore, settings, args.path, SystemClock().now()
        )
    except (BackupError, OSError) as error:
        raise Failure(f"restore: {error}") from None
    finally:
        if lock is not None:
            lock.release()
    kept = (
        "" if restored.replaced is None else f"; the replaced one is kept as {restored.replaced}"
    )
    say(
        f"restored {args.path} into {where(settings)} (schema {restored.backup.revision}, "
        f"integrity check ok){kept}. Start the bot: it migrates an older schema itself."
    )
    return 0


def telegram_id(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a Telegram user id: a number like 123456789 (the bot's /id says it)"
        )
    return int(text)


async def add_coordinator_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    clock = SystemClock()
    db = await open_database(settings, clock.now())
    try:
        service = OperationsService(db, clock, settings, BackupService(settings, clock))
        new = await service.appoint(args.id)
    finally:
        await db.dispose()
    already = "" if new else " already"
    say(
        f"Telegram user {args.id} is{already} a coordinator: they send /start to the bot and "
        "give their name (the running bot knows at once)"
    )
    return 0


async def copy_data_command(args: argparse.Namespace) -> int:
    settings = load_settings()
    if settings.sqlite_path is None:
        raise Failure("copy-data copies the SQLite database: DATABASE_URL names a server already")
    target_url: str = args.to
    if not target_url.startswith("postgresql+asyncpg://"):
        raise Failure(
            f"--to {target_url.split(':', 1)[0]}://...: give a postgresql+asyncpg:// URL"
        )
    shown = target_url.rsplit("@", maxsplit=1)[-1]
    lock = take_lock(settings)  # no bot writes while the rows are read
    try:
        source = await open_database(settings, SystemClock().now())
        try:
            await _copy_into(source, target_url, shown)
        finally:
            await source.dispose()
    finally:
        if lock is not None:
            lock.release()
    say(
        f"copied {where(settings)} into {shown}: set DATABASE_URL to it and start the bot "
        "(keep the SQLite file as it is until you have a pg_dump of the new database)"
    )
    return 0


async def _copy_into(source: Database, url: str, shown: str) -> None:
    try:
        target = Database(url)
    except Exception as error:
        raise Failure(f"cannot open the database {shown}: {error}") from None
    try:
        try:
            await migrate(target)
            filled = await copying.filled_tables(target)
        except Exception as error:
            raise Failure(f"cannot open or migrate the database {shown}: {error}") from None
        if filled:
            raise Failure(
                f"{shown} is not empty ({', '.join(filled[:3])}{' ...' if len(filled) > 3 else ''}"
                " have rows): copy-data fills only an empty database"
            )
        say(f"{shown}: migrated to schema {head_revision()}, empty; copying ...")
        try:
            counts = await copying.copy_rows(source, target)
        except Exception as error:  # a row the target refuses, the server gone: one line
            first = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise Failure(f"copy-data: {first}; nothing was written to {shown}") from None
        for name, (rows, _) in counts.items():
            say(f"  {name}: {rows} rows, the same count in both")
    finally:
        await target.dispose()


@dataclass(frozen=True)
class Subcommand:
    help: str
    run: Callable[[argparse.Namespace], Coroutine[object, object, int]]
    arguments: Callable[[argparse.ArgumentParser], object] = lambda _: None


SUBCOMMANDS: dict[str, Subcommand] = {
    "run": Subcommand("run the bot (the default)", run),
    "check": Subcommand(
        "check the settings, the database, the backups and the Bot API, then exit",
        check_command,
    ),
    "backup": Subcommand(
        "copy the running database consistently and check the copy",
        backup_command,
        lambda p: p.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="a file or a folder (default: the backups folder of DATA_DIR)",
        ),
    ),
    "restore": Subcommand(
        "put a backup back in place of the database; only with the bot stopped",
        restore_command,
        lambda p: p.add_argument("path", type=Path, help="the backup file"),
    ),
    "copy-data": Subcommand(
        "copy the SQLite database into an empty PostgreSQL database; only with the bot stopped",
        copy_data_command,
        lambda p: p.add_argument(
            "--to",
            required=True,
            metavar="URL",
            help="the PostgreSQL database, postgresql+asyncpg://user:password@host/dbname",
        ),
    ),
    "add-coordinator": Subcommand(
        "let a Telegram user coordinate (create organisations) without editing COORDINATOR_IDS",
        add_coordinator_command,
        lambda p: p.add_argument("id", type=telegram_id, help="their Telegram user id (/id)"),
    ),
}


def parser() -> Parser:
    top = Parser(
        prog="councilbot",
        description="The council bot. Settings come from the environment and .env "
        "(see .env.example); without a subcommand it runs the bot.",
    )
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, command in SUBCOMMANDS.items():
        command.arguments(sub.add_parser(name, help=command.help, description=command.help))
    return top


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(sys.argv[1:] if argv is None else argv)
        # The operator's commands log only trouble; `run` takes LOG_LEVEL from the settings.
        logging.basicConfig(
            level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
        return asyncio.run(SUBCOMMANDS[args.command or "run"].run(args))
    except Failure as error:
        print(f"councilbot: {error}", file=sys.stderr)  # noqa: T201 - the one line it promises
        return 2
    except KeyboardInterrupt:
        return 0
