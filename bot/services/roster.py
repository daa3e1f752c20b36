"""The roster of a body: listing, roles, deactivation, people added by hand, CSV in and out."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain import people as check
from bot.domain.clock import Clock
from bot.domain.eligibility import Assessment, Rules, assess
from bot.domain.errors import AccessDenied, Conflict, NotFound, ValidationError
from bot.domain.model import BodyKind, Role
from bot.domain.records import Body, Person, RosterEntry, present
from bot.domain.roster_csv import (
    LineError,
    RosterExportRow,
    RosterFileError,
    RosterRow,
    export_roster,
    parse_roster,
)
from bot.domain.text import fold
from bot.services.access import Actor, BodyAccess, require_body_manager
from bot.services.invitations import may_appoint
from storage import bodies, consents, organisations, people
from storage.db import Database


@dataclass(frozen=True, slots=True)
class Roster:
    access: BodyAccess
    entries: list[RosterEntry]

    @property
    def body(self) -> Body:
        return self.access.body


@dataclass(frozen=True, slots=True)
class Member:
    access: BodyAccess
    entry: RosterEntry
    # No consent of any kind is recorded (added before the bot kept consents): the secretary
    # may record the paper one.
    without_consent: bool = False
    # A methodist of the asset, seen by the coordinator: the organisation's requirements
    # (Luga 2.5, Zyryansky 3.2 or its own) and how this person's profile meets them.
    rules: Rules | None = None
    eligibility: Assessment | None = None

    @property
    def body(self) -> Body:
        return self.access.body


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an uploaded file would do: the people to add, and those already in the roster."""

    body: Body
    new: list[RosterRow]
    present: list[RosterRow]


@dataclass(frozen=True, slots=True)
class NewMember:
    full_name: str
    school: str
    subject: str
    role: Role
    is_methodist: bool


def same_person_key(full_name: str, school: str | None) -> tuple[str, str]:
    """How two entries are recognised as one person: name and school, case and ё aside."""

    return fold(full_name), fold(school or "")


class RosterService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def roster(self, actor: Actor, body_id: int) -> Roster:
        async with self._db.read() as conn:
            access = await require_body_manager(conn, actor, body_id)
            return Roster(access, await bodies.roster(conn, body_id))

    async def member(self, actor: Actor, membership_id: int) -> Member:
        async with self._db.read() as conn:
            return await self._member(conn, actor, membership_id)

    async def _member(self, conn: AsyncConnection, actor: Actor, membership_id: int) -> Member:
        membership = await bodies.get_membership(conn, membership_id)
        if membership is None:
            raise NotFound("roster-error-member-gone")
        access = await require_body_manager(conn, actor, membership.body_id)
        if not membership.active:
            raise NotFound("roster-error-member-gone")
        person = present(await people.get_person(conn, membership.person_id), "person")
        without = not await consents.consents_of(conn, person.id)
        entry = RosterEntry(membership=membership, person=person)
        if not (
            access.coordinator and membership.is_methodist and access.body.kind is BodyKind.ASSET
        ):
            return Member(access, entry, without)
        organisation = present(
            await organisations.get_organisation(conn, access.body.organisation_id),
            "organisation",
        )
        today = self._clock.now().astimezone(access.body.zone).date()
        rules = organisation.eligibility
        found = assess(person.eligibility, rules, today)
        return Member(access, entry, without, rules=rules, eligibility=found)

    async def record_paper_consent(self, actor: Actor, membership_id: int) -> Member:
        """The secretary confirms that the written consent of someone on the roster, who has
        none recorded, was received."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            member = await self._member(conn, actor, membership_id)
            if not member.without_consent:
                raise Conflict("paper-consent-error-recorded")
            await consents.record(
                conn,
                person_id=member.entry.person.id,
                organisation_id=member.body.organisation_id,
                basis="paper",
                recorded_by=member.access.person.id,
                now=now,
            )
            return await self._member(conn, actor, membership_id)

    async def change_role(
        self, actor: Actor, membership_id: int, role: Role, *, is_methodist: bool
    ) -> Member:
        """Ends the current membership and starts one with the new role: history is kept."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            member = await self._member(conn, actor, membership_id)
            old = member.entry.membership
            if old.role is role and old.is_methodist == is_methodist:
                raise Conflict("roster-error-same-role")
            if not (may_appoint(member.access, role) and may_appoint(member.access, old.role)):
                raise AccessDenied("roster-error-leadership")
            manager = member.access.person
            if not await bodies.end_membership(conn, old.id, changed_by=manager.id, now=now):
                raise Conflict("roster-error-member-gone")
            new = await bodies.add_membership(
                conn,
                body_id=old.body_id,
                person_id=old.person_id,
                role=role,
                is_methodist=is_methodist,
                changed_by=manager.id,
                now=now,
            )
            return Member(member.access, RosterEntry(membership=new, person=member.entry.person))

    async def deactivate(self, actor: Actor, membership_id: int) -> Member:
        now = self._clock.now()
        async with self._db.transaction() as conn:
            member = await self._member(conn, actor, membership_id)
            if not may_appoint(member.access, member.entry.membership.role):
                raise AccessDenied("roster-error-leadership")
            if not await bodies.end_membership(
                conn, membership_id, changed_by=member.access.person.id, now=now
            ):
                raise Conflict("roster-error-member-gone")
            return member

    async def add_by_hand(
        self, actor: Actor, body_id: int, new: NewMember, *, paper_consent: bool
    ) -> Member:
        """Adds a person without Telegram; they can be linked later by a personal link. The
        secretary confirms their paper consent, which is recorded with them."""
        if not paper_consent:
            raise ValidationError("paper-consent-error")
        full_name = check.full_name(new.full_name)
        school = check.school(new.school)
        subject = check.subject(new.subject)
        now = self._clock.now()
        async with self._db.transaction() as conn:
            access = await require_body_manager(conn, actor, body_id)
            manager, body = access.person, access.body
            if not may_appoint(access, new.role):
                raise AccessDenied("roster-error-leadership")
            key = same_person_key(full_name, school)
            for entry in await bodies.roster(conn, body_id):
                if same_person_key(entry.person.full_name, entry.person.school) == key:
                    raise Conflict("roster-error-already-member", name=entry.person.full_name)
            person = await people.create_person(
                conn,
                organisation_id=body.organisation_id,
                full_name=full_name,
                school=school,
                subject=subject,
                now=now,
            )
            await consents.record(
                conn,
                person_id=person.id,
                organisation_id=body.organisation_id,
                basis="paper",
                recorded_by=manager.id,
                now=now,
            )
            membership = await bodies.add_membership(
                conn,
                body_id=body_id,
                person_id=person.id,
                role=new.role,
                is_methodist=new.is_methodist,
                changed_by=manager.id,
                now=now,
            )
            return Member(access, RosterEntry(membership=membership, person=person))

    async def preview_import(self, actor: Actor, body_id: int, data: bytes) -> ImportPreview:
        """Checks a whole file against the format and the current roster; nothing is written.
        Raises RosterFileError listing every bad line."""
        # Lines marked inactive are history carried by an export: there is no one to add.
        rows = [row for row in parse_roster(data) if row.active]
        async with self._db.read() as conn:
            access = await require_body_manager(conn, actor, body_id)
            _check_leadership(access, rows)
            entries = await bodies.roster(conn, body_id)
            present_keys = {same_person_key(e.person.full_name, e.person.school) for e in entries}
            present_ids = {e.person.telegram_id for e in entries if e.person.telegram_id}
        new: list[RosterRow] = []
        known: list[RosterRow] = []
        for row in rows:
            in_roster = same_person_key(row.full_name, row.school) in present_keys or (
                row.telegram_id is not None and row.telegram_id in present_ids
            )
            (known if in_roster else new).append(row)
        return ImportPreview(access.body, new, known)

    async def import_file(
        self, actor: Actor, body_id: int, data: bytes, *, paper_consent: bool
    ) -> ImportPreview:
        """Adds everyone new from the file in one transaction: all of them or none. The one
        confirmation of paper consents is recorded for each person the file creates."""
        if not paper_consent:
            raise ValidationError("paper-consent-error")
        preview = await self.preview_import(actor, body_id, data)
        now = self._clock.now()
        async with self._db.transaction() as conn:
            access = await require_body_manager(conn, actor, body_id)
            manager, body = access.person, access.body
            for row in preview.new:
                person = await self._person_for(conn, row, body, recorded_by=manager.id)
                if await bodies.active_membership(conn, body_id=body_id, person_id=person.id):
                    continue  # became a member since the preview: nothing to add
                await bodies.add_membership(
                    conn,
                    body_id=body_id,
                    person_id=person.id,
                    role=row.role,
                    is_methodist=row.is_methodist,
                    changed_by=manager.id,
                    now=now,
                )
        return preview

    async def _person_for(
        self, conn: AsyncConnection, row: RosterRow, body: Body, *, recorded_by: int
    ) -> Person:
        """The person a line names: the one with that Telegram id if known (they gave their own
        consent), else a new one with the paper consent the secretary confirmed."""
        if row.telegram_id is not None:
            known = await people.get_by_telegram(conn, row.telegram_id)
            if known is not None:
                return known
        person = await people.create_person(
            conn,
            organisation_id=body.organisation_id,
            telegram_id=row.telegram_id,
            full_name=row.full_name,
            school=row.school,
            subject=row.subject,
            position=row.position,
            category=None if row.category is None else row.category.value,
            experience_years=row.experience_years,
            education=None if row.education is None else row.education.value,
            now=self._clock.now(),
        )
        await consents.record(
            conn,
            person_id=person.id,
            organisation_id=body.organisation_id,
            basis="paper",
            recorded_by=recorded_by,
            now=self._clock.now(),
        )
        return person

    async def export(self, actor: Actor, body_id: int, *, locale: str) -> tuple[Body, bytes]:
        roster = await self.roster(actor, body_id)
        rows = [
            RosterExportRow(
                full_name=e.person.full_name,
                school=e.person.school or "",
                subject=e.person.subject or "",
                position=e.person.position,
                role=e.membership.role,
                is_methodist=e.membership.is_methodist,
                category=e.person.category,
                experience_years=e.person.experience_years,
                education=e.person.education,
                telegram_id=e.person.telegram_id,
            )
            for e in roster.entries
        ]
        return roster.body, export_roster(rows, locale=locale)


def _check_leadership(access: BodyAccess, rows: list[RosterRow]) -> None:
    """Lines giving a leadership role the uploader may not give fail the whole file."""
    errors = [
        LineError(row.line, None, "roster-error-leadership", {})
        for row in rows
        if not may_appoint(access, row.role)
    ]
    if errors:
        raise RosterFileError(errors)
