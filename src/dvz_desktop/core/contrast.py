"""Colour contrast after WCAG 2.1 (BITV 2.0): text needs 4.5:1 against its background, large text 3:1."""

from __future__ import annotations

AA_TEXT = 4.5
AA_LARGE_TEXT = 3.0


def parse_hex(color: str) -> tuple[int, int, int]:
    """``#rrggbb`` or ``#rgb`` to (r, g, b); anything else is a ValueError with the value in it."""
    value = color.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6:
        raise ValueError(f"keine Farbe im Format #rrggbb: {color!r}")
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        raise ValueError(f"keine Farbe im Format #rrggbb: {color!r}") from None


def relative_luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = parse_hex(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: str) -> str:
    """Black or white, whichever reads better on ``background``."""
    return "#ffffff" if contrast_ratio("#ffffff", background) >= contrast_ratio("#000000", background) else "#000000"
