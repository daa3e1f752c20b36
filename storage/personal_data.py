"""Where the bot keeps personal data: every column of every table, classified once.

`REGISTRY` is the single list that both `/mydata` (what a person is shown and given as a file)
and erasure (what is wiped when consent is withdrawn or the retention period ends) are made
from; tests/test_personal_data.py fails when a table or a text, JSON, binary or Telegram-id
column is added to `storage/schema.py` without being classified here, so later work cannot
store something about people that these two never see.

Per table:
- `owners`: columns that point at the person a row is about (their membership, their vote), each
  with the columns of that row that are this person's own personal data. The rows reached
  through an owner column are the person's; their personal columns are erased.
- `references`: columns that point at a person who only acted on the row (who added a member,
  who signed); such a row is not that person's, and `/mydata` never shows these columns.
- `record`: the organisation's official records, kept on erasure (signed протоколы; a speaker's
  name typed into an agenda) — docs/personal-data.md says so to the person.
- `session`: what a form in progress keeps per Telegram chat; dropped on erasure.
- `named`: JSON documents that carry people's names by value (a meeting's counted result lists
  who voted how, 4.9): on erasure the name is replaced by the anonymous label there, and the
  tallies are left exactly as they were.
- `telegram`: columns that hold the Telegram id of the person a row is about, for rows kept
  before that person may have written to the bot (a coordinator appointed from the command
  line): shown to them, deleted on erasure.
- `other`: text that is not about a person (titles, statuses, a meeting's place).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    LargeBinary,
    String,
    Table,
    Text,
    delete,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from storage import schema

# What a non-nullable text column of an erased person holds instead of their words.
ERASED: Final = "—"


@dataclass(frozen=True)
class TableRule:
    owners: Mapping[str, frozenset[str]] = field(default_factory=dict)
    references: frozenset[str] = frozenset()
    record: frozenset[str] = frozenset()
    session: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()
    telegram: frozenset[str] = frozenset()
    other: frozenset[str] = frozenset()

    def personal(self) -> frozenset[str]:
        return frozenset(column for columns in self.owners.values() for column in columns)

    def classified(self) -> list[str]:
        """Every column named here, once per mention (a test checks there are no doubles)."""
        return [
            *self.owners,
            *(column for columns in self.owners.values() for column in columns),
            *self.references,
            *self.record,
            *self.session,
            *self.named,
            *self.telegram,
            *self.other,
        ]


def _f(*names: str) -> frozenset[str]:
    return frozenset(names)


PROFILE: Final = _f(
    "full_name",
    "school",
    "subject",
    "position",
    "category",
    "experience_years",
    "education",
    "speciality_years",
    "category_awarded_on",
    "titles",
    "grounds",
    "telegram_id",
    "locale",
)

REGISTRY: Final[Mapping[str, TableRule]] = {
    "organisations": TableRule(
        other=_f(
            "name",
            "timezone",
            "operator_name",
            "operator_address",
            "city",
            "eligibility_variant",
            "eligibility_thresholds",
        )
    ),
    "persons": TableRule(owners={"id": PROFILE}),
    "coordinators": TableRule(owners={"person_id": _f()}, references=_f("appointed_by")),
    "bodies": TableRule(other=_f("kind", "name", "subject", "group_chat_id")),
    "memberships": TableRule(
        owners={"person_id": _f()}, references=_f("changed_by"), other=_f("role")
    ),
    "invitations": TableRule(
        owners={"person_id": _f()}, references=_f("created_by"), other=_f("token", "role")
    ),
    "fsm_states": TableRule(session=_f("key", "state", "data")),
    "meetings": TableRule(
        references=_f("created_by", "short_notice_confirmed_by", "cancelled_by"),
        named=_f("results"),
        other=_f("form", "status", "place", "checkin_code"),
    ),
    "agenda_items": TableRule(record=_f("speaker"), other=_f("title")),
    "materials": TableRule(other=_f("file_id", "file_name", "mime_type")),
    "proposals": TableRule(
        owners={"person_id": _f()},
        references=_f("decided_by"),
        other=_f("title", "status", "comment"),
    ),
    "rsvps": TableRule(owners={"person_id": _f()}),
    "notices": TableRule(owners={"person_id": _f()}, other=_f("kind", "status", "details")),
    "deliveries": TableRule(
        owners={"person_id": _f("chat_id", "message_id")}, other=_f("status", "error")
    ),
    "group_links": TableRule(references=_f("created_by"), other=_f("code")),
    "voters": TableRule(owners={"person_id": _f()}, other=_f("role")),
    "ballots": TableRule(
        owners={"person_id": _f()}, references=_f("entered_by"), other=_f("source")
    ),
    "votes": TableRule(owners={"person_id": _f()}, other=_f("choice", "source")),
    "room_votes": TableRule(references=_f("recorded_by"), other=_f("chair_choice")),
    "attendance": TableRule(owners={"person_id": _f()}, other=_f("source")),
    "vote_log": TableRule(
        owners={"person_id": _f()},
        references=_f("actor_id"),
        other=_f("action", "choice", "source", "details"),
    ),
    "minutes": TableRule(
        references=_f("signed_by"),
        record=_f("texts", "document"),
        other=_f("status", "reason", "returned_comment", "signed_as"),
    ),
    "templates": TableRule(references=_f("uploaded_by"), other=_f("kind", "content")),
    "methodist_profiles": TableRule(owners={"person_id": _f("subjects", "directions")}),
    "consultations": TableRule(
        owners={"teacher_id": _f("topic", "wishes", "rating_comment"), "methodist_id": _f()},
        other=_f("subject", "direction", "size", "mode", "status", "place", "reason"),
    ),
    "consultation_offers": TableRule(owners={"person_id": _f()}),
    "plans": TableRule(references=_f("created_by"), other=_f("topic")),
    "cadence_reminders": TableRule(),
    "consent_versions": TableRule(
        references=_f("created_by"), other=_f("operator_name", "operator_address", "texts")
    ),
    "consents": TableRule(
        owners={"person_id": _f()},
        references=_f("recorded_by"),
        other=_f("basis", "locale", "text_sha256"),
    ),
    "retention_notes": TableRule(owners={"person_id": _f()}),
    "appointed_coordinators": TableRule(telegram=_f("telegram_id")),
    "operator_alerts": TableRule(other=_f("key")),
}


def needs_classifying(column: Column[Any]) -> bool:
    """Columns that can hold something about a person: text of any kind, JSON, files, Telegram
    ids (64-bit integers), and every pointer to a person."""
    if isinstance(column.type, String | Text | JSON | LargeBinary | BigInteger):
        return True
    return any(fk.column.table is schema.persons for fk in column.foreign_keys)


async def _telegram_id(conn: AsyncConnection, person_id: int) -> int | None:
    result = await conn.execute(
        select(schema.persons.c.telegram_id).where(schema.persons.c.id == person_id)
    )
    return result.scalar_one_or_none()


def _plain(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


Section = list[dict[str, object]]


async def collect(conn: AsyncConnection, person_id: int) -> dict[str, Section]:
    """Everything the database holds about one person, table by table: the rows reached
    through an owner column, without the columns that belong to anyone else (other people's
    ids and personal columns, who acted on the row, the organisation's records)."""
    found: dict[str, Section] = {}
    telegram_id = await _telegram_id(conn, person_id)
    for name, rule in REGISTRY.items():
        table: Table = schema.metadata.tables[name]
        for column_name in sorted(rule.telegram):
            if telegram_id is None:
                continue
            result = await conn.execute(select(table).where(table.c[column_name] == telegram_id))
            rows = [
                {key: _plain(value) for key, value in row.items()} for row in result.mappings()
            ]
            if rows:
                found[name] = rows
        for owner in rule.owners:
            hidden = (
                set(rule.references)
                | set(rule.record)
                | {other for other in rule.owners if other != owner}
                | {
                    column
                    for other, columns in rule.owners.items()
                    if other != owner
                    for column in columns
                }
            )
            shown = [column for column in table.c if column.name not in hidden]
            result = await conn.execute(
                select(*shown).where(table.c[owner] == person_id).order_by(*table.primary_key)
            )
            rows = [
                {key: _plain(value) for key, value in row.items()} for row in result.mappings()
            ]
            if rows:
                key = name if len(rule.owners) == 1 else f"{name}.{owner}"
                found[key] = rows
    return found


def _renamed(document: object, old: str, label: str) -> object:
    """The document with every `"name": old` replaced by the label, nothing else touched."""
    if isinstance(document, dict):
        return {
            key: label if key == "name" and value == old else _renamed(value, old, label)
            for key, value in document.items()
        }
    if isinstance(document, list):
        return [_renamed(value, old, label) for value in document]
    return document


async def _rename(conn: AsyncConnection, old: str, label: str) -> None:
    for name, rule in REGISTRY.items():
        table: Table = schema.metadata.tables[name]
        for column_name in rule.named:
            column = table.c[column_name]
            result = await conn.execute(
                select(*table.primary_key, column).where(column.is_not(None))
            )
            for row in result.mappings():
                renamed = _renamed(row[column_name], old, label)
                if renamed != row[column_name]:
                    keys = [key == row[key.name] for key in table.primary_key]
                    await conn.execute(update(table).where(*keys).values({column_name: renamed}))


async def erase(conn: AsyncConnection, person_id: int, *, label: str, now: datetime) -> None:
    """Replaces the person's personal columns everywhere: their name by `label` (in the JSON
    documents that carry it by value too), every other personal value by NULL (or ERASED / an
    empty list where a value is required), and marks the person erased. Rows stay, so past
    meetings and their tallies keep their shape."""
    old = (
        await conn.execute(
            select(schema.persons.c.full_name).where(schema.persons.c.id == person_id)
        )
    ).scalar_one()
    await _rename(conn, old, label)
    telegram_id = await _telegram_id(conn, person_id)
    for name, rule in REGISTRY.items():
        table: Table = schema.metadata.tables[name]
        for column_name in rule.telegram:
            if telegram_id is not None:
                await conn.execute(delete(table).where(table.c[column_name] == telegram_id))
        for owner, columns in rule.owners.items():
            if not columns:
                continue
            values: dict[str, object] = {}
            for column_name in columns:
                column = table.c[column_name]
                if column_name == "full_name":
                    values[column_name] = label
                elif column.nullable:
                    values[column_name] = None
                elif isinstance(column.type, JSON):
                    values[column_name] = []
                else:
                    values[column_name] = ERASED
            if name == "persons":
                values |= {"erased_at": now, "updated_at": now, "reachable": False}
            await conn.execute(update(table).where(table.c[owner] == person_id).values(**values))
