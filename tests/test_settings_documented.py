"""The settings the code reads are the ones `.env.example` lists and the README's table explains:
an operator who follows either misses nothing and is told of nothing that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

from bot.services.settings import Settings

PROJECT = Path(__file__).resolve().parent.parent
# `NAME=value`, or commented out as an example: `# NAME=value`.
ENV_LINE = re.compile(r"^#?\s?(?P<name>[A-Z][A-Z0-9_]*)=")
TABLE_ROW = re.compile(r"^\| `(?P<name>[A-Z][A-Z0-9_]*)` \|")


def in_code() -> set[str]:
    return {name.upper() for name in Settings.model_fields}


def in_env_example() -> set[str]:
    text = (PROJECT / ".env.example").read_text(encoding="utf-8")
    return {m["name"] for line in text.splitlines() if (m := ENV_LINE.match(line))}


def in_readme() -> set[str]:
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    return {m["name"] for line in section.splitlines() if (m := TABLE_ROW.match(line))}


def test_env_example_lists_every_setting_and_no_other() -> None:
    assert in_env_example() == in_code()


def test_the_readme_explains_every_setting_and_no_other() -> None:
    assert in_readme() == in_code()


def test_the_service_unit_runs_the_bot_on_the_data_folder_it_may_write() -> None:
    unit = (PROJECT / "deploy" / "councilbot.service").read_text(encoding="utf-8")
    lines = [line for line in unit.splitlines() if line and not line.startswith(("#", "["))]
    options = [tuple(line.split("=", 1)) for line in lines]
    assert ("Environment", "DATA_DIR=/var/lib/councilbot") in options
    assert ("ReadWritePaths", "/var/lib/councilbot") in options
    assert ("ProtectSystem", "strict") in options
    assert ("Restart", "on-failure") in options
    assert ("ExecStart", "/opt/councilbot/.venv/bin/councilbot run") in options
    assert ("WorkingDirectory", "/opt/councilbot") in options
    assert ("EnvironmentFile", "/opt/councilbot/.env") in options
    keys = {key for key, *_ in options}
    assert {"User", "NoNewPrivileges", "PrivateTmp", "ProtectHome"} <= keys
