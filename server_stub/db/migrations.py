"""Numbered migrations, one version per store.

Every store (accounts, presence, behaviour, inbox, chat, whiteboard, door, login guard) declares its
:class:`Schema`: migrations numbered 1, 2, 3 … Each one runs once, in its own transaction, and the
store's version is recorded in ``schema_versions`` with it, so a crash half-way leaves the database at
the last complete version. Migration 1 of every store is the schema as it was before versions existed
(``CREATE … IF NOT EXISTS``): a database written by an older backend is taken over as it is and brought
forward by the migrations after it.

A step is one SQL statement (portable; see dialect.py for what is not) or a function of the database,
for changes of the data itself. A database whose store is newer than this program is refused with a
clear message instead of being changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from .connection import Database, DatabaseError
from .dialect import Dialect
from .times import to_db

log = logging.getLogger(__name__)

Step = str | Callable[[Database], None]

VERSIONS_TABLE = """CREATE TABLE IF NOT EXISTS schema_versions (
    store       TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    migrated_at TEXT NOT NULL
)"""


def sql_for(build: Callable[[Dialect], str | tuple[str, ...]]) -> Step:
    """A step whose SQL depends on the engine (dialect.py), e.g. ``sql_for(lambda d: d.keyed_table(…))``."""
    def step(db: Database) -> None:
        statements = build(db.dialect)
        for statement in (statements,) if isinstance(statements, str) else statements:
            db.execute(statement)

    return step


@dataclass(frozen=True)
class Migration:
    version: int
    #: What it changes, for the log (and for whoever reads the list).
    description: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Schema:
    store: str
    migrations: tuple[Migration, ...]

    @property
    def latest(self) -> int:
        return len(self.migrations)

    def check(self) -> None:
        """Numbered 1, 2, 3 … without gaps or repeats (a programming error otherwise)."""
        numbers = [m.version for m in self.migrations]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"migrations of {self.store} are not numbered 1..n: {numbers}")


def version_of(db: Database, store: str) -> int:
    db.execute(VERSIONS_TABLE)
    row = db.one("SELECT version FROM schema_versions WHERE store=?", (store,))
    return int(row[0]) if row else 0


def migrate(db: Database, schemas: Iterable[Schema]) -> dict[str, tuple[int, int]]:
    """Bring every store to its latest version; returns {store: (version before, version now)}."""
    db.execute(VERSIONS_TABLE)
    schemas = tuple(schemas)
    versions = {schema.store: version_of(db, schema.store) for schema in schemas}
    for schema in schemas:  # every store is checked before any is changed
        schema.check()
        if versions[schema.store] > schema.latest:
            raise DatabaseError(
                f"Die Datenbank ist neuer als dieses Programm: „{schema.store}“ hat Version "
                f"{versions[schema.store]}, dieses Programm kennt höchstens Version {schema.latest}. Bitte die "
                "neuere Version des Servers verwenden (oder eine Sicherung der Datenbank zurückspielen).")
    done: dict[str, tuple[int, int]] = {}
    for schema in schemas:
        current = versions[schema.store]
        for migration in schema.migrations[current:]:
            with db.transaction():
                for step in migration.steps:
                    if isinstance(step, str):
                        db.execute(step)
                    else:
                        step(db)
                db.execute(
                    "INSERT INTO schema_versions(store, version, migrated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT(store) DO UPDATE SET version=excluded.version, migrated_at=excluded.migrated_at",
                    (schema.store, migration.version, to_db(datetime.now(UTC))))
            if current:  # a new database is simply created; bringing an old one forward is worth a line
                log.info("database: %s migrated to version %d (%s)", schema.store, migration.version,
                         migration.description)
        done[schema.store] = (current, schema.latest)
    return done
