"""The set-up story in English: coordinator, council, coordinator and secretary invitations."""

from __future__ import annotations

import re

from storage import organisations, people
from tests.harness import ADMIN_ID, BotUnderTest


def start_token(text: str) -> str:
    found = re.search(r"\?start=(\S+)", text)
    assert found is not None, text
    return found.group(1)


async def test_the_whole_set_up_in_english(app: BotUnderTest) -> None:
    coordinator = app.person(ADMIN_ID, "Olga", language_code="en")
    await coordinator.send("/start")
    await coordinator.press("✅ I agree")
    await coordinator.send("Smirnova Olga Ivanovna")
    await coordinator.press("➕ Create an organisation")
    await coordinator.send("Zyryansky District Education Department")
    await coordinator.press("Tomsk (MSK+4)")
    assert "Time zone: Tomsk (MSK+4)" in coordinator.last_text
    assert "Asia/Tomsk" not in coordinator.last_text

    await coordinator.press("✉️ Invite a coordinator")
    assert "operator — Zyryansky District Education Department" in coordinator.last_text
    await coordinator.press("✅ I agree")
    await coordinator.press("🏛 Zyryansky District Education Department")
    await coordinator.press("✉️ Invite a coordinator")
    await coordinator.press("7 days")
    deputy_token = start_token(coordinator.last_text)
    await coordinator.press("« Back")
    await coordinator.press("➕ New council or association")
    await coordinator.press("Methodical asset")
    await coordinator.send("Municipal methodical asset")
    await coordinator.press("Methodical asset: Municipal methodical asset")
    await coordinator.press("✉️ Invite")
    await coordinator.press("secretary")
    await coordinator.press("1 person")
    await coordinator.press("30 days")
    secretary_token = start_token(coordinator.last_text)

    second = app.person(1002, "Viktor", language_code="en")
    await second.send(f"/start {deputy_token}")
    assert any("coordinator" in text for text in second.texts_since(0))
    await second.press("✅ I agree")
    await second.send("Orlov Viktor Pavlovich")
    assert any("Zyryansky District Education Department" in t for t in second.texts_since(0))
    assert "🏛 Zyryansky District Education Department" in second.buttons()

    secretary = app.person(2002, "Anna", language_code="en")
    await secretary.send(f"/start {secretary_token}")
    await secretary.press("✅ I agree")
    await secretary.send("Petrova Anna Sergeevna")
    await secretary.send("School No. 3")
    await secretary.send("mathematics")
    assert "👥 Municipal methodical asset" in secretary.buttons()
    notice = await coordinator.wait_for("Petrova Anna Sergeevna")
    assert "secretary" in notice.text

    async with app.db.read() as conn:
        viktor = await people.get_by_telegram(conn, 1002)
        assert viktor is not None
        coordinated = await organisations.coordinated_organisations(conn, viktor.id)
    assert [o.timezone for o in coordinated] == ["Asia/Tomsk"]
    assert viktor.locale == "en"
