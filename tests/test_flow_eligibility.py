"""Eligibility for the asset in the chat: a teacher fills in what it needs in /profile, the
coordinator chooses the organisation's requirements and sees them on a methodist's card."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.domain.eligibility import Evidence, Ground, Title
from bot.domain.model import BodyKind, Category, Education, Role
from storage import bodies, people
from tests.factories import NOW, council, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest

SECRETARY, METHODIST = 2002, 3003


async def test_a_teacher_fills_in_what_eligibility_needs(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    teacher = app.person(SECRETARY, "Анна")
    await teacher.send("/profile")
    card = teacher.last_text
    assert "Категория присвоена: дата не указана" in card
    assert "Стаж по специальности: не указан" in card
    assert "Звания: -" in card

    await teacher.press("Стаж")
    await teacher.send("80")
    assert "от 0 до 70" in teacher.last_text  # politely refused, the form still waits
    await teacher.send("2014")  # the year they started: 13 years by the test clock (2027)
    assert "Стаж: 13 лет" in teacher.last_text

    await teacher.press("Стаж по специальности")
    await teacher.send("80 лет")
    assert "Укажите стаж по специальности целым числом лет, от 0 до 70" in teacher.last_text
    await teacher.send("20")
    assert "не может быть больше педагогического стажа (13)" in teacher.last_text
    await teacher.send("8")
    assert "Стаж по специальности: 8 лет" in teacher.last_text

    await teacher.press("Дата категории")
    await teacher.send("25.12.2023")
    assert "Категория присвоена: 25.12.2023\n" in teacher.last_text  # no category: no lapse
    await teacher.press("Категория")
    await teacher.press("высшая")
    await teacher.press("Дата категории")
    await teacher.send("31.02.2024")
    assert "Не удалось понять дату «31.02.2024»" in teacher.last_text
    await teacher.send("01.04.2027")
    assert "ещё не наступила" in teacher.last_text
    await teacher.send("25.12.2023")
    assert "Категория присвоена: 25.12.2023, действует до 25.12.2028" in teacher.last_text

    await teacher.press("Звания")
    await teacher.press("«педагог-наставник»")
    assert "Звания: «педагог-наставник»" in teacher.last_text

    await teacher.press("Основания (п. 3.2)")
    await teacher.press("Призёр, победитель конкурса профмастерства")
    assert "Основание 4" in teacher.last_text
    await teacher.upload("diploma.pdf", b"%PDF-1.4", mime_type="application/pdf")
    assert "Основания (п. 3.2): 4 (подтверждено)" in teacher.last_text
    await teacher.press("Основания (п. 3.2)")
    await teacher.press("Руководит методическим советом, объединением")
    await teacher.send("Приказ УО № 12 от 01.09.2025")
    assert "Основания (п. 3.2): 3 (подтверждено), 4 (подтверждено)" in teacher.last_text

    async with app.db.read() as conn:
        stored = await people.get_by_telegram(conn, SECRETARY)
    assert stored is not None
    assert stored.experience_years == 13
    assert stored.speciality_years == 8
    assert stored.category_awarded_on == date(2023, 12, 25)
    assert stored.titles == frozenset({Title.MENTOR})
    assert stored.grounds is not None
    by_ground = {g.ground: g for g in stored.grounds}
    assert by_ground[Ground.CONTEST].file_id
    assert by_ground[Ground.COUNCIL_HEAD].note == "Приказ УО № 12 от 01.09.2025"

    await teacher.send("/mydata")
    assert "Стаж по специальности: 8 лет" in teacher.last_text
    assert "Категория присвоена: 25.12.2023" in teacher.last_text


async def test_a_teacher_fills_it_in_in_english(app: BotUnderTest) -> None:
    org = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    async with app.db.transaction() as conn:
        await people.set_locale(conn, org.secretary.id, "en")
    teacher = app.person(SECRETARY, "Anna", language_code="en")
    await teacher.send("/profile")
    await teacher.press("Category")
    await teacher.press("first")
    await teacher.press("Category date")
    await teacher.send("yesterday")
    assert "Could not read the date «yesterday»" in teacher.last_text
    await teacher.send("01.03.2022")
    assert "Category awarded: 01.03.2022, valid until 01.03.2027" in teacher.last_text
    await teacher.press("Experience in the speciality")
    await teacher.send("1")
    assert "Experience in the speciality: 1 year" in teacher.last_text
    await teacher.press("Titles")
    await teacher.press("none of these")
    assert "Titles: none of these" in teacher.last_text


async def _asset_with_methodist(app: BotUnderTest, *, locale: str = "ru") -> None:
    """The Luga asset with one methodist: first category, no title, a contest prize with its
    diploma — ineligible under Luga 2.5, eligible under Zyryansky 3.2."""
    org = await council(
        app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY, kind=BodyKind.ASSET
    )
    methodist = await person(
        app.db,
        "Кузнецова Мария Петровна",
        telegram_id=METHODIST,
        organisation_id=org.organisation.id,
        locale=locale,
    )
    async with app.db.transaction() as conn:
        await bodies.add_membership(
            conn,
            body_id=org.body.id,
            person_id=methodist.id,
            role=Role.MEMBER,
            is_methodist=True,
            changed_by=None,
            now=NOW,
        )
        await people.update_profile(
            conn,
            methodist.id,
            now=NOW,
            education=Education.HIGHER_PEDAGOGICAL.value,
            experience_years=12,
            speciality_years=9,
            category=Category.FIRST.value,
            category_awarded_on=date(2024, 5, 20),
            titles=[],
            grounds=people.grounds_value((Evidence(Ground.CONTEST, file_id="BQAC-diploma"),)),
        )
        if locale == "en":
            await people.set_locale(conn, org.coordinator.id, "en")


async def test_the_coordinator_sees_eligibility_on_the_card(app: BotUnderTest) -> None:
    await _asset_with_methodist(app)
    coordinator = app.person(ADMIN_ID, "Ольга")
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("Методический совет")
    await coordinator.press("👥 Состав")
    await coordinator.press("Кузнецова")
    card = coordinator.last_text
    assert "Требования к членам актива — Лужский район (приложение 3, п. 2.5)" in card
    assert "✅ высшее педагогическое образование — выполнено (п. 2.5)" in card
    assert "✅ педагогический стаж не менее 5 лет — выполнено (п. 2.5)" in card
    assert (
        "❌ высшая квалификационная категория и/или звание «педагог-методист», "
        "«педагог-наставник» — не выполнено (п. 2.5)"
    ) in card

    # The organisation follows Zyryansky's regulation instead: the same person is eligible.
    await coordinator.press("« Назад")
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("🎓 Требования к членам актива")
    assert "Лужский район (приложение 3, п. 2.5)" in coordinator.last_text
    await coordinator.press("Как в Зырянском районе (п. 3.2)")
    assert "• стаж по специальности не менее 5 лет (п. 3.2)" in coordinator.last_text
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("Методический совет")
    await coordinator.press("👥 Состав")
    await coordinator.press("Кузнецова")
    card = coordinator.last_text
    assert "Зырянский район (п. 3.2)" in card
    assert "✅ первая или высшая квалификационная категория — выполнено (п. 3.2)" in card
    assert "✅ одно или несколько оснований из п. 3.2: 1, 2, 3, 4, 5, 6 — выполнено" in card
    assert "❌" not in card and "❔" not in card

    # Own thresholds start from Zyryansky's; ten years in the speciality leave her short.
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("🎓 Требования к членам актива")
    await coordinator.press("Свои пороги")
    await coordinator.press("Стаж по специальности: от 5 лет")
    assert "• стаж по специальности не менее 10 лет" in coordinator.last_text
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("Методический совет")
    await coordinator.press("👥 Состав")
    await coordinator.press("Кузнецова")
    assert "❌ стаж по специальности не менее 10 лет — не выполнено" in coordinator.last_text


async def test_the_card_in_english(app: BotUnderTest) -> None:
    await _asset_with_methodist(app, locale="en")
    coordinator = app.person(ADMIN_ID, "Olga", language_code="en")
    await coordinator.send("/menu")
    await coordinator.press("ИМЦ Лужского района")
    await coordinator.press("Методический совет")
    await coordinator.press("Members")
    await coordinator.press("Кузнецова")
    card = coordinator.last_text
    assert "Luga district (appendix 3, cl. 2.5)" in card
    assert "✅ at least 5 years of teaching experience — met (cl. 2.5)" in card
    assert "❌ the highest qualification category and/or the title" in card


async def test_a_plain_member_of_the_asset_sees_no_eligibility(app: BotUnderTest) -> None:
    await _asset_with_methodist(app)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("Методический совет")
    await secretary.press("👥 Состав")
    await secretary.press("Кузнецова")
    assert "Требования к членам актива" not in secretary.last_text


async def _lapsing(app: BotUnderTest) -> tuple[Person, Person]:
    """A teacher whose highest category was awarded on 10.06.2022: it lapses on 10.06.2027,
    and the warning is due sixty days before, on 11.04.2027 (the test clock is at 01.03.2027)."""
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    coordinator = app.person(ADMIN_ID, "Ольга")
    teacher = app.person(SECRETARY, "Анна")
    await teacher.send("/profile")
    await teacher.press("Категория")
    await teacher.press("высшая")
    await teacher.press("Дата категории")
    await teacher.send("10.06.2022")
    assert "действует до 10.06.2027" in teacher.last_text
    return coordinator, teacher


def _warnings(who: Person) -> list[str]:
    return [m.text or "" for m in who.bot_messages if "⏳" in (m.text or "")]


async def test_the_category_lapsing_is_told_once(app: BotUnderTest) -> None:
    coordinator, teacher = await _lapsing(app)
    await app.days(40)  # 10.04.2027: not yet
    assert _warnings(teacher) == []
    await app.days(1)
    [own] = _warnings(teacher)
    assert "Ваша квалификационная категория действует до 10.06.2027, осталось 60 дней" in own
    [told] = _warnings(coordinator)
    assert "Петрова Анна Сергеевна: квалификационная категория действует до 10.06.2027" in told
    assert "С опозданием" not in own
    await app.days(70)
    await app.restart()
    await app.run_due()
    assert len(_warnings(teacher)) == 1  # never twice
    assert len(_warnings(coordinator)) == 1


async def test_a_new_date_re_arms_the_warning(app: BotUnderTest) -> None:
    _, teacher = await _lapsing(app)
    await teacher.press("Дата категории")
    await teacher.send("20.02.2027")  # renewed: lapses in 2032
    await app.days(120)
    assert _warnings(teacher) == []


async def test_after_a_restart_past_its_day_it_goes_once_late(app: BotUnderTest) -> None:
    coordinator, teacher = await _lapsing(app)
    await app.stop()
    app.clock.set(datetime(2027, 4, 20, 9, 0, tzinfo=UTC))
    await app.start()
    await app.run_due()
    [own] = _warnings(teacher)
    assert own.startswith("⚠️ С опозданием")
    assert "остался 51 день" in own
    assert len(_warnings(coordinator)) == 1
    await app.restart()
    await app.run_due()
    assert len(_warnings(teacher)) == 1


async def test_renewed_while_down_it_is_skipped(app: BotUnderTest) -> None:
    _, teacher = await _lapsing(app)
    async with app.db.transaction() as conn:
        stored = await people.get_by_telegram(conn, SECRETARY)
        assert stored is not None
        await people.update_profile(conn, stored.id, now=NOW, category_awarded_on=date(2027, 3, 1))
    await app.stop()
    app.clock.set(datetime(2027, 4, 20, 9, 0, tzinfo=UTC))
    await app.start()
    await app.run_due()
    assert _warnings(teacher) == []
