"""The fake Bot API, proven with aiogram itself and no project code."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F, Router, html
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.filters import Command, CommandStart
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.types import Message as TgMessage

from tests.fakegram import (
    BLOCKED,
    NOT_MODIFIED,
    EntityParseError,
    FakeTelegram,
    Message,
    parse_html,
)

BLOCKED_ID = 666


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    """One row of callback buttons."""
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=t, callback_data=d) for t, d in buttons]],
    )


def make_bot(fake: FakeTelegram) -> Bot:
    """A real aiogram bot pointed at the fake."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url))
    return Bot(token=fake.token, session=session)


def build_router() -> Router:
    """A tiny bot exercising every method the fake is asked to support."""
    router = Router()
    background: set[asyncio.Task[None]] = set()

    @router.message(CommandStart())
    async def start(message: TgMessage) -> None:
        name = message.from_user.first_name if message.from_user else "?"
        await message.answer(
            f"Привет, {html.bold(html.quote(name))} &amp; добро пожаловать!",
            parse_mode="HTML",
            reply_markup=keyboard(("Нажми меня", "press"), ("Справка", "help")),
        )

    @router.callback_query(F.data == "press")
    async def press(callback: CallbackQuery) -> None:
        assert isinstance(callback.message, TgMessage)
        await callback.message.edit_text("Нажато", reply_markup=keyboard(("Ещё раз", "again")))
        await callback.answer(f"Готово, {callback.from_user.first_name}", show_alert=True)

    @router.callback_query(F.data == "again")
    async def again(callback: CallbackQuery) -> None:
        assert isinstance(callback.message, TgMessage)
        try:
            await callback.message.edit_text(
                "Нажато",
                reply_markup=keyboard(("Ещё раз", "again")),
            )
        except TelegramBadRequest as error:
            await callback.answer(error.message)

    @router.message(F.document)
    async def document(message: TgMessage, bot: Bot) -> None:
        assert message.document is not None
        downloaded = await bot.download(message.document)
        assert downloaded is not None
        data = downloaded.read()
        await message.answer(f"{message.document.file_name}: {len(data)} bytes")
        await message.answer_document(
            BufferedInputFile(data[::-1], filename="echo.csv"),
            caption="<i>эхо</i>",
            parse_mode="HTML",
        )

    @router.message(Command("blocked"))
    async def blocked(message: TgMessage, bot: Bot) -> None:
        try:
            await bot.send_message(BLOCKED_ID, "ты тут?")
        except TelegramForbiddenError as error:
            await message.answer(f"forbidden: {error.message}")

    @router.message(Command("slow"))
    async def slow(message: TgMessage) -> None:
        # Quiet for longer than the settle window: only handler tracking can see it.
        await asyncio.sleep(0.3)
        await message.answer("slow done")

    @router.message(Command("later"))
    async def later(message: TgMessage) -> None:
        async def remind() -> None:
            await asyncio.sleep(0.2)
            await message.answer("напоминаю позже")

        task = asyncio.create_task(remind())
        background.add(task)
        task.add_done_callback(background.discard)

    @router.message(Command("keyboard"))
    async def reply_keyboard(message: TgMessage) -> None:
        markup = ReplyKeyboardMarkup(
            keyboard=[[KeyboardButton(text="Да"), KeyboardButton(text="Нет")]],
            resize_keyboard=True,
        )
        await message.answer("Выбери", reply_markup=markup)

    @router.message(F.text)
    async def echo(message: TgMessage) -> None:
        await message.answer(f"echo: {message.text}")

    return router


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server
        server.assert_no_unknown_calls()


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    """A polling aiogram bot; the test talks to it through the fake."""
    bot = make_bot(fake)
    dispatcher = Dispatcher()
    dispatcher.include_router(build_router())
    polling = asyncio.create_task(
        dispatcher.start_polling(bot, handle_signals=False, polling_timeout=1),
    )
    await fake.wait_until_polling()
    yield bot
    await dispatcher.stop_polling()
    polling.cancel()
    await asyncio.gather(polling, return_exceptions=True)
    await bot.session.close()


@pytest.fixture
async def idle_bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    """A bot that does not poll: the test calls methods directly."""
    bot = make_bot(fake)
    yield bot
    await bot.session.close()


async def test_text_round_trip_and_html_is_kept_both_ways(fake: FakeTelegram, bot: Bot) -> None:
    anna = fake.person(101, "Анна <Ли>", username="anna")
    await anna.send("/start")
    greeting = anna.last
    assert greeting.text == "Привет, Анна <Ли> & добро пожаловать!"
    assert greeting.html == "Привет, <b>Анна &lt;Ли&gt;</b> &amp; добро пожаловать!"
    assert greeting.entities == [{"type": "bold", "offset": 8, "length": 9}]
    assert anna.buttons() == ["Нажми меня", "Справка"]
    await anna.send("как дела")
    assert anna.last_text == "echo: как дела"
    assert [m.from_bot for m in anna.messages] == [False, True, False, True]
    assert fake.calls_of("sendMessage")[0]["chat_id"] == "101"


async def test_press_edits_in_place_and_captures_the_answer(fake: FakeTelegram, bot: Bot) -> None:
    boris = fake.person(102, "Борис")
    await boris.send("/start")
    greeting = boris.last
    answer = await boris.press("Нажми")
    assert answer.answered
    assert answer.text == "Готово, Борис"
    assert answer.show_alert
    assert boris.last is greeting
    assert greeting.edited
    assert greeting.text == "Нажато"
    assert boris.buttons() == ["Ещё раз"]
    assert len(boris.bot_messages) == 1

    again = await boris.press("Ещё раз")
    assert again.text == NOT_MODIFIED

    with pytest.raises(AssertionError, match="visible buttons"):
        await boris.press("Нет такой")


async def test_forged_and_foreign_presses(fake: FakeTelegram, bot: Bot) -> None:
    owner = fake.person(103, "Вера")
    stranger = fake.person(104, "Глеб")
    await owner.send("/start")
    forged = await owner.press_data("no-such-handler", in_message=owner.last)
    assert not forged.answered
    answer = await stranger.press_on_foreign(owner.last, "Нажми меня")
    assert answer.text == "Готово, Глеб"
    assert owner.last.text == "Нажато"
    assert stranger.bot_messages == []


async def test_settle_waits_for_a_quiet_handler(fake: FakeTelegram, bot: Bot) -> None:
    dina = fake.person(105, "Дина")
    await dina.send("/slow")
    assert dina.last_text == "slow done"


async def test_wait_for_catches_a_later_message(fake: FakeTelegram, bot: Bot) -> None:
    egor = fake.person(106, "Егор")
    mark = egor.mark()
    await egor.send("/later")
    reminder = await egor.wait_for("позже", timeout=2.0)
    assert reminder.text == "напоминаю позже"
    assert egor.texts_since(mark) == ["напоминаю позже"]
    with pytest.raises(AssertionError, match="no bot message containing 'never'"):
        await egor.wait_for("never", timeout=0.05)


async def test_upload_and_download_bytes(fake: FakeTelegram, bot: Bot) -> None:
    zoya = fake.person(107, "Зоя")
    content = "ФИО;школа\nИванова;5\n".encode()
    await zoya.upload("list.csv", content, caption="список")
    assert zoya.texts_since(0)[0] == f"list.csv: {len(content)} bytes"
    echoed = zoya.documents[-1]
    assert echoed.filename == "echo.csv"
    assert echoed.content == content[::-1]
    assert echoed.mime_type == "text/csv"
    assert zoya.last.caption == "эхо"
    assert zoya.last.caption_html == "<i>эхо</i>"
    file = await bot.get_file(echoed.file_id)
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)
    assert downloaded is not None
    assert downloaded.read() == content[::-1]
    # A stored file can be sent again by its file_id.
    again = await bot.send_document(zoya.id, echoed.file_id)
    assert again.document is not None
    assert again.document.file_id == echoed.file_id


async def test_blocked_chat_is_forbidden(fake: FakeTelegram, bot: Bot) -> None:
    ivan = fake.person(108, "Иван")
    fake.person(BLOCKED_ID, "Заблокировал")
    fake.block(BLOCKED_ID)
    await ivan.send("/blocked")
    assert ivan.last_text == f"forbidden: {BLOCKED}"
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(BLOCKED_ID, "снова")
    fake.unblock(BLOCKED_ID)
    await bot.send_message(BLOCKED_ID, "снова")


async def test_fail_next(fake: FakeTelegram, idle_bot: Bot) -> None:
    kira = fake.person(109, "Кира")
    fake.fail_next("sendMessage", retry_after=7)
    with pytest.raises(TelegramRetryAfter) as info:
        await idle_bot.send_message(kira.id, "раз")
    assert info.value.retry_after == 7
    fake.fail_next("sendMessage", error_code=502, times=2)
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await idle_bot.send_message(kira.id, "два")
    await idle_bot.send_message(kira.id, "три")
    assert [m.text for m in kira.bot_messages] == ["три"]


async def test_telegram_error_shapes(fake: FakeTelegram, idle_bot: Bot) -> None:
    lev = fake.person(110, "Лев")
    sent = await idle_bot.send_message(lev.id, "текст", reply_markup=keyboard(("A", "a")))
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await idle_bot.edit_message_text(
            "текст",
            chat_id=lev.id,
            message_id=sent.message_id,
            reply_markup=keyboard(("A", "a")),
        )
    # Editing without repeating the keyboard removes it, as Telegram does.
    await idle_bot.edit_message_text("текст", chat_id=lev.id, message_id=sent.message_id)
    assert lev.last.buttons == []
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await idle_bot.edit_message_text("x", chat_id=lev.id, message_id=999)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await idle_bot.send_message(424242, "x")
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await idle_bot.send_message(lev.id, "1 < 2", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await idle_bot.send_message(lev.id, "x", reply_markup=keyboard(("A", "x" * 65)))
    await idle_bot.edit_message_reply_markup(
        chat_id=lev.id,
        message_id=sent.message_id,
        reply_markup=keyboard(("B", "b")),
    )
    assert lev.buttons() == ["B"]
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await idle_bot.edit_message_reply_markup(
            chat_id=lev.id,
            message_id=sent.message_id,
            reply_markup=keyboard(("B", "b")),
        )
    assert await idle_bot.delete_message(lev.id, sent.message_id)
    assert lev.bot_messages == []
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await idle_bot.delete_message(lev.id, sent.message_id)


async def test_unknown_method_is_reported(fake: FakeTelegram, idle_bot: Bot) -> None:
    mila = fake.person(111, "Мила")
    with pytest.raises(TelegramNotFound, match="getChat is not known to the fake"):
        await idle_bot.get_chat(mila.id)
    assert [call.method for call in fake.unknown_calls] == ["getChat"]
    with pytest.raises(AssertionError, match="getChat"):
        fake.assert_no_unknown_calls()
    fake.unknown_calls.clear()


async def test_wrong_token_is_unauthorized(fake: FakeTelegram) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{fake.base_url}/bot1:wrong/getMe") as response,
    ):
        assert response.status == 401
        assert await response.json() == {
            "ok": False,
            "error_code": 401,
            "description": "Unauthorized",
        }


async def test_flood_control() -> None:
    async with FakeTelegram(flood_control=True) as fake:
        people = [fake.person(1000 + n, f"P{n}") for n in range(31)]
        bot = make_bot(fake)
        try:
            await bot.send_message(people[0].id, "первое")
            with pytest.raises(TelegramRetryAfter) as info:
                await bot.send_message(people[0].id, "второе")
            assert info.value.retry_after == 1
            for person in people[1:30]:
                await bot.send_message(person.id, "всем")
            with pytest.raises(TelegramRetryAfter):
                await bot.send_message(people[30].id, "тридцать первое")
            assert fake.flood_429_count == 2
            await asyncio.sleep(1.05)
            await bot.send_message(people[0].id, "второе")
            assert people[0].texts_since(0) == ["первое", "второе"]
        finally:
            await bot.session.close()


async def test_get_updates_offset_and_long_poll(fake: FakeTelegram, idle_bot: Bot) -> None:
    nina = fake.person(112, "Нина", last_name="Орлова", username="nina")
    nina.send_nowait("/start abc")
    nina.send_nowait("два")
    updates = await idle_bot.get_updates(timeout=0)
    assert len(updates) == 2
    first = updates[0].message
    assert first is not None
    assert first.text == "/start abc"
    assert first.from_user is not None
    assert first.from_user.language_code == "ru"
    assert first.from_user.last_name == "Орлова"
    assert first.chat.type == "private"
    assert first.entities is not None
    assert first.entities[0].type == "bot_command"
    assert first.entities[0].length == 6

    second_id = updates[1].update_id
    assert len(await idle_bot.get_updates(offset=second_id, timeout=0)) == 1
    assert await idle_bot.get_updates(offset=second_id + 1, timeout=0) == []

    waiting = asyncio.create_task(idle_bot.get_updates(offset=second_id + 1, timeout=5))
    await asyncio.sleep(0.05)
    started = time.monotonic()
    nina.send_nowait("три")
    late = await asyncio.wait_for(waiting, 2)
    assert time.monotonic() - started < 1
    assert [u.message.text for u in late if u.message] == ["три"]


async def test_settle_names_an_update_nobody_fetched(fake: FakeTelegram) -> None:
    olga = fake.person(113, "Ольга")
    fake.settle_timeout = 0.1
    with pytest.raises(AssertionError, match="never fetched"):
        await olga.send("алло")


async def test_commands_are_stored_per_scope_and_language(
    fake: FakeTelegram,
    idle_bot: Bot,
) -> None:
    commands = [BotCommand(command="start", description="Начать")]
    assert await idle_bot.set_my_commands(commands, language_code="ru")
    assert await idle_bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id=5))
    assert fake.commands[("default", "ru")] == [{"command": "start", "description": "Начать"}]
    assert ("chat:5", "") in fake.commands
    stored = await idle_bot.get_my_commands(language_code="ru")
    assert [(c.command, c.description) for c in stored] == [("start", "Начать")]
    assert await idle_bot.delete_my_commands(language_code="ru")
    assert ("default", "ru") not in fake.commands
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await idle_bot.set_my_commands([BotCommand(command="Старт", description="x")])


async def test_reply_keyboard_and_groups(fake: FakeTelegram, bot: Bot) -> None:
    pavel = fake.person(114, "Павел")
    await pavel.send("/keyboard")
    assert pavel.reply_keyboard() == [["Да", "Нет"]]
    council = fake.group(-1001234567890, "Совет")
    await pavel.send_to(council, "всем привет")
    assert council.last_text == "echo: всем привет"
    assert [m.from_bot for m in council.messages] == [False, True]
    assert isinstance(council.last, Message)


async def test_concurrent_people_settle_together(fake: FakeTelegram, bot: Bot) -> None:
    people = [fake.person(200 + n, f"P{n}") for n in range(5)]
    await asyncio.gather(*(p.send(f"hi {p.id}") for p in people))
    assert [p.last_text for p in people] == [f"echo: hi {p.id}" for p in people]


def test_html_parse_mode_matches_telegram() -> None:
    parsed = parse_html(
        "😀 <b>жир <i>и курсив</i></b> &lt;tag&gt; &#1071; &amp;x; "
        '<a href="https://t.me/x?a=1&amp;b=2">ссылка</a> '
        '<pre><code class="language-python">x = 1</code></pre>'
        "<blockquote expandable>цитата</blockquote>",
    )
    assert parsed.text == "😀 жир и курсив <tag> Я &x; ссылка x = 1цитата"
    assert parsed.entities == [
        {"type": "bold", "offset": 3, "length": 12},
        {"type": "italic", "offset": 7, "length": 8},
        {"type": "text_link", "offset": 28, "length": 6, "url": "https://t.me/x?a=1&b=2"},
        {"type": "pre", "offset": 35, "length": 5, "language": "python"},
        {"type": "expandable_blockquote", "offset": 40, "length": 6},
    ]
    for broken in ("a < b", "<div>x</div>", "<b>x", "<b><i>x</b></i>", '<span class="x">y</span>'):
        with pytest.raises(EntityParseError):
            parse_html(broken)
