"""What one person receives of one notice series arrives in the order of the series:
announcement, agenda and materials, then the опросный лист; also after a restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.factories import council, members
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import open_new_meeting

SECRETARY = 2002
MEETING = datetime(2027, 3, 11, 12, 0, tzinfo=UTC)  # Thursday 15:00 Moscow


def series(chat: Person) -> list[str]:
    """What the chat got, as kinds of notice, in order."""
    kinds = []
    for message in chat.bot_messages:
        if message.document is not None:
            kinds.append("file")
        elif "📅 Объявлено заседание." in message.text:
            kinds.append("announcement")
        elif "📋 Повестка заседания" in message.text:
            kinds.append("agenda")
        elif "Опросный лист:" in message.text:
            kinds.append("ballot")
    return kinds


async def announce_with_materials(app: BotUnderTest, secretary: Person, when: str) -> None:
    await open_new_meeting(secretary)
    await secretary.press("заочное (по опросным листам)")
    await secretary.press("внеочередное" if when.startswith("04") else "очередное")
    await secretary.send(when)
    await secretary.press("До начала заседания")
    # The whole agenda in one message, then the materials of each item from the review.
    await secretary.send("1. О плане работы\n2. О конкурсе «Учитель года»")
    for number in (1, 2):
        await secretary.press(f"✏️ Вопрос {number}")
        await secretary.press("📎 Материалы")
        await secretary.upload(f"материалы-{number}.pdf", b"%PDF-1.4 material")
        await secretary.press("Готово")
    if when.startswith("04"):
        await secretary.press("✅ Подтверждаю сокращённый срок и объявляю")
    else:
        await secretary.press("📣 Объявить")


async def test_every_member_gets_the_agenda_and_materials_before_the_ballot(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    crowd = await members(app.db, setup.body, 12)
    secretary = app.person(SECRETARY, "Анна")
    chats = [app.person(m.telegram_id or 0, "M") for m in crowd]
    # Inside the notice period: announcement, agenda and ballot all fall due at once.
    await announce_with_materials(app, secretary, "04.03.2027 15:00")
    await app.run_due()
    expected = ["announcement", "file", "agenda", "file", "file", "ballot"]
    assert [series(chat) for chat in chats] == [expected] * len(chats)


async def test_after_a_restart_the_series_still_arrives_in_order(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    crowd = await members(app.db, setup.body, 12)
    secretary = app.person(SECRETARY, "Анна")
    chats = [app.person(m.telegram_id or 0, "M") for m in crowd]
    await announce_with_materials(app, secretary, "11.03.2027 15:00")
    await app.stop()  # down before even the announcement went out
    app.clock.set(MEETING - timedelta(days=3))
    await app.start()
    await app.run_due()
    expected = ["announcement", "file", "agenda", "file", "file", "ballot"]
    assert [series(chat) for chat in chats] == [expected] * len(chats)
