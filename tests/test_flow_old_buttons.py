"""Old buttons that would open a form are refused at the press, before anything is typed
(issue 14, item 6)."""

from __future__ import annotations

from handlers.minutes import MinutesAction, MinutesCb
from handlers.voting import VoteAction, VoteCb
from tests.factories import council, member, members, person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import BALLOTS_OPEN, ITEMS, SECRETARY, announce, close_hybrid_meeting, until


async def test_an_old_edit_button_on_a_signed_protocol_is_refused_at_once(
    app: BotUnderTest,
) -> None:
    secretary, chair, _, _ = await close_hybrid_meeting(app)
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    # The button as it stood on the draft (the screen itself is edited when it is sent).
    old = secretary.last
    assert "✏️ Вопрос 1" in old.buttons
    edit_first = MinutesCb(action=MinutesAction.FILL, id=1, item=1).pack()
    await secretary.press("✍️ Отправить на подпись")
    await chair.press("✅ Подписать", in_message=await chair.wait_for("ждёт вашей подписи"))
    await app.run_due()
    await secretary.wait_for("📄 Протокол № 1")

    await app.restart()
    mark = secretary.mark()
    refused = await secretary.press_data(edit_first, in_message=old)
    assert refused.show_alert
    assert "Протокол уже отправлен на подпись или подписан" in (refused.text or "")
    assert secretary.texts_since(mark) == []  # no СЛУШАЛИ question: no form was opened
    await secretary.send("Текст, который никуда не должен попасть")
    assert "Не понял сообщение" in secretary.last_text


async def test_an_old_paper_ballot_button_for_someone_who_voted_is_refused_at_once(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    await members(app.db, setup.body, 1)
    paper_only = await person(app.db, "Орлова Галина Фёдоровна", telegram_id=None)
    await member(app.db, setup.body, paper_only)
    secretary = app.person(SECRETARY, "Анна")
    await announce(secretary, form="заочное (по опросным листам)", items=ITEMS)
    await secretary.press("📣 Объявить")
    await until(app, BALLOTS_OPEN)
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📊 Ход голосования")
    await secretary.press("📝 Внести бумажный лист")
    await secretary.press("Орлова Галина Фёдоровна")
    await secretary.press("За")
    await secretary.press("Против")
    assert "Бумажный опросный лист внесён: Орлова Галина Фёдоровна" in secretary.last_text

    old = VoteCb(action=VoteAction.PAPER_FOR, meeting=1, person=paper_only.id)
    mark = secretary.mark()
    refused = await secretary.press_data(old.pack(), in_message=secretary.last)
    assert refused.show_alert
    assert "уже есть подписанный опросный лист" in (refused.text or "")
    assert secretary.texts_since(mark) == []  # no question of the paper ballot asked again


async def test_a_button_the_bot_no_longer_knows_gets_a_polite_alert(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/help")
    mark = secretary.mark()
    answer = await secretary.press_data("gone:42", in_message=secretary.last)
    assert answer.show_alert
    assert answer.text == "Эта кнопка уже не действует. Откройте /menu заново."
    assert secretary.texts_since(mark) == []  # and no apology in the chat
