"""The fake Bot API server the real bot long-polls during flow tests."""

from __future__ import annotations

import asyncio
import inspect
import itertools
import json
import mimetypes
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from .entities import EntityParseError, ParsedText, command_entities, parse_text, utf16_len
from .models import (
    Call,
    CallbackAnswer,
    ChatState,
    Document,
    Message,
    UploadedFile,
    UserInfo,
)
from .people import Group, Person
from .shapes import bot_user_json, callback_query_json, file_json, message_json

JsonDict = dict[str, Any]
Handler = Callable[[JsonDict], Any]

DEFAULT_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz0123"

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
BLOCKED = "Forbidden: bot was blocked by the user"
CHAT_NOT_FOUND = "Bad Request: chat not found"
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query ID is invalid"

# Parameters aiogram sends as JSON strings inside the form.
_JSON_PARAMS = frozenset(
    {
        "reply_markup",
        "commands",
        "scope",
        "entities",
        "caption_entities",
        "link_preview_options",
        "reply_parameters",
        "allowed_updates",
        "menu_button",
        "media",
    },
)
# Methods that count against Telegram's flood limits.
_FLOOD_METHODS = frozenset(
    {
        "sendmessage",
        "senddocument",
        "editmessagetext",
        "editmessagereplymarkup",
        "editmessagecaption",
        "copymessage",
    },
)
_GLOBAL_SENDS_PER_SECOND = 30
_CHAT_SENDS_PER_SECOND = 1
_INLINE_ACTIONS = frozenset(
    {
        "callback_data",
        "url",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    },
)
_GENERIC_ERRORS = {
    400: "Bad Request: injected failure",
    403: "Forbidden: injected failure",
    404: "Not Found",
    409: "Conflict: injected failure",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}
# Coroutines aiogram's polling wraps each update in when it handles updates as tasks.
_HANDLER_COROUTINES = frozenset(
    {"Dispatcher._process_update", "Dispatcher._process_with_semaphore"},
)
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_SETTLE_TICK = 0.005
_TEXT_LIMIT = 4096
_CAPTION_LIMIT = 1024
_CALLBACK_DATA_LIMIT = 64


class ApiError(Exception):
    """An error answer in Telegram's shape."""

    def __init__(self, status: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> JsonDict:
        """The JSON body Telegram sends with this error."""
        body: JsonDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


@dataclass(frozen=True)
class _Failure:
    error_code: int
    retry_after: int | None


@dataclass(frozen=True)
class _QueuedUpdate:
    update_id: int
    payload: JsonDict


def _bad(description: str) -> ApiError:
    return ApiError(400, f"Bad Request: {description}")


def _as_int(value: object, name: str, default: int | None = None) -> int:
    if value is None or value == "":
        if default is None:
            raise _bad(f"{name} is empty")
        return default
    try:
        return int(str(value))
    except (TypeError, ValueError) as error:
        raise _bad(f"invalid {name} specified") from error


def _as_bool(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.lower() in {"true", "1"})


def _mime_for(upload: UploadedFile) -> str:
    if upload.content_type and upload.content_type != "application/octet-stream":
        return upload.content_type
    guessed, _ = mimetypes.guess_type(upload.filename)
    return guessed or "application/octet-stream"


def _pending_handler_tasks() -> int:
    """Updates aiogram is still handling in this event loop (0 if the bot runs elsewhere)."""
    current = asyncio.current_task()
    count = 0
    for task in asyncio.all_tasks():
        if task is current or task.done():
            continue
        name = getattr(task.get_coro(), "__qualname__", "")
        if name in _HANDLER_COROUTINES:
            count += 1
    return count


def _check_inline_keyboard(markup: JsonDict) -> None:
    rows = markup.get("inline_keyboard")
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad("can't parse inline keyboard button: InlineKeyboardButtons must be an array")
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not button.get("text"):
                raise _bad("can't parse inline keyboard button: Text must be non-empty")
            if not _INLINE_ACTIONS & button.keys():
                raise _bad("text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= _CALLBACK_DATA_LIMIT:
                raise _bad("BUTTON_DATA_INVALID")


class FakeTelegram:
    """A local Bot API server with chats, people, files and Telegram's error shapes."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        bot_username: str = "council_test_bot",
        flood_control: bool = False,
        quiet_window: float = 0.06,
        settle_timeout: float = 10.0,
    ) -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_user = UserInfo(
            id=self.bot_id,
            first_name="Council Test Bot",
            username=bot_username,
            is_bot=True,
        )
        self.flood_control = flood_control
        self.quiet_window = quiet_window
        self.settle_timeout = settle_timeout

        self.chats: dict[int, ChatState] = {}
        self.users: dict[int, UserInfo] = {}
        self.calls: list[Call] = []
        self.unknown_calls: list[Call] = []
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.menu_buttons: dict[int | None, JsonDict] = {}
        self.files: dict[str, Document] = {}
        self.callback_answers: dict[str, CallbackAnswer] = {}
        self.flood_429_count = 0
        self.stalled = 0  # sends held by stall_sends()
        self._stall_after: int | None = None
        self._stall_gate = asyncio.Event()

        self._people: dict[int, Person] = {}
        self._blocked: set[int] = set()
        self._failures: dict[str, deque[_Failure]] = {}
        self._files_by_path: dict[str, Document] = {}
        self._file_numbers = itertools.count(1)
        self._query_numbers = itertools.count(4_000_000_000_000_000_001)
        self._seq = 0

        self._pending: list[_QueuedUpdate] = []
        self._descriptions: dict[int, str] = {}
        self._next_update_id = 1
        self._delivered_upto = 0
        self._dropped: set[int] = set()
        self._polls_started = 0
        self._polls_at_delivery = 0
        self._wakeup = asyncio.Event()
        self._closing = False

        self._inflight: list[str] = []
        self._last_activity = time.monotonic()
        self._global_sends: deque[float] = deque()
        self._chat_sends: dict[str, deque[float]] = {}

        self._runner: web.AppRunner | None = None
        self._port: int | None = None
        self._methods: dict[str, tuple[str, Handler]] = {
            name.lower(): (name, handler)
            for name, handler in {
                "getMe": self._get_me,
                "getUpdates": self._get_updates,
                "deleteWebhook": self._delete_webhook,
                "getWebhookInfo": self._get_webhook_info,
                "sendMessage": self._send_message,
                "editMessageText": self._edit_message_text,
                "editMessageReplyMarkup": self._edit_message_reply_markup,
                "editMessageCaption": self._edit_message_caption,
                "deleteMessage": self._delete_message,
                "answerCallbackQuery": self._answer_callback_query,
                "sendDocument": self._send_document,
                "sendChatAction": self._send_chat_action,
                "getFile": self._get_file,
                "setMyCommands": self._set_my_commands,
                "getMyCommands": self._get_my_commands,
                "deleteMyCommands": self._delete_my_commands,
                "setChatMenuButton": self._set_chat_menu_button,
                "getChatMenuButton": self._get_chat_menu_button,
            }.items()
        }

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        if self._runner is not None:
            msg = "the fake is already running"
            raise RuntimeError(msg)
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runner = runner
        self._port = int(runner.addresses[0][1])
        self._closing = False

    async def stop(self) -> None:
        """Release long polls and shut the server down."""
        self._closing = True
        self._wake_pollers()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """Where the fake listens, for ``TelegramAPIServer.from_base``."""
        if self._port is None:
            msg = "the fake is not started"
            raise RuntimeError(msg)
        return f"http://127.0.0.1:{self._port}"

    # --- people and chats -----------------------------------------------------------------

    def person(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "ru",
    ) -> Person:
        """A human with a private chat with the bot (chat id == user id)."""
        if user_id in self._people:
            msg = f"person {user_id} already exists"
            raise ValueError(msg)
        user = UserInfo(
            id=user_id,
            first_name=first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        self.users[user_id] = user
        chat = ChatState(id=user_id, type="private", user=user)
        self.chats[user_id] = chat
        person = Person(self, user, chat)
        self._people[user_id] = person
        return person

    def group(self, chat_id: int, title: str) -> Group:
        """A group chat the bot is a member of (ids from -100… are supergroups)."""
        if chat_id in self.chats:
            msg = f"chat {chat_id} already exists"
            raise ValueError(msg)
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        chat = ChatState(id=chat_id, type=kind, title=title)
        self.chats[chat_id] = chat
        return Group(self, chat)

    def chat(self, chat_id: int) -> ChatState:
        """The state of a known chat."""
        try:
            return self.chats[chat_id]
        except KeyError:
            msg = f"chat {chat_id} is not known to the fake"
            raise AssertionError(msg) from None

    def block(self, user_id: int) -> None:
        """The person blocks the bot: every send to their chat answers 403."""
        self._blocked.add(user_id)

    def unblock(self, user_id: int) -> None:
        """The person unblocks the bot."""
        self._blocked.discard(user_id)

    # --- failure injection ----------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        retry_after: int | None = None,
        error_code: int = 429,
        times: int = 1,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``error_code``."""
        if error_code == 429 and retry_after is None:
            retry_after = 1
        failure = _Failure(error_code=error_code, retry_after=retry_after)
        self._failures.setdefault(method.lower(), deque()).extend([failure] * times)

    def assert_no_unknown_calls(self) -> None:
        """Fail if the bot called a method the fake does not implement."""
        if self.unknown_calls:
            listed = "\n".join(f"  {call.method}({call.params!r})" for call in self.unknown_calls)
            msg = f"the bot called methods unknown to the fake:\n{listed}"
            raise AssertionError(msg)

    def calls_of(self, method: str) -> list[JsonDict]:
        """Parameters of every call of ``method`` (case-insensitive), in order."""
        wanted = method.lower()
        return [call.params for call in self.calls if call.method.lower() == wanted]

    # --- updates and settling -------------------------------------------------------------

    def mark(self) -> int:
        """The change counter: messages sent or edited after a mark have a higher ``seq``."""
        return self._seq

    def enqueue(self, kind: str, body: JsonDict, description: str) -> int:
        """Queue an update of type ``kind`` for getUpdates; returns its update_id."""
        update_id = self._next_update_id
        self._next_update_id += 1
        self._pending.append(_QueuedUpdate(update_id, {"update_id": update_id, kind: body}))
        self._descriptions[update_id] = f"update {update_id} ({description})"
        self._wake_pollers()
        return update_id

    def post_user_message(
        self,
        chat: ChatState,
        user: UserInfo,
        *,
        text: str = "",
        document: Document | None = None,
        caption: str | None = None,
    ) -> Message:
        """Record a message a person sent and queue its update (without waiting)."""
        message = self._add_message(
            chat,
            from_bot=False,
            from_user_id=user.id,
            text=text,
            html=text,
            entities=command_entities(text),
            document=document,
            caption=caption,
            caption_html=caption,
        )
        self.enqueue(
            "message",
            self.message_json(message),
            f"message #{message.message_id} from {user.id} in chat {chat.id}: {message.body!r}",
        )
        return message

    def post_callback_query(self, user: UserInfo, message: Message, data: str) -> str:
        """Queue a button press on ``message``; returns the callback query id."""
        query_id = str(next(self._query_numbers))
        self.callback_answers[query_id] = CallbackAnswer()
        body = callback_query_json(
            query_id,
            user,
            self.message_json(message),
            data,
            chat_instance=f"{abs(message.chat_id)}0042",
        )
        self.enqueue(
            "callback_query",
            body,
            f"callback query {query_id} from {user.id} on message #{message.message_id} "
            f"in chat {message.chat_id}: {data!r}",
        )
        return query_id

    async def settle(self, timeout: float | None = None) -> None:  # noqa: ASYNC109 - a bound, not a cancel scope
        """Wait until the bot fetched every queued update and then went quiet."""
        limit = self.settle_timeout if timeout is None else timeout
        target = self._next_update_id - 1
        if target in self._dropped:
            what = self._descriptions[target]
            msg = f"{what} was dropped by deleteWebhook(drop_pending_updates=True)"
            raise AssertionError(msg)
        deadline = time.monotonic() + limit
        while (reason := self._unsettled(target)) is not None:
            if time.monotonic() >= deadline:
                what = self._descriptions.get(target, "the last request")
                msg = f"the bot did not settle within {limit:g} s after {what}: {reason}"
                raise AssertionError(msg)
            await asyncio.sleep(_SETTLE_TICK)

    @property
    def polls_started(self) -> int:
        """How many getUpdates calls have arrived so far."""
        return self._polls_started

    async def wait_until_polling(self, timeout: float = 5.0, *, after: int = 0) -> None:  # noqa: ASYNC109 - a bound
        """Wait until the bot polls: a getUpdates beyond the first `after` has arrived (pass
        `polls_started` from before a restart to wait for the new process)."""
        deadline = time.monotonic() + timeout
        while self._polls_started <= after:
            if time.monotonic() >= deadline:
                msg = f"the bot did not call getUpdates within {timeout:g} s"
                raise AssertionError(msg)
            await asyncio.sleep(_SETTLE_TICK)

    def _unsettled(self, target: int) -> str | None:
        if target > self._delivered_upto:
            return "it was never fetched with getUpdates (is the bot polling?)"
        if target > 0 and self._polls_started <= self._polls_at_delivery:
            # aiogram polls again only after it has dispatched what it fetched.
            return "the bot has not polled again since fetching it"
        if self._inflight:
            return f"requests still in flight: {', '.join(self._inflight)}"
        if handling := _pending_handler_tasks():
            return f"aiogram is still handling {handling} update(s)"
        idle = time.monotonic() - self._last_activity
        if idle < self.quiet_window:
            return f"the bot was active {idle * 1000:.0f} ms ago"
        return None

    def _wake_pollers(self) -> None:
        # Waiters hold the old event; a fresh one is armed for the next wait.
        self._wakeup.set()
        self._wakeup = asyncio.Event()

    # --- records --------------------------------------------------------------------------

    def _bump(self) -> int:
        self._seq += 1
        return self._seq

    def _add_message(
        self,
        chat: ChatState,
        *,
        from_bot: bool,
        from_user_id: int | None = None,
        text: str = "",
        html: str = "",
        entities: list[JsonDict] | None = None,
        parse_mode: str | None = None,
        reply_markup: JsonDict | None = None,
        document: Document | None = None,
        caption: str | None = None,
        caption_html: str | None = None,
        caption_entities: list[JsonDict] | None = None,
    ) -> Message:
        message = Message(
            message_id=chat.next_message_id,
            chat_id=chat.id,
            from_bot=from_bot,
            date=datetime.now(UTC),
            seq=self._bump(),
            from_user_id=from_user_id,
            text=text,
            html=html,
            entities=entities or [],
            parse_mode=parse_mode,
            reply_markup=reply_markup,
            document=document,
            caption=caption,
            caption_html=caption_html,
            caption_entities=caption_entities or [],
        )
        chat.next_message_id += 1
        chat.messages.append(message)
        return message

    def message_json(self, message: Message) -> JsonDict:
        """The message as the Bot API would return it."""
        if message.from_bot:
            sender = self.bot_user
        else:
            assert message.from_user_id is not None
            sender = self.users[message.from_user_id]
        return message_json(message, self.chats[message.chat_id], sender)

    def store_file(self, filename: str, content: bytes, mime_type: str) -> Document:
        """Keep a file so it can be sent by file_id and downloaded via getFile."""
        number = next(self._file_numbers)
        suffix = PurePosixPath(filename).suffix
        document = Document(
            filename=filename,
            content=content,
            mime_type=mime_type,
            file_id=f"BQACAgIAAxkBAAIFAKE{number:08d}",
            file_unique_id=f"AgADFAKE{number:08d}",
            file_path=f"documents/file_{number}{suffix}",
        )
        self.files[document.file_id] = document
        self._files_by_path[document.file_path] = document
        return document

    # --- HTTP -----------------------------------------------------------------------------

    def _begin(self, what: str) -> None:
        self._inflight.append(what)
        self._last_activity = time.monotonic()

    def _end(self, what: str) -> None:
        self._inflight.remove(what)
        self._last_activity = time.monotonic()

    @staticmethod
    def _error(error: ApiError) -> web.Response:
        return web.json_response(error.payload(), status=error.status)

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error(ApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        # A waiting long poll is not work in progress, so it is not tracked as in flight.
        polling = method.lower() == "getupdates"
        if not polling:
            self._begin(method)
        try:
            return await self._dispatch(method, request)
        finally:
            if not polling:
                self._end(method)

    async def _dispatch(self, method: str, request: web.Request) -> web.Response:
        key = method.lower()
        entry = self._methods.get(key)
        try:
            params = await self._read_params(request)
        except ApiError as error:
            self.calls.append(Call(entry[0] if entry else method, {}))
            return self._error(error)
        if entry is None:
            call = Call(method, params)
            self.calls.append(call)
            self.unknown_calls.append(call)
            return self._error(
                ApiError(404, f"Not Found: method {method} is not known to the fake"),
            )
        name, handler = entry
        self.calls.append(Call(name, params))
        if key in _FLOOD_METHODS and await self._stalled():
            return self._error(ApiError(502, "Bad Gateway"))
        counted = self.flood_control and key in _FLOOD_METHODS
        try:
            self._take_failure(key)
            if counted:
                self._check_flood(params)
            result = handler(params)
            if inspect.isawaitable(result):
                result = await result
        except ApiError as error:
            return self._error(error)
        if counted:
            self._record_send(params)
        return web.json_response({"ok": True, "result": result})

    def stall_sends(self, *, after: int) -> None:
        """Lets `after` more sends through, then holds every further one unanswered, as if the
        bot were killed while they were in flight. `release_stalled()` refuses the held ones
        without recording them: those messages never reached anyone."""
        self._stall_after = after
        self._stall_gate = asyncio.Event()
        self.stalled = 0

    def release_stalled(self) -> None:
        self._stall_after = None
        self._stall_gate.set()

    async def _stalled(self) -> bool:
        after = self._stall_after
        if after is None:
            return False
        if after > 0:
            self._stall_after = after - 1
            return False
        self.stalled += 1
        await self._stall_gate.wait()
        return True

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return self._error(ApiError(401, "Unauthorized"))
        path = request.match_info["file_path"]
        self._begin(f"download {path}")
        try:
            document = self._files_by_path.get(path)
            if document is None:
                return self._error(ApiError(404, "Not Found: file not found"))
            return web.Response(body=document.content, content_type=document.mime_type)
        finally:
            self._end(f"download {path}")

    @staticmethod
    async def _read_params(request: web.Request) -> JsonDict:
        params: JsonDict = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if isinstance(body, dict):
                    params.update(body)
            else:
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, web.FileField):
                        content = value.file.read()
                        value.file.close()
                        params[key] = UploadedFile(value.filename, content, value.content_type)
                    else:
                        params[key] = value
        for key in _JSON_PARAMS & params.keys():
            value = params[key]
            if isinstance(value, str):
                try:
                    params[key] = json.loads(value)
                except json.JSONDecodeError as error:
                    msg = f"can't parse {key} JSON object"
                    raise _bad(msg) from error
        return params

    def _take_failure(self, key: str) -> None:
        queue = self._failures.get(key)
        if not queue:
            return
        failure = queue.popleft()
        if failure.error_code == 429:
            description = f"Too Many Requests: retry after {failure.retry_after}"
        else:
            description = _GENERIC_ERRORS.get(
                failure.error_code,
                f"Error {failure.error_code}: injected failure",
            )
        raise ApiError(failure.error_code, description, retry_after=failure.retry_after)

    def _prune_sends(self, now: float) -> None:
        for window in (self._global_sends, *self._chat_sends.values()):
            while window and now - window[0] >= 1.0:
                window.popleft()

    def _check_flood(self, params: JsonDict) -> None:
        self._prune_sends(time.monotonic())
        chat_window = self._chat_sends.get(str(params.get("chat_id")), deque())
        if (
            len(self._global_sends) >= _GLOBAL_SENDS_PER_SECOND
            or len(chat_window) >= _CHAT_SENDS_PER_SECOND
        ):
            self.flood_429_count += 1
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)

    def _record_send(self, params: JsonDict) -> None:
        now = time.monotonic()
        self._global_sends.append(now)
        self._chat_sends.setdefault(str(params.get("chat_id")), deque()).append(now)

    # --- helpers for method handlers ------------------------------------------------------

    def _chat_for(self, params: JsonDict, *, writing: bool) -> ChatState:
        raw = params.get("chat_id")
        if raw is None or raw == "":
            raise _bad("chat_id is empty")
        try:
            chat_id = int(raw)
        except (TypeError, ValueError):
            raise ApiError(400, CHAT_NOT_FOUND) from None
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, CHAT_NOT_FOUND)
        if writing and chat_id in self._blocked:
            raise ApiError(403, BLOCKED)
        return chat

    @staticmethod
    def _message_in(chat: ChatState, params: JsonDict, missing: str) -> Message:
        if params.get("inline_message_id"):
            raise _bad("inline messages are not supported by the fake")
        message = chat.find(_as_int(params.get("message_id"), "message_id"))
        if message is None or message.deleted:
            raise _bad(missing)
        return message

    def _editable(self, params: JsonDict) -> Message:
        chat = self._chat_for(params, writing=True)
        message = self._message_in(chat, params, "message to edit not found")
        if not message.from_bot:
            raise _bad("message can't be edited")
        return message

    @staticmethod
    def _parse(raw: str, params: JsonDict, entities_key: str) -> ParsedText:
        entities = params.get(entities_key)
        try:
            return parse_text(
                raw,
                params.get("parse_mode"),
                entities if isinstance(entities, list) else None,
            )
        except EntityParseError as error:
            raise ApiError(400, error.description) from error

    def _parse_text(self, params: JsonDict) -> ParsedText:
        parsed = self._parse(str(params.get("text") or ""), params, "entities")
        if not parsed.text.strip():
            raise _bad("message text is empty")
        if utf16_len(parsed.text) > _TEXT_LIMIT:
            raise _bad("message is too long")
        return parsed

    def _parse_caption(self, params: JsonDict) -> ParsedText | None:
        raw = params.get("caption")
        if not raw:
            return None
        parsed = self._parse(str(raw), params, "caption_entities")
        if utf16_len(parsed.text) > _CAPTION_LIMIT:
            raise _bad("message caption is too long")
        return parsed

    @staticmethod
    def _markup(params: JsonDict, *, inline_only: bool) -> JsonDict | None:
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _bad("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            _check_inline_keyboard(markup)
        elif inline_only:
            raise _bad("inline keyboard expected")
        return markup

    @staticmethod
    def _apply_reply_keyboard(chat: ChatState, markup: JsonDict | None) -> None:
        if markup is None:
            return
        if "keyboard" in markup:
            chat.reply_keyboard = markup
        elif markup.get("remove_keyboard"):
            chat.reply_keyboard = None

    def _touch_edit(self, message: Message) -> None:
        message.edited = True
        message.edit_date = datetime.now(UTC)
        message.seq = self._bump()

    def _incoming_document(self, params: JsonDict) -> Document:
        value = params.get("document")
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
        if isinstance(value, UploadedFile):
            if not value.content:
                raise _bad("file must be non-empty")
            return self.store_file(value.filename, value.content, _mime_for(value))
        if isinstance(value, str) and value:
            existing = self.files.get(value)
            if existing is None:
                raise _bad("wrong file identifier/HTTP URL specified")
            return existing
        raise _bad("there is no document in the request")

    # --- methods --------------------------------------------------------------------------

    def _get_me(self, _params: JsonDict) -> JsonDict:
        return bot_user_json(self.bot_user)

    async def _get_updates(self, params: JsonDict) -> list[JsonDict]:
        self._polls_started += 1
        offset = _as_int(params.get("offset"), "offset", 0)
        limit = min(max(_as_int(params.get("limit"), "limit", 100), 1), 100)
        timeout = max(_as_int(params.get("timeout"), "timeout", 0), 0)
        if offset > 0:
            # Everything below the offset is confirmed and forgotten.
            self._pending = [u for u in self._pending if u.update_id >= offset]
        deadline = time.monotonic() + timeout
        ready: list[_QueuedUpdate] = []
        while True:
            wakeup = self._wakeup
            ready = [u for u in self._pending if u.update_id >= offset][:limit]
            remaining = deadline - time.monotonic()
            if ready or self._closing or remaining <= 0:
                break
            try:
                async with asyncio.timeout(remaining):
                    await wakeup.wait()
            except TimeoutError:
                break
        if ready:
            self._delivered_upto = max(self._delivered_upto, ready[-1].update_id)
            self._polls_at_delivery = self._polls_started
            self._last_activity = time.monotonic()
        return [update.payload for update in ready]

    def _delete_webhook(self, params: JsonDict) -> bool:
        if _as_bool(params.get("drop_pending_updates")):
            for update in self._pending:
                self._dropped.add(update.update_id)
                self._delivered_upto = max(self._delivered_upto, update.update_id)
            self._pending = []
        return True

    def _get_webhook_info(self, _params: JsonDict) -> JsonDict:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    def _send_message(self, params: JsonDict) -> JsonDict:
        chat = self._chat_for(params, writing=True)
        parsed = self._parse_text(params)
        markup = self._markup(params, inline_only=False)
        message = self._add_message(
            chat,
            from_bot=True,
            text=parsed.text,
            html=str(params.get("text")),
            entities=parsed.entities,
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
        )
        self._apply_reply_keyboard(chat, markup)
        return self.message_json(message)

    def _edit_message_text(self, params: JsonDict) -> JsonDict:
        message = self._editable(params)
        if message.document is not None:
            raise _bad("there is no text in the message to edit")
        parsed = self._parse_text(params)
        # Telegram drops the inline keyboard when an edit does not repeat it.
        markup = self._markup(params, inline_only=True)
        if (
            parsed.text == message.text
            and parsed.entities == message.entities
            and markup == message.reply_markup
        ):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.text = parsed.text
        message.html = str(params.get("text"))
        message.entities = parsed.entities
        message.parse_mode = params.get("parse_mode")
        message.reply_markup = markup
        self._touch_edit(message)
        return self.message_json(message)

    def _edit_message_reply_markup(self, params: JsonDict) -> JsonDict:
        message = self._editable(params)
        markup = self._markup(params, inline_only=True)
        if markup == message.reply_markup:
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.reply_markup = markup
        self._touch_edit(message)
        return self.message_json(message)

    def _edit_message_caption(self, params: JsonDict) -> JsonDict:
        message = self._editable(params)
        if message.document is None:
            raise _bad("there is no caption in the message to edit")
        parsed = self._parse_caption(params)
        caption = parsed.text if parsed else None
        entities = parsed.entities if parsed else []
        markup = self._markup(params, inline_only=True)
        if (
            caption == message.caption
            and entities == message.caption_entities
            and markup == message.reply_markup
        ):
            raise _bad(NOT_MODIFIED.removeprefix("Bad Request: "))
        message.caption = caption
        message.caption_html = params.get("caption")
        message.caption_entities = entities
        message.reply_markup = markup
        self._touch_edit(message)
        return self.message_json(message)

    def _delete_message(self, params: JsonDict) -> bool:
        chat = self._chat_for(params, writing=False)
        message = self._message_in(chat, params, "message to delete not found")
        message.deleted = True
        message.seq = self._bump()
        return True

    def _answer_callback_query(self, params: JsonDict) -> bool:
        answer = self.callback_answers.get(str(params.get("callback_query_id", "")))
        if answer is None or answer.answered:
            raise ApiError(400, QUERY_INVALID)
        answer.answered = True
        text = params.get("text")
        answer.text = str(text) if text else None
        answer.show_alert = _as_bool(params.get("show_alert"))
        url = params.get("url")
        answer.url = str(url) if url else None
        return True

    def _send_document(self, params: JsonDict) -> JsonDict:
        chat = self._chat_for(params, writing=True)
        document = self._incoming_document(params)
        caption = self._parse_caption(params)
        markup = self._markup(params, inline_only=False)
        message = self._add_message(
            chat,
            from_bot=True,
            document=document,
            caption=caption.text if caption else None,
            caption_html=params.get("caption"),
            caption_entities=caption.entities if caption else [],
            parse_mode=params.get("parse_mode"),
            reply_markup=markup,
        )
        self._apply_reply_keyboard(chat, markup)
        return self.message_json(message)

    def _send_chat_action(self, params: JsonDict) -> bool:
        self._chat_for(params, writing=True)
        return True

    def _get_file(self, params: JsonDict) -> JsonDict:
        document = self.files.get(str(params.get("file_id", "")))
        if document is None:
            raise _bad("invalid file_id")
        return file_json(document)

    @staticmethod
    def _commands_key(params: JsonDict) -> tuple[str, str]:
        scope = params.get("scope")
        if not isinstance(scope, dict):
            scope = {"type": "default"}
        # Chat-bound scopes keep their chat (and user) so two admins' menus do not collide.
        parts = [str(scope.get("type", "default"))]
        parts.extend(str(scope[key]) for key in ("chat_id", "user_id") if key in scope)
        return ":".join(parts), str(params.get("language_code") or "")

    def _set_my_commands(self, params: JsonDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad("can't parse commands JSON object")
        stored: list[dict[str, str]] = []
        for item in commands:
            if not isinstance(item, dict):
                raise _bad("can't parse BotCommand")
            command = str(item.get("command", ""))
            description = str(item.get("description", ""))
            if _COMMAND_RE.fullmatch(command) is None:
                raise _bad("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise _bad("BOT_COMMAND_DESCRIPTION_INVALID")
            stored.append({"command": command, "description": description})
        self.commands[self._commands_key(params)] = stored
        return True

    def _get_my_commands(self, params: JsonDict) -> list[dict[str, str]]:
        return self.commands.get(self._commands_key(params), [])

    def _delete_my_commands(self, params: JsonDict) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    def _set_chat_menu_button(self, params: JsonDict) -> bool:
        button = params.get("menu_button")
        chat_id = params.get("chat_id")
        key = _as_int(chat_id, "chat_id") if chat_id not in (None, "") else None
        self.menu_buttons[key] = button if isinstance(button, dict) else {"type": "default"}
        return True

    def _get_chat_menu_button(self, params: JsonDict) -> JsonDict:
        chat_id = params.get("chat_id")
        key = _as_int(chat_id, "chat_id") if chat_id not in (None, "") else None
        return self.menu_buttons.get(key, self.menu_buttons.get(None, {"type": "default"}))
