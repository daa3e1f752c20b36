"""Personal data as 152-FZ expects, told as people live it: consent before anything is stored,
a changed text asked again, paper consents for people a secretary adds, /mydata with its
export, erasure, the inspector's register, and the retention period."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import JSON, BigInteger, Integer, LargeBinary, String, Text, select

from handlers.consent import ConsentAnswer, ConsentCb
from handlers.privacy import PrivacyAction, PrivacyCb
from handlers.setup import OrgAction, OrgCb
from storage import bodies, organisations, people
from storage.personal_data import REGISTRY
from storage.schema import (
    ballots,
    consents,
    meetings,
    memberships,
    metadata,
    minutes,
    persons,
    room_votes,
    vote_log,
    votes,
)
from tests.factories import council, member, person
from tests.fakegram import Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import (
    NAMES,
    TEACHER,
    ask,
    asset_with_methodists,
    close_hybrid_meeting,
    invitation_link,
    roster_csv,
)

SECRETARY = 2002


async def rows_mentioning(app: BotUnderTest, *needles: str | int) -> list[str]:
    """Every table.column (text, JSON, Telegram id) whose value contains one of `needles`:
    a text as a substring, a number as a whole number. The organisation's records (signed
    протоколы, a speaker typed into an agenda) are left out: erasure keeps them on purpose."""
    found = []
    async with app.db.read() as conn:
        for table in metadata.sorted_tables:
            kept = REGISTRY[table.name].record
            for column in table.c:
                if column.name in kept or isinstance(column.type, LargeBinary):
                    continue
                if not isinstance(column.type, String | Text | JSON | BigInteger | Integer):
                    continue
                values = (await conn.execute(select(column))).scalars().all()
                for value in values:
                    text = json.dumps(value, ensure_ascii=False) if value is not None else ""
                    if isinstance(value, str):
                        text = value
                    for needle in needles:
                        if isinstance(needle, int):
                            hit = re.search(rf"(?<!\d){needle}(?!\d)", text) is not None
                        else:
                            hit = needle in text
                        if hit:
                            found.append(f"{table.name}.{column.name}")
    return sorted(set(found))


# --- consent before collecting --------------------------------------------------------------


async def test_a_newcomer_who_declines_leaves_nothing_and_can_come_back(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    token = await invitation_link(secretary, "член", "5 человек", "7 дней")

    newcomer = app.person(3001, "Игорь")
    await newcomer.send(f"/start {token}")
    consent = newcomer.last
    assert consent.body.startswith("Согласие на обработку персональных данных")
    assert "оператору — ИМЦ Лужского района" in consent.body
    assert "5 лет" in consent.body
    assert consent.buttons == ["✅ Согласен(на)", "Не согласен(на)"]
    # Consent is its own message, apart from the invitation's text.
    assert "Вас приглашают" not in consent.body

    await newcomer.press("Не согласен(на)")
    assert "ничего о вас не сохраняет" in newcomer.last_text
    # Typing the name now is not a registration: the form is gone.
    await newcomer.send("Белов Игорь Николаевич")
    assert await rows_mentioning(app, "Белов", 3001) == []

    await newcomer.send(f"/start {token}")
    await newcomer.press("✅ Согласен(на)")
    assert "Как вас зовут" in newcomer.last_text
    await newcomer.send("Белов Игорь Николаевич")
    await newcomer.send("МОУ СОШ № 2")
    await newcomer.send("физика")
    assert "Готово! Вы в «Методический совет» — роль: член." in newcomer.texts_since(0)

    async with app.db.read() as conn:
        belov = await people.get_by_telegram(conn, 3001)
        assert belov is not None
        given = (
            (await conn.execute(select(consents).where(consents.c.person_id == belov.id)))
            .mappings()
            .all()
        )
    assert len(given) == 1
    assert given[0]["basis"] == "chat"
    assert given[0]["organisation_id"] == setup.organisation.id
    assert given[0]["locale"] == "ru"
    assert re.fullmatch(r"[0-9a-f]{64}", given[0]["text_sha256"])


async def test_a_newcomer_declines_in_english_and_comes_back(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    teacher = app.person(7007, "John", language_code="en")
    await teacher.send("/start")
    await teacher.press("Register as a teacher")
    assert teacher.last_text.startswith("Consent to the processing of personal data")
    await teacher.press("I do not agree")
    assert "stores nothing about you" in teacher.last_text
    assert await rows_mentioning(app, 7007) == []

    await teacher.send("/start")
    await teacher.press("Register as a teacher")
    await teacher.press("✅ I agree")
    await teacher.send("Smith John Paul")
    await teacher.send("School No. 5")
    await teacher.send("biology")
    assert "you are registered" in " ".join(teacher.texts_since(0))
    async with app.db.read() as conn:
        smith = await people.get_by_telegram(conn, 7007)
        assert smith is not None
        locale = (
            await conn.execute(select(consents.c.locale).where(consents.c.person_id == smith.id))
        ).scalar_one()
    assert locale == "en"


async def test_a_changed_text_is_asked_again_and_the_old_consent_stays(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    menu = secretary.last

    coordinator = app.person(ADMIN_ID, "Ольга")
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("🔐 Персональные данные")
    assert "Текст согласия: версия 1" in coordinator.last_text
    await coordinator.press("✏️ Название и адрес оператора")
    await coordinator.send("МКУ «ИМЦ» Лужского района")
    await coordinator.send("188230, г. Луга, пр. Кирова, д. 75")
    assert "версия 2" in coordinator.last_text

    # The secretary's next press asks again, and does nothing else meanwhile.
    mark = secretary.mark()
    answer = await secretary.press("👥 Методический совет", in_message=menu)
    assert answer.show_alert
    assert "Сначала ответьте на согласие" in (answer.text or "")
    assert "подтвердите согласие" in secretary.texts_since(mark)[0]
    assert "оператору — МКУ «ИМЦ» Лужского района, адрес: 188230" in secretary.last_text
    assert "В Telegram" not in " ".join(secretary.texts_since(mark))
    await secretary.press("✅ Согласен(на)")
    assert "согласие записано" in " ".join(secretary.texts_since(mark))
    consent_message = next(m for m in secretary.bot_messages if "Согласие на" in m.body)
    assert consent_message.buttons == []
    await secretary.press("👥 Методический совет")
    assert "В Telegram" in secretary.last_text
    # A forged second «Согласен(на)» is answered politely and records nothing more.
    async with app.db.read() as conn:
        version = (
            (
                await conn.execute(
                    select(consents.c.version_id)
                    .where(consents.c.person_id == setup.secretary.id)
                    .order_by(consents.c.id.desc())
                )
            )
            .scalars()
            .first()
        )
    again = await secretary.press_data(
        ConsentCb(answer=ConsentAnswer.YES, version=version).pack(), in_message=secretary.last
    )
    assert again.show_alert
    assert "уже записано" in (again.text or "")

    async with app.db.read() as conn:
        rows = (
            await conn.execute(
                select(consents.c.version_id, consents.c.withdrawn_at)
                .where(consents.c.person_id == setup.secretary.id)
                .order_by(consents.c.id)
            )
        ).all()
    assert len(rows) == 2
    assert rows[0].version_id != rows[1].version_id
    assert all(row.withdrawn_at is None for row in rows)


async def test_a_changed_text_is_asked_again_in_english(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    coordinator = app.person(ADMIN_ID, "Olga", language_code="en")
    await coordinator.send("/language")
    await coordinator.press("English")
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("🔐 Personal data")
    await coordinator.press("✏️ Operator's name and address")
    await coordinator.send("Luga District Methodical Centre")
    await coordinator.send("75 Kirova Ave, Luga")
    assert "version 2" in coordinator.last_text
    # The coordinator agreed to version 1 only: they too are asked about version 2.
    await coordinator.send("/menu")
    assert "operator — Luga District Methodical Centre, address: 75 Kirova Ave" in (
        coordinator.last_text
    )
    await coordinator.press("✅ I agree")
    assert "consent is recorded" in " ".join(coordinator.texts_since(0))


# --- people a secretary adds ---------------------------------------------------------------


async def test_a_csv_import_asks_for_the_paper_consents_and_records_each(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("📥 Загрузить CSV")
    await secretary.upload("состав.csv", roster_csv(NAMES[:3]))
    await secretary.press("Добавить (3)")
    assert "от каждого из 3 человек" in secretary.last_text
    async with app.db.read() as conn:
        assert (await conn.execute(select(persons.c.id))).all().__len__() == 2  # nothing yet
    await secretary.press("✅ Да, согласия получены")
    assert any("добавлено 3" in text for text in secretary.texts_since(0))

    async with app.db.read() as conn:
        paper = (
            await conn.execute(
                select(persons.c.full_name, consents.c.recorded_by)
                .join(consents, consents.c.person_id == persons.c.id)
                .where(consents.c.basis == "paper")
            )
        ).all()
    assert sorted(row.full_name for row in paper) == sorted(NAMES[:3])
    assert {row.recorded_by for row in paper} == {setup.secretary.id}


async def test_an_import_in_english_asks_for_the_paper_consents(app: BotUnderTest) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Anna", language_code="en")
    await secretary.send("/language")
    await secretary.press("English")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("📥 Upload CSV")
    await secretary.upload("roster.csv", roster_csv(NAMES[:1]))
    await secretary.press("Add (1)")
    assert "each of the 1 person" in secretary.last_text
    await secretary.press("✅ Yes, consents received")
    assert any("1 added" in text for text in secretary.texts_since(0))


# --- /mydata ---------------------------------------------------------------------------------


async def test_mydata_shows_and_exports_only_the_persons_own_data(app: BotUnderTest) -> None:
    _, _, voters, _ = await close_hybrid_meeting(app)
    me = voters[0]
    async with app.db.read() as conn:
        mine = await people.get_by_telegram(conn, me.id)
        assert mine is not None
        others = (
            await conn.execute(
                select(persons.c.full_name, persons.c.telegram_id).where(persons.c.id != mine.id)
            )
        ).all()
        my_votes = (
            await conn.execute(select(votes.c.item_id).where(votes.c.person_id == mine.id))
        ).all()
        my_ballots = (
            await conn.execute(
                select(ballots.c.meeting_id, ballots.c.source).where(
                    ballots.c.person_id == mine.id
                )
            )
        ).all()
        my_memberships = (
            await conn.execute(
                select(memberships.c.body_id, memberships.c.role).where(
                    memberships.c.person_id == mine.id
                )
            )
        ).all()
    await me.send("/mydata")
    screen = me.last_text
    assert mine.full_name in screen
    assert "Методический совет — член" in screen
    assert f"Голосов: {len(my_votes)}" in screen
    assert "в чате, версия 1" in screen

    await me.press("📤 Выгрузить")
    exported_json, exported_csv = me.documents[-2:]
    data: dict[str, Any] = json.loads(exported_json.content)
    assert len(data["persons"]) == 1
    profile = data["persons"][0]
    assert profile["id"] == mine.id
    for field in ("full_name", "school", "subject", "telegram_id", "locale"):
        assert profile[field] == getattr(mine, field)
    assert sorted(vote["item_id"] for vote in data["votes"]) == sorted(v.item_id for v in my_votes)
    assert sorted((m["body_id"], m["role"]) for m in data["memberships"]) == sorted(
        (row.body_id, row.role) for row in my_memberships
    )
    assert "changed_by" not in data["memberships"][0]  # who added them is not theirs
    assert sorted((b["meeting_id"], b["source"]) for b in data["ballots"]) == sorted(
        (row.meeting_id, row.source) for row in my_ballots
    )
    assert "entered_by" not in data["ballots"][0]
    assert [consent["basis"] for consent in data["consents"]] == ["chat"]
    table = exported_csv.content.decode("utf-8-sig")
    assert "Профиль;1;full_name;" + mine.full_name in table
    both = exported_json.content.decode("utf-8") + table
    for name, telegram_id in others:
        assert name not in both
        if telegram_id is not None:
            assert re.search(rf"(?<!\d){telegram_id}(?!\d)", both) is None


# --- withdrawal and erasure -----------------------------------------------------------------


def without_names(results: Any) -> Any:  # noqa: ANN401 - a meeting's result document
    if isinstance(results, dict):
        return {k: "…" if k == "name" else without_names(v) for k, v in results.items()}
    if isinstance(results, list):
        return [without_names(value) for value in results]
    return results


async def outcome(app: BotUnderTest) -> list[object]:
    """What past meetings decided and how: results and tallies (who voted how, names aside),
    ballots, votes, the log, протоколы."""
    async with app.db.read() as conn:
        results = (await conn.execute(select(meetings.c.id, meetings.c.results))).all()
        return [
            [(row.id, without_names(row.results)) for row in results],
            (await conn.execute(select(room_votes))).all(),
            (await conn.execute(select(ballots))).all(),
            (await conn.execute(select(votes))).all(),
            (await conn.execute(select(vote_log))).all(),
            (await conn.execute(select(minutes))).all(),
        ]


async def sign_protocol(secretary: Person, chair: Person, app: BotUnderTest) -> None:
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📝 Протокол")
    await secretary.press("✏️ Вопрос 1")
    await secretary.send("Петрова А. С. представила план работы на второе полугодие.")
    await secretary.press("Пропустить")
    await secretary.send("Утвердить план работы на второе полугодие.")
    await secretary.press("✍️ Отправить на подпись")
    request = await chair.wait_for("ждёт вашей подписи")
    await chair.press("✅ Подписать", in_message=request)
    await app.run_due()


async def test_erasure_leaves_nothing_personal_and_past_results_unchanged(
    app: BotUnderTest,
) -> None:
    secretary, chair, voters, _ = await close_hybrid_meeting(app)
    await sign_protocol(secretary, chair, app)
    me = voters[0]
    async with app.db.transaction() as conn:
        mine = await people.get_by_telegram(conn, me.id)
        assert mine is not None
        await people.update_profile(
            conn, mine.id, now=app.clock.now(), school="Лицей № 99 имени Чехова"
        )
    # A language chosen in the chat is kept by the form storage under the Telegram id.
    await me.send("/language")
    await me.press("Русский")
    assert "fsm_states.key" in await rows_mentioning(app, me.id)
    before = await outcome(app)
    async with app.db.read() as conn:
        tally = (await conn.execute(select(meetings.c.results))).scalars().first()
    assert tally is not None
    assert tally["items"][0]["for"] == 4  # two ballots and two hands in the room
    assert await rows_mentioning(app, mine.full_name, "Лицей № 99 имени Чехова", me.id) != []

    coordinator = app.person(ADMIN_ID, "Ольга")
    await me.send("/mydata")
    await me.press("Отозвать согласие и удалить мои данные")
    assert "подписанные протоколы" in me.last_text
    await me.press("Да, удалить мои данные")
    assert "ваши данные удалены" in me.last_text
    notice = await coordinator.wait_for("отозвал(а) согласие")
    assert mine.full_name in notice.text

    assert await rows_mentioning(app, mine.full_name, "Лицей № 99 имени Чехова", me.id) == []
    assert await outcome(app) == before
    async with app.db.read() as conn:
        erased = (await conn.execute(select(persons).where(persons.c.id == mine.id))).one()
        withdrawn = (
            (
                await conn.execute(
                    select(consents.c.withdrawn_at).where(consents.c.person_id == mine.id)
                )
            )
            .scalars()
            .all()
        )
    assert erased.full_name == f"Удалённый участник № {mine.id}"
    assert erased.telegram_id is None
    assert erased.erased_at is not None
    assert withdrawn and all(moment is not None for moment in withdrawn)

    # The same button again, and the bot no longer knows them: a newcomer's welcome.
    answer = await me.press_data(
        PrivacyCb(action=PrivacyAction.ERASE_YES).pack(), in_message=me.last
    )
    assert answer.show_alert
    await me.send("/start")
    assert "Зарегистрироваться как педагог" in me.buttons()


async def test_erasure_in_english(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    john = await person(
        app.db,
        "Smith John Paul",
        telegram_id=7007,
        organisation_id=setup.organisation.id,
        locale="en",
        school="Riverside School 12",
    )
    await member(app.db, setup.body, john)
    chat = app.person(7007, "John", language_code="en")
    await chat.send("/mydata")
    assert "Full name: Smith John Paul" in chat.last_text
    await chat.press("Withdraw consent and erase my data")
    assert "cannot be undone" in chat.last_text
    await chat.press("Yes, erase my data")
    assert "your data erased" in chat.last_text
    assert await rows_mentioning(app, "Smith John Paul", "Riverside School 12", 7007) == []


# --- for the inspector ------------------------------------------------------------------------


async def test_the_register_of_consents_is_for_coordinators_only(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    coordinator = app.person(ADMIN_ID, "Ольга")
    await coordinator.send("/menu")
    await coordinator.press("🏛 ИМЦ Лужского района")
    await coordinator.press("🔐 Персональные данные")
    await coordinator.press("📥 Реестр согласий (CSV)")
    register = coordinator.documents[-1].content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(register), delimiter=";"))
    assert lines[0] == [
        "Человек",
        "Основание",
        "Версия текста",
        "SHA-256 текста",
        "Дано",
        "Отозвано",
        "Данные удалены",
    ]
    assert {line[0] for line in lines[1:]} == {
        "Смирнова Ольга Ивановна",
        "Петрова Анна Сергеевна",
    }
    assert all(line[1] == "согласие в чате" and line[2] == "1" for line in lines[1:])
    await coordinator.press("📄 Тексты согласий")
    texts = coordinator.documents[-1].content.decode("utf-8")
    assert "=== Версия 1 (ru)" in texts
    assert "=== Версия 1 (en)" in texts

    # A member and a stranger pressing the same buttons get a refusal at once.
    outsider = await person(
        app.db, "Белов Игорь Николаевич", telegram_id=3003, organisation_id=setup.organisation.id
    )
    await member(app.db, setup.body, outsider)
    strangers = [app.person(3003, "Игорь"), app.person(SECRETARY, "Анна")]
    stranger = await person(app.db, "Чужой Пётр Петрович", telegram_id=4004)
    assert stranger.organisation_id is None
    strangers.append(app.person(4004, "Пётр"))
    for chat in strangers:
        await chat.send("/menu")
        for action in (
            OrgAction.PD,
            OrgAction.REGISTER,
            OrgAction.VERSIONS,
            OrgAction.OPERATOR_EDIT,
        ):
            answer = await chat.press_data(
                OrgCb(action=action, id=setup.organisation.id).pack(), in_message=chat.last
            )
            assert answer.show_alert, (chat, action)
            assert "может сделать только координатор" in (answer.text or ""), answer.text
        assert not chat.documents


# --- retention --------------------------------------------------------------------------------


async def test_retention_anonymises_after_the_years_with_a_note_first(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    belov = await person(
        app.db, "Белов Игорь Николаевич", telegram_id=3003, organisation_id=setup.organisation.id
    )
    await member(app.db, setup.body, belov)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("👥 Состав")
    await secretary.press("Белов Игорь Николаевич")
    await secretary.press("Исключить из состава")
    await secretary.press("Да, исключить")
    left = app.clock.now()
    coordinator = app.person(ADMIN_ID, "Ольга")

    # Almost five years later nothing happens yet.
    app.clock.set(left.replace(year=left.year + 5) - timedelta(days=31))
    await app.restart()
    assert not [t for t in coordinator.texts_since(0) if "срок хранения" in t.lower()]

    # The bot is down while the note's day passes; it goes out once at start-up.
    app.clock.set(left.replace(year=left.year + 5) - timedelta(days=10))
    await app.restart()
    await app.restart()
    notes = [t for t in coordinator.texts_since(0) if "Истекает срок хранения" in t]
    assert len(notes) == 1
    assert "Белов Игорь Николаевич" in notes[0]
    async with app.db.read() as conn:
        kept = await people.get_person(conn, belov.id)
    assert kept is not None
    assert kept.full_name == "Белов Игорь Николаевич"

    # The moment passes while the bot is down: anonymised at start-up, after the note.
    app.clock.set(left.replace(year=left.year + 5) + timedelta(days=40))
    await app.restart()
    texts = coordinator.texts_since(0)
    done = [i for i, t in enumerate(texts) if "Срок хранения истёк" in t]
    note = [i for i, t in enumerate(texts) if "Истекает срок хранения" in t]
    assert len(done) == 1
    assert len(note) == 1
    assert note[0] < done[0]
    assert await rows_mentioning(app, "Белов Игорь Николаевич", 3003) == []
    await app.restart()
    assert len([t for t in coordinator.texts_since(0) if "Срок хранения истёк" in t]) == 1


# --- exports do not become attacks ------------------------------------------------------------


async def test_a_formula_in_a_cell_goes_out_neutralised_in_the_roster_csv(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    tricky = await person(
        app.db, "Белов Игорь Николаевич", telegram_id=None, school='=HYPERLINK("http://x")'
    )
    await member(app.db, setup.body, tricky)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("📤 Выгрузить CSV")
    exported = secretary.documents[-1].content
    rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig")), delimiter=";"))
    belov = next(row for row in rows if row[0] == "Белов Игорь Николаевич")
    assert belov[1] == '\'=HYPERLINK("http://x")'

    # The line comes back as text, not refused as a formula.
    lines = exported.decode("utf-8-sig").split("\r\n")
    again = next(line for line in lines if line.startswith("Белов"))
    await secretary.press("📥 Загрузить CSV")
    await secretary.upload("состав.csv", (lines[0] + "\r\n" + again).encode("utf-8-sig"))
    assert "уже в составе (1)" in secretary.last_text


async def test_a_formula_in_a_cell_goes_out_neutralised_in_the_consultation_reports(
    app: BotUnderTest,
) -> None:
    await asset_with_methodists(app)
    async with app.db.transaction() as conn:
        teacher_row = await people.get_by_telegram(conn, TEACHER)
        assert teacher_row is not None
        await people.update_profile(
            conn, teacher_row.id, now=app.clock.now(), school='=HYPERLINK("http://x")'
        )
    teacher = app.person(TEACHER, "Мария")
    coordinator = app.person(ADMIN_ID, "Ольга")
    await ask(teacher)
    await coordinator.send("/consult")
    await coordinator.press("📊 Отчёт")
    await coordinator.press("Текущий месяц")
    csv_file, xlsx_file = coordinator.documents[-2:]
    table = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig")), delimiter=";"))
    assert '\'=HYPERLINK("http://x")' in table[1]
    assert '=HYPERLINK("http://x")' not in table[1]
    sheet = load_workbook(io.BytesIO(xlsx_file.content)).worksheets[0]
    cells = [cell for cell in sheet[2] if cell.value and "HYPERLINK" in str(cell.value)]
    assert [(cell.value, cell.data_type) for cell in cells] == [('\'=HYPERLINK("http://x")', "s")]


async def test_mydata_in_english_shows_and_exports_only_ones_own(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    john = await person(
        app.db,
        "Smith John Paul",
        telegram_id=7007,
        organisation_id=setup.organisation.id,
        locale="en",
    )
    await member(app.db, setup.body, john)
    chat = app.person(7007, "John", language_code="en")
    await chat.send("/mydata")
    assert "Full name: Smith John Paul" in chat.last_text
    assert "Методический совет — member, since 01.03.2027" in chat.last_text
    assert "in the chat, version 1" in chat.last_text
    await chat.press("📤 Download")
    exported_json, exported_csv = chat.documents[-2:]
    data = json.loads(exported_json.content)
    assert data["persons"][0]["full_name"] == "Smith John Paul"
    table = exported_csv.content.decode("utf-8-sig")
    assert table.startswith("Section;Record;Field;Value")
    assert "Profile;1;full_name;Smith John Paul" in table
    for other in ("Петрова Анна Сергеевна", "Смирнова Ольга Ивановна", str(ADMIN_ID)):
        assert other not in exported_json.content.decode("utf-8") + table


async def test_retention_in_english(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    async with app.db.transaction() as conn:
        await people.set_locale(conn, setup.coordinator.id, "en")
    gone = await person(
        app.db, "Smith John Paul", telegram_id=None, organisation_id=setup.organisation.id
    )
    await member(app.db, setup.body, gone)
    async with app.db.transaction() as conn:
        await bodies.end_all_memberships(conn, gone.id, now=app.clock.now())
    coordinator = app.person(ADMIN_ID, "Olga", language_code="en")
    left = app.clock.now()
    app.clock.set(left.replace(year=left.year + 5) - timedelta(days=30))
    await app.restart()
    note = await coordinator.wait_for("The retention period is running out")
    assert "Smith John Paul" in note.text
    assert "01.03.2032" in note.text
    app.clock.set(left.replace(year=left.year + 5) + timedelta(hours=1))
    await app.restart()
    done = await coordinator.wait_for("The retention period is over")
    assert "Smith John Paul" in done.text
    assert await rows_mentioning(app, "Smith John Paul") == []


async def test_someone_imported_on_paper_confirms_in_the_chat_at_first_contact(
    app: BotUnderTest,
) -> None:
    await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("📥 Загрузить CSV")
    content = "ФИО;Школа;Предмет;Telegram ID\r\nБелов Игорь Николаевич;МОУ СОШ № 2;физика;3003\r\n"
    await secretary.upload("состав.csv", content.encode("cp1251"))
    await secretary.press("Добавить (1)")
    await secretary.press("✅ Да, согласия получены")

    belov = app.person(3003, "Игорь")
    await belov.send("/meetings")
    assert belov.last_text.startswith("Согласие на обработку персональных данных")
    await belov.press("✅ Согласен(на)")
    assert "согласие записано" in " ".join(belov.texts_since(0))
    async with app.db.read() as conn:
        bases = (
            (
                await conn.execute(
                    select(consents.c.basis)
                    .join(persons, persons.c.id == consents.c.person_id)
                    .where(persons.c.telegram_id == 3003)
                    .order_by(consents.c.id)
                )
            )
            .scalars()
            .all()
        )
    assert bases == ["paper", "chat"]
    assert belov.buttons()  # the menu comes next


async def test_a_secretary_records_the_paper_consent_of_someone_added_before(
    app: BotUnderTest,
) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    # Added before the bot kept consents: no record of any kind.
    earlier = await person(
        app.db, "Белов Игорь Николаевич", telegram_id=None, organisation_id=setup.organisation.id
    )
    await member(app.db, setup.body, earlier)
    secretary = app.person(SECRETARY, "Анна")
    await secretary.send("/menu")
    await secretary.press("👥 Методический совет")
    await secretary.press("👥 Состав")
    await secretary.press("Белов Игорь Николаевич")
    assert "Согласие на обработку персональных данных не записано" in secretary.last_text
    paper = next(
        button["callback_data"]
        for row in secretary.last.inline_keyboard
        for button in row
        if button["text"] == "📝 Бумажное согласие получено"
    )
    await secretary.press("📝 Бумажное согласие получено")
    assert "Записано: бумажное согласие получено" in secretary.last_text
    assert "📝 Бумажное согласие получено" not in secretary.buttons()
    # The same button again (its data kept from before the edit): said politely, nothing added.
    again = await secretary.press_data(str(paper), in_message=secretary.last)
    assert again.show_alert
    assert "уже записано" in (again.text or "")
    async with app.db.read() as conn:
        recorded = (
            await conn.execute(
                select(consents.c.basis, consents.c.recorded_by).where(
                    consents.c.person_id == earlier.id
                )
            )
        ).all()
    assert [(row.basis, row.recorded_by) for row in recorded] == [("paper", setup.secretary.id)]


async def test_a_text_changed_while_a_newcomer_reads_it_is_shown_again(app: BotUnderTest) -> None:
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    secretary = app.person(SECRETARY, "Анна")
    token = await invitation_link(secretary, "член", "5 человек", "7 дней")
    newcomer = app.person(3001, "Игорь")
    await newcomer.send(f"/start {token}")
    first = newcomer.last
    async with app.db.transaction() as conn:
        await organisations.set_operator(
            conn, setup.organisation.id, name="МКУ «ИМЦ» Лужского района", address="г. Луга"
        )
    answer = await newcomer.press("✅ Согласен(на)", in_message=first)
    assert answer.show_alert
    assert "Текст согласия изменился" in (answer.text or "")
    assert "оператору — МКУ «ИМЦ» Лужского района, адрес: г. Луга" in newcomer.last_text
    await newcomer.press("✅ Согласен(на)")
    assert "Как вас зовут" in newcomer.last_text
