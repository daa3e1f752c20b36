"""`python -m bench` (or `python3 dev.py bench`): runs every benchmark against the real bot and
writes bench/RESULTS.md. `python -m bench vote broadcast` runs only those (the file then holds
only them)."""

from __future__ import annotations

import argparse
import asyncio
import time
import traceback
from collections.abc import Awaitable, Callable

from bench import broadcast, footprint, vote_burst
from bench.report import Section, write

BENCHES: dict[str, Callable[[], Awaitable[Section]]] = {
    "vote": vote_burst.run,
    "vote-pg": vote_burst.run_on_postgresql,
    "broadcast": broadcast.broadcast,
    "crash": broadcast.crash,
    "footprint": footprint.run,
}


async def run_all(names: list[str]) -> list[Section]:
    sections = []
    for name in names:
        started = time.monotonic()
        print(f"bench {name} ...", flush=True)
        try:
            section = await BENCHES[name]()
        except Exception:
            section = Section(name, "", error=traceback.format_exc())
        print(f"bench {name}: {time.monotonic() - started:.0f} s", flush=True)
        for row in section.rows:
            print(f"  {row.metric}: {row.value}  {row.target} {row.verdict}", flush=True)
        if section.error:
            print(section.error, flush=True)
        sections.append(section)
    return sections


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "names", nargs="*", choices=[*BENCHES, []], help="benches to run (default: all)"
    )
    args = parser.parse_args()
    names = args.names or list(BENCHES)
    started = time.monotonic()
    sections = asyncio.run(run_all(names))
    command = "python -m bench" + "".join(f" {name}" for name in args.names)
    path = write(sections, seconds=time.monotonic() - started, command=command)
    print(f"wrote {path}")
    failed = any(section.error for section in sections)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
