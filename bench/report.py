"""What each bench found, and bench/RESULTS.md written from it with the machine and the date."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


@dataclass(frozen=True)
class Row:
    metric: str
    value: str
    target: str = ""
    passed: bool | None = None  # None: reported, no target

    @property
    def verdict(self) -> str:
        if self.passed is None:
            return ""
        return "pass" if self.passed else "**miss**"


@dataclass
class Section:
    title: str
    what: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None  # the bench itself failed to run

    def add(self, metric: str, value: str, target: str = "", passed: bool | None = None) -> None:
        self.rows.append(Row(metric, value, target, passed))

    @property
    def missed(self) -> list[Row]:
        return [row for row in self.rows if row.passed is False]


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least `share` of them below or
    at it."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def machine() -> list[tuple[str, str]]:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    packages = ", ".join(
        f"{name} {version(name)}" for name in ("aiogram", "SQLAlchemy", "aiosqlite", "APScheduler")
    )
    return [
        ("Date", datetime.now(UTC).isoformat(timespec="seconds")),
        ("CPU", _cpu_model()),
        ("Cores (nproc)", str(cores)),
        ("Memory", _memory()),
        ("System", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", sys.version.split()[0]),
        ("Packages", packages),
    ]


def render(sections: list[Section], *, seconds: float, command: str) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `{command}` (bench/README.md says what each bench does). "
        f"The whole run took {seconds:.0f} s.",
        "",
        "| Machine | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in machine()),
        "",
    ]
    for section in sections:
        lines += [f"## {section.title}", "", section.what, ""]
        if section.error:
            lines += ["The bench did not finish:", "", "```", section.error.strip(), "```", ""]
        if section.rows:
            lines += ["| Measure | Result | Target | |", "|---|---|---|---|"]
            lines += [
                f"| {row.metric} | {row.value} | {row.target} | {row.verdict} |"
                for row in section.rows
            ]
            lines.append("")
        lines += [f"{note}\n" for note in section.notes]
    return "\n".join(lines).rstrip() + "\n"


def write(sections: list[Section], *, seconds: float, command: str) -> Path:
    RESULTS.write_text(render(sections, seconds=seconds, command=command), encoding="utf-8")
    return RESULTS
