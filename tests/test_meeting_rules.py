"""Meeting rules of clause 4.8: the dates people type, when a meeting may be held, which notices
go out and when, until when proposals are taken, and the expected quorum."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.errors import ValidationError
from bot.domain.meetings import (
    DraftItem,
    DueNotice,
    MeetingDraft,
    MeetingForm,
    NoticeKind,
    PlannedNotice,
    Schedule,
    SkipReason,
    agenda_due,
    check_schedule,
    days_left,
    expected_attendance,
    is_late,
    notice_plan,
    parse_agenda,
    parse_local,
    parse_time,
    proposals_close,
    proposals_open,
    skip_reason,
)
from bot.domain.rules import BodyRules, Fraction

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
MOSCOW = "Europe/Moscow"
TOMSK = "Asia/Tomsk"
EXAMPLE = "12.03.2027 15:00"
DEFAULT = BodyRules()
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


def utc(day: int, month: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=UTC)


# parse_local and parse_time


@pytest.mark.parametrize(
    ("typed", "timezone", "moment"),
    [
        ("12.03.2027 15:00", MOSCOW, utc(12, 3, 12)),
        ("12.03.2027 15:00", TOMSK, utc(12, 3, 8)),
        ("12.03.27 15:00", MOSCOW, utc(12, 3, 12)),
        ("12.03.2027 15.00", MOSCOW, utc(12, 3, 12)),
        ("1.3.2027 9:30", MOSCOW, utc(1, 3, 6, 30)),
        ("12.03.2027г. 15:00", MOSCOW, utc(12, 3, 12)),
        ("12.03.2027 г. 15:00", MOSCOW, utc(12, 3, 12)),
        ("12.03.2027, 15:00", MOSCOW, utc(12, 3, 12)),
        ("  12.03.2027   15:00  ", MOSCOW, utc(12, 3, 12)),
        ("31.12.2027 23:59", MOSCOW, utc(31, 12, 20, 59)),
        ("01.01.2028 01:00", MOSCOW, datetime(2027, 12, 31, 22, 0, tzinfo=UTC)),
    ],
)
def test_parse_local_reads_russian_dates(typed: str, timezone: str, moment: datetime) -> None:
    parsed = parse_local(typed, timezone)
    assert parsed == moment
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("завтра", "meeting-error-date-format"),
        ("", "meeting-error-date-format"),
        ("12/03/2027 15:00", "meeting-error-date-format"),
        ("12.03.2027", "meeting-error-date-format"),
        ("12.03.2027 15", "meeting-error-date-format"),
        ("12.03.027 15:00", "meeting-error-date-format"),
        ("2027-03-12 15:00", "meeting-error-date-format"),
        ("15:00 12.03.2027", "meeting-error-date-format"),
        ("31.02.2027 15:00", "meeting-error-date-impossible"),
        ("29.02.2027 15:00", "meeting-error-date-impossible"),
        ("12.13.2027 10:00", "meeting-error-date-impossible"),
        ("00.03.2027 10:00", "meeting-error-date-impossible"),
        ("12.03.2027 25:00", "meeting-error-date-impossible"),
        ("12.03.2027 15:60", "meeting-error-date-impossible"),
    ],
)
def test_parse_local_refuses_with_an_example(typed: str, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_local(typed, MOSCOW)
    assert caught.value.key == key
    assert caught.value.params == {"example": EXAMPLE, "value": typed}


def test_parse_local_echoes_at_most_forty_characters() -> None:
    typed = "послезавтра после обеда, если никто не возражает"
    with pytest.raises(ValidationError) as caught:
        parse_local(typed, MOSCOW)
    assert caught.value.params["value"] == typed[:40]


def test_leap_day_is_a_real_date() -> None:
    assert parse_local("29.02.2028 10:00", MOSCOW) == datetime(2028, 2, 29, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("15:00", (15, 0)),
        ("15.00", (15, 0)),
        ("9:30", (9, 30)),
        ("9.30", (9, 30)),
        ("09:05", (9, 5)),
        ("0:00", (0, 0)),
        ("23:59", (23, 59)),
        ("  15:00 ", (15, 0)),
    ],
)
def test_parse_time_reads_hours_and_minutes(typed: str, time: tuple[int, int]) -> None:
    assert parse_time(typed) == time


@pytest.mark.parametrize(
    "typed",
    ["", "15", "15:0", "15-00", "15 00", "три часа", "24:00", "25:00", "12:60", "15:00:00"],
)
def test_parse_time_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_time(typed)
    assert caught.value.key == "meeting-error-time-format"
    assert caught.value.params == {"value": typed}


# check_schedule


def schedule_of(
    starts_at: datetime,
    *,
    form: MeetingForm = MeetingForm.IN_PERSON,
    vote_deadline: datetime | None = None,
    extraordinary: bool = False,
    confirmed: bool = False,
    rules: BodyRules = DEFAULT,
    timezone: str = MOSCOW,
) -> Schedule:
    return check_schedule(
        now=NOW,
        starts_at=starts_at,
        form=form,
        vote_deadline=vote_deadline,
        extraordinary=extraordinary,
        short_notice_confirmed=confirmed,
        rules=rules,
        timezone=timezone,
    )


FIVE_DAYS = NOW + 5 * DAY
TEN_DAYS = NOW + 10 * DAY


@pytest.mark.parametrize(
    ("starts_at", "form", "deadline", "extraordinary", "confirmed", "expected"),
    [
        pytest.param(
            FIVE_DAYS,
            MeetingForm.IN_PERSON,
            None,
            False,
            False,
            Schedule(FIVE_DAYS, None, extraordinary=False, short_notice=False),
            id="exactly-notice-days-ahead",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.IN_PERSON,
            TEN_DAYS - DAY,
            False,
            False,
            Schedule(TEN_DAYS, None, extraordinary=False, short_notice=False),
            id="in-person-ignores-the-deadline",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.ABSENTEE,
            None,
            False,
            False,
            Schedule(TEN_DAYS, TEN_DAYS, extraordinary=False, short_notice=False),
            id="absentee-deadline-defaults-to-start",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.HYBRID,
            None,
            False,
            False,
            Schedule(TEN_DAYS, TEN_DAYS, extraordinary=False, short_notice=False),
            id="hybrid-deadline-defaults-to-start",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.ABSENTEE,
            TEN_DAYS - DAY,
            False,
            False,
            Schedule(TEN_DAYS, TEN_DAYS - DAY, extraordinary=False, short_notice=False),
            id="absentee-deadline-before-start",
        ),
        pytest.param(
            NOW + DAY,
            MeetingForm.IN_PERSON,
            None,
            True,
            True,
            Schedule(NOW + DAY, None, extraordinary=True, short_notice=True),
            id="extraordinary-confirmed",
        ),
        pytest.param(
            NOW + MINUTE,
            MeetingForm.ABSENTEE,
            None,
            True,
            True,
            Schedule(NOW + MINUTE, NOW + MINUTE, extraordinary=True, short_notice=True),
            id="extraordinary-absentee-a-minute-ahead",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.IN_PERSON,
            None,
            True,
            False,
            Schedule(TEN_DAYS, None, extraordinary=True, short_notice=False),
            id="extraordinary-with-full-notice-needs-no-confirmation",
        ),
    ],
)
def test_schedule_accepted(
    starts_at: datetime,
    form: MeetingForm,
    deadline: datetime | None,
    extraordinary: bool,
    confirmed: bool,
    expected: Schedule,
) -> None:
    schedule = schedule_of(
        starts_at,
        form=form,
        vote_deadline=deadline,
        extraordinary=extraordinary,
        confirmed=confirmed,
    )
    assert schedule == expected


@pytest.mark.parametrize(
    ("starts_at", "form", "deadline", "extraordinary", "confirmed", "key", "params"),
    [
        pytest.param(
            NOW - HOUR,
            MeetingForm.IN_PERSON,
            None,
            False,
            False,
            "meeting-error-past",
            {"example": EXAMPLE},
            id="past",
        ),
        pytest.param(
            NOW,
            MeetingForm.IN_PERSON,
            None,
            True,
            True,
            "meeting-error-past",
            {"example": EXAMPLE},
            id="right-now-even-extraordinary",
        ),
        pytest.param(
            utc(5, 3, 20, 59),  # 23:59 on 05.03 in Moscow
            MeetingForm.IN_PERSON,
            None,
            False,
            False,
            "meeting-error-too-soon",
            {"days": 5, "earliest": "06.03.2027"},
            id="a-minute-short-of-the-fifth-day",
        ),
        pytest.param(
            NOW + DAY,
            MeetingForm.ABSENTEE,
            None,
            False,
            True,
            "meeting-error-too-soon",
            {"days": 5, "earliest": "06.03.2027"},
            id="confirmation-does-not-make-it-extraordinary",
        ),
        pytest.param(
            NOW + DAY,
            MeetingForm.IN_PERSON,
            None,
            True,
            False,
            "meeting-error-confirm-short-notice",
            {"days": 5},
            id="extraordinary-not-confirmed",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.ABSENTEE,
            TEN_DAYS + MINUTE,
            False,
            False,
            "meeting-error-deadline-after",
            {},
            id="deadline-after-start",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.HYBRID,
            NOW - MINUTE,
            False,
            False,
            "meeting-error-deadline-past",
            {},
            id="deadline-in-the-past",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.ABSENTEE,
            NOW,
            False,
            False,
            "meeting-error-deadline-past",
            {},
            id="deadline-right-now",
        ),
    ],
)
def test_schedule_refused(
    starts_at: datetime,
    form: MeetingForm,
    deadline: datetime | None,
    extraordinary: bool,
    confirmed: bool,
    key: str,
    params: dict[str, object],
) -> None:
    with pytest.raises(ValidationError) as caught:
        schedule_of(
            starts_at,
            form=form,
            vote_deadline=deadline,
            extraordinary=extraordinary,
            confirmed=confirmed,
        )
    assert (caught.value.key, caught.value.params) == (key, params)


@pytest.mark.parametrize(
    ("timezone", "earliest"),
    [(MOSCOW, "06.03.2027"), (TOMSK, "07.03.2027")],
)
def test_too_soon_names_the_earliest_local_day(timezone: str, earliest: str) -> None:
    # 18:00 UTC on 01.03 is 21:00 of that day in Moscow, already 02.03 in Tomsk.
    with pytest.raises(ValidationError) as caught:
        check_schedule(
            now=utc(1, 3, 18),
            starts_at=utc(4, 3, 12),
            form=MeetingForm.IN_PERSON,
            vote_deadline=None,
            extraordinary=False,
            short_notice_confirmed=False,
            rules=DEFAULT,
            timezone=timezone,
        )
    assert caught.value.key == "meeting-error-too-soon"
    assert caught.value.params["earliest"] == earliest


@pytest.mark.parametrize(
    ("starts_at", "accepted"),
    [
        (utc(5, 3, 20, 59), False),  # 23:59 on 05.03 in Moscow
        (utc(5, 3, 21), True),  # 00:00 on 06.03: the fifth calendar day, at any hour
        (utc(6, 3, 5), True),  # 08:00 on 06.03, less than 5 × 24 hours ahead
    ],
)
def test_the_notice_is_counted_in_calendar_days(starts_at: datetime, accepted: bool) -> None:
    if accepted:
        assert schedule_of(starts_at).short_notice is False
        return
    with pytest.raises(ValidationError):
        schedule_of(starts_at)


@pytest.mark.parametrize(
    ("ahead", "accepted"),
    [
        (5 * DAY, False),
        (10 * DAY - 12 * HOUR - MINUTE, False),  # 23:59 on 10.03 in Moscow
        (10 * DAY - 12 * HOUR, True),  # 00:00 on 11.03
        (12 * DAY, True),
    ],
)
def test_a_longer_notice_period_moves_the_line(ahead: timedelta, accepted: bool) -> None:
    rules = BodyRules(notice_days=10)
    if accepted:
        assert schedule_of(NOW + ahead, rules=rules).short_notice is False
        return
    with pytest.raises(ValidationError) as caught:
        schedule_of(NOW + ahead, rules=rules)
    assert caught.value.params == {"days": 10, "earliest": "11.03.2027"}


# notice_plan


def plan_of(
    starts_at: datetime, form: MeetingForm, rules: BodyRules = DEFAULT
) -> list[PlannedNotice]:
    return notice_plan(now=NOW, starts_at=starts_at, form=form, rules=rules, timezone=MOSCOW)


# TEN_DAYS is 11.03 12:00 Moscow: the agenda goes at 09:00 Moscow on 06.03.
AGENDA_DAY = utc(6, 3, 6)


@pytest.mark.parametrize(
    ("starts_at", "form", "expected"),
    [
        pytest.param(
            TEN_DAYS,
            MeetingForm.IN_PERSON,
            [
                (NoticeKind.ANNOUNCEMENT, NOW),
                (NoticeKind.AGENDA, AGENDA_DAY),
                (NoticeKind.REMINDER_DAY, TEN_DAYS - DAY),
                (NoticeKind.REMINDER_HOUR, TEN_DAYS - HOUR),
            ],
            id="in-person-ten-days-ahead",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.HYBRID,
            [
                (NoticeKind.ANNOUNCEMENT, NOW),
                (NoticeKind.AGENDA, AGENDA_DAY),
                (NoticeKind.REMINDER_DAY, TEN_DAYS - DAY),
                (NoticeKind.REMINDER_HOUR, TEN_DAYS - HOUR),
                (NoticeKind.BALLOT, AGENDA_DAY),
                (NoticeKind.BALLOT_REMINDER, TEN_DAYS - DAY),
                (NoticeKind.VOTING_CLOSE, TEN_DAYS),
            ],
            id="hybrid-ten-days-ahead",
        ),
        pytest.param(
            TEN_DAYS,
            MeetingForm.ABSENTEE,
            [
                (NoticeKind.ANNOUNCEMENT, NOW),
                (NoticeKind.AGENDA, AGENDA_DAY),
                (NoticeKind.BALLOT, AGENDA_DAY),
                (NoticeKind.BALLOT_REMINDER, TEN_DAYS - DAY),
                (NoticeKind.VOTING_CLOSE, TEN_DAYS),
            ],
            id="absentee-has-no-meeting-reminders-but-ballot-ones",
        ),
        pytest.param(
            NOW + 3 * DAY,
            MeetingForm.IN_PERSON,
            [
                (NoticeKind.ANNOUNCEMENT, NOW),
                (NoticeKind.AGENDA, NOW),
                (NoticeKind.REMINDER_DAY, NOW + 2 * DAY),
                (NoticeKind.REMINDER_HOUR, NOW + 3 * DAY - HOUR),
            ],
            id="extraordinary-three-days-ahead-agenda-now",
        ),
        pytest.param(
            NOW + 12 * HOUR,
            MeetingForm.IN_PERSON,
            [
                (NoticeKind.ANNOUNCEMENT, NOW),
                (NoticeKind.AGENDA, NOW),
                (NoticeKind.REMINDER_HOUR, NOW + 11 * HOUR),
            ],
            id="half-a-day-ahead-no-day-reminder",
        ),
        pytest.param(
            NOW + 30 * MINUTE,
            MeetingForm.IN_PERSON,
            [
                (NoticeKind.ANNOUNCEMENT, NOW),
                (NoticeKind.AGENDA, NOW),
            ],
            id="thirty-minutes-ahead-no-reminders",
        ),
        pytest.param(
            NOW + HOUR,
            MeetingForm.IN_PERSON,
            [
                (NoticeKind.ANNOUNCEMENT, NOW),
                (NoticeKind.AGENDA, NOW),
            ],
            id="an-hour-ahead-the-hour-reminder-would-be-now",
        ),
    ],
)
def test_notice_plan(
    starts_at: datetime, form: MeetingForm, expected: list[tuple[NoticeKind, datetime]]
) -> None:
    plan = plan_of(starts_at, form)
    assert [(notice.kind, notice.due_at) for notice in plan] == expected
    assert all(notice.due_at >= NOW for notice in plan)


def test_a_longer_notice_period_sends_the_agenda_earlier() -> None:
    plan = plan_of(NOW + 20 * DAY, MeetingForm.ABSENTEE, BodyRules(notice_days=10))
    assert plan[1] == PlannedNotice(NoticeKind.AGENDA, utc(11, 3, 6))  # 09:00 Moscow


KIND_ORDER = list(NoticeKind)


@given(
    ahead=st.timedeltas(min_value=MINUTE, max_value=60 * DAY),
    form=st.sampled_from(MeetingForm),
    notice_days=st.integers(min_value=1, max_value=90),
    shift=st.timedeltas(min_value=-1000 * DAY, max_value=1000 * DAY),
)
def test_every_notice_falls_between_now_and_the_start(
    ahead: timedelta, form: MeetingForm, notice_days: int, shift: timedelta
) -> None:
    now = NOW + shift
    rules = BodyRules(notice_days=notice_days, proposal_days=0)
    starts_at = now + ahead
    plan = notice_plan(now=now, starts_at=starts_at, form=form, rules=rules, timezone=MOSCOW)
    kinds = [notice.kind for notice in plan]
    assert kinds[:2] == [NoticeKind.ANNOUNCEMENT, NoticeKind.AGENDA]
    assert kinds == sorted(kinds, key=KIND_ORDER.index)
    reminders = {NoticeKind.REMINDER_DAY, NoticeKind.REMINDER_HOUR}
    if not form.has_place:
        assert not reminders & set(kinds)
    ballots = {NoticeKind.BALLOT, NoticeKind.VOTING_CLOSE}
    assert (ballots <= set(kinds)) is form.has_ballot
    for notice in plan:
        assert now <= notice.due_at <= starts_at
    agenda = plan[1].due_at
    line = agenda_due(starts_at, rules, MOSCOW)
    assert agenda == (line if line > now else now)
    assert agenda.astimezone(ZoneInfo(MOSCOW)).time() == time(9, 0) or agenda == now


# proposals


@pytest.mark.parametrize(
    ("rules", "before", "open_"),
    [
        (DEFAULT, 2 * DAY + MINUTE, True),
        (DEFAULT, 2 * DAY, False),
        (DEFAULT, 2 * DAY - MINUTE, False),
        (DEFAULT, timedelta(0), False),
        (DEFAULT, -HOUR, False),
        (BodyRules(proposal_days=3), 3 * DAY + MINUTE, True),
        (BodyRules(proposal_days=3), 3 * DAY, False),
        (BodyRules(proposal_days=3), 2 * DAY + MINUTE, False),
    ],
)
def test_proposals_close_days_before_the_meeting(
    rules: BodyRules, before: timedelta, open_: bool
) -> None:
    starts_at = NOW + 10 * DAY
    assert proposals_close(starts_at, rules) == starts_at - timedelta(days=rules.proposal_days)
    assert proposals_open(starts_at - before, starts_at, rules) is open_


# attendance


@pytest.mark.parametrize(
    ("quorum", "roster", "needed"),
    [
        (Fraction(1, 2), 15, 8),
        (Fraction(1, 2), 14, 7),
        (Fraction(1, 2), 1, 1),
        (Fraction(1, 2), 0, 0),
        (Fraction(2, 3), 15, 10),
        (Fraction(2, 3), 16, 11),
        (Fraction(1, 1), 7, 7),
    ],
)
def test_expected_attendance_names_the_quorum_line(
    quorum: Fraction, roster: int, needed: int
) -> None:
    if needed > 0:
        short = expected_attendance(coming=needed - 1, not_coming=0, roster=roster, quorum=quorum)
        assert (short.needed, short.quorum_expected) == (needed, False)
    enough = expected_attendance(coming=needed, not_coming=0, roster=roster, quorum=quorum)
    assert (enough.needed, enough.quorum_expected) == (needed, True)


def test_seven_of_fifteen_is_one_short() -> None:
    attendance = expected_attendance(coming=7, not_coming=3, roster=15, quorum=Fraction(1, 2))
    assert (attendance.coming, attendance.not_coming, attendance.roster) == (7, 3, 15)
    assert attendance.needed == 8
    assert not attendance.quorum_expected


# MeetingDraft.checked

ITEM = DraftItem("О плане работы на второе полугодие")


def draft(
    form: MeetingForm, place: str | None, items: tuple[DraftItem, ...] = (ITEM,)
) -> MeetingDraft:
    return MeetingDraft(
        form=form,
        starts_at=TEN_DAYS,
        place=place,
        vote_deadline=None,
        extraordinary=False,
        short_notice_confirmed=False,
        items=items,
    )


@pytest.mark.parametrize(
    ("meeting", "key"),
    [
        (draft(MeetingForm.IN_PERSON, "МОУ СОШ № 3, каб. 12", items=()), "meeting-error-no-items"),
        (draft(MeetingForm.ABSENTEE, None, items=()), "meeting-error-no-items"),
        (draft(MeetingForm.IN_PERSON, None), "meeting-error-place-needed"),
        (draft(MeetingForm.IN_PERSON, ""), "meeting-error-place-needed"),
        (draft(MeetingForm.HYBRID, None), "meeting-error-place-needed"),
    ],
)
def test_draft_refused(meeting: MeetingDraft, key: str) -> None:
    with pytest.raises(ValidationError) as caught:
        meeting.checked(now=NOW, rules=DEFAULT, timezone=MOSCOW)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("meeting", "deadline"),
    [
        (draft(MeetingForm.ABSENTEE, None), TEN_DAYS),
        (draft(MeetingForm.IN_PERSON, "МОУ СОШ № 3, каб. 12"), None),
        (draft(MeetingForm.HYBRID, "https://telemost.example/j/123"), TEN_DAYS),
    ],
)
def test_draft_accepted(meeting: MeetingDraft, deadline: datetime | None) -> None:
    schedule = meeting.checked(now=NOW, rules=DEFAULT, timezone=MOSCOW)
    assert schedule == Schedule(TEN_DAYS, deadline, extraordinary=False, short_notice=False)


def test_draft_checks_the_schedule_too() -> None:
    soon = MeetingDraft(
        form=MeetingForm.ABSENTEE,
        starts_at=NOW + DAY,
        place=None,
        vote_deadline=None,
        extraordinary=False,
        short_notice_confirmed=False,
        items=(ITEM,),
    )
    with pytest.raises(ValidationError) as caught:
        soon.checked(now=NOW, rules=DEFAULT, timezone=TOMSK)
    assert caught.value.key == "meeting-error-too-soon"
    assert caught.value.params["earliest"] == "06.03.2027"


STARTS = datetime(2027, 3, 11, 12, 0, tzinfo=UTC)  # 15:00 in Moscow
DAY_BEFORE = DueNotice(NoticeKind.REMINDER_DAY, STARTS - timedelta(days=1))
HOUR_BEFORE = DueNotice(NoticeKind.REMINDER_HOUR, STARTS - timedelta(hours=1))


@pytest.mark.parametrize(
    ("notice", "now", "expected"),
    [
        (DAY_BEFORE, DAY_BEFORE.due_at, None),
        (
            DAY_BEFORE,
            DAY_BEFORE.due_at + timedelta(hours=3),
            None,
        ),  # 18:00 the evening before: «завтра»
        (DAY_BEFORE, STARTS - timedelta(hours=6), SkipReason.OUTDATED),  # 09:00 on the day
        (DAY_BEFORE, HOUR_BEFORE.due_at, SkipReason.SUPERSEDED),
        (DAY_BEFORE, STARTS + timedelta(minutes=1), SkipReason.STARTED),
        (HOUR_BEFORE, HOUR_BEFORE.due_at + timedelta(minutes=30), None),
        (HOUR_BEFORE, STARTS, SkipReason.STARTED),
        (DueNotice(NoticeKind.AGENDA, STARTS - timedelta(days=5)), STARTS, None),
    ],
)
def test_a_reminder_is_skipped_once_what_it_says_is_no_longer_true(
    notice: DueNotice, now: datetime, expected: SkipReason | None
) -> None:
    assert skip_reason(
        notice,
        now=now,
        starts_at=STARTS + timedelta(days=notice.kind is NoticeKind.BALLOT_REMINDER),
        vote_deadline=STARTS if notice.kind is NoticeKind.BALLOT_REMINDER else None,
        timezone="Europe/Moscow",
        others=[DAY_BEFORE, HOUR_BEFORE],
    ) is (expected if notice.kind is not NoticeKind.BALLOT_REMINDER else SkipReason.CLOSED)


def test_of_the_minutes_series_the_older_reminder_gives_way_to_the_last_call() -> None:
    older = DueNotice(NoticeKind.MINUTES_REMINDER, STARTS + timedelta(days=21))
    last_call = DueNotice(NoticeKind.MINUTES_LAST_CALL, STARTS + timedelta(days=28))
    now = STARTS + timedelta(days=29)

    def reason(notice: DueNotice, other: DueNotice) -> SkipReason | None:
        return skip_reason(
            notice,
            now=now,
            starts_at=STARTS,
            vote_deadline=None,
            timezone="Asia/Tomsk",
            others=[other],
        )

    assert reason(older, last_call) is SkipReason.SUPERSEDED
    assert reason(last_call, older) is None
    assert days_left(STARTS + timedelta(days=30), now, "Europe/Moscow") == 1
    assert is_late(NoticeKind.AGENDA, STARTS - timedelta(days=5), STARTS)
    assert not is_late(NoticeKind.REMINDER_HOUR, HOUR_BEFORE.due_at, STARTS)


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        ("О плане работы", ["О плане работы"]),
        ("1. О плане\n2. О конкурсе", ["О плане", "О конкурсе"]),
        ("1) О плане\n\n  2)О конкурсе  \n", ["О плане", "О конкурсе"]),
        ("- О плане\n— О конкурсе\n• Разное", ["О плане", "О конкурсе", "Разное"]),
        # A number that is part of the title stays.
        ("2027 год: итоги\n10 лет РМО", ["2027 год: итоги", "10 лет РМО"]),
    ],
)
def test_an_agenda_typed_at_once_is_one_item_a_line(text: str, titles: list[str]) -> None:
    assert parse_agenda(text, room=30) == titles


def test_an_agenda_longer_than_the_room_left_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_agenda("Первый вопрос\nВторой вопрос", room=1)
    assert caught.value.key == "draft-error-too-many-items"
    with pytest.raises(ValidationError):
        parse_agenda("\n  \n", room=30)
