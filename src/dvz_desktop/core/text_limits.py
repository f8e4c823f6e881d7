"""Limits on what people write (a chat message, a status note, a note at the door, a quick question).

A text over its limit is refused with its length and the limit, so the writer can shorten or split it;
it is never cut. A cut changes what was meant ("Bin ab 14 Uhr nicht erreichbar, bitte an Frau M" …) and
loses the rest without a word.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fit:
    length: int
    limit: int

    @property
    def fits(self) -> bool:
        return self.length <= self.limit

    @property
    def over(self) -> int:
        return max(0, self.length - self.limit)


def measure(text: str, limit: int) -> Fit:
    """How ``text`` fits its limit, counted as it would be sent (without surrounding blanks)."""
    return Fit(len(text.strip()), limit)
