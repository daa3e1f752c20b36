"""People: members, guests, teachers, with or without a Telegram account."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.eligibility import Evidence, Ground, Title
from bot.domain.model import Category, Education
from bot.domain.records import Person
from storage.schema import consent_versions, consents, persons

# Columns a person's profile is made of; updates may touch only these.
PROFILE_FIELDS = frozenset(
    {
        "full_name",
        "school",
        "subject",
        "position",
        "category",
        "experience_years",
        "education",
        "speciality_years",
        "category_awarded_on",
        "titles",
        "grounds",
    }
)


def _titles(raw: object) -> frozenset[Title] | None:
    if not isinstance(raw, list):
        return None
    return frozenset(Title(code) for code in raw if code in set(Title))


def _grounds(raw: object) -> tuple[Evidence, ...] | None:
    if not isinstance(raw, list):
        return None
    return tuple(
        Evidence(Ground(item["ground"]), file_id=item.get("file_id"), note=item.get("note"))
        for item in raw
        if isinstance(item, dict) and item.get("ground") in set(Ground)
    )


def titles_value(titles: frozenset[Title]) -> list[str]:
    """Titles as the JSON column keeps them."""
    return sorted(titles)


def grounds_value(grounds: tuple[Evidence, ...]) -> list[dict[str, str | None]]:
    """Grounds with their evidence as the JSON column keeps them."""
    return [
        {"ground": item.ground.value, "file_id": item.file_id, "note": item.note}
        for item in grounds
    ]


def person_from_row(row: Mapping[Any, Any]) -> Person:
    return Person(
        id=row["id"],
        organisation_id=row["organisation_id"],
        telegram_id=row["telegram_id"],
        full_name=row["full_name"],
        school=row["school"],
        subject=row["subject"],
        position=row["position"],
        category=None if row["category"] is None else Category(row["category"]),
        experience_years=row["experience_years"],
        education=None if row["education"] is None else Education(row["education"]),
        locale=row["locale"],
        reachable=row["reachable"],
        erased_at=row["erased_at"],
        speciality_years=row["speciality_years"],
        category_awarded_on=row["category_awarded_on"],
        titles=_titles(row["titles"]),
        grounds=_grounds(row["grounds"]),
    )


async def create_person(
    conn: AsyncConnection,
    *,
    organisation_id: int | None,
    full_name: str,
    now: datetime,
    telegram_id: int | None = None,
    locale: str | None = None,
    **profile: Any,  # noqa: ANN401 - checked against PROFILE_FIELDS
) -> Person:
    """Adds a person; `profile` takes the optional fields of PROFILE_FIELDS."""
    unknown = set(profile) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    result = await conn.execute(
        insert(persons)
        .values(
            organisation_id=organisation_id,
            telegram_id=telegram_id,
            full_name=full_name,
            locale=locale,
            reachable=True,
            created_at=now,
            updated_at=now,
            **profile,
        )
        .returning(*persons.c)
    )
    return person_from_row(result.mappings().one())


async def get_person(conn: AsyncConnection, person_id: int) -> Person | None:
    result = await conn.execute(select(persons).where(persons.c.id == person_id))
    row = result.mappings().one_or_none()
    return None if row is None else person_from_row(row)


async def get_by_telegram(conn: AsyncConnection, telegram_id: int) -> Person | None:
    return (await get_by_telegram_ids(conn, [telegram_id])).get(telegram_id)


async def get_by_telegram_ids(
    conn: AsyncConnection, telegram_ids: Iterable[int]
) -> dict[int, Person]:
    """Several people at once, by Telegram user id; ids of nobody we know are left out."""
    result = await conn.execute(
        select(persons).where(persons.c.telegram_id.in_(set(telegram_ids)))
    )
    found = {}
    for row in result.mappings():
        person = person_from_row(row)
        if person.telegram_id is not None:
            found[person.telegram_id] = person
    return found


async def get_by_telegram_ids_with_consent(
    conn: AsyncConnection, telegram_ids: Iterable[int]
) -> dict[int, tuple[Person, bool]]:
    """Like get_by_telegram_ids, with whether each person's consent in the chat covers the
    current text of their organisation (one query: every update asks this of its sender)."""
    latest = (
        select(func.max(consent_versions.c.id))
        .where(consent_versions.c.organisation_id.is_not_distinct_from(persons.c.organisation_id))
        .correlate(persons)
        .scalar_subquery()
    )
    consented = (
        exists()
        .where(
            consents.c.person_id == persons.c.id,
            consents.c.basis == "chat",
            consents.c.withdrawn_at.is_(None),
            consents.c.version_id == latest,
        )
        .correlate(persons)
        .label("consented")
    )
    result = await conn.execute(
        select(persons, consented).where(persons.c.telegram_id.in_(set(telegram_ids)))
    )
    found = {}
    for row in result.mappings():
        person = person_from_row(row)
        if person.telegram_id is not None:
            found[person.telegram_id] = (person, bool(row["consented"]))
    return found


async def update_profile(
    conn: AsyncConnection,
    person_id: int,
    *,
    now: datetime,
    **fields: Any,  # noqa: ANN401 - checked against PROFILE_FIELDS
) -> None:
    unknown = set(fields) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"not profile fields: {sorted(unknown)}")
    await conn.execute(
        update(persons).where(persons.c.id == person_id).values(updated_at=now, **fields)
    )


async def set_locale(conn: AsyncConnection, person_id: int, locale: str) -> None:
    await conn.execute(update(persons).where(persons.c.id == person_id).values(locale=locale))


async def set_organisation(conn: AsyncConnection, person_id: int, organisation_id: int) -> None:
    await conn.execute(
        update(persons)
        .where(persons.c.id == person_id, persons.c.organisation_id.is_(None))
        .values(organisation_id=organisation_id)
    )


async def link_telegram(
    conn: AsyncConnection, person_id: int, *, telegram_id: int, now: datetime
) -> None:
    """Gives a roster entry added by hand its Telegram account."""
    await conn.execute(
        update(persons)
        .where(persons.c.id == person_id)
        .values(telegram_id=telegram_id, reachable=True, updated_at=now)
    )


async def set_reachable(conn: AsyncConnection, telegram_id: int, *, reachable: bool) -> None:
    """Marks whether messages reach this person (False after they blocked the bot)."""
    await conn.execute(
        update(persons).where(persons.c.telegram_id == telegram_id).values(reachable=reachable)
    )
