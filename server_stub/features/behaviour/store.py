"""Persistent part of office behaviour: doors, absences and quick questions.

Knocks and invitations (a minute or two) are rows of ``live_items`` while they run and 20 minutes after
(ledger.py: the one writer of each, shared by the nodes of a cluster). What is stored, and for how long,
is listed in docs/privacy.md: questions for 14 days, absences until they end (the inbox is the inbox
feature's).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from dvz_desktop.protocol import (
    Absence,
    AbsenceCategory,
    DoorInfo,
    DoorState,
    OfficeHours,
    QuickQuestion,
)

from ...db import Database, Migration, Schema, from_db, to_db
from . import ledger

QUESTION_RETENTION = timedelta(days=14)

SCHEMA = Schema("behaviour", (
    Migration(1, "doors, absences, quick questions", (
        """CREATE TABLE IF NOT EXISTS doors (
            room_id      TEXT PRIMARY KEY,
            state        TEXT NOT NULL,
            note         TEXT NOT NULL DEFAULT '',
            office_hours TEXT NOT NULL DEFAULT '[]'
        )""",
        """CREATE TABLE IF NOT EXISTS absences (
            username  TEXT PRIMARY KEY,
            start_day TEXT NOT NULL,
            end_day   TEXT NOT NULL,
            category  TEXT NOT NULL,
            deputy    TEXT
        )""",
        """CREATE TABLE IF NOT EXISTS questions (
            question_id  TEXT PRIMARY KEY,
            from_id      TEXT NOT NULL,
            to_id        TEXT NOT NULL,
            on_behalf_of TEXT,
            body         TEXT NOT NULL,
            asked_at     TEXT NOT NULL,
            answer       TEXT,
            answered_at  TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS questions_from ON questions(from_id)",
        "CREATE INDEX IF NOT EXISTS questions_to ON questions(to_id)",
    )),
    ledger.MIGRATION,
))


class BehaviourStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        #: Open knocks and invitations, one writer each (ledger.py).
        self.ledger = ledger.Ledger(db)

    # --- doors ---

    def doors(self) -> list[DoorInfo]:
        return self._doors("", ())

    def _doors(self, where: str, args: tuple[str, ...]) -> list[DoorInfo]:
        rows = self._db.all("SELECT room_id, state, note, office_hours FROM doors " + where, args)
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
        return self._absences("", ())

    def _absences(self, where: str, args: tuple[str, ...]) -> list[Absence]:
        rows = self._db.all("SELECT username, start_day, end_day, category, deputy FROM absences " + where, args)
        return [Absence(person_id=r[0], start=date.fromisoformat(r[1]), end=date.fromisoformat(r[2]),
                        category=AbsenceCategory(r[3]), deputy_id=r[4]) for r in rows]

    def save_absence(self, absence: Absence) -> None:
        assert absence.category is not None
        self._db.execute(
            "INSERT INTO absences(username, start_day, end_day, category, deputy) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(username) DO UPDATE SET start_day=excluded.start_day, end_day=excluded.end_day, "
            "category=excluded.category, deputy=excluded.deputy",
            (absence.person_id, absence.start.isoformat(), absence.end.isoformat(), absence.category.value,
             absence.deputy_id),
        )

    def delete_absence(self, username: str) -> None:
        self._db.execute("DELETE FROM absences WHERE username=?", (username,))

    # --- quick questions ---

    def save_question(self, q: QuickQuestion) -> None:
        self._db.execute(
            "INSERT INTO questions(question_id, from_id, to_id, on_behalf_of, body, asked_at, answer, answered_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(question_id) DO UPDATE SET answer=excluded.answer, "
            "answered_at=excluded.answered_at",
            (q.question_id, q.from_id, q.to_id, q.on_behalf_of, q.text, to_db(q.asked_at), q.answer,
             to_db(q.answered_at) if q.answered_at else None),
        )

    def answer_once(self, question_id: str, text: str, at: datetime) -> bool:
        """Store the answer unless the question has one (two answers at once on two nodes: one counts)."""
        cursor = self._db.execute("UPDATE questions SET answer=?, answered_at=? WHERE question_id=? AND answer IS NULL",
                                  (text, to_db(at), question_id))
        return cursor.rowcount == 1

    def door(self, room_id: str) -> DoorInfo | None:
        return next((d for d in self._doors("WHERE room_id=?", (room_id,))), None)

    def absence(self, username: str) -> Absence | None:
        return next((a for a in self._absences("WHERE username=?", (username,))), None)

    def question(self, question_id: str) -> QuickQuestion | None:
        rows = self._questions("WHERE question_id=?", (question_id,))
        return rows[0] if rows else None

    def questions_of(self, username: str) -> list[QuickQuestion]:
        return self._questions("WHERE from_id=? OR to_id=? OR on_behalf_of=? ORDER BY asked_at",
                               (username, username, username))

    def _questions(self, where: str, args: tuple[str, ...]) -> list[QuickQuestion]:
        rows = self._db.all(
            "SELECT question_id, from_id, to_id, on_behalf_of, body, asked_at, answer, answered_at FROM questions "
            + where, args)
        return [QuickQuestion(question_id=r[0], from_id=r[1], to_id=r[2], on_behalf_of=r[3], text=r[4],
                              asked_at=from_db(r[5]), answer=r[6], answered_at=from_db(r[7]) if r[7] else None)
                for r in rows]

    # --- retention ---

    def purge(self, now: datetime) -> None:
        self._db.execute("DELETE FROM questions WHERE asked_at < ?", (to_db(now - QUESTION_RETENTION),))
        self._db.execute("DELETE FROM absences WHERE end_day < ?", (now.date().isoformat(),))
        self.ledger.purge(now)
