"""What differs between database engines, in one place.

Every store writes SQL that SQLite and PostgreSQL both understand (``INSERT … ON CONFLICT``, standard
types, ``?`` placeholders that a PostgreSQL driver would be given as ``%s``). The few things they say
differently are named here; stores ask the dialect for them instead of writing one engine's spelling:

* a table keyed by its primary key alone (SQLite: ``WITHOUT ROWID``; PostgreSQL: a plain table);
* the larger of two values (SQLite: two-argument ``MAX``; PostgreSQL: ``GREATEST``);
* whether a comma-separated list column holds a value (SQLite: ``instr``; PostgreSQL: ``strpos``);
* full-text search over chat messages (SQLite: an FTS5 table kept by triggers, folding umlauts;
  PostgreSQL would use a ``tsvector`` column with the ``german`` configuration and ``unaccent``).

Only the SQLite dialect exists today; a PostgreSQL one implements the same members
(docs/architecture.md, "The database").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    name: str

    def keyed_table(self, definition: str) -> str:
        """``CREATE TABLE …`` for a table read and written by its primary key only."""
        return definition + " WITHOUT ROWID"

    def greatest(self, a: str, b: str) -> str:
        return f"MAX({a}, {b})"

    def in_list(self, list_column: str, placeholder: str = "?") -> str:
        """A condition: the comma-separated ``list_column`` holds the value bound to ``placeholder``
        (which must be given as ``,value,``)."""
        return f"instr(',' || {list_column} || ',', {placeholder}) > 0"

    def fulltext_index(self, index: str, table: str, column: str, key: str) -> tuple[str, ...]:
        """Statements that create ``index`` over ``table.column`` for word search and keep it current.
        Words are found regardless of case and accents ("Buro" finds "Büro")."""
        return (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {index} USING fts5({column}, content='{table}', "
            f"content_rowid='{key}', tokenize='unicode61 remove_diacritics 2')",
            f"CREATE TRIGGER IF NOT EXISTS {index}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {index}(rowid, {column}) VALUES (new.{key}, new.{column}); END",
            f"CREATE TRIGGER IF NOT EXISTS {index}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {index}({index}, rowid, {column}) VALUES ('delete', old.{key}, old.{column}); END",
            f"CREATE TRIGGER IF NOT EXISTS {index}_update AFTER UPDATE OF {column} ON {table} BEGIN "
            f"INSERT INTO {index}({index}, rowid, {column}) VALUES ('delete', old.{key}, old.{column}); "
            f"INSERT INTO {index}(rowid, {column}) VALUES (new.{key}, new.{column}); END",
        )

    def fulltext_match(self, index: str, table: str, key: str) -> tuple[str, str]:
        """(join, condition) that find the rows of ``table`` whose text in ``index`` holds every word of
        the query bound to the condition's placeholder."""
        return f"JOIN {index} ON {index}.rowid = {table}.{key}", f"{index} MATCH ?"

    @staticmethod
    def fulltext_query(words: list[str]) -> str:
        """The bound search text for ``words``: every word, each as a prefix, quoted so no word is read
        as search syntax."""
        return " AND ".join(f'"{word}"*' for word in words)

    def table_values(self, placeholder: str = "?") -> str:
        """A subquery of (a, b, c) rows from a JSON array of three-element arrays bound to
        ``placeholder`` (SQLite: ``json_each``; PostgreSQL: ``jsonb_to_recordset``)."""
        return (f"SELECT json_extract(value, '$[0]') AS a, json_extract(value, '$[1]') AS b, "
                f"json_extract(value, '$[2]') AS c FROM json_each({placeholder})")


SQLITE = Dialect("sqlite")
