"""Quiet hours: no scheduled reminder, escalation or report reaches anyone at night in their
organisation's time zone. Pure: a moment and a zone in, a moment out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.meetings import NoticeKind

_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")

# What waits for the morning: the messages nobody needs at night. The hour-before reminder is
# timed to the meeting and goes when it is due; agendas and ballots are planned for 09:00;
# what a person's action causes (an announcement, a move, a cancellation, a reminder the
# secretary asked for now) and the closing of a vote at its deadline go at once.
QUIET_KINDS = frozenset(
    {
        NoticeKind.REMINDER_DAY,
        NoticeKind.REMINDER_WEEK,
        NoticeKind.BALLOT_REMINDER,
        NoticeKind.MINUTES_REMINDER,
        NoticeKind.MINUTES_LAST_CALL,
        NoticeKind.MINUTES_OVERDUE,
        NoticeKind.CONSULT_ESCALATE,
        NoticeKind.CONSULT_REMINDER,
    }
)


@dataclass(frozen=True, slots=True)
class QuietHours:
    """From `start` to `end` local time, across midnight when `start` is later (21:00–08:00)."""

    start: time
    end: time

    def is_quiet(self, moment: datetime, timezone: str) -> bool:
        local = moment.astimezone(ZoneInfo(timezone)).time()
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def next_allowed(self, moment: datetime, timezone: str) -> datetime:
        """`moment` itself outside quiet hours; inside, the moment they end (local `end`)."""
        if not self.is_quiet(moment, timezone):
            return moment
        zone = ZoneInfo(timezone)
        local = moment.astimezone(zone)
        end = datetime.combine(local.date(), self.end, tzinfo=zone)
        if end <= local:
            end = datetime.combine(local.date() + timedelta(days=1), self.end, tzinfo=zone)
        return end.astimezone(UTC)


DEFAULT_QUIET = QuietHours(time(21, 0), time(8, 0))


def parse_quiet_hours(text: str) -> QuietHours | None:
    """`21:00-08:00` → QuietHours; an empty text or `off` → None (no quiet hours)."""
    if text.strip().lower() in {"", "off", "none"}:
        return None
    match = _RANGE.match(text)
    if match is None:
        raise ValueError(f"quiet hours are written as 21:00-08:00, not {text!r}")
    start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
    try:
        start, end = time(start_h, start_m), time(end_h, end_m)
    except ValueError:
        raise ValueError(f"no such time of day in {text!r}") from None
    if start == end:
        raise ValueError("quiet hours must not start and end at the same time")
    return QuietHours(start, end)
