"""The database: one connection (SQLite in WAL mode today), transactions, and the numbered migrations
that bring every store's tables to the version the code expects."""

from .connection import Database, DatabaseError
from .migrations import Migration, Schema, migrate, sql_for
from .times import from_db, to_db

__all__ = ["Database", "DatabaseError", "Migration", "Schema", "from_db", "migrate", "sql_for", "to_db"]
