"""The retention period as the service keeps it: a note 30 days ahead, once; anonymisation on
the day; someone back in a body is kept, and a later absence starts over."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.model import Role
from bot.main.i18n import make_core
from bot.services.privacy import PrivacyService, years_later
from bot.views.texts import LocaleTexts
from storage import bodies, people
from storage.db import Database
from storage.fsm import DatabaseStorage
from tests.clock import ManualClock
from tests.factories import NOW, council, person


async def service(db: Database, clock: ManualClock) -> PrivacyService:
    core = make_core("ru")
    await core.startup()
    return PrivacyService(
        db,
        clock,
        DatabaseStorage(db, clock),
        LocaleTexts(core, "ru"),
        retention_years=5,
        timezone="Europe/Moscow",
    )


async def test_the_years_run_from_the_last_membership_and_start_over_on_return(
    db: Database,
) -> None:
    setup = await council(db, coordinator_id=1001, secretary_id=2002)
    belov = await person(
        db, "Белов Игорь Николаевич", telegram_id=None, organisation_id=setup.organisation.id
    )
    async with db.transaction() as conn:
        await bodies.add_membership(
            conn,
            body_id=setup.body.id,
            person_id=belov.id,
            role=Role.MEMBER,
            is_methodist=False,
            changed_by=None,
            now=NOW,
        )
        await bodies.end_all_memberships(conn, belov.id, now=NOW)
    clock = ManualClock(years_later(NOW, 5) - timedelta(days=31))
    privacy = await service(db, clock)

    assert (await privacy.retention()).notes == []
    clock.advance(timedelta(days=1))
    first = await privacy.retention()
    assert [note.person.id for note in first.notes] == [belov.id]
    assert first.notes[0].due_at == years_later(NOW, 5)
    assert [c.id for c in first.notes[0].coordinators] == [setup.coordinator.id]
    assert (await privacy.retention()).notes == []  # told once

    # Back in a body before the day: kept, whatever the note said.
    async with db.transaction() as conn:
        await bodies.add_membership(
            conn,
            body_id=setup.body.id,
            person_id=belov.id,
            role=Role.GUEST,
            is_methodist=False,
            changed_by=None,
            now=clock.now(),
        )
    clock.set(years_later(NOW, 5) + timedelta(days=1))
    assert await privacy.retention() == type(first)([], [])
    left_again = clock.now()
    async with db.transaction() as conn:
        await bodies.end_all_memberships(conn, belov.id, now=left_again)

    # The new absence runs its own five years, with its own note.
    clock.set(years_later(left_again, 5) - timedelta(days=30))
    again = await privacy.retention()
    assert [note.person.id for note in again.notes] == [belov.id]
    assert again.erased == []
    clock.set(years_later(left_again, 5))
    done = await privacy.retention()
    assert [erased.former_name for erased in done.erased] == ["Белов Игорь Николаевич"]
    async with db.read() as conn:
        gone = await people.get_person(conn, belov.id)
    assert gone is not None
    assert gone.full_name == f"Удалённый участник № {belov.id}"
    assert (await privacy.retention()).erased == []


def test_a_leap_day_lands_on_the_28th() -> None:
    leap = NOW.replace(year=2028, month=2, day=29)
    assert years_later(leap, 5) == leap.replace(year=2033, day=28)
