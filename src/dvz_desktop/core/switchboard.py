"""One conversation audible at a time.

A clerk may be in a call with colleagues and serve a citizen at the digital door, but never both live:
what one side says must not reach the other. Every conversation is a *line*; at most one line is live
(my microphone and camera go to it, its sound comes out of my loudspeaker), the others are held.

Starting a second conversation while one is live asks first: hold the live one or end it. A colleague
call cannot be held for another colleague call (the server keeps one call per person), only ended. A
conversation that starts without asking (someone's call reaches me after a reconnect) is held at once
when another one is live. Resuming a held line while another is live asks the same question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    CALL = "call"  # with colleagues (one at a time, the server's rule)
    VISIT = "visit"  # a guest at the digital door


class Choice(str, Enum):
    HOLD = "hold"  # the live line waits, muted both ways
    END = "end"  # the live line is hung up


@dataclass(frozen=True)
class Line:
    kind: Kind
    ref: str  # the visit id; a colleague call is one line whatever its id


def call_line() -> Line:
    return Line(Kind.CALL, "")


@dataclass(frozen=True)
class Proceed:
    """Nothing else is live: go ahead."""


@dataclass(frozen=True)
class Ask:
    """Another line is live: ask what to do with it first."""

    live: Line
    title: str
    choices: tuple[Choice, ...]


@dataclass
class Switchboard:
    #: Open lines and who is on them ("Thomas Wagner", "Erika Muster").
    open: dict[Line, str] = field(default_factory=dict)
    held: set[Line] = field(default_factory=set)

    def live(self) -> Line | None:
        return next((line for line in self.open if line not in self.held), None)

    def audible(self, line: Line) -> bool:
        return line in self.open and line not in self.held

    def request(self, kind: Kind, ref: str = "") -> Proceed | Ask:
        """May a new conversation of ``kind`` start now?"""
        live = self.live()
        if live is None:
            return Proceed()
        both_calls = live.kind is Kind.CALL and kind is Kind.CALL
        return Ask(live, self.open[live], (Choice.END,) if both_calls else (Choice.HOLD, Choice.END))

    def request_resume(self, line: Line) -> Proceed | Ask:
        """May the held ``line`` become live again now?"""
        live = self.live()
        if live is None or live == line:
            return Proceed()
        return Ask(live, self.open[live], (Choice.HOLD, Choice.END))

    def opened(self, line: Line, title: str) -> bool:
        """A line is open now. Returns True when it must be held at once (another line is live)."""
        live = self.live()
        self.open[line] = title
        if live is not None and live != line:
            self.held.add(line)
            return True
        return False

    def hold(self, line: Line) -> None:
        if line in self.open:
            self.held.add(line)

    def resume(self, line: Line) -> bool:
        """Take ``line`` off hold; False while another line is live (ask with :meth:`request` first)."""
        live = self.live()
        if line not in self.open or (live is not None and live != line):
            return False
        self.held.discard(line)
        return True

    def closed(self, line: Line) -> None:
        self.open.pop(line, None)
        self.held.discard(line)
