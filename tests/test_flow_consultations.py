"""A teacher asks, methodists of the asset answer, the coordinator sees it all."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import select

from bot.domain.model import BodyKind, Role
from bot.views.consultation_texts import ConsultCb
from storage import bodies, people
from storage.schema import consultations
from tests.factories import NOW, council, person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import (
    METHODIST_A,
    METHODIST_B,
    OTHER_TEACHER,
    TEACHER,
    ask,
    asset_with_methodists,
)


async def test_the_whole_life_of_a_consultation(app: BotUnderTest) -> None:
    await asset_with_methodists(app)
    teacher = app.person(TEACHER, "Мария")
    first, second = app.person(METHODIST_A, "Алла"), app.person(METHODIST_B, "Борис")
    await ask(teacher)
    assert "Запрос отправлен методистам (2)" in teacher.last_text
    offer = await first.wait_for("Новый запрос на консультацию")
    assert "Иванова Мария Петровна" in offer.text and offer.buttons == ["✋ Беру"]
    await first.press("✋ Беру", in_message=offer)
    assert "Запрос ваш" in first.last_text
    assert "Антонова Алла Борисовна" in (await teacher.wait_for("взял методист")).text
    await second.wait_for("взял(а) А. Б. Антонова")
    # Pressed a moment too late: the offer itself changes, no alert on top of the message.
    stale = second.bot_messages[0]
    late = await second.press("✋ Беру", in_message=stale)
    assert not late.text
    assert stale.text.startswith("Запрос № 1 взял(а) А. Б. Антонова.")
    assert "✋ Беру" not in stale.buttons

    await first.press("🕒 Предложить время")
    await first.send("15.03.2027 16:00")
    await first.send("онлайн, ссылка https://telemost.yandex.ru/j/123")
    proposal = await teacher.wait_for("предлагает время")
    assert "Предложено время: понедельник, 15.03.2027 16:00" in proposal.text
    await teacher.press("✅ Подтверждаю время", in_message=proposal)
    await first.wait_for("подтвердил время")

    # The day before, both get a reminder with a calendar file.
    reminder_at = datetime(2027, 3, 14, 13, 0, tzinfo=UTC)  # 16:00 in Moscow, a day before
    await app.advance(reminder_at - timedelta(minutes=1) - app.clock.now())
    assert not any("консультация завтра" in m.text for m in teacher.bot_messages)
    await app.advance(timedelta(minutes=1))
    assert any("консультация завтра" in m.text for m in teacher.bot_messages)
    assert any("консультация завтра" in m.text for m in first.bot_messages)
    assert b"BEGIN:VCALENDAR" in teacher.documents[-1].content

    await app.advance(timedelta(days=1, hours=2))
    await first.send("/consult")
    await first.press("📥 Запросы мне (1)")
    await first.press("№ 1 · назначена · Как выстроить наставничество для молод")
    await first.press("✅ Проведена")
    rate = await teacher.wait_for("Оцените её")
    await teacher.press("⭐⭐⭐⭐⭐", in_message=rate)
    await teacher.send("Очень помогло, спасибо!")
    assert "отзыв сохранён" in teacher.last_text
    async with app.db.read() as conn:
        row = (await conn.execute(select(consultations))).one()
    assert (row.status, row.rating, row.rating_comment) == ("done", 5, "Очень помогло, спасибо!")


async def test_two_methodists_press_at_once_and_exactly_one_wins(app: BotUnderTest) -> None:
    await asset_with_methodists(app)
    teacher = app.person(TEACHER, "Мария")
    first, second = app.person(METHODIST_A, "Алла"), app.person(METHODIST_B, "Борис")
    await ask(teacher)
    offers = [await chat.wait_for("Новый запрос") for chat in (first, second)]
    data = [m.inline_keyboard[0][0]["callback_data"] for m in offers]
    ids = [
        app.fake.post_callback_query(chat.user, offer, d)
        for chat, offer, d in zip((first, second), offers, data, strict=True)
    ]
    await app.fake.settle()
    # No alert for either: the winner's offer becomes theirs, the loser's says who took it.
    assert all(not app.fake.callback_answers[i].text for i in ids)
    assert sorted("Запрос ваш" in offer.text for offer in offers) == [False, True]
    assert sum("взял(а)" in offer.text for offer in offers) == 1
    async with app.db.read() as conn:
        row = (await conn.execute(select(consultations))).one()
        winner = await people.get_person(conn, row.methodist_id)
    assert row.status == "assigned"
    assert winner is not None and winner.telegram_id in {METHODIST_A, METHODIST_B}


async def test_nobody_takes_it_in_three_working_days_and_the_coordinator_assigns(
    app: BotUnderTest,
) -> None:
    await asset_with_methodists(app)
    teacher = app.person(TEACHER, "Мария")
    coordinator = app.person(ADMIN_ID, "Ольга")
    first = app.person(METHODIST_A, "Алла")
    await ask(teacher)  # Monday 01.03.2027 12:00 in Moscow
    deadline = datetime(2027, 3, 4, 9, 0, tzinfo=UTC)  # Thursday 12:00: three working days
    await app.advance(deadline - timedelta(minutes=1) - app.clock.now())
    assert not any("никто не взял" in m.text for m in coordinator.bot_messages)
    await app.advance(timedelta(minutes=1))
    escalated = await coordinator.wait_for("никто не взял")
    await coordinator.press("👤 Назначить методиста", in_message=escalated)
    await coordinator.press("Антонова Алла Борисовна")
    assert "Координатор назначил методиста" in (await first.wait_for("назначил")).text
    assert "Антонова Алла Борисовна" in (await teacher.wait_for("назначил")).text


async def test_with_no_methodist_at_all_the_coordinator_is_told_at_once(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=2002)
    await person(
        app.db,
        "Иванова Мария Петровна",
        telegram_id=TEACHER,
        organisation_id=setup.organisation.id,
    )
    teacher = app.person(TEACHER, "Мария")
    coordinator = app.person(ADMIN_ID, "Ольга")
    await ask(teacher)
    assert "передан координатору" in teacher.last_text
    assert "Новый запрос на консультацию" in (await coordinator.wait_for("Новый запрос")).text


async def test_a_teacher_cannot_see_or_touch_another_teachers_request(app: BotUnderTest) -> None:
    await asset_with_methodists(app)
    teacher = app.person(TEACHER, "Мария")
    intruder = app.person(OTHER_TEACHER, "Пётр")
    await ask(teacher)
    await intruder.send("/consult")
    assert not any("Мои запросы" in b for b in intruder.buttons())
    # Someone else's request, number 1: every action on it, with the classes' own packing.
    for forged in (
        ConsultCb(action="show", id=1).pack(),
        ConsultCb(action="cancel", id=1).pack(),
        ConsultCb(action="confirm", id=1).pack(),
        ConsultCb(action="rate", id=1, value=5).pack(),
        ConsultCb(action="take", id=1).pack(),
    ):
        answer = await intruder.press_data(forged, in_message=intruder.last)
        assert "не найден" in (answer.text or ""), forged
    async with app.db.read() as conn:
        row = (await conn.execute(select(consultations))).one()
    assert row.status == "offered"


async def test_the_coordinator_reports_a_period_as_text_csv_and_xlsx(app: BotUnderTest) -> None:
    await asset_with_methodists(app)
    teacher = app.person(TEACHER, "Мария")
    first = app.person(METHODIST_A, "Алла")
    coordinator = app.person(ADMIN_ID, "Ольга")
    await ask(teacher)
    offer = await first.wait_for("Новый запрос")
    app.clock.advance(timedelta(hours=2))
    await first.press("✋ Беру", in_message=offer)
    await coordinator.send("/consult")
    await coordinator.press("📊 Отчёт")
    await coordinator.press("Текущий месяц")
    summary = next(
        m.text for m in coordinator.bot_messages if m.text.startswith("📊 Консультации")
    )
    assert "всего 1" in summary
    assert "до взятия: 2,0 ч" in summary
    csv_file, xlsx_file = coordinator.documents[-2:]
    table = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["№", "Создан", "Состояние"]
    assert table[1][1] == "01.03.2027 12:00"
    assert "Иванова Мария Петровна" in table[1]
    assert table[1][8] == "2,0"
    workbook = load_workbook(io.BytesIO(xlsx_file.content))
    assert workbook.sheetnames == ["Запросы", "Итоги"]


async def test_a_methodist_who_joins_is_asked_and_offered_their_own_subject(
    app: BotUnderTest,
) -> None:
    """Issue 14, item 5: joining with «русский язык» offered requests of every subject
    («любым / любым») and never asked. Now joining asks, prefilled with their subject, and a
    request of another subject is not offered to them."""
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=2002, kind=BodyKind.ASSET)
    teacher = "Иванова Мария Петровна"
    await person(app.db, teacher, telegram_id=TEACHER, organisation_id=setup.organisation.id)
    secretary = app.person(2002, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("✉️ Пригласить")
    await secretary.press("член, методист")
    await secretary.press("5 человек")
    await secretary.press("7 дней")
    token = secretary.last_text.split("?start=")[1].split()[0]
    newcomer = app.person(6003, "Галина")
    await newcomer.send(f"/start {token}")
    await newcomer.press("✅ Согласен(на)")
    await newcomer.send("Смирнова Галина Петровна")
    await newcomer.send("МОУ СОШ № 2")
    await newcomer.send("русский язык")
    asked = await newcomer.wait_for("Вы методист актива")
    assert "по предметам: русский язык" in asked.text
    assert "✏️ Предметы" in asked.buttons
    await newcomer.press("Молодые педагоги и наставничество", in_message=asked)
    assert "по направлениям: Молодые педагоги и наставничество" in newcomer.last_text

    await ask(app.person(TEACHER, "Мария"))  # a request on mathematics
    assert not any("Новый запрос" in m.text for m in newcomer.bot_messages)


async def test_tutoring_during_advanced_training_courses_is_a_direction(app: BotUnderTest) -> None:
    """Luga asset 3.2: «тьюторское сопровождение … в ходе прохождения … курсов повышения
    квалификации» is a direction a teacher can ask for."""
    await asset_with_methodists(app)
    direction = "Тьюторское сопровождение на курсах повышения квалификации"
    teacher, methodist = app.person(TEACHER, "Мария"), app.person(METHODIST_A, "Алла")
    await ask(teacher, direction=direction)
    offer = await methodist.wait_for("Новый запрос на консультацию")
    assert direction in offer.text


async def test_the_teacher_hears_how_many_methodists_the_request_reached_and_who_not(
    app: BotUnderTest,
) -> None:
    setup = await asset_with_methodists(app)
    paper = await person(
        app.db,
        "Волкова Вера Ильинична",
        telegram_id=None,
        organisation_id=setup.organisation.id,
    )
    async with app.db.transaction() as conn:
        await bodies.add_membership(
            conn,
            body_id=setup.body.id,
            person_id=paper.id,
            role=Role.MEMBER,
            is_methodist=True,
            changed_by=None,
            now=NOW,
        )
    teacher = app.person(TEACHER, "Мария")
    reader = app.person(METHODIST_A, "Алла")
    app.person(METHODIST_B, "Борис")
    app.fake.block(METHODIST_B)

    await ask(teacher)
    sent = teacher.last_text
    assert "Запрос отправлен методистам (1)." in sent
    assert "Борисов Борис Игоревич (не получает сообщения бота)" in sent
    assert "Волкова Вера Ильинична (нет Telegram)" in sent
    assert "Антонова" not in sent
    assert any("Как выстроить наставничество" in m.text for m in reader.bot_messages)
