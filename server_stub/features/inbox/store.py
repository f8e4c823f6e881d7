"""Each person's inbox in the database. An entry holds facts (who, which room, what happened, what a
person wrote); the client words them in its user's language (docs/protocol.md, ``inbox``)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from dvz_desktop.protocol import InboxItem, InboxKind, InboxSubject, InviteState, KnockState

from ...db import Database, Migration, Schema, from_db, to_db

#: Dismissed entries go at once; the others after this long (docs/privacy.md).
INBOX_RETENTION = timedelta(days=30)

_FACTS = ("subject", "outcome", "answer", "guest_name", "contact", "note")


def _facts_from_sentences(db: Database) -> None:
    """Entries written before version 2 held German sentences the server had made up ("Einladung –
    angenommen", "Kurze Frage: … – Antwort: …", "Name (Kontakt): Anliegen"). They become the facts
    they were made of; a text that does not read as such a sentence stays as it was (nothing is lost)."""
    rows = db.all("SELECT item_id, kind, body FROM inbox WHERE kind IN (?, ?, ?)",
                  (InboxKind.HANDOVER.value, InboxKind.GUEST_REQUEST.value, InboxKind.CALLBACK.value))
    for item_id, kind, body in rows:
        facts = sentence_facts(InboxKind(kind), body)
        if facts is not None:
            names = [name for name in facts if name != "body"]
            db.execute(f"UPDATE inbox SET body=?, {', '.join(f'{n}=?' for n in names)} WHERE item_id=?",
                       (facts.get("body", ""), *(facts[n] for n in names), item_id))


_KNOCK_ANSWERS = {"Herein": KnockState.COME_IN.value, "Jetzt nicht": KnockState.NOT_NOW.value}
_REQUEST = re.compile(r"^(?P<guest_name>[^()]*?) \((?P<contact>[^()]*)\): (?P<body>.*)$", re.DOTALL)
_CALLBACK = re.compile(r"^(?P<guest_name>[^:]*?): (?P<body>.*?)(?: – (?P<note>.*))?$", re.DOTALL)


def sentence_facts(kind: InboxKind, text: str) -> dict[str, str] | None:
    """The facts of an old entry's sentence (see :func:`_facts_from_sentences`), or None."""
    if kind is InboxKind.HANDOVER:
        if text == "Anklopfen":
            return {"subject": InboxSubject.KNOCK.value}
        head, dash, tail = text.partition(" – ")
        if head == "Anklopfen" and dash and tail in _KNOCK_ANSWERS:
            return {"subject": InboxSubject.KNOCK.value, "outcome": _KNOCK_ANSWERS[tail]}
        if head == "Einladung" and dash and tail in {s.value for s in InviteState}:
            return {"subject": InboxSubject.INVITATION.value, "outcome": tail}
        if text.startswith("Kurze Frage: ") and " – Antwort: " in text:
            question, _, answer = text.removeprefix("Kurze Frage: ").partition(" – Antwort: ")
            return {"subject": InboxSubject.QUESTION.value, "body": question, "answer": answer}
        return None
    pattern = _REQUEST if kind is InboxKind.GUEST_REQUEST else _CALLBACK
    match = pattern.match(text)
    if match is None:
        return None
    return {name: value for name, value in match.groupdict().items() if value is not None}


SCHEMA = Schema("inbox", (
    Migration(1, "each person's inbox", (
        """CREATE TABLE IF NOT EXISTS inbox (
            item_id    TEXT PRIMARY KEY,
            username   TEXT NOT NULL,
            kind       TEXT NOT NULL,
            at         TEXT NOT NULL,
            from_id    TEXT,
            room_id    TEXT,
            body       TEXT NOT NULL DEFAULT '',
            handled_by TEXT
        )""",
        "CREATE INDEX IF NOT EXISTS inbox_by_user ON inbox(username)",
    )),
    Migration(2, "facts instead of sentences", (
        *(f"ALTER TABLE inbox ADD COLUMN {name} TEXT NOT NULL DEFAULT ''" for name in _FACTS),
        _facts_from_sentences,
    )),
))


class InboxStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, username: str, item: InboxItem) -> None:
        self._db.execute(
            "INSERT INTO inbox(item_id, username, kind, at, from_id, room_id, body, handled_by, subject, outcome, "
            "answer, guest_name, contact, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (item.item_id, username, item.kind.value, to_db(item.at), item.from_id, item.room_id, item.text,
             item.handled_by, item.subject, item.outcome, item.answer, item.guest_name, item.contact, item.note),
        )

    def inbox_of(self, username: str) -> list[InboxItem]:
        rows = self._db.all(
            "SELECT item_id, kind, at, from_id, room_id, body, handled_by, subject, outcome, answer, guest_name, "
            "contact, note FROM inbox WHERE username=? ORDER BY at", (username,))
        return [InboxItem(item_id=r[0], kind=InboxKind(r[1]), at=from_db(r[2]), from_id=r[3], room_id=r[4], text=r[5],
                          handled_by=r[6], subject=r[7], outcome=r[8], answer=r[9], guest_name=r[10], contact=r[11],
                          note=r[12]) for r in rows]

    def dismiss(self, username: str, item_ids: tuple[str, ...]) -> int:
        marks = ",".join("?" * len(item_ids))
        return self._db.execute(f"DELETE FROM inbox WHERE username=? AND item_id IN ({marks})",
                                (username, *item_ids)).rowcount

    def purge(self, now: datetime) -> None:
        self._db.execute("DELETE FROM inbox WHERE at < ?", (to_db(now - INBOX_RETENTION),))
