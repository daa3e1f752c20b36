"""A local fake of the Telegram Bot API for flow tests: the real bot polls it, tests talk."""

from .entities import EntityParseError, ParsedText, parse_html
from .models import (
    Call,
    CallbackAnswer,
    ChatState,
    Document,
    Message,
    UploadedFile,
    UserInfo,
)
from .people import ChatView, Group, Person
from .server import (
    BLOCKED,
    CHAT_NOT_FOUND,
    DEFAULT_TOKEN,
    NOT_MODIFIED,
    ApiError,
    FakeTelegram,
)

__all__ = [
    "BLOCKED",
    "CHAT_NOT_FOUND",
    "DEFAULT_TOKEN",
    "NOT_MODIFIED",
    "ApiError",
    "Call",
    "CallbackAnswer",
    "ChatState",
    "ChatView",
    "Document",
    "EntityParseError",
    "FakeTelegram",
    "Group",
    "Message",
    "ParsedText",
    "Person",
    "UploadedFile",
    "UserInfo",
    "parse_html",
]
