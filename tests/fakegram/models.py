"""Records the fake keeps: chats, messages, files, callback answers, calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

JsonDict = dict[str, Any]


class Call(NamedTuple):
    """One request the bot made: the method name and its decoded parameters."""

    method: str
    params: JsonDict


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request, as it appears in ``Call.params``."""

    filename: str
    content: bytes
    content_type: str


@dataclass
class Document:
    """A file stored by the fake, downloadable through getFile and the file URL."""

    filename: str
    content: bytes
    mime_type: str
    file_id: str
    file_unique_id: str
    file_path: str

    @property
    def size(self) -> int:
        """Size in bytes."""
        return len(self.content)


@dataclass
class UserInfo:
    """A Telegram user as the fake describes it in updates."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False

    @property
    def full_name(self) -> str:
        """First and last name, as Telegram clients show them."""
        return f"{self.first_name} {self.last_name}" if self.last_name else self.first_name


@dataclass
class Message:
    """One message in a chat, in either direction; edits apply in place."""

    message_id: int
    chat_id: int
    from_bot: bool
    date: datetime
    text: str = ""
    html: str = ""
    reply_markup: JsonDict | None = None
    document: Document | None = None
    caption: str | None = None
    edited: bool = False
    deleted: bool = False
    from_user_id: int | None = None
    parse_mode: str | None = None
    entities: list[JsonDict] = field(default_factory=list)
    caption_html: str | None = None
    caption_entities: list[JsonDict] = field(default_factory=list)
    edit_date: datetime | None = None
    # Value of the fake's change counter when the message was sent or last edited.
    seq: int = 0

    @property
    def body(self) -> str:
        """The plain text, or the plain caption of a document."""
        return self.text or self.caption or ""

    @property
    def inline_keyboard(self) -> list[list[JsonDict]]:
        """Rows of inline buttons (empty when the message has none)."""
        if self.reply_markup is None:
            return []
        rows = self.reply_markup.get("inline_keyboard")
        return rows if isinstance(rows, list) else []

    @property
    def buttons(self) -> list[str]:
        """Labels of the inline keyboard, flattened row by row."""
        return [str(button.get("text", "")) for row in self.inline_keyboard for button in row]

    def describe(self) -> str:
        """One transcript line."""
        who = "bot" if self.from_bot else f"user {self.from_user_id}"
        flags = "".join(
            [" (edited)" if self.edited else "", " (deleted)" if self.deleted else ""],
        )
        line = f"#{self.message_id} {who}{flags}: {self.body!r}"
        if self.document is not None:
            line += f" [document {self.document.filename!r}, {self.document.size} bytes]"
        if self.buttons:
            line += " " + " ".join(f"[{label}]" for label in self.buttons)
        return line


@dataclass
class CallbackAnswer:
    """What the bot answered to one callback query (``answered`` is False if it did not)."""

    text: str | None = None
    show_alert: bool = False
    answered: bool = False
    url: str | None = None


@dataclass
class ChatState:
    """A private chat or a group, with every message in order."""

    id: int
    type: str
    user: UserInfo | None = None
    title: str | None = None
    messages: list[Message] = field(default_factory=list)
    next_message_id: int = 1
    # The ReplyKeyboardMarkup currently shown, None after ReplyKeyboardRemove.
    reply_keyboard: JsonDict | None = None

    def find(self, message_id: int) -> Message | None:
        """The message with this id, deleted or not."""
        for message in self.messages:
            if message.message_id == message_id:
                return message
        return None

    def transcript(self) -> str:
        """The whole chat, one line per message, for assertion errors."""
        if not self.messages:
            return f"chat {self.id}: (no messages)"
        return "\n".join([f"chat {self.id}:", *("  " + m.describe() for m in self.messages)])
