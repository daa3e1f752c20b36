"""Calendar files (RFC 5545) for meeting notices: one event that a phone adds to its calendar.

A rescheduled meeting keeps its UID and gets a higher SEQUENCE, so a calendar replaces the old
entry instead of adding a second one; a cancelled meeting is sent with METHOD:CANCEL.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

PRODID = "-//councilbot//RU"
# RFC 5545, 3.1: a content line SHOULD NOT be longer than 75 octets, excluding the line break.
MAX_LINE_OCTETS = 75
CRLF = "\r\n"

_NEWLINE = re.compile(r"\r\n|\r|\n")
# Control characters are not allowed in TEXT values (RFC 5545, 3.3.11), except the tab; newlines
# are handled before this, as the escape \n.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, any newline as `\\n`."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = _NEWLINE.sub(r"\\n", value)
    return _CONTROL.sub("", value)


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded so that no physical line exceeds 75 octets.

    A fold never falls inside a character: Cyrillic letters take two octets, some others four.
    Each continuation line starts with one space, which counts towards its 75.
    """
    out = bytearray()
    width = 0
    for char in line:
        encoded = char.encode("utf-8")
        if width + len(encoded) > MAX_LINE_OCTETS:
            out += b"\r\n "
            width = 1
        out += encoded
        width += len(encoded)
    return bytes(out + b"\r\n")


def _utc(moment: datetime, name: str) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got a naive one: {moment!r}")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_ics(
    *,
    uid: str,
    sequence: int,
    starts_at: datetime,
    ends_at: datetime,
    summary: str,
    location: str | None,
    description: str,
    url: str | None = None,
    cancelled: bool = False,
    now: datetime,
) -> bytes:
    """A VCALENDAR with one VEVENT for a meeting, times in UTC, reminding an hour before.

    Raises ValueError for a naive datetime, an end not after the start, or a negative sequence.
    """
    start, end, stamp = _utc(starts_at, "starts_at"), _utc(ends_at, "ends_at"), _utc(now, "now")
    if ends_at <= starts_at:
        raise ValueError(f"a meeting must end after it starts: {starts_at} .. {ends_at}")
    if sequence < 0:
        raise ValueError(f"the sequence is a non-negative integer, got {sequence}")
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancelled else 'PUBLISH'}",
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid)}",
        f"SEQUENCE:{sequence}",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{start}",
        f"DTEND:{end}",
        f"SUMMARY:{escape_text(summary)}",
    ]
    if location is not None:
        lines.append(f"LOCATION:{escape_text(location)}")
    lines.append(f"DESCRIPTION:{escape_text(description)}")
    if url is not None:
        # A URI value is not TEXT: its commas and semicolons stay as they are.
        lines.append(f"URL:{_CONTROL.sub('', _NEWLINE.sub('', url))}")
    if cancelled:
        lines.append("STATUS:CANCELLED")
    else:
        # No reminder for a cancelled meeting: there is nothing left to remind of.
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-PT1H",
            # A DISPLAY alarm must carry a DESCRIPTION (RFC 5545, 3.6.6): the meeting's title.
            f"DESCRIPTION:{escape_text(summary)}",
            "END:VALARM",
        ]
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return b"".join(fold(line) for line in lines)
