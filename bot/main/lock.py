"""The lock file of the running bot: held with `flock` for as long as the process lives, so
`restore` can tell that the bot runs, a second copy on the same data refuses to start, and a
file left behind by a killed bot blocks nothing (the kernel drops the lock with the process)."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import IO


class Held(Exception):
    """Another process holds the lock; `pid` is the one it wrote (0 if unreadable)."""

    def __init__(self, pid: int) -> None:
        super().__init__(pid)
        self.pid = pid


def _written_pid(handle: IO[str]) -> int:
    handle.seek(0)
    text = handle.read().strip()
    return int(text) if text.isdigit() else 0


class InstanceLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Takes the lock or raises Held."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.path.open("a+", encoding="ascii")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _written_pid(handle)
            handle.close()
            raise Held(pid) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def holder(path: Path) -> int | None:
    """The pid of the process holding the lock at `path`, or None when nobody holds it."""
    if not path.exists():
        return None
    with path.open("r", encoding="ascii") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _written_pid(handle) or -1
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None
