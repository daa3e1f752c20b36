"""The secretary builds a roster of thirty people from a phone and from a CSV file."""

from __future__ import annotations

import re

from sqlalchemy import select

from storage import bodies
from storage.schema import memberships, persons
from tests.factories import council, member, person
from tests.harness import BotUnderTest
from tests.steps import NAMES, roster_csv

SECRETARY = 2002
COORDINATOR = 1001


async def test_secretary_imports_thirty_people_from_an_excel_csv(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=COORDINATOR, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    assert "В Telegram: 1 из 1" in secretary.last_text

    await secretary.press("📥 Загрузить CSV")
    assert "ФИО; Школа; Предмет" in secretary.last_text
    await secretary.upload("состав.csv", roster_csv(NAMES))
    preview = secretary.last_text
    assert "Будет добавлено: 29" in preview
    assert "Салтыков-Щедрин Михаил Евграфович" in preview

    await secretary.press("Добавить (29)")
    assert "от каждого из 29 человек" in secretary.last_text
    await secretary.press("✅ Да, согласия получены")
    assert any("добавлено 29" in text for text in secretary.texts_since(0))
    async with app.db.read() as conn:
        entries = await bodies.roster(conn, setup.body.id)
    assert len(entries) == 30
    assert {e.person.school for e in entries} >= {"МОУ СОШ № 1", "МОУ СОШ № 7"}

    await secretary.press("👥 Состав")
    assert "30 человек" in secretary.last_text
    assert "✉️ без Telegram" in secretary.last_text
    assert "Страница 1 из 3" in secretary.last_text
    await secretary.press("»")
    assert "Страница 2 из 3" in secretary.last_text

    # The same file again adds nobody: everyone is already there.
    await secretary.press("« Назад")
    await secretary.press("📥 Загрузить CSV")
    await secretary.upload("состав.csv", roster_csv(NAMES, encoding="utf-8-sig", delimiter=","))
    assert "уже в составе (29)" in secretary.last_text


async def test_a_file_with_bad_lines_is_refused_whole_with_line_numbers(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=COORDINATOR, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    content = (
        "ФИО;Школа;Предмет;Роль\r\n"
        "Абрамова Елена Викторовна;МОУ СОШ № 1;математика;член\r\n"
        "Белов;МОУ СОШ № 2;математика;член\r\n"
        "Воронина Ольга Петровна;МОУ СОШ № 3;математика;директор\r\n"
    ).encode("cp1251")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("📥 Загрузить CSV")
    await secretary.upload("состав.csv", content)
    answer = secretary.last_text
    assert "2 ошибки" in answer
    assert "Строка 3" in answer
    assert "Строка 4" in answer
    assert "директор" in answer
    async with app.db.read() as conn:
        assert len(await bodies.roster(conn, setup.body.id)) == 1  # only the secretary

    # Still waiting for a file: the corrected one goes through.
    fixed = content.replace("Белов;".encode("cp1251"), "Белов Игорь Николаевич;".encode("cp1251"))
    fixed = fixed.replace("директор".encode("cp1251"), "гость".encode("cp1251"))
    await secretary.upload("состав.csv", fixed)
    assert "Будет добавлено: 3" in secretary.last_text


async def test_export_gives_back_a_file_that_opens_in_excel(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=COORDINATOR, secretary_id=SECRETARY)
    await member(
        app.db, setup.body, await person(app.db, "Белов Игорь Николаевич", telegram_id=None)
    )
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("📤 Выгрузить CSV")
    document = secretary.documents[-1]
    text = document.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("ФИО;Школа;Предмет")
    assert "Белов Игорь Николаевич;МОУ СОШ № 1;математика" in text
    assert "Петрова Анна Сергеевна" in text
    assert "секретарь" in text


async def test_roles_change_with_history_and_people_leave_without_being_lost(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=COORDINATOR, secretary_id=SECRETARY)
    belov = await person(app.db, "Белов Игорь Николаевич", telegram_id=3003)
    await member(app.db, setup.body, belov)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("👥 Состав")
    await secretary.press("Белов Игорь Николаевич")
    assert "Роль: член" in secretary.last_text

    await secretary.press("Изменить роль")
    await secretary.press("приглашённый")
    assert "Роль изменена" in secretary.last_text
    assert "Роль: приглашённый" in secretary.last_text

    # A secretary may not make someone the chair: only the coordinator or the chair may.
    await secretary.press("Изменить роль")
    answer = await secretary.press("председатель")
    assert answer.show_alert
    assert "только координатор или председатель" in (answer.text or "")

    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("👥 Состав")
    await secretary.press("Белов Игорь Николаевич")
    await secretary.press("Исключить из состава")
    confirm_data = secretary.last.inline_keyboard[0][0]["callback_data"]
    await secretary.press("Да, исключить")
    assert "Белов Игорь Николаевич больше не в составе" in secretary.last_text

    # The confirmation pressed a second time (its data kept from before the edit) changes
    # nothing and says so politely.
    again = await secretary.press_data(confirm_data, in_message=secretary.last)
    assert again.show_alert
    assert "уже нет в составе" in (again.text or "")

    async with app.db.read() as conn:
        history = await bodies.membership_history(conn, body_id=setup.body.id, person_id=belov.id)
        belov_row = (await conn.execute(select(persons).where(persons.c.id == belov.id))).one()
        active = (
            await conn.execute(
                select(memberships).where(
                    memberships.c.person_id == belov.id, memberships.c.active
                )
            )
        ).all()
    assert [(m.role.value, m.active) for m in history] == [("member", False), ("guest", False)]
    assert belov_row.full_name == "Белов Игорь Николаевич"
    assert active == []


async def test_a_member_added_by_hand_joins_later_by_a_personal_link(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=COORDINATOR, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("➕ Добавить без Telegram")
    await secretary.send("Орлова")
    assert "Иванова Мария Петровна" in secretary.last_text  # the example of a full name
    await secretary.send("Орлова Галина Фёдоровна")
    await secretary.send("Гимназия № 2")
    await secretary.send("история")
    await secretary.press("член")
    assert "письменное согласие" in secretary.last_text
    await secretary.press("✅ Да, согласия получены")
    assert "Добавлено" in secretary.last_text
    assert "✉️ без Telegram" in secretary.last_text

    await secretary.press("Ссылка для входа в Telegram")
    link = re.search(r"start=(\S+)", secretary.last_text)
    assert link is not None

    orlova = app.person(4004, "Галина")
    await orlova.send(f"/start {link.group(1)}")
    # Added on paper: she confirms her consent in the chat herself before she joins.
    assert orlova.last_text.startswith("Согласие на обработку персональных данных")
    await orlova.press("✅ Согласен(на)")
    assert any("Готово" in text and "Методический совет" in text for text in orlova.texts_since(0))
    notice = await secretary.wait_for("Орлова Галина Фёдоровна")
    assert "член" in notice.text
    async with app.db.read() as conn:
        entries = await bodies.roster(conn, setup.body.id)
    orlova_entry = next(e for e in entries if e.person.full_name == "Орлова Галина Фёдоровна")
    assert orlova_entry.person.telegram_id == 4004
    assert len(entries) == 2  # linked, not added twice

    # The personal link is spent: someone else opening it is told so.
    stranger = app.person(5005, "Некто")
    await stranger.send(f"/start {link.group(1)}")
    assert "уже присоединилось" in stranger.last_text
