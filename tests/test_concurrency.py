"""Two writers at once, as two processes on one PostgreSQL database would be (two engines, two
connection pools): the numbers handed out as "the last one + 1" never repeat and a notice is
never sent twice. On SQLite the same tests hold through its single writer."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery.ratelimit import RateLimiter
from bot.domain.meetings import MeetingForm, NoticeKind
from bot.domain.records import Meeting
from bot.main.app import build_dispatcher, make_bot
from storage import meetings, minutes, notices
from storage.db import Database
from tests import factories
from tests.clock import ClockScheduler
from tests.harness import BotUnderTest

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
ROUNDS = 20


@pytest.fixture
async def second(db: Database) -> AsyncIterator[Database]:
    """Another engine on the same database: a second process."""
    other = Database(db.url)
    try:
        yield other
    finally:
        await other.dispose()


async def _meeting(db: Database, body_id: int, created_by: int, day: int) -> Meeting:
    async with db.transaction() as conn:
        return await meetings.create_meeting(
            conn,
            body_id=body_id,
            form=MeetingForm.IN_PERSON,
            starts_at=NOW + timedelta(days=day),
            vote_deadline=None,
            place="Актовый зал",
            extraordinary=False,
            short_notice_confirmed_by=None,
            created_by=created_by,
            now=NOW,
        )


async def _at_once(*writers: Callable[[], Awaitable[object]]) -> None:
    await asyncio.gather(*(writer() for writer in writers))


async def test_two_writers_never_hand_out_the_same_number(db: Database, second: Database) -> None:
    council = await factories.council(db, coordinator_id=3001, secretary_id=3002)
    body, by = council.body.id, council.coordinator.id
    agenda_of = await _meeting(db, body, by, 0)
    days = iter(range(1, 2 * ROUNDS + 1))
    closed = [await _meeting(db, body, by, next(days)) for _ in range(2 * ROUNDS)]
    targets = iter(closed)

    def item(database: Database, title: str) -> Callable[[], Awaitable[object]]:
        async def add() -> None:
            async with database.transaction() as conn:
                await meetings.add_item(
                    conn,
                    meeting_id=agenda_of.id,
                    title=title,
                    speaker=None,
                    needs_decision=True,
                    proposal_id=None,
                    now=NOW,
                )

        return add

    def protocol(database: Database) -> Callable[[], Awaitable[object]]:
        meeting = next(targets)

        async def create() -> None:
            async with database.transaction() as conn:
                await minutes.create(
                    conn,
                    meeting_id=meeting.id,
                    body_id=body,
                    year=2027,
                    number=None,
                    version=1,
                    texts={},
                    reason=None,
                    now=NOW,
                )

        return create

    for round_ in range(ROUNDS):
        await _at_once(
            item(db, f"Вопрос {round_}а"),
            item(second, f"Вопрос {round_}б"),
            protocol(db),
            protocol(second),
        )

    async with db.read() as conn:
        positions = [i.position for i in await meetings.agenda(conn, agenda_of.id)]
        numbers = [(await minutes.latest_of(conn, m.id)) for m in closed]
    assert sorted(positions) == list(range(1, 2 * ROUNDS + 1))
    assert sorted(m.number for m in numbers if m is not None) == list(range(1, 2 * ROUNDS + 1))


async def test_two_senders_at_once_send_each_notice_once(app: BotUnderTest) -> None:
    """The bot's own sender and a second process's, both delivering the same due notices."""
    council = await factories.council(app.db, coordinator_id=3001, secretary_id=3002)
    members = await factories.members(app.db, council.body, 3, first_id=4000)
    for who in [council.secretary, *members]:
        app.person(who.telegram_id or 0, who.full_name.split()[1])
    other_db = Database(app.db.url)
    other = build_dispatcher(app.settings, other_db, app.clock, scheduler=ClockScheduler())
    other_bot = make_bot(app.settings, limiter=RateLimiter(per_chat_interval=0.0))
    # The second one never polls: its start-up alone makes its sender.
    await other.emit_startup(bot=other_bot, dispatcher=other)
    senders = [app.dispatcher["notice_sender"], other["notice_sender"]]
    due = []
    try:
        for round_ in range(ROUNDS):
            meeting = await _meeting(app.db, council.body.id, council.coordinator.id, round_)
            async with app.db.transaction() as conn:
                notice = await notices.add_notice(
                    conn,
                    meeting_id=meeting.id,
                    kind=NoticeKind.ANNOUNCEMENT,
                    due_at=app.clock.now(),
                    now=app.clock.now(),
                )
            due.append(notice.id)
            await asyncio.gather(*(sender.deliver(notice.id) for sender in senders))
        await app.fake.settle()
    finally:
        await other.emit_shutdown(bot=other_bot, dispatcher=other)
        await other_bot.session.close()
        await other_db.dispose()

    chats = set()
    async with app.db.read() as conn:
        for notice_id in due:
            rows = await notices.deliveries_of_notice(conn, notice_id)
            assert [(row.status, row.attempts) for row in rows] == [("sent", 1)] * len(rows)
            chats |= {row.chat_id for row in rows}
    assert chats == {who.telegram_id for who in [council.secretary, *members]}
    sent = Counter(int(call["chat_id"]) for call in app.fake.calls_of("sendMessage"))
    assert sent == dict.fromkeys(chats, ROUNDS)
