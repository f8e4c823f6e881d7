"""The database on PostgreSQL (the cluster mode, ``--database postgresql://…``): the same interface as the
SQLite connection, so every store and its migrations run unchanged on both.

psycopg 3 in its synchronous form, like the sqlite3 module: the stores' small, indexed statements are
round trips of a fraction of a millisecond on the local network; what can grow (search) goes to a worker
thread with a connection of its own (``all_off_loop``), purges run in bounded steps. Statements are
written with ``?`` placeholders (dialect.py); they are given to psycopg as ``%s``.

When PostgreSQL is unreachable a statement raises :class:`DatabaseUnavailable` (nothing is acknowledged
that was not committed: a chat post waits in the client's outbox, see features/chat); the next
statement after it tries a new connection, so service returns by itself when the server is back.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from .connection import Cursor, Database, DatabaseError, Params
from .dialect import POSTGRESQL

log = logging.getLogger(__name__)

_PLACEHOLDER = re.compile(r"\?")
CONNECT_TIMEOUT_S = 3


class DatabaseUnavailable(DatabaseError):
    """PostgreSQL cannot be reached (or went away mid-statement)."""


_DDL = re.compile(r"^\s*(CREATE\s+TABLE|ALTER\s+TABLE)", re.IGNORECASE)
_INTEGER = re.compile(r"\bINTEGER\b")


def _sql(statement: str) -> str:
    # SQLite's INTEGER holds 64 bits, PostgreSQL's 32: a table's INTEGER columns become BIGINT here, so
    # the stores' schemas mean the same on both.
    if _DDL.match(statement):
        statement = _INTEGER.sub("BIGINT", statement)
    # No store writes a literal % or ? in its SQL (test_sql_portable keeps it so).
    return _PLACEHOLDER.sub("%s", statement)


class PostgresDatabase(Database):
    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self.dialect = POSTGRESQL
        self._in_transaction = False
        self._path = None
        self._readers = threading.local()
        self._reader_connections: list[Any] = []
        self._readers_lock = threading.Lock()
        self._pg: psycopg.Connection[Any] | None = None
        self._init_soon()
        self._connection()

    @classmethod
    def connect(cls, dsn: str) -> PostgresDatabase:
        return cls(dsn)

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self._dsn, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.OperationalError as exc:
            raise DatabaseUnavailable("Die Datenbank (PostgreSQL) ist nicht erreichbar.") from exc

    def _connection(self) -> psycopg.Connection[Any]:
        if self._pg is None or self._pg.closed:
            self._pg = self._connect()
        return self._pg

    def _run(self, call: Any) -> Any:
        try:
            return call(self._connection())
        except psycopg.OperationalError as exc:
            # The server went away (stopped, restarted, network): this statement fails, the next one
            # connects anew. Inside a transaction the whole transaction fails (rolled back by the server).
            if self._pg is not None:
                self._pg.close()
            self._pg = None
            log.warning("PostgreSQL connection lost (%s)", type(exc).__name__)
            raise DatabaseUnavailable("Die Datenbank (PostgreSQL) ist nicht erreichbar.") from exc

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        if self._soon:
            self.flush()
        result: Cursor = self._run(lambda pg: pg.execute(_sql(sql), tuple(params)))
        return result

    def executemany(self, sql: str, rows: Iterable[Params]) -> Cursor:
        if self._soon:
            self.flush()
        batch = [tuple(r) for r in rows]

        def many(pg: psycopg.Connection[Any]) -> Cursor:
            cursor = pg.cursor()
            if batch:  # psycopg refuses an empty batch; sqlite3 does nothing
                cursor.executemany(_sql(sql), batch)
            return cursor
        result: Cursor = self._run(many)
        return result

    def one(self, sql: str, params: Params = ()) -> Any:
        return self._run(lambda pg: pg.execute(_sql(sql), tuple(params)).fetchone())

    def all(self, sql: str, params: Params = ()) -> list[Any]:
        rows: list[Any] = self._run(lambda pg: pg.execute(_sql(sql), tuple(params)).fetchall())
        return rows

    def _read(self, sql: str, params: Params) -> list[Any]:
        reader: psycopg.Connection[Any] | None = getattr(self._readers, "connection", None)
        if reader is None or reader.closed:
            reader = self._connect()
            self._readers.connection = reader
            with self._readers_lock:
                self._reader_connections.append(reader)
        try:
            rows: list[Any] = reader.execute(_sql(sql), tuple(params)).fetchall()
        except psycopg.OperationalError as exc:
            reader.close()
            raise DatabaseUnavailable("Die Datenbank (PostgreSQL) ist nicht erreichbar.") from exc
        return rows

    def checkpoint(self) -> None:
        """PostgreSQL checkpoints by itself."""

    async def all_off_loop(self, sql: str, params: Params = ()) -> list[Any]:
        import asyncio

        return await asyncio.to_thread(self._read, sql, params)

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[None]:
        if self._in_transaction:
            yield
            return
        self.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
        if not durable:
            self.execute("SET LOCAL synchronous_commit TO off")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._in_transaction = False
            if self._pg is not None and not self._pg.closed:
                try:
                    self._pg.execute("ROLLBACK")
                except psycopg.Error:
                    self._pg.close()
            raise
        self._in_transaction = False
        self.execute("COMMIT")

    def close(self) -> None:
        try:
            self.flush()
        except DatabaseUnavailable:
            log.warning("PostgreSQL unreachable at close: the last visits and first-seen times are lost")
        with self._readers_lock:
            for reader in self._reader_connections:
                reader.close()
            self._reader_connections.clear()
        if self._pg is not None:
            self._pg.close()
