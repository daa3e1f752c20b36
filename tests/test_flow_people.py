"""Newcomers: invitations that work and those that do not, teachers, language, forms."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.model import Role
from handlers.menu import MenuCb, MenuScreen
from handlers.roster import BodyAction, BodyCb
from storage import bodies, people
from tests.factories import council, person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import invitation_link

SECRETARY = 2002


async def test_invitation_expires_and_gets_used_up(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    token = await invitation_link(secretary, "член", "1 человек", "1 день")

    first = app.person(3001, "Игорь")
    await first.send(f"/start {token}")
    await first.press("✅ Согласен(на)")
    await first.send("Белов Игорь Николаевич")
    await first.send("МОУ СОШ № 2")
    await first.send("физика")
    assert "Готово! Вы в «Методический совет» — роль: член." in first.texts_since(0)

    second = app.person(3002, "Ольга")
    await second.send(f"/start {token}")
    assert "уже присоединилось столько человек" in second.last_text

    token = await invitation_link(secretary, "приглашённый", "5 человек", "1 день")
    app.clock.advance(timedelta(days=1, minutes=1))
    late = app.person(3003, "Вера")
    await late.send(f"/start {token}")
    assert "Срок этого приглашения истёк" in late.last_text

    stranger = app.person(3004, "Пётр")
    await stranger.send("/start nosuchtoken123")
    assert "Такого приглашения нет" in stranger.last_text

    async with app.db.read() as conn:
        roster = await bodies.roster(conn, setup.body.id)
    assert [e.person.full_name for e in roster if e.membership.role is Role.MEMBER] == [
        "Белов Игорь Николаевич"
    ]


async def test_half_finished_form_survives_a_restart(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    token = await invitation_link(secretary, "член", "5 человек", "7 дней")
    newcomer = app.person(3001, "Игорь")
    await newcomer.send(f"/start {token}")
    await newcomer.press("✅ Согласен(на)")
    await newcomer.send("Белов Игорь Николаевич")

    await app.restart()

    await newcomer.send("МОУ СОШ № 2")
    assert "предмет" in newcomer.last_text
    await newcomer.send("физика")
    assert any("Готово" in text for text in newcomer.texts_since(0))


async def test_bad_answers_in_a_form_get_a_clear_answer_and_cancel_leaves(
    app: BotUnderTest,
) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    token = await invitation_link(secretary, "член", "5 человек", "7 дней")
    newcomer = app.person(3001, "Игорь")
    await newcomer.send(f"/start {token}")
    await newcomer.press("✅ Согласен(на)")
    await newcomer.send("Игорь")
    assert "например: Иванова Мария Петровна" in newcomer.last_text
    await newcomer.send("Бел0в Игорь")
    assert "только буквы" in newcomer.last_text
    await newcomer.upload("photo.jpg", b"\xff\xd8", mime_type="image/jpeg")
    assert "текстом" in newcomer.last_text
    await newcomer.send("/cancel")
    assert "отменено" in newcomer.last_text
    await newcomer.send("Белов Игорь Николаевич")
    assert "Не понял" in newcomer.last_text
    async with app.db.read() as conn:
        assert await people.get_by_telegram(conn, 3001) is None


async def test_a_teacher_registers_without_invitation_and_sees_no_body(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    teacher = app.person(6006, "Мария")
    await teacher.send("/start")
    assert "педагог" in teacher.last_text
    await teacher.press("Зарегистрироваться как педагог")
    await teacher.press("✅ Согласен(на)")
    await teacher.send("Иванова Мария Петровна")
    await teacher.send("МОУ СОШ № 5")
    await teacher.send("биология")
    assert "вы зарегистрированы" in " ".join(teacher.texts_since(0))
    assert teacher.buttons() == ["💬 Консультации", "👤 Мои данные", "🌐 Язык / Language"]

    async with app.db.read() as conn:
        registered = await people.get_by_telegram(conn, 6006)
    assert registered is not None
    assert registered.organisation_id == setup.organisation.id
    assert registered.subject == "биология"

    # A forged button for the council's screen shows nothing of it.
    answer = await teacher.press_data(
        MenuCb(screen=MenuScreen.BODY, id=setup.body.id).pack(), in_message=teacher.last
    )
    assert answer.show_alert
    assert "не найдены" in (answer.text or "")
    answer = await teacher.press_data(
        BodyCb(action=BodyAction.LIST, id=setup.body.id).pack(), in_message=teacher.last
    )
    assert "не найдены" in (answer.text or "")


async def test_english_speaker_gets_english_and_can_switch_language(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Anna")
    teacher = app.person(7007, "John", language_code="en")
    await teacher.send("/start")
    assert "Register as a teacher" in teacher.buttons()
    await teacher.send("/language")
    await teacher.press("Русский")
    assert "по-русски" in teacher.last_text
    await teacher.send("/help")
    assert "главное меню" in teacher.last_text

    # A registered person's choice is stored with them.
    await secretary.send("/language")
    await secretary.press("English")
    assert "speaks English" in secretary.last_text
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("👥 Members")
    assert "Петрова Анна Сергеевна — secretary" in secretary.last_text
    async with app.db.read() as conn:
        stored = await people.get_by_telegram(conn, SECRETARY)
    assert stored is not None
    assert stored.locale == "en"


async def test_commands_are_registered_in_both_languages(app: BotUnderTest) -> None:
    ru = app.fake.commands[("default", "")]
    en = app.fake.commands[("default", "en")]
    assert [c["command"] for c in ru] == [
        "start",
        "menu",
        "meetings",
        "minutes",
        "consult",
        "plan",
        "profile",
        "mydata",
        "language",
        "id",
        "cancel",
        "help",
    ]
    assert [c["command"] for c in en] == [c["command"] for c in ru]
    assert ru[1]["description"] == "Главное меню"
    assert en[1]["description"] != ru[1]["description"]


async def test_an_existing_person_joins_a_second_body_without_retyping(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    token = await invitation_link(secretary, "член", "5 человек", "7 дней")
    known = await person(
        app.db, "Белов Игорь Николаевич", telegram_id=3001, organisation_id=setup.organisation.id
    )
    igor = app.person(3001, "Игорь")
    await igor.send(f"/start {token}")
    assert "Готово! Вы в «Методический совет» — роль: член." in igor.texts_since(0)
    await igor.send(f"/start {token}")
    assert "уже состоите" in igor.last_text
    async with app.db.read() as conn:
        membership = await bodies.active_membership(
            conn, body_id=setup.body.id, person_id=known.id
        )
    assert membership is not None
    assert membership.role is Role.MEMBER
