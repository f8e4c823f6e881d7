"""``dvz-server migrate``: move an embedded backend's data (its SQLite file) into PostgreSQL for the
cluster mode, verified by counts.

The target database is created and migrated to this program's schema first (the same numbered
migrations), and must be empty: nothing is merged or overwritten. The source is brought to the same
version, then every table is copied in one transaction per table; PostgreSQL's full-text index is an
index over the copied text, so SQLite's FTS tables are not copied. Keys the database counted up
(``INTEGER PRIMARY KEY``) go on counting after the copied ones. Finally every table is counted on both
sides; any difference is reported and the command fails.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .connection import Database, DatabaseError

log = logging.getLogger(__name__)

#: Tables that are not data: the versions (the target has its own) and SQLite's full-text index.
NOT_COPIED_PREFIXES = ("schema_versions", "chat_fts", "sqlite_")
CHUNK = 5_000


@dataclass(frozen=True)
class Moved:
    table: str
    source_rows: int
    target_rows: int

    @property
    def complete(self) -> bool:
        return self.source_rows == self.target_rows


def move(source: Database, target: Database) -> list[Moved]:
    """Copy every data table of ``source`` (SQLite) into ``target`` (PostgreSQL, migrated, empty)."""
    tables = [t for t in source.tables() if not t.startswith(NOT_COPIED_PREFIXES)]
    for table in tables:
        if target.one(f"SELECT COUNT(*) FROM {table}")[0]:
            raise DatabaseError(f"Die Zieldatenbank ist nicht leer (Tabelle {table} hat schon Zeilen). "
                                "Bitte in eine neue, leere Datenbank übernehmen.")
    moved = []
    for table in tables:
        columns = source.columns(table)
        names = ", ".join(columns)
        insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' for _ in columns)})"
        with target.transaction():
            offset = 0
            while rows := source.all(f"SELECT {names} FROM {table} LIMIT ? OFFSET ?", (CHUNK, offset)):
                target.executemany(insert, rows)
                offset += len(rows)
        target.continue_keys(table)
        counted = Moved(table, source.one(f"SELECT COUNT(*) FROM {table}")[0],
                        target.one(f"SELECT COUNT(*) FROM {table}")[0])
        log.info("%s: %d of %d rows", table, counted.target_rows, counted.source_rows)
        moved.append(counted)
    return moved


def run_move(data_dir: Path, dsn: str) -> int:
    """The command: 0 when every table arrived complete."""
    from ..app import open_database

    path = data_dir / "dvz.sqlite3"
    if not path.exists():
        print(f"Im Datenverzeichnis {data_dir} liegt keine Datenbank (dvz.sqlite3).")
        return 2
    try:
        source = open_database(path)
        target = open_database(dsn)
    except DatabaseError as exc:
        print(exc)
        return 2
    try:
        moved = move(source, target)
    except DatabaseError as exc:
        print(exc)
        return 2
    finally:
        source.close()
        target.close()
    width = max(len(m.table) for m in moved)
    for m in moved:
        print(f"{m.table:<{width}}  {m.source_rows:>9}  {m.target_rows:>9}  {'ok' if m.complete else 'FEHLT'}")
    if all(m.complete for m in moved):
        print(f"Übernommen: {len(moved)} Tabellen, {sum(m.target_rows for m in moved)} Zeilen, alle Zählungen gleich.")
        return 0
    print("Nicht vollständig übernommen: siehe die Tabellen mit FEHLT.")
    return 1
