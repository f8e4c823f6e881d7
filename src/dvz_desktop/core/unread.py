"""Unread counts as the people list and "Heute" show them: per colleague, and per conversation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ConversationCount:
    conv_id: str
    members: tuple[str, ...]
    room_id: str | None
    unread: int


def unread_per_person(conversations: Iterable[ConversationCount], me: str) -> dict[str, int]:
    """Unread messages of direct conversations with one other person, by that person.

    Room chats and group conversations count for nobody in particular; a person with unread
    messages in two direct conversations (e.g. one per organisation) gets the sum.
    """
    per_person: dict[str, int] = {}
    for conv in conversations:
        if conv.room_id or not conv.unread:
            continue
        others = [m for m in conv.members if m != me]
        if len(others) == 1:
            per_person[others[0]] = per_person.get(others[0], 0) + conv.unread
    return per_person


def with_unread(conversations: Iterable[ConversationCount]) -> list[ConversationCount]:
    """The conversations that have something unread, in a stable order."""
    return sorted((c for c in conversations if c.unread), key=lambda c: c.conv_id)
