"""What the use cases need from the layers above them, as protocols: the wiring hands them the
real thing (bot/delivery/scheduler.py arms notices, bot/views/texts.py renders the locales), so
a service never imports delivery or views."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class NoticeScheduler(Protocol):
    def arm(self, notice_id: int, due_at: datetime) -> None:
        """Runs the delivery of this notice at `due_at` (at once if it has passed)."""

    def disarm(self, notice_id: int) -> None:
        """Forgets a notice that will not be sent (its meeting moved or was cancelled)."""


class Texts(Protocol):
    def get(self, key: str, /, **params: str | int) -> str: ...
