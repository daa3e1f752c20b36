"""A hybrid meeting whose room opens before the ballots close: one member, one vote, whichever
way it comes, the meeting closes with the right result, and the протокол says how it was
counted (clauses 4.6, 4.7). The bot is restarted between the steps, as it is in real life."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import func, select, update

from bot.documents.names import listed
from storage.schema import attendance, ballots, meetings, vote_log
from tests.factories import council, member, person
from tests.fakegram import Person
from tests.fakegram.models import CallbackAnswer, Message
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import BALLOTS_OPEN, ITEMS, announce, last_docx, until

SECRETARY = 2002
IN_ROOM, REMOTE = 3001, 3002
ROOM_NAME, REMOTE_NAME = "Кузнецова Елена Андреевна", "Воробьёва Татьяна Ильинична"


@dataclass(frozen=True)
class Labels:
    """What each person reads and presses, in their language."""

    language: str
    card: str
    open_card: str
    my_ballot: str
    room: str
    early: str
    open_early: str
    room_vote: str
    recorded: str
    vote_for: str
    vote_against: str
    sign: str
    voted_in_room: str
    ballot_in_room: str
    ways: str
    counted: str
    close: str
    close_yes: str
    closed: str
    results: str
    quorum: str
    tally: str
    counted_how: str


RU = Labels(
    language="ru",
    card="четверг, 11.03.2027 15:00 — Методический совет",
    open_card="Открыть заседание",
    my_ballot="🗳 Мой опросный лист",
    room="🏛 Заседание в зале",
    early="Заседание начнётся 11.03.2027 15:00. Открыть зал раньше?",
    open_early="🏛 Открыть зал сейчас",
    room_vote="🗳 Голосование: вопрос 1",
    recorded="Записано.",
    vote_for="1 · За",
    vote_against="1 · Против",
    sign="✍️ Подписать и отправить",
    voted_in_room="Вы уже проголосовали в зале",
    ballot_in_room="🏛 Вы проголосовали в зале",
    ways="В зале голосуют 1, по опросным листам — 2",
    counted="по вопросу 1 записан 1 голос",
    close="✅ Завершить голосование и подвести итоги",
    close_yes="Да, завершить",
    closed="Голосование завершено.",
    results="📊 Итоги",
    quorum="Участвовали 3 из 3: заседание правомочно (кворум — 2).",
    tally="За — 2, Против — 1, Воздержались — 0.\nРешение принято.",
    counted_how="Как считали: в зале — 1, по опросным листам — 2",
)
EN = Labels(
    language="en",
    card="Thursday, 11.03.2027 15:00 — Методический совет",
    open_card="Open the meeting",
    my_ballot="🗳 My ballot",
    room="🏛 Meeting in the room",
    early="The meeting starts 11.03.2027 15:00. Open the room early?",
    open_early="🏛 Open the room now",
    room_vote="🗳 Vote: item 1",
    recorded="Recorded.",
    vote_for="1 · For",
    vote_against="1 · Against",
    sign="✍️ Sign and send",
    voted_in_room="You have already voted in the room",
    ballot_in_room="🏛 You voted in the room",
    ways="1 vote in the room, 2 by ballot",
    counted="1 vote is recorded on item 1",
    close="✅ Close voting and count the results",
    close_yes="Yes, close it",
    closed="Voting is closed.",
    results="📊 Results",
    quorum="3 of 3 took part: the meeting is valid",
    tally="For: 2, Against: 1, Abstained: 0.\nThe decision passed.",
    counted_how="How it was counted: 1 in the room, 2 by ballot",
)


async def hybrid_with_ballots_out(
    app: BotUnderTest, labels: Labels
) -> tuple[Person, Person, Person]:
    """A council of three (the secretary and two members) with a hybrid meeting announced and
    the ballots delivered, five days before it starts: the secretary's chat, then those of the
    member who will be in the room and of the one who votes remotely."""
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    for telegram_id, name in ((IN_ROOM, ROOM_NAME), (REMOTE, REMOTE_NAME)):
        who = await person(app.db, name, telegram_id=telegram_id, locale=labels.language)
        await member(app.db, setup.body, who)
    secretary = app.person(SECRETARY, "Анна")
    chats = app.person(IN_ROOM, "Е"), app.person(REMOTE, "Т")
    await announce(secretary, form="гибридное", items=ITEMS[:1])
    await secretary.press("📣 Объявить")
    if labels.language == "en":
        await secretary.send("/language")
        await secretary.press("English")
    await until(app, BALLOTS_OPEN)
    return secretary, *chats


def told(chat: Person, answer: CallbackAnswer) -> str:
    """What a press told the person: an alert on the button, or (too long for one) a message."""
    return answer.text or chat.last_text


def ballot_of(chat: Person, labels: Labels) -> Message:
    """The опросный лист the bot delivered to this person."""
    return next(m for m in chat.bot_messages if labels.sign in m.buttons)


async def open_room_early(secretary: Person, labels: Labels) -> None:
    await secretary.send("/meetings")
    await secretary.press(labels.card)
    await secretary.press(labels.room)
    assert labels.early in secretary.last_text
    await secretary.press(labels.open_early)


@pytest.mark.parametrize("labels", [RU, EN], ids=["ru", "en"])
async def test_a_member_counted_in_the_room_cannot_also_sign_a_ballot(
    app: BotUnderTest, labels: Labels
) -> None:
    secretary, in_room, remote = await hybrid_with_ballots_out(app, labels)
    ballot = ballot_of(in_room, labels)

    await open_room_early(secretary, labels)
    await app.restart()
    await secretary.press(f"▫️ {ROOM_NAME}")
    await app.restart()
    await secretary.press(labels.room_vote)
    await secretary.send("1 0 0")
    assert labels.recorded in secretary.last_text
    await app.restart()

    # The member who voted in the room finds the ballot closed to them, at the first press.
    refused = await in_room.press(labels.vote_for, in_message=ballot)
    assert labels.voted_in_room in (refused.text or "")
    refused = await in_room.press(labels.sign, in_message=ballot)
    assert labels.voted_in_room in (refused.text or "")
    await in_room.press(labels.open_card, in_message=in_room.bot_messages[0])
    await in_room.press(labels.my_ballot)
    assert labels.ballot_in_room in in_room.last_text
    assert labels.sign not in in_room.buttons()

    # The others vote by ballot; the remote member then comes to the room as well.
    await remote.press(labels.vote_against)
    await remote.press(labels.sign)
    await secretary.press(labels.vote_for, in_message=ballot_of(secretary, labels))
    await secretary.press(labels.sign)
    await app.restart()
    await secretary.send("/meetings")
    await secretary.press(labels.card)
    await secretary.press(labels.room)
    await secretary.press(f"▫️ {REMOTE_NAME}")
    assert f"🗳 {REMOTE_NAME}" in secretary.buttons()  # a signed ballot is their vote
    assert labels.ways in secretary.last_text
    # The room's count rests on the member who voted there: the mark cannot be lifted.
    refused = await secretary.press(f"✅ {ROOM_NAME}")
    assert labels.counted in told(secretary, refused)
    assert f"✅ {ROOM_NAME}" in secretary.buttons()

    await secretary.press(labels.close)
    await secretary.press(labels.close_yes)
    assert labels.closed in secretary.last_text
    await app.restart()
    await app.run_due()
    for chat in (in_room, remote):
        result = await chat.wait_for(labels.results)
        assert labels.quorum in result.text
        assert labels.tally in result.text
        assert labels.counted_how in result.text
    async with app.db.read() as conn:
        stored = (await conn.execute(select(meetings.c.results))).scalar_one()
        signed = (
            await conn.execute(select(func.count()).where(ballots.c.signed_at.is_not(None)))
        ).scalar_one()
    assert (stored["participants"], stored["in_room"], stored["by_ballot"]) == (3, 1, 2)
    assert (stored["items"][0]["for"], stored["items"][0]["against"]) == (2, 1)
    assert signed == 2  # the member counted in the room has no signed ballot


async def test_a_ballot_signed_after_being_marked_present_is_not_in_the_room_count(
    app: BotUnderTest,
) -> None:
    secretary, in_room, _ = await hybrid_with_ballots_out(app, RU)
    await open_room_early(secretary, RU)
    await secretary.press(f"▫️ {ROOM_NAME}")
    await app.restart()
    # Marked present, but nothing recorded in the room yet: the ballot is still theirs to sign.
    await in_room.press(RU.vote_for)
    await in_room.press(RU.sign)
    assert "подписан и отправлен" in in_room.last_text
    await app.restart()
    await secretary.send("/meetings")
    await secretary.press(RU.card)
    await secretary.press(RU.room)
    assert f"🗳 {ROOM_NAME}" in secretary.buttons()
    await secretary.press(RU.room_vote)
    assert "В зале голосуют: 0." in secretary.last_text
    await secretary.send("1 0 0")
    assert "Голосов 1, а в зале голосуют 0" in secretary.last_text
    async with app.db.read() as conn:
        recorded = (
            await conn.execute(select(func.count()).where(vote_log.c.action == "room"))
        ).scalar_one()
    assert recorded == 0


async def test_counts_stored_before_the_rule_are_corrected_and_the_meeting_closes(
    app: BotUnderTest,
) -> None:
    """The state the defect left behind: present, counted in the room's «1 0 0», and a signed
    ballot too. Closing says what to correct; once corrected, it closes."""
    secretary, in_room, _ = await hybrid_with_ballots_out(app, RU)
    await open_room_early(secretary, RU)
    await secretary.press(f"▫️ {ROOM_NAME}")
    await secretary.press(RU.room_vote)
    await secretary.send("1 0 0")
    async with app.db.transaction() as conn:  # as the data of a meeting from before the rule
        await conn.execute(update(attendance).values(counted=False))
    await in_room.press(RU.vote_for)
    await in_room.press(RU.sign)
    await app.restart()

    await secretary.send("/meetings")
    await secretary.press(RU.card)
    await secretary.press(RU.room)
    await secretary.press(RU.close)
    refused = await secretary.press(RU.close_yes)
    assert (
        "Итоги пока не подвести: по вопросу 1 в зале записан 1 голос, а голосуют в зале 0"
        in told(secretary, refused)
    )
    assert not any("Что-то пошло не так" in m.text for m in secretary.bot_messages)
    await secretary.send("/meetings")
    await secretary.press(RU.card)
    await secretary.press(RU.room)
    await secretary.press(RU.room_vote)
    await secretary.send("0 0 0")
    await app.restart()
    await secretary.send("/meetings")
    await secretary.press(RU.card)
    await secretary.press(RU.room)
    await secretary.press(RU.close)
    await secretary.press(RU.close_yes)
    assert RU.closed in secretary.last_text
    await app.run_due()
    result = await in_room.wait_for(RU.results)
    assert "Участвовали 1 из 3: заседание неправомочно (кворум — 2)." in result.text
    assert "Как считали: в зале — 0, по опросным листам — 1" in result.text


async def test_the_protocol_of_a_hybrid_meeting_says_how_it_was_counted(
    app: BotUnderTest,
) -> None:
    secretary, _, remote = await hybrid_with_ballots_out(app, RU)
    await remote.press(RU.vote_for)
    await remote.press(RU.sign)
    await open_room_early(secretary, RU)
    await secretary.press(f"▫️ {ROOM_NAME}")
    await secretary.press(f"🗳 {REMOTE_NAME}")  # came to the room after signing
    await secretary.press("▫️ Петрова Анна Сергеевна")
    await secretary.press(RU.room_vote)
    await secretary.send("2 0 0")
    await secretary.press(RU.close)
    await secretary.press(RU.close_yes)
    await app.run_due()
    await secretary.send("/meetings")
    await secretary.press(RU.card)
    await secretary.press("📝 Протокол")
    await secretary.press("👁 Предпросмотр (DOCX)")
    text = last_docx(secretary)
    assert f"Очно: {listed(ROOM_NAME)}, Петрова А. С." in text
    assert f"По опросному листу: {listed(REMOTE_NAME)}" in text
    assert "Приняли участие: 3 из " in text
    assert (
        "Участие: в зале — 2, по опросным листам — 1; кворум определён по тем и другим вместе,"
        " каждый член учтён один раз (п. 4.6)" in text
    )
