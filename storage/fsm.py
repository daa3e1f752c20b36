"""aiogram FSM storage on our own database, so a half-finished form survives a restart."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Mapping
from typing import Any, NamedTuple

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey
from sqlalchemy import delete, select

from bot.domain.clock import Clock
from storage.db import Database, dialect_insert
from storage.schema import fsm_states


class _Row(NamedTuple):
    state: str | None
    data: dict[str, Any]


class DatabaseStorage(BaseStorage):
    """One row per (bot, chat, user) key: the state name and the form's data as JSON.

    Every update asks for its sender's state, so the table is mirrored in memory: read whole
    once, on first use, and written through on every change (the database first, then the
    mirror). Only this process writes the table (Telegram gives updates to one poller), so the
    mirror stays exact; rows exist only for people in the middle of a form or with a language
    chosen before registering, so it stays small."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._keys = DefaultKeyBuilder(with_destiny=True)
        self._rows: dict[str, _Row] | None = None
        self._loading = asyncio.Lock()

    async def _mirror(self) -> dict[str, _Row]:
        if self._rows is None:
            async with self._loading:
                if self._rows is None:
                    async with self._db.read() as conn:
                        result = await conn.execute(
                            select(fsm_states.c.key, fsm_states.c.state, fsm_states.c.data)
                        )
                        self._rows = {row.key: _Row(row.state, row.data or {}) for row in result}
        return self._rows

    async def _write(self, key: StorageKey, **values: Any) -> None:  # noqa: ANN401
        """Sets the state or the data of a key; a key left with neither is deleted."""
        name = self._keys.build(key)
        rows = await self._mirror()
        current = rows.get(name, _Row(None, {}))
        row: dict[str, Any] = {"state": current.state, "data": current.data} | values
        empty = row["state"] is None and not row["data"]
        async with self._db.transaction() as conn:
            if empty:
                await conn.execute(delete(fsm_states).where(fsm_states.c.key == name))
            else:
                statement = dialect_insert(conn, fsm_states).values(
                    key=name, updated_at=self._clock.now(), **row
                )
                await conn.execute(
                    statement.on_conflict_do_update(
                        index_elements=[fsm_states.c.key],
                        set_={**row, "updated_at": statement.excluded.updated_at},
                    )
                )
        # Committed: the mirror follows, with no await in between, so writes land in order.
        if empty:
            rows.pop(name, None)
        else:
            rows[name] = _Row(row["state"], copy.deepcopy(row["data"]))

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name = state.state if isinstance(state, State) else state
        await self._write(key, state=name)

    async def get_state(self, key: StorageKey) -> str | None:
        row = (await self._mirror()).get(self._keys.build(key))
        return None if row is None else row.state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._write(key, data=dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        row = (await self._mirror()).get(self._keys.build(key))
        # A copy: aiogram's update_data changes what it is given before writing it back.
        return copy.deepcopy(row.data) if row is not None else {}

    async def sessions_of(self, user_id: int) -> list[dict[str, Any]]:
        """Every form state and data kept for one Telegram user, in any chat (for /mydata)."""
        rows = await self._mirror()
        return [
            {"key": key, "state": row.state, "data": copy.deepcopy(row.data)}
            for key, row in sorted(rows.items())
            if _user_of(key) == user_id
        ]

    async def forget_user(self, user_id: int) -> None:
        """Drops everything kept for one Telegram user, in every chat (erasure)."""
        rows = await self._mirror()
        keys = [key for key in rows if _user_of(key) == user_id]
        if not keys:
            return
        async with self._db.transaction() as conn:
            await conn.execute(delete(fsm_states).where(fsm_states.c.key.in_(keys)))
        for key in keys:
            rows.pop(key, None)

    async def close(self) -> None:
        """The database is closed by its owner, not by the FSM."""


def _user_of(key: str) -> int | None:
    """The user id in a key DefaultKeyBuilder made: `fsm:<chat>:<user>:<destiny>`."""
    parts = key.split(":")
    if len(parts) != 4 or not parts[2].lstrip("-").isdigit():
        return None
    return int(parts[2])
