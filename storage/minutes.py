"""Протоколы: numbered per body and year, versioned, the signed document kept as it was sent;
and an organisation's own template."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.records import Minutes
from storage.db import dialect_insert, lock_numbering
from storage.schema import minutes, templates

_COLUMNS = [c for c in minutes.c if c.name != "document"]


def _minutes(row: Mapping[Any, Any]) -> Minutes:
    return Minutes(**{c.name: row[c.name] for c in _COLUMNS})


async def create(
    conn: AsyncConnection,
    *,
    meeting_id: int,
    body_id: int,
    year: int,
    number: int | None,
    version: int,
    texts: dict[str, dict[str, str]],
    reason: str | None,
    now: datetime,
) -> Minutes:
    """A new draft; without a number, the next one of the body in that year."""
    await lock_numbering(conn, "minutes", body_id)
    if number is None:
        last = await conn.execute(
            select(func.coalesce(func.max(minutes.c.number), 0)).where(
                minutes.c.body_id == body_id, minutes.c.year == year
            )
        )
        number = int(last.scalar_one()) + 1
    result = await conn.execute(
        insert(minutes)
        .values(
            meeting_id=meeting_id,
            body_id=body_id,
            year=year,
            number=number,
            version=version,
            status="draft",
            texts=texts,
            reason=reason,
            chair_absent=False,
            created_at=now,
        )
        .returning(*_COLUMNS)
    )
    return _minutes(result.mappings().one())


async def lock_body(conn: AsyncConnection, body_id: int) -> None:
    """Until this transaction ends, no other one creates a протокол of the body: call it
    before deciding from `latest_of` that a new one (or version) is needed."""
    await lock_numbering(conn, "minutes", body_id)


async def get(conn: AsyncConnection, minutes_id: int) -> Minutes | None:
    result = await conn.execute(select(*_COLUMNS).where(minutes.c.id == minutes_id))
    row = result.mappings().one_or_none()
    return None if row is None else _minutes(row)


async def latest_of(conn: AsyncConnection, meeting_id: int) -> Minutes | None:
    """The newest version of a meeting's протокол."""
    result = await conn.execute(
        select(*_COLUMNS)
        .where(minutes.c.meeting_id == meeting_id)
        .order_by(minutes.c.version.desc())
        .limit(1)
    )
    row = result.mappings().one_or_none()
    return None if row is None else _minutes(row)


async def signed_of(conn: AsyncConnection, meeting_id: int) -> Minutes | None:
    result = await conn.execute(
        select(*_COLUMNS)
        .where(minutes.c.meeting_id == meeting_id, minutes.c.status == "signed")
        .order_by(minutes.c.version.desc())
        .limit(1)
    )
    row = result.mappings().one_or_none()
    return None if row is None else _minutes(row)


async def set_texts(
    conn: AsyncConnection, minutes_id: int, texts: dict[str, dict[str, str]]
) -> bool:
    """Changes the texts of a draft; False when it is not a draft any more."""
    result = await conn.execute(
        update(minutes)
        .where(minutes.c.id == minutes_id, minutes.c.status == "draft")
        .values(texts=texts)
    )
    return result.rowcount == 1


async def move(
    conn: AsyncConnection,
    minutes_id: int,
    *,
    from_: str,
    to: str,
    **values: Any,  # noqa: ANN401
) -> bool:
    """Moves a протокол from one status to the next, atomically: False if someone was first."""
    result = await conn.execute(
        update(minutes)
        .where(minutes.c.id == minutes_id, minutes.c.status == from_)
        .values(status=to, **values)
    )
    return result.rowcount == 1


async def document(conn: AsyncConnection, minutes_id: int) -> bytes | None:
    result = await conn.execute(select(minutes.c.document).where(minutes.c.id == minutes_id))
    content: bytes | None = result.scalar_one_or_none()
    return content


async def signed_of_bodies(conn: AsyncConnection, body_ids: Sequence[int]) -> list[Minutes]:
    """Signed протоколы of these bodies, the newest first."""
    if not body_ids:
        return []
    result = await conn.execute(
        select(*_COLUMNS)
        .where(minutes.c.body_id.in_(body_ids), minutes.c.status == "signed")
        .order_by(minutes.c.signed_at.desc())
    )
    return [_minutes(row) for row in result.mappings()]


async def template(conn: AsyncConnection, organisation_id: int, kind: str) -> bytes | None:
    result = await conn.execute(
        select(templates.c.content).where(
            templates.c.organisation_id == organisation_id, templates.c.kind == kind
        )
    )
    content: bytes | None = result.scalar_one_or_none()
    return content


async def set_template(
    conn: AsyncConnection,
    *,
    organisation_id: int,
    kind: str,
    content: bytes,
    by: int,
    now: datetime,
) -> None:
    statement = dialect_insert(conn, templates).values(
        organisation_id=organisation_id,
        kind=kind,
        content=content,
        uploaded_by=by,
        uploaded_at=now,
    )
    await conn.execute(
        statement.on_conflict_do_update(
            index_elements=[templates.c.organisation_id, templates.c.kind],
            set_={"content": content, "uploaded_by": by, "uploaded_at": now},
        )
    )
