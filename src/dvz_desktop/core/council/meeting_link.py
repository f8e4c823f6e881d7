"""How a council session and the meeting in its room act as one: one list of hands, and "Nächste
Wortmeldung" that mutes the others.

One list of hands: a raised hand in the meeting is a Wortmeldung in the session's speaker list, and the
speaker list decides what the meeting shows — a present member's meeting hand is up exactly while they
wait on the list, so lowering it (in either view) or being given the floor clears it in both. People the
session does not count as present (a meeting guest from outside) keep their meeting hand as it is.

Mute the others: the chair gives the floor and mutes everybody else in the meeting (a moderator's mute,
cut at the media server), except the new speaker and the chair who pressed it (the chair moderates
aloud); people already muted by a moderator stay as they are.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime


def meeting_hand_changes(waiting: Collection[str], present: Collection[str],
                         raised: Mapping[str, bool]) -> dict[str, bool]:
    """The meeting hands to raise (True) or lower (False) so the meeting shows the speaker list:
    ``raised`` is each meeting member's hand now."""
    return {person: person in waiting for person, up in raised.items()
            if person in present and up != (person in waiting)}


def hands_to_import(raised_at: Mapping[str, datetime | None], waiting: Collection[str],
                    present: Collection[str]) -> list[str]:
    """When a session starts in a meeting whose members already have hands up: who goes on the speaker
    list, in the order the hands went up."""
    found = [(at, person) for person, at in raised_at.items()
             if at is not None and person in present and person not in waiting]
    return [person for _, person in sorted(found)]


def others_to_mute(members: Iterable[str], speaker: str, chair: str, muted: Collection[str]) -> list[str]:
    """Whom "mute the others" mutes: every member but the new speaker, the chair and those muted already."""
    return sorted(m for m in members if m not in (speaker, chair) and m not in muted)
