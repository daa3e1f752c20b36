"""/profile: a person sees and corrects what the bot knows about them."""

from __future__ import annotations

from bot.domain.model import Category, Education
from storage import people
from tests.factories import council
from tests.harness import ADMIN_ID, BotUnderTest

SECRETARY = 2002


async def test_a_member_corrects_their_profile(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/profile")
    card = secretary.last_text
    assert "Петрова Анна Сергеевна" in card
    assert "Стаж: не указан" in card
    assert "Методический совет — ответственный секретарь" in card

    await secretary.press("Стаж")
    await secretary.send("сто")
    assert "целым числом лет" in secretary.last_text
    await secretary.send("21")
    assert "Стаж: 21 год" in secretary.last_text
    await secretary.press("Категория")
    await secretary.press("высшая")
    assert "Категория: высшая" in secretary.last_text
    await secretary.press("Образование")
    await secretary.press("высшее педагогическое")
    await secretary.press("ФИО")
    await secretary.send("петрова-водкина анна сергеевна")
    assert "👤 Петрова-Водкина Анна Сергеевна" in secretary.last_text

    async with app.db.read() as conn:
        stored = await people.get_by_telegram(conn, SECRETARY)
    assert stored is not None
    assert stored.experience_years == 21
    assert stored.category is Category.HIGHEST
    assert stored.education is Education.HIGHER_PEDAGOGICAL
    assert stored.full_name == "Петрова-Водкина Анна Сергеевна"


async def test_someone_not_registered_is_told_to_register(app: BotUnderTest) -> None:
    stranger = app.person(9009, "Пётр")
    await stranger.send("/profile")
    assert "зарегистрироваться" in stranger.last_text
