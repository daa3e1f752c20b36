"""Counts in what the secretary is told add up: who was reached, and by name who was not and
why."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.factories import council, member, members, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import announce

SECRETARY = 2002
MEETING = datetime(2027, 3, 11, 12, 0, tzinfo=UTC)  # Thursday 15:00 Moscow


def reminders(chat: Person) -> int:
    return sum("не подписали опросный лист" in m.text for m in chat.bot_messages)


async def test_a_ballot_reminder_counts_only_those_it_reaches_and_names_the_others(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [stopped, reading] = await members(app.db, setup.body, 2)
    await member(
        app.db, setup.body, await person(app.db, "Орлова Галина Фёдоровна", telegram_id=None)
    )
    secretary = app.person(SECRETARY, "Анна")
    reader = app.person(reading.telegram_id or 0, "Б")
    app.person(stopped.telegram_id or 0, "А")
    app.fake.block(stopped.telegram_id or 0)
    await announce(secretary, form="заочное (по опросным листам)")
    await secretary.press("📣 Объявить")
    await app.advance(MEETING - timedelta(days=5) - app.clock.now())

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📊 Ход голосования")
    answer = await secretary.press("🔔 Напомнить не проголосовавшим")
    await app.run_due()
    # Four have not voted: the secretary and one member get it; two cannot.
    assert sum(map(reminders, (secretary, reader))) == 2
    assert answer.show_alert
    text = answer.text or ""
    assert text.startswith("Напоминание отправлено: 2 людям.")
    assert "Не получат — нужен бумажный лист:" in text
    assert "Орлова Галина Фёдоровна (нет Telegram)" in text
    assert f"{stopped.full_name} (остановил(а) бота)" in text

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📬 Доставка извещений")
    report = secretary.last_text
    assert "• опросный лист: доставлено 2 из 4" in report
    assert "• напоминание об опросном листе: доставлено 2 из 4" in report
    assert "Орлова Галина Фёдоровна — опросный лист: нет Telegram" in report
    assert f"{stopped.full_name} — опросный лист: не получает сообщения" in report


def not_reached(chat: Person) -> list[str]:
    """The secretary's «не дошло» messages about a ballot reminder."""
    return [
        m.text
        for m in chat.bot_messages
        if m.text.startswith("📭 «напоминание об опросном листе»")
    ]


async def test_a_reminder_the_secretary_asked_for_names_who_it_missed_once(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [stopped, reading, later] = await members(app.db, setup.body, 3)
    await member(
        app.db, setup.body, await person(app.db, "Орлова Галина Фёдоровна", telegram_id=None)
    )
    secretary = app.person(SECRETARY, "Анна")
    for who in (stopped, reading, later):
        app.person(who.telegram_id or 0, "М")
    app.fake.block(stopped.telegram_id or 0)
    await announce(secretary, form="заочное (по опросным листам)")
    await secretary.press("📣 Объявить")
    await app.advance(MEETING - timedelta(days=5) - app.clock.now())

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📊 Ход голосования")
    answer = await secretary.press("🔔 Напомнить не проголосовавшим")
    text = answer.text or ""
    assert "Орлова Галина Фёдоровна (нет Telegram)" in text
    assert f"{stopped.full_name} (остановил(а) бота)" in text
    await app.run_due()
    # Told at the press, by name and why: not a second time in a message.
    assert not_reached(secretary) == []

    # Someone the answer counted as reached stops the bot before the reminder reaches them:
    # that is news, and the secretary hears of them alone.
    app.fake.block(later.telegram_id or 0)
    answer = await secretary.press("🔔 Напомнить не проголосовавшим")
    assert later.full_name not in (answer.text or "")
    await app.run_due()
    [news] = not_reached(secretary)
    assert f"• {later.full_name} — остановил(а) бота" in news
    assert "Орлова" not in news
    assert stopped.full_name not in news
