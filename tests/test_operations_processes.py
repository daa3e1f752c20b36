"""The operator's commands on real processes: `check` on a good and on each kind of bad set-up,
a backup taken while the bot writes votes, `restore` refused while the bot runs, a backup
before every migration, SIGTERM to `python3 dev.py run`."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain.clock import SystemClock
from bot.domain.meetings import MeetingForm, NoticeKind
from storage import meetings, notices
from storage.backup import check, list_backups
from storage.db import Database
from storage.migrate import head_revision, migrate
from tests import factories
from tests.fakegram import FakeTelegram, Person
from tests.processes import (
    TIMEOUT,
    Run,
    assert_one_line_without_traceback,
    assert_said_in_one_line,
    environment,
    finish,
    run_cli,
    start_cli,
)

PROJECT = Path(__file__).resolve().parent.parent
FOREIGN_TOKEN = "987654321:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab"
VOTERS = 12


def settings_for(fake: FakeTelegram, data: Path, **more: str) -> dict[str, str]:
    return {
        "BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE": fake.base_url,
        "DATA_DIR": str(data),
        "LOG_LEVEL": "INFO",
    } | more


def table_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {row[0] for row in rows}


def votes_in(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM vote_log").fetchone()[0])


@asynccontextmanager
async def running_bot(
    fake: FakeTelegram, data: Path, cwd: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    """The real bot, polling the fake; stopped with SIGTERM at the end."""
    polls = fake.polls_started
    process = await start_cli(cwd, **settings_for(fake, data))
    try:
        await fake.wait_until_polling(timeout=TIMEOUT, after=polls)
        yield process
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        run = await finish(process, "the bot")
        assert run.code == 0, run


# --- check ----------------------------------------------------------------------------------


async def test_check_on_a_good_set_up_says_what_it_found(tmp_path: Path) -> None:
    data = tmp_path / "data"
    async with FakeTelegram() as fake:
        run = await run_cli(tmp_path, "check", **settings_for(fake, data))
        assert (run.code, run.stderr) == (0, ""), run
        assert "does not exist yet" in run.stdout
        assert not data.exists()  # check changes nothing

        db = Database(f"sqlite+aiosqlite:///{data / 'councilbot.sqlite3'}")
        data.mkdir()
        await migrate(db)
        await db.dispose()
        run = await run_cli(tmp_path, "check", **settings_for(fake, data))
        fake.assert_no_unknown_calls()
    assert (run.code, run.stderr) == (0, ""), run
    lines = run.stdout.splitlines()
    assert lines[0] == f"settings: ok, DATA_DIR={data}"
    assert lines[1].startswith(f"database: {data / 'councilbot.sqlite3'}, ")
    assert f"schema {head_revision()} (up to date)" in lines[1]
    assert lines[2].startswith("backups: none yet")
    assert lines[3] == "bot: not running"
    assert lines[4].startswith("telegram: @council_test_bot")


def _newer_schema(data: Path) -> None:
    data.mkdir()
    with sqlite3.connect(data / "councilbot.sqlite3") as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('9999')")


def _not_a_database(data: Path) -> None:
    data.mkdir()
    (data / "councilbot.sqlite3").write_bytes(b"this is not a database" * 100)


def _a_file_for_a_folder(data: Path) -> None:
    data.write_text("a file where the data folder should be", encoding="utf-8")


BAD = {
    "no-token": ({"BOT_TOKEN": ""}, None, "BOT_TOKEN is not set"),
    "malformed-token": ({"BOT_TOKEN": "123:abc"}, None, "BOT_TOKEN is malformed"),
    "no-data-dir": ({"DATA_DIR": ""}, None, "DATA_DIR is not set"),
    "unknown-zone": ({"TIMEZONE": "Europe/Luga"}, None, "TIMEZONE"),
    "data-dir-is-a-file": ({}, _a_file_for_a_folder, "is a file"),
    "not-a-database": ({}, _not_a_database, "not a readable database"),
    "newer-schema": ({}, _newer_schema, "newer than"),
    "token-refused": ({"BOT_TOKEN": FOREIGN_TOKEN}, None, "refused by Telegram"),
    "telegram-unreachable": ({"TELEGRAM_API_BASE": "nowhere"}, None, "cannot reach"),
}


@pytest.mark.parametrize("kind", BAD)
async def test_check_on_a_bad_set_up_says_what_is_wrong_in_one_line(
    tmp_path: Path, nowhere: str, kind: str
) -> None:
    values, prepare, problem = BAD[kind]
    data = tmp_path / "data"
    if prepare is not None:
        prepare(data)
    async with FakeTelegram() as fake:
        env = settings_for(fake, data) | values
        if env["TELEGRAM_API_BASE"] == "nowhere":
            env["TELEGRAM_API_BASE"] = nowhere
        run = await run_cli(tmp_path, "check", **{k: v for k, v in env.items() if v})
    line = assert_one_line_without_traceback(run)
    assert problem in line
    assert FOREIGN_TOKEN not in run.stderr


# --- backups --------------------------------------------------------------------------------


async def absentee_meeting(db: Database, voters: int) -> list[int]:
    """A council whose absentee ballot goes out as soon as the bot starts; its members' ids."""
    council = await factories.council(db, coordinator_id=3001, secretary_id=3002)
    members = await factories.members(db, council.body, voters, first_id=40_000)
    now = SystemClock().now()
    async with db.transaction() as conn:
        meeting = await meetings.create_meeting(
            conn,
            body_id=council.body.id,
            form=MeetingForm.ABSENTEE,
            starts_at=now + timedelta(days=3),
            vote_deadline=now + timedelta(days=2),
            place=None,
            extraordinary=True,
            short_notice_confirmed_by=council.coordinator.id,
            created_by=council.coordinator.id,
            now=now,
        )
        await meetings.add_item(
            conn,
            meeting_id=meeting.id,
            title="Об утверждении плана методической работы",
            speaker=None,
            needs_decision=True,
            proposal_id=None,
            now=now,
        )
        await notices.add_notice(
            conn, meeting_id=meeting.id, kind=NoticeKind.BALLOT, due_at=now, now=now
        )
    return [m.telegram_id for m in members if m.telegram_id is not None]


async def keep_voting(voters: list[Person], stop: asyncio.Event) -> int:
    """Members change their answer back and forth, one press after another, until told to
    stop: every press is a write of the bot."""
    presses = 0
    while not stop.is_set():
        for voter in voters:
            choice = "1 · За" if presses // len(voters) % 2 == 0 else "1 · Против"
            await voter.press(choice)
            presses += 1
    return presses


async def test_a_backup_taken_while_the_bot_writes_votes_is_whole(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "councilbot.sqlite3"
    db = Database(f"sqlite+aiosqlite:///{database}")
    await migrate(db)
    ids = await absentee_meeting(db, VOTERS)
    await db.dispose()
    async with FakeTelegram() as fake:
        voters = [fake.person(telegram_id, "Участница") for telegram_id in ids]
        async with running_bot(fake, data, tmp_path):
            for voter in voters:
                await voter.wait_for("Ваш опросный лист", timeout=TIMEOUT)
            stop = asyncio.Event()
            voting = asyncio.create_task(keep_voting(voters, stop))
            runs: list[Run] = []
            try:
                for number in range(3):
                    target = tmp_path / f"copy-{number}.sqlite3"
                    runs.append(
                        await run_cli(tmp_path, "backup", str(target), **settings_for(fake, data))
                    )
            finally:
                stop.set()
                presses = await voting
        fake.assert_no_unknown_calls()
    assert presses > 0
    everything = table_names(database)
    for number, run in enumerate(runs):
        assert (run.code, run.stderr) == (0, ""), run
        assert "integrity check ok" in run.stdout
        copy = tmp_path / f"copy-{number}.sqlite3"
        assert table_names(copy) == everything
        checked = check(copy)
        assert checked.revision == head_revision()
        assert not copy.with_name(copy.name + "-wal").exists()
    assert votes_in(tmp_path / "copy-0.sqlite3") <= votes_in(database)
    assert votes_in(tmp_path / "copy-2.sqlite3") > 0


async def test_restore_is_refused_while_the_bot_runs_and_works_once_it_stopped(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    async with FakeTelegram() as fake:
        env = settings_for(fake, data)
        async with running_bot(fake, data, tmp_path) as bot:
            made = await run_cli(tmp_path, "backup", **env)
            assert made.code == 0, made
            # The bot made its first daily backup at start-up; this one is the operator's.
            (backup,) = [b for b in list_backups(data / "backups") if b.reason == "manual"]
            refused = await run_cli(tmp_path, "restore", str(backup.path), **env)
            line = assert_one_line_without_traceback(refused)
            assert f"the bot is running (pid {bot.pid})" in line
            assert "stop it first" in line
            checked = await run_cli(tmp_path, "check", **env)
            assert f"bot: running (pid {bot.pid})" in checked.stdout
            # A second copy of the bot on the same data refuses to start, too.
            second = await run_cli(tmp_path, **env)
            assert "another councilbot" in assert_said_in_one_line(second)
        # The bot stopped; something gets written after the backup, then the backup goes back.
        with sqlite3.connect(data / "councilbot.sqlite3") as conn:
            conn.execute(
                "INSERT INTO organisations (name, timezone, created_at) "
                "VALUES ('после копии', 'Europe/Moscow', '2027-03-01 09:00:00')"
            )
        restored = await run_cli(tmp_path, "restore", str(backup.path), **env)
        assert (restored.code, restored.stderr) == (0, ""), restored
        assert "restored" in restored.stdout
        with sqlite3.connect(data / "councilbot.sqlite3") as conn:
            assert conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 0
        # What it replaced is kept beside it, with the row written after the backup.
        (kept,) = [p for p in data.glob("councilbot.sqlite3.replaced-*") if p.name[-4] != "-"]
        with sqlite3.connect(kept) as conn:
            assert conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 1
        # And the bot starts on the restored database.
        async with running_bot(fake, data, tmp_path):
            pass


async def test_restore_refuses_what_is_not_a_backup(tmp_path: Path) -> None:
    data = tmp_path / "data"
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 50)
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    async with FakeTelegram() as fake:
        env = settings_for(fake, data)
        for path, problem in (
            (junk, "not a readable database"),
            (empty, "not a councilbot backup"),
            (tmp_path / "missing.sqlite3", "no database file"),
        ):
            line = assert_one_line_without_traceback(
                await run_cli(tmp_path, "restore", str(path), **env)
            )
            assert problem in line
    assert not (data / "councilbot.sqlite3").exists()


@pytest.mark.parametrize("command", [("backup",), ("restore", "some.dump")])
async def test_on_postgresql_backups_are_pg_dumps_business(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    run = await run_cli(
        tmp_path,
        *command,
        BOT_TOKEN=FOREIGN_TOKEN,
        DATABASE_URL="postgresql+asyncpg://bot:secret@127.0.0.1:1/councilbot",
    )
    line = assert_one_line_without_traceback(run)
    assert "pg_dump" in line
    assert "secret" not in run.stderr


async def test_a_database_is_backed_up_before_it_is_migrated(tmp_path: Path, nowhere: str) -> None:
    data = tmp_path / "data"
    data.mkdir()
    db = Database(f"sqlite+aiosqlite:///{data / 'councilbot.sqlite3'}")
    await migrate(db, "0006")
    await db.dispose()
    # Rows as a release of that time wrote them (today's factories write today's columns).
    with sqlite3.connect(data / "councilbot.sqlite3") as conn:
        conn.executemany(
            "INSERT INTO persons (telegram_id, full_name, created_at, updated_at)"
            " VALUES (?, ?, '2027-03-01 09:00:00.000000', '2027-03-01 09:00:00.000000')",
            [(3001, "Смирнова Ольга Ивановна"), (3002, "Петрова Анна Сергеевна")],
        )
    # The bot migrates, then cannot reach Telegram and stops: the backup was taken before.
    run = await run_cli(
        tmp_path, BOT_TOKEN=FOREIGN_TOKEN, TELEGRAM_API_BASE=nowhere, DATA_DIR=str(data)
    )
    assert "cannot reach" in assert_said_in_one_line(run)
    (before,) = list_backups(data / "backups")
    assert before.reason == "before-upgrade"
    assert check(before.path).revision == "0006"
    with sqlite3.connect(before.path) as conn:
        assert conn.execute("SELECT count(*) FROM persons").fetchone()[0] == 2
    assert check(data / "councilbot.sqlite3").revision == head_revision()
    # Up to date now: the next start takes no second backup.
    await run_cli(tmp_path, BOT_TOKEN=FOREIGN_TOKEN, TELEGRAM_API_BASE=nowhere, DATA_DIR=str(data))
    assert len(list_backups(data / "backups")) == 1


# --- signals --------------------------------------------------------------------------------


def processes_with(marker: str) -> list[int]:
    """Pids of live processes whose environment carries `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc to look for orphans")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_to_dev_py_run_stops_the_bot_itself(
    tmp_path: Path, signum: signal.Signals
) -> None:
    marker = f"COUNCILBOT_TEST_MARKER={tmp_path.name}"
    async with FakeTelegram() as fake:
        data = tmp_path / "data"
        # DATABASE_URL too: a developer's own .env in the project must not point elsewhere.
        url = f"sqlite+aiosqlite:///{data / 'councilbot.sqlite3'}"
        env = environment(**settings_for(fake, data), DATABASE_URL=url)
        env["COUNCILBOT_TEST_MARKER"] = tmp_path.name
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(PROJECT / "dev.py"),
            "run",
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        await fake.wait_until_polling(timeout=TIMEOUT)
        # dev.py became the bot: one process, the very one that was started.
        assert processes_with(marker) == [process.pid]
        process.send_signal(signum)
        run = await finish(process, "python3 dev.py run")
        polls_after_stop = fake.polls_started
        await asyncio.sleep(0)
    assert run.code == 0, run
    assert "Traceback" not in run.stderr, run.stderr
    assert "councilbot stopped" in run.stderr
    assert processes_with(marker) == []
    assert fake.polls_started == polls_after_stop
    assert (tmp_path / "data" / "councilbot.sqlite3").is_file()


async def test_a_database_of_a_newer_version_is_left_alone(tmp_path: Path, nowhere: str) -> None:
    data = tmp_path / "data"
    _newer_schema(data)
    run = await run_cli(
        tmp_path, BOT_TOKEN=FOREIGN_TOKEN, TELEGRAM_API_BASE=nowhere, DATA_DIR=str(data)
    )
    line = assert_said_in_one_line(run)
    assert "schema 9999, newer than this code knows" in line
    assert table_names(data / "councilbot.sqlite3") == {"alembic_version"}
    assert list_backups(data / "backups") == []
    # Nor does an older councilbot restore a backup the newer one made.
    restore = await run_cli(
        tmp_path,
        "restore",
        str(data / "councilbot.sqlite3"),
        BOT_TOKEN=FOREIGN_TOKEN,
        DATA_DIR=str(tmp_path / "other"),
    )
    assert "newer than this code knows" in assert_one_line_without_traceback(restore)
