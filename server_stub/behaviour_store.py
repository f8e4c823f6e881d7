"""Persistent part of office behaviour: doors, absences, quick questions and each person's inbox.

Knocks and invitations live only in memory (they last a minute or two). What is stored, and for how
long, is listed in docs/privacy.md: questions for 14 days, inbox items until dismissed (at most 30
days), absences until they end.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone

from dvz_desktop.protocol import (
    Absence,
    AbsenceCategory,
    DoorInfo,
    DoorState,
    InboxItem,
    InboxKind,
    OfficeHours,
    QuickQuestion,
)

QUESTION_RETENTION = timedelta(days=14)
INBOX_RETENTION = timedelta(days=30)

SCHEMA = """
CREATE TABLE IF NOT EXISTS doors (
    room_id      TEXT PRIMARY KEY,
    state        TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    office_hours TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS absences (
    username  TEXT PRIMARY KEY,
    start_day TEXT NOT NULL,
    end_day   TEXT NOT NULL,
    category  TEXT NOT NULL,
    deputy    TEXT
);
CREATE TABLE IF NOT EXISTS questions (
    question_id  TEXT PRIMARY KEY,
    from_id      TEXT NOT NULL,
    to_id        TEXT NOT NULL,
    on_behalf_of TEXT,
    body         TEXT NOT NULL,
    asked_at     TEXT NOT NULL,
    answer       TEXT,
    answered_at  TEXT
);
CREATE INDEX IF NOT EXISTS questions_from ON questions(from_id);
CREATE INDEX IF NOT EXISTS questions_to ON questions(to_id);
CREATE TABLE IF NOT EXISTS inbox (
    item_id    TEXT PRIMARY KEY,
    username   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    at         TEXT NOT NULL,
    from_id    TEXT,
    room_id    TEXT,
    body       TEXT NOT NULL DEFAULT '',
    handled_by TEXT
);
CREATE INDEX IF NOT EXISTS inbox_by_user ON inbox(username);
"""


def _utc(moment: datetime) -> str:
    """Stored in UTC, so that text comparison is time comparison."""
    return moment.astimezone(timezone.utc).isoformat()


class BehaviourStore:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._db.executescript(SCHEMA)

    # --- doors ---

    def doors(self) -> list[DoorInfo]:
        rows = self._db.execute("SELECT room_id, state, note, office_hours FROM doors").fetchall()
        return [
            DoorInfo(room_id=r[0], state=DoorState(r[1]), note=r[2],
                     office_hours=tuple(OfficeHours.model_validate_json(json.dumps(h)) for h in json.loads(r[3])))
            for r in rows
        ]

    def save_door(self, door: DoorInfo) -> None:
        hours = json.dumps([h.model_dump(mode="json") for h in door.office_hours])
        self._db.execute(
            "INSERT INTO doors(room_id, state, note, office_hours) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(room_id) DO UPDATE SET state=excluded.state, note=excluded.note, "
            "office_hours=excluded.office_hours",
            (door.room_id, door.state.value, door.note, hours),
        )

    # --- absences ---

    def absences(self) -> list[Absence]:
        rows = self._db.execute("SELECT username, start_day, end_day, category, deputy FROM absences").fetchall()
        return [Absence(person_id=r[0], start=date.fromisoformat(r[1]), end=date.fromisoformat(r[2]),
                        category=AbsenceCategory(r[3]), deputy_id=r[4]) for r in rows]

    def save_absence(self, absence: Absence) -> None:
        assert absence.category is not None
        self._db.execute(
            "INSERT OR REPLACE INTO absences(username, start_day, end_day, category, deputy) VALUES (?, ?, ?, ?, ?)",
            (absence.person_id, absence.start.isoformat(), absence.end.isoformat(), absence.category.value,
             absence.deputy_id),
        )

    def delete_absence(self, username: str) -> None:
        self._db.execute("DELETE FROM absences WHERE username=?", (username,))

    # --- quick questions ---

    def save_question(self, q: QuickQuestion) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO questions(question_id, from_id, to_id, on_behalf_of, body, asked_at, answer, "
            "answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (q.question_id, q.from_id, q.to_id, q.on_behalf_of, q.text, _utc(q.asked_at), q.answer,
             _utc(q.answered_at) if q.answered_at else None),
        )

    def question(self, question_id: str) -> QuickQuestion | None:
        rows = self._questions("WHERE question_id=?", (question_id,))
        return rows[0] if rows else None

    def questions_of(self, username: str) -> list[QuickQuestion]:
        return self._questions("WHERE from_id=? OR to_id=? OR on_behalf_of=? ORDER BY asked_at",
                               (username, username, username))

    def _questions(self, where: str, args: tuple[str, ...]) -> list[QuickQuestion]:
        rows = self._db.execute(
            "SELECT question_id, from_id, to_id, on_behalf_of, body, asked_at, answer, answered_at FROM questions "
            + where, args,
        ).fetchall()
        return [QuickQuestion(question_id=r[0], from_id=r[1], to_id=r[2], on_behalf_of=r[3], text=r[4],
                              asked_at=datetime.fromisoformat(r[5]), answer=r[6],
                              answered_at=datetime.fromisoformat(r[7]) if r[7] else None) for r in rows]

    # --- inbox ---

    def add_inbox(self, username: str, item: InboxItem) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO inbox(item_id, username, kind, at, from_id, room_id, body, handled_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (item.item_id, username, item.kind.value, _utc(item.at), item.from_id, item.room_id, item.text,
             item.handled_by),
        )

    def inbox_of(self, username: str) -> list[InboxItem]:
        rows = self._db.execute(
            "SELECT item_id, kind, at, from_id, room_id, body, handled_by FROM inbox WHERE username=? ORDER BY at",
            (username,),
        ).fetchall()
        return [InboxItem(item_id=r[0], kind=InboxKind(r[1]), at=datetime.fromisoformat(r[2]), from_id=r[3],
                          room_id=r[4], text=r[5], handled_by=r[6]) for r in rows]

    def dismiss(self, username: str, item_ids: tuple[str, ...]) -> int:
        marks = ",".join("?" * len(item_ids))
        cur = self._db.execute(f"DELETE FROM inbox WHERE username=? AND item_id IN ({marks})", (username, *item_ids))
        return cur.rowcount

    # --- retention ---

    def purge(self, now: datetime) -> None:
        self._db.execute("DELETE FROM questions WHERE asked_at < ?", (_utc(now - QUESTION_RETENTION),))
        self._db.execute("DELETE FROM inbox WHERE at < ?", (_utc(now - INBOX_RETENTION),))
        self._db.execute("DELETE FROM absences WHERE end_day < ?", (now.date().isoformat(),))
