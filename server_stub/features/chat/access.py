"""Who may read and write which chat, on the backend: direct conversations belong to their members;
room chats follow ``dvz_desktop.core.room_chat`` (owner and residents keep the whole history, everyone
else the messages written while they were inside). The visits (windows of positions) are stored, so the
rule holds across restarts; presence changes open and close them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from dvz_desktop.core import room_chat
from dvz_desktop.core.room_chat import OPEN_END, RoomChatFacts, Window
from dvz_desktop.protocol import (
    ChatEvent,
    ChatEventKind,
    ConversationKind,
    Presence,
    Status,
)

from ...db import Database
from ...directory.visibility import Directory
from .store import StoredConversation


def room_conv_id(room_id: str) -> str:
    return f"room:{room_id}"


def direct_conv_id(members: tuple[str, ...]) -> str:
    digest = hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()[:32]
    return f"dm:{digest}"


class ChatAccess:
    def __init__(self, directory: Directory, db: Database, last_position: Callable[[str], int]) -> None:
        self.directory = directory
        self._db = db
        self._last_position = last_position
        self._windows: dict[tuple[str, str], list[Window]] = {}
        #: The room each person is in now (as far as chat is concerned).
        self._inside: dict[str, str] = {}
        self._close_windows_left_open()

    # --- facts ---

    def facts(self, room_id: str) -> RoomChatFacts:
        room = self.directory.rooms[room_id].room
        return RoomChatFacts(room.kind, room.owner_id, self.directory.residents.get(room_id, frozenset()))

    def windows(self, username: str, conv_id: str) -> list[Window]:
        key = (username, conv_id)
        if key not in self._windows:
            rows = self._db.all(
                "SELECT first_position, last_position FROM chat_room_windows WHERE username=? AND conv_id=? "
                "ORDER BY first_position", key)
            self._windows[key] = [Window(r[0], r[1]) for r in rows]
        return self._windows[key]

    def _room_of(self, conv: StoredConversation) -> str | None:
        """The room of a room chat, if the person's organisation may see that room at all."""
        return conv.room_id if conv.room_id in self.directory.rooms else None

    # --- the rule ---

    def may_read(self, username: str, conv: StoredConversation) -> bool:
        if conv.kind is ConversationKind.DIRECT:
            return username in conv.members
        room_id = self._room_of(conv)
        if room_id is None or not self.directory.can_enter(username, room_id):
            return False
        return room_chat.may_read(username, self.facts(room_id), self.windows(username, conv.conv_id))

    def may_write(self, username: str, conv: StoredConversation) -> bool:
        if conv.kind is ConversationKind.DIRECT:
            return username in conv.members
        room_id = self._room_of(conv)
        if room_id is None or not self.directory.can_enter(username, room_id):
            return False
        return room_chat.may_write(username, self.facts(room_id), self._inside.get(username) == room_id)

    def sees_live(self, username: str, conv: StoredConversation) -> bool:
        """Whether new events reach ``username`` now (a member, the owner, or inside the room)."""
        return self.may_write(username, conv)

    def visible(self, username: str, conv: StoredConversation, events: Iterable[ChatEvent]) -> list[ChatEvent]:
        if conv.kind is ConversationKind.DIRECT:
            return list(events) if username in conv.members else []
        room_id = self._room_of(conv)
        if room_id is None:
            return []
        facts, windows = self.facts(room_id), self.windows(username, conv.conv_id)
        return [e for e in events
                if room_chat.sees(username, facts, windows, e.position,
                                  None if e.kind is ChatEventKind.POST else e.target)]

    def first_visible(self, username: str, conv: StoredConversation) -> int:
        """Below this position nothing is visible to ``username`` (where a sync can start reading)."""
        if conv.kind is ConversationKind.DIRECT or room_chat.keeps_whole_history(
                username, self.facts(conv.room_id or "")):
            return 0
        windows = self.windows(username, conv.conv_id)
        return windows[0].first - 1 if windows else OPEN_END

    def search_scopes(self, username: str, direct: Iterable[str]) -> list[tuple[str, int, int]]:
        """Every (conversation, first, last) range ``username`` may read: the filter a search applies
        before its limit, so hits the asker may not read never crowd out the ones they may."""
        result = [(conv_id, 0, OPEN_END) for conv_id in direct]
        whole = {room_conv_id(room_id) for room_id in self.directory.rooms
                 if self.directory.can_enter(username, room_id)
                 and room_chat.keeps_whole_history(username, self.facts(room_id))}
        result.extend((conv_id, 0, OPEN_END) for conv_id in whole)
        rows = self._db.all("SELECT conv_id, first_position, last_position FROM chat_room_windows WHERE username=?",
                            (username,))
        for conv_id, first, last in rows:
            room_id = conv_id.removeprefix("room:")
            if conv_id not in whole and room_id in self.directory.rooms and self.directory.can_enter(username, room_id):
                result.append((conv_id, first, last))
        return result

    # --- visits ---

    def on_presence(self, presence: Presence) -> None:
        person = presence.person_id
        room_id = presence.room_id if presence.status is not Status.OFFLINE else None
        before = self._inside.get(person)
        if before == room_id:
            return
        if before is not None:
            self._set(person, room_conv_id(before), room_chat.leave(
                self.windows(person, room_conv_id(before)), self._last_position(room_conv_id(before))))
            del self._inside[person]
        if room_id is not None and room_id in self.directory.rooms:
            self._inside[person] = room_id
            conv_id = room_conv_id(room_id)
            self._set(person, conv_id, room_chat.enter(self.windows(person, conv_id), self._last_position(conv_id)))

    def _set(self, username: str, conv_id: str, windows: list[Window]) -> None:
        self._windows[(username, conv_id)] = windows
        # Kept in memory at once; stored with the other writes of this loop turn (db.soon): a power cut
        # may forget a visit, which only ever narrows what its person may read.
        self._db.soon([("DELETE FROM chat_room_windows WHERE username=? AND conv_id=?", (username, conv_id)),
                       # Every node of a cluster hears the same move and writes the same windows:
                       # whichever commits second finds them there.
                       *(("INSERT INTO chat_room_windows(username, conv_id, first_position, last_position) "
                          "VALUES (?, ?, ?, ?) ON CONFLICT(username, conv_id, first_position) "
                          "DO UPDATE SET last_position=excluded.last_position",
                          (username, conv_id, w.first, w.last)) for w in windows)])

    def _close_windows_left_open(self) -> None:
        """After a stop nobody is inside any more: visits still open end at the last position written."""
        open_rows = self._db.all("SELECT DISTINCT username, conv_id FROM chat_room_windows WHERE last_position=?",
                                 (OPEN_END,))
        for username, conv_id in open_rows:
            self._set(username, conv_id, room_chat.leave(self.windows(username, conv_id), self._last_position(conv_id)))
