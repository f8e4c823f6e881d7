"""The map's colours and type: one place for the light look, a dark variant, and the fonts of the plates.

Room floors per kind come from ``labels.ROOM_COLORS``; here live the building (facade, walls, corridor),
the lines of the furniture and the name plates. Text sizes are in pixels on screen, because plates are
drawn at a fixed pixel size whatever the zoom (at least 11 px, visual brief).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtGui import QColor, QFont

from dvz_desktop.protocol import RoomKind

from ..labels import ROOM_COLORS

#: Pixel sizes of the map's type. Nothing on the map is smaller than 11 px.
ROOM_NAME_PX = 12
SECONDARY_PX = 11
PERSON_NAME_PX = 11
MIN_TEXT_PX = 11

#: The app's accent (selection, my own avatar, keyboard focus). The organisation's colour may replace it.
ACCENT = "#1565c0"


@dataclass(frozen=True)
class MapPalette:
    outside: str = "#eef1f5"
    corridor: str = "#e3e7ec"
    facade: str = "#4f5b69"
    wall: str = "#b5bec9"
    wall_edge: str = "#8793a0"
    furniture: str = "#b9c2cc"
    furniture_fill: str = "#f3f5f7"
    text: str = "#1f2933"
    text_secondary: str = "#46525f"
    plate: str = "#ffffff"
    plate_border: str = "#cdd4dc"
    pill: str = "#e4e9ef"
    kind_icon: str = "#5b6876"
    waiting: str = "#f5b942"
    accent: str = ACCENT
    focus: str = ACCENT
    speaking: str = "#0096d6"
    rooms: dict[RoomKind, str] = field(default_factory=lambda: dict(ROOM_COLORS))


LIGHT = MapPalette()
DARK = MapPalette(
    outside="#1b1f24", corridor="#262b31", facade="#9aa5b1", wall="#4a525c", wall_edge="#6b7580",
    furniture="#5d6773", furniture_fill="#2f353c", text="#eef1f4", text_secondary="#c3cad2", plate="#2b3138",
    plate_border="#4c5560", pill="#3a424b", kind_icon="#aeb8c3", waiting="#f5b942", accent="#64a8f0",
    focus="#8cc0ff", speaking="#3fc3ff",
    rooms={RoomKind.PERSONAL_OFFICE: "#30363d", RoomKind.TEAM_OFFICE: "#2f353b", RoomKind.MEETING_ROOM: "#2a3442",
           RoomKind.COFFEE_KITCHEN: "#3b3429", RoomKind.FOYER: "#2a382e", RoomKind.PROJECT_ROOM: "#352f40"},
)


HIGH_CONTRAST = MapPalette(
    outside="#000000", corridor="#000000", facade="#ffffff", wall="#ffffff", wall_edge="#ffffff",
    furniture="#c8c8c8", furniture_fill="#000000", text="#ffffff", text_secondary="#ffffff", plate="#000000",
    plate_border="#ffffff", pill="#000000", kind_icon="#ffffff", waiting="#ffff00", accent="#ffff00",
    focus="#ffff00", speaking="#00ffff", rooms={kind: "#000000" for kind in RoomKind},
)


def current_palette() -> MapPalette:
    """The map's colours for the shell's theme (light, dark, high contrast) and the organisation's accent."""
    from ..shell import theme

    current = theme.current()
    if current.high_contrast:
        return HIGH_CONTRAST
    base = DARK if current.dark else LIGHT
    return replace(base, accent=current.accent, focus=current.focus)


def font_px(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(pixels, MIN_TEXT_PX))
    font.setBold(bold)
    return font


def qcolor(value: str, alpha: int = 255) -> QColor:
    color = QColor(value)
    color.setAlpha(alpha)
    return color


__all__ = ["ACCENT", "DARK", "HIGH_CONTRAST", "LIGHT", "MIN_TEXT_PX", "PERSON_NAME_PX", "ROOM_NAME_PX", "SECONDARY_PX",
           "MapPalette", "current_palette", "font_px", "qcolor"]
