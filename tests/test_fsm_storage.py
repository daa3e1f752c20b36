"""Forms live in the database: a person half-way through a form finds it where they left it, even
after the bot restarts."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import func, select

from bot.domain.clock import SystemClock
from storage.db import Database
from storage.fsm import DatabaseStorage
from storage.migrate import migrate
from storage.schema import fsm_states
from tests.databases import Databases

BOT_ID = 123456


class Registration(StatesGroup):
    name = State()
    school = State()


def key_of(user_id: int, *, destiny: str = "default", chat_id: int | None = None) -> StorageKey:
    return StorageKey(bot_id=BOT_ID, chat_id=chat_id or user_id, user_id=user_id, destiny=destiny)


async def stored_rows(db: Database) -> int:
    async with db.read() as conn:
        return int(await conn.scalar(select(func.count()).select_from(fsm_states)) or 0)


async def test_nothing_is_stored_for_a_stranger(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    assert await storage.get_state(key_of(1001)) is None
    assert await storage.get_data(key_of(1001)) == {}


async def test_state_round_trip(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    await storage.set_state(key_of(1001), "Registration:school")
    assert await storage.get_state(key_of(1001)) == "Registration:school"

    await storage.set_state(key_of(1001), "Registration:subject")
    assert await storage.get_state(key_of(1001)) == "Registration:subject"
    assert await stored_rows(db) == 1


async def test_a_state_object_is_stored_by_its_name(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    await storage.set_state(key_of(1001), Registration.school)
    assert await storage.get_state(key_of(1001)) == "Registration:school"
    assert await storage.get_state(key_of(1001)) == Registration.school.state


async def test_data_round_trip_keeps_cyrillic_and_types(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    form = {
        "name": "Иванова Мария Петровна",
        "school": "МОУ «СОШ № 3», корпус 2",
        "experience": 12,
        "methodist": True,
        "subjects": ["русский язык", "литература"],
        "note": None,
    }
    await storage.set_data(key_of(1001), form)
    assert await storage.get_data(key_of(1001)) == form


async def test_update_data_merges_into_the_form(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    await storage.set_state(key_of(1001), Registration.school)
    await storage.set_data(key_of(1001), {"name": "Иванова Мария Петровна"})
    await storage.update_data(key_of(1001), {"school": "Гимназия № 1"})
    assert await storage.get_data(key_of(1001)) == {
        "name": "Иванова Мария Петровна",
        "school": "Гимназия № 1",
    }
    assert await storage.get_state(key_of(1001)) == "Registration:school"


async def test_state_and_data_are_kept_apart(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    await storage.set_state(key_of(1001), Registration.school)
    await storage.set_data(key_of(1001), {"name": "Иванова Мария Петровна"})

    await storage.set_state(key_of(1001), None)
    assert await storage.get_state(key_of(1001)) is None
    assert await storage.get_data(key_of(1001)) == {"name": "Иванова Мария Петровна"}

    await storage.set_state(key_of(1001), Registration.name)
    await storage.set_data(key_of(1001), {})
    assert await storage.get_state(key_of(1001)) == "Registration:name"
    assert await storage.get_data(key_of(1001)) == {}


async def test_clearing_state_and_data_deletes_the_row(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    await storage.set_state(key_of(1001), Registration.school)
    await storage.set_data(key_of(1001), {"name": "Иванова Мария Петровна"})
    assert await stored_rows(db) == 1

    await storage.set_state(key_of(1001), None)
    await storage.set_data(key_of(1001), {})

    assert await stored_rows(db) == 0
    assert await storage.get_state(key_of(1001)) is None
    assert await storage.get_data(key_of(1001)) == {}


async def test_keys_are_independent(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    form, locale = key_of(1001), key_of(1001, destiny="locale")
    other_person, group_chat = key_of(1002), key_of(1001, chat_id=-100500)

    await storage.set_state(form, Registration.school)
    await storage.set_data(form, {"name": "Иванова Мария Петровна"})
    await storage.set_data(locale, {"locale": "en"})
    await storage.set_state(other_person, Registration.name)

    assert await storage.get_state(locale) is None
    assert await storage.get_data(locale) == {"locale": "en"}
    assert await storage.get_data(other_person) == {}
    assert await storage.get_state(group_chat) is None

    # /cancel clears the form; the language chosen before registering stays.
    await storage.set_state(form, None)
    await storage.set_data(form, {})
    assert await storage.get_data(locale) == {"locale": "en"}
    assert await storage.get_state(other_person) == "Registration:name"
    assert await stored_rows(db) == 2


async def test_a_form_survives_a_restart(databases: Databases) -> None:
    url = await databases.url("bot", migrated=False)
    before = Database(url)
    try:
        await migrate(before)
        storage = DatabaseStorage(before, SystemClock())
        await storage.set_state(key_of(1001), Registration.school)
        await storage.set_data(key_of(1001), {"name": "Иванова Мария Петровна"})
        await storage.set_data(key_of(1001, destiny="locale"), {"locale": "en"})
        await storage.close()
    finally:
        await before.dispose()

    after = Database(url)
    try:
        await migrate(after)
        restarted = DatabaseStorage(after, SystemClock())
        assert await restarted.get_state(key_of(1001)) == "Registration:school"
        assert await restarted.get_data(key_of(1001)) == {"name": "Иванова Мария Петровна"}
        assert await restarted.get_data(key_of(1001, destiny="locale")) == {"locale": "en"}
    finally:
        await after.dispose()


async def test_every_change_reaches_the_database_at_once(db: Database) -> None:
    # The storage answers from memory; the database must still hold each change as it is
    # made, so a crash at any moment loses nothing (a second storage reads the database).
    storage = DatabaseStorage(db, SystemClock())
    assert await storage.get_state(key_of(1001)) is None  # the mirror is loaded now
    await storage.set_state(key_of(1001), Registration.name)
    await storage.set_data(key_of(1001), {"name": "Иванова Анна"})
    assert await DatabaseStorage(db, SystemClock()).get_state(key_of(1001)) == "Registration:name"
    assert await DatabaseStorage(db, SystemClock()).get_data(key_of(1001)) == {
        "name": "Иванова Анна"
    }
    await storage.set_state(key_of(1001), None)
    await storage.set_data(key_of(1001), {})
    assert await stored_rows(db) == 0
    assert await DatabaseStorage(db, SystemClock()).get_state(key_of(1001)) is None


async def test_changing_what_was_read_changes_nothing_stored(db: Database) -> None:
    storage = DatabaseStorage(db, SystemClock())
    await storage.set_data(key_of(1001), {"items": [{"title": "План"}]})
    data = await storage.get_data(key_of(1001))
    data["items"].append({"title": "Отчёт"})
    assert await storage.get_data(key_of(1001)) == {"items": [{"title": "План"}]}
