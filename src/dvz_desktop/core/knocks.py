"""The knock state machine (Anklopfen).

A knock rings for the people inside a closed room (or for the deputy of an absent owner) until one of
them answers, 60 seconds pass, the room empties, or the knocker goes away. Everything here is pure:
the caller passes the time and the facts, and gets back the knocks that changed and the entries for
people's inboxes; the backend sends them, the tests inspect them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from dvz_desktop.protocol import FINAL_KNOCK_STATES, ErrorCode, Knock, KnockAnswer, KnockState

RING_TIME = timedelta(seconds=60)
#: After "gleich, in N Minuten" the knock stays answerable this much longer than N minutes.
WAIT_GRACE = timedelta(seconds=60)
#: Knocking again and again: at most this many knocks by one person on one door within the window.
KNOCKS_PER_DOOR = 3
KNOCK_WINDOW = timedelta(minutes=10)
#: After a knock ended in one of these states without anyone letting the knocker in, the knocker may
#: leave a message at the door (for this long).
MESSAGE_STATES = frozenset({KnockState.NO_ANSWER, KnockState.NOBODY, KnockState.OUTSIDE_HOURS, KnockState.HELD})
MESSAGE_WINDOW = timedelta(minutes=15)


def may_leave_message(state: KnockState) -> bool:
    """Whether a knock that ended so offers its knocker to leave a message (the server takes one)."""
    return state in MESSAGE_STATES


class KnockRefused(Exception):
    def __init__(self, code: ErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


@dataclass
class Missed:
    """Someone knocked while ``person_id`` could not answer (nicht stören, or no answer at all)."""

    person_id: str
    knock: Knock


@dataclass
class KnockEffects:
    changed: list[Knock] = field(default_factory=list)
    missed: list[Missed] = field(default_factory=list)

    def extend(self, other: KnockEffects) -> None:
        self.changed.extend(other.changed)
        self.missed.extend(other.missed)


@dataclass
class _Ringing:
    knock: Knock
    #: Who may answer: the people inside (or the deputy) who are not on "nicht stören".
    recipients: set[str]
    #: People inside on "nicht stören": they see it later as a missed knock.
    held_for: set[str]
    deadline: datetime


@dataclass(frozen=True)
class OpenKnock:
    """A ringing knock as another process keeps it (the backend's nodes share them through the database)."""

    knock: Knock
    recipients: frozenset[str]
    held_for: frozenset[str]
    deadline: datetime


class KnockBook:
    def __init__(self) -> None:
        self._open: dict[str, _Ringing] = {}
        self._history: dict[tuple[str, str], deque[datetime]] = {}

    # --- questions ---

    def get(self, knock_id: str) -> Knock | None:
        entry = self._open.get(knock_id)
        return entry.knock if entry else None

    def recipients(self, knock_id: str) -> frozenset[str]:
        entry = self._open.get(knock_id)
        return frozenset(entry.recipients) if entry else frozenset()

    def open_for(self, person_id: str) -> list[Knock]:
        """Open knocks ``person_id`` makes or may answer (for the snapshot after a reconnect)."""
        return [
            e.knock for e in self._open.values() if e.knock.knocker_id == person_id or person_id in e.recipients
        ]

    def open_knocks(self) -> list[Knock]:
        return [e.knock for e in self._open.values()]

    def entry(self, knock_id: str) -> OpenKnock | None:
        """What another process needs to carry on with a ringing knock."""
        e = self._open.get(knock_id)
        return OpenKnock(e.knock, frozenset(e.recipients), frozenset(e.held_for), e.deadline) if e else None

    # --- keeping a copy in step (several backend nodes) ---

    def put(self, entry: OpenKnock) -> None:
        """Take over a knock as another process left it (new, or changed there)."""
        self._open[entry.knock.knock_id] = _Ringing(entry.knock, set(entry.recipients), set(entry.held_for),
                                                    entry.deadline)

    def drop(self, knock_id: str) -> None:
        """Forget a knock that ended elsewhere (no effects: whoever ended it has told everyone)."""
        self._open.pop(knock_id, None)

    def note_started(self, knocker_id: str, room_id: str, at: datetime) -> None:
        """A knock started elsewhere counts for this knocker's limit here too."""
        self._history.setdefault((knocker_id, room_id), deque()).append(at)

    # --- starting ---

    def check_limit(self, knocker_id: str, room_id: str, now: datetime) -> None:
        """Raise if the knocker is already knocking here or has knocked here too often lately."""
        if any(e.knock.knocker_id == knocker_id and e.knock.room_id == room_id for e in self._open.values()):
            raise KnockRefused(ErrorCode.KNOCK_LIMITED)
        recent = self._history.setdefault((knocker_id, room_id), deque())
        while recent and now - recent[0] >= KNOCK_WINDOW:
            recent.popleft()
        if len(recent) >= KNOCKS_PER_DOOR:
            raise KnockRefused(ErrorCode.KNOCK_LIMITED)

    def start(
        self,
        knock_id: str,
        knocker_id: str,
        room_id: str,
        inside: Collection[str],
        do_not_disturb: Collection[str],
        now: datetime,
        on_behalf_of: str | None = None,
    ) -> KnockEffects:
        """Knock on a closed door. ``inside`` are those who may answer (the occupants, or the deputy)."""
        self.check_limit(knocker_id, room_id, now)
        self._history[(knocker_id, room_id)].append(now)
        people = set(inside) - {knocker_id}
        held_for = people & set(do_not_disturb)
        recipients = people - held_for
        knock = Knock(knock_id=knock_id, room_id=room_id, knocker_id=knocker_id, state=KnockState.RINGING,
                      started_at=now, on_behalf_of=on_behalf_of)
        if not people:
            return KnockEffects(changed=[knock.model_copy(update={"state": KnockState.NOBODY})])
        if not recipients:
            held = knock.model_copy(update={"state": KnockState.HELD})
            return KnockEffects(changed=[held], missed=[Missed(p, held) for p in sorted(held_for)])
        self._open[knock_id] = _Ringing(knock, recipients, held_for, now + RING_TIME)
        return KnockEffects(changed=[knock])

    def instant(self, knock_id: str, knocker_id: str, room_id: str, state: KnockState, now: datetime,
                text: str = "") -> Knock:
        """A knock that ends at once (walked in, locked, outside office hours): nothing rings."""
        return Knock(knock_id=knock_id, room_id=room_id, knocker_id=knocker_id, state=state, started_at=now,
                     text=text)

    # --- while it rings ---

    def answer(
        self, knock_id: str, by: str, answer: KnockAnswer, now: datetime, minutes: int | None = None, text: str = ""
    ) -> KnockEffects:
        entry = self._open.get(knock_id)
        if entry is None:
            raise KnockRefused(ErrorCode.UNKNOWN_KNOCK)
        if by not in entry.recipients:
            raise KnockRefused(ErrorCode.NOT_IN_ROOM)
        state = KnockState(answer.value)
        update: dict[str, object] = {"state": state, "answered_by": by, "text": text, "minutes": None}
        if state is KnockState.WAIT:
            update["minutes"] = minutes or 5
            entry.deadline = now + timedelta(minutes=minutes or 5) + WAIT_GRACE
        entry.knock = entry.knock.model_copy(update=update)
        if state in FINAL_KNOCK_STATES:
            del self._open[knock_id]
        return KnockEffects(changed=[entry.knock])

    def cancel(self, knock_id: str, by: str) -> KnockEffects:
        entry = self._open.get(knock_id)
        if entry is None or entry.knock.knocker_id != by:
            raise KnockRefused(ErrorCode.UNKNOWN_KNOCK)
        return self._end(knock_id, KnockState.CANCELLED)

    def knocker_gone(self, person_id: str) -> KnockEffects:
        """The knocker disconnected or walked elsewhere: their knocks stop ringing."""
        effects = KnockEffects()
        for knock_id in [k for k, e in self._open.items() if e.knock.knocker_id == person_id]:
            effects.extend(self._end(knock_id, KnockState.CANCELLED))
        return effects

    def room_changed(self, room_id: str, inside: Collection[str], do_not_disturb: Collection[str]) -> KnockEffects:
        """People entered or left a room: newcomers see its knocks; an emptied room ends them."""
        effects = KnockEffects()
        for knock_id, entry in list(self._open.items()):
            if entry.knock.room_id != room_id or entry.knock.on_behalf_of is not None:
                continue  # a deputy answers wherever they are
            people = set(inside) - {entry.knock.knocker_id}
            entry.held_for = people & set(do_not_disturb)
            entry.recipients = people - entry.held_for
            if not people:
                effects.extend(self._end(knock_id, KnockState.NOBODY))
        return effects

    def recipient_gone(self, person_id: str) -> KnockEffects:
        """A deputy (or occupant) went offline: knocks nobody else can answer end."""
        effects = KnockEffects()
        for knock_id, entry in list(self._open.items()):
            if person_id in entry.recipients:
                entry.recipients.discard(person_id)
                if not entry.recipients:
                    effects.extend(self._end(knock_id, KnockState.NOBODY, missed_by=(person_id,)))
        return effects

    def expire(self, now: datetime) -> KnockEffects:
        """End knocks nobody answered in time; the people who could have answered see them as missed."""
        effects = KnockEffects()
        for knock_id, entry in list(self._open.items()):
            if now >= entry.deadline:
                effects.extend(self._end(knock_id, KnockState.NO_ANSWER, missed_by=entry.recipients))
        return effects

    def _end(self, knock_id: str, state: KnockState, missed_by: Iterable[str] = ()) -> KnockEffects:
        entry = self._open.pop(knock_id)
        ended = entry.knock.model_copy(update={"state": state})
        missed_people = set(entry.held_for)
        if entry.knock.state is KnockState.RINGING:  # "gleich" was an answer: that knock was not missed
            missed_people |= set(missed_by)
        return KnockEffects(changed=[ended], missed=[Missed(p, ended) for p in sorted(missed_people)])
