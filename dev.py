"""One entry point for people and CI: `python3 dev.py run` starts the bot, `python3 dev.py test`
runs the tests, `python3 dev.py bench` runs the benchmarks (bench/README.md). Each first makes
`.venv` and installs the locked dependencies into it (again only
when a lock file changed), so a fresh machine needs nothing but Python 3.11+.

Only the standard library is used here: this file runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

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


def ensure_environment(lock: Path) -> None:
    """Creates the venv and installs `lock` into it unless that exact lock is installed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs under any python3
        sys.exit("councilbot needs Python 3.11 or newer")
    if not (BIN / "python").exists():
        print("Creating .venv ...", flush=True)  # noqa: T201 - a bootstrap talks on stdout
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{lock.stem}"
    digest = hashlib.sha256(lock.read_bytes() + (ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
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
    elif command == "bench":
        argv = [str(BIN / "python"), "-m", "bench", *extra]
    else:
        argv = [str(BIN / "python"), "-m", "pytest", *extra]
    os.chdir(ROOT)
    return subprocess.call(argv)  # noqa: S603 - our own venv's tools


if __name__ == "__main__":
    sys.exit(main())
