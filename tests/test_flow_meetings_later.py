"""What happens between the announcement and the meeting: proposals, answers, reminders,
moving and cancelling, the group, and restarts."""

from __future__ import annotations

import asyncio
import contextlib
import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.delivery.notices import WORKERS
from bot.views.notice_texts import MeetingAction, MeetingCb
from storage.schema import agenda_items, deliveries, notices
from tests.factories import council, members, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import announce

SECRETARY = 2002
# The meeting of these tests: Thursday 11.03.2027 15:00 Moscow = 12:00 UTC.
MEETING = datetime(2027, 3, 11, 12, 0, tzinfo=UTC)


async def until(app: BotUnderTest, moment: datetime) -> None:
    await app.advance(moment - app.clock.now())


def count(person: Person, text: str) -> int:
    return sum(text in m.text for m in person.bot_messages)


async def test_proposals_are_taken_until_two_days_before(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [ivanova, belova] = await members(app.db, setup.body, 2)
    secretary = app.person(SECRETARY, "Анна")
    first = app.person(ivanova.telegram_id or 0, "И")
    second = app.person(belova.telegram_id or 0, "Б")
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await app.run_due()

    # Three days before: after the agenda went out, a proposal is still welcome.
    await until(app, MEETING - timedelta(days=3))
    await first.press("Открыть заседание")
    await first.press("✍️ Предложить вопрос")
    await first.send("О подготовке к конкурсу «Учитель года»")
    assert "Предложение отправлено" in first.last_text
    offer = await secretary.wait_for("предлагает вопрос в повестку")
    assert "О подготовке к конкурсу «Учитель года»" in offer.text
    accept_data = offer.inline_keyboard[0][0]["callback_data"]
    await secretary.press("✅ Принять", in_message=offer)
    assert "Принято" in secretary.last_text
    assert "принято и добавлено в повестку" in (await first.wait_for("принято")).text
    await app.run_due()
    update = await second.wait_for("📋 В повестку добавлен вопрос")
    assert "2. О подготовке к конкурсу «Учитель года»" in update.text

    # Pressed twice, the decision does not change anything.
    again = await secretary.press_data(accept_data, in_message=offer)
    assert "уже принято решение" in (again.text or "")

    # Another proposal, rejected with a comment.
    await second.press("Открыть заседание")
    await second.press("✍️ Предложить вопрос")
    await second.send("О летнем отдыхе")
    offer = await secretary.wait_for("О летнем отдыхе")
    await secretary.press("❌ Отклонить", in_message=offer)
    await secretary.send("Рассмотрим в мае")
    rejection = await second.wait_for("отклонено")
    assert "Рассмотрим в мае" in rejection.text

    # One day before: no button, and an old button says until when it was possible.
    await until(app, MEETING - timedelta(days=1))
    old_card = first.last
    await first.press("Открыть заседание", in_message=first.bot_messages[0])
    assert "✍️ Предложить вопрос" not in first.buttons()
    late = await first.press(
        "✍️ Предложить вопрос",
        in_message=next(m for m in first.bot_messages if "✍️ Предложить вопрос" in m.buttons),
    )
    assert "до 09.03.2027 15:00" in (late.text or "")
    assert old_card is not None
    async with app.db.read() as conn:
        titles = (await conn.execute(select(agenda_items.c.title))).scalars().all()
    assert titles == [
        "О плане работы на второе полугодие",
        "О подготовке к конкурсу «Учитель года»",
    ]


async def test_answers_count_toward_the_quorum_and_decliners_get_no_reminders(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [a, b, c, d] = await members(app.db, setup.body, 4)
    secretary = app.person(SECRETARY, "Анна")
    people = [app.person(m.telegram_id or 0, f"M{i}") for i, m in enumerate((a, b, c, d))]
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await app.run_due()
    answer = await people[0].press("❌ Не смогу")
    assert "не сможете прийти" in (answer.text or "")
    await people[1].press("✅ Приду")
    await people[2].press("✅ Приду")
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    # Five voting members (the secretary and four), quorum one half: 3 needed.
    assert "Придут 2 из 5, нужно 3 (не смогут: 1)" in secretary.last_text

    await until(app, MEETING - timedelta(days=1))
    assert count(people[0], "заседание завтра") == 0
    assert [count(p, "заседание завтра") for p in people[1:]] == [1, 1, 1]
    await until(app, MEETING - timedelta(hours=1))
    assert count(people[0], "через час") == 0
    assert count(people[3], "через час") == 1
    await until(app, MEETING + timedelta(days=1))
    assert count(people[3], "через час") == 1  # nothing twice


async def test_moving_and_cancelling_take_every_pending_notice_along(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [ivanova] = await members(app.db, setup.body, 1)
    secretary = app.person(SECRETARY, "Анна")
    member_chat = app.person(ivanova.telegram_id or 0, "И")
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await app.run_due()

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("🔁 Перенести")
    await secretary.send("18.03.2027 15:00")
    assert "перенесено на четверг, 18.03.2027 15:00" in secretary.last_text
    await app.run_due()
    moved = await member_chat.wait_for("🔁 Заседание перенесено")
    assert "Было: четверг, 11.03.2027 15:00" in moved.text
    assert "Когда: четверг, 18.03.2027 15:00" in moved.text
    assert b"SEQUENCE:1" in member_chat.documents[-1].content

    # The agenda now goes out five days before the new date, not the old one: at 09:00
    # Moscow time (06:00 UTC) on 13.03.
    await until(app, datetime(2027, 3, 13, 5, 59, tzinfo=UTC))
    assert count(member_chat, "📋 Повестка заседания") == 0
    await app.advance(timedelta(minutes=1))
    assert count(member_chat, "📋 Повестка заседания") == 1

    await secretary.send("/meetings")
    await secretary.press("четверг, 18.03.2027 15:00 — Методический совет")
    await secretary.press("❌ Отменить")
    await secretary.press("Да, отменить заседание")
    assert "ЗАСЕДАНИЕ ОТМЕНЕНО" in secretary.last_text
    await app.run_due()
    cancelled = await member_chat.wait_for("❌ Заседание отменено.")
    assert cancelled.buttons == []
    assert b"METHOD:CANCEL" in member_chat.documents[-1].content
    before = len(member_chat.bot_messages)
    await until(app, datetime(2027, 3, 20, tzinfo=UTC))
    assert len(member_chat.bot_messages) == before  # no reminder for a cancelled meeting


async def test_a_restart_between_six_and_four_days_before_still_sends_the_agenda_once(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [ivanova] = await members(app.db, setup.body, 1)
    secretary = app.person(SECRETARY, "Анна")
    member_chat = app.person(ivanova.telegram_id or 0, "И")
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await app.run_due()
    await until(app, MEETING - timedelta(days=6))
    await app.stop()
    app.clock.set(MEETING - timedelta(days=4))  # the bot was down when the agenda fell due
    await app.start()
    assert app.scheduler.due, "start-up arms the open notices again"
    await app.run_due()
    assert count(member_chat, "📋 Повестка заседания") == 1
    await app.restart()
    await app.run_due()
    assert count(member_chat, "📋 Повестка заседания") == 1


async def test_a_restart_in_the_middle_of_a_broadcast_serves_everyone_exactly_once(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    crowd = await members(app.db, setup.body, 40)
    secretary = app.person(SECRETARY, "Анна")
    chats = [app.person(m.telegram_id or 0, "M") for m in crowd]
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await app.run_due()
    await until(app, MEETING - timedelta(days=6))

    app.clock.set(MEETING - timedelta(days=5))
    app.fake.stall_sends(after=15)
    broadcast = asyncio.create_task(app.run_due())
    # Every worker ends up waiting on a send that Telegram has not answered: those are in
    # flight, and everything before them was sent and recorded.
    for _ in range(500):
        if app.fake.stalled == WORKERS:
            break
        await asyncio.sleep(0.01)
    assert app.fake.stalled == WORKERS, "the broadcast reached the stall"
    broadcast.cancel()  # the process dies here, with sends in flight
    with contextlib.suppress(asyncio.CancelledError):
        await broadcast
    await app.stop()
    app.fake.release_stalled()
    everyone = [secretary, *chats]  # the secretary is on the roster too
    assert sum(count(chat, "📋 Повестка заседания") for chat in everyone) == 15

    await app.start()
    await app.run_due()
    assert [count(chat, "📋 Повестка заседания") for chat in everyone] == [1] * 41
    async with app.db.read() as conn:
        statuses = (
            (
                await conn.execute(
                    select(deliveries.c.status)
                    .join(notices, notices.c.id == deliveries.c.notice_id)
                    .where(notices.c.kind == "agenda")
                )
            )
            .scalars()
            .all()
        )
    assert sorted(set(statuses)) == ["sent"]


async def test_blocked_members_are_reported_and_flood_control_is_waited_out(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [ivanova, belova] = await members(app.db, setup.body, 2)
    secretary = app.person(SECRETARY, "Анна")
    patient = app.person(belova.telegram_id or 0, "Б")
    app.person(ivanova.telegram_id or 0, "И")
    app.fake.block(ivanova.telegram_id or 0)
    await announce(secretary)
    await secretary.press("📣 Объявить")
    app.fake.fail_next("sendMessage", retry_after=1)
    await app.run_due()
    assert count(patient, "📅 Объявлено заседание.") == 1
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📬 Доставка извещений")
    assert re.search(r"Абрамова .* — объявление: не получает сообщения", secretary.last_text)


async def test_announcements_reach_the_linked_group_but_nothing_personal_does(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    await members(app.db, setup.body, 1)
    secretary = app.person(SECRETARY, "Анна")
    group = app.fake.group(-100777, "Методсовет Луга")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("🔗 Группа в Telegram")
    code = re.search(r"/link (\w+)", secretary.last_text)
    assert code is not None
    await person(app.db, "Чужой Пётр Петрович", telegram_id=9009)
    stranger = app.person(9009, "Пётр")
    await stranger.send_to(group, f"/link {code.group(1)}")
    assert "Код не подходит" in group.last_text
    await secretary.send_to(group, f"/link {code.group(1)}")
    assert "Группа привязана к «Методический совет»" in group.last_text

    await announce(secretary, form="гибридное")
    await secretary.press("📣 Объявить")
    await app.run_due()
    posted = await group.wait_for("📅 Объявлено заседание.")
    assert posted.buttons == []
    await until(app, MEETING - timedelta(hours=1))
    texts = [m.text for m in group.bot_messages]
    assert any(t.startswith("📋 Повестка заседания") for t in texts)
    assert not any("опросный лист придёт" in t for t in texts)
    assert not any("Напоминание" in t for t in texts)


async def test_meeting_buttons_act_only_for_those_the_meeting_belongs_to(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [ivanova] = await members(app.db, setup.body, 1)
    secretary = app.person(SECRETARY, "Анна")
    member_chat = app.person(ivanova.telegram_id or 0, "И")
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await app.run_due()
    await person(app.db, "Чужой Пётр Петрович", telegram_id=9009)
    outsider = app.person(9009, "Пётр")
    await outsider.send("/menu")
    # Someone else's meeting (and body: `new` takes one), pressed as the buttons pack them.
    meeting_one = [
        MeetingCb(action=action, id=1).pack()
        for action in (
            MeetingAction.CARD,
            MeetingAction.YES,
            MeetingAction.CANCEL_YES,
            MeetingAction.NEW,
            MeetingAction.REPORT,
        )
    ]
    for forged in meeting_one:
        answer = await outsider.press_data(forged, in_message=outsider.last)
        assert answer.show_alert, forged
        assert "не найден" in (answer.text or ""), forged
    # A member may answer and propose, but not move, cancel or read the delivery report.
    managing = (
        MeetingAction.CANCEL_YES,
        MeetingAction.REPORT,
        MeetingAction.MOVE,
        MeetingAction.NEW,
    )
    for forged in (MeetingCb(action=action, id=1).pack() for action in managing):
        answer = await member_chat.press_data(forged, in_message=member_chat.bot_messages[0])
        assert "Это может сделать только" in (answer.text or ""), forged
    async with app.db.read() as conn:
        statuses = (await conn.execute(select(notices.c.status))).scalars().all()
    assert "cancelled" not in statuses
