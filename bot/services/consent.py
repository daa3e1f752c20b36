"""Consent to the processing of personal data (152-FZ art. 9): the text, its versions, the
register.

The text is a Fluent template (`consent-text` in locales/*/privacy.ftl) filled with the
organisation's operator details and the retention period. Every text people are shown is
stored as a version, in every locale, exactly as rendered; a consent records the version, the
locale and the SHA-256 of the text the person read. When the rendered text changes (the
coordinator changed the operator details, a release changed the template, RETENTION_YEARS
changed), a new version is made and everyone is asked again at their next interaction; their
earlier consents stay in the register."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.cells import neutralise
from bot.domain.clock import Clock, local_time
from bot.domain.errors import Conflict, NotFound, ValidationError
from bot.domain.model import LOCALES
from bot.domain.records import ConsentVersion, Organisation, present
from bot.services.access import Actor, require_coordinator
from bot.services.ports import Texts
from storage import consents, organisations
from storage.db import Database

OPERATOR_MIN = 3
OPERATOR_MAX = 300


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Offer:
    """The text a person is asked to agree to, in their language."""

    version: ConsentVersion
    locale: str

    @property
    def text(self) -> str:
        return self.version.texts[self.locale]


@dataclass(frozen=True, slots=True)
class PendingConsent:
    """A newcomer's «Согласен(на)», kept in the form until their person row exists (nothing
    about them is stored before), then written to the register with it."""

    version_id: int
    organisation_id: int | None
    locale: str
    text_sha256: str
    given_at: datetime

    def to_data(self) -> dict[str, object]:
        return {
            "version_id": self.version_id,
            "organisation_id": self.organisation_id,
            "locale": self.locale,
            "text_sha256": self.text_sha256,
            "given_at": self.given_at.isoformat(),
        }

    @classmethod
    def from_data(cls, data: object) -> PendingConsent | None:
        if not isinstance(data, dict):
            return None
        organisation = data.get("organisation_id")
        return cls(
            version_id=int(data["version_id"]),
            organisation_id=None if organisation is None else int(organisation),
            locale=str(data["locale"]),
            text_sha256=str(data["text_sha256"]),
            given_at=datetime.fromisoformat(str(data["given_at"])),
        )

    async def record(
        self, conn: AsyncConnection, person_id: int, organisation_id: int | None
    ) -> None:
        """Writes this consent for the person just created, inside their transaction."""
        if organisation_id != self.organisation_id:
            raise ValidationError("consent-error-required")
        await consents.record(
            conn,
            person_id=person_id,
            organisation_id=organisation_id,
            basis="chat",
            version_id=self.version_id,
            locale=self.locale,
            text_sha256=self.text_sha256,
            now=self.given_at,
        )


@dataclass(frozen=True, slots=True)
class OperatorView:
    organisation: Organisation
    version: ConsentVersion


def valid_operator_field(raw: str, key: str) -> str:
    value = " ".join(raw.split())
    if not OPERATOR_MIN <= len(value) <= OPERATOR_MAX:
        raise ValidationError(key, min=OPERATOR_MIN, max=OPERATOR_MAX)
    return value


class ConsentService:
    def __init__(
        self, db: Database, clock: Clock, texts: Mapping[str, Texts], *, retention_years: int
    ) -> None:
        self._db = db
        self._clock = clock
        self._texts = texts
        self._years = retention_years

    def _render(self, organisation: Organisation | None) -> dict[str, str]:
        rendered = {}
        for locale in LOCALES:
            texts = self._texts[locale]
            if organisation is None:
                operator = texts.get("consent-operator-deployment")
                address = texts.get("consent-address-unset")
            else:
                operator = organisation.operator_name or organisation.name
                address = organisation.operator_address or texts.get("consent-address-unset")
            rendered[locale] = texts.get(
                "consent-text", operator=operator, address=address, years=self._years
            )
        return rendered

    async def _current(
        self, conn: AsyncConnection, organisation_id: int | None, *, by: int | None = None
    ) -> ConsentVersion:
        """The version people are asked to agree to; a new one when the text changed."""
        organisation = None
        if organisation_id is not None:
            organisation = await organisations.get_organisation(conn, organisation_id)
            if organisation is None:
                raise NotFound("register-error-organisation")
        wanted = self._render(organisation)
        latest = await consents.latest_version(conn, organisation_id)
        if latest is not None and latest.texts == wanted:
            return latest
        return await consents.add_version(
            conn,
            organisation_id=organisation_id,
            operator_name=None if organisation is None else organisation.operator_name,
            operator_address=None if organisation is None else organisation.operator_address,
            texts=wanted,
            created_by=by,
            now=self._clock.now(),
        )

    async def refresh(self) -> None:
        """At start-up: a release that changed the text makes a new version for everyone."""
        async with self._db.transaction() as conn:
            await self._current(conn, None)
            for organisation in await organisations.list_organisations(conn):
                await self._current(conn, organisation.id)

    async def offer(self, organisation_id: int | None, locale: str) -> Offer:
        async with self._db.transaction() as conn:
            version = await self._current(conn, organisation_id)
        return Offer(version, locale if locale in version.texts else LOCALES[0])

    async def offer_for(self, actor: Actor, locale: str) -> Offer:
        """The current text for a registered person, of their own organisation."""
        person = actor.require_person()
        return await self.offer(person.organisation_id, locale)

    async def accept_offer(self, version_id: int, locale: str) -> PendingConsent:
        """A newcomer agreed to the text they were shown: it must still be the current one."""
        async with self._db.transaction() as conn:
            version = await consents.get_version(conn, version_id)
            if version is None:
                raise NotFound("error-stale-button")
            current = await self._current(conn, version.organisation_id)
        if current.id != version.id:
            raise Conflict("consent-error-changed")
        shown = locale if locale in version.texts else LOCALES[0]
        return PendingConsent(
            version_id=version.id,
            organisation_id=version.organisation_id,
            locale=shown,
            text_sha256=sha256(version.texts[shown]),
            given_at=self._clock.now(),
        )

    async def agree(self, actor: Actor, version_id: int, locale: str) -> None:
        """A registered person agrees to the current text of their organisation."""
        person = actor.require_person()
        async with self._db.transaction() as conn:
            version = await consents.get_version(conn, version_id)
            if version is None or version.organisation_id != person.organisation_id:
                raise Conflict("consent-error-changed")
            current = await self._current(conn, person.organisation_id)
            if current.id != version.id:
                raise Conflict("consent-error-changed")
            if await consents.has_current(conn, person.id, version.id):
                raise Conflict("consent-error-already")
            shown = locale if locale in version.texts else LOCALES[0]
            await consents.record(
                conn,
                person_id=person.id,
                organisation_id=person.organisation_id,
                basis="chat",
                version_id=version.id,
                locale=shown,
                text_sha256=sha256(version.texts[shown]),
                now=self._clock.now(),
            )

    async def operator(self, actor: Actor, organisation_id: int) -> OperatorView:
        """The operator's details and the current text, for the organisation's coordinator."""
        async with self._db.transaction() as conn:
            await require_coordinator(conn, actor, organisation_id)
            version = await self._current(conn, organisation_id)
            organisation = present(
                await organisations.get_organisation(conn, organisation_id), "organisation"
            )
        return OperatorView(organisation, version)

    async def set_operator(
        self, actor: Actor, organisation_id: int, *, name: str, address: str
    ) -> OperatorView:
        """New operator details: a new version of the text, so everyone is asked again."""
        name = valid_operator_field(name, "privacy-error-operator-name")
        address = valid_operator_field(address, "privacy-error-operator-address")
        async with self._db.transaction() as conn:
            person = await require_coordinator(conn, actor, organisation_id)
            await organisations.set_operator(conn, organisation_id, name=name, address=address)
            version = await self._current(conn, organisation_id, by=person.id)
            organisation = present(
                await organisations.get_organisation(conn, organisation_id), "organisation"
            )
        return OperatorView(organisation, version)

    async def register_csv(
        self, actor: Actor, organisation_id: int, headers: list[str], words: Mapping[str, str]
    ) -> bytes:
        """The register of consents for an inspector: person, basis, version, its hash, when
        given, when withdrawn. `words` names the bases and an erased person in the reader's
        language."""
        async with self._db.read() as conn:
            await require_coordinator(conn, actor, organisation_id)
            lines = await consents.register(conn, organisation_id)
            timezone = present(
                await organisations.get_organisation(conn, organisation_id), "organisation"
            ).timezone
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow([neutralise(header) for header in headers])
        for line in lines:
            consent = line.consent
            writer.writerow(
                [
                    neutralise(line.person_name),
                    neutralise(words[f"basis-{consent.basis}"]),
                    "" if consent.version is None else str(consent.version),
                    consent.text_sha256 or "",
                    local_time(consent.given_at, timezone),
                    ""
                    if consent.withdrawn_at is None
                    else local_time(consent.withdrawn_at, timezone),
                    neutralise(words["erased"]) if line.erased else "",
                ]
            )
        return ("\ufeff" + out.getvalue()).encode("utf-8")

    async def versions(self, actor: Actor, organisation_id: int) -> list[ConsentVersion]:
        """Every version of the organisation's text, oldest first, for the coordinator."""
        async with self._db.transaction() as conn:
            await require_coordinator(conn, actor, organisation_id)
            await self._current(conn, organisation_id)
            return await consents.list_versions(conn, organisation_id)
