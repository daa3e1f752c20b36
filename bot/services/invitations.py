"""Invitation links: created by a coordinator or a body's secretary, opened by new people."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.clock import Clock
from bot.domain.errors import AccessDenied, Conflict, NotFound, ValidationError
from bot.domain.model import Role
from bot.domain.records import Body, Invitation, Organisation, Person, present
from bot.services.access import Actor, BodyAccess, require_body_manager, require_coordinator
from bot.services.consent import PendingConsent
from bot.services.people import Registration
from storage import bodies, invitations, organisations, people
from storage.db import Database

# Offered as buttons when a link is made: how many people may use it, for how many days.
USES_CHOICES = (1, 5, 30, 100)
DAYS_CHOICES = (1, 7, 30)
PERSONAL_LINK_DAYS = 30
LEADERSHIP = frozenset({Role.CHAIR, Role.DEPUTY, Role.SECRETARY})


@dataclass(frozen=True, slots=True)
class Issued:
    """A new link, with the time zone its expiry is to be shown in."""

    invitation: Invitation
    timezone: str


@dataclass(frozen=True, slots=True)
class InvitationInfo:
    """What a person who opened a link is being invited to."""

    invitation: Invitation
    organisation: Organisation
    body: Body | None
    person: Person | None  # for a personal link: the roster entry it completes


@dataclass(frozen=True, slots=True)
class Accepted:
    info: InvitationInfo
    person: Person
    inviter: Person | None  # to be told that someone joined


def new_token() -> str:
    """22 URL-safe characters: fits Telegram's 64-character start parameter."""
    return secrets.token_urlsafe(16)


def may_appoint(access: BodyAccess, role: Role) -> bool:
    """Leadership roles are given by the coordinator or the chair; the deputy and the
    secretary add members, guests and methodists."""
    return role not in LEADERSHIP or access.coordinator or access.role is Role.CHAIR


class InvitationService:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    async def require_inviter(self, actor: Actor, body_id: int) -> None:
        """Refuses, before the invitation form is shown, anyone who may not invite here."""
        async with self._db.read() as conn:
            await require_body_manager(conn, actor, body_id)

    async def require_coordinator_inviter(self, actor: Actor, organisation_id: int) -> None:
        """Only a coordinator of the organisation invites another coordinator."""
        async with self._db.read() as conn:
            await require_coordinator(conn, actor, organisation_id)

    async def create_for_body(
        self,
        actor: Actor,
        *,
        body_id: int,
        role: Role,
        is_methodist: bool,
        max_uses: int,
        days: int,
    ) -> Issued:
        if max_uses not in USES_CHOICES or days not in DAYS_CHOICES:
            raise ValidationError("invite-error-limits")
        now = self._clock.now()
        async with self._db.transaction() as conn:
            access = await require_body_manager(conn, actor, body_id)
            person, body = access.person, access.body
            if not may_appoint(access, role):
                raise AccessDenied("roster-error-leadership")
            invitation = await invitations.create_invitation(
                conn,
                token=new_token(),
                organisation_id=body.organisation_id,
                body_id=body.id,
                role=role,
                is_methodist=is_methodist,
                person_id=None,
                max_uses=max_uses,
                expires_at=now + timedelta(days=days),
                created_by=person.id,
                now=now,
            )
        return Issued(invitation, body.timezone)

    async def create_for_coordinator(
        self, actor: Actor, *, organisation_id: int, days: int
    ) -> Issued:
        """A one-person link that makes its user a coordinator of the organisation."""
        if days not in DAYS_CHOICES:
            raise ValidationError("invite-error-limits")
        now = self._clock.now()
        async with self._db.transaction() as conn:
            person = await require_coordinator(conn, actor, organisation_id)
            organisation = present(
                await organisations.get_organisation(conn, organisation_id), "organisation"
            )
            invitation = await invitations.create_invitation(
                conn,
                token=new_token(),
                organisation_id=organisation_id,
                body_id=None,
                role=None,
                is_methodist=False,
                person_id=None,
                max_uses=1,
                expires_at=now + timedelta(days=days),
                created_by=person.id,
                now=now,
            )
        return Issued(invitation, organisation.timezone)

    async def create_personal(self, actor: Actor, *, membership_id: int) -> Issued:
        """A link for one roster entry added by hand, so its person can join from Telegram."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            membership = await bodies.get_membership(conn, membership_id)
            if membership is None or not membership.active:
                raise NotFound("roster-error-member-gone")
            access = await require_body_manager(conn, actor, membership.body_id)
            manager, body = access.person, access.body
            member = present(await people.get_person(conn, membership.person_id), "person")
            if member.telegram_id is not None:
                raise Conflict("roster-error-already-linked", name=member.full_name)
            invitation = await invitations.create_invitation(
                conn,
                token=new_token(),
                organisation_id=body.organisation_id,
                body_id=body.id,
                role=membership.role,
                is_methodist=membership.is_methodist,
                person_id=member.id,
                max_uses=1,
                expires_at=now + timedelta(days=PERSONAL_LINK_DAYS),
                created_by=manager.id,
                now=now,
            )
        return Issued(invitation, body.timezone)

    async def check(self, token: str) -> InvitationInfo:
        """What a token invites to, or a ValidationError saying why it cannot be used."""
        async with self._db.read() as conn:
            return await self._valid(conn, token)

    async def _valid(self, conn: AsyncConnection, token: str) -> InvitationInfo:
        invitation = await invitations.get_by_token(conn, token)
        if invitation is None or invitation.revoked_at is not None:
            raise ValidationError("invite-unknown")
        if invitation.expires_at <= self._clock.now():
            raise ValidationError("invite-expired")
        if invitation.uses >= invitation.max_uses:
            raise ValidationError("invite-used-up")
        organisation = present(
            await organisations.get_organisation(conn, invitation.organisation_id), "organisation"
        )
        body = None
        if invitation.body_id is not None:
            body = await bodies.get_body(conn, invitation.body_id)
        person = None
        if invitation.person_id is not None:
            person = await people.get_person(conn, invitation.person_id)
        return InvitationInfo(invitation, organisation, body, person)

    async def accept(
        self,
        actor: Actor,
        token: str,
        registration: Registration | None,
        *,
        locale: str,
        consent: PendingConsent | None = None,
    ) -> Accepted:
        """Joins the actor to what the token invites to, registering them first if they are new
        (`registration` then holds what they typed, `consent` the consent they gave before).
        Checks and counts the use atomically."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            info = await self._valid(conn, token)
            invitation = info.invitation
            person = await people.get_by_telegram(conn, actor.telegram_id)
            if info.person is not None:
                if person is not None and person.id != info.person.id:
                    raise Conflict("invite-error-personal-other", name=info.person.full_name)
                if person is None:
                    # Added by a secretary on paper: now they confirm in the chat themselves.
                    if consent is None:
                        raise ValidationError("consent-error-required")
                    await consent.record(conn, info.person.id, info.person.organisation_id)
                await people.link_telegram(
                    conn, info.person.id, telegram_id=actor.telegram_id, now=now
                )
                await people.set_locale(conn, info.person.id, locale)
                person = present(await people.get_person(conn, info.person.id), "person")
            elif person is None:
                if registration is None:
                    raise ValidationError("error-not-registered")
                person = await registration.create(
                    conn,
                    telegram_id=actor.telegram_id,
                    organisation_id=invitation.organisation_id,
                    locale=locale,
                    now=now,
                    consent=consent,
                )
            await self._join(conn, invitation, person)
            if not await invitations.use(conn, invitation.id, now=now):
                raise ValidationError("invite-used-up")
            await people.set_organisation(conn, person.id, invitation.organisation_id)
            inviter = None
            if invitation.created_by is not None:
                inviter = await people.get_person(conn, invitation.created_by)
            joined = present(await people.get_person(conn, person.id), "person")
        return Accepted(info, joined, inviter)

    async def _join(self, conn: AsyncConnection, invitation: Invitation, person: Person) -> None:
        now = self._clock.now()
        if invitation.body_id is None:
            added = await organisations.add_coordinator(
                conn,
                organisation_id=invitation.organisation_id,
                person_id=person.id,
                appointed_by=invitation.created_by,
                now=now,
            )
            if not added:
                raise Conflict("invite-error-already-coordinator")
            return
        current = await bodies.active_membership(
            conn, body_id=invitation.body_id, person_id=person.id
        )
        if current is not None:
            if invitation.person_id is not None:
                return  # a personal link completes the entry that is already there
            raise Conflict("invite-error-already-member")
        await bodies.add_membership(
            conn,
            body_id=invitation.body_id,
            person_id=person.id,
            role=present(invitation.role, "role of a body invitation"),
            is_methodist=invitation.is_methodist,
            changed_by=invitation.created_by,
            now=now,
        )
