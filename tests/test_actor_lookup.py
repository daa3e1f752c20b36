"""The sender of every update is looked up by Telegram id; lookups that arrive together share
one query, and each still gets exactly its own person."""

from __future__ import annotations

import asyncio

from bot.domain.clock import SystemClock
from bot.services.people import PeopleService
from storage import organisations, people
from storage.db import Database


async def test_senders_looked_up_together_each_get_their_own(db: Database) -> None:
    now = SystemClock().now()
    async with db.transaction() as conn:
        organisation = await organisations.create_organisation(
            conn, name="ИМЦ", timezone="Europe/Moscow", now=now
        )
        for telegram_id, name in ((501, "Иванова Анна"), (502, "Петрова Мария")):
            await people.create_person(
                conn,
                organisation_id=organisation.id,
                telegram_id=telegram_id,
                full_name=name,
                now=now,
            )
    service = PeopleService(db, SystemClock())
    ids = [502, 999, 501, 502, 501]
    actors = await asyncio.gather(*(service.actor(i, is_admin=i == 999) for i in ids))
    assert [a.telegram_id for a in actors] == ids
    assert [a.person.full_name if a.person else None for a in actors] == [
        "Петрова Мария",
        None,
        "Иванова Анна",
        "Петрова Мария",
        "Иванова Анна",
    ]
    assert [a.is_admin for a in actors] == [False, True, False, False, False]
    # A stranger is nobody even when looked up beside members.
    assert (await service.actor(999, is_admin=False)).person is None
