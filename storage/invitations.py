"""One-time invitation links: t.me/<bot>?start=<token>."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import RowMapping, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.model import Role
from bot.domain.records import Invitation
from storage.schema import invitations


def _invitation(row: RowMapping) -> Invitation:
    return Invitation(
        id=row["id"],
        token=row["token"],
        organisation_id=row["organisation_id"],
        body_id=row["body_id"],
        role=None if row["role"] is None else Role(row["role"]),
        is_methodist=row["is_methodist"],
        person_id=row["person_id"],
        max_uses=row["max_uses"],
        uses=row["uses"],
        expires_at=row["expires_at"],
        revoked_at=row["revoked_at"],
        created_by=row["created_by"],
    )


async def create_invitation(
    conn: AsyncConnection,
    *,
    token: str,
    organisation_id: int,
    body_id: int | None,
    role: Role | None,
    is_methodist: bool,
    person_id: int | None,
    max_uses: int,
    expires_at: datetime,
    created_by: int | None,
    now: datetime,
) -> Invitation:
    result = await conn.execute(
        insert(invitations)
        .values(
            token=token,
            organisation_id=organisation_id,
            body_id=body_id,
            role=None if role is None else role.value,
            is_methodist=is_methodist,
            person_id=person_id,
            max_uses=max_uses,
            uses=0,
            expires_at=expires_at,
            created_by=created_by,
            created_at=now,
        )
        .returning(*invitations.c)
    )
    return _invitation(result.mappings().one())


async def get_by_token(conn: AsyncConnection, token: str) -> Invitation | None:
    result = await conn.execute(select(invitations).where(invitations.c.token == token))
    row = result.mappings().one_or_none()
    return None if row is None else _invitation(row)


async def use(conn: AsyncConnection, invitation_id: int, *, now: datetime) -> bool:
    """Counts one use, atomically: False when it is used up, expired or revoked."""
    result = await conn.execute(
        update(invitations)
        .where(
            invitations.c.id == invitation_id,
            invitations.c.uses < invitations.c.max_uses,
            invitations.c.expires_at > now,
            invitations.c.revoked_at.is_(None),
        )
        .values(uses=invitations.c.uses + 1)
    )
    return result.rowcount == 1


async def revoke(conn: AsyncConnection, invitation_id: int, *, now: datetime) -> None:
    await conn.execute(
        update(invitations)
        .where(invitations.c.id == invitation_id, invitations.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def revoke_personal(conn: AsyncConnection, person_id: int, *, now: datetime) -> None:
    """Revokes the personal links made for one roster entry that were not used up."""
    await conn.execute(
        update(invitations)
        .where(invitations.c.person_id == person_id, invitations.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
