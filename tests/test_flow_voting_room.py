"""Voting in the room and in hybrid meetings; questions added to open ballots; reminders."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select, update

from handlers.voting import VoteAction, VoteCb
from storage.schema import bodies as bodies_table
from storage.schema import meetings
from tests.factories import council, members
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import BALLOTS_OPEN, ITEMS, MEETING, announce, until

SECRETARY = 2002


async def test_in_the_room_attendance_check_in_and_open_votes(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    async with app.db.transaction() as conn:
        await conn.execute(update(bodies_table).values(chair_casting_vote=True))
    [a, b, c, d] = await members(app.db, setup.body, 4)
    secretary = app.person(SECRETARY, "Анна")
    latecomer = app.person(c.telegram_id or 0, "В")
    absent = app.person(d.telegram_id or 0, "Г")
    await announce(secretary, items=ITEMS)
    await secretary.press("📣 Объявить")
    await until(app, MEETING)

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("🏛 Заседание в зале")
    screen = secretary.last_text
    code = re.search(r"Код для отметки: (\d{4})", screen)
    assert code is not None
    assert "Участвуют 0 из 5: кворума нет (нужно 3); для решений нужно 4." in screen
    await secretary.press("▫️ Петрова Анна Сергеевна")
    await secretary.press(f"▫️ {a.full_name}")
    await secretary.press(f"▫️ {b.full_name}")
    assert "Участвуют 3 из 5: кворум есть (нужно 3)" in secretary.last_text

    await latecomer.send("/here 0000" if code.group(1) != "0000" else "/here 9999")
    assert "Код не подходит" in latecomer.last_text
    await latecomer.send(f"/here {code.group(1)}")
    assert "Вы отмечены" in latecomer.last_text

    await secretary.press("🗳 Голосование: вопрос 1")
    await secretary.send("10 2 1")
    assert "в зале голосуют 4" in secretary.last_text
    await secretary.send("3 1 0")
    await secretary.press("За")  # the chair's vote, asked because the body gives it weight
    assert "Вопрос 1: за — 3, против — 1, воздержались — 0." in secretary.last_text
    await secretary.press("🗳 Голосование: вопрос 2")
    await secretary.send("2 2 0")
    await secretary.press("За")
    await secretary.press("✅ Завершить голосование и подвести итоги")
    await secretary.press("Да, завершить")
    await app.run_due()
    result = await absent.wait_for("📊 Итоги")
    assert "Участвовали 4 из 5: заседание правомочно (кворум — 3)." in result.text
    assert "За — 3, Против — 1, Воздержались — 0.\nРешение принято." in result.text
    assert (
        "За — 2, Против — 2, Воздержались — 0.\nРешение принято решающим голосом председателя."
        in result.text
    )
    named = await secretary.wait_for("📊 Итоги")
    assert "1. В зале: за — 3, против — 1, воздержались — 0" in named.text

    # Closed: pressing the room again changes nothing.
    toggle_d = VoteCb(action=VoteAction.TOGGLE, meeting=1, person=d.id)
    again = await secretary.press_data(toggle_d.pack(), in_message=secretary.last)
    assert "уже завершено" in (again.text or "")


async def test_a_hybrid_meeting_merges_remote_ballots_with_the_room(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [a, b, c, d] = await members(app.db, setup.body, 4)
    secretary = app.person(SECRETARY, "Анна")
    remote = [app.person(m.telegram_id or 0, "R") for m in (a, b)]
    await announce(secretary, form="гибридное", items=ITEMS[:1])
    await secretary.press("📣 Объявить")
    await until(app, BALLOTS_OPEN)
    for chat in remote:
        await chat.press("1 · За")
        await chat.press("✍️ Подписать и отправить")

    await until(app, MEETING)  # the deadline: remote ballots close, the room goes on
    assert not any("📊 Итоги" in m.text for m in remote[0].bot_messages)
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("🏛 Заседание в зале")
    assert f"🗳 {a.full_name}" in secretary.buttons()  # voted remotely
    await secretary.press(f"▫️ {c.full_name}")
    await secretary.press(f"▫️ {d.full_name}")
    assert "Участвуют 4 из 5" in secretary.last_text
    await secretary.press("🗳 Голосование: вопрос 1")
    await secretary.send("2 1 0")
    assert "в зале голосуют 2" in secretary.last_text  # those present without a ballot
    await secretary.send("1 1 0")
    await secretary.press("✅ Завершить голосование и подвести итоги")
    await secretary.press("Да, завершить")
    await app.run_due()
    result = await remote[0].wait_for("📊 Итоги")
    assert "Участвовали 4 из 5" in result.text
    assert "За — 3, Против — 1, Воздержались — 0.\nРешение принято." in result.text
    async with app.db.read() as conn:
        stored = (await conn.execute(select(meetings.c.results))).scalar_one()
    assert stored["items"][0]["for"] == 3


async def test_a_signed_member_keeps_their_votes_when_a_question_is_added(
    app: BotUnderTest,
) -> None:
    """Signed, then a question is added and they never answer it: their signed answer on the
    first question still counts in the result."""
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [a, b] = await members(app.db, setup.body, 2)
    secretary = app.person(SECRETARY, "Анна")
    first, second = (app.person(m.telegram_id or 0, "M") for m in (a, b))
    await announce(secretary, form="заочное (по опросным листам)", items=ITEMS[:1])
    await secretary.press("📣 Объявить")
    await until(app, BALLOTS_OPEN)
    await first.press("1 · За")
    await first.press("✍️ Подписать и отправить")
    await second.press("Открыть заседание", in_message=second.bot_messages[0])
    await second.press("✍️ Предложить вопрос")
    await second.send("О летней школе педагогов")
    offer = await secretary.wait_for("О летней школе педагогов")
    await secretary.press("✅ Принять", in_message=offer)
    await app.run_due()
    await first.wait_for("Дополнительный опросный лист")
    whole = await second.wait_for("В опросный лист добавлен вопрос")
    await second.press("1 · За", in_message=whole)
    await second.press("2 · За")
    await second.press("✍️ Подписать и отправить")
    await until(app, MEETING + timedelta(minutes=1))
    result = await first.wait_for("📊 Итоги")
    first_item, second_item = result.text.split("2. О летней школе педагогов")
    assert "За — 2, Против — 0, Воздержались — 0." in first_item
    assert "За — 1, Против — 0, Воздержались — 0." in second_item


async def test_questions_added_after_the_ballots_opened_reach_every_voter(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [a, b] = await members(app.db, setup.body, 2)
    secretary = app.person(SECRETARY, "Анна")
    first, second = (app.person(m.telegram_id or 0, "M") for m in (a, b))
    await announce(secretary, form="заочное (по опросным листам)", items=ITEMS[:1])
    await secretary.press("📣 Объявить")
    await until(app, BALLOTS_OPEN)
    await first.press("1 · За")
    await first.press("✍️ Подписать и отправить")

    await second.press("Открыть заседание", in_message=second.bot_messages[0])
    await second.press("✍️ Предложить вопрос")
    await second.send("О летней школе педагогов")
    offer = await secretary.wait_for("О летней школе педагогов")
    await secretary.press("✅ Принять", in_message=offer)
    await app.run_due()
    update_ = await first.wait_for("В опросный лист добавлен вопрос")
    # Signed before: a supplementary ballot of the added question alone (issue 14, item 15).
    assert "Дополнительный опросный лист" in update_.text
    assert "остаются в силе (1 вопрос)" in update_.text
    assert "2. О летней школе педагогов" in update_.text
    assert ITEMS[0] not in update_.text
    assert update_.buttons == ["2 · За", "2 · Против", "2 · Возд."]
    # The one who had not signed gets the whole ballot again.
    whole = await second.wait_for("В опросный лист добавлен вопрос")
    assert ITEMS[0] in whole.text and "Дополнительный" not in whole.text
    await first.press("2 · Против", in_message=update_)
    assert "Ваш ответ: Против" in first.last_text

    # A day before the deadline the bot itself reminds those who have not signed.
    await until(app, MEETING - timedelta(days=1))
    assert any("не подписали опросный лист" in m.text for m in second.bot_messages)
    assert not any("не подписали опросный лист" in m.text for m in first.bot_messages)
