"""Attendance (Anwesenheit) and quorum (Beschlussfähigkeit).

A member is present in the hall (the chair marks those who sit in the physical hall) or remote (they are
in the meeting's room on DVZ); being marked in the hall wins. Every arrival and departure is kept with
its time, for the minutes. A remote member whose connection drops (rather than leaving) is recorded as
a connection loss, with whether a vote was running, and shown to the chair.

The quorum rule is configurable per body: a fraction of the members, and whether the count present
must exceed it ("mehr als die Hälfte", the default) or reach it ("mindestens zwei Drittel").
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from fractions import Fraction


class Mode(StrEnum):
    HALL = "hall"
    REMOTE = "remote"


@dataclass(frozen=True)
class QuorumRule:
    #: The share of the members (``Fraction(1, 2)``: half).
    share: Fraction = Fraction(1, 2)
    #: True: more than the share must be present; False: at least the share.
    more_than: bool = True

    def __post_init__(self) -> None:
        if not 0 < self.share <= 1:
            raise ValueError("the share of members must be in (0, 1]")

    def required(self, members: int) -> int:
        """The fewest members present that make the body quorate."""
        threshold = self.share * members
        if self.more_than:
            return math.floor(threshold) + 1
        return max(1, math.ceil(threshold)) if members else 0

    def met(self, present: int, members: int) -> bool:
        return members > 0 and present >= self.required(members)


DEFAULT_QUORUM = QuorumRule()


@dataclass(frozen=True)
class Stay:
    """One stretch of a member's presence (for the minutes: "anwesend 18:02–19:40, per Video")."""

    person_id: str
    mode: Mode
    arrived: datetime
    left: datetime | None = None


@dataclass(frozen=True)
class ConnectionLoss:
    person_id: str
    at: datetime
    #: The vote that was running, if any.
    vote_id: str | None


@dataclass
class Attendance:
    members: frozenset[str]
    rule: QuorumRule = DEFAULT_QUORUM
    _hall: set[str] = field(default_factory=set)
    _remote: set[str] = field(default_factory=set)
    stays: list[Stay] = field(default_factory=list)
    losses: list[ConnectionLoss] = field(default_factory=list)

    # --- what changed ---

    def mark_hall(self, person_id: str, in_hall: bool, now: datetime) -> bool:
        """The chair marks someone as sitting in the hall (or no longer)."""
        before = self.mode_of(person_id)
        (self._hall.add if in_hall else self._hall.discard)(person_id)
        return self._moved(person_id, before, now)

    def set_remote(self, person_id: str, inside: bool, now: datetime) -> bool:
        """Someone came into the meeting's room on DVZ (or left it)."""
        before = self.mode_of(person_id)
        (self._remote.add if inside else self._remote.discard)(person_id)
        return self._moved(person_id, before, now)

    def connection_lost(self, person_id: str, now: datetime, vote_id: str | None) -> bool:
        """A remote participant's connection dropped: recorded, and they count as gone."""
        if person_id not in self._remote:
            return False
        self.losses.append(ConnectionLoss(person_id, now, vote_id))
        self.set_remote(person_id, False, now)
        return True

    def _moved(self, person_id: str, before: Mode | None, now: datetime) -> bool:
        after = self.mode_of(person_id)
        if after is before:
            return False
        if before is not None:
            self._close_stay(person_id, now)
        if after is not None:
            self.stays.append(Stay(person_id, after, now))
        return True

    def _close_stay(self, person_id: str, now: datetime) -> None:
        for i in range(len(self.stays) - 1, -1, -1):
            stay = self.stays[i]
            if stay.person_id == person_id and stay.left is None:
                self.stays[i] = Stay(stay.person_id, stay.mode, stay.arrived, now)
                return

    def close_all(self, now: datetime) -> None:
        """The session ends: every open stay ends now."""
        for person_id in {s.person_id for s in self.stays if s.left is None}:
            self._close_stay(person_id, now)
        self._hall.clear()
        self._remote.clear()

    # --- questions ---

    def mode_of(self, person_id: str) -> Mode | None:
        if person_id in self._hall:
            return Mode.HALL
        if person_id in self._remote:
            return Mode.REMOTE
        return None

    def present(self) -> dict[str, Mode]:
        """Everyone present (members and others), with how."""
        people: dict[str, Mode] = {p: Mode.REMOTE for p in self._remote}
        people.update({p: Mode.HALL for p in self._hall})
        return people

    def members_present(self) -> dict[str, Mode]:
        return {p: m for p, m in self.present().items() if p in self.members}

    def quorate(self) -> bool:
        return self.rule.met(len(self.members_present()), len(self.members))

    def required(self) -> int:
        return self.rule.required(len(self.members))


def quorum_text_de(rule: QuorumRule) -> str:
    """How the rule reads in the minutes ("mehr als die Hälfte der Mitglieder")."""
    names = {Fraction(1, 2): "die Hälfte", Fraction(2, 3): "zwei Drittel", Fraction(1, 3): "ein Drittel",
             Fraction(3, 4): "drei Viertel", Fraction(1, 1): "alle"}
    share = names.get(rule.share, f"{rule.share.numerator}/{rule.share.denominator}")
    return f"{'mehr als' if rule.more_than else 'mindestens'} {share} der Mitglieder"


def members_in(people: Iterable[str], members: frozenset[str]) -> list[str]:
    return sorted(p for p in people if p in members)
