"""docs/architecture.md tells the truth: its layers are the import contracts' layers, and every
module of the bot sits in one of them. The contracts themselves are run by `lint-imports`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def contract_layers() -> list[str]:
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [contract["layers"] for contract in contracts if contract["type"] == "layers"]
    return list(layers)


def documented_layers() -> list[str]:
    page = (PROJECT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- layers:.*?-->\s*```\n(.*?)```\s*<!-- /layers -->", page, re.S)
    assert block is not None, "docs/architecture.md lost its layer picture"
    return [line.split()[0] for line in block.group(1).splitlines() if line[:1].strip()]


def test_the_page_draws_the_layers_the_contracts_enforce() -> None:
    assert documented_layers() == contract_layers()


def test_every_module_of_the_bot_belongs_to_a_layer() -> None:
    layers = contract_layers()
    outside = []
    for package in ("bot", "handlers", "storage"):
        for path in sorted((PROJECT / package).rglob("*.py")):
            module = ".".join(path.relative_to(PROJECT).with_suffix("").parts)
            if module in {"bot.__init__", "bot.__main__"} or "migrations" in path.parts:
                continue
            if not any(module == layer or module.startswith(f"{layer}.") for layer in layers):
                outside.append(module)
    assert outside == []
