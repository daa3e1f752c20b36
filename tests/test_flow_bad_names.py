"""Hostile names and dates get a clear answer and change nothing (issue 14, item 8)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from storage.schema import bodies, meetings
from tests.factories import council
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import SECRETARY, open_new_meeting


async def test_a_body_name_needs_letters_and_no_direction_override(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    coordinator = app.person(ADMIN_ID, "Ольга")
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("➕ Новый совет или объединение")
    await coordinator.press("Методический совет")
    await coordinator.send("😀😀😀")
    assert "Нужны буквы" in coordinator.last_text
    await coordinator.send("12345678901234567890123")
    assert "Нужны буквы" in coordinator.last_text
    await coordinator.send("Совет \u202eвоталп")
    assert "невидимые управляющие символы" in coordinator.last_text
    async with app.db.read() as conn:
        assert (await conn.execute(select(func.count()).select_from(bodies))).scalar_one() == 1
    await coordinator.send("Совет молодых педагогов")
    assert "Совет молодых педагогов" in coordinator.last_text


async def test_a_meeting_in_the_year_9999_and_a_title_of_digits_are_refused(
    app: BotUnderTest,
) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await open_new_meeting(secretary)
    await secretary.press("очное")
    await secretary.press("очередное")
    await secretary.send("01.01.9999 15:00")
    today = app.clock.now().astimezone(ZoneInfo("Europe/Moscow"))
    latest = today.replace(year=today.year + 2).strftime("%d.%m.%Y")
    assert f"Так далеко вперёд заседания не назначают: самое позднее — {latest}" in (
        secretary.last_text
    )
    await secretary.send("11.03.2027 15:00")
    await secretary.send("МОУ СОШ № 3, каб. 12")
    await secretary.send("12345678901234567890123")
    assert "Нужны буквы" in secretary.last_text
    await secretary.send("О плане работы на второе полугодие")
    assert "докладчик" in secretary.last_text.lower()
    async with app.db.read() as conn:
        assert (await conn.execute(select(func.count()).select_from(meetings))).scalar_one() == 0
