"""Small named factories that put people and bodies straight into the database, for flow tests
that start in the middle of the story."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.domain.model import LOCALES, BodyKind, Role
from bot.domain.records import Body, Organisation, Person
from bot.main.i18n import make_core
from bot.services.consent import ConsentService
from bot.views.texts import LocaleTexts
from storage import bodies, organisations, people
from storage.db import Database
from tests.clock import ManualClock

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
_CORE = make_core("ru")
_LOADED: list[bool] = []


async def _texts() -> dict[str, LocaleTexts]:
    """The production locale files, loaded once for the whole test run."""
    if not _LOADED:
        await _CORE.startup()
        _LOADED.append(True)
    return {locale: LocaleTexts(_CORE, locale) for locale in LOCALES}


@dataclass(frozen=True)
class Council:
    organisation: Organisation
    body: Body
    coordinator: Person
    secretary: Person


async def consented(db: Database, who: Person) -> None:
    """Records the person's consent in the chat to the current text of their organisation, as
    if they had pressed «Согласен(на)» when they registered."""
    service = ConsentService(db, ManualClock(NOW), await _texts(), retention_years=5)
    offer = await service.offer(who.organisation_id, who.locale or "ru")
    pending = await service.accept_offer(offer.version.id, offer.locale)
    async with db.transaction() as conn:
        await pending.record(conn, who.id, who.organisation_id)


async def person(
    db: Database,
    full_name: str,
    *,
    telegram_id: int | None,
    organisation_id: int | None = None,
    locale: str | None = "ru",
    school: str = "МОУ СОШ № 1",
    consent: bool = True,
) -> Person:
    """A person as registration leaves them: with their consent when they are on Telegram."""
    async with db.transaction() as conn:
        created = await people.create_person(
            conn,
            organisation_id=organisation_id,
            telegram_id=telegram_id,
            full_name=full_name,
            school=school,
            subject="математика",
            locale=locale,
            now=NOW,
        )
    if consent and telegram_id is not None:
        await consented(db, created)
    return created


async def member(db: Database, body: Body, who: Person, role: Role = Role.MEMBER) -> None:
    async with db.transaction() as conn:
        await bodies.add_membership(
            conn,
            body_id=body.id,
            person_id=who.id,
            role=role,
            is_methodist=False,
            changed_by=None,
            now=NOW,
        )


async def council(
    db: Database,
    *,
    coordinator_id: int,
    secretary_id: int,
    name: str = "ИМЦ Лужского района",
    kind: BodyKind = BodyKind.COUNCIL,
) -> Council:
    """An organisation with one body, its coordinator and its secretary, all on Telegram."""
    async with db.transaction() as conn:
        organisation = await organisations.create_organisation(
            conn, name=name, timezone="Europe/Moscow", now=NOW
        )
        body = await bodies.create_body(
            conn,
            organisation_id=organisation.id,
            kind=kind,
            name="Методический совет",
            subject=None,
            now=NOW,
        )
    coordinator = await person(
        db, "Смирнова Ольга Ивановна", telegram_id=coordinator_id, organisation_id=organisation.id
    )
    secretary = await person(
        db, "Петрова Анна Сергеевна", telegram_id=secretary_id, organisation_id=organisation.id
    )
    async with db.transaction() as conn:
        await organisations.add_coordinator(
            conn,
            organisation_id=organisation.id,
            person_id=coordinator.id,
            appointed_by=None,
            now=NOW,
        )
    await member(db, body, secretary, Role.SECRETARY)
    return Council(organisation, body, coordinator, secretary)


SURNAMES = ("Абрамова", "Белова", "Воронина", "Гусева", "Данилова", "Ершова", "Жукова", "Зайцева")


async def members(
    db: Database, body: Body, count: int, *, first_id: int = 10_000, role: Role = Role.MEMBER
) -> list[Person]:
    """`count` members on Telegram with ids first_id, first_id + 1, …"""
    added = []
    for index in range(count):
        name = f"{SURNAMES[index % len(SURNAMES)]} Участница Номер{'а' * (index + 1)}"
        who = await person(db, name, telegram_id=first_id + index)
        await member(db, body, who, role)
        added.append(who)
    return added
