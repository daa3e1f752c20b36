"""The switch that runs the database tests on PostgreSQL: without the server binaries it stops
at once with one line saying what to install, it never skips; without the switch, the run says
in its last line that the PostgreSQL part was not run and how to run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.processes import environment

PROJECT = Path(__file__).resolve().parent.parent


def pytest_run(*args: str, **values: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - this very interpreter, fixed arguments
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=PROJECT,
        env=environment(**values),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_postgresql_without_its_binaries_is_refused_in_one_line(tmp_path: Path) -> None:
    run = pytest_run(
        "--db=postgresql",
        "tests/test_text_rules.py",
        COUNCILBOT_PG_CTL=str(tmp_path / "nowhere" / "pg_ctl"),
        PATH="/nonexistent",
    )
    assert run.returncode == 4  # a usage error: nothing ran, nothing was skipped
    assert "no PostgreSQL server binaries (pg_ctl)" in run.stderr
    assert "apt install postgresql" in run.stderr
    assert "passed" not in run.stdout


def test_an_unknown_database_is_refused() -> None:
    run = pytest_run("tests/test_text_rules.py", COUNCILBOT_TEST_DB="mysql")
    assert run.returncode == 4
    assert "COUNCILBOT_TEST_DB='mysql'" in run.stderr


def test_a_run_on_sqlite_says_the_postgresql_part_was_not_run() -> None:
    run = pytest_run("tests/test_text_rules.py")
    assert run.returncode == 0, run.stdout
    assert "PostgreSQL: not run" in run.stdout
    assert "python3 dev.py test --db=postgresql" in run.stdout
