"""From a hybrid meeting to a signed протокол that every member has; reminders; templates."""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

import docx

from bot.domain.model import Role
from tests.factories import council, member, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import CHAIR, MEETING, SECRETARY, announce, close_hybrid_meeting, last_docx, until


async def test_a_hybrid_meeting_ends_in_a_signed_protocol_everyone_has(app: BotUnderTest) -> None:
    secretary, chair, voters, guest = await close_hybrid_meeting(app)
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    assert (
        "Протокол № 1: Методический совет, заседание 11.03.2027 — черновик" in secretary.last_text
    )

    await secretary.press("✏️ Вопрос 1")
    await secretary.send("Петрова А. С. представила план работы на второе полугодие.")
    await secretary.press("Пропустить")
    await secretary.send("Утвердить план работы на второе полугодие.")
    assert (
        "1. О плане работы на второе полугодие — слушали / выступили / решили: ✅▫️✅"
        in secretary.last_text
    )
    await secretary.press("👁 Предпросмотр (DOCX)")
    draft = last_docx(secretary)
    assert "ПРОЕКТ" in draft
    assert "11.03.2027\t№ 1" in draft

    await secretary.press("✍️ Отправить на подпись")
    request = await chair.wait_for("ждёт вашей подписи")
    assert request.buttons == [
        "✅ Подписать",
        "↩️ Вернуть на доработку",
        "Я отсутствую — подпишет заместитель",
    ]
    await chair.press("↩️ Вернуть на доработку", in_message=request)
    await chair.send("Добавьте выступление Ивановой")
    returned = await secretary.wait_for("возвращён на доработку")
    assert "Добавьте выступление Ивановой" in returned.text

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await secretary.press("✏️ Вопрос 1")
    await secretary.press("Пропустить")
    await secretary.send("Иванова М. П. предложила дополнить план конкурсом.")
    await secretary.press("Пропустить")
    await secretary.press("✍️ Отправить на подпись")
    request = await chair.wait_for("ждёт вашей подписи")
    await chair.press("✅ Подписать", in_message=request)
    await app.run_due()

    for chat in (*voters, guest, secretary):
        arrived = await chat.wait_for("📄 Протокол № 1")
        assert "Методический совет" in arrived.text
    final = last_docx(guest)
    assert "ПРОЕКТ" not in final
    assert "11.03.2027\t№ 1" in final
    assert "ИМЦ Лужского района" in final
    assert "гибридное" in final
    assert "Кузнецова И. Л." in final  # present in the room
    assert "Председатель\t______________\tИ. Л. Кузнецова" in final  # and signed
    assert "Иванова М. П. предложила дополнить план конкурсом." in final
    assert "Утвердить план работы на второе полугодие." in final
    assert "За — 4, Против — 0, Воздержались — 0." in final
    assert "За — 1, Против — 2, Воздержались — 1." in final
    assert "Подписан: И. Л. Кузнецова" in final
    assert "Гостева В. П." in final

    # The archive gives it again; an extract is one item.
    await voters[0].send("/minutes")
    await voters[0].press("№ 1 — Методический совет, 11.03.2027")
    assert "11.03.2027\t№ 1" in last_docx(voters[0])
    await voters[0].send("/meetings")
    await voters[0].press("четверг, 11.03.2027 15:00 — Методический совет")
    await voters[0].press("📄 Выписка из протокола")
    await voters[0].press("2. О конкурсе «Учитель года»")
    extract = last_docx(voters[0])
    assert "ВЫПИСКА" in extract
    assert "О конкурсе «Учитель года»" in extract
    assert "Утвердить план работы" not in extract

    # A correction is a new version with its reason, sent to everyone again.
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await secretary.press("✏️ Исправить (новая редакция)")
    await secretary.send("исправлена фамилия докладчика")
    assert "черновик" in secretary.last_text
    await secretary.press("✍️ Отправить на подпись")
    request = await chair.wait_for("ждёт вашей подписи")
    await chair.press("✅ Подписать", in_message=request)
    await app.run_due()
    corrected = await guest.wait_for("Исправленная редакция протокола № 1")
    assert "исправлена фамилия докладчика" in corrected.text
    assert "Исправленная редакция № 2" in last_docx(guest)


def lines_of(content: bytes) -> list[str]:
    return [p.text for p in docx.Document(BytesIO(content)).paragraphs]


async def test_the_protocol_reads_as_offices_write_it(app: BotUnderTest) -> None:
    """ГОСТ Р 7.0.97-2016 and the протоколы councils publish: the date and the number on one
    line, the town, who chaired and who kept the minutes, attendance said once in the past
    tense, whom the meeting heard in the accusative, signatures with initials first."""
    secretary, _, _, _ = await close_hybrid_meeting(
        app, speakers=("Петрова Анна Сергеевна", "Воробьёв Илья Петрович")
    )
    coordinator = app.person(ADMIN_ID, "Ольга")
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("🏙 Город в протоколах")
    await coordinator.send("г. Луга")
    assert "Город в протоколах: г. Луга" in coordinator.last_text
    assert "Москва (МСК)" in coordinator.last_text

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await secretary.press("👁 Предпросмотр (DOCX)")
    lines = lines_of(secretary.documents[-1].content)
    dated = lines.index("11.03.2027\t№ 1")
    assert lines[dated - 1] == "ПРОТОКОЛ"
    assert lines[dated + 1 : dated + 3] == [
        "г. Луга",
        "Председатель — И. Л. Кузнецова. Секретарь — А. С. Петрова.",
    ]
    took_part = [line for line in lines if line.startswith("Приняли участие: ")]
    assert len(took_part) == 1
    assert took_part[0].startswith(
        "Приняли участие: 4 из 5 членов; кворум имеется, решения могут приниматься."
    )
    assert "СЛУШАЛИ: Петрову А. С." in lines
    assert "СЛУШАЛИ: Воробьёва И. П." in lines
    assert "Председатель\t______________\tИ. Л. Кузнецова" in lines
    assert "Секретарь\t______________\tА. С. Петрова" in lines


async def test_next_steps_are_where_people_are(app: BotUnderTest) -> None:
    """Issue 14, item 14: the протокол's button on «Голосование завершено», the draft's on
    «возвращён на доработку», the card after the meeting says who took part, and an old
    ballot loses its buttons once voting has closed."""
    secretary, chair, voters, _ = await close_hybrid_meeting(app)
    closed = next(m for m in secretary.bot_messages if "Итоги отправляются" in m.text)
    assert closed.buttons == ["📝 Протокол"]

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    card = secretary.last_text
    assert "Придут" not in card
    assert "Участвовали 4 из 5" in card

    await secretary.press("📝 Протокол", in_message=closed)
    assert "— черновик" in secretary.last_text
    await secretary.press("✍️ Отправить на подпись")
    request = await chair.wait_for("ждёт вашей подписи")
    await chair.press("↩️ Вернуть на доработку", in_message=request)
    await chair.send("Добавьте выступление Ивановой")
    returned = await secretary.wait_for("возвращён на доработку")
    await secretary.press("📝 Открыть протокол", in_message=returned)
    assert "— черновик" in secretary.last_text
    assert "✏️ Вопрос 1" in secretary.buttons()

    # The member voted in the room and never signed the ballot that came to the chat: it
    # lost its buttons when voting closed, without a press.
    late = voters[2]
    ballot = next(m for m in reversed(late.bot_messages) if "Опросный лист:" in m.text)
    assert ballot.buttons == []
    assert "Голосование завершено" in ballot.text


async def test_the_deputy_signs_when_the_chair_is_absent(app: BotUnderTest) -> None:
    secretary, chair, voters, _ = await close_hybrid_meeting(app)
    deputy = await person(app.db, "Смирнов Олег Петрович", telegram_id=2003)
    async with app.db.read() as conn:
        from storage import bodies  # noqa: PLC0415 - the body of this test's council

        body = (await bodies.list_bodies(conn, 1))[0]
    await member(app.db, body, deputy, Role.DEPUTY)
    deputy_chat = app.person(2003, "Олег")
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await secretary.press("✍️ Отправить на подпись")
    request = await chair.wait_for("ждёт вашей подписи")
    sign_data = request.inline_keyboard[0][0]["callback_data"]
    await chair.press("Я отсутствую — подпишет заместитель", in_message=request)
    assert "Смирнов Олег Петрович" in request.text  # the request, edited in place
    forged = await chair.press_data(sign_data, in_message=request)
    assert "подписывает" in (forged.text or "").lower()
    handed = await deputy_chat.wait_for("ждёт вашей подписи")
    assert "Я отсутствую" not in " ".join(handed.buttons)
    await deputy_chat.press("✅ Подписать", in_message=handed)
    await app.run_due()
    assert "Заместитель председателя" in last_docx(voters[0])


async def test_reminders_come_on_their_days_and_stop_once_it_is_sent(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    chair = await person(app.db, "Кузнецова Ирина Львовна", telegram_id=CHAIR)
    await member(app.db, setup.body, chair, Role.CHAIR)
    secretary = app.person(SECRETARY, "Анна")
    chair_chat = app.person(CHAIR, "Ирина")
    coordinator = app.person(ADMIN_ID, "Ольга")
    await announce(secretary)
    await secretary.press("📣 Объявить")
    await app.run_due()

    def reminders(chat: Person) -> int:
        return sum(
            "Протокол заседания" in m.text or "протокол заседания" in m.text
            for m in chat.bot_messages
        )

    await until(app, MEETING + timedelta(days=14) - timedelta(minutes=1))
    assert reminders(secretary) == 0
    await app.advance(timedelta(minutes=1))
    assert reminders(secretary) == 1
    await until(app, MEETING + timedelta(days=21))
    assert reminders(secretary) == 2 and reminders(chair_chat) == 0
    await until(app, MEETING + timedelta(days=28))
    assert reminders(secretary) == 3 and reminders(chair_chat) == 1
    await until(app, MEETING + timedelta(days=30))
    assert reminders(coordinator) == 1
    assert "Срок истёк" in coordinator.last_text


async def test_a_signed_protocol_stops_the_reminders(app: BotUnderTest) -> None:
    secretary, chair, _, _ = await close_hybrid_meeting(app)
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await secretary.press("✍️ Отправить на подпись")
    request = await chair.wait_for("ждёт вашей подписи")
    await chair.press("✅ Подписать", in_message=request)
    await until(app, MEETING + timedelta(days=40))
    assert not any("ещё не отправлен" in m.text for m in secretary.bot_messages)


async def test_a_broken_template_is_refused_and_the_old_one_stays(app: BotUnderTest) -> None:
    secretary, _, _, _ = await close_hybrid_meeting(app)
    coordinator = app.person(ADMIN_ID, "Ольга")

    async def upload(content: bytes) -> str:
        await coordinator.send("/menu")
        await coordinator.press("🏛 ИМЦ Лужского района")
        await coordinator.press("📄 Шаблон протокола")
        await coordinator.upload(
            "бланк.docx",
            content,
            mime_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        return coordinator.last_text

    assert "не файл Word" in await upload(b"not a docx at all")
    plain = docx.Document()
    plain.add_paragraph("Просто текст без полей")
    buffer = BytesIO()
    plain.save(buffer)
    assert "нет полей протокола" in await upload(buffer.getvalue())

    from bot.documents.protocol import _shipped  # noqa: PLC0415 - the shipped template, to extend

    own = docx.Document(BytesIO(_shipped("protocol.docx")))
    own.paragraphs[0].insert_paragraph_before("ЛУЖСКИЙ ИМЦ — БЛАНК")
    buffer = BytesIO()
    own.save(buffer)
    assert "Шаблон сохранён" in await upload(buffer.getvalue())
    broken = docx.Document()
    broken.add_paragraph("ПРОТОКОЛ № {{ number")
    buffer = BytesIO()
    broken.save(buffer)
    answer = await upload(buffer.getvalue())
    assert "Старый шаблон оставлен" in answer

    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await secretary.press("👁 Предпросмотр (DOCX)")
    assert "ЛУЖСКИЙ ИМЦ — БЛАНК" in last_docx(secretary)
    assert re.search(r"№ 1\b", last_docx(secretary))
