"""Consultations (asset clauses 3.1, 3.2): a teacher asks, the matching methodists are offered
the request, the first to take it gets it, they agree a time, the teacher rates it; requests
nobody takes go to the coordinator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain import consultations as rules
from bot.domain.clock import Clock
from bot.domain.consultations import Direction, Mode, Size, Status
from bot.domain.errors import AccessDenied, Conflict, NotFound, ValidationError
from bot.domain.meetings import NoticeKind
from bot.domain.people import subject as valid_subject
from bot.domain.records import Consultation, MethodistProfile, Notice, Person, present
from bot.services.access import Actor, require_coordinator
from bot.services.ports import NoticeScheduler
from storage import consultations as store
from storage import notices, organisations, people
from storage.db import Database

# Requests go to the coordinator when nobody has taken them within this many working days.
ESCALATE_AFTER_DAYS = 3
OPEN = (Status.NEW.value, Status.OFFERED.value)


@dataclass(frozen=True, slots=True)
class Request:
    """What a teacher filled in; checked again here."""

    topic: str
    subject: str
    direction: Direction
    size: Size
    mode: Mode
    wishes: str


@dataclass(frozen=True, slots=True)
class Case:
    """A request with the people around it, as one person sees it."""

    consultation: Consultation
    teacher: Person
    methodist: Person | None
    timezone: str
    viewer: str  # teacher | methodist | offered | coordinator


@dataclass(frozen=True, slots=True)
class Outcome:
    """A change and who is to be told about it."""

    case: Case
    tell: list[Person]


class ConsultationService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        scheduler: NoticeScheduler,
        *,
        escalate_after_days: int = ESCALATE_AFTER_DAYS,
    ) -> None:
        self._db = db
        self._clock = clock
        self._scheduler = scheduler
        self._escalate_after = escalate_after_days

    async def _case(self, conn: AsyncConnection, consultation: Consultation, viewer: str) -> Case:
        teacher = present(await people.get_person(conn, consultation.teacher_id), "person")
        methodist = None
        if consultation.methodist_id is not None:
            methodist = await people.get_person(conn, consultation.methodist_id)
        organisation = present(
            await organisations.get_organisation(conn, consultation.organisation_id),
            "organisation",
        )
        return Case(consultation, teacher, methodist, organisation.timezone, viewer)

    async def _reload(self, conn: AsyncConnection, consultation_id: int, viewer: str) -> Case:
        """The request as it is now, after a change in this transaction."""
        return await self._case(
            conn, present(await store.get(conn, consultation_id), "consultation"), viewer
        )

    async def _visible(self, conn: AsyncConnection, actor: Actor, consultation_id: int) -> Case:
        """A request as the actor may see it: their own, offered or assigned to them, or any of
        their organisation for its coordinator. Anything else looks like no request."""
        person = actor.require_person()
        consultation = await store.get(conn, consultation_id)
        if consultation is None:
            raise NotFound("consultation-error-not-found")
        if consultation.teacher_id == person.id:
            return await self._case(conn, consultation, "teacher")
        if consultation.methodist_id == person.id:
            return await self._case(conn, consultation, "methodist")
        # Offered once, seen always: a late «Беру» then hears that someone else took it.
        if person.id in await store.offered_to(conn, consultation.id):
            return await self._case(conn, consultation, "offered")
        if await organisations.is_coordinator(
            conn, organisation_id=consultation.organisation_id, person_id=person.id
        ):
            return await self._case(conn, consultation, "coordinator")
        raise NotFound("consultation-error-not-found")

    async def view(self, actor: Actor, consultation_id: int) -> Case:
        async with self._db.read() as conn:
            return await self._visible(conn, actor, consultation_id)

    async def request(self, actor: Actor, data: Request) -> Outcome:
        """A teacher's request: offered to every matching methodist, or straight to the
        coordinator when nobody matches."""
        person = actor.require_person()
        if person.organisation_id is None:
            raise ValidationError("consultation-error-no-organisation")
        topic, wishes = rules.topic(data.topic), rules.wishes(data.wishes)
        subject = valid_subject(data.subject)
        now = self._clock.now()
        async with self._db.transaction() as conn:
            consultation = await store.create(
                conn,
                organisation_id=person.organisation_id,
                teacher_id=person.id,
                topic=topic,
                subject=subject,
                direction=data.direction.value,
                size=data.size.value,
                mode=data.mode.value,
                wishes=wishes,
                now=now,
            )
            matching = []
            for methodist in await store.methodists(conn, person.organisation_id):
                if methodist.id == person.id:
                    continue
                profile = await self._profile(conn, methodist)
                if rules.matches(
                    subject=subject,
                    direction=data.direction,
                    methodist_subjects=profile.subjects,
                    methodist_directions=[Direction(d) for d in profile.directions],
                ):
                    matching.append(methodist)
            organisation = present(
                await organisations.get_organisation(conn, person.organisation_id), "organisation"
            )
            escalation: Notice | None = None
            if matching:
                await store.offer(conn, consultation.id, [m.id for m in matching], now=now)
                await store.move(
                    conn,
                    consultation.id,
                    from_=[Status.NEW.value],
                    to=Status.OFFERED.value,
                    offered_at=now,
                )
                escalation = await notices.add_notice(
                    conn,
                    meeting_id=None,
                    consultation_id=consultation.id,
                    kind=NoticeKind.CONSULT_ESCALATE,
                    due_at=rules.add_working_days(
                        now, self._escalate_after, organisation.timezone
                    ),
                    now=now,
                )
                tell = matching
            else:
                await store.update_fields(conn, consultation.id, escalated_at=now)
                tell = await self._coordinators(conn, person.organisation_id)
            case = await self._case(
                conn, present(await store.get(conn, consultation.id), "consultation"), "teacher"
            )
        if escalation is not None:
            self._scheduler.arm(escalation.id, escalation.due_at)
        return Outcome(case, tell)

    async def _coordinators(self, conn: AsyncConnection, organisation_id: int) -> list[Person]:
        return [
            present(await people.get_person(conn, person_id), "person")
            for person_id in await organisations.coordinator_ids(conn, organisation_id)
        ]

    async def take(self, actor: Actor, consultation_id: int) -> Outcome:
        """«Беру»: the first methodist wins; the teacher is told who, the others that it is
        taken."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            case = await self._visible(conn, actor, consultation_id)
            if case.viewer != "offered":
                raise Conflict("consultation-error-taken")
            person = actor.require_person()
            if not await store.take(conn, consultation_id, methodist_id=person.id, now=now):
                raise Conflict("consultation-error-taken")
            await notices.cancel_pending(
                conn, None, [NoticeKind.CONSULT_ESCALATE], consultation_id=consultation_id
            )
            others = [
                present(await people.get_person(conn, p), "person")
                for p in await store.offered_to(conn, consultation_id)
                if p != person.id
            ]
            taken = await self._reload(conn, consultation_id, "methodist")
        return Outcome(taken, [taken.teacher, *others])

    async def assign(self, actor: Actor, consultation_id: int, methodist_id: int) -> Outcome:
        """The coordinator gives a request to anyone of the organisation's methodists."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            consultation = await store.get(conn, consultation_id)
            if consultation is None:
                raise NotFound("consultation-error-not-found")
            await require_coordinator(conn, actor, consultation.organisation_id)
            if methodist_id not in {
                m.id for m in await store.methodists(conn, consultation.organisation_id)
            }:
                raise NotFound("consultation-error-no-methodist")
            if not await store.move(
                conn,
                consultation_id,
                from_=OPEN,
                to=Status.ASSIGNED.value,
                methodist_id=methodist_id,
                taken_at=now,
            ):
                raise Conflict("consultation-error-taken")
            await notices.cancel_pending(
                conn, None, [NoticeKind.CONSULT_ESCALATE], consultation_id=consultation_id
            )
            case = await self._reload(conn, consultation_id, "coordinator")
        assert case.methodist is not None  # noqa: S101 - just assigned
        return Outcome(case, [case.methodist, case.teacher])

    async def propose(
        self, actor: Actor, consultation_id: int, starts_at: datetime, place: str
    ) -> Outcome:
        """The methodist proposes a time and a place or link; the teacher confirms it."""
        place = rules.place(place)
        if starts_at <= self._clock.now():
            raise ValidationError("meeting-error-past", example="12.03.2027 15:00")
        async with self._db.transaction() as conn:
            case = await self._visible(conn, actor, consultation_id)
            if case.viewer != "methodist" or case.consultation.status != Status.ASSIGNED:
                raise Conflict("consultation-error-state-now")
            await store.update_fields(conn, consultation_id, starts_at=starts_at, place=place)
            updated = await self._reload(conn, consultation_id, "methodist")
        return Outcome(updated, [updated.teacher])

    async def confirm(self, actor: Actor, consultation_id: int) -> Outcome:
        """The teacher accepts the proposed time: scheduled, with a reminder the day before."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            case = await self._visible(conn, actor, consultation_id)
            consultation = case.consultation
            if case.viewer != "teacher" or consultation.starts_at is None:
                raise Conflict("consultation-error-state-now")
            if not await store.move(
                conn, consultation_id, from_=[Status.ASSIGNED.value], to=Status.SCHEDULED.value
            ):
                raise Conflict("consultation-error-state-now")
            reminder = None
            if consultation.starts_at - timedelta(days=1) > now:
                reminder = await notices.add_notice(
                    conn,
                    meeting_id=None,
                    consultation_id=consultation_id,
                    kind=NoticeKind.CONSULT_REMINDER,
                    due_at=consultation.starts_at - timedelta(days=1),
                    now=now,
                )
            updated = await self._reload(conn, consultation_id, "teacher")
        if reminder is not None:
            self._scheduler.arm(reminder.id, reminder.due_at)
        assert updated.methodist is not None  # noqa: S101 - scheduled means assigned
        return Outcome(updated, [updated.methodist])

    async def other_time(self, actor: Actor, consultation_id: int) -> Outcome:
        """The teacher asks for another time: the proposal is dropped, the methodist told."""
        async with self._db.transaction() as conn:
            case = await self._visible(conn, actor, consultation_id)
            if case.viewer != "teacher" or case.consultation.status not in {
                Status.ASSIGNED,
                Status.SCHEDULED,
            }:
                raise Conflict("consultation-error-state-now")
            await store.move(
                conn,
                consultation_id,
                from_=[Status.ASSIGNED.value, Status.SCHEDULED.value],
                to=Status.ASSIGNED.value,
                starts_at=None,
                place=None,
            )
            await notices.cancel_pending(
                conn, None, [NoticeKind.CONSULT_REMINDER], consultation_id=consultation_id
            )
            updated = await self._reload(conn, consultation_id, "teacher")
        assert updated.methodist is not None  # noqa: S101 - assigned
        return Outcome(updated, [updated.methodist])

    async def done(self, actor: Actor, consultation_id: int) -> Outcome:
        """«Проведена»: the teacher is asked to confirm and rate it."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            case = await self._visible(conn, actor, consultation_id)
            if case.viewer != "methodist":
                raise AccessDenied("consultation-error-not-yours")
            if not await store.move(
                conn,
                consultation_id,
                from_=[Status.SCHEDULED.value],
                to=Status.DONE.value,
                done_at=now,
            ):
                raise Conflict("consultation-error-state-now")
            updated = await self._reload(conn, consultation_id, "methodist")
        return Outcome(updated, [updated.teacher])

    async def rate(
        self, actor: Actor, consultation_id: int, rating: int, comment: str = ""
    ) -> Case:
        value, text = rules.rating(rating), rules.comment(comment)
        async with self._db.transaction() as conn:
            case = await self._visible(conn, actor, consultation_id)
            if case.viewer != "teacher" or case.consultation.status != Status.DONE:
                raise Conflict("consultation-error-state-now")
            if case.consultation.rating is not None and not text:
                raise Conflict("consultation-error-rated")
            await store.update_fields(
                conn,
                consultation_id,
                rating=value,
                rating_comment=text or case.consultation.rating_comment,
            )
            return await self._reload(conn, consultation_id, "teacher")

    async def decline(self, actor: Actor, consultation_id: int, reason: str) -> Outcome:
        """The methodist (or the coordinator) declines, with a reason the teacher sees."""
        reason = rules.reason(reason)
        async with self._db.transaction() as conn:
            case = await self._visible(conn, actor, consultation_id)
            if case.viewer not in {"methodist", "coordinator"}:
                raise AccessDenied("consultation-error-not-yours")
            allowed = [
                Status.OFFERED.value,
                Status.ASSIGNED.value,
                Status.SCHEDULED.value,
                Status.NEW.value,
            ]
            if not await store.move(
                conn, consultation_id, from_=allowed, to=Status.DECLINED.value, reason=reason
            ):
                raise Conflict("consultation-error-state-now")
            await notices.cancel_pending(conn, None, consultation_id=consultation_id)
            updated = await self._reload(conn, consultation_id, case.viewer)
        return Outcome(updated, [updated.teacher])

    async def cancel(self, actor: Actor, consultation_id: int) -> Outcome:
        async with self._db.transaction() as conn:
            case = await self._visible(conn, actor, consultation_id)
            if case.viewer != "teacher":
                raise AccessDenied("consultation-error-not-yours")
            allowed = [
                Status.NEW.value,
                Status.OFFERED.value,
                Status.ASSIGNED.value,
                Status.SCHEDULED.value,
            ]
            if not await store.move(
                conn, consultation_id, from_=allowed, to=Status.CANCELLED.value
            ):
                raise Conflict("consultation-error-state-now")
            await notices.cancel_pending(conn, None, consultation_id=consultation_id)
            updated = await self._reload(conn, consultation_id, "teacher")
        return Outcome(updated, [updated.methodist] if updated.methodist else [])

    async def lists(
        self, actor: Actor
    ) -> tuple[list[Consultation], list[Consultation], list[Consultation]]:
        """(my requests, offered or assigned to me, my organisations' for a coordinator)."""
        person = actor.require_person()
        async with self._db.read() as conn:
            own = await store.of_teacher(conn, person.id)
            mine = await store.of_methodist(conn, person.id)
            everything: list[Consultation] = []
            for organisation in await organisations.coordinated_organisations(conn, person.id):
                everything += await store.of_organisation(conn, organisation.id)
        return own, mine, everything

    async def methodists(self, actor: Actor, consultation_id: int) -> list[Person]:
        async with self._db.read() as conn:
            case = await self._visible(conn, actor, consultation_id)
            if case.viewer != "coordinator":
                raise AccessDenied("error-not-allowed")
            return await store.methodists(conn, case.consultation.organisation_id)

    async def is_methodist(self, actor: Actor) -> bool:
        person = actor.require_person()
        async with self._db.read() as conn:
            if person.organisation_id is None:
                return False
            return person.id in {
                m.id for m in await store.methodists(conn, person.organisation_id)
            }

    @staticmethod
    async def _profile(conn: AsyncConnection, person: Person) -> MethodistProfile:
        """What a methodist is offered; one who never said is offered their own subject
        from their registration, not every subject."""
        found = await store.find_profile(conn, person.id)
        if found is not None:
            return found
        subjects = [person.subject] if person.subject else []
        return MethodistProfile(person_id=person.id, subjects=subjects, directions=[])

    async def profile(self, actor: Actor) -> MethodistProfile:
        async with self._db.read() as conn:
            return await self._profile(conn, actor.require_person())

    async def set_profile(
        self, actor: Actor, *, subjects: list[str] | None = None, toggle: Direction | None = None
    ) -> MethodistProfile:
        """A methodist's subjects (typed, comma separated) and directions (toggled)."""
        person = actor.require_person()
        if not await self.is_methodist(actor):
            raise AccessDenied("consultation-error-not-methodist")
        async with self._db.transaction() as conn:
            current = await self._profile(conn, person)
            new_subjects = current.subjects if subjects is None else subjects
            directions = list(current.directions)
            if toggle is not None:
                if toggle.value in directions:
                    directions.remove(toggle.value)
                else:
                    directions.append(toggle.value)
            await store.set_profile(
                conn,
                person.id,
                subjects=new_subjects,
                directions=directions,
                now=self._clock.now(),
            )
            return await store.profile(conn, person.id)

    async def due(self, notice: Notice) -> list[tuple[Person, str, Case]]:
        """What a consultation's notice means now: (who, which message, the case). An
        escalation tells the coordinators only if nobody took the request meanwhile."""
        now = self._clock.now()
        async with self._db.transaction() as conn:
            consultation = present(
                await store.get(conn, notice.consultation_id or 0), "consultation"
            )
            if notice.kind is NoticeKind.CONSULT_ESCALATE:
                if consultation.status not in OPEN:
                    return []
                await store.update_fields(conn, consultation.id, escalated_at=now)
                case = await self._case(conn, consultation, "coordinator")
                return [
                    (p, "consultation-escalated", case)
                    for p in await self._coordinators(conn, consultation.organisation_id)
                ]
            if consultation.status != Status.SCHEDULED:
                return []
            case = await self._case(conn, consultation, "teacher")
            assert case.methodist is not None  # noqa: S101 - scheduled means assigned
            return [
                (case.teacher, "consultation-reminder", case),
                (case.methodist, "consultation-reminder", case),
            ]

    async def require_reporter(self, actor: Actor) -> None:
        """Only a coordinator sees the report of the organisation's requests."""
        async with self._db.read() as conn:
            if not await organisations.coordinated_organisations(conn, actor.require_person().id):
                raise AccessDenied("error-not-allowed")

    async def report(self, actor: Actor, period: str) -> Report:
        """The coordinator's organisation's requests of a period: this month, the last month,
        or the academic year from September, in the organisation's time."""
        person = actor.require_person()
        async with self._db.read() as conn:
            coordinated = await organisations.coordinated_organisations(conn, person.id)
            if not coordinated:
                raise AccessDenied("error-not-allowed")
            organisation = coordinated[0]
            since, until = period_bounds(period, self._clock.now(), organisation.timezone)
            rows = []
            for consultation in await store.of_organisation(
                conn, organisation.id, since=since, until=until
            ):
                teacher = present(await people.get_person(conn, consultation.teacher_id), "person")
                methodist = None
                if consultation.methodist_id is not None:
                    methodist = await people.get_person(conn, consultation.methodist_id)
                rows.append((consultation, teacher, methodist))
            return Report(rows, organisation.timezone, since, until)


@dataclass(frozen=True, slots=True)
class Report:
    rows: list[tuple[Consultation, Person, Person | None]]
    timezone: str
    since: datetime
    until: datetime

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def period_bounds(period: str, now: datetime, timezone: str) -> tuple[datetime, datetime]:
    """[since, until) in UTC of `month` (so far), `last` (month) or `year` (academic, from
    September), counted in the organisation's zone."""
    local = now.astimezone(ZoneInfo(timezone))
    month = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if period == "last":
        since, until = (month - timedelta(days=1)).replace(day=1), month
    elif period == "year":
        start = local.year if local.month >= 9 else local.year - 1
        since, until = month.replace(year=start, month=9), local + timedelta(seconds=1)
    else:
        since, until = month, local + timedelta(seconds=1)
    return since.astimezone(UTC), until.astimezone(UTC)
