"""Telegram's HTML parse mode, reduced to what the fake needs: plain text plus entities.

The parser is strict where Telegram is strict (an unescaped ``<`` or an unsupported tag is a
400), so a bot that forgets to escape a user's name fails in tests the way it would in
production.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Tags Telegram accepts in HTML mode and the entity each one produces.
_TAG_ENTITIES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
    "blockquote": "blockquote",
}

# Only these named entities are understood; numeric ones always are.
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}

_TAG_RE = re.compile(
    r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)"
    r"(?P<attrs>(?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>",
)
_ATTR_RE = re.compile(r"([^\s=>/]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_ENTITY_RE = re.compile(r"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z]+);")

JsonDict = dict[str, Any]


class EntityParseError(ValueError):
    """The text cannot be parsed in the requested parse mode (Telegram answers 400)."""

    def __init__(self, reason: str) -> None:
        self.description = f"Bad Request: can't parse entities: {reason}"
        super().__init__(self.description)


@dataclass(frozen=True)
class ParsedText:
    """Plain text as Telegram shows it, with entities in UTF-16 offsets."""

    text: str
    entities: list[JsonDict] = field(default_factory=list)


@dataclass
class _OpenTag:
    name: str
    offset: int
    attrs: dict[str, str]
    language: str | None = None


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts entity offsets in."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode())


def _unescape(chunk: str) -> str:
    def replace(match: re.Match[str]) -> str:
        body = match.group(1)
        if body.startswith(("#x", "#X")):
            return chr(int(body[2:], 16))
        if body.startswith("#"):
            return chr(int(body[1:]))
        # An unknown named entity is kept literally, as Telegram does.
        return _NAMED.get(body, match.group(0))

    return _ENTITY_RE.sub(replace, chunk)


def _parse_attrs(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(raw):
        name, dq, sq, bare = match.groups()
        value = dq if dq is not None else sq if sq is not None else bare
        attrs[name.lower()] = _unescape(value) if value is not None else ""
    return attrs


def _entity_for(tag: _OpenTag, length: int) -> JsonDict | None:
    kind = _TAG_ENTITIES[tag.name]
    entity: JsonDict = {"type": kind, "offset": tag.offset, "length": length}
    if kind == "text_link":
        href = tag.attrs.get("href")
        if not href:
            return None
        entity["url"] = href
    elif kind == "pre" and tag.language:
        entity["language"] = tag.language
    elif kind == "custom_emoji":
        entity["custom_emoji_id"] = tag.attrs.get("emoji-id", "")
    elif kind == "date_time":
        entity["unix_time"] = int(tag.attrs.get("unix", "0") or 0)
        if "format" in tag.attrs:
            entity["date_time_format"] = tag.attrs["format"]
    elif kind == "blockquote" and "expandable" in tag.attrs:
        entity["type"] = "expandable_blockquote"
    return entity


def _code_language(attrs: dict[str, str]) -> str | None:
    # Telegram reads class="language-x"; aiogram's pre_language writes language="language-x".
    for key in ("class", "language"):
        value = attrs.get(key, "")
        if value.startswith("language-"):
            return value.removeprefix("language-")
    return None


class _HtmlParser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.pieces: list[str] = []
        self.offset = 0
        self.stack: list[_OpenTag] = []
        self.entities: list[JsonDict] = []

    def add_text(self, chunk: str) -> None:
        if chunk:
            text = _unescape(chunk)
            self.pieces.append(text)
            self.offset += utf16_len(text)

    def open_tag(self, name: str, attrs: dict[str, str], at: int) -> None:
        if name == "span" and attrs.get("class") != "tg-spoiler":
            msg = f'Tag "span" must have class "tg-spoiler" at byte offset {at}'
            raise EntityParseError(msg)
        self.stack.append(_OpenTag(name=name, offset=self.offset, attrs=attrs))

    def close_tag(self, name: str, at: int) -> None:
        if not self.stack:
            msg = f'Unexpected end tag "{name}" at byte offset {at}'
            raise EntityParseError(msg)
        tag = self.stack.pop()
        if tag.name != name:
            msg = (
                f'Unmatched end tag at byte offset {at}, expected "</{tag.name}>", '
                f'found "</{name}>"'
            )
            raise EntityParseError(msg)
        language = _code_language(tag.attrs) if name == "code" else None
        if language is not None and self.stack and self.stack[-1].name == "pre":
            # <pre><code class="language-x"> is one pre entity with a language.
            self.stack[-1].language = language
            return
        length = self.offset - tag.offset
        if length > 0 and (entity := _entity_for(tag, length)) is not None:
            self.entities.append(entity)

    def run(self) -> ParsedText:
        source = self.source
        index = 0
        while (lt := source.find("<", index)) != -1:
            self.add_text(source[index:lt])
            at = _byte_offset(source, lt)
            match = _TAG_RE.match(source, lt)
            if match is None:
                msg = f"Unexpected end of name token at byte offset {at}"
                raise EntityParseError(msg)
            name = match.group("name").lower()
            if name not in _TAG_ENTITIES:
                kind = "end" if match.group("close") else "start"
                msg = f'Unsupported {kind} tag "{name}" at byte offset {at}'
                raise EntityParseError(msg)
            if match.group("close"):
                self.close_tag(name, at)
            else:
                self.open_tag(name, _parse_attrs(match.group("attrs")), at)
            index = match.end()
        self.add_text(source[index:])
        if self.stack:
            msg = f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            raise EntityParseError(msg)
        entities = sorted(self.entities, key=lambda e: (e["offset"], -e["length"]))
        return ParsedText(text="".join(self.pieces), entities=entities)


def parse_html(source: str) -> ParsedText:
    """Parse Telegram-flavoured HTML into plain text and entities."""
    return _HtmlParser(source).run()


def parse_text(
    text: str,
    parse_mode: str | None,
    entities: list[JsonDict] | None = None,
) -> ParsedText:
    """Apply a parse mode as Telegram would; Markdown modes are kept verbatim."""
    if parse_mode is not None and parse_mode.lower() == "html":
        return parse_html(text)
    return ParsedText(text=text, entities=list(entities or []))


def command_entities(text: str) -> list[JsonDict]:
    """The bot_command entity Telegram adds to a message that starts with a command."""
    match = re.match(r"/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?", text)
    if match is None:
        return []
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group(0))}]
