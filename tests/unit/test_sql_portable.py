"""The stores' SQL runs on SQLite today and must run on PostgreSQL later: what only SQLite understands
is spelled in one place (server_stub/db/dialect.py, and the connection's settings), nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[2] / "server_stub"
#: Where an engine's own spelling belongs.
DIALECT_PLACES = {BACKEND / "db" / "dialect.py", BACKEND / "db" / "connection.py"}
SQLITE_ONLY = {
    "INSERT OR IGNORE / REPLACE (use ON CONFLICT)": r"\bINSERT\s+OR\s+(IGNORE|REPLACE)\b",
    "WITHOUT ROWID (dialect.keyed_table)": r"\bWITHOUT\s+ROWID\b",
    "FTS5 (dialect.fulltext_index)": r"\bfts5\b|\bMATCH\s+\?",
    "JSON functions (dialect.table_values)": r"\bjson_(each|extract)\b",
    "instr() (dialect.in_list)": r"\binstr\(",
    "executescript (one statement per step)": r"\bexecutescript\(",
    "PRAGMA": r"\bPRAGMA\b",
    "AUTOINCREMENT": r"\bAUTOINCREMENT\b",
}


@pytest.mark.parametrize("rule", sorted(SQLITE_ONLY))
def test_sqlite_only_sql_lives_in_the_dialect(rule: str) -> None:
    pattern = re.compile(SQLITE_ONLY[rule], re.IGNORECASE)
    sources = [path for path in sorted(BACKEND.rglob("*.py")) if path not in DIALECT_PLACES]
    offenders = [f"{path.relative_to(BACKEND)}:{n}" for path in sources
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert offenders == [], f"{rule} outside server_stub/db/dialect.py"


def test_the_guard_finds_what_it_looks_for() -> None:
    """The patterns match the SQLite spellings they name (the dialect module uses them)."""
    dialect = (BACKEND / "db" / "dialect.py").read_text(encoding="utf-8")
    for rule in ("WITHOUT ROWID (dialect.keyed_table)", "FTS5 (dialect.fulltext_index)",
                 "JSON functions (dialect.table_values)", "instr() (dialect.in_list)"):
        assert re.search(SQLITE_ONLY[rule], dialect, re.IGNORECASE), rule
