"""Setting up organisations and their bodies: the coordinator's work."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.exc import IntegrityError

from bot.domain import eligibility
from bot.domain.clock import Clock
from bot.domain.eligibility import Setting, Variant
from bot.domain.errors import AccessDenied, Conflict, ValidationError
from bot.domain.model import BodyKind
from bot.domain.people import subject as valid_subject
from bot.domain.records import Body, Organisation, present
from bot.domain.rules import RuleName
from bot.domain.text import readable
from bot.services.access import Actor, require_body, require_coordinator
from storage import bodies, organisations, people
from storage.db import Database

# Time zones offered as buttons: the districts of DESIGN.md and the rest of Russia's zones.
TIMEZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Tomsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
)


@dataclass(frozen=True, slots=True)
class OrganisationView:
    organisation: Organisation
    bodies: list[Body]


CITY_MAX = 100


def valid_name(raw: str, *, key: str) -> str:
    """A name of an organisation or body: 3 to 200 characters after tidying spaces."""
    name = readable(raw)
    if not 3 <= len(name) <= 200:
        raise ValidationError(key)
    return name


def valid_timezone(raw: str) -> str:
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("setup-error-timezone", value=raw) from None
    return raw


class SetupService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def create_organisation(self, actor: Actor, *, name: str, timezone: str) -> Organisation:
        """Only the deployment's coordinators (COORDINATOR_IDS) create organisations; the
        creator becomes the first coordinator of the new one."""
        if not actor.is_admin:
            raise AccessDenied("error-not-allowed")
        person = actor.require_person()
        name = valid_name(name, key="setup-error-org-name")
        timezone = valid_timezone(timezone)
        now = self._clock.now()
        async with self._db.transaction() as conn:
            organisation = await organisations.create_organisation(
                conn, name=name, timezone=timezone, now=now
            )
            await organisations.add_coordinator(
                conn,
                organisation_id=organisation.id,
                person_id=person.id,
                appointed_by=None,
                now=now,
            )
            await people.set_organisation(conn, person.id, organisation.id)
        return organisation

    async def organisation(self, actor: Actor, organisation_id: int) -> OrganisationView:
        async with self._db.read() as conn:
            await require_coordinator(conn, actor, organisation_id)
            organisation = present(
                await organisations.get_organisation(conn, organisation_id), "organisation"
            )
            return OrganisationView(organisation, await bodies.list_bodies(conn, organisation_id))

    async def set_city(self, actor: Actor, organisation_id: int, raw: str) -> OrganisationView:
        """The place the organisation's протоколы name under their date; «-» clears it."""
        city = "" if raw.strip() == "-" else readable(raw)
        if len(city) > CITY_MAX:
            raise ValidationError("org-error-city", max=CITY_MAX)
        async with self._db.transaction() as conn:
            await require_coordinator(conn, actor, organisation_id)
            await organisations.set_city(conn, organisation_id, city or None)
        return await self.organisation(actor, organisation_id)

    async def eligibility(self, actor: Actor, organisation_id: int) -> Organisation:
        """The organisation with the asset's requirements in force, for its coordinator."""
        async with self._db.read() as conn:
            await require_coordinator(conn, actor, organisation_id)
            return present(
                await organisations.get_organisation(conn, organisation_id), "organisation"
            )

    async def set_eligibility(
        self,
        actor: Actor,
        organisation_id: int,
        *,
        variant: Variant | None = None,
        setting: Setting | None = None,
        value: str = "",
    ) -> Organisation:
        """Chooses the Luga or Zyryansky requirements, or custom thresholds: choosing custom
        starts from the rules in force, and each setting changes one of them."""
        async with self._db.transaction() as conn:
            await require_coordinator(conn, actor, organisation_id)
            organisation = present(
                await organisations.get_organisation(conn, organisation_id), "organisation"
            )
            if setting is not None:
                try:
                    rules = eligibility.changed(organisation.eligibility, setting, value)
                except ValueError:
                    raise ValidationError("eligibility-error-setting") from None
                variant, thresholds = Variant.CUSTOM, eligibility.thresholds_of(rules)
            elif variant is Variant.CUSTOM:
                thresholds = eligibility.thresholds_of(organisation.eligibility)
            elif variant is not None:
                thresholds = None
            else:
                raise ValidationError("eligibility-error-setting")
            await organisations.set_eligibility(conn, organisation_id, variant, thresholds)
            return present(
                await organisations.get_organisation(conn, organisation_id), "organisation"
            )

    async def create_body(
        self,
        actor: Actor,
        *,
        organisation_id: int,
        kind: BodyKind,
        name: str,
        subject: str | None,
    ) -> Body:
        name = valid_name(name, key="setup-error-body-name")
        subject = valid_subject(subject or "") if kind is BodyKind.RMO else None
        async with self._db.transaction() as conn:
            await require_coordinator(conn, actor, organisation_id)
            try:
                async with conn.begin_nested():
                    return await bodies.create_body(
                        conn,
                        organisation_id=organisation_id,
                        kind=kind,
                        name=name,
                        subject=subject,
                        now=self._clock.now(),
                    )
            except IntegrityError:
                raise Conflict("setup-error-body-exists", name=name) from None

    async def body(self, actor: Actor, body_id: int) -> Body:
        """A body as its coordinator sees it (for its rule settings)."""
        async with self._db.read() as conn:
            body = await require_body(conn, body_id)
            await require_coordinator(conn, actor, body.organisation_id)
            return body

    async def change_rule(self, actor: Actor, body_id: int, rule: RuleName, raw: str) -> Body:
        async with self._db.transaction() as conn:
            body = await require_body(conn, body_id)
            await require_coordinator(conn, actor, body.organisation_id)
            await bodies.update_rules(conn, body_id, body.rules.changed(rule, raw))
            return present(await bodies.get_body(conn, body_id), "body")
