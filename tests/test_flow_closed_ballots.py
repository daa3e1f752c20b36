"""A closed опросный лист loses its buttons in every member's chat, without anyone pressing: at
the deadline, when the secretary closes voting, when the meeting is cancelled; once each, after
a restart too, and whoever cannot be reached does not hold up the rest."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from datetime import timedelta

from sqlalchemy import update

from bot.delivery.notices import WORKERS
from storage.schema import bodies as bodies_table
from tests.factories import council, members
from tests.fakegram import Message, Person
from tests.harness import ADMIN_ID, BotUnderTest
from tests.steps import BALLOTS_OPEN, ITEMS, MEETING, announce, until

SECRETARY = 2002
ABSENTEE = "заочное (по опросным листам)"
CLOSED = "Голосование завершено."


def ballots(chat: Person) -> list[Message]:
    """Every опросный лист in a chat: the ballot itself and the copies reminders carry."""
    return [m for m in chat.bot_messages if "Опросный лист:" in m.text]


def result(chat: Person) -> Message:
    [found] = [m for m in chat.bot_messages if "📊 Итоги" in m.text]
    return found


def closed(message: Message) -> bool:
    return message.buttons == [] and CLOSED in message.text


def edits(app: BotUnderTest, since: int = 0) -> Counter[tuple[int, int]]:
    """Edits the bot asked Telegram for, per message, after the first `since` calls."""
    return Counter(
        (int(call.params["chat_id"]), int(call.params["message_id"]))
        for call in app.fake.calls[since:]
        if call.method == "editMessageText"
    )


async def absentee(
    app: BotUnderTest, count: int, *, revote: bool = False
) -> tuple[Person, list[Person]]:
    """An absentee meeting of a council of `count` members and the secretary, ballots out;
    with `revote` signed answers may change until the deadline (signed ballots keep buttons)."""
    setup = await council(app.db, coordinator_id=ADMIN_ID, secretary_id=SECRETARY)
    async with app.db.transaction() as conn:
        await conn.execute(update(bodies_table).values(revote=revote))
    crowd = await members(app.db, setup.body, count)
    secretary = app.person(SECRETARY, "Анна")
    chats = [app.person(m.telegram_id or 0, "M") for m in crowd]
    await announce(secretary, form=ABSENTEE, items=ITEMS)
    await secretary.press("📣 Объявить")
    await until(app, BALLOTS_OPEN)
    assert all(len(ballots(chat)) == 1 for chat in [secretary, *chats])
    return secretary, chats


async def test_at_the_deadline_every_ballot_closes_before_the_result_arrives(
    app: BotUnderTest,
) -> None:
    secretary, [signer, halfway, silent] = await absentee(app, 3)
    await signer.press("1 · За")
    await signer.press("2 · За")
    await signer.press("✍️ Подписать и отправить")
    await halfway.press("1 · Против")
    # The secretary's reminder puts a second copy of the ballot into the others' chats.
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📊 Ход голосования")
    await secretary.press("🔔 Напомнить не проголосовавшим")
    await app.run_due()
    assert len(ballots(silent)) == 2
    untouched = ballots(silent)[0]
    stale = untouched.inline_keyboard[0][0]["callback_data"]
    assert untouched.buttons

    await until(app, MEETING)
    everyone = [secretary, signer, halfway, silent]
    for chat in everyone:
        assert all(closed(ballot) for ballot in ballots(chat)), chat.transcript()
        # The ballot closes first; the result comes after it, not before.
        assert max(ballot.seq for ballot in ballots(chat)) < result(chat).seq
    assert "Ваш ответ: Против" in ballots(halfway)[0].text
    assert "Ответа пока нет." in untouched.text

    # A press that left before the edit arrived is refused politely, and nothing changes.
    mark = silent.mark()
    answer = await silent.press_data(str(stale), in_message=untouched)
    assert "Голосование завершено" in (answer.text or "")
    assert silent.texts_since(mark) == []

    # The secretary's delivery report counts the messages people got, not these edits.
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press("📬 Доставка извещений")
    report = secretary.last_text
    assert "опросный лист: доставлено 4 из 4" in report
    assert "кнопки убраны" not in report


async def card(secretary: Person, button: str) -> None:
    await secretary.send("/meetings")
    await secretary.press("четверг, 11.03.2027 15:00 — Методический совет")
    await secretary.press(button)


async def close_voting(secretary: Person) -> None:
    await card(secretary, "📊 Ход голосования")
    await secretary.press("✅ Завершить голосование и подвести итоги")
    await secretary.press("Да, завершить")


async def sign_all(chats: list[Person]) -> None:
    for chat in chats:
        await chat.press("1 · За")
        await chat.press("2 · Против")
        await chat.press("✍️ Подписать и отправить")


async def test_the_secretary_closing_voting_closes_every_ballot(app: BotUnderTest) -> None:
    secretary, chats = await absentee(app, 3, revote=True)
    everyone = [secretary, *chats]
    await sign_all(everyone)
    assert all(ballots(chat)[0].buttons for chat in everyone)  # answers may still change

    await close_voting(secretary)
    assert "Голосование завершено. Итоги отправляются" in secretary.last_text
    await app.run_due()
    for chat in everyone:
        [ballot] = ballots(chat)
        assert closed(ballot), chat.transcript()
        assert "Ваш ответ: За" in ballot.text
        assert ballot.seq < result(chat).seq


async def test_a_bot_stopped_before_the_edits_makes_them_once_days_later(
    app: BotUnderTest,
) -> None:
    secretary, chats = await absentee(app, 3, revote=True)
    everyone = [secretary, *chats]
    await sign_all(everyone)
    await close_voting(secretary)
    await app.stop()  # voting is closed, nothing was edited or sent yet
    assert all(ballots(chat)[0].buttons for chat in everyone)
    app.clock.advance(timedelta(days=3))
    calls = len(app.fake.calls)

    await app.start()
    await app.run_due()
    for chat in everyone:
        [ballot] = ballots(chat)
        assert closed(ballot)
        assert ballot.seq < result(chat).seq
    assert sorted(edits(app, calls).values()) == [1] * len(everyone)

    await app.restart()
    await app.run_due()
    assert sorted(edits(app, calls).values()) == [1] * len(everyone)
    assert all(len([m for m in c.bot_messages if "📊 Итоги" in m.text]) == 1 for c in everyone)


async def test_a_restart_in_the_middle_of_the_edits_finishes_them_once(
    app: BotUnderTest,
) -> None:
    secretary, chats = await absentee(app, 6)
    everyone = [secretary, *chats]
    await until(app, MEETING - timedelta(minutes=1))
    calls = len(app.fake.calls)
    app.clock.set(MEETING)
    app.fake.stall_sends(after=3)
    closing = asyncio.create_task(app.run_due())
    # Three edits went through; the other four are in flight when the process dies.
    for _ in range(500):
        if app.fake.stalled == len(everyone) - 3:
            break
        await asyncio.sleep(0.01)
    assert app.fake.stalled == len(everyone) - 3 < WORKERS
    closing.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await closing
    await app.stop()
    app.fake.release_stalled()  # those edits never reached anyone
    assert sum(closed(b) for chat in everyone for b in ballots(chat)) == 3
    assert not any("📊 Итоги" in m.text for chat in everyone for m in chat.bot_messages)

    app.clock.advance(timedelta(days=2))
    await app.start()
    await app.run_due()
    shown = [b for chat in everyone for b in ballots(chat)]
    assert all(closed(ballot) for ballot in shown)
    for chat in everyone:
        assert max(ballot.seq for ballot in ballots(chat)) < result(chat).seq
    # Each edit that was done is not asked again; the four lost in flight were asked twice.
    per_message = edits(app, calls)
    assert set(per_message) == {(b.chat_id, b.message_id) for b in shown}
    assert sorted(per_message.values()).count(2) == 4
    assert sum(per_message.values()) == len(shown) + 4


async def test_a_member_who_blocked_the_bot_does_not_hold_up_the_close(
    app: BotUnderTest,
) -> None:
    secretary, [blocked, deleted, plain] = await absentee(app, 3)
    app.fake.block(blocked.id)
    [gone] = ballots(deleted)
    gone.deleted = True  # they cleared the chat: Telegram finds no message to edit
    mark = secretary.mark()

    await until(app, MEETING)
    for chat in (secretary, plain):
        assert len(ballots(chat)) == 2  # with the reminder's copy, a day before the deadline
        assert all(closed(ballot) for ballot in ballots(chat))
        assert max(ballot.seq for ballot in ballots(chat)) < result(chat).seq
    [copy] = ballots(deleted)  # the reminder's copy; the ballot itself they deleted
    assert closed(copy)
    assert copy.seq < result(deleted).seq
    assert ballots(blocked)[0].buttons  # it cannot be edited while they block the bot
    told = "\n".join(secretary.texts_since(mark))
    assert "опросного листа" not in told  # an edit is no message: no paper copy to hand

    calls = len(app.fake.calls)
    await app.restart()
    await app.run_due()
    assert edits(app, calls) == Counter()  # recorded once, never tried again


async def test_an_edit_telegram_refuses_is_recorded_and_the_close_goes_on(
    app: BotUnderTest,
) -> None:
    secretary, chats = await absentee(app, 2)
    everyone = [secretary, *chats]
    # «Bad Request: message can't be edited» and the like, for one of the three.
    app.fake.fail_next("editMessageText", error_code=400)

    await until(app, MEETING)
    assert all(result(chat) for chat in everyone)
    assert sorted(closed(ballots(chat)[0]) for chat in everyone) == [False, True, True]
    calls = len(app.fake.calls)
    await app.restart()
    await app.run_due()
    assert edits(app, calls) == Counter()


async def test_a_cancelled_meeting_closes_its_ballots(app: BotUnderTest) -> None:
    secretary, chats = await absentee(app, 2)
    await card(secretary, "❌ Отменить")
    await secretary.press("Да, отменить заседание")
    await app.run_due()
    for chat in [secretary, *chats]:
        [ballot] = ballots(chat)
        assert closed(ballot)
        cancelled = next(m for m in chat.bot_messages if "❌ Заседание отменено." in m.text)
        assert ballot.seq < cancelled.seq
