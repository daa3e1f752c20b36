"""Bodies (council, asset, RMO) and memberships in them, with history."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.model import BodyKind, Role
from bot.domain.records import Body, Membership, RosterEntry, present
from bot.domain.rules import BodyRules, Fraction
from storage.people import person_from_row
from storage.schema import bodies, memberships, organisations, part, persons

ROLE_ORDER = case({role.value: index for index, role in enumerate(Role)}, value=memberships.c.role)


def _body(row: Mapping[Any, Any]) -> Body:
    return Body(
        id=row["id"],
        organisation_id=row["organisation_id"],
        kind=BodyKind(row["kind"]),
        name=row["name"],
        subject=row["subject"],
        rules=BodyRules(
            quorum=Fraction(row["quorum_num"], row["quorum_den"]),
            decision=Fraction(row["decision_num"], row["decision_den"]),
            majority=Fraction(row["majority_num"], row["majority_den"]),
            chair_casting_vote=row["chair_casting_vote"],
            revote=row["revote"],
            notice_days=row["notice_days"],
            proposal_days=row["proposal_days"],
            minutes_days=row["minutes_days"],
        ),
        group_chat_id=row["group_chat_id"],
        timezone=row["timezone"],
    )


# A body is always read with its organisation's time zone: every date it shows is local.
BODIES = select(bodies, organisations.c.timezone).join(
    organisations, organisations.c.id == bodies.c.organisation_id
)


def _membership(row: Mapping[Any, Any]) -> Membership:
    return Membership(
        id=row["id"],
        body_id=row["body_id"],
        person_id=row["person_id"],
        role=Role(row["role"]),
        is_methodist=row["is_methodist"],
        active=row["active"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
    )


def _rules_columns(rules: BodyRules) -> dict[str, int | bool]:
    return {
        "quorum_num": rules.quorum.num,
        "quorum_den": rules.quorum.den,
        "decision_num": rules.decision.num,
        "decision_den": rules.decision.den,
        "majority_num": rules.majority.num,
        "majority_den": rules.majority.den,
        "chair_casting_vote": rules.chair_casting_vote,
        "revote": rules.revote,
        "notice_days": rules.notice_days,
        "proposal_days": rules.proposal_days,
        "minutes_days": rules.minutes_days,
    }


async def create_body(
    conn: AsyncConnection,
    *,
    organisation_id: int,
    kind: BodyKind,
    name: str,
    subject: str | None,
    now: datetime,
) -> Body:
    """Adds a body with the default rules; IntegrityError when the name is taken."""
    result = await conn.execute(
        insert(bodies)
        .values(
            organisation_id=organisation_id,
            kind=kind.value,
            name=name,
            subject=subject,
            created_at=now,
            **_rules_columns(BodyRules()),
        )
        .returning(bodies.c.id)
    )
    return present(await get_body(conn, result.scalar_one()), "body")


async def get_body(conn: AsyncConnection, body_id: int) -> Body | None:
    return (await get_bodies(conn, [body_id])).get(body_id)


async def get_bodies(conn: AsyncConnection, body_ids: Iterable[int]) -> dict[int, Body]:
    """Several bodies at once, by id; ids that name no body are left out."""
    result = await conn.execute(BODIES.where(bodies.c.id.in_(set(body_ids))))
    return {body.id: body for body in map(_body, result.mappings())}


async def list_bodies(conn: AsyncConnection, organisation_id: int) -> list[Body]:
    result = await conn.execute(
        BODIES.where(bodies.c.organisation_id == organisation_id).order_by(bodies.c.id)
    )
    return [_body(row) for row in result.mappings()]


async def update_rules(conn: AsyncConnection, body_id: int, rules: BodyRules) -> None:
    await conn.execute(
        update(bodies).where(bodies.c.id == body_id).values(**_rules_columns(rules))
    )


async def add_membership(
    conn: AsyncConnection,
    *,
    body_id: int,
    person_id: int,
    role: Role,
    is_methodist: bool,
    changed_by: int | None,
    now: datetime,
) -> Membership:
    """Starts a membership; IntegrityError when the person already has an active one here."""
    result = await conn.execute(
        insert(memberships)
        .values(
            body_id=body_id,
            person_id=person_id,
            role=role.value,
            is_methodist=is_methodist,
            active=True,
            started_at=now,
            changed_by=changed_by,
        )
        .returning(*memberships.c)
    )
    return _membership(result.mappings().one())


async def end_membership(
    conn: AsyncConnection, membership_id: int, *, changed_by: int | None, now: datetime
) -> bool:
    """Ends an active membership, keeping it as history; False when it was not active."""
    result = await conn.execute(
        update(memberships)
        .where(memberships.c.id == membership_id, memberships.c.active)
        .values(active=False, ended_at=now, changed_by=changed_by)
    )
    return result.rowcount == 1


async def get_membership(conn: AsyncConnection, membership_id: int) -> Membership | None:
    result = await conn.execute(select(memberships).where(memberships.c.id == membership_id))
    row = result.mappings().one_or_none()
    return None if row is None else _membership(row)


async def active_membership(
    conn: AsyncConnection, *, body_id: int, person_id: int
) -> Membership | None:
    result = await conn.execute(
        select(memberships).where(
            memberships.c.body_id == body_id,
            memberships.c.person_id == person_id,
            memberships.c.active,
        )
    )
    row = result.mappings().one_or_none()
    return None if row is None else _membership(row)


async def memberships_of(conn: AsyncConnection, person_id: int) -> list[tuple[Membership, Body]]:
    """A person's active memberships with their bodies."""
    result = await conn.execute(
        select(memberships, bodies, organisations.c.timezone)
        .join(bodies, bodies.c.id == memberships.c.body_id)
        .join(organisations, organisations.c.id == bodies.c.organisation_id)
        .where(memberships.c.person_id == person_id, memberships.c.active)
        .order_by(bodies.c.id)
    )
    return [
        (
            _membership(part(row, memberships)),
            _body({**part(row, bodies), "timezone": row.timezone}),
        )
        for row in result
    ]


async def roster(conn: AsyncConnection, body_id: int) -> list[RosterEntry]:
    """Active members of a body: chair first, then deputy, secretary, members, guests; by name
    within a role."""
    result = await conn.execute(
        select(memberships, persons)
        .join(persons, persons.c.id == memberships.c.person_id)
        .where(and_(memberships.c.body_id == body_id, memberships.c.active))
        .order_by(ROLE_ORDER, persons.c.full_name)
    )
    return [
        RosterEntry(
            membership=_membership(part(row, memberships)),
            person=person_from_row(part(row, persons)),
        )
        for row in result
    ]


async def membership_history(
    conn: AsyncConnection, *, body_id: int, person_id: int
) -> list[Membership]:
    """Every membership a person had in a body, oldest first."""
    result = await conn.execute(
        select(memberships)
        .where(memberships.c.body_id == body_id, memberships.c.person_id == person_id)
        .order_by(memberships.c.started_at, memberships.c.id)
    )
    return [_membership(row) for row in result.mappings()]


async def set_group(conn: AsyncConnection, body_id: int, chat_id: int | None) -> None:
    """Links a body to its Telegram group, where announcements are also posted."""
    await conn.execute(update(bodies).where(bodies.c.id == body_id).values(group_chat_id=chat_id))


async def all_memberships_of(
    conn: AsyncConnection, person_id: int
) -> list[tuple[Membership, Body]]:
    """Every membership of a person, current and ended, with its body, oldest first."""
    result = await conn.execute(
        select(memberships, bodies, organisations.c.timezone)
        .join(bodies, bodies.c.id == memberships.c.body_id)
        .join(organisations, organisations.c.id == bodies.c.organisation_id)
        .where(memberships.c.person_id == person_id)
        .order_by(memberships.c.started_at, memberships.c.id)
    )
    return [
        (
            _membership(part(row, memberships)),
            _body({**part(row, bodies), "timezone": row.timezone}),
        )
        for row in result
    ]


async def end_all_memberships(conn: AsyncConnection, person_id: int, *, now: datetime) -> int:
    """Ends every active membership of a person (they leave every roster); history stays."""
    result = await conn.execute(
        update(memberships)
        .where(memberships.c.person_id == person_id, memberships.c.active)
        .values(active=False, ended_at=now)
    )
    return result.rowcount
