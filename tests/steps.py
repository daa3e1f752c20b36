"""Conversation steps shared by the flow tests: what a person types and taps, in one place.

Test modules import these from here, never from one another.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from io import BytesIO

import docx

from bot.domain.model import BodyKind, Role
from storage import bodies
from tests.factories import NOW, Council, council, member, members, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest

SECRETARY = 2002
CHAIR = 2001
# Thursday 11.03.2027 15:00 Moscow = 12:00 UTC; ballots open five days before.
MEETING = datetime(2027, 3, 11, 12, 0, tzinfo=UTC)
BALLOTS_OPEN = MEETING - timedelta(days=5)
ITEMS = ("О плане работы на второе полугодие", "О конкурсе «Учитель года»")

TEACHER, OTHER_TEACHER = 5001, 5002
METHODIST_A, METHODIST_B = 6001, 6002

NAMES = [
    "Абрамова Елена Викторовна",
    "Белов Игорь Николаевич",
    "Воронина Ольга Петровна",
    "Гусева Наталья Андреевна",
    "Данилов Сергей Юрьевич",
    "Ершова Татьяна Ивановна",
    "Жукова Марина Алексеевна",
    "Зайцев Павел Олегович",
    "Ильина Светлана Борисовна",
    "Козлова Анна Михайловна",
    "Лебедев Артём Валерьевич",
    "Морозова Юлия Сергеевна",
    "Никитина Ирина Владимировна",
    "Орлова Галина Фёдоровна",
    "Павлов Денис Андреевич",
    "Романова Людмила Петровна",
    "Соколова Вера Николаевна",
    "Тарасов Михаил Ильич",
    "Уварова Ксения Дмитриевна",
    "Фролова Алла Геннадьевна",
    "Харитонов Глеб Романович",
    "Цветкова Дарья Павловна",
    "Чернова Лидия Аркадьевна",
    "Шубина Полина Егоровна",
    "Щукин Роман Витальевич",
    "Эйхман Лариса Карловна",
    "Юдина Екатерина Львовна",
    "Яковлева Нина Степановна",
    "Салтыков-Щедрин Михаил Евграфович",
]


async def until(app: BotUnderTest, moment: datetime) -> None:
    await app.advance(moment - app.clock.now())


async def open_new_meeting(secretary: Person) -> None:
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("📅 Новое заседание")


async def announce(
    secretary: Person,
    *,
    when: str = "11.03.2027 15:00",
    form: str = "очное",
    kind: str = "очередное",
    items: tuple[str, ...] = ("О плане работы на второе полугодие",),
    speakers: tuple[str | None, ...] = (),
) -> None:
    """The whole form, typed and tapped as a secretary would."""
    await open_new_meeting(secretary)
    await secretary.press(form)
    await secretary.press(kind)
    await secretary.send(when)
    if form != "заочное (по опросным листам)":
        await secretary.send("МОУ СОШ № 3, каб. 12")
    if form != "очное":
        await secretary.press("До начала заседания")
    # The whole agenda in one message, then a speaker only where there is one.
    await secretary.send("\n".join(f"{n}. {title}" for n, title in enumerate(items, start=1)))
    for number, speaker in enumerate(speakers, start=1):
        if speaker:
            await secretary.press(f"✏️ Вопрос {number}")
            await secretary.press("👤 Докладчик")
            await secretary.send(speaker)


def text_of(content: bytes) -> str:
    document = docx.Document(BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def last_docx(chat: Person) -> str:
    return text_of(chat.documents[-1].content)


async def close_hybrid_meeting(
    app: BotUnderTest, *, speakers: tuple[str | None, ...] = ()
) -> tuple[Person, Person, list[Person], Person]:
    """A hybrid council meeting, voted remotely and in the room, closed by the secretary."""
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    chair = await person(app.db, "Кузнецова Ирина Львовна", telegram_id=CHAIR)
    await member(app.db, setup.body, chair, Role.CHAIR)
    [a, b, c] = await members(app.db, setup.body, 3)
    guest = await person(app.db, "Гостева Вера Павловна", telegram_id=7007)
    await member(app.db, setup.body, guest, Role.GUEST)
    secretary = app.person(SECRETARY, "Анна")
    chair_chat = app.person(CHAIR, "Ирина")
    voters = [app.person(m.telegram_id or 0, "M") for m in (a, b, c)]
    guest_chat = app.person(7007, "Гость")
    await announce(secretary, form="гибридное", items=ITEMS, speakers=speakers)
    await secretary.press("📣 Объявить")
    await until(app, BALLOTS_OPEN)
    for chat in voters[:2]:
        await chat.press("1 · За")
        await chat.press("2 · Против")
        await chat.press("✍️ Подписать и отправить")
    await until(app, MEETING)
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("🏛 Заседание в зале")
    await secretary.press("▫️ Кузнецова Ирина Львовна")
    await secretary.press(f"▫️ {c.full_name}")
    await secretary.press("🗳 Голосование: вопрос 1")
    await secretary.send("2 0 0")
    await secretary.press("🗳 Голосование: вопрос 2")
    await secretary.send("1 0 1")
    await secretary.press("✅ Завершить голосование и подвести итоги")
    await secretary.press("Да, завершить")
    await app.run_due()
    return secretary, chair_chat, voters, guest_chat


def roster_csv(names: list[str], *, encoding: str = "cp1251", delimiter: str = ";") -> bytes:
    header = delimiter.join(["ФИО", "Школа", "Предмет", "Роль"])
    lines = [header] + [
        delimiter.join([name, f'"МОУ СОШ № {i % 7 + 1}"', "математика", "член"])
        for i, name in enumerate(names)
    ]
    return "\r\n".join(lines).encode(encoding)


async def invitation_link(secretary: Person, role: str, uses: str, days: str) -> str:
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("✉️ Пригласить")
    await secretary.press(role)
    await secretary.press(uses)
    await secretary.press(days)
    found = re.search(r"\?start=(\S+)", secretary.last_text)
    assert found is not None, secretary.last_text
    return found.group(1)


async def asset_with_methodists(app: BotUnderTest) -> Council:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=2002, kind=BodyKind.ASSET)
    for telegram_id, name in (
        (METHODIST_A, "Антонова Алла Борисовна"),
        (METHODIST_B, "Борисов Борис Игоревич"),
    ):
        methodist = await person(
            app.db, name, telegram_id=telegram_id, organisation_id=setup.organisation.id
        )
        async with app.db.transaction() as conn:
            await bodies.add_membership(
                conn,
                body_id=setup.body.id,
                person_id=methodist.id,
                role=Role.MEMBER,
                is_methodist=True,
                changed_by=None,
                now=NOW,
            )
    for telegram_id, name in (
        (TEACHER, "Иванова Мария Петровна"),
        (OTHER_TEACHER, "Петров Пётр Петрович"),
    ):
        await person(app.db, name, telegram_id=telegram_id, organisation_id=setup.organisation.id)
    return setup


async def ask(teacher: Person, *, direction: str = "Молодые педагоги и наставничество") -> None:
    await teacher.send("/consult")
    await teacher.press("➕ Попросить консультацию")
    await teacher.send("Как выстроить наставничество для молодого учителя математики")
    await teacher.press("математика")
    await teacher.press(direction)
    await teacher.press("индивидуальная")
    await teacher.press("онлайн")
    await teacher.send("после 15:00 по вторникам")
    assert "Направление: " + direction in teacher.last_text
    await teacher.press("📨 Отправить")
