"""The speaker list (Redeliste) of the virtual moderator.

People raise a hand for a speech (Wortmeldung) or for a direct reply (Zwischenfrage/Antwort auf den
Vorredner). Direct replies go before the speeches, in the order they were raised; speeches follow in the
order they were raised, unless the chair reorders the list. "Nächste Wortmeldung" gives the floor to the
first in the list; the person speaking before leaves the floor. A per-speaker time limit, when set, runs
from the moment someone gets the floor.

Each person has at most one request waiting: raising a hand again with the same kind changes nothing;
with the other kind it replaces the request (and takes the place that kind gets).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum


class HandKind(StrEnum):
    SPEECH = "speech"
    REPLY = "reply"


class SpeakerListError(ValueError):
    """A change the speaker list cannot take (the caller answers it with an error code)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Request:
    person_id: str
    kind: HandKind
    raised_at: datetime


@dataclass(frozen=True)
class Floor:
    """Who speaks now, since when, and for how long at most (None: no limit)."""

    person_id: str
    since: datetime
    limit: timedelta | None
    kind: HandKind = HandKind.SPEECH

    def remaining(self, now: datetime) -> timedelta | None:
        if self.limit is None:
            return None
        return max(timedelta(0), self.since + self.limit - now)

    def expired(self, now: datetime) -> bool:
        return self.limit is not None and now >= self.since + self.limit


@dataclass
class SpeakerList:
    #: The time each speaker gets (None: no limit); changing it applies to the next speaker.
    limit: timedelta | None = None
    waiting: list[Request] = field(default_factory=list)
    floor: Floor | None = None
    #: Everyone who had the floor, in order (for the minutes: speakers per agenda item).
    spoken: list[Floor] = field(default_factory=list)

    def order(self) -> list[str]:
        return [r.person_id for r in self.waiting]

    def request_of(self, person_id: str) -> Request | None:
        return next((r for r in self.waiting if r.person_id == person_id), None)

    def raise_hand(self, person_id: str, kind: HandKind, now: datetime) -> bool:
        """Put ``person_id`` on the list; False if nothing changed (the same request is waiting)."""
        known = self.request_of(person_id)
        if known is not None and known.kind is kind:
            return False
        if known is not None:
            self.waiting.remove(known)
        request = Request(person_id, kind, now)
        if kind is HandKind.REPLY:
            # After the replies already waiting, before the first speech.
            at = next((i for i, r in enumerate(self.waiting) if r.kind is HandKind.SPEECH), len(self.waiting))
            self.waiting.insert(at, request)
        else:
            self.waiting.append(request)
        return True

    def lower_hand(self, person_id: str) -> bool:
        known = self.request_of(person_id)
        if known is None:
            return False
        self.waiting.remove(known)
        return True

    def reorder(self, order: list[str]) -> None:
        """The chair puts the waiting requests in ``order`` (every waiting person exactly once)."""
        if sorted(order) != sorted(self.order()) or len(set(order)) != len(order):
            raise SpeakerListError("order_mismatch")
        by_person = {r.person_id: r for r in self.waiting}
        self.waiting = [by_person[p] for p in order]

    def next_speaker(self, now: datetime) -> Floor | None:
        """The first in the list gets the floor (the current speaker leaves it); None if nobody waits,
        and then the floor is free."""
        self.end_speech(now)
        if not self.waiting:
            return None
        request = self.waiting.pop(0)
        self.floor = Floor(request.person_id, now, self.limit, request.kind)
        self.spoken.append(self.floor)
        return self.floor

    def give_floor(self, person_id: str, now: datetime) -> Floor:
        """The chair gives the floor to someone directly (their waiting request is taken off the list)."""
        self.end_speech(now)
        known = self.request_of(person_id)
        if known is not None:
            self.waiting.remove(known)
        self.floor = Floor(person_id, now, self.limit, known.kind if known else HandKind.SPEECH)
        self.spoken.append(self.floor)
        return self.floor

    def end_speech(self, now: datetime) -> Floor | None:
        ended, self.floor = self.floor, None
        return ended

    def extend(self, extra: timedelta) -> Floor | None:
        """More time for the current speaker (the chair grants it)."""
        if self.floor is None or self.floor.limit is None:
            return self.floor
        self.floor = replace(self.floor, limit=self.floor.limit + extra)
        self.spoken[-1] = self.floor
        return self.floor

    def forget(self, person_id: str, now: datetime) -> None:
        """Someone left: their hand is lowered (the floor stays theirs until the chair moves on)."""
        self.lower_hand(person_id)

    def clear(self, now: datetime) -> None:
        """A new agenda item begins: the list starts empty."""
        self.end_speech(now)
        self.waiting.clear()
