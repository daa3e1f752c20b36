"""Who may do what: the checks every service runs before it acts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.errors import AccessDenied, NotFound
from bot.domain.model import Role
from bot.domain.records import Body, Person
from storage import bodies, organisations


@dataclass(frozen=True, slots=True)
class Actor:
    """The person behind an update, identified by the Telegram user id of the update only."""

    telegram_id: int
    person: Person | None
    is_admin: bool  # listed in COORDINATOR_IDS: may create organisations
    # The person's consent in the chat covers the current text of their organisation; when
    # not, they are asked again before anything else (handlers/consent.py).
    consented: bool = True

    def require_person(self) -> Person:
        if self.person is None:
            raise AccessDenied("error-not-registered")
        return self.person


async def require_coordinator(conn: AsyncConnection, actor: Actor, organisation_id: int) -> Person:
    person = actor.require_person()
    if not await organisations.is_coordinator(
        conn, organisation_id=organisation_id, person_id=person.id
    ):
        raise AccessDenied("error-not-allowed")
    return person


async def require_body(conn: AsyncConnection, body_id: int) -> Body:
    body = await bodies.get_body(conn, body_id)
    if body is None:
        raise NotFound("error-body-not-found")
    return body


@dataclass(frozen=True, slots=True)
class BodyAccess:
    """How the actor reaches a body they manage: as its coordinator, or by their role in it."""

    person: Person
    body: Body
    coordinator: bool
    role: Role | None


async def require_body_manager(conn: AsyncConnection, actor: Actor, body_id: int) -> BodyAccess:
    """Access to a body whose roster the actor keeps: as its chair, deputy or secretary, or as a
    coordinator of its organisation. To anyone else a body they are not in looks like no body."""
    person = actor.require_person()
    body = await bodies.get_body(conn, body_id)
    if body is None:
        raise NotFound("error-body-not-found")
    membership = await bodies.active_membership(conn, body_id=body_id, person_id=person.id)
    role = None if membership is None else membership.role
    if await organisations.is_coordinator(
        conn, organisation_id=body.organisation_id, person_id=person.id
    ):
        return BodyAccess(person, body, coordinator=True, role=role)
    if role is None:
        raise NotFound("error-body-not-found")
    if not role.manages_roster:
        raise AccessDenied("error-not-allowed")
    return BodyAccess(person, body, coordinator=False, role=role)
