"""JSON objects shaped as the Bot API returns them, so aiogram's models parse them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .models import ChatState, Document, Message, UserInfo

JsonDict = dict[str, Any]


def _compact(data: JsonDict) -> JsonDict:
    # The Bot API omits absent optional fields instead of sending null.
    return {key: value for key, value in data.items() if value is not None}


def unix(moment: datetime) -> int:
    """Seconds since the epoch, as Telegram sends dates."""
    return int(moment.timestamp())


def user_json(user: UserInfo) -> JsonDict:
    """A User object."""
    return _compact(
        {
            "id": user.id,
            "is_bot": user.is_bot,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "username": user.username,
            "language_code": user.language_code,
        },
    )


def bot_user_json(bot: UserInfo) -> JsonDict:
    """The User object getMe returns for the bot itself."""
    return {
        **user_json(bot),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


def chat_json(chat: ChatState) -> JsonDict:
    """A Chat object."""
    if chat.type == "private" and chat.user is not None:
        return _compact(
            {
                "id": chat.id,
                "type": "private",
                "first_name": chat.user.first_name,
                "last_name": chat.user.last_name,
                "username": chat.user.username,
            },
        )
    return _compact({"id": chat.id, "type": chat.type, "title": chat.title})


def document_json(document: Document) -> JsonDict:
    """A Document object."""
    return {
        "file_id": document.file_id,
        "file_unique_id": document.file_unique_id,
        "file_name": document.filename,
        "mime_type": document.mime_type,
        "file_size": document.size,
    }


def file_json(document: Document) -> JsonDict:
    """A File object, as getFile returns it."""
    return {
        "file_id": document.file_id,
        "file_unique_id": document.file_unique_id,
        "file_size": document.size,
        "file_path": document.file_path,
    }


def message_json(message: Message, chat: ChatState, sender: UserInfo) -> JsonDict:
    """A Message object; only inline keyboards are echoed back, as Telegram does."""
    data: JsonDict = {
        "message_id": message.message_id,
        "from": user_json(sender),
        "chat": chat_json(chat),
        "date": unix(message.date),
    }
    if message.edit_date is not None:
        data["edit_date"] = unix(message.edit_date)
    if message.document is not None:
        data["document"] = document_json(message.document)
        if message.caption:
            data["caption"] = message.caption
            if message.caption_entities:
                data["caption_entities"] = message.caption_entities
    else:
        data["text"] = message.text
        if message.entities:
            data["entities"] = message.entities
    if message.reply_markup is not None and "inline_keyboard" in message.reply_markup:
        data["reply_markup"] = message.reply_markup
    return data


def callback_query_json(
    query_id: str,
    user: UserInfo,
    message: JsonDict,
    data: str,
    chat_instance: str,
) -> JsonDict:
    """A CallbackQuery object for a button pressed on ``message``."""
    return {
        "id": query_id,
        "from": user_json(user),
        "message": message,
        "chat_instance": chat_instance,
        "data": data,
    }
