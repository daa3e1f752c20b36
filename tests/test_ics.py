"""Calendar files for meeting notices: what a phone's calendar reads back out of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.documents.ics import meeting_ics

MOSCOW = ZoneInfo("Europe/Moscow")
STARTS = datetime(2027, 3, 12, 15, 0, tzinfo=MOSCOW)
NOW = datetime(2027, 3, 1, 9, 30, 15, tzinfo=UTC)

SUMMARY = "Заседание методического совета №3; тема: «ФГОС, ФОП и рабочие программы»"
LOCATION = "МОУ СОШ № 3, актовый зал; каб. 204"
DESCRIPTION = (
    "Повестка:\n"
    "1. Об итогах олимпиады, школьный и муниципальный этапы;\n"
    "2. Разное.\n"
    "Путь к файлам: C:\\Документы\\совет"
)
URL = "https://t.me/councilbot?start=m_42,a;b"


def _ics(
    *,
    summary: str = SUMMARY,
    location: str | None = LOCATION,
    description: str = DESCRIPTION,
    url: str | None = URL,
    sequence: int = 0,
    starts_at: datetime = STARTS,
    ends_at: datetime | None = None,
    cancelled: bool = False,
    now: datetime = NOW,
) -> bytes:
    return meeting_ics(
        uid="meeting-42@councilbot",
        sequence=sequence,
        starts_at=starts_at,
        ends_at=ends_at if ends_at is not None else starts_at + timedelta(hours=2),
        summary=summary,
        location=location,
        description=description,
        url=url,
        cancelled=cancelled,
        now=now,
    )


# --- a tiny reader: unfold, split name from value, unescape ---------------------------------


@dataclass(frozen=True)
class Calendar:
    """The properties of each component, in order, by the component's name."""

    components: dict[str, dict[str, str]]
    order: list[str]

    @property
    def event(self) -> dict[str, str]:
        return self.components["VEVENT"]


def _physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[: -len(b"\r\n")].split(b"\r\n")


def _unescape(value: str) -> str:
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        escaped = next(chars)
        assert escaped in "\\;,nN", f"unknown escape \\{escaped} in {value!r}"
        out.append("\n" if escaped in "nN" else escaped)
    return "".join(out)


def _parse(data: bytes) -> Calendar:
    logical: list[bytes] = []
    for line in _physical_lines(data):
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    components: dict[str, dict[str, str]] = {}
    order: list[str] = []
    stack: list[str] = []
    for raw in logical:
        name, _, value = raw.decode("utf-8").partition(":")
        if name == "BEGIN":
            stack.append(value)
            order.append(value)
            components[value] = {}
        elif name == "END":
            assert stack.pop() == value
        else:
            assert name not in components[stack[-1]], f"{name} twice in {stack[-1]}"
            components[stack[-1]][name] = value
    assert stack == []
    return Calendar(components, order)


def _text(calendar: Calendar, name: str) -> str:
    return _unescape(calendar.event[name])


def _assert_well_formed(data: bytes) -> None:
    """CRLF line ends only; no physical line over 75 octets or ending inside a character."""
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    for line in _physical_lines(data):
        assert len(line) <= 75, line
        line.decode("utf-8", errors="strict")


# --- the fields -----------------------------------------------------------------------------


def test_the_calendar_says_who_made_it_and_how_to_read_it() -> None:
    calendar = _parse(_ics())
    assert calendar.order == ["VCALENDAR", "VEVENT", "VALARM"]
    assert calendar.components["VCALENDAR"] == {
        "PRODID": "-//councilbot//RU",
        "VERSION": "2.0",
        "CALSCALE": "GREGORIAN",
        "METHOD": "PUBLISH",
    }
    assert "STATUS" not in calendar.event


def test_text_with_cyrillic_commas_semicolons_and_newlines_round_trips() -> None:
    data = _ics()
    calendar = _parse(data)
    assert _text(calendar, "SUMMARY") == SUMMARY
    assert _text(calendar, "LOCATION") == LOCATION
    assert _text(calendar, "DESCRIPTION") == DESCRIPTION
    assert _text(calendar, "UID") == "meeting-42@councilbot"
    # A URI is not TEXT: a reader takes it as it stands.
    assert calendar.event["URL"] == URL
    # Escaped in the file itself, not just recovered by the reader.
    assert "\\;" in calendar.event["SUMMARY"]
    assert "\\," in calendar.event["SUMMARY"]
    assert "\\n" in calendar.event["DESCRIPTION"]
    assert "C:\\\\Документы\\\\совет" in calendar.event["DESCRIPTION"]
    _assert_well_formed(data)


def test_times_are_in_utc_whatever_zone_they_come_in() -> None:
    tomsk = datetime(2027, 3, 12, 19, 0, tzinfo=ZoneInfo("Asia/Tomsk"))
    calendar = _parse(_ics(starts_at=tomsk, ends_at=tomsk + timedelta(minutes=90)))
    assert calendar.event["DTSTART"] == "20270312T120000Z"
    assert calendar.event["DTEND"] == "20270312T133000Z"
    assert calendar.event["DTSTAMP"] == "20270301T093015Z"


def test_a_rescheduled_meeting_keeps_its_uid_with_a_higher_sequence() -> None:
    first = _parse(_ics())
    moved = _parse(_ics(sequence=1, starts_at=STARTS + timedelta(days=7)))
    assert first.event["UID"] == moved.event["UID"]
    assert (int(first.event["SEQUENCE"]), int(moved.event["SEQUENCE"])) == (0, 1)
    assert moved.event["DTSTART"] == "20270319T120000Z"


def test_the_phone_reminds_an_hour_before() -> None:
    alarm = _parse(_ics()).components["VALARM"]
    assert alarm["TRIGGER"] == "-PT1H"
    assert alarm["ACTION"] == "DISPLAY"
    assert _unescape(alarm["DESCRIPTION"]) == SUMMARY


def test_without_a_place_or_a_link_there_is_no_location_or_url() -> None:
    event = _parse(_ics(location=None, url=None)).event
    assert "LOCATION" not in event
    assert "URL" not in event


def test_a_cancelled_meeting() -> None:
    calendar = _parse(_ics(sequence=2, cancelled=True))
    assert calendar.components["VCALENDAR"]["METHOD"] == "CANCEL"
    assert calendar.event["STATUS"] == "CANCELLED"
    assert calendar.event["SEQUENCE"] == "2"
    assert "VALARM" not in calendar.order


# --- lines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "summary",
    [
        "Ж" * 200,  # two octets a letter: a fold at 75 would split one
        "Заседание" + "🗓" * 40,  # four octets a character
        "a" * 66 + "Ж" * 10,  # after "SUMMARY:" and 66 letters, a Ж would take octets 75-76
        "a" * 300,
    ],
)
def test_long_lines_fold_at_75_octets_between_characters(summary: str) -> None:
    data = _ics(summary=summary)
    _assert_well_formed(data)
    assert _text(_parse(data), "SUMMARY") == summary
    lines = _physical_lines(data)
    assert any(line.startswith(b" ") for line in lines)
    assert max(len(line) for line in lines) >= 72  # folds use the room there is


def test_control_characters_are_left_out() -> None:
    """RFC 5545 does not allow them in text; a tab stays, any newline becomes one."""
    data = _ics(summary="Совет\x00\x07\tитоги\r\nгода\rи\x0bплан")
    _assert_well_formed(data)
    assert _text(_parse(data), "SUMMARY") == "Совет\tитоги\nгода\nиплан"


# --- what it refuses ------------------------------------------------------------------------


@pytest.mark.parametrize("naive", ["starts_at", "ends_at", "now"])
def test_a_naive_datetime_is_refused(naive: str) -> None:
    local = datetime(2027, 3, 12, 15, 0)  # noqa: DTZ001 - the naive datetime under test
    moments = {"starts_at": STARTS, "ends_at": STARTS + timedelta(hours=1), "now": NOW}
    moments[naive] = local
    with pytest.raises(ValueError, match=naive):
        _ics(starts_at=moments["starts_at"], ends_at=moments["ends_at"], now=moments["now"])


def test_a_meeting_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="end after it starts"):
        _ics(ends_at=STARTS)


def test_a_negative_sequence_is_refused() -> None:
    with pytest.raises(ValueError, match="sequence"):
        _ics(sequence=-1)


# --- any text at all ------------------------------------------------------------------------

# Anything a person can type: every character but the control ones (RFC 5545 has no room for
# them) and lone surrogates (not text); tabs and newlines included.
TYPED = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), include_characters="\t\n"), max_size=300
)


@given(summary=TYPED, description=TYPED, location=st.none() | TYPED)
def test_any_text_round_trips(summary: str, description: str, location: str | None) -> None:
    data = _ics(summary=summary, description=description, location=location)
    _assert_well_formed(data)
    calendar = _parse(data)
    assert _text(calendar, "SUMMARY") == summary
    assert _text(calendar, "DESCRIPTION") == description
    if location is None:
        assert "LOCATION" not in calendar.event
    else:
        assert _text(calendar, "LOCATION") == location
