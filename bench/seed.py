"""Puts a bench's world into the database before the bot starts, through the storage
functions the bot itself uses. Notices are only written here: the bot arms every open notice
from the database at start-up, which is exactly how a real notice goes out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bench.fake import TimedTelegram
from bot.domain.clock import SystemClock
from bot.domain.meetings import MeetingForm, NoticeKind
from bot.domain.model import LOCALES, BodyKind, Role
from bot.domain.records import Body, Meeting, Organisation, Person
from bot.main.i18n import make_core
from bot.services.consent import ConsentService
from bot.services.settings import Settings
from bot.views.texts import LocaleTexts
from storage import bodies, meetings, notices, organisations, people
from storage.db import Database
from storage.migrate import migrate

SURNAMES = ("Абрамова", "Белова", "Воронина", "Гусева", "Данилова", "Ершова", "Жукова", "Зайцева")
FIRST_MEMBER_ID = 20_000_000


@dataclass(frozen=True)
class Council:
    organisation: Organisation
    body: Body
    coordinator: Person
    members: list[Person]


def now() -> datetime:
    return SystemClock().now()


async def open_database(url: str) -> Database:
    db = Database(url)
    await migrate(db)
    return db


async def council(
    db: Database, fake: TimedTelegram, size: int, *, first_id: int = FIRST_MEMBER_ID
) -> Council:
    """An organisation with one council of `size` members on Telegram (each with a private
    chat at the fake) and a coordinator who is not on Telegram and not a member."""
    at = now()
    async with db.transaction() as conn:
        organisation = await organisations.create_organisation(
            conn, name="ИМЦ Лужского района", timezone="Europe/Moscow", now=at
        )
        body = await bodies.create_body(
            conn,
            organisation_id=organisation.id,
            kind=BodyKind.COUNCIL,
            name="Методический совет",
            subject=None,
            now=at,
        )
        coordinator = await people.create_person(
            conn, organisation_id=organisation.id, full_name="Смирнова Ольга Ивановна", now=at
        )
        await organisations.add_coordinator(
            conn,
            organisation_id=organisation.id,
            person_id=coordinator.id,
            appointed_by=None,
            now=at,
        )
        members = []
        for index in range(size):
            telegram_id = first_id + index
            name = f"{SURNAMES[index % len(SURNAMES)]} Участница {index + 1}"
            member = await people.create_person(
                conn,
                organisation_id=organisation.id,
                telegram_id=telegram_id,
                full_name=name,
                locale="ru",
                now=at,
                school="МОУ СОШ № 1",
            )
            await bodies.add_membership(
                conn,
                body_id=body.id,
                person_id=member.id,
                role=Role.MEMBER,
                is_methodist=False,
                changed_by=None,
                now=at,
            )
            members.append(member)
            fake.person(telegram_id, name)
    await consented(db, organisation.id, [m.id for m in members])
    return Council(organisation, body, coordinator, members)


async def consented(db: Database, organisation_id: int, person_ids: list[int]) -> None:
    """Each person's consent in the chat to the organisation's current text, as registration
    leaves it, so that a bench measures votes and not the consent question."""
    core = make_core("ru")
    await core.startup()
    service = ConsentService(
        db,
        SystemClock(),
        {locale: LocaleTexts(core, locale) for locale in LOCALES},
        retention_years=Settings.model_fields["retention_years"].default,
    )
    offer = await service.offer(organisation_id, "ru")
    pending = await service.accept_offer(offer.version.id, "ru")
    async with db.transaction() as conn:
        for person_id in person_ids:
            await pending.record(conn, person_id, organisation_id)


async def meeting(
    db: Database,
    where: Council,
    *,
    form: MeetingForm,
    starts_in: timedelta,
    due_now: tuple[NoticeKind, ...],
) -> Meeting:
    """A meeting with one question to decide and the given notices due at once."""
    at = now()
    starts_at = at + starts_in
    deadline = starts_at - timedelta(days=1) if form.has_ballot else None
    async with db.transaction() as conn:
        created = await meetings.create_meeting(
            conn,
            body_id=where.body.id,
            form=form,
            starts_at=starts_at,
            vote_deadline=deadline,
            place=None if form is MeetingForm.ABSENTEE else "Актовый зал, ул. Ленина, 1",
            extraordinary=True,
            short_notice_confirmed_by=where.coordinator.id,
            created_by=where.coordinator.id,
            now=at,
        )
        await meetings.add_item(
            conn,
            meeting_id=created.id,
            title="Об утверждении плана методической работы на 2027 год",
            speaker="Смирнова О. И.",
            needs_decision=True,
            proposal_id=None,
            now=at,
        )
        for kind in due_now:
            await notices.add_notice(conn, meeting_id=created.id, kind=kind, due_at=at, now=at)
        if deadline is not None:
            await notices.add_notice(
                conn, meeting_id=created.id, kind=NoticeKind.VOTING_CLOSE, due_at=deadline, now=at
            )
    return created


# The notices of a meeting announced well ahead, relative to its start: all in the future.
FUTURE_NOTICES = (
    (NoticeKind.AGENDA, timedelta(days=-5)),
    (NoticeKind.REMINDER_DAY, timedelta(days=-1)),
    (NoticeKind.REMINDER_HOUR, timedelta(hours=-1)),
    (NoticeKind.MINUTES_REMINDER, timedelta(days=14)),
    (NoticeKind.MINUTES_LAST_CALL, timedelta(days=28)),
)


async def large_world(
    db: Database, *, persons: int, body_count: int, pending_notices: int
) -> None:
    """An organisation with `persons` people, `body_count` bodies (each person in two, the
    first two of each its chair and secretary) and `pending_notices` notices due in the
    coming weeks."""
    at = now()
    async with db.transaction() as conn:
        organisation = await organisations.create_organisation(
            conn, name="Управление образования", timezone="Europe/Moscow", now=at
        )
        created = [
            await bodies.create_body(
                conn,
                organisation_id=organisation.id,
                kind=BodyKind.RMO if number % 4 else BodyKind.COUNCIL,
                name=f"Объединение № {number + 1}",
                subject="математика" if number % 4 else None,
                now=at,
            )
            for number in range(body_count)
        ]
        seen: dict[int, int] = {}
        coordinator: Person | None = None
        for index in range(persons):
            person = await people.create_person(
                conn,
                organisation_id=organisation.id,
                telegram_id=FIRST_MEMBER_ID + index,
                full_name=f"{SURNAMES[index % len(SURNAMES)]} Педагог {index + 1}",
                locale="ru",
                now=at,
                school=f"МОУ СОШ № {index % 40 + 1}",
                subject="математика",
            )
            coordinator = coordinator or person
            for body in {created[index % body_count], created[(index * 7 + 3) % body_count]}:
                place = seen[body.id] = seen.get(body.id, 0) + 1
                role = {1: Role.CHAIR, 2: Role.SECRETARY}.get(place, Role.MEMBER)
                await bodies.add_membership(
                    conn,
                    body_id=body.id,
                    person_id=person.id,
                    role=role,
                    is_methodist=False,
                    changed_by=None,
                    now=at,
                )
        assert coordinator is not None
        await organisations.add_coordinator(
            conn,
            organisation_id=organisation.id,
            person_id=coordinator.id,
            appointed_by=None,
            now=at,
        )
        for number in range(pending_notices // len(FUTURE_NOTICES)):
            body = created[number % body_count]
            starts_at = at + timedelta(days=20 + number % 40, hours=number % 8)
            planned = await meetings.create_meeting(
                conn,
                body_id=body.id,
                form=MeetingForm.IN_PERSON,
                starts_at=starts_at,
                vote_deadline=None,
                place="Актовый зал",
                extraordinary=False,
                short_notice_confirmed_by=None,
                created_by=coordinator.id,
                now=at,
            )
            await meetings.add_item(
                conn,
                meeting_id=planned.id,
                title="О ходе аттестации педагогических работников",
                speaker=None,
                needs_decision=True,
                proposal_id=None,
                now=at,
            )
            for kind, offset in FUTURE_NOTICES:
                await notices.add_notice(
                    conn, meeting_id=planned.id, kind=kind, due_at=starts_at + offset, now=at
                )
