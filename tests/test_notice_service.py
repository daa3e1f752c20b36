"""What NoticeService decides for a due notice, against a real database: whom it goes to,
what is left after a restart, whom the secretary hears about, and nothing for a cancelled
meeting. The sending itself is the flow tests' (tests/test_flow_undelivered.py and others)."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.meetings import MeetingForm, NoticeKind
from bot.domain.records import Meeting
from bot.services.consultations import ConsultationService
from bot.services.notices import NoticeService
from storage import meetings, notices
from storage.db import Database
from tests.clock import ClockScheduler, ManualClock
from tests.factories import NOW, Council, council, member, person


def service(db: Database) -> NoticeService:
    clock, scheduler = ManualClock(NOW), ClockScheduler()
    consultations = ConsultationService(db, clock, scheduler, escalate_after_days=3)
    return NoticeService(db, clock, consultations, scheduler=scheduler)


async def meeting_of(db: Database, setup: Council) -> Meeting:
    async with db.transaction() as conn:
        return await meetings.create_meeting(
            conn,
            body_id=setup.body.id,
            form=MeetingForm.IN_PERSON,
            starts_at=NOW + timedelta(days=10),
            vote_deadline=None,
            place="Актовый зал",
            extraordinary=False,
            short_notice_confirmed_by=None,
            created_by=setup.secretary.id,
            now=NOW,
        )


async def announcement(db: Database, meeting: Meeting) -> int:
    async with db.transaction() as conn:
        notice = await notices.add_notice(
            conn, meeting_id=meeting.id, kind=NoticeKind.ANNOUNCEMENT, due_at=NOW, now=NOW
        )
    return notice.id


async def test_recipients_are_fixed_once_and_the_secretary_hears_of_the_missed(
    db: Database,
) -> None:
    setup = await council(db, coordinator_id=1, secretary_id=2)
    on_paper = await person(db, "Орлова Галина Фёдоровна", telegram_id=None)
    await member(db, setup.body, on_paper)
    notice_id = await announcement(db, await meeting_of(db, setup))
    notices_ = service(db)

    prepared = await notices_.prepare(notice_id)
    assert prepared is not None
    # Only the secretary is on Telegram; the member without it is recorded, not sent to.
    assert [r.person.id for r in prepared.recipients if r.person] == [setup.secretary.id]
    first = prepared.recipients[0]
    assert await notices_.sending(first.delivery)
    # While it is being sent it is that sender's own: a second look finds nobody to serve.
    meanwhile = await notices_.prepare(notice_id)
    assert meanwhile is not None
    assert meanwhile.recipients == []
    # A restart mid-send (start-up puts what was in flight back): the same recipients again,
    # no new rows.
    async with db.transaction() as conn:
        await notices.requeue_interrupted(conn)
    again = await notices_.prepare(notice_id)
    assert again is not None
    assert [r.delivery.id for r in again.recipients] == [first.delivery.id]

    await notices_.delivered(first, "sent", None)
    assert await notices_.finish(notice_id)
    assert not await notices_.finish(notice_id)  # the secretary is told once
    undelivered = await notices_.undelivered(prepared.ctx)
    assert undelivered is not None
    assert [(p.id, status) for p, status in undelivered.missed] == [(on_paper.id, "no_telegram")]
    assert [p.id for p in undelivered.secretaries] == [setup.secretary.id]
    assert await notices_.prepare(notice_id) is None  # done: nothing more to send


async def test_nothing_goes_out_for_a_cancelled_meeting_but_its_cancellation(
    db: Database,
) -> None:
    setup = await council(db, coordinator_id=1, secretary_id=2)
    meeting = await meeting_of(db, setup)
    notice_id = await announcement(db, meeting)
    async with db.transaction() as conn:
        await meetings.cancel(conn, meeting.id, by=setup.secretary.id, now=NOW)
    assert await service(db).prepare(notice_id) is None
    async with db.read() as conn:
        notice = await notices.get_notice(conn, notice_id)
    assert notice is not None
    assert notice.status == "cancelled"
