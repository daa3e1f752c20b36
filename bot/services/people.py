"""People registering themselves, their profile, language and what their menu offers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain import eligibility as rules
from bot.domain import people as check
from bot.domain.clock import Clock
from bot.domain.errors import Conflict, NotFound, ValidationError
from bot.domain.meetings import NoticeKind
from bot.domain.model import LOCALES
from bot.domain.records import Body, Membership, Organisation, Person, present
from bot.services.access import Actor
from bot.services.batch import Batcher
from bot.services.consent import PendingConsent
from bot.services.ports import NoticeScheduler
from storage import bodies, notices, operations, organisations, people
from storage.db import Database


@dataclass(frozen=True, slots=True)
class Registration:
    """What a new person typed about themselves; validated again here, not only in the form."""

    full_name: str
    school: str | None = None
    subject: str | None = None

    def checked(self) -> Registration:
        return Registration(
            full_name=check.full_name(self.full_name),
            school=None if self.school is None else check.school(self.school),
            subject=None if self.subject is None else check.subject(self.subject),
        )

    async def create(
        self,
        conn: AsyncConnection,
        *,
        telegram_id: int,
        organisation_id: int | None,
        locale: str,
        now: datetime,
        consent: PendingConsent | None,
    ) -> Person:
        """Creates the person with the consent they gave before typing anything: without one
        nothing is stored."""
        if consent is None:
            raise ValidationError("consent-error-required")
        data = self.checked()
        person = await people.create_person(
            conn,
            organisation_id=organisation_id,
            telegram_id=telegram_id,
            full_name=data.full_name,
            school=data.school,
            subject=data.subject,
            locale=locale,
            now=now,
        )
        await consent.record(conn, person.id, organisation_id)
        return person


class ProfileField(StrEnum):
    FULL_NAME = "full_name"
    SCHOOL = "school"
    SUBJECT = "subject"
    POSITION = "position"
    CATEGORY = "category"
    CATEGORY_DATE = "category_awarded_on"
    EXPERIENCE = "experience_years"
    SPECIALITY = "speciality_years"
    EDUCATION = "education"
    TITLES = "titles"
    GROUNDS = "grounds"


# Answers of the titles and grounds buttons meaning «none of these».
NONE_OF_THESE: Final = "none"


_PARSERS: dict[ProfileField, Any] = {
    ProfileField.FULL_NAME: check.full_name,
    ProfileField.SCHOOL: check.school,
    ProfileField.SUBJECT: check.subject,
    ProfileField.POSITION: check.position,
    ProfileField.CATEGORY: lambda raw: check.category(raw).value,
    ProfileField.EXPERIENCE: check.experience_years,
    ProfileField.EDUCATION: lambda raw: check.education(raw).value,
}


def _experience(current: Person, field: ProfileField, raw: str, today: date) -> int:
    """Years of pedagogical experience or in the speciality; the second never more than the
    first, whichever of them is typed last."""
    try:
        years = check.experience_years_or_start(raw, today)
    except ValidationError as error:
        if field is ProfileField.SPECIALITY and error.key == "people-error-experience":
            raise ValidationError("profile-error-speciality-years", **error.params) from None
        raise
    pedagogical, speciality = current.experience_years, current.speciality_years
    if field is ProfileField.EXPERIENCE:
        pedagogical = years
    else:
        speciality = years
    if pedagogical is not None and speciality is not None and speciality > pedagogical:
        raise ValidationError(
            "profile-error-speciality-exceeds", speciality=speciality, pedagogical=pedagogical
        )
    return years


@dataclass(frozen=True, slots=True)
class Menu:
    """What the main menu shows this person: only what their roles allow."""

    registered: bool
    may_create_organisation: bool
    coordinated: list[Organisation]
    managed: list[Body]
    memberships: list[tuple[Membership, Body]]


@dataclass(frozen=True, slots=True)
class Profile:
    person: Person
    memberships: list[tuple[Membership, Body]]
    coordinated: list[Organisation]


@dataclass(frozen=True, slots=True)
class _Found:
    """The sender of an update as one lookup finds them."""

    person: Person | None
    consented: bool  # their consent in the chat covers the current text
    appointed: bool  # appointed a coordinator with `councilbot add-coordinator`


# The hour of the day, in the organisation's time, a category's lapse warning goes out.
WARNING_HOUR: Final = 10


class PeopleService:
    def __init__(
        self, db: Database, clock: Clock, scheduler: NoticeScheduler | None = None
    ) -> None:
        self._db = db
        self._clock = clock
        self._scheduler = scheduler
        # Every update looks up its sender; those arriving together are looked up in one query.
        self._lookups: Batcher[int, _Found] = Batcher(self._find)

    async def organisations(self) -> list[Organisation]:
        """Organisations a teacher may register with (district names are public)."""
        async with self._db.read() as conn:
            return await organisations.list_organisations(conn)

    async def register(
        self,
        actor: Actor,
        registration: Registration,
        *,
        organisation_id: int | None,
        locale: str,
        consent: PendingConsent | None,
    ) -> Person:
        """Registers someone who came without an invitation: a teacher, or a deployment
        coordinator from COORDINATOR_IDS."""
        async with self._db.transaction() as conn:
            if await people.get_by_telegram(conn, actor.telegram_id) is not None:
                raise Conflict("register-error-already")
            if organisation_id is not None and (
                await organisations.get_organisation(conn, organisation_id) is None
            ):
                raise NotFound("register-error-organisation")
            return await registration.create(
                conn,
                telegram_id=actor.telegram_id,
                organisation_id=organisation_id,
                locale=locale,
                now=self._clock.now(),
                consent=consent,
            )

    async def menu(self, actor: Actor) -> Menu:
        if actor.person is None:
            return Menu(False, False, [], [], [])
        async with self._db.read() as conn:
            coordinated = await organisations.coordinated_organisations(conn, actor.person.id)
            mine = await bodies.memberships_of(conn, actor.person.id)
            managed = {body.id: body for m, body in mine if m.role.manages_roster}
            for organisation in coordinated:
                for body in await bodies.list_bodies(conn, organisation.id):
                    managed.pop(body.id, None)  # reached through the organisation screen
        return Menu(
            registered=True,
            may_create_organisation=actor.is_admin,
            coordinated=coordinated,
            managed=list(managed.values()),
            memberships=mine,
        )

    async def profile(self, actor: Actor) -> Profile:
        person = actor.require_person()
        async with self._db.read() as conn:
            current = present(await people.get_person(conn, person.id), "person")
            return Profile(
                current,
                await bodies.memberships_of(conn, person.id),
                await organisations.coordinated_organisations(conn, person.id),
            )

    async def update_profile(self, actor: Actor, field: ProfileField, raw: str) -> Person:
        """Changes one field; what eligibility needs is checked against the rest of the profile
        (experience in the speciality within the pedagogical one, no award in the future)."""
        person = actor.require_person()
        today = self._clock.now().date()
        async with self._db.transaction() as conn:
            current = present(await people.get_person(conn, person.id), "person")
            value = self._parsed(current, field, raw, today)
            await people.update_profile(
                conn, person.id, now=self._clock.now(), **{field.value: value}
            )
            updated = present(await people.get_person(conn, person.id), "person")
            if field in {ProfileField.CATEGORY, ProfileField.CATEGORY_DATE}:
                await self._arm_lapse(conn, updated)
            return updated

    async def _arm_lapse(self, conn: AsyncConnection, person: Person) -> None:
        """The warning of the category's lapse, armed anew whenever the category or its date
        changes: the old one is cancelled, one is kept for the new date (at once if its day
        has come), none when there is no category or it has lapsed already."""
        for notice_id in await notices.cancel_of_person(
            conn, person.id, NoticeKind.CATEGORY_LAPSE
        ):
            if self._scheduler is not None:
                self._scheduler.disarm(notice_id)
        lapse = rules.lapses_on(person.eligibility)
        warn = rules.lapse_warning_on(person.eligibility)
        now = self._clock.now()
        organisation = (
            None
            if person.organisation_id is None
            else await organisations.get_organisation(conn, person.organisation_id)
        )
        zone = ZoneInfo(organisation.timezone if organisation else "Europe/Moscow")
        if lapse is None or warn is None or lapse <= now.astimezone(zone).date():
            return
        due = max(now, datetime.combine(warn, time(WARNING_HOUR), zone).astimezone(UTC))
        notice = await notices.add_notice(
            conn,
            meeting_id=None,
            person_id=person.id,
            kind=NoticeKind.CATEGORY_LAPSE,
            due_at=due,
            now=now,
            details={"lapses": lapse.isoformat()},
        )
        if self._scheduler is not None:
            self._scheduler.arm(notice.id, due)

    @staticmethod
    def _parsed(current: Person, field: ProfileField, raw: str, today: date) -> object:
        match field:
            case ProfileField.EXPERIENCE | ProfileField.SPECIALITY:
                return _experience(current, field, raw, today)
            case ProfileField.CATEGORY_DATE:
                return check.award_date(raw, today)
            case ProfileField.TITLES:
                if raw == NONE_OF_THESE:
                    return []
                if raw not in set(rules.Title):
                    raise ValidationError("profile-error-title")
                return people.titles_value((current.titles or frozenset()) ^ {rules.Title(raw)})
            case ProfileField.GROUNDS:
                if raw != NONE_OF_THESE:
                    raise ValidationError("profile-error-ground")
                return []
            case _:
                return _PARSERS[field](raw)

    async def claim_ground(
        self, actor: Actor, ground: str, *, file_id: str | None, note: str | None
    ) -> Person:
        """A ground of Zyryansky 3.2 with its evidence: a file, or a note where it shows;
        claimed again, its evidence is replaced."""
        person = actor.require_person()
        if ground not in set(rules.Ground):
            raise ValidationError("profile-error-ground")
        evidence = rules.Evidence(
            rules.Ground(ground), file_id=file_id, note=None if note is None else check.note(note)
        )
        async with self._db.transaction() as conn:
            current = present(await people.get_person(conn, person.id), "person")
            kept = tuple(g for g in current.grounds or () if g.ground is not evidence.ground)
            await people.update_profile(
                conn,
                person.id,
                now=self._clock.now(),
                grounds=people.grounds_value((*kept, evidence)),
            )
            return present(await people.get_person(conn, person.id), "person")

    async def set_locale(self, actor: Actor, locale: str) -> None:
        if locale not in LOCALES:
            raise ValidationError("language-error-unknown")
        person = actor.require_person()
        async with self._db.transaction() as conn:
            await people.set_locale(conn, person.id, locale)

    async def mark_reachable(self, actor: Actor) -> Actor:
        async with self._db.transaction() as conn:
            await people.set_reachable(conn, actor.telegram_id, reachable=True)
            person = await people.get_by_telegram(conn, actor.telegram_id)
        return Actor(
            telegram_id=actor.telegram_id,
            person=person,
            is_admin=actor.is_admin,
            consented=actor.consented,
        )

    async def actor(self, telegram_id: int, *, is_admin: bool) -> Actor:
        """The acting person of an update, from its Telegram user id; `is_admin` (listed in
        COORDINATOR_IDS) or appointed with `councilbot add-coordinator`, they may create
        organisations."""
        found = await self._lookups.submit(telegram_id)
        admin = is_admin or found.appointed
        if found.person is None:
            return Actor(telegram_id=telegram_id, person=None, is_admin=admin)
        return Actor(
            telegram_id=telegram_id,
            person=found.person,
            is_admin=admin,
            consented=found.consented,
        )

    async def _find(self, telegram_ids: list[int]) -> list[_Found]:
        async with self._db.read() as conn:
            found = await people.get_by_telegram_ids_with_consent(conn, telegram_ids)
            # Read at every lookup, so an appointment made while the bot runs counts at once.
            appointed = await operations.appointed_among(conn, telegram_ids)
        results = []
        for telegram_id in telegram_ids:
            person, consented = found.get(telegram_id, (None, False))
            results.append(_Found(person, consented, telegram_id in appointed))
        return results
