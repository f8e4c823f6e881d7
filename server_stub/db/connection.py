"""One connection to the database, and transactions on it.

SQLite in WAL mode: readers never wait for the writer, and a committed write survives a power cut
(``synchronous=FULL``; the chat writer and the whiteboard batch their writes, so that costs one fsync per
batch, not per message). Statements run in autocommit unless inside :meth:`Database.transaction`.
Queries are small and indexed and run on the event loop; the one slow thing at login, the password
hash, runs in a worker thread (net/auth.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .dialect import SQLITE, Dialect

Params = Sequence[Any]


class DatabaseError(Exception):
    """The database cannot be used; the message says why, in German."""


class Database:
    def __init__(self, connection: sqlite3.Connection, dialect: Dialect = SQLITE) -> None:
        self._db = connection
        self.dialect = dialect
        self._in_transaction = False

    @classmethod
    def open(cls, path: Path) -> Database:
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: autocommit; every statement outside a transaction is its own.
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        return cls(connection)

    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Params]) -> sqlite3.Cursor:
        return self._db.executemany(sql, rows)

    def one(self, sql: str, params: Params = ()) -> Any:
        """The first row of a query, or None."""
        return self._db.execute(sql, params).fetchone()

    def all(self, sql: str, params: Params = ()) -> list[Any]:
        return self._db.execute(sql, params).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One immediate transaction: committed when the block ends, rolled back when it raises. A
        block inside another one joins it (the outer block commits)."""
        if self._in_transaction:
            yield
            return
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

    def close(self) -> None:
        self._db.close()
