"""The secretary is told, unasked and once per notice, whom a notice did not reach and what to
do about it: a paper copy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.factories import council, member, members, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import announce, close_hybrid_meeting

SECRETARY = 2002
MEETING = datetime(2027, 3, 11, 12, 0, tzinfo=UTC)  # Thursday 15:00 Moscow


def told(chat: Person) -> list[str]:
    return [m.text for m in chat.bot_messages if m.text.startswith("📭")]


async def until(app: BotUnderTest, moment: datetime) -> None:
    await app.advance(moment - app.clock.now())


async def test_after_each_notice_the_secretary_hears_who_it_missed(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [stopped, reading] = await members(app.db, setup.body, 2)
    paper = await person(app.db, "Орлова Галина Фёдоровна", telegram_id=None)
    await member(app.db, setup.body, paper)
    secretary = app.person(SECRETARY, "Анна")
    app.person(reading.telegram_id or 0, "Б")
    app.person(stopped.telegram_id or 0, "А")
    app.fake.block(stopped.telegram_id or 0)
    await announce(secretary, form="заочное (по опросным листам)")
    await secretary.press("📣 Объявить")
    await app.run_due()

    [announcement] = told(secretary)
    assert announcement.startswith(
        "📭 «объявление» о заседании «Методический совет» 11.03.2027 не получили 2 человека:"
    )
    assert "• Орлова Галина Фёдоровна — нет Telegram" in announcement
    assert f"• {stopped.full_name} — остановил(а) бота или ни разу его не запускал(а)" in (
        announcement
    )
    assert "Передайте им бумажную копию или сообщите лично." in announcement
    assert reading.full_name not in announcement

    # The agenda and the ballot: one message each, the ballot's says what to do with paper.
    await until(app, MEETING - timedelta(days=5))
    assert len(told(secretary)) == 3
    agenda, ballot = told(secretary)[1:]
    assert agenda.startswith("📭 «повестка»")
    assert ballot.startswith("📭 «опросный лист»")
    assert "внесите кнопкой «📝 Внести бумажный лист»" in ballot

    # A restart does not tell it again.
    await app.restart()
    await app.run_due()
    assert len(told(secretary)) == 3


async def test_nothing_is_said_when_everyone_was_reached(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    chats = [app.person(m.telegram_id or 0, "M") for m in await members(app.db, setup.body, 3)]
    secretary = app.person(SECRETARY, "Анна")
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await until(app, MEETING)
    assert all(chat.bot_messages for chat in chats)
    assert told(secretary) == []


async def test_after_the_protocol_goes_out_the_secretary_hears_who_needs_paper(
    app: BotUnderTest,
) -> None:
    secretary, chair, _, _ = await close_hybrid_meeting(app)
    async with app.db.read() as conn:
        from storage import bodies  # noqa: PLC0415 - the body of the closed meeting

        [body] = await bodies.list_bodies(conn, 1)
    await member(app.db, body, await person(app.db, "Орлова Галина Фёдоровна", telegram_id=None))
    before = len(told(secretary))
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await secretary.press("✍️ Отправить на подпись")
    request = await chair.wait_for("ждёт вашей подписи")
    await chair.press("✅ Подписать", in_message=request)
    await app.run_due()
    [protocol] = told(secretary)[before:]
    assert protocol.startswith("📭 «протокол» о заседании «Методический совет» 11.03.2027")
    assert "не получил 1 человек:\n• Орлова Галина Фёдоровна — нет Telegram" in protocol
