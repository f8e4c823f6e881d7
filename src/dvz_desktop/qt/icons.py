"""Icons from the bundled Lucide set (ISC licence, ``resources/icons/lucide``), tinted for the theme.

Lucide draws with ``stroke="currentColor"``; the colour is filled in before rendering, so one SVG serves
the light theme, the dark theme and high contrast. Rendered icons are cached per name, colour and size.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "lucide"
DEFAULT_COLOR = "#37474f"


@cache
def _svg(name: str) -> bytes:
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        raise KeyError(f"icon {name!r} is not in {ICON_DIR}")
    return path.read_bytes()


def svg_bytes(name: str, color: str = DEFAULT_COLOR, stroke_width: float | None = None) -> bytes:
    """The icon's SVG with its colour (and optionally its line width) filled in."""
    data = _svg(name).replace(b"currentColor", color.encode())
    if stroke_width is not None:
        data = data.replace(b'stroke-width="2"', f'stroke-width="{stroke_width:g}"'.encode())
    return data


@lru_cache(maxsize=512)
def _renderer(name: str, color: str, stroke_width: float | None) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(svg_bytes(name, color, stroke_width)))


def paint_icon(painter: QPainter, rect: QRectF, name: str, color: str = DEFAULT_COLOR,
               stroke_width: float | None = None) -> None:
    """Draw the icon into ``rect`` (vector, so it stays sharp at any zoom of the map)."""
    _renderer(name, QColor(color).name(), stroke_width).render(painter, rect)


@lru_cache(maxsize=1024)
def pixmap(name: str, size: int, color: str = DEFAULT_COLOR, ratio: float = 1.0) -> QPixmap:
    device = max(1, round(size * ratio))
    result = QPixmap(device, device)
    result.fill(Qt.GlobalColor.transparent)
    painter = QPainter(result)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_icon(painter, QRectF(0, 0, device, device), name, color)
    painter.end()
    result.setDevicePixelRatio(ratio)
    return result


def icon(name: str, color: str = DEFAULT_COLOR, disabled_color: str = "#9aa5ab",
         active_color: str | None = None) -> QIcon:
    """A QIcon of the named Lucide icon in the given colour (with its disabled and active looks)."""
    result = QIcon()
    for size in (16, 20, 24, 32, 48):
        result.addPixmap(pixmap(name, size, color), QIcon.Mode.Normal, QIcon.State.Off)
        result.addPixmap(pixmap(name, size, disabled_color), QIcon.Mode.Disabled, QIcon.State.Off)
        if active_color:
            result.addPixmap(pixmap(name, size, active_color), QIcon.Mode.Selected, QIcon.State.Off)
            result.addPixmap(pixmap(name, size, active_color), QIcon.Mode.Normal, QIcon.State.On)
    return result


def available(name: str) -> bool:
    return (ICON_DIR / f"{name}.svg").is_file()


__all__ = ["ICON_DIR", "available", "icon", "paint_icon", "pixmap", "svg_bytes"]
