"""Organisations and their coordinators."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import RowMapping, delete, exists, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.eligibility import Variant
from bot.domain.records import Organisation
from storage.schema import coordinators, organisations


def _organisation(row: RowMapping) -> Organisation:
    return Organisation(
        id=row["id"],
        name=row["name"],
        timezone=row["timezone"],
        operator_name=row["operator_name"],
        operator_address=row["operator_address"],
        city=row["city"],
        eligibility_variant=(
            None if row["eligibility_variant"] is None else Variant(row["eligibility_variant"])
        ),
        eligibility_thresholds=row["eligibility_thresholds"],
    )


async def create_organisation(
    conn: AsyncConnection, *, name: str, timezone: str, now: datetime
) -> Organisation:
    """Adds an organisation and returns it."""
    result = await conn.execute(
        insert(organisations)
        .values(name=name, timezone=timezone, created_at=now)
        .returning(*organisations.c)
    )
    return _organisation(result.mappings().one())


async def get_organisation(conn: AsyncConnection, organisation_id: int) -> Organisation | None:
    result = await conn.execute(select(organisations).where(organisations.c.id == organisation_id))
    row = result.mappings().one_or_none()
    return None if row is None else _organisation(row)


async def list_organisations(conn: AsyncConnection) -> list[Organisation]:
    result = await conn.execute(select(organisations).order_by(organisations.c.name))
    return [_organisation(row) for row in result.mappings()]


async def update_organisation(
    conn: AsyncConnection, organisation_id: int, *, name: str, timezone: str
) -> None:
    await conn.execute(
        update(organisations)
        .where(organisations.c.id == organisation_id)
        .values(name=name, timezone=timezone)
    )


async def set_operator(
    conn: AsyncConnection, organisation_id: int, *, name: str, address: str
) -> None:
    """The organisation's details as the operator of personal data."""
    await conn.execute(
        update(organisations)
        .where(organisations.c.id == organisation_id)
        .values(operator_name=name, operator_address=address)
    )


async def set_city(conn: AsyncConnection, organisation_id: int, city: str | None) -> None:
    """The place the organisation's протоколы name under their date."""
    await conn.execute(
        update(organisations).where(organisations.c.id == organisation_id).values(city=city)
    )


async def remove_coordinator(conn: AsyncConnection, person_id: int) -> None:
    """Takes the coordinator's role away from a person in every organisation."""
    await conn.execute(delete(coordinators).where(coordinators.c.person_id == person_id))


async def add_coordinator(
    conn: AsyncConnection,
    *,
    organisation_id: int,
    person_id: int,
    appointed_by: int | None,
    now: datetime,
) -> bool:
    """Makes a person a coordinator; False when they already were one."""
    if await is_coordinator(conn, organisation_id=organisation_id, person_id=person_id):
        return False
    await conn.execute(
        insert(coordinators).values(
            organisation_id=organisation_id,
            person_id=person_id,
            appointed_by=appointed_by,
            created_at=now,
        )
    )
    return True


async def is_coordinator(conn: AsyncConnection, *, organisation_id: int, person_id: int) -> bool:
    result = await conn.execute(
        select(
            exists().where(
                coordinators.c.organisation_id == organisation_id,
                coordinators.c.person_id == person_id,
            )
        )
    )
    return bool(result.scalar())


async def coordinated_organisations(conn: AsyncConnection, person_id: int) -> list[Organisation]:
    """The organisations a person coordinates, by name."""
    result = await conn.execute(
        select(organisations)
        .join(coordinators, coordinators.c.organisation_id == organisations.c.id)
        .where(coordinators.c.person_id == person_id)
        .order_by(organisations.c.name)
    )
    return [_organisation(row) for row in result.mappings()]


async def coordinator_ids(conn: AsyncConnection, organisation_id: int) -> list[int]:
    """Person ids of an organisation's coordinators."""
    result = await conn.execute(
        select(coordinators.c.person_id).where(coordinators.c.organisation_id == organisation_id)
    )
    return list(result.scalars())


async def set_eligibility(
    conn: AsyncConnection,
    organisation_id: int,
    variant: Variant,
    thresholds: dict[str, object] | None,
) -> None:
    await conn.execute(
        update(organisations)
        .where(organisations.c.id == organisation_id)
        .values(eligibility_variant=variant.value, eligibility_thresholds=thresholds)
    )
