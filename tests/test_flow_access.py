"""Everyone sees and does only what their role in that body allows, whatever buttons they send."""

from __future__ import annotations

from bot.domain.model import BodyKind
from bot.domain.rules import Fraction, RuleName
from handlers.invitations import InviteCb
from handlers.menu import MenuCb, MenuScreen
from handlers.roster import BodyAction, BodyCb, MemberAction, MemberCb
from handlers.setup import RuleCb
from storage import bodies
from tests.factories import council, member, person
from tests.harness import ADMIN_ID, BotUnderTest

SECRETARY = 2002
MEMBER = 3003


async def test_a_button_from_someone_elses_chat_changes_nothing(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    await person(app.db, "Белов Игорь Николаевич", telegram_id=MEMBER)
    secretary = app.person(SECRETARY, "Анна")
    intruder = app.person(MEMBER, "Игорь")
    await secretary.send("/menu")
    menu = secretary.last
    answer = await intruder.press_on_foreign(menu, "👥 Методический совет")
    assert answer.show_alert
    assert "Эта кнопка не ваша" in (answer.text or "")
    assert intruder.bot_messages == []
    assert secretary.last.text == menu.text


async def test_a_member_cannot_keep_the_roster_even_with_forged_buttons(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    belov = await person(app.db, "Белов Игорь Николаевич", telegram_id=MEMBER)
    await member(app.db, setup.body, belov)
    igor = app.person(MEMBER, "Игорь")
    await igor.send("/menu")
    assert "👥 Методический совет" not in igor.buttons()
    assert "📋 Мои советы и объединения" in igor.buttons()
    await igor.press("📋 Мои советы и объединения")
    assert "Методический совет — член" in igor.last_text

    async with app.db.read() as conn:
        roster = await bodies.roster(conn, setup.body.id)
    secretary_membership = next(e.membership.id for e in roster if e.person.id != belov.id)
    for forged in (
        BodyCb(action=BodyAction.LIST, id=setup.body.id).pack(),
        MemberCb(action=MemberAction.REMOVE_YES, id=secretary_membership).pack(),
        InviteCb(body=setup.body.id, role="c", uses=1, days=7).pack(),
        RuleCb(body=setup.body.id, rule=RuleName.QUORUM).pack(),
    ):
        answer = await igor.press_data(forged, in_message=igor.last)
        assert answer.show_alert, forged
        assert "Это может сделать только" in (answer.text or ""), forged
    async with app.db.read() as conn:
        assert len(await bodies.roster(conn, setup.body.id)) == 2


async def test_one_organisation_never_sees_another(app: BotUnderTest) -> None:
    luga = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    zyryanka = await council(
        app.db,
        coordinator_id=8008,
        secretary_id=8009,
        name="Управление образования Зырянского района",
        kind=BodyKind.ASSET,
    )
    other_coordinator = app.person(8008, "Виктор")
    await other_coordinator.send("/menu")
    assert "🏛 ИМЦ Лужского района" not in other_coordinator.buttons()
    for forged in (
        MenuCb(screen=MenuScreen.ORGANISATION, id=luga.organisation.id).pack(),
        MenuCb(screen=MenuScreen.BODY, id=luga.body.id).pack(),
    ):
        answer = await other_coordinator.press_data(forged, in_message=other_coordinator.last)
        assert answer.show_alert
        assert "не найдены" in (answer.text or "") or "Это может сделать только" in (
            answer.text or ""
        )
    await other_coordinator.press(f"🏛 {zyryanka.organisation.name}")
    assert "Методический актив: Методический совет" in other_coordinator.buttons()


async def test_the_coordinator_changes_the_rules_and_nobody_else_can(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    coordinator = app.person(ADMIN_ID, "Ольга")
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("Методический совет: Методический совет")
    await coordinator.press("⚙️ Правила")
    assert "Кворум (заседание правомочно): 1/2" in coordinator.last_text
    await coordinator.press("Кворум")
    await coordinator.send("половина")
    assert "Напишите дробь" in coordinator.last_text
    await coordinator.send("2/3")
    assert "Сохранено" in coordinator.last_text
    assert "Кворум (заседание правомочно): 2/3" in coordinator.last_text
    await coordinator.press("Голос председателя")
    assert "Решающий голос председателя при равенстве: да" in coordinator.last_text
    await coordinator.press("Предложения")
    await coordinator.send("7")
    assert "срок предложений должен быть меньше срока извещения" in coordinator.last_text

    async with app.db.read() as conn:
        body = await bodies.get_body(conn, setup.body.id)
    assert body is not None
    assert body.rules.quorum == Fraction(2, 3)
    assert body.rules.chair_casting_vote
    assert body.rules.proposal_days == 2

    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    assert "⚙️ Правила" not in secretary.buttons()


async def test_a_failure_on_telegrams_side_gets_an_apology_not_a_traceback(
    app: BotUnderTest,
) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    app.fake.fail_next("sendDocument", error_code=400)
    await secretary.press("📤 Выгрузить CSV")
    assert "Что-то пошло не так" in secretary.last_text
    assert all("Traceback" not in text for text in secretary.texts_since(0))
    await secretary.press("📤 Выгрузить CSV")
    assert secretary.documents


async def test_an_inviter_who_blocked_the_bot_is_marked_unreachable(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("✉️ Пригласить")
    await secretary.press("член")
    await secretary.press("5 человек")
    await secretary.press("7 дней")
    token = secretary.last_text.split("start=")[1].split()[0]
    app.fake.block(SECRETARY)

    newcomer = app.person(3001, "Игорь")
    await newcomer.send(f"/start {token}")
    await newcomer.press("✅ Согласен(на)")
    await newcomer.send("Белов Игорь Николаевич")
    await newcomer.send("МОУ СОШ № 2")
    await newcomer.send("физика")
    assert any("Готово" in text for text in newcomer.texts_since(0))
    async with app.db.read() as conn:
        entries = await bodies.roster(conn, setup.body.id)
    reachable = {e.person.full_name: e.person.reachable for e in entries}
    assert reachable == {"Петрова Анна Сергеевна": False, "Белов Игорь Николаевич": True}

    # Once they write to the bot again, they are reachable again.
    app.fake.unblock(SECRETARY)
    await secretary.send("/menu")
    async with app.db.read() as conn:
        entries = await bodies.roster(conn, setup.body.id)
    assert all(e.person.reachable for e in entries)


async def test_a_forged_unknown_action_gets_the_stale_button_answer(app: BotUnderTest) -> None:
    # Malformed on purpose: actions no button of the bot ever carried.
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    mark = secretary.mark()
    for forged in (
        f"b:nosuch:{setup.body.id}:0",
        f"m:secret:{setup.body.id}",
        "pd:eraseall",
        "ca:hack:",
    ):
        answer = await secretary.press_data(forged, in_message=secretary.last)
        assert answer.show_alert, forged
        assert answer.text == "Эта кнопка уже не действует. Откройте /menu заново.", forged
    assert secretary.texts_since(mark) == []  # and no apology in the chat
