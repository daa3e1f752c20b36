"""aiogram FSM storage on our own database, so a half-finished form survives a restart."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey
from sqlalchemy import delete, select

from bot.clock import Clock
from storage.db import Database, dialect_insert
from storage.schema import fsm_states


class DatabaseStorage(BaseStorage):
    """One row per (bot, chat, user) key: the state name and the form's data as JSON."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._keys = DefaultKeyBuilder(with_destiny=True)

    async def _write(self, key: StorageKey, **values: Any) -> None:  # noqa: ANN401
        """Sets the state or the data of a key; a key left with neither is deleted."""
        name = self._keys.build(key)
        async with self._db.transaction() as conn:
            result = await conn.execute(
                select(fsm_states.c.state, fsm_states.c.data).where(fsm_states.c.key == name)
            )
            current = result.one_or_none()
            row: dict[str, Any] = {"state": None, "data": {}}
            if current is not None:
                row = {"state": current.state, "data": current.data}
            row |= values
            if row["state"] is None and not row["data"]:
                await conn.execute(delete(fsm_states).where(fsm_states.c.key == name))
                return
            statement = dialect_insert(conn, fsm_states).values(
                key=name, updated_at=self._clock.now(), **row
            )
            await conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[fsm_states.c.key],
                    set_={**row, "updated_at": statement.excluded.updated_at},
                )
            )

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name = state.state if isinstance(state, State) else state
        await self._write(key, state=name)

    async def get_state(self, key: StorageKey) -> str | None:
        async with self._db.read() as conn:
            result = await conn.execute(
                select(fsm_states.c.state).where(fsm_states.c.key == self._keys.build(key))
            )
            return result.scalar_one_or_none()

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._write(key, data=dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self._db.read() as conn:
            result = await conn.execute(
                select(fsm_states.c.data).where(fsm_states.c.key == self._keys.build(key))
            )
            data = result.scalar_one_or_none()
        return dict(data) if data else {}

    async def close(self) -> None:
        """The database is closed by its owner, not by the FSM."""
