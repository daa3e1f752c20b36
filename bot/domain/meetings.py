"""Meetings by the rules of clause 4.8: when they may be held, when each notice goes out, and
until when members may propose agenda items. Pure: times in, decisions out."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.errors import ValidationError
from bot.domain.rules import BodyRules, Fraction
from bot.domain.text import readable


class MeetingForm(StrEnum):
    """Clause 4.6: очное, заочное (by опросный лист), гибридное."""

    IN_PERSON = "in_person"
    ABSENTEE = "absentee"
    HYBRID = "hybrid"

    @property
    def has_place(self) -> bool:
        """People gather somewhere (a room or a video link): in person and hybrid."""
        return self is not MeetingForm.ABSENTEE

    @property
    def has_ballot(self) -> bool:
        """Materials and ballots go out with the agenda notice (4.8): absentee and hybrid."""
        return self is not MeetingForm.IN_PERSON


class MeetingStatus(StrEnum):
    ANNOUNCED = "announced"
    CANCELLED = "cancelled"


class NoticeKind(StrEnum):
    """What the scheduler sends for a meeting, in the order it sends them."""

    ANNOUNCEMENT = "announcement"  # at once: what, when, where, with an .ics file
    AGENDA = "agenda"  # notice_days before (4.8): the agenda and materials; opens the ballot
    REMINDER_DAY = "reminder_day"  # the day before, in person and hybrid
    REMINDER_HOUR = "reminder_hour"  # an hour before, in person and hybrid
    REMINDER_WEEK = "reminder_week"  # a week before an asset's quarterly meeting (asset 3.3)
    AGENDA_UPDATE = "agenda_update"  # an accepted proposal after the agenda went out
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    BALLOT = "ballot"  # with the agenda, absentee and hybrid: each voter's опросный лист
    BALLOT_UPDATE = "ballot_update"  # a question added to open ballots
    BALLOT_REMINDER = "ballot_reminder"  # a day before the deadline, to those not yet signed
    # Voting closed: the ballots of one ballot notice already delivered are edited into the
    # closed ballot, without buttons. Its deliveries are edits, not messages sent to people.
    BALLOT_CLOSED = "ballot_closed"
    VOTING_CLOSE = "voting_close"  # at the deadline: ballots close (absentee: the result)
    RESULTS = "results"  # the result, when the secretary closes the meeting
    MINUTES_REMINDER = "minutes_reminder"  # to the secretary, 16 and 9 days before the deadline
    MINUTES_LAST_CALL = "minutes_last_call"  # to the secretary and chair, 2 days before
    MINUTES_OVERDUE = "minutes_overdue"  # to the coordinator, when the deadline has passed
    MINUTES = "minutes"  # the signed протокол (or its correction) to every member and guest
    CONSULT_ESCALATE = "consult_escalate"  # nobody took a consultation request in time
    CONSULT_REMINDER = "consult_reminder"  # the day before an agreed consultation
    CATEGORY_LAPSE = "category_lapse"  # a person's category ends soon (eligibility.py)


# People type dates as they write them in Russia: 12.03.2027 15:00 (also 12.03.27, 15.00, 9:30).
_DATE_TIME = re.compile(
    r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s*г\.?)?[\s,]+(\d{1,2})[:.](\d{2})\s*$"
)
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")
DATE_EXAMPLE = "12.03.2027 15:00"


def parse_local(text: str, timezone: str) -> datetime:
    """`12.03.2027 15:00` in the organisation's time zone → an aware UTC datetime."""
    match = _DATE_TIME.match(text)
    if match is None:
        raise ValidationError("meeting-error-date-format", example=DATE_EXAMPLE, value=text[:40])
    day, month, year, hour, minute = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        local = datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(timezone))
    except ValueError:
        raise ValidationError(
            "meeting-error-date-impossible", example=DATE_EXAMPLE, value=text[:40]
        ) from None
    return local.astimezone(UTC)


def parse_time(text: str) -> tuple[int, int]:
    """`15:00` or `9.30` → (hour, minute)."""
    match = _TIME.match(text)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError("meeting-error-time-format", value=text[:40])
    return int(match[1]), int(match[2])


def at_local(day: date, hour: int, minute: int, timezone: str) -> datetime:
    """A day picked on the calendar and a time picked from the buttons → aware UTC."""
    return datetime(
        day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(timezone)
    ).astimezone(UTC)


# How far ahead a date may be: a plan covers a year or two, and 01.01.9999 is a typing slip.
HORIZON_YEARS = 2


def horizon(now: datetime, timezone: str) -> datetime:
    """The same moment two calendar years on, in the organisation's time (29 February falls
    back to the 28th)."""
    local = now.astimezone(ZoneInfo(timezone))
    year = local.year + HORIZON_YEARS
    day = min(local.day, calendar.monthrange(year, local.month)[1])
    return local.replace(year=year, day=day).astimezone(UTC)


def check_horizon(moment: datetime, *, now: datetime, timezone: str, key: str) -> None:
    """Refuses a date more than two years ahead, naming the latest one accepted."""
    latest = horizon(now, timezone)
    if moment > latest:
        raise ValidationError(
            key, latest=latest.astimezone(ZoneInfo(timezone)).strftime("%d.%m.%Y")
        )


# The agenda, its materials and the ballots go at this local hour of their day.
AGENDA_TIME = time(9, 0)


def earliest_day(now: datetime, rules: BodyRules, timezone: str) -> date:
    """The first day an ordinary meeting announced now may be held: notice_days calendar days
    ahead in the organisation's zone (4.8: «не позднее 5 дней до дня проведения»)."""
    return now.astimezone(ZoneInfo(timezone)).date() + timedelta(days=rules.notice_days)


def earliest_ordinary(now: datetime, rules: BodyRules, timezone: str) -> datetime:
    """The earliest start of an ordinary meeting announced now: the first moment (local
    midnight) of `earliest_day`."""
    zone = ZoneInfo(timezone)
    return datetime.combine(earliest_day(now, rules, timezone), time(), tzinfo=zone).astimezone(
        UTC
    )


@dataclass(frozen=True, slots=True)
class Schedule:
    starts_at: datetime
    vote_deadline: datetime | None  # absentee and hybrid only
    extraordinary: bool
    short_notice: bool  # an extraordinary meeting announced inside the notice period


def check_schedule(
    *,
    now: datetime,
    starts_at: datetime,
    form: MeetingForm,
    vote_deadline: datetime | None,
    extraordinary: bool,
    short_notice_confirmed: bool,
    rules: BodyRules,
    timezone: str,
) -> Schedule:
    """Validates the time of a meeting, raising ValidationError with what to do instead."""
    if starts_at <= now:
        raise ValidationError("meeting-error-past", example=DATE_EXAMPLE)
    check_horizon(starts_at, now=now, timezone=timezone, key="meeting-error-too-far")
    short = starts_at < earliest_ordinary(now, rules, timezone)
    if short and not extraordinary:
        raise ValidationError(
            "meeting-error-too-soon",
            days=rules.notice_days,
            earliest=earliest_day(now, rules, timezone).strftime("%d.%m.%Y"),
        )
    if short and not short_notice_confirmed:
        raise ValidationError("meeting-error-confirm-short-notice", days=rules.notice_days)
    deadline = None
    if form.has_ballot:
        deadline = vote_deadline or starts_at
        check_deadline(now=now, starts_at=starts_at, deadline=deadline)
    return Schedule(starts_at, deadline, extraordinary, short)


def check_deadline(*, now: datetime, starts_at: datetime, deadline: datetime) -> None:
    """Ballots are taken until a moment still ahead and not after the meeting starts."""
    if deadline > starts_at:
        raise ValidationError("meeting-error-deadline-after")
    if deadline <= now:
        raise ValidationError("meeting-error-deadline-past")


@dataclass(frozen=True, slots=True)
class PlannedNotice:
    kind: NoticeKind
    due_at: datetime


def notice_plan(
    *,
    now: datetime,
    starts_at: datetime,
    form: MeetingForm,
    rules: BodyRules,
    timezone: str,
    vote_deadline: datetime | None = None,
) -> list[PlannedNotice]:
    """Every notice a newly announced meeting needs, each due no earlier than now."""
    agenda_at = max(now, agenda_due(starts_at, rules, timezone))
    plan = [
        PlannedNotice(NoticeKind.ANNOUNCEMENT, now),
        PlannedNotice(NoticeKind.AGENDA, agenda_at),
    ]

    if form.has_place:
        for kind, before in (
            (NoticeKind.REMINDER_DAY, timedelta(days=1)),
            (NoticeKind.REMINDER_HOUR, timedelta(hours=1)),
        ):
            if starts_at - before > now:
                plan.append(PlannedNotice(kind, starts_at - before))
    if form.has_ballot:
        deadline = vote_deadline or starts_at
        plan.append(PlannedNotice(NoticeKind.BALLOT, agenda_at))
        if deadline - timedelta(days=1) > agenda_at:
            plan.append(PlannedNotice(NoticeKind.BALLOT_REMINDER, deadline - timedelta(days=1)))
        plan.append(PlannedNotice(NoticeKind.VOTING_CLOSE, max(deadline, agenda_at)))
    return plan


# The order in which one person gets a meeting's notices when several are due at once (after
# downtime, or inside the notice period): what was announced before the agenda, the agenda and
# its materials before the ballot, reminders before what closes the voting.
SERIES_ORDER = (
    NoticeKind.ANNOUNCEMENT,
    NoticeKind.RESCHEDULED,
    NoticeKind.CANCELLED,
    NoticeKind.AGENDA,
    NoticeKind.AGENDA_UPDATE,
    NoticeKind.BALLOT,
    NoticeKind.BALLOT_UPDATE,
    NoticeKind.REMINDER_WEEK,
    NoticeKind.REMINDER_DAY,
    NoticeKind.BALLOT_REMINDER,
    NoticeKind.REMINDER_HOUR,
    NoticeKind.BALLOT_CLOSED,
    NoticeKind.VOTING_CLOSE,
    NoticeKind.RESULTS,
    NoticeKind.MINUTES_REMINDER,
    NoticeKind.MINUTES_LAST_CALL,
    NoticeKind.MINUTES_OVERDUE,
    NoticeKind.MINUTES,
    NoticeKind.CONSULT_ESCALATE,
    NoticeKind.CONSULT_REMINDER,
    NoticeKind.CATEGORY_LAPSE,
)


# The notices that put an опросный лист with its buttons into a member's chat.
BALLOT_NOTICES = frozenset(
    {NoticeKind.BALLOT, NoticeKind.BALLOT_UPDATE, NoticeKind.BALLOT_REMINDER}
)


def series_key(kind: NoticeKind, due_at: datetime, notice_id: int) -> tuple[datetime, int, int]:
    """Sorts a meeting's notices into the order its people get them: by due time, and at the
    same time by their place in the series."""
    return due_at, SERIES_ORDER.index(kind), notice_id


REMINDER_SERIES = (NoticeKind.REMINDER_WEEK, NoticeKind.REMINDER_DAY, NoticeKind.REMINDER_HOUR)
MINUTES_SERIES = (
    NoticeKind.MINUTES_REMINDER,
    NoticeKind.MINUTES_LAST_CALL,
    NoticeKind.MINUTES_OVERDUE,
)
# A reminder is about the future: each series says only its latest true thing.
SERIES: dict[NoticeKind, tuple[NoticeKind, ...]] = {
    **dict.fromkeys(REMINDER_SERIES, REMINDER_SERIES),
    **dict.fromkeys(MINUTES_SERIES, MINUTES_SERIES),
    NoticeKind.BALLOT_REMINDER: (NoticeKind.BALLOT_REMINDER,),
}
# Past this, a notice that still goes (an agenda, a ballot, a result) says it is late.
LATE_AFTER = timedelta(minutes=30)
# «Через неделю» is still true a day late, not more.
WEEK_REMINDER_GRACE = timedelta(days=1)


class SkipReason(StrEnum):
    """Why a notice was not sent when its turn came (the bot was down over its moment)."""

    STARTED = "started"  # the meeting it reminds of has begun
    SUPERSEDED = "superseded"  # a later notice of the same series is due as well
    OUTDATED = "outdated"  # what it says is no longer true («завтра» on the day itself)
    CLOSED = "closed"  # a ballot reminder after voting closed


@dataclass(frozen=True, slots=True)
class DueNotice:
    """A notice of the same meeting, as far as staleness is concerned."""

    kind: NoticeKind
    due_at: datetime


def skip_reason(
    notice: DueNotice,
    *,
    now: datetime,
    starts_at: datetime,
    vote_deadline: datetime | None,
    timezone: str,
    others: list[DueNotice],
) -> SkipReason | None:
    """Whether a reminder due at `notice.due_at` is still worth sending `now`, among the other
    live notices of its meeting. Agendas, ballots and results are never skipped: late, they
    still go (and say so)."""
    series = SERIES.get(notice.kind)
    if series is None:
        return None
    zone = ZoneInfo(timezone)
    about_the_meeting = notice.kind not in MINUTES_SERIES
    checks = (
        (about_the_meeting and now >= starts_at, SkipReason.STARTED),
        (
            notice.kind is NoticeKind.BALLOT_REMINDER
            and vote_deadline is not None
            and now >= vote_deadline,
            SkipReason.CLOSED,
        ),
        (
            any(o.kind in series and notice.due_at < o.due_at <= now for o in others),
            SkipReason.SUPERSEDED,
        ),
        (
            notice.kind is NoticeKind.REMINDER_DAY
            and now.astimezone(zone).date() >= starts_at.astimezone(zone).date(),
            SkipReason.OUTDATED,
        ),
        (
            notice.kind is NoticeKind.REMINDER_WEEK and now - notice.due_at > WEEK_REMINDER_GRACE,
            SkipReason.OUTDATED,
        ),
    )
    return next((reason for stale, reason in checks if stale), None)


def is_late(kind: NoticeKind, due_at: datetime, now: datetime) -> bool:
    """A notice that still goes long after its moment (not a reminder: those are skipped)."""
    return kind not in SERIES and now - due_at > LATE_AFTER


def days_left(deadline: datetime, now: datetime, timezone: str) -> int:
    """Calendar days from today to the deadline's day in `timezone` (0: it is today)."""
    zone = ZoneInfo(timezone)
    return max(0, (deadline.astimezone(zone).date() - now.astimezone(zone).date()).days)


def week_before(*, now: datetime, starts_at: datetime) -> list[PlannedNotice]:
    """The asset's members are reminded of their quarterly meeting a week before it."""
    due = starts_at - timedelta(days=7)
    return [PlannedNotice(NoticeKind.REMINDER_WEEK, due)] if due > now else []


def minutes_plan(*, now: datetime, starts_at: datetime, rules: BodyRules) -> list[PlannedNotice]:
    """Reminders until the протокол reaches the members (4.10: within `minutes_days`, 30 by
    default): the secretary at 14 and 21 days, the secretary and chair at 28, the coordinator
    when the deadline has passed. Each is skipped when the протокол went out before it."""
    deadline = minutes_deadline(starts_at, rules)
    plan = [
        PlannedNotice(NoticeKind.MINUTES_REMINDER, deadline - timedelta(days=16)),
        PlannedNotice(NoticeKind.MINUTES_REMINDER, deadline - timedelta(days=9)),
        PlannedNotice(NoticeKind.MINUTES_LAST_CALL, deadline - timedelta(days=2)),
        PlannedNotice(NoticeKind.MINUTES_OVERDUE, deadline),
    ]
    # A short deadline drops the reminders that would come before the meeting itself.
    return [p for p in plan if p.due_at > starts_at and p.due_at >= now]


def minutes_deadline(starts_at: datetime, rules: BodyRules) -> datetime:
    return starts_at + timedelta(days=rules.minutes_days)


def agenda_due(starts_at: datetime, rules: BodyRules, timezone: str) -> datetime:
    """The agenda goes at 09:00 local on the day notice_days calendar days before the
    meeting's day (4.8), not notice_days × 24 hours before its start."""
    zone = ZoneInfo(timezone)
    day = starts_at.astimezone(zone).date() - timedelta(days=rules.notice_days)
    return datetime.combine(day, AGENDA_TIME, tzinfo=zone).astimezone(UTC)


def proposals_close(starts_at: datetime, rules: BodyRules) -> datetime:
    """Members may propose agenda items until proposal_days before the meeting (4.8)."""
    return starts_at - timedelta(days=rules.proposal_days)


def proposals_open(now: datetime, starts_at: datetime, rules: BodyRules) -> bool:
    return now < proposals_close(starts_at, rules)


def require_proposals_open(
    now: datetime, starts_at: datetime, rules: BodyRules, timezone: str
) -> None:
    """Refuses a proposal after the cut-off, saying until when it was possible (4.8)."""
    if not proposals_open(now, starts_at, rules):
        cutoff = proposals_close(starts_at, rules).astimezone(ZoneInfo(timezone))
        raise ValidationError(
            "proposal-error-closed",
            cutoff=cutoff.strftime("%d.%m.%Y %H:%M"),
            days=rules.proposal_days,
        )


@dataclass(frozen=True, slots=True)
class Attendance:
    """Who said they will come, against the quorum line: «придут 7 из 15, нужно 8»."""

    coming: int
    not_coming: int
    roster: int
    needed: int

    @property
    def quorum_expected(self) -> bool:
        return self.coming >= self.needed


def expected_attendance(
    *, coming: int, not_coming: int, roster: int, quorum: Fraction
) -> Attendance:
    return Attendance(coming, not_coming, roster, quorum.needed(roster))


def valid_title(text: str) -> str:
    """An agenda item's title (or a plan's topic): 3 to 300 characters, with letters."""
    title = readable(text)
    if not 3 <= len(title) <= 300:
        raise ValidationError("meeting-error-item-title")
    return title


# «1.», «1)», «12.» or a bullet («-», «–», «—», «•», «*») before an item typed as a list.
_ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[-\u2013\u2014\u2022*])\s*")


def parse_agenda(text: str, *, room: int) -> list[str]:
    """The agenda typed or pasted at once, one item a line, numbering and bullets dropped;
    empty lines skipped. `room` is how many more items the meeting may take."""
    lines = [line for line in text.splitlines() if line.strip()]
    titles = [valid_title(_ITEM_MARK.sub("", line, count=1)) for line in lines]
    if not titles:
        raise ValidationError("meeting-error-item-title")
    if len(titles) > room:
        raise ValidationError("draft-error-too-many-items", max=room)
    return titles


def valid_place(text: str) -> str:
    place = readable(text)
    if not 3 <= len(place) <= 300:
        raise ValidationError("meeting-error-place")
    return place


@dataclass(frozen=True, slots=True)
class DraftMaterial:
    file_id: str
    file_name: str
    mime_type: str | None = None
    file_size: int | None = None


@dataclass(frozen=True, slots=True)
class DraftItem:
    title: str
    speaker: str | None = None
    needs_decision: bool = True
    materials: tuple[DraftMaterial, ...] = ()


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    """What the secretary has filled in so far; checked whole before it is announced."""

    form: MeetingForm
    starts_at: datetime
    place: str | None
    vote_deadline: datetime | None
    extraordinary: bool
    short_notice_confirmed: bool
    items: tuple[DraftItem, ...]
    seminar: bool = False  # an RMO's practical seminar
    plan_id: int | None = None  # the plan entry this meeting was announced from

    def checked(self, *, now: datetime, rules: BodyRules, timezone: str) -> Schedule:
        """Every rule of a meeting that can be announced, or the first ValidationError."""
        if not self.items:
            raise ValidationError("meeting-error-no-items")
        if self.form.has_place and not self.place:
            raise ValidationError("meeting-error-place-needed")
        return check_schedule(
            now=now,
            starts_at=self.starts_at,
            form=self.form,
            vote_deadline=self.vote_deadline,
            extraordinary=self.extraordinary,
            short_notice_confirmed=self.short_notice_confirmed,
            rules=rules,
            timezone=timezone,
        )
