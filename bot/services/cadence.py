"""Cadence (council 4.6, asset 3.3, RMO 3.2): how many meetings each period requires, how many
are held, announced and planned, the year's plan, and reminders when a period falls short."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.cadence import (
    DEFAULTS,
    Period,
    PeriodKind,
    PeriodStatus,
    due_reminder,
    local_bounds,
    local_day,
    period_of,
    periods_between,
    tells_coordinator,
)
from bot.domain.cells import neutralise
from bot.domain.clock import Clock
from bot.domain.errors import AccessDenied, NotFound, ValidationError
from bot.domain.meetings import MeetingStatus, horizon, valid_title
from bot.domain.model import Role
from bot.domain.quiet import QuietHours
from bot.domain.records import Body, Person, Plan, present
from bot.services.access import Actor, require_body_manager
from storage import bodies, meetings, organisations, people
from storage import cadence as store
from storage.db import Database


@dataclass(frozen=True, slots=True)
class BodyCadence:
    body: Body
    periods: list[PeriodStatus]
    plans: list[Plan]


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A period that falls short, and who is to be reminded."""

    body: Body
    status: PeriodStatus
    offset: int
    tell: list[Person]


def year_window(kind: PeriodKind, today: date) -> tuple[date, date]:
    """The span /plan shows: the calendar year, or the academic year for an RMO."""
    if kind is PeriodKind.ACADEMIC_YEAR:
        period = period_of(kind, today)
        return period.start, period.end
    return date(today.year, 1, 1), date(today.year + 1, 1, 1)


class CadenceService:
    def __init__(self, db: Database, clock: Clock, *, quiet: QuietHours | None = None) -> None:
        self._db = db
        self._clock = clock
        self._quiet = quiet

    async def _status(self, conn: AsyncConnection, body: Body, period: Period) -> PeriodStatus:
        requirement = DEFAULTS[body.kind]
        start, end = local_bounds(period, body.timezone)
        held = announced = seminars = 0
        for meeting in await meetings.meetings_of_bodies(conn, [body.id]):
            if not start <= meeting.starts_at < end or meeting.status is MeetingStatus.CANCELLED:
                continue
            if meeting.closed_at is not None:
                # A meeting counts when it was held and was valid (had its quorum).
                if meeting.results is not None and meeting.results.valid:
                    held += 1
                    seminars += meeting.seminar
            else:
                announced += 1
                seminars += meeting.seminar
        planned = [
            p
            for p in await store.plans_of(conn, body.id, since=period.start, until=period.end)
            if p.meeting_id is None
        ]
        return PeriodStatus(
            period=period,
            required=requirement.meetings,
            held=held,
            announced=announced,
            planned=len(planned),
            seminars_required=requirement.seminars,
            seminars=seminars,
        )

    async def _bodies_of(self, conn: AsyncConnection, actor: Actor) -> list[Body]:
        """The bodies whose cadence the actor keeps: as a coordinator, all of the organisation."""
        person = actor.require_person()
        found = {
            body.id: body
            for membership, body in await bodies.memberships_of(conn, person.id)
            if membership.role.manages_roster
        }
        for organisation in await organisations.coordinated_organisations(conn, person.id):
            found |= {b.id: b for b in await bodies.list_bodies(conn, organisation.id)}
        return sorted(found.values(), key=lambda b: b.id)

    async def require_planner(self, actor: Actor, body_id: int) -> None:
        """Refuses, before the plan form is shown, anyone who does not keep this body's plan."""
        async with self._db.read() as conn:
            await require_body_manager(conn, actor, body_id)

    async def is_coordinator(self, actor: Actor) -> bool:
        async with self._db.read() as conn:
            return bool(
                await organisations.coordinated_organisations(conn, actor.require_person().id)
            )

    async def overview(self, actor: Actor) -> list[BodyCadence]:
        """Per body, the periods of this year with required, held, announced, planned."""
        now = self._clock.now()
        async with self._db.read() as conn:
            result = []
            for body in await self._bodies_of(conn, actor):
                kind = DEFAULTS[body.kind].kind
                first, last = year_window(kind, local_day(now, body.timezone))
                periods = [
                    await self._status(conn, body, p)
                    for p in periods_between(kind, first, last)
                    if p.start < last
                ]
                result.append(
                    BodyCadence(
                        body, periods, await store.plans_of(conn, body.id, since=first, until=last)
                    )
                )
            return result

    async def add_plan(
        self, actor: Actor, body_id: int, planned_on: date, topic: str, *, seminar: bool
    ) -> Plan:
        topic = valid_title(topic)
        now = self._clock.now()
        async with self._db.transaction() as conn:
            access = await require_body_manager(conn, actor, body_id)
            if planned_on < local_day(now, access.body.timezone):
                raise ValidationError("plan-error-past")
            latest = local_day(horizon(now, access.body.timezone), access.body.timezone)
            if planned_on > latest:
                raise ValidationError("plan-error-too-far", latest=latest.strftime("%d.%m.%Y"))
            return await store.add_plan(
                conn,
                body_id=body_id,
                planned_on=planned_on,
                topic=topic,
                seminar=seminar,
                by=access.person.id,
                now=now,
            )

    async def plan(self, actor: Actor, plan_id: int) -> tuple[Plan, Body]:
        async with self._db.read() as conn:
            plan = await store.get_plan(conn, plan_id)
            if plan is None:
                raise NotFound("plan-error-not-found")
            access = await require_body_manager(conn, actor, plan.body_id)
            return plan, access.body

    async def export(self, actor: Actor, headers: list[str], label: dict[str, str]) -> bytes:
        """The overview as a CSV for Excel: body, period, required, held, announced, planned,
        missing. `label` maps a period's id (`kind:start`) to its words."""
        rows = await self.overview(actor)
        if not rows:
            raise AccessDenied("error-not-allowed")
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow([neutralise(header) for header in headers])
        for entry in rows:
            for status in entry.periods:
                writer.writerow(
                    [
                        neutralise(entry.body.name),
                        neutralise(label[f"{status.period.kind}:{status.period.start}"]),
                        status.required,
                        status.held,
                        status.announced,
                        status.planned,
                        status.missing,
                    ]
                )
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")

    async def check(self) -> list[Shortfall]:
        """Once a period comes within 45, 30 and 14 days of its end with too few meetings held
        or announced, the secretary is reminded (at 14 days also the coordinator). Each reminder
        is recorded before it goes out, so it goes out once however often this runs."""
        now = self._clock.now()
        found = []
        async with self._db.transaction() as conn:
            for organisation in await organisations.list_organisations(conn):
                coordinators = [
                    present(await people.get_person(conn, p), "person")
                    for p in await organisations.coordinator_ids(conn, organisation.id)
                ]
                for body in await bodies.list_bodies(conn, organisation.id):
                    if self._quiet is not None and self._quiet.is_quiet(now, body.timezone):
                        continue  # the hourly check after quiet hours sends it
                    today = local_day(now, body.timezone)
                    period = period_of(DEFAULTS[body.kind].kind, today)
                    offset = due_reminder(period, today)
                    if offset is None:
                        continue
                    if not await store.record_reminder(
                        conn, body_id=body.id, period_start=period.start, offset=offset, now=now
                    ):
                        continue
                    status = await self._status(conn, body, period)
                    if not status.short:
                        continue
                    roster = await bodies.roster(conn, body.id)
                    tell = [e.person for e in roster if e.membership.role is Role.SECRETARY]
                    if tells_coordinator(offset):
                        tell += coordinators
                    found.append(Shortfall(body, status, offset, tell))
        return found
