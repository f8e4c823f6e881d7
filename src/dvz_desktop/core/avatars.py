"""How a person looks without a photo: initials on a colour that belongs to their name.

The colour is stable (the same name gets the same colour on every machine and every day) and every
colour of the set carries white initials at WCAG AA contrast.
"""

from __future__ import annotations

import hashlib

from .office import initials

__all__ = ["AVATAR_COLORS", "avatar_color", "initials", "short_name"]

#: Muted, distinct colours; each has at least 4.5:1 contrast with white text.
AVATAR_COLORS: tuple[str, ...] = (
    "#1f5fa8", "#2e6f40", "#8a3b12", "#6a1b9a", "#00695c", "#ad1457",
    "#4e5b6e", "#7b5e00", "#283593", "#5d4037", "#00796b", "#b23c17",
)


def avatar_color(name: str) -> str:
    digest = hashlib.sha256(name.strip().casefold().encode("utf-8")).digest()
    return AVATAR_COLORS[digest[0] % len(AVATAR_COLORS)]


def short_name(display_name: str) -> str:
    """'Dr. Christiane Herrmann' -> 'Christiane H.' (first name and initial, for tight places)."""
    parts = [p for p in display_name.split() if not p.endswith(".")]
    if len(parts) < 2:
        return display_name
    return f"{parts[0]} {parts[-1][0]}."
