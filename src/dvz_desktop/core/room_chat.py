"""Who may read and write a room's chat: the rule stated in docs/privacy.md.

A room's chat belongs to the people the room lets in, for the time they are in it:

* the owner of a personal office and the residents of a team office keep its whole history;
* everybody else (a colleague let in, a meeting's participants, people in the coffee kitchen) sees the
  messages written while they were inside: one *window* of positions per visit, from the first position
  written after they came in to the last one written before they left;
* writing (and typing) needs being inside now, or being the owner or a resident.

Edits and deletions follow the post they change: whoever saw a post sees what became of it. Pure
functions over plain values: the backend enforces them, the client could use them to label buttons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dvz_desktop.protocol import RoomKind

#: Stands for "still inside": an open window reaches every position written from now on.
OPEN_END = 2**62


@dataclass(frozen=True)
class Window:
    """Positions ``first`` to ``last`` (both included) of one room's chat, seen during one visit."""

    first: int
    last: int = OPEN_END

    @property
    def is_open(self) -> bool:
        return self.last == OPEN_END

    def covers(self, position: int) -> bool:
        return self.first <= position <= self.last


@dataclass(frozen=True)
class RoomChatFacts:
    kind: RoomKind
    owner_id: str | None = None
    #: Team office: the people whose home room it is.
    residents: frozenset[str] = frozenset()


def keeps_whole_history(person_id: str, room: RoomChatFacts) -> bool:
    """The owner of a personal office and the residents of a team office: the chat is theirs."""
    if room.kind is RoomKind.PERSONAL_OFFICE:
        return person_id == room.owner_id
    return person_id in room.residents


def may_read(person_id: str, room: RoomChatFacts, windows: Sequence[Window]) -> bool:
    """Whether the conversation exists for ``person_id`` at all (someone never let in sees nothing)."""
    return keeps_whole_history(person_id, room) or bool(windows)


def may_write(person_id: str, room: RoomChatFacts, inside: bool) -> bool:
    return inside or keeps_whole_history(person_id, room)


def sees(person_id: str, room: RoomChatFacts, windows: Sequence[Window], position: int,
         target: int | None = None) -> bool:
    """Whether the event at ``position`` (an edit or deletion of the post at ``target``) is visible."""
    if keeps_whole_history(person_id, room):
        return True
    return any(w.covers(position) or (target is not None and w.covers(target)) for w in windows)


def scopes(person_id: str, room: RoomChatFacts, windows: Iterable[Window]) -> list[tuple[int, int]]:
    """The ranges of positions ``person_id`` may read (for a search that filters before it limits)."""
    if keeps_whole_history(person_id, room):
        return [(0, OPEN_END)]
    return [(w.first, w.last) for w in windows]


def enter(windows: Sequence[Window], last_position: int) -> list[Window]:
    """Coming in: a new open window from the next position on. A visit right after the previous one
    (nothing was written in between) continues that window instead of starting another."""
    kept = [w for w in windows if not w.is_open]
    if kept and kept[-1].last == last_position:
        return [*kept[:-1], Window(kept[-1].first)]
    return [*kept, Window(last_position + 1)]


def leave(windows: Sequence[Window], last_position: int) -> list[Window]:
    """Going out: the open window ends at the last position written; a visit during which nothing was
    written leaves no window behind."""
    result = []
    for w in windows:
        if w.is_open:
            w = Window(w.first, last_position)
        if w.last >= w.first:
            result.append(w)
    return result
