"""Consultation requests, the methodists they were offered to, and methodists' profiles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import and_, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.model import BodyKind
from bot.domain.records import Consultation, MethodistProfile, Person
from storage.db import dialect_insert
from storage.people import person_from_row
from storage.schema import (
    bodies,
    consultation_offers,
    consultations,
    memberships,
    methodist_profiles,
    persons,
)


def _consultation(row: Mapping[Any, Any]) -> Consultation:
    return Consultation(**{c.name: row[c.name] for c in consultations.c})


async def create(
    conn: AsyncConnection,
    *,
    organisation_id: int,
    teacher_id: int,
    topic: str,
    subject: str,
    direction: str,
    size: str,
    mode: str,
    wishes: str,
    now: datetime,
) -> Consultation:
    result = await conn.execute(
        insert(consultations)
        .values(
            organisation_id=organisation_id,
            teacher_id=teacher_id,
            topic=topic,
            subject=subject,
            direction=direction,
            size=size,
            mode=mode,
            wishes=wishes,
            status="new",
            created_at=now,
        )
        .returning(*consultations.c)
    )
    return _consultation(result.mappings().one())


async def get(conn: AsyncConnection, consultation_id: int) -> Consultation | None:
    result = await conn.execute(select(consultations).where(consultations.c.id == consultation_id))
    row = result.mappings().one_or_none()
    return None if row is None else _consultation(row)


async def move(
    conn: AsyncConnection,
    consultation_id: int,
    *,
    from_: Iterable[str],
    to: str,
    **values: Any,  # noqa: ANN401 - columns of the consultations table
) -> bool:
    """Moves a request between statuses atomically: False when it was not in `from_` (someone
    else was first, or it moved on)."""
    result = await conn.execute(
        update(consultations)
        .where(consultations.c.id == consultation_id, consultations.c.status.in_(list(from_)))
        .values(status=to, **values)
    )
    return result.rowcount == 1


async def take(
    conn: AsyncConnection, consultation_id: int, *, methodist_id: int, now: datetime
) -> bool:
    """«Беру»: exactly one of several methodists pressing at once wins (one UPDATE decides)."""
    result = await conn.execute(
        update(consultations)
        .where(consultations.c.id == consultation_id, consultations.c.status == "offered")
        .values(status="assigned", methodist_id=methodist_id, taken_at=now)
    )
    return result.rowcount == 1


async def update_fields(
    conn: AsyncConnection,
    consultation_id: int,
    **values: Any,  # noqa: ANN401 - columns
) -> None:
    await conn.execute(
        update(consultations).where(consultations.c.id == consultation_id).values(**values)
    )


async def of_teacher(conn: AsyncConnection, teacher_id: int) -> list[Consultation]:
    result = await conn.execute(
        select(consultations)
        .where(consultations.c.teacher_id == teacher_id)
        .order_by(consultations.c.id.desc())
    )
    return [_consultation(row) for row in result.mappings()]


async def of_methodist(conn: AsyncConnection, person_id: int) -> list[Consultation]:
    """Requests offered or assigned to a methodist."""
    offered = select(consultation_offers.c.consultation_id).where(
        consultation_offers.c.person_id == person_id
    )
    result = await conn.execute(
        select(consultations)
        .where(
            (consultations.c.methodist_id == person_id)
            | (consultations.c.id.in_(offered) & (consultations.c.status == "offered"))
        )
        .order_by(consultations.c.id.desc())
    )
    return [_consultation(row) for row in result.mappings()]


async def of_organisation(
    conn: AsyncConnection,
    organisation_id: int,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[Consultation]:
    condition = [consultations.c.organisation_id == organisation_id]
    if since is not None:
        condition.append(consultations.c.created_at >= since)
    if until is not None:
        condition.append(consultations.c.created_at < until)
    result = await conn.execute(
        select(consultations).where(*condition).order_by(consultations.c.id.desc())
    )
    return [_consultation(row) for row in result.mappings()]


async def offer(
    conn: AsyncConnection, consultation_id: int, person_ids: Iterable[int], *, now: datetime
) -> None:
    rows = [
        {"consultation_id": consultation_id, "person_id": person, "created_at": now}
        for person in person_ids
    ]
    if rows:
        await conn.execute(
            dialect_insert(conn, consultation_offers).values(rows).on_conflict_do_nothing()
        )


async def offered_to(conn: AsyncConnection, consultation_id: int) -> list[int]:
    result = await conn.execute(
        select(consultation_offers.c.person_id).where(
            consultation_offers.c.consultation_id == consultation_id
        )
    )
    return list(result.scalars())


async def methodists(conn: AsyncConnection, organisation_id: int) -> list[Person]:
    """Active methodists of the organisation's asset."""
    # IN, not DISTINCT over the joined rows: PostgreSQL cannot compare the JSON columns of a
    # person (titles, grounds) for DISTINCT, and a methodist of two assets is still one person.
    methodist_ids = (
        select(memberships.c.person_id)
        .join(bodies, bodies.c.id == memberships.c.body_id)
        .where(
            and_(
                bodies.c.organisation_id == organisation_id,
                bodies.c.kind == BodyKind.ASSET.value,
                memberships.c.active,
                memberships.c.is_methodist,
            )
        )
    )
    result = await conn.execute(
        select(persons).where(persons.c.id.in_(methodist_ids)).order_by(persons.c.full_name)
    )
    return [person_from_row(row) for row in result.mappings()]


async def profile(conn: AsyncConnection, person_id: int) -> MethodistProfile:
    """A methodist's profile; with none set yet, requests of every subject and direction."""
    found = await find_profile(conn, person_id)
    return found or MethodistProfile(person_id=person_id, subjects=[], directions=[])


async def find_profile(conn: AsyncConnection, person_id: int) -> MethodistProfile | None:
    """A methodist's profile as they set it, or None when they never did."""
    result = await conn.execute(
        select(methodist_profiles).where(methodist_profiles.c.person_id == person_id)
    )
    row = result.mappings().one_or_none()
    if row is None:
        return None
    return MethodistProfile(
        person_id=person_id, subjects=list(row["subjects"]), directions=list(row["directions"])
    )


async def set_profile(
    conn: AsyncConnection,
    person_id: int,
    *,
    subjects: list[str],
    directions: list[str],
    now: datetime,
) -> None:
    statement = dialect_insert(conn, methodist_profiles).values(
        person_id=person_id, subjects=subjects, directions=directions, updated_at=now
    )
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=[methodist_profiles.c.person_id],
            set_={"subjects": subjects, "directions": directions, "updated_at": now},
        )
    )
