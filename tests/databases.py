"""Where the tests' databases come from: one factory for SQLite (the default) and PostgreSQL
(`--db=postgresql` or COUNCILBOT_TEST_DB=postgresql), so every test that touches the database
runs on either.

Migrating a fresh database costs most of a database test's time, so the schema is migrated
once per session into a template, and each test gets a copy: on SQLite a copy of the template
file, on PostgreSQL `CREATE DATABASE ... TEMPLATE`. Tests of the migrations themselves ask for
an empty database and migrate it from scratch."""

from __future__ import annotations

import asyncio
import itertools
import shutil
from pathlib import Path

import asyncpg

from storage.db import Database
from storage.migrate import migrate

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
KINDS = (SQLITE, POSTGRESQL)
TEMPLATE = "councilbot_template"


async def _migrated(url: str) -> None:
    database = Database(url)
    try:
        await migrate(database)
    finally:
        await database.dispose()


class Server:
    """The session's database server: a folder of SQLite files, or a PostgreSQL server. Each
    holds a migrated template made once (`prepare`, outside any test's event loop)."""

    kind: str

    def prepare(self) -> None:
        raise NotImplementedError

    async def create(self, name: str, *, migrated: bool) -> str:
        """A new database's URL: a copy of the template, or empty."""
        raise NotImplementedError

    async def drop(self, url: str) -> None:
        raise NotImplementedError


class SqliteFiles(Server):
    kind = SQLITE

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.template = folder / "template.sqlite3"

    def prepare(self) -> None:
        asyncio.run(_migrated(self.url(self.template)))
        # The engine is disposed: the WAL is checkpointed into the file and no -wal is left.
        leftovers = [p for p in self.folder.iterdir() if p.name.startswith("template.sqlite3-")]
        assert not leftovers, leftovers

    @staticmethod
    def url(path: Path) -> str:
        return f"sqlite+aiosqlite:///{path}"

    async def create(self, name: str, *, migrated: bool) -> str:
        """`name` is a path here: the test's own file, in its tmp_path."""
        path = Path(name)
        if migrated:
            shutil.copyfile(self.template, path)
        return self.url(path)

    async def drop(self, url: str) -> None:
        """The file goes with the test's tmp_path."""


class PostgresServer(Server):
    kind = POSTGRESQL

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url  # postgresql+asyncpg://user@host:port
        self._numbers = itertools.count(1)

    def prepare(self) -> None:
        async def template() -> None:
            await self._admin(f'CREATE DATABASE "{TEMPLATE}"')
            await _migrated(f"{self.base_url}/{TEMPLATE}")

        asyncio.run(template())

    async def _admin(self, *statements: str) -> None:
        # CREATE/DROP DATABASE cannot run in a transaction: a plain driver connection.
        conn = await asyncpg.connect(self.base_url.replace("+asyncpg", "") + "/postgres")
        try:
            for statement in statements:
                await conn.execute(statement)
        finally:
            await conn.close()

    async def create(self, name: str, *, migrated: bool) -> str:
        """`name` is ignored: PostgreSQL's databases are numbered test_1, test_2..."""
        database = f"test_{next(self._numbers)}"
        template = f' TEMPLATE "{TEMPLATE}"' if migrated else ""
        await self._admin(f'CREATE DATABASE "{database}"{template}')
        return f"{self.base_url}/{database}"

    async def drop(self, url: str) -> None:
        database = url.rsplit("/", 1)[1]
        await self._admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


class Databases:
    """One test's databases, made on the session's server and dropped when the test ends."""

    def __init__(self, server: Server, folder: Path) -> None:
        self.server = server
        self.folder = folder
        self._made: list[str] = []
        self._names = itertools.count(1)

    @property
    def kind(self) -> str:
        return self.server.kind

    @property
    def is_sqlite(self) -> bool:
        return self.server.kind == SQLITE

    async def url(self, name: str | None = None, *, migrated: bool = True) -> str:
        """A new database, migrated to the newest schema (or empty), for this test alone."""
        file = self.folder / f"{name or f'db{next(self._names)}'}.sqlite3"
        url = await self.server.create(str(file), migrated=migrated)
        self._made.append(url)
        return url

    async def open(self, name: str | None = None, *, migrated: bool = True) -> Database:
        return Database(await self.url(name, migrated=migrated))

    async def drop_all(self) -> None:
        for url in self._made:
            await self.server.drop(url)
        self._made.clear()
