"""A clock the tests move by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class ManualClock:
    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2027, 3, 1, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("the test clock takes aware datetimes")
        self._now = moment


class ClockScheduler:
    """The notice scheduler of the tests: it keeps due times, and the harness delivers what is
    due by the test clock when the test moves time (BotUnderTest.advance)."""

    def __init__(self) -> None:
        self.due: dict[int, datetime] = {}

    def arm(self, notice_id: int, due_at: datetime) -> None:
        self.due[notice_id] = due_at

    def disarm(self, notice_id: int) -> None:
        self.due.pop(notice_id, None)

    def take_due(self, now: datetime) -> list[int]:
        ready = sorted((due, notice_id) for notice_id, due in self.due.items() if due <= now)
        for _, notice_id in ready:
            del self.due[notice_id]
        return [notice_id for _, notice_id in ready]
