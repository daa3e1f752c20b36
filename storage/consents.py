"""Consents to the processing of personal data, the texts they were given to, and the notes
of the retention period."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, and_, delete, exists, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.records import Consent, ConsentVersion, Person, RegisterLine
from storage.db import lock_numbering
from storage.people import person_from_row
from storage.schema import (
    consent_versions,
    consents,
    coordinators,
    memberships,
    persons,
    retention_notes,
)


def _version(row: RowMapping) -> ConsentVersion:
    return ConsentVersion(
        id=row["id"],
        organisation_id=row["organisation_id"],
        version=row["version"],
        operator_name=row["operator_name"],
        operator_address=row["operator_address"],
        texts=row["texts"],
        created_at=row["created_at"],
    )


async def latest_version(
    conn: AsyncConnection, organisation_id: int | None
) -> ConsentVersion | None:
    """The text people are asked to agree to now, or None before the first one was made."""
    result = await conn.execute(
        select(consent_versions)
        .where(consent_versions.c.organisation_id.is_not_distinct_from(organisation_id))
        .order_by(consent_versions.c.version.desc())
        .limit(1)
    )
    row = result.mappings().one_or_none()
    return None if row is None else _version(row)


async def get_version(conn: AsyncConnection, version_id: int) -> ConsentVersion | None:
    result = await conn.execute(
        select(consent_versions).where(consent_versions.c.id == version_id)
    )
    row = result.mappings().one_or_none()
    return None if row is None else _version(row)


async def list_versions(conn: AsyncConnection, organisation_id: int) -> list[ConsentVersion]:
    result = await conn.execute(
        select(consent_versions)
        .where(consent_versions.c.organisation_id == organisation_id)
        .order_by(consent_versions.c.version)
    )
    return [_version(row) for row in result.mappings()]


async def add_version(
    conn: AsyncConnection,
    *,
    organisation_id: int | None,
    operator_name: str | None,
    operator_address: str | None,
    texts: dict[str, str],
    created_by: int | None,
    now: datetime,
) -> ConsentVersion:
    """A new text, numbered after the organisation's last one."""
    await lock_numbering(conn, "consent_versions", organisation_id or 0)
    last = await latest_version(conn, organisation_id)
    result = await conn.execute(
        insert(consent_versions)
        .values(
            organisation_id=organisation_id,
            version=1 if last is None else last.version + 1,
            operator_name=operator_name,
            operator_address=operator_address,
            texts=texts,
            created_by=created_by,
            created_at=now,
        )
        .returning(*consent_versions.c)
    )
    return _version(result.mappings().one())


def _consent_query() -> Any:  # noqa: ANN401 - a SQLAlchemy Select of two tables
    return select(consents, consent_versions.c.version).outerjoin(
        consent_versions, consent_versions.c.id == consents.c.version_id
    )


def _consent(row: RowMapping) -> Consent:
    return Consent(
        id=row["id"],
        person_id=row["person_id"],
        organisation_id=row["organisation_id"],
        basis=row["basis"],
        version_id=row["version_id"],
        version=row["version"],
        locale=row["locale"],
        text_sha256=row["text_sha256"],
        given_at=row["given_at"],
        recorded_by=row["recorded_by"],
        withdrawn_at=row["withdrawn_at"],
    )


async def record(
    conn: AsyncConnection,
    *,
    person_id: int,
    organisation_id: int | None,
    basis: str,
    now: datetime,
    version_id: int | None = None,
    locale: str | None = None,
    text_sha256: str | None = None,
    recorded_by: int | None = None,
) -> None:
    """Adds a consent to the register; earlier ones stay as they were."""
    await conn.execute(
        insert(consents).values(
            person_id=person_id,
            organisation_id=organisation_id,
            basis=basis,
            version_id=version_id,
            locale=locale,
            text_sha256=text_sha256,
            given_at=now,
            recorded_by=recorded_by,
        )
    )


async def has_current(conn: AsyncConnection, person_id: int, version_id: int) -> bool:
    """Whether the person already agreed in the chat to this version (a button pressed twice)."""
    result = await conn.execute(
        select(
            exists().where(
                consents.c.person_id == person_id,
                consents.c.basis == "chat",
                consents.c.version_id == version_id,
                consents.c.withdrawn_at.is_(None),
            )
        )
    )
    return bool(result.scalar())


async def consents_of(conn: AsyncConnection, person_id: int) -> list[Consent]:
    result = await conn.execute(
        _consent_query().where(consents.c.person_id == person_id).order_by(consents.c.id)
    )
    return [_consent(row) for row in result.mappings()]


async def withdraw_all(conn: AsyncConnection, person_id: int, *, now: datetime) -> None:
    await conn.execute(
        update(consents)
        .where(consents.c.person_id == person_id, consents.c.withdrawn_at.is_(None))
        .values(withdrawn_at=now)
    )


async def register(conn: AsyncConnection, organisation_id: int) -> list[RegisterLine]:
    """Every consent recorded for the organisation's people, withdrawn ones included."""
    result = await conn.execute(
        _consent_query()
        .add_columns(persons.c.full_name, persons.c.erased_at)
        .join(persons, persons.c.id == consents.c.person_id)
        .where(consents.c.organisation_id == organisation_id)
        .order_by(consents.c.given_at, consents.c.id)
    )
    return [
        RegisterLine(
            consent=_consent(row),
            person_name=row["full_name"],
            erased=row["erased_at"] is not None,
        )
        for row in result.mappings()
    ]


async def retention_candidates(
    conn: AsyncConnection, *, ended_before: datetime
) -> list[tuple[Person, datetime]]:
    """People not yet erased, in no body now and coordinating nothing, whose last membership
    ended before `ended_before`; with when it ended."""
    last_end = (
        select(memberships.c.person_id, func.max(memberships.c.ended_at).label("ended"))
        .group_by(memberships.c.person_id)
        .subquery()
    )
    active = exists().where(memberships.c.person_id == persons.c.id, memberships.c.active)
    coordinating = exists().where(coordinators.c.person_id == persons.c.id)
    # Told already about this very absence (a note after the last membership ended).
    told = exists().where(
        retention_notes.c.person_id == persons.c.id,
        retention_notes.c.noted_at >= last_end.c.ended,
    )
    result = await conn.execute(
        select(persons, last_end.c.ended)
        .join(last_end, last_end.c.person_id == persons.c.id)
        .where(
            persons.c.erased_at.is_(None),
            ~active,
            ~coordinating,
            ~told,
            last_end.c.ended < ended_before,
        )
        .order_by(persons.c.id)
    )
    return [(person_from_row(row), row["ended"]) for row in result.mappings()]


async def note_retention(
    conn: AsyncConnection, person_id: int, *, now: datetime, due_at: datetime
) -> None:
    """Records that the coordinator is told now; a note of an earlier absence (the person
    came back to a body since) is replaced."""
    await conn.execute(delete(retention_notes).where(retention_notes.c.person_id == person_id))
    await conn.execute(
        insert(retention_notes).values(person_id=person_id, noted_at=now, due_at=due_at)
    )


async def due_retention(conn: AsyncConnection, *, now: datetime) -> list[int]:
    """People told about whose anonymisation is due now, still not erased and still out of
    every body since the note (someone added back to a roster meanwhile is kept)."""
    active = exists().where(
        memberships.c.person_id == retention_notes.c.person_id,
        memberships.c.active | (memberships.c.ended_at > retention_notes.c.noted_at),
    )
    result = await conn.execute(
        select(retention_notes.c.person_id)
        .join(persons, persons.c.id == retention_notes.c.person_id)
        .where(and_(retention_notes.c.due_at <= now, persons.c.erased_at.is_(None), ~active))
        .order_by(retention_notes.c.person_id)
    )
    return list(result.scalars())
