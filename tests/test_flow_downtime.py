"""The bot comes back after days down: what fell due meanwhile, what still goes (and says it is
late), what is skipped and shows so in the delivery report, and in which order."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.factories import council, member, members, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import MEETING, SECRETARY, announce, until


async def announced_to_one_member(
    app: BotUnderTest, *, form: str = "очное"
) -> tuple[Person, Person]:
    """A council of one member with a chat; the secretary announces the meeting of 11.03."""
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [ivanova] = await members(app.db, setup.body, 1)
    secretary = app.person(SECRETARY, "Анна")
    chat = app.person(ivanova.telegram_id or 0, "И")
    await announce(secretary, form=form)
    await secretary.press("📣 Объявить")
    return secretary, chat


async def down_until(app: BotUnderTest, moment: datetime) -> None:
    """The bot process stops, the clock runs on to `moment`, and it starts again."""
    await app.stop()
    app.clock.set(moment)
    await app.start()
    await app.run_due()


def count(chat: Person, text: str) -> int:
    return sum(text in m.text for m in chat.bot_messages)


async def report(secretary: Person) -> str:
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📬 Доставка извещений")
    return secretary.last_text


async def test_reminders_of_a_meeting_under_way_are_skipped_and_reported(
    app: BotUnderTest,
) -> None:
    secretary, chat = await announced_to_one_member(app)
    await until(app, MEETING - timedelta(days=2))

    # Down over both reminders, back when the meeting has been going for half an hour.
    await down_until(app, MEETING + timedelta(minutes=30))
    assert count(chat, "⏰ Напоминание") == 0
    text = await report(secretary)
    assert "Не отправлено (бот был недоступен, и момент прошёл):" in text
    assert "• напоминание за день (среда, 10.03.2027 15:00): заседание уже началось" in text
    assert "• напоминание за час (четверг, 11.03.2027 14:00): заседание уже началось" in text
    assert "напоминание за час: доставлено" not in text

    # Months later nothing more comes about it.
    await down_until(app, MEETING + timedelta(days=90))
    assert count(chat, "⏰ Напоминание") == 0


async def test_of_a_series_due_while_down_only_the_latest_true_one_goes(
    app: BotUnderTest,
) -> None:
    secretary, chat = await announced_to_one_member(app)
    await until(app, MEETING - timedelta(days=2))

    await down_until(app, MEETING - timedelta(minutes=40))
    assert count(chat, "заседание завтра") == 0
    assert count(chat, "заседание через час") == 1
    text = await report(secretary)
    assert "• напоминание за день (среда, 10.03.2027 15:00): к тому времени пришла пора" in text


async def test_a_day_reminder_late_but_still_true_goes_and_on_the_day_it_does_not(
    app: BotUnderTest,
) -> None:
    _, chat = await announced_to_one_member(app)
    await until(app, MEETING - timedelta(days=2))
    # Back at 18:00 the evening before: «завтра» is still true.
    await down_until(app, MEETING - timedelta(hours=21))
    assert count(chat, "заседание завтра") == 1


async def test_on_the_day_itself_tomorrow_is_not_said(app: BotUnderTest) -> None:
    secretary, chat = await announced_to_one_member(app)
    await until(app, MEETING - timedelta(days=2))
    # Back at 09:00 on the day of a 15:00 meeting: the day reminder would say «завтра».
    await down_until(app, MEETING - timedelta(hours=6))
    assert count(chat, "заседание завтра") == 0
    await until(app, MEETING)
    assert count(chat, "заседание через час") == 1
    assert "оно было бы уже неверным" in await report(secretary)


async def test_a_late_agenda_still_goes_and_says_it_is_late(app: BotUnderTest) -> None:
    _, chat = await announced_to_one_member(app, form="заочное (по опросным листам)")
    await app.run_due()
    await until(app, MEETING - timedelta(days=6))

    await down_until(app, MEETING - timedelta(days=4))
    agenda = next(m.text for m in chat.bot_messages if "📋 Повестка заседания" in m.text)
    assert agenda.startswith("⚠️ С опозданием: это извещение должно было прийти")
    ballot = next(m.text for m in chat.bot_messages if "Опросный лист:" in m.text)
    assert ballot.startswith("⚠️ С опозданием")
    # The announcement went on time: it says nothing of the kind.
    assert not chat.bot_messages[0].text.startswith("⚠️")


async def test_a_minutes_reminder_counts_the_days_left_and_comes_alone(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    await member(app.db, setup.body, await person(app.db, "Орлова Г. Ф.", telegram_id=None))
    secretary = app.person(SECRETARY, "Анна")
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await until(app, MEETING + timedelta(days=15))
    assert count(secretary, "ещё не отправлен членам") == 1  # the 14-day reminder

    # Down over the 21-day reminder and the last call; back 23 hours before the deadline.
    await down_until(app, MEETING + timedelta(days=30) - timedelta(hours=23))
    assert count(secretary, "ещё не отправлен членам") == 1
    assert count(secretary, "протокол заседания") == 1
    assert "⚠️ Остался 1 день: протокол заседания" in secretary.last_text
