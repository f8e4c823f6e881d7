"""Timers everyone sees: the time planned for an agenda item and breaks ("Kaffeepause 10 Min.").

A countdown knows when it started and how long it runs; it can be paused (a point of order interrupts
the item) and resumed. Time is passed in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum


class TimerKind(StrEnum):
    ITEM = "item"
    BREAK = "break"


@dataclass(frozen=True)
class Countdown:
    kind: TimerKind
    label: str
    duration: timedelta
    started_at: datetime
    #: Set while paused: the moment it was paused.
    paused_at: datetime | None = None
    #: Time spent paused before the current run.
    paused_for: timedelta = timedelta(0)

    def elapsed(self, now: datetime) -> timedelta:
        until = self.paused_at if self.paused_at is not None else now
        return max(timedelta(0), until - self.started_at - self.paused_for)

    def remaining(self, now: datetime) -> timedelta:
        return max(timedelta(0), self.duration - self.elapsed(now))

    def over(self, now: datetime) -> bool:
        return self.elapsed(now) >= self.duration

    def ends_at(self) -> datetime | None:
        """When it will be over, if it keeps running (None while paused)."""
        if self.paused_at is not None:
            return None
        return self.started_at + self.paused_for + self.duration

    def pause(self, now: datetime) -> Countdown:
        if self.paused_at is not None:
            return self
        return replace(self, paused_at=now)

    def resume(self, now: datetime) -> Countdown:
        if self.paused_at is None:
            return self
        return replace(self, paused_at=None, paused_for=self.paused_for + (now - self.paused_at))


def start(kind: TimerKind, label: str, minutes: float, now: datetime) -> Countdown:
    if minutes <= 0:
        raise ValueError("a countdown needs a positive duration")
    return Countdown(kind, label, timedelta(minutes=minutes), now)
