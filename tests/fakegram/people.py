"""People and groups: the test's side of the conversation with the bot."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .models import CallbackAnswer, ChatState, Document, Message, UserInfo

if TYPE_CHECKING:
    from .server import FakeTelegram

MessageMatch = str | Callable[[Message], bool]

_WAIT_TICK = 0.01


def _describe_match(match: MessageMatch) -> str:
    if isinstance(match, str):
        return f"containing {match!r}"
    return f"matching {getattr(match, '__name__', repr(match))}"


class ChatView:
    """Reading helpers shared by a person's private chat and a group."""

    def __init__(self, fake: FakeTelegram, chat: ChatState) -> None:
        self._fake = fake
        self.chat = chat
        # Mark taken just before this side's latest action; wait_for looks after it.
        self._action_mark = 0

    @property
    def chat_id(self) -> int:
        """The chat's id."""
        return self.chat.id

    @property
    def messages(self) -> list[Message]:
        """Every non-deleted message in the chat, both directions, in order."""
        return [m for m in self.chat.messages if not m.deleted]

    @property
    def bot_messages(self) -> list[Message]:
        """The bot's non-deleted messages, in order."""
        return [m for m in self.messages if m.from_bot]

    @property
    def last(self) -> Message:
        """The newest bot message."""
        bot_messages = self.bot_messages
        if not bot_messages:
            msg = f"the bot has sent nothing here\n{self.transcript()}"
            raise AssertionError(msg)
        return bot_messages[-1]

    @property
    def last_text(self) -> str:
        """Plain text (or caption) of the newest bot message."""
        return self.last.body

    @property
    def documents(self) -> list[Document]:
        """Documents the bot sent here, in order."""
        return [m.document for m in self.bot_messages if m.document is not None]

    def mark(self) -> int:
        """A point in time for ``texts_since``."""
        return self._fake.mark()

    def texts_since(self, mark: int) -> list[str]:
        """Texts of bot messages sent or edited after ``mark``, in chat order."""
        return [m.body for m in self.bot_messages if m.seq > mark]

    def buttons(self, message: Message | None = None) -> list[str]:
        """Inline button labels of ``message`` (default: the newest bot message)."""
        return (message or self.last).buttons

    def reply_keyboard(self) -> list[list[str]] | None:
        """Labels of the reply keyboard currently shown, or None if there is none."""
        markup = self.chat.reply_keyboard
        if markup is None:
            return None
        rows: list[list[Any]] = markup.get("keyboard", [])
        return [[str(b["text"]) if isinstance(b, dict) else str(b) for b in row] for row in rows]

    def transcript(self) -> str:
        """The chat, one line per message."""
        return self.chat.transcript()

    async def wait_for(
        self,
        match: MessageMatch,
        timeout: float = 5.0,  # noqa: ASYNC109 - a bound on waiting, not a cancel scope
        *,
        since: int | None = None,
    ) -> Message:
        """Wait for a bot message, new or edited after ``since`` (default: the last action).

        ``match`` is a substring of the plain text or a predicate; the newest match wins.
        """
        start = self._action_mark if since is None else since

        def matches(message: Message) -> bool:
            if isinstance(match, str):
                return match in message.body
            return match(message)

        deadline = time.monotonic() + timeout
        while True:
            found = [m for m in self.bot_messages if m.seq > start and matches(m)]
            if found:
                return max(found, key=lambda m: m.seq)
            if time.monotonic() >= deadline:
                msg = (
                    f"no bot message {_describe_match(match)} arrived within {timeout:g} s\n"
                    f"{self.transcript()}"
                )
                raise AssertionError(msg)
            await asyncio.sleep(_WAIT_TICK)


class Group(ChatView):
    """A group chat; people write into it with ``Person.send_to``."""

    @property
    def title(self) -> str:
        """The group's title."""
        return self.chat.title or ""


class Person(ChatView):
    """One human in a private chat with the bot (chat id == user id)."""

    def __init__(self, fake: FakeTelegram, user: UserInfo, chat: ChatState) -> None:
        super().__init__(fake, chat)
        self.user = user

    @property
    def id(self) -> int:
        """The user's id."""
        return self.user.id

    def __repr__(self) -> str:
        return f"Person({self.user.id}, {self.user.full_name!r})"

    # --- speaking ------------------------------------------------------------------------

    def send_nowait(self, text: str) -> Message:
        """Queue a text message without waiting for the bot (for races and raw polling)."""
        self._action_mark = self._fake.mark()
        return self._fake.post_user_message(self.chat, self.user, text=text)

    async def send(self, text: str) -> Message:
        """Send a text message (a ``/start TOKEN`` is just text) and wait for the bot."""
        message = self.send_nowait(text)
        await self._fake.settle()
        return message

    async def send_to(self, group: Group, text: str) -> Message:
        """Write into a group and wait for the bot."""
        group._action_mark = self._action_mark = self._fake.mark()
        message = self._fake.post_user_message(group.chat, self.user, text=text)
        await self._fake.settle()
        return message

    async def upload(
        self,
        filename: str,
        content: bytes,
        *,
        caption: str | None = None,
        mime_type: str = "text/csv",
    ) -> Message:
        """Send a document the bot can download, and wait for the bot."""
        document = self._fake.store_file(filename, content, mime_type)
        self._action_mark = self._fake.mark()
        message = self._fake.post_user_message(
            self.chat,
            self.user,
            document=document,
            caption=caption,
        )
        await self._fake.settle()
        return message

    # --- buttons -------------------------------------------------------------------------

    async def press(self, label: str, *, in_message: Message | None = None) -> CallbackAnswer:
        """Press the inline button ``label`` on the newest bot message that has it."""
        candidates = [in_message] if in_message else list(reversed(self.bot_messages))
        message, button = self._find_button(candidates, label)
        return await self._press(message, self._callback_data(button, label))

    async def press_data(self, data: str, *, in_message: Message) -> CallbackAnswer:
        """Send arbitrary callback data on a message (a forged button)."""
        return await self._press(in_message, data)

    async def press_on_foreign(self, message: Message, label: str) -> CallbackAnswer:
        """Press a button on a message from another chat (as if it was forwarded here)."""
        found, button = self._find_button([message], label)
        return await self._press(found, self._callback_data(button, label))

    async def _press(self, message: Message, data: str) -> CallbackAnswer:
        if message.deleted:
            msg = f"message #{message.message_id} in chat {message.chat_id} is deleted"
            raise AssertionError(msg)
        self._action_mark = self._fake.mark()
        query_id = self._fake.post_callback_query(self.user, message, data)
        await self._fake.settle()
        return self._fake.callback_answers[query_id]

    @staticmethod
    def _callback_data(button: dict[str, Any], label: str) -> str:
        data = button.get("callback_data")
        if data is None:
            msg = f"button {label!r} has no callback_data: {button!r}"
            raise AssertionError(msg)
        return str(data)

    def _find_button(
        self,
        candidates: list[Message],
        label: str,
    ) -> tuple[Message, dict[str, Any]]:
        wanted = label.strip()
        for message in candidates:
            for row in message.inline_keyboard:
                for button in row:
                    if str(button.get("text", "")).strip() == wanted:
                        return message, button
        for message in candidates:
            partial = [
                button
                for row in message.inline_keyboard
                for button in row
                if wanted in str(button.get("text", ""))
            ]
            if len(partial) == 1:
                return message, partial[0]
            if partial:
                labels = ", ".join(repr(b.get("text")) for b in partial)
                msg = f"button label {label!r} is ambiguous on #{message.message_id}: {labels}"
                raise AssertionError(msg)
        visible = [m.describe() for m in candidates if m.buttons] or ["(no inline buttons)"]
        msg = f"no button {label!r}; visible buttons:\n  " + "\n  ".join(visible)
        raise AssertionError(msg)
