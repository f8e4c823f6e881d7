"""One connection to the database, and transactions on it.

SQLite in WAL mode: readers never wait for the writer, and a committed write survives a power cut
(``synchronous=FULL``; the chat writer and the whiteboard batch their writes, so that costs one fsync per
batch, not per message). Statements run in autocommit unless inside :meth:`Database.transaction`.
Queries that are small and indexed run on the event loop. A read that grows with the data (a search
over years of chat) runs in a worker thread on a read-only connection of that thread
(:meth:`Database.all_off_loop`; WAL lets it read while the loop writes); deletions that grow (retention
purges) run in bounded steps. The password hash runs in a worker thread too (net/auth.py).
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from .dialect import SQLITE, Dialect

Params = Sequence[Any]


class Cursor(Protocol):
    """What the stores use of a statement's result (sqlite3's and psycopg's cursors both offer it)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class DatabaseError(Exception):
    """The database cannot be used; the message says why, in German."""


class Database:
    def __init__(self, connection: sqlite3.Connection, dialect: Dialect = SQLITE, path: Path | None = None) -> None:
        self._db = connection
        self.dialect = dialect
        self._in_transaction = False
        #: The file, for the worker threads' read-only connections (None: in memory, reads stay here).
        self._path = path
        self._init_workers()
        self._init_soon()

    def _init_workers(self) -> None:
        """Connections of the worker threads (search, checkpoints), and what they are doing: closing
        the database waits until no worker uses one (a connection closed under a running statement
        crashes the process)."""
        self._readers = threading.local()
        self._reader_connections: list[Any] = []
        self._readers_lock = threading.Lock()
        self._workers_idle = threading.Condition(self._readers_lock)
        self._workers_busy = 0
        self._closed = False

    @contextmanager
    def _worker_use(self) -> Iterator[None]:
        with self._workers_idle:
            if self._closed:
                raise DatabaseError("Die Datenbank ist schon geschlossen.")
            self._workers_busy += 1
        try:
            yield
        finally:
            with self._workers_idle:
                self._workers_busy -= 1
                self._workers_idle.notify_all()

    def _close_workers(self) -> None:
        with self._workers_idle:
            self._closed = True
            self._workers_idle.wait_for(lambda: self._workers_busy == 0, timeout=30)
            for reader in self._reader_connections:
                reader.close()
            self._reader_connections.clear()

    def _init_soon(self) -> None:
        self._soon: list[tuple[str, Params]] = []
        self._soon_scheduled = False

    @classmethod
    def open(cls, path: Path) -> Database:
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: autocommit; every statement outside a transaction is its own.
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        # Checkpoints (copying the WAL into the database file, with an fsync) would run inside whichever
        # commit crosses 1,000 pages: on the event loop, for tens of milliseconds. They run in a worker
        # thread instead (checkpoint(), called every second by the application).
        connection.execute("PRAGMA wal_autocheckpoint=0")
        return cls(connection, path=path)

    def execute(self, sql: str, params: Params = ()) -> Cursor:
        if self._soon:
            self.flush()
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> Cursor:
        if self._soon:
            self.flush()
        return self._db.executemany(sql, rows)

    def one(self, sql: str, params: Params = ()) -> Any:
        """The first row of a query, or None."""
        return self._db.execute(sql, params).fetchone()

    def all(self, sql: str, params: Params = ()) -> list[Any]:
        return self._db.execute(sql, params).fetchall()

    def soon(self, statements: Iterable[tuple[str, Params]]) -> None:
        """Writes whose loss in a power cut is harmless (who was first seen today, the visits of room
        chats): committed together at the end of this turn of the loop, so a reconnect storm costs one
        commit (one fsync) per turn instead of one per login. Every other write of this connection
        commits them first (writes stay in order); reads do not wait for them, so the stores that use
        this keep what they wrote in memory (first_seen, chat visits) and read that."""
        self._soon.extend(statements)
        if self._soon_scheduled:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (administration, tests of a store): at once
            self.flush()
            return
        self._soon_scheduled = True
        loop.call_soon(self.flush)

    def flush(self) -> None:
        """Commit what :meth:`soon` collected (one transaction)."""
        self._soon_scheduled = False
        if not self._soon:
            return
        batch, self._soon = self._soon, []
        with self.transaction(durable=False):
            for sql, params in batch:
                self.execute(sql, params)

    def tables(self) -> list[str]:
        """The names of the tables (for ``dvz-server migrate``)."""
        return [r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self._db.execute(f"PRAGMA table_info({table})")]

    def continue_keys(self, table: str) -> None:
        """After copying rows with their keys: counted-up keys go on after the copied ones (SQLite does
        this by itself)."""

    def checkpoint(self) -> None:
        """Copy what the WAL holds into the database file (PASSIVE: never waits for readers or the
        writer). Called from a worker thread, on a connection of that thread."""
        if self._path is None:
            return
        with self._worker_use():
            checkpointer: sqlite3.Connection | None = getattr(self._readers, "checkpointer", None)
            if checkpointer is None:
                checkpointer = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
                self._readers.checkpointer = checkpointer
                with self._readers_lock:
                    self._reader_connections.append(checkpointer)
            checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)")

    async def all_off_loop(self, sql: str, params: Params = ()) -> list[Any]:
        """Like :meth:`all`, in a worker thread: for reads whose cost grows with the data, so the loop
        (everyone's presence, everyone's chat) keeps turning meanwhile. Sees what is committed."""
        if self._path is None:
            return self.all(sql, params)
        return await asyncio.to_thread(self._read, sql, params)

    def _read(self, sql: str, params: Params) -> list[Any]:
        with self._worker_use():
            reader: sqlite3.Connection | None = getattr(self._readers, "connection", None)
            if reader is None:
                reader = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)
                self._readers.connection = reader
                with self._readers_lock:
                    self._reader_connections.append(reader)
            return reader.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self, durable: bool = True) -> Iterator[None]:
        """One immediate transaction: committed when the block ends, rolled back when it raises. A
        block inside another one joins it (the outer block commits). ``durable=False`` for what may be
        lost in a power cut (purges that the next run repeats, first-seen times, visits): its commit
        does not wait for the disk (no fsync on the loop)."""
        if self._in_transaction:
            yield
            return
        if not durable:
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL: the commit is not synced; a checkpoint syncs it
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._in_transaction = True
            try:
                yield
            except BaseException:
                self._in_transaction = False
                self._db.execute("ROLLBACK")
                raise
            self._in_transaction = False
            self._db.execute("COMMIT")
        finally:
            if not durable:
                self._db.execute("PRAGMA synchronous=FULL")

    def close(self) -> None:
        self.flush()
        self._close_workers()
        self._db.close()
