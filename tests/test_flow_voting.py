"""The опросный лист on the phone, paper ballots, the room, and the verdict everyone gets."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.domain.model import Role
from bot.views.ballot_texts import BallotAction, BallotCb
from handlers.voting import VoteAction, VoteCb
from storage.schema import ballots, meetings, vote_log, votes
from tests.factories import council, member, members, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import BALLOTS_OPEN, ITEMS, MEETING, SECRETARY, announce, until


def ballot_of(chat: Person) -> str:
    return next(m.text for m in reversed(chat.bot_messages) if "Опросный лист:" in m.text)


async def test_an_absentee_meeting_from_ballots_to_the_verdict(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [a, b, c] = await members(app.db, setup.body, 3)
    paper_only = await person(app.db, "Орлова Галина Фёдоровна", telegram_id=None)
    await member(app.db, setup.body, paper_only)
    guest = await person(app.db, "Гостева Вера Павловна", telegram_id=7007)
    await member(app.db, setup.body, guest, Role.GUEST)
    secretary = app.person(SECRETARY, "Анна")
    first, second, third = (app.person(m.telegram_id or 0, "M") for m in (a, b, c))
    guest_chat = app.person(7007, "Гость")
    await announce(secretary, form="заочное (по опросным листам)", items=ITEMS)
    await secretary.press("📣 Объявить")
    await until(app, BALLOTS_OPEN)

    assert "Голосование по вопросу 1" not in ballot_of(first)
    assert "1. О плане работы на второе полугодие" in ballot_of(first)
    assert not any("Опросный лист:" in m.text for m in guest_chat.bot_messages)
    late = await person(app.db, "Поздняя Инна Олеговна", telegram_id=8008)
    await member(app.db, setup.body, late)  # joins after the roster was frozen

    # Answer, tap twice, change, sign.
    await first.press("1 · За")
    assert "✅ 1 · За" in first.buttons()
    await first.press("✅ 1 · За")
    await first.press("1 · Против")
    await first.press("2 · Возд.")
    answer = await first.press("✍️ Подписать и отправить")
    assert "подписан" in (answer.text or "")
    signed = first.last_text
    assert "Ваш ответ: Против" in signed and "Ваш ответ: Воздержался" in signed
    assert first.buttons() == []

    # Signing with a question unanswered is refused with its number.
    await second.press("1 · За")
    refused = await second.press("✍️ Подписать и отправить")
    assert "Без ответа: 2" in (refused.text or "")
    await second.press("2 · За")
    await second.press("✍️ Подписать и отправить")

    # Someone else's ballot: forwarded to another chat, or its data forged into one's own.
    third_ballot = next(m for m in third.bot_messages if "Опросный лист:" in m.text)
    foreign = await second.press_on_foreign(third_ballot, "1 · За")
    assert "Эта кнопка не ваша" in (foreign.text or "")
    forged = await third.press_data(
        BallotCb(action=BallotAction.VOTE, ballot=await ballot_id(app, a.id), choice="f").pack(),
        in_message=third_ballot,
    )
    assert "другого члена совета" in (forged.text or "")
    assert "Ответа пока нет." in third_ballot.text

    # The secretary's live view, a paper ballot, a reminder.
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📊 Ход голосования")
    view = secretary.last_text
    assert "Проголосовали 2 из 5: кворума нет (нужно 3); для решений нужно 4." in view
    assert "✉️ Орлова Галина Фёдоровна (нет Telegram — нужен бумажный лист)" in view
    await secretary.press("📝 Внести бумажный лист")
    await secretary.press("Орлова Галина Фёдоровна")
    await secretary.press("За")
    await secretary.press("За")
    assert "Бумажный опросный лист внесён: Орлова Галина Фёдоровна." in secretary.last_text
    assert "Проголосовали 3 из 5: кворум есть (нужно 3)" in secretary.last_text
    reminded = await secretary.press("🔔 Напомнить не проголосовавшим")
    assert "2 людям" in (reminded.text or "")  # the secretary and the third member
    await app.run_due()
    assert any("не подписали опросный лист" in m.text for m in third.bot_messages)
    assert not any("не подписали опросный лист" in m.text for m in first.bot_messages)

    # The third member and the secretary vote; the deadline closes voting by itself.
    await third.press("1 · За")
    await third.press("2 · Против")
    await third.press("✍️ Подписать и отправить")
    own = next(m for m in secretary.bot_messages if "Опросный лист:" in m.text)
    stale = next(b for row in own.inline_keyboard for b in row if b["text"] == "1 · Против")
    await until(app, MEETING)
    result = await second.wait_for("📊 Итоги")
    assert "Участвовали 4 из 5: заседание правомочно (кворум — 3)." in result.text
    assert "Решения принимаются: для решений нужно 4" in result.text
    first_item = "1. О плане работы на второе полугодие\nЗа — 3, Против — 1, Воздержались — 0."
    assert f"{first_item}\nРешение принято." in result.text
    assert "За — 2, Против — 1, Воздержались — 1.\nРешение не принято." in result.text
    assert "Поимённо" not in result.text
    named = await secretary.wait_for("📊 Итоги")
    assert "Орлова Галина Фёдоровна: За (на бумаге)" in named.text
    assert any("📊 Итоги" in m.text for m in guest_chat.bot_messages)
    assert not any("📊 Итоги" in m.text for m in app.person(8008, "Поздняя").bot_messages)

    # After the deadline nothing changes: the secretary never voted, and now cannot. Their
    # ballot lost its buttons; a press that left before that edit arrived is refused.
    assert own.buttons == []
    assert "Голосование завершено." in own.text
    closed = await secretary.press_data(str(stale["callback_data"]), in_message=own)
    assert "Голосование завершено" in (closed.text or "")
    async with app.db.read() as conn:
        row = (await conn.execute(select(meetings))).one()
        logged = (await conn.execute(select(func.count()).select_from(vote_log))).scalar_one()
    assert row.results["participants"] == 4
    assert logged >= 10  # every vote, change, signature and paper entry


async def ballot_id(app: BotUnderTest, person_id: int) -> int:
    async with app.db.read() as conn:
        return int(
            (
                await conn.execute(select(ballots.c.id).where(ballots.c.person_id == person_id))
            ).scalar_one()
        )


async def test_sixty_members_press_at_once_and_every_vote_counts_once(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    crowd = await members(app.db, setup.body, 60)
    secretary = app.person(SECRETARY, "Анна")
    chats = [app.person(m.telegram_id or 0, "M") for m in crowd]
    await announce(secretary, form="заочное (по опросным листам)", items=ITEMS[:1])
    await secretary.press("📣 Объявить")
    await until(app, BALLOTS_OPEN)

    for index, chat in enumerate(chats):
        message = next(m for m in chat.bot_messages if "Опросный лист:" in m.text)
        label = "1 · За" if index % 3 else "1 · Против"
        data = next(
            b["callback_data"]
            for row in message.inline_keyboard
            for b in row
            if b["text"] == label
        )
        app.fake.post_callback_query(chat.user, message, data)
        app.fake.post_callback_query(chat.user, message, data)  # and a double tap
    await app.fake.settle()
    async with app.db.read() as conn:
        rows = await conn.execute(
            select(votes.c.choice, func.count().label("votes")).group_by(votes.c.choice)
        )
        counts = {str(row.choice): int(row.votes) for row in rows}
        logged = (await conn.execute(select(func.count()).select_from(vote_log))).scalar_one()
    assert counts == {"for": 40, "against": 20}
    assert logged == 60


async def test_a_member_who_leaves_keeps_the_vote_and_the_card_keeps_the_result(
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

    # The first member leaves the council; their signed ballot still counts.
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("👥 Состав")
    await secretary.press(a.full_name)
    await secretary.press("Исключить из состава")
    await secretary.press("Да, исключить")

    # A paper ballot for someone who already voted is refused at the first press.
    paper_for_a = VoteCb(action=VoteAction.PAPER_FOR, meeting=1, person=a.id)
    refused = await secretary.press_data(paper_for_a.pack(), in_message=secretary.last)
    assert "уже есть подписанный опросный лист" in (refused.text or "")

    await second.press("1 · Против")
    await second.press("✍️ Подписать и отправить")
    await until(app, MEETING)
    result = await second.wait_for("📊 Итоги")
    assert "Участвовали 2 из 3" in result.text  # the roster frozen when ballots opened
    assert "За — 1, Против — 1, Воздержались — 0." in result.text

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    card = secretary.last_text
    assert "📊 Итоги" in card
    assert f"{a.full_name}: За (в боте)" in card  # named for the secretary, 4.9
