"""Small named factories that put people and bodies straight into the database, for flow tests
that start in the middle of the story."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bot.domain.model import BodyKind, Role
from storage import bodies, organisations, people
from storage.db import Database
from storage.models import Body, Organisation, Person

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Council:
    organisation: Organisation
    body: Body
    coordinator: Person
    secretary: Person


async def person(
    db: Database,
    full_name: str,
    *,
    telegram_id: int | None,
    organisation_id: int | None = None,
    locale: str | None = "ru",
) -> Person:
    async with db.transaction() as conn:
        return await people.create_person(
            conn,
            organisation_id=organisation_id,
            telegram_id=telegram_id,
            full_name=full_name,
            school="МОУ СОШ № 1",
            subject="математика",
            locale=locale,
            now=NOW,
        )


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
