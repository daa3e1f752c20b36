"""A coordinator sets up an organisation and a council, and invites its secretary."""

from __future__ import annotations

import re

from tests.harness import ADMIN_ID, BotUnderTest


async def test_coordinator_creates_organisation_and_council_and_invites_secretary(
    app: BotUnderTest,
) -> None:
    coordinator = app.person(ADMIN_ID, "Ольга")
    await coordinator.send("/start")
    assert coordinator.last_text.startswith("Согласие на обработку персональных данных")
    await coordinator.press("✅ Согласен(на)")
    assert "ФИО" in coordinator.last_text or "зовут" in coordinator.last_text
    await coordinator.send("Смирнова Ольга Ивановна")
    assert "Создать организацию" in " ".join(coordinator.buttons())

    await coordinator.press("➕ Создать организацию")
    await coordinator.send("ИМЦ Лужского района")
    await coordinator.press("Москва (МСК)")
    assert "ИМЦ Лужского района" in coordinator.last_text
    # The zone as people say it, not «Europe/Moscow».
    assert "Часовой пояс: Москва (МСК)" in coordinator.last_text
    assert "Europe/Moscow" not in coordinator.last_text

    # The organisation is the operator now: its coordinator agrees to its own text too.
    await coordinator.press("➕ Новый совет или объединение")
    assert "оператору — ИМЦ Лужского района" in coordinator.last_text
    await coordinator.press("✅ Согласен(на)")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("➕ Новый совет или объединение")
    await coordinator.press("Методический совет")
    await coordinator.send("Методический совет")
    assert "создано" in coordinator.texts_since(0)[-1] or "создано" in coordinator.last_text

    await coordinator.press("Методический совет: Методический совет")
    await coordinator.press("✉️ Пригласить")
    await coordinator.press("ответственный секретарь")
    await coordinator.press("1 человек")
    await coordinator.press("7 дней")
    link = re.search(r"https://t\.me/council_test_bot\?start=(\S+)", coordinator.last_text)
    assert link is not None, coordinator.last_text

    secretary = app.person(2002, "Анна")
    await secretary.send(f"/start {link.group(1)}")
    assert "ответственный секретарь" in secretary.texts_since(0)[0]
    await secretary.press("✅ Согласен(на)")
    await secretary.send("Петрова Анна Сергеевна")
    await secretary.send("МОУ СОШ № 3")
    await secretary.send("математика")
    assert any("Готово" in text for text in secretary.texts_since(0))
    assert "Методический совет" in " ".join(secretary.buttons())
    notice = await coordinator.wait_for("Петрова Анна Сергеевна")
    assert "секретарь" in notice.text
