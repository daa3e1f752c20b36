"""`councilbot` (here `python -m bot`) as the operator runs it: a mistake in the set-up is said
in one line that tells what to fix, never with a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fakegram import FakeTelegram
from tests.processes import (
    Run,
    assert_one_line_without_traceback,
    assert_said_in_one_line,
    run_cli,
)

# A token of the right shape that no server accepts.
FOREIGN_TOKEN = "987654321:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ab"


async def run_bot(cwd: Path, **values: str) -> Run:
    """`councilbot` without a subcommand: it runs the bot."""
    return await run_cli(cwd, **values)


async def test_no_token_says_where_to_get_one(tmp_path: Path, nowhere: str) -> None:
    run = await run_bot(tmp_path, TELEGRAM_API_BASE=nowhere)
    line = assert_one_line_without_traceback(run)
    assert "BOT_TOKEN" in line
    assert "@BotFather" in line
    assert "not set" in line


async def test_malformed_token_says_it_is_malformed(tmp_path: Path, nowhere: str) -> None:
    run = await run_bot(tmp_path, BOT_TOKEN="123:abc", TELEGRAM_API_BASE=nowhere)
    line = assert_one_line_without_traceback(run)
    assert "BOT_TOKEN" in line
    assert "malformed" in line
    assert "@BotFather" in line
    assert "123:abc" not in line


async def test_a_database_that_cannot_be_opened_is_named(tmp_path: Path, nowhere: str) -> None:
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    database = tmp_path / "afile" / "sub" / "x.db"
    run = await run_bot(
        tmp_path,
        BOT_TOKEN=FOREIGN_TOKEN,
        TELEGRAM_API_BASE=nowhere,
        DATABASE_URL=f"sqlite+aiosqlite:///{database}",
    )
    line = assert_one_line_without_traceback(run)
    assert str(database) in line
    assert FOREIGN_TOKEN not in run.stderr


async def test_a_token_telegram_refuses_is_said_so_and_the_database_is_created(
    tmp_path: Path,
) -> None:
    async with FakeTelegram() as fake:
        assert fake.token != FOREIGN_TOKEN
        run = await run_bot(
            tmp_path,
            BOT_TOKEN=FOREIGN_TOKEN,
            TELEGRAM_API_BASE=fake.base_url,
            DATA_DIR=str(tmp_path / "data"),
        )
        fake.assert_no_unknown_calls()

    line = assert_said_in_one_line(run)
    assert line.startswith("councilbot: ")
    assert "BOT_TOKEN" in line
    assert "refused" in line
    assert FOREIGN_TOKEN not in run.stderr
    assert (tmp_path / "data").is_dir()
    database = tmp_path / "data" / "councilbot.sqlite3"
    assert database.is_file()
    # The operator can see which file the bot uses, whatever folder it was started from.
    assert str(database.resolve()) in run.stderr


async def test_telegram_out_of_reach_is_said_in_one_line(tmp_path: Path, nowhere: str) -> None:
    run = await run_bot(
        tmp_path, BOT_TOKEN=FOREIGN_TOKEN, TELEGRAM_API_BASE=nowhere, DATA_DIR=str(tmp_path)
    )
    line = assert_said_in_one_line(run)
    assert line.startswith("councilbot: ")
    assert "Telegram" in line or nowhere.removeprefix("http://") in line


async def test_without_data_dir_it_refuses_to_guess_where_the_data_are(
    tmp_path: Path, nowhere: str
) -> None:
    run = await run_bot(tmp_path, BOT_TOKEN=FOREIGN_TOKEN, TELEGRAM_API_BASE=nowhere)
    line = assert_one_line_without_traceback(run)
    assert "DATA_DIR" in line
    assert "/var/lib/councilbot" in line
    # Nothing was created where it happened to be started.
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("frob",), "invalid choice"),
        (("add-coordinator", "ivanova"), "not a Telegram user id"),
        (("restore",), "the following arguments are required"),
        (("backup", "a", "b"), "unrecognized arguments"),
    ],
)
async def test_a_wrong_command_line_is_one_line_too(
    tmp_path: Path, args: tuple[str, ...], problem: str
) -> None:
    line = assert_one_line_without_traceback(await run_cli(tmp_path, *args))
    assert problem in line
    assert "--help" in line


async def test_every_subcommand_has_help(tmp_path: Path) -> None:
    top = await run_cli(tmp_path, "--help")
    assert top.code == 0
    for name in ("run", "check", "backup", "restore", "add-coordinator"):
        assert name in top.stdout
        run = await run_cli(tmp_path, name, "--help")
        assert (run.code, run.stderr) == (0, ""), run
        assert f"councilbot {name}" in run.stdout


async def test_a_database_driver_not_installed_says_which_extra_to_install(
    tmp_path: Path,
) -> None:
    """DATABASE_URL names PostgreSQL on a machine where asyncpg is not installed (a folder first
    on the path hides the installed one, as if it had never been installed)."""
    hidden = tmp_path / "without-asyncpg" / "asyncpg"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'asyncpg'\", name='asyncpg')\n"
    )
    run = await run_cli(
        tmp_path,
        "check",
        BOT_TOKEN=FOREIGN_TOKEN,
        DATABASE_URL="postgresql+asyncpg://councilbot@127.0.0.1:9/councilbot",
        PYTHONPATH=str(hidden.parent),
    )
    line = assert_one_line_without_traceback(run)
    assert "asyncpg" in line
    assert "pip install 'councilbot[postgres]'" in line
