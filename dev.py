"""One entry point for people and CI: `python3 dev.py run` starts the bot, `python3 dev.py test`
runs the tests, `python3 dev.py bench` runs the benchmarks (bench/README.md). Each first makes
`.venv` and installs the locked dependencies into it (again only
when a lock file changed), so a fresh machine needs nothing but Python 3.11+.

Then it replaces itself with the command (`os.execv`): the bot is this very process, so a
SIGTERM from systemd, docker or `kill` reaches the bot and leaves no orphan behind.
`run` keeps the data in the project's `data/` unless DATA_DIR or DATABASE_URL says otherwise.

Only the standard library is used here: this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
LOCKS = {"run": ROOT / "requirements" / "bot.lock", "test": ROOT / "requirements" / "dev.lock"}
USAGE = "usage: python3 dev.py run | test | bench [extra arguments]"


def _pip(*args: str) -> None:
    subprocess.run(  # noqa: S603 - fixed arguments, our own venv
        [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        check=True,
    )


def _stamp(lock: Path) -> Path:
    return VENV / f".installed-{lock.stem}"


def _digest(lock: Path) -> str:
    return hashlib.sha256(lock.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment(lock: Path) -> None:
    """Creates the venv and installs `lock` into it unless that exact lock is installed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs under any python3
        sys.exit("councilbot needs Python 3.11 or newer")
    if not (BIN / "python").exists():
        print("Creating .venv ...", flush=True)  # noqa: T201 - a bootstrap talks on stdout
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = _stamp(lock)
    digest = _digest(lock)
    if stamp.exists() and stamp.read_text() == digest:
        return
    # The test lock holds everything the bot's lock does, and more: installed, it serves `run`.
    test = _stamp(LOCKS["test"])
    if lock == LOCKS["run"] and test.exists() and test.read_text() == _digest(LOCKS["test"]):
        return
    print(f"Installing {lock.relative_to(ROOT)} ...", flush=True)  # noqa: T201
    _pip("install", "--require-hashes", "-r", str(lock))
    _pip("install", "--no-deps", "-e", str(ROOT))
    stamp.write_text(digest)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test", "bench"}:
        print(USAGE, file=sys.stderr)  # noqa: T201
        return 2
    command, extra = sys.argv[1], sys.argv[2:]
    try:
        ensure_environment(LOCKS["run" if command == "run" else "test"])
    except subprocess.CalledProcessError as error:
        print(f"Installing the dependencies failed: {error}", file=sys.stderr)  # noqa: T201
        return 1
    if command == "run":
        argv = [str(BIN / "councilbot"), *extra]
        if not _configured("DATA_DIR") and not _configured("DATABASE_URL"):
            os.environ["DATA_DIR"] = str(ROOT / "data")
    elif command == "bench":
        argv = [str(BIN / "python"), "-m", "bench", *extra]
    else:
        argv = [str(BIN / "python"), "-m", "pytest", *extra]
    os.chdir(ROOT)
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "nt":  # no exec there that keeps the process: wait for the child instead
        return subprocess.call(argv)  # noqa: S603 - our own venv's tools
    return _become(argv)


def _become(argv: list[str]) -> NoReturn:
    os.execv(argv[0], argv)  # noqa: S606 - our own venv's tools, replacing this process


def _configured(name: str) -> bool:
    """Whether a setting is given in the environment or in the project's .env."""
    if os.environ.get(name, "").strip():
        return True
    env_file = ROOT / ".env"
    if not env_file.is_file():
        return False
    for line in env_file.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == name and value.strip().strip("\"'"):
            return True
    return False


if __name__ == "__main__":
    sys.exit(main())
