"""A throwaway PostgreSQL server started from the binaries installed on the machine, for the
tests (`--db=postgresql`) and the benchmarks: pytest-postgresql's executor runs `pg_ctl`
(initdb, start, stop) on a data folder in /tmp that is deleted afterwards.

PostgreSQL refuses to run as root; run as root (a container, CI), the server runs as the
`postgres` user Debian's package creates, through `runuser`."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import port_for
from pytest_postgresql.executors import PostgreSQLExecutor

# Debian and Ubuntu put each major version's server binaries here; the newest one wins.
DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin/pg_ctl"
# Durability is worth nothing for a server deleted at the end of the run.
FAST = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
SERVER_USER = "postgres"
READY_TIMEOUT = 60.0


class NoServerBinaries(Exception):
    """pg_ctl is nowhere to be found; the message says where we looked and what to install."""


def find_pg_ctl() -> Path | None:
    """COUNCILBOT_PG_CTL if set, else Debian's newest /usr/lib/postgresql/N/bin, else PATH."""
    given = os.environ.get("COUNCILBOT_PG_CTL", "").strip()
    if given:
        return Path(given) if Path(given).is_file() else None
    found = sorted(glob.glob(DEBIAN_BINARIES), key=_major, reverse=True)
    if found:
        return Path(found[0])
    on_path = shutil.which("pg_ctl")
    return None if on_path is None else Path(on_path)


def _major(path: str) -> int:
    version = Path(path).parent.parent.name
    return int(version) if version.isdigit() else 0


MISSING = (
    "no PostgreSQL server binaries (pg_ctl) in /usr/lib/postgresql/*/bin or on PATH: "
    "install them (Debian: sudo apt install postgresql) or set COUNCILBOT_PG_CTL=/path/to/pg_ctl"
)


@contextlib.contextmanager
def throwaway_server() -> Iterator[str]:
    """Starts a server and yields its base URL, `postgresql+asyncpg://postgres@127.0.0.1:PORT`
    (add `/dbname`); the server and its data are gone when the block ends."""
    pg_ctl = find_pg_ctl()
    if pg_ctl is None:
        raise NoServerBinaries(MISSING)
    folder = Path(tempfile.mkdtemp(prefix="councilbot-pg-"))
    try:
        executable = _as_server_user(pg_ctl, folder)
        port = port_for.select_random()
        server = PostgreSQLExecutor(
            executable=str(executable),
            host="127.0.0.1",
            port=port,
            datadir=str(folder / "data"),
            unixsocketdir=str(folder),
            logfile=str(folder / "server.log"),
            startparams="-w",
            dbname="councilbot",
            user="postgres",
            postgres_options=FAST,
        )
        server.start()
        try:
            _wait_until_ready(pg_ctl.parent / "pg_isready", port)
            yield f"postgresql+asyncpg://postgres@127.0.0.1:{port}"
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def create_database(base_url: str, name: str) -> str:
    """An empty database on the server at `base_url`; returns its URL."""
    import asyncpg  # noqa: PLC0415 - the PostgreSQL driver, only where a server is wanted

    conn = await asyncpg.connect(base_url.replace("+asyncpg", "") + "/postgres")
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return f"{base_url}/{name}"


def _wait_until_ready(pg_isready: Path, port: int) -> None:
    """pg_ctl returns once the server runs; it accepts connections a moment later."""
    deadline = time.monotonic() + READY_TIMEOUT
    while True:
        ready = subprocess.run(  # noqa: S603 - the server's own tool, fixed arguments
            [str(pg_isready), "-q", "-h", "127.0.0.1", "-p", str(port)], check=False
        )
        if ready.returncode == 0:
            return
        if time.monotonic() > deadline:
            raise NoServerBinaries("the PostgreSQL server did not accept connections in time")
        time.sleep(0.1)


def _as_server_user(pg_ctl: Path, folder: Path) -> Path:
    """pg_ctl itself, or, for root, a wrapper that runs it as the `postgres` user in a folder
    that user owns."""
    if os.geteuid() != 0:
        return pg_ctl
    try:
        user = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise NoServerBinaries(
            f"PostgreSQL does not run as root and there is no {SERVER_USER!r} user to run it as"
        ) from None
    os.chown(folder, user.pw_uid, user.pw_gid)
    wrapper = folder / "pg_ctl"
    # Its own session: a signal to the tests' process group does not stop the server under them.
    wrapper.write_text(f'#!/bin/sh\nexec setsid -w runuser -u {SERVER_USER} -- "{pg_ctl}" "$@"\n')
    wrapper.chmod(stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    return wrapper
