"""The notice period in calendar days of the organisation's zone (4.8), notices at a sensible
local hour, and quiet hours (21:00–08:00 local) for reminders, escalations and reports."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.domain.model import BodyKind
from tests.factories import council, members
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import announce

SECRETARY = 2002


async def until(app: BotUnderTest, moment: datetime) -> None:
    await app.advance(moment - app.clock.now())


def count(chat: Person, text: str) -> int:
    return sum(text in m.text for m in chat.bot_messages)


async def test_a_meeting_on_the_fifth_day_is_ordinary_whatever_the_hour(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [ivanova] = await members(app.db, setup.body, 1)
    secretary = app.person(SECRETARY, "Анна")
    chat = app.person(ivanova.telegram_id or 0, "И")
    # Announced on Monday 01.03 at 12:00; Saturday 06.03 at 10:00 is less than 5 × 24 hours
    # ahead but «не позднее 5 дней до дня проведения» holds: the fifth calendar day.
    await announce(secretary, when="06.03.2027 10:00")
    assert "📣 Объявить" in secretary.buttons()
    await secretary.press("📣 Объявить")
    await app.run_due()
    assert count(chat, "📋 Повестка заседания") == 1  # its day has come: it goes with it


async def test_a_reminder_due_at_night_waits_for_the_morning_the_hour_before_does_not(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    [ivanova] = await members(app.db, setup.body, 1)
    secretary = app.person(SECRETARY, "Анна")
    chat = app.person(ivanova.telegram_id or 0, "И")
    await announce(secretary, when="11.03.2027 07:30")  # 04:30 UTC
    await secretary.press("📣 Объявить")
    await app.run_due()

    # The day reminder falls at 07:30 on 10.03, inside quiet hours: it comes at 08:00.
    await until(app, datetime(2027, 3, 10, 4, 59, tzinfo=UTC))
    assert count(chat, "заседание завтра") == 0
    await until(app, datetime(2027, 3, 10, 5, 0, tzinfo=UTC))
    assert count(chat, "заседание завтра") == 1
    # The hour before is timed to the meeting: 06:30 it is.
    await until(app, datetime(2027, 3, 11, 3, 30, tzinfo=UTC))
    assert count(chat, "заседание через час") == 1


async def test_after_a_night_restart_reports_wait_until_eight(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await announce(secretary)  # 11.03.2027 15:00
    await secretary.press("📣 Объявить")
    await app.run_due()
    await until(app, datetime(2027, 3, 20, 9, 0, tzinfo=UTC))

    # Down over the 14-day minutes reminder (25.03 15:00); back at 02:00 on 26.03 Moscow.
    await app.stop()
    app.clock.set(datetime(2027, 3, 25, 23, 0, tzinfo=UTC))
    await app.start()
    await app.run_due()
    assert count(secretary, "ещё не отправлен членам") == 0
    await until(app, datetime(2027, 3, 26, 5, 0, tzinfo=UTC))  # 08:00 in Moscow
    assert count(secretary, "ещё не отправлен членам") == 1
    # And a restart meanwhile does not send it twice.
    await app.restart()
    await until(app, datetime(2027, 3, 27, 9, 0, tzinfo=UTC))
    assert count(secretary, "ещё не отправлен членам") == 1


async def test_the_cadence_check_holds_its_reminders_through_the_night(
    app: BotUnderTest,
) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY, kind=BodyKind.ASSET)
    secretary = app.person(SECRETARY, "Анна")
    app.clock.set(datetime(2027, 3, 1, 19, 0, tzinfo=UTC))  # 22:00 in Moscow
    await app.check_cadence()
    assert count(secretary, "нет заседания актива") == 0
    app.clock.set(datetime(2027, 3, 2, 4, 59, tzinfo=UTC))  # 07:59
    await app.check_cadence()
    assert count(secretary, "нет заседания актива") == 0
    app.clock.set(datetime(2027, 3, 2, 5, 0, tzinfo=UTC))  # 08:00
    await app.check_cadence()
    assert count(secretary, "нет заседания актива") == 1
