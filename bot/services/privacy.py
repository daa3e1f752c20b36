"""A person's own data (152-FZ art. 14) and its erasure (arts. 9 and 21): `/mydata`, the export,
withdrawal of consent, and the anonymisation of people out of every body for RETENTION_YEARS.

What is shown and what is erased both come from storage/personal_data.py, the one list of
every personal column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final, Protocol

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.clock import Clock
from bot.domain.records import Body, Consent, Membership, Organisation, Person, present
from bot.services.access import Actor
from bot.services.ports import Texts
from storage import bodies, consents, invitations, organisations, people, personal_data
from storage.db import Database

# The coordinator is told this long before a person is anonymised for the retention period.
NOTE_DAYS: Final = 30


def section_keys() -> list[str]:
    """Every section an export can have, as named in locales (mydata-section-…)."""
    keys = []
    for name, rule in personal_data.REGISTRY.items():
        if len(rule.owners) == 1:
            keys.append(name)
        else:
            keys += [f"{name}.{owner}" for owner in rule.owners]
    return [*keys, "fsm_states"]


class Sessions(Protocol):
    """What a conversation keeps per Telegram user (storage/fsm.py: the FSM storage)."""

    async def sessions_of(self, user_id: int) -> list[dict[str, Any]]: ...

    async def forget_user(self, user_id: int) -> None: ...


def years_later(moment: datetime, years: int) -> datetime:
    """The same day `years` later (28 February for 29 February in a common year)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


@dataclass(frozen=True, slots=True)
class MyData:
    person: Person
    memberships: list[tuple[Membership, Body]]
    consents: list[Consent]
    sections: dict[str, personal_data.Section]  # everything, table by table (the export)
    timezone: str  # the organisation's, for the dates shown


@dataclass(frozen=True, slots=True)
class Erased:
    """Done: who to tell, and what the person was called (for the coordinator's message)."""

    former_name: str
    organisation: Organisation | None
    coordinators: list[Person]


@dataclass(frozen=True, slots=True)
class RetentionNote:
    person: Person
    due_at: datetime
    organisation: Organisation
    coordinators: list[Person]


@dataclass(frozen=True, slots=True)
class Retention:
    notes: list[RetentionNote]
    erased: list[Erased]


class PrivacyService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        sessions: Sessions,
        texts: Texts,
        *,
        retention_years: int,
        timezone: str,
    ) -> None:
        # The anonymous label goes into records in Russian, like the протоколы it stands in.
        self._texts = texts
        self._timezone = timezone
        self._db = db
        self._clock = clock
        self._sessions = sessions
        self._years = retention_years

    async def my_data(self, actor: Actor) -> MyData:
        """Everything about the acting person, and nothing about anyone else."""
        person = actor.require_person()
        async with self._db.read() as conn:
            current = present(await people.get_person(conn, person.id), "person")
            history = await bodies.all_memberships_of(conn, person.id)
            given = await consents.consents_of(conn, person.id)
            sections = await personal_data.collect(conn, person.id)
            timezone = self._timezone
            if current.organisation_id is not None:
                organisation = await organisations.get_organisation(conn, current.organisation_id)
                timezone = present(organisation, "organisation").timezone
        if current.telegram_id is not None and (
            kept := await self._sessions.sessions_of(current.telegram_id)
        ):
            sections["fsm_states"] = kept
        return MyData(current, history, given, sections, timezone)

    async def erase(self, actor: Actor) -> Erased:
        """Withdraws consent and erases the acting person at once."""
        person = actor.require_person()
        async with self._db.transaction() as conn:
            erased = await self._erase(conn, person)
        await self._forget_sessions(person)
        return erased

    async def _erase(self, conn: AsyncConnection, person: Person) -> Erased:
        now = self._clock.now()
        organisation = None
        if person.organisation_id is not None:
            organisation = await organisations.get_organisation(conn, person.organisation_id)
        coordinators = await self._coordinators_of(conn, person)
        await consents.withdraw_all(conn, person.id, now=now)
        await bodies.end_all_memberships(conn, person.id, now=now)
        await organisations.remove_coordinator(conn, person.id)
        await invitations.revoke_personal(conn, person.id, now=now)
        label = self._texts.get("privacy-erased-label", number=person.id)
        await personal_data.erase(conn, person.id, label=label, now=now)
        return Erased(person.full_name, organisation, coordinators)

    @staticmethod
    async def _organisations_of(conn: AsyncConnection, person: Person) -> list[int]:
        """Their own organisation first, then that of every body they were ever in."""
        found = [] if person.organisation_id is None else [person.organisation_id]
        for _, body in await bodies.all_memberships_of(conn, person.id):
            if body.organisation_id not in found:
                found.append(body.organisation_id)
        return found

    async def _coordinators_of(self, conn: AsyncConnection, person: Person) -> list[Person]:
        """Who is told about this person's erasure: the coordinators of those organisations."""
        ids: list[int] = []
        for organisation_id in await self._organisations_of(conn, person):
            for coordinator_id in await organisations.coordinator_ids(conn, organisation_id):
                if coordinator_id != person.id and coordinator_id not in ids:
                    ids.append(coordinator_id)
        return [present(await people.get_person(conn, p), "person") for p in ids]

    async def _forget_sessions(self, person: Person) -> None:
        if person.telegram_id is not None:
            await self._sessions.forget_user(person.telegram_id)

    async def retention(self) -> Retention:
        """Tells the coordinators about people out of every body for almost RETENTION_YEARS
        (NOTE_DAYS ahead, and never less than NOTE_DAYS before), and anonymises those whose day
        has come. Both are recorded, so a restart neither repeats a note nor skips one; a run
        missed while the bot was down happens at the next start-up."""
        now = self._clock.now()
        notes: list[RetentionNote] = []
        erased: list[Erased] = []
        lead = timedelta(days=NOTE_DAYS)
        async with self._db.transaction() as conn:
            # A superset by a rough year length, then the exact anniversary below.
            rough = now + lead - timedelta(days=365 * self._years - 3)
            for person, ended in await consents.retention_candidates(conn, ended_before=rough):
                moment = years_later(ended, self._years)
                if moment - lead > now:
                    continue
                due_at = max(moment, now + lead)
                await consents.note_retention(conn, person.id, now=now, due_at=due_at)
                first = (await self._organisations_of(conn, person))[0]
                organisation = present(
                    await organisations.get_organisation(conn, first), "organisation"
                )
                coordinators = await self._coordinators_of(conn, person)
                notes.append(RetentionNote(person, due_at, organisation, coordinators))
            due = await consents.due_retention(conn, now=now)
            gone = []
            for person_id in due:
                person = present(await people.get_person(conn, person_id), "person")
                erased.append(await self._erase(conn, person))
                gone.append(person)
        for person in gone:
            await self._forget_sessions(person)
        return Retention(notes, erased)
