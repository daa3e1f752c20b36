"""`councilbot` and `python -m bot`: the command line lives in bot/main/cli.py."""

from __future__ import annotations

import sys

from bot.main.cli import main

if __name__ == "__main__":
    sys.exit(main())
