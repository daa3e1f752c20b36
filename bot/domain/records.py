"""What the repositories return: frozen pydantic models, never rows."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

from bot.domain.eligibility import (
    EligibilityProfile,
    Evidence,
    Rules,
    Title,
    Variant,
    rules_from,
)
from bot.domain.meetings import MeetingForm, MeetingStatus, NoticeKind
from bot.domain.model import BodyKind, Category, Education, Role
from bot.domain.results import Results
from bot.domain.rules import BodyRules
from bot.domain.voting import Choice, Source, Tally

T = TypeVar("T")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)


class Organisation(Frozen):
    id: int
    name: str
    timezone: str
    operator_name: str | None = None
    operator_address: str | None = None
    # The place a протокол names under its date (ГОСТ Р 7.0.97-2016): «г. Луга».
    city: str | None = None
    # Which requirements a member of the asset meets; not chosen yet: Luga's (appendix 3, 2.5).
    eligibility_variant: Variant | None = None
    eligibility_thresholds: dict[str, object] | None = None

    @property
    def eligibility(self) -> Rules:
        return rules_from(self.eligibility_variant or Variant.LUGA, self.eligibility_thresholds)


class Person(Frozen):
    id: int
    organisation_id: int | None
    telegram_id: int | None
    full_name: str
    school: str | None
    subject: str | None
    position: str | None
    category: Category | None
    experience_years: int | None
    education: Education | None
    locale: str | None
    reachable: bool
    erased_at: datetime | None = None
    speciality_years: int | None = None
    category_awarded_on: date | None = None
    titles: frozenset[Title] | None = None
    grounds: tuple[Evidence, ...] | None = None

    @property
    def eligibility(self) -> EligibilityProfile:
        return EligibilityProfile(
            education=self.education,
            pedagogical_years=self.experience_years,
            speciality_years=self.speciality_years,
            category=self.category,
            category_awarded_on=self.category_awarded_on,
            titles=self.titles,
            grounds=self.grounds,
        )


class Body(Frozen):
    id: int
    organisation_id: int
    kind: BodyKind
    name: str
    subject: str | None
    rules: BodyRules
    group_chat_id: int | None
    timezone: str  # the organisation's: every time of this body is shown in it

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Membership(Frozen):
    id: int
    body_id: int
    person_id: int
    role: Role
    is_methodist: bool
    active: bool
    started_at: datetime
    ended_at: datetime | None


class RosterEntry(Frozen):
    """A current membership with the person it belongs to."""

    membership: Membership
    person: Person


class Invitation(Frozen):
    id: int
    token: str
    organisation_id: int
    body_id: int | None
    role: Role | None  # None: an invitation to coordinate the organisation
    is_methodist: bool
    person_id: int | None
    max_uses: int
    uses: int
    expires_at: datetime
    revoked_at: datetime | None
    created_by: int | None

    @property
    def for_coordinator(self) -> bool:
        return self.body_id is None


def present(value: T | None, what: str) -> T:
    """For rows a foreign key guarantees: a missing one is a bug, not a user's mistake."""
    if value is None:
        raise LookupError(f"{what} is missing")
    return value


class Material(Frozen):
    id: int
    item_id: int
    file_id: str
    file_name: str
    mime_type: str | None
    file_size: int | None


class AgendaItem(Frozen):
    id: int
    meeting_id: int
    position: int
    title: str
    speaker: str | None
    needs_decision: bool
    proposal_id: int | None
    materials: tuple[Material, ...] = ()


class Meeting(Frozen):
    id: int
    body_id: int
    form: MeetingForm
    status: MeetingStatus
    starts_at: datetime
    vote_deadline: datetime | None
    place: str | None
    extraordinary: bool
    seminar: bool = False
    short_notice_confirmed_by: int | None
    sequence: int
    ballot_opened_at: datetime | None
    opened_at: datetime | None = None
    checkin_code: str | None = None
    ballots_closed_at: datetime | None = None
    closed_at: datetime | None = None
    results: Results | None = None
    created_by: int | None


class Proposal(Frozen):
    id: int
    meeting_id: int
    person_id: int
    title: str
    status: str  # pending | accepted | rejected
    comment: str | None


class Notice(Frozen):
    id: int
    meeting_id: int | None  # None: a notice of a consultation
    consultation_id: int | None
    kind: NoticeKind
    due_at: datetime
    status: str  # pending | sending | done | cancelled | skipped
    details: dict[str, str | int]
    person_id: int | None = None  # a notice of a person: their category lapsing


class Delivery(Frozen):
    id: int
    notice_id: int
    person_id: int | None
    chat_id: int | None
    status: str
    attempts: int
    error: str | None
    message_id: int | None = None  # the Telegram message it became (see schema.deliveries)


class Ballot(Frozen):
    id: int
    meeting_id: int
    person_id: int
    source: Source
    signed_at: datetime | None


class Vote(Frozen):
    item_id: int
    person_id: int
    choice: Choice
    source: Source


class Presence(Frozen):
    """A member's attendance in the room (see bot/domain/participation.py)."""

    person_id: int
    present: bool
    counted: bool


class RoomVote(Frozen):
    item_id: int
    tally: Tally
    chair_choice: Choice | None


class Minutes(Frozen):
    id: int
    meeting_id: int
    body_id: int
    year: int
    number: int
    version: int
    status: str  # draft | review | signed | superseded
    texts: dict[str, dict[str, str]]  # item id (as text) → heard / spoke / decided
    reason: str | None
    returned_comment: str | None
    chair_absent: bool
    signed_by: int | None
    signed_as: str | None
    signed_at: datetime | None


class Consultation(Frozen):
    id: int
    organisation_id: int
    teacher_id: int
    topic: str
    subject: str
    direction: str
    size: str
    mode: str
    wishes: str
    status: str
    methodist_id: int | None
    starts_at: datetime | None
    place: str | None
    reason: str | None
    rating: int | None
    rating_comment: str | None
    created_at: datetime
    offered_at: datetime | None
    taken_at: datetime | None
    done_at: datetime | None
    escalated_at: datetime | None


class MethodistProfile(Frozen):
    person_id: int
    subjects: list[str]
    directions: list[str]


class Plan(Frozen):
    id: int
    body_id: int
    planned_on: date
    topic: str
    seminar: bool
    meeting_id: int | None


class ConsentVersion(Frozen):
    """One text of consent, exactly as people were shown it, in every locale."""

    id: int
    organisation_id: int | None
    version: int
    operator_name: str | None
    operator_address: str | None
    texts: dict[str, str]
    created_at: datetime


class Consent(Frozen):
    id: int
    person_id: int
    organisation_id: int | None
    basis: str  # chat | paper
    version_id: int | None
    version: int | None  # the number of that version within its organisation
    locale: str | None
    text_sha256: str | None
    given_at: datetime
    recorded_by: int | None
    withdrawn_at: datetime | None


class RegisterLine(Frozen):
    """One line of the register of consents, as an inspector reads it."""

    consent: Consent
    person_name: str
    erased: bool
