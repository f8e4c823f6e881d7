"""Words on the map: short names, room name short forms, fitting a label into the space it has, and the
accent colour of a person's avatar. Pure rules; the widgets measure text and hand in a ``measure``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence

ELLIPSIS = "…"

#: Accent colours for avatars without a photo. Every one carries white initials at WCAG AA contrast
#: (>= 4.5:1), none is a status colour's twin, and neighbours in the list differ in hue.
AVATAR_COLORS: tuple[str, ...] = (
    "#1f5fa8",  # blue
    "#8a3b12",  # rust
    "#2d6a4f",  # pine
    "#6b3fa0",  # violet
    "#9b2c5a",  # raspberry
    "#0f6674",  # teal
    "#7a4e00",  # ochre
    "#3d4f9f",  # indigo
    "#a12f2f",  # brick
    "#44605a",  # slate green
    "#80427a",  # plum
    "#3b5568",  # steel
)

#: Long words in room names and their short forms, used before a name is cut with "…".
ROOM_WORD_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    ("Besprechungsraum", "Bespr."),
    ("Besprechung", "Bespr."),
    ("Kaffeeküche", "Küche"),
    ("Obergeschoss", "OG"),
    ("Erdgeschoss", "EG"),
    ("Untergeschoss", "UG"),
    ("Projektraum", "Projekt"),
    ("Sitzungszimmer", "Sitzung"),
    ("Zulassungsstelle", "Zulassung"),
    ("Bürgerbüro / Foyer", "Bürgerbüro"),
)


def _name_parts(display_name: str) -> list[str]:
    """The name without academic titles ("Dr.", "Prof.") that end in a dot."""
    return [p for p in display_name.split() if not p.endswith(".")]


def short_name(display_name: str) -> str:
    """'Anna Schneider' -> 'Anna S.'; 'Dr. Christiane Herrmann' -> 'Christiane H.'; one word stays."""
    parts = _name_parts(display_name)
    if not parts:
        return display_name.strip()
    if len(parts) == 1:
        return parts[0]
    return f"{parts[0]} {parts[-1][0]}."


def formal_short_name(display_name: str) -> str:
    """'Anna Schneider' -> 'A. Schneider', 'Dr. Christiane Herrmann' -> 'Dr. C. Herrmann' (as on a door)."""
    words = display_name.split()
    titles = [w for w in words if w.endswith(".")]
    parts = [w for w in words if not w.endswith(".")]
    if len(parts) < 2:
        return display_name.strip()
    return " ".join([*titles, f"{parts[0][0]}.", parts[-1]])


def owner_label_candidates(display_name: str) -> list[str]:
    """The owner on an office's plate: the full name, else the short form of a door sign."""
    formal = formal_short_name(display_name)
    return [display_name] if formal == display_name else [display_name, formal]


def first_name(display_name: str) -> str:
    parts = _name_parts(display_name)
    return parts[0] if parts else display_name.strip()


def person_label_candidates(display_name: str) -> list[str]:
    """What a name plate under an avatar may say, longest first: 'Anna S.', then 'Anna' (which is cut
    with "…" when even that is too long; the initials are on the avatar already)."""
    result: list[str] = []
    for candidate in (short_name(display_name), first_name(display_name)):
        if candidate and candidate not in result:
            result.append(candidate)
    return result


def room_short_name(name: str) -> str:
    """'Besprechung 1.10' -> 'Bespr. 1.10', 'Kaffeeküche 1. OG' -> 'Küche 1. OG'."""
    short = name
    for long, replacement in ROOM_WORD_SHORT_FORMS:
        short = short.replace(long, replacement)
    return re.sub(r"\s+", " ", short).strip()


def room_number(name: str) -> str:
    """The room's number when its name ends in one ('Büro 101' -> '101', 'Besprechung 1.10' -> '1.10'),
    what a plate can still say when the room is only a few pixels wide; '' otherwise."""
    words = name.split()
    if len(words) > 1 and any(ch.isdigit() for ch in words[-1]) and not words[-2].endswith("."):
        return words[-1]
    return ""


def room_label_candidates(name: str) -> list[str]:
    """What a room's plate may say, longest first: the name, its short form, its number."""
    result = [name]
    for candidate in (room_short_name(name), room_number(name)):
        if candidate and candidate not in result:
            result.append(candidate)
    return result


def wrap_text(text: str, width: float, measure: Callable[[str], float], max_lines: int) -> list[str]:
    """Greedy word wrap into at most ``max_lines`` lines of ``width``; the last line is cut with "…"
    when the text is longer. Words longer than a line are cut too."""
    if max_lines <= 0:
        return []
    lines: list[str] = []
    current = ""
    words = text.split()
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        if len(lines) == max_lines - 1:  # the last line there is: the rest, cut with "…"
            last = fit_text([" ".join([current, *words[index:]]).strip()], width, measure)
            return [line for line in [*lines, last] if line]
        if current:
            lines.append(fit_text([current], width, measure))  # a single word wider than the line is cut
        current = word
    if current:
        lines.append(fit_text([current], width, measure))
    return [line for line in lines if line][:max_lines]


def fit_text(candidates: Sequence[str], width: float, measure: Callable[[str], float]) -> str:
    """The first candidate that fits into ``width``; otherwise the last one cut with "…".

    Returns "" when not even one letter and the ellipsis fit: the caller then shows nothing rather
    than text that spills over its box.
    """
    if not candidates:
        return ""
    for candidate in candidates:
        if measure(candidate) <= width:
            return candidate
    last = candidates[-1]
    low, high = 0, len(last)
    # Longest prefix p with measure(p + "…") <= width (binary search; measure grows with length).
    while low < high:
        middle = (low + high + 1) // 2
        if measure(last[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    return last[:low].rstrip() + ELLIPSIS if low > 0 else ""


def fit_row(centres: Sequence[float], candidates: Sequence[Sequence[str]], span: tuple[float, float],
            measure: Callable[[str], float], gap: float, max_shift: float) -> list[tuple[float, str]] | None:
    """Names side by side under one row of seats: (left edge, text) for each, or None when not every name
    fits in one of its forms (the caller then cuts names to their seats' shares).

    Every name gets a form before any gets a longer one: while the row is too wide, or a name would have
    to move more than ``max_shift`` from its seat's centre, the widest name that has a shorter form
    takes it. Names start centred under their seats and are pushed apart just enough, within ``span``."""
    lo, hi = span
    choice = [0] * len(centres)
    while True:
        texts = [forms[c] for forms, c in zip(candidates, choice, strict=True)]
        widths = [measure(t) for t in texts]
        lefts = _pushed_apart([c - w / 2 for c, w in zip(centres, widths, strict=True)], widths, lo, hi, gap)
        fits = sum(widths) + gap * max(len(widths) - 1, 0) <= hi - lo and all(
            abs(x + w / 2 - c) <= max_shift for x, w, c in zip(lefts, widths, centres, strict=True))
        if fits:
            return list(zip(lefts, texts, strict=True))
        shorter = [i for i, forms in enumerate(candidates) if choice[i] < len(forms) - 1]
        if not shorter:
            return None
        choice[max(shorter, key=lambda i: widths[i])] += 1


def _pushed_apart(lefts: list[float], widths: list[float], lo: float, hi: float, gap: float) -> list[float]:
    for i in range(len(lefts)):
        lefts[i] = max(lefts[i], lo if i == 0 else lefts[i - 1] + widths[i - 1] + gap)
    for i in reversed(range(len(lefts))):
        lefts[i] = min(lefts[i], hi - widths[i] if i == len(lefts) - 1 else lefts[i + 1] - gap - widths[i])
    return lefts


def avatar_color(person_id: str) -> str:
    """A stable accent colour for a person (the same on every machine and every start)."""
    return AVATAR_COLORS[zlib.crc32(person_id.encode("utf-8")) % len(AVATAR_COLORS)]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """WCAG 2.1 relative luminance of a '#rrggbb' colour."""
    value = color.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio (1 to 21) between two '#rrggbb' colours."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


__all__ = [
    "AVATAR_COLORS",
    "ELLIPSIS",
    "avatar_color",
    "contrast_ratio",
    "first_name",
    "fit_text",
    "formal_short_name",
    "owner_label_candidates",
    "person_label_candidates",
    "relative_luminance",
    "room_label_candidates",
    "room_number",
    "room_short_name",
    "short_name",
    "wrap_text",
]
