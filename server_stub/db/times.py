"""Moments in the database: ISO 8601 text in UTC, so that comparing the text compares the time."""

from __future__ import annotations

from datetime import UTC, datetime


def to_db(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def from_db(text: str) -> datetime:
    return datetime.fromisoformat(text)
