"""The coffee kitchen rule: people who follow a kitchen are told when company gathers there."""

from __future__ import annotations

#: From this many people on, a kitchen counts as "a coffee round".
GATHERING = 2


def gathering_started(before: int, after: int) -> bool:
    """True when a kitchen goes from fewer than two people to two or more (told once, not per arrival)."""
    return before < GATHERING <= after
