"""One theme for the whole client: colour tokens, a palette and one stylesheet built from them.

Light is the default, dark follows the operating system's colour scheme, and the OS high-contrast
setting wins over both (Windows "Kontrastdesigns"). The organisation's accent colour (from its
organisation file) is used sparingly: the rail, selection, primary buttons, focus.

Widgets never hard-code colours: they read :func:`current` (tokens) or use ``palette(...)`` in their
own small stylesheets, and listen to :data:`THEME_EVENTS.changed` where they paint themselves.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from dvz_desktop.core.contrast import contrast_ratio, readable_on

DEFAULT_ACCENT = "#1f5fa8"


class ThemeMode(str, Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    high_contrast: bool
    window: str  # behind everything (the stage margin, the status line)
    surface: str  # panels, cards, dialogs
    surface_alt: str  # hover, alternating rows, input backgrounds
    text: str
    text_muted: str  # secondary text, still >= 4.5:1 on surface
    border: str
    accent: str
    on_accent: str
    accent_soft: str  # selection background, active rail pill
    rail: str
    on_rail: str
    on_rail_muted: str
    danger: str
    warning_bg: str  # banners asking for an answer
    info_bg: str
    focus: str
    # The floor plan.
    floor: str
    corridor: str
    wall: str
    plate: str  # room name plates
    plate_text: str

    def color(self, token: str) -> QColor:
        return QColor(getattr(self, token))


def _light(accent: str) -> Theme:
    accent = _usable_accent(accent, "#ffffff")
    return Theme(
        name="light", dark=False, high_contrast=False,
        window="#eef1f4", surface="#ffffff", surface_alt="#f4f6f8", text="#1b2631", text_muted="#4f5d6b",
        border="#d5dbe1", accent=accent, on_accent=readable_on(accent), accent_soft=_mix(accent, "#ffffff", 0.86),
        rail=_mix(accent, "#0b1620", 0.35), on_rail="#ffffff", on_rail_muted="#d8e2ec",
        danger="#b3261e", warning_bg="#fff4d6", info_bg="#e7f0fb", focus=accent,
        floor="#f7f8fa", corridor="#eceff3", wall="#5c6b7a", plate="#ffffff", plate_text="#1b2631",
    )


def _dark(accent: str) -> Theme:
    accent = _usable_accent(_mix(accent, "#ffffff", 0.35), "#22272e")
    return Theme(
        name="dark", dark=True, high_contrast=False,
        window="#15191e", surface="#1f242b", surface_alt="#2a3038", text="#e7ebef", text_muted="#aeb8c2",
        border="#3a434d", accent=accent, on_accent=readable_on(accent), accent_soft=_mix(accent, "#1f242b", 0.72),
        rail="#11151a", on_rail="#ffffff", on_rail_muted="#b8c3ce",
        danger="#ff8a80", warning_bg="#4a3b12", info_bg="#1d3550", focus=accent,
        floor="#1a1f25", corridor="#242a32", wall="#9aa8b6", plate="#2a3038", plate_text="#e7ebef",
    )


def _high_contrast() -> Theme:
    # Like Windows' "Nachtschwarz": black ground, white text, yellow for what is selected or focused.
    return Theme(
        name="high-contrast", dark=True, high_contrast=True,
        window="#000000", surface="#000000", surface_alt="#000000", text="#ffffff", text_muted="#ffffff",
        border="#ffffff", accent="#ffff00", on_accent="#000000", accent_soft="#1aebff",
        rail="#000000", on_rail="#ffffff", on_rail_muted="#ffffff",
        danger="#ff6e6e", warning_bg="#000000", info_bg="#000000", focus="#ffff00",
        floor="#000000", corridor="#000000", wall="#ffffff", plate="#000000", plate_text="#ffffff",
    )


def _mix(a: str, b: str, t: float) -> str:
    """``a`` moved ``t`` of the way towards ``b``."""
    ca, cb = QColor(a), QColor(b)
    return QColor(round(ca.red() + (cb.red() - ca.red()) * t), round(ca.green() + (cb.green() - ca.green()) * t),
                  round(ca.blue() + (cb.blue() - ca.blue()) * t)).name()


def _usable_accent(accent: str, background: str) -> str:
    """An organisation's colour, darkened or lightened until text in it is readable (WCAG 4.5:1)."""
    color = QColor(accent) if QColor.isValidColorName(accent) else QColor(DEFAULT_ACCENT)
    target = "#000000" if QColor(background).lightness() < 128 else "#ffffff"
    towards = "#ffffff" if target == "#000000" else "#000000"
    result = color.name()
    for _ in range(20):
        if contrast_ratio(result, background) >= 4.5:
            break
        result = _mix(result, towards, 0.1)
    return result


def build(mode: ThemeMode, accent: str = DEFAULT_ACCENT, system_dark: bool = False,
          system_high_contrast: bool = False) -> Theme:
    if mode is ThemeMode.HIGH_CONTRAST or (mode is ThemeMode.SYSTEM and system_high_contrast):
        return _high_contrast()
    if mode is ThemeMode.DARK or (mode is ThemeMode.SYSTEM and system_dark):
        return _dark(accent)
    return _light(accent)


class _ThemeEvents(QObject):
    changed = Signal(object)  # the new Theme


THEME_EVENTS = _ThemeEvents()
_current = _light(DEFAULT_ACCENT)
#: What the last ``apply`` was asked for, so the organisation's colour can follow the login.
_mode, _accent = ThemeMode.SYSTEM, DEFAULT_ACCENT


def current() -> Theme:
    return _current


def system_prefers() -> tuple[bool, bool]:
    """(dark, high contrast) as the operating system asks for them."""
    hints = QGuiApplication.styleHints()
    dark = hints.colorScheme() is Qt.ColorScheme.Dark
    high = False
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        high = accessibility().contrastPreference() is Qt.ContrastPreference.HighContrast
    return dark, high


def apply(app: QApplication, mode: ThemeMode = ThemeMode.SYSTEM, accent: str = DEFAULT_ACCENT) -> Theme:
    """Set the style, palette and stylesheet of the application; tell painted widgets."""
    global _current, _mode, _accent
    _mode, _accent = mode, accent
    dark, high = system_prefers()
    theme = build(mode, accent, dark, high)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # the same shapes on every platform; colours come from the palette
    app.setPalette(palette(theme))
    app.setStyleSheet(stylesheet(theme))
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)  # body 10 pt (visual brief); the OS's larger setting is kept
        app.setFont(font)
    _current = theme
    THEME_EVENTS.changed.emit(theme)
    return theme


def set_accent(app: QApplication, accent: str | None) -> Theme:
    """The organisation's colour (None: the product's own) in the mode the user chose; nothing repaints
    when it is the colour already in use."""
    wanted = accent if accent and QColor.isValidColorName(accent) else DEFAULT_ACCENT
    if wanted == _accent:
        return _current
    return apply(app, _mode, wanted)


def with_accent(theme: Theme, accent: str) -> Theme:
    return replace(theme, accent=accent, on_accent=readable_on(accent))


def palette(theme: Theme) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: theme.window, role.WindowText: theme.text, role.Base: theme.surface,
        role.AlternateBase: theme.surface_alt, role.Text: theme.text, role.Button: theme.surface,
        role.ButtonText: theme.text, role.Highlight: theme.accent, role.HighlightedText: theme.on_accent,
        role.ToolTipBase: theme.text if not theme.high_contrast else "#000000",
        role.ToolTipText: theme.surface if not theme.high_contrast else "#ffffff",
        role.PlaceholderText: theme.text_muted, role.Link: theme.accent, role.BrightText: theme.danger,
        role.Mid: theme.border, role.Midlight: theme.surface_alt, role.Dark: theme.border, role.Light: theme.surface,
    }
    for r, value in pairs.items():
        p.setColor(r, QColor(value))
    disabled = QColor(theme.text_muted)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, disabled)
    return p


def _check_mark(color: str) -> str:
    """The check mark of a checked box, as a file (stylesheets take images by path), in ``color``."""
    from ..icons import svg_bytes

    folder = Path(tempfile.gettempdir()) / f"dvz-theme-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"check-{color.lstrip('#')}.svg"
    if not path.exists():
        path.write_bytes(svg_bytes("check", color, stroke_width=3.5))
    return path.as_posix()


def stylesheet(t: Theme) -> str:
    """The one stylesheet. 8 px grid, 6–8 px corners, no text below 9 pt."""
    hc = t.high_contrast
    check = _check_mark(t.on_accent)
    return f"""
QWidget {{ color: {t.text}; }}
QMainWindow, QDialog {{ background: {t.window}; }}
QToolTip {{ background: {t.text if not hc else '#000000'}; color: {t.surface if not hc else '#ffffff'};
  border: 1px solid {t.border}; border-radius: 6px; padding: 6px 8px; }}
QMenu {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 8px; padding: 6px; }}
QMenu::item {{ padding: 6px 24px 6px 12px; border-radius: 6px; }}
QMenu::item:selected {{ background: {t.accent_soft}; color: {t.text if not hc else '#000000'}; }}
QMenu::separator {{ height: 1px; background: {t.border}; margin: 4px 8px; }}
QPushButton {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 6px; padding: 6px 14px;
  min-height: 20px; }}
QPushButton:hover {{ background: {t.surface_alt}; }}
QPushButton:focus {{ border: 2px solid {t.focus}; }}
QPushButton:disabled {{ color: {t.text_muted}; }}
QPushButton[primary="true"], QPushButton:default {{ background: {t.accent}; color: {t.on_accent};
  border-color: {t.accent}; }}
QPushButton[primary="true"]:hover, QPushButton:default:hover {{ background: {_mix(t.accent, '#000000', 0.12)}; }}
QPushButton[primary="false"]:default {{ background: {t.surface}; color: {t.text}; border-color: {t.border}; }}
QPushButton[primary="false"]:default:hover {{ background: {t.surface_alt}; }}
QPushButton[primary="true"]:disabled, QPushButton:default:disabled {{
  background: {t.accent if hc else t.surface_alt}; color: {t.on_accent if hc else t.text_muted};
  border-color: {t.accent if hc else t.border}; }}
QToolButton {{ border: 1px solid transparent; border-radius: 6px; padding: 4px; }}
QToolButton:hover {{ background: {t.surface_alt}; border-color: {t.border}; }}
QToolButton:checked {{ background: {t.accent_soft}; border-color: {t.accent}; }}
QToolButton:focus {{ border: 2px solid {t.focus}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QComboBox, QDateTimeEdit, QTimeEdit, QDateEdit {{
  background: {t.surface}; border: 1px solid {t.border}; border-radius: 6px; padding: 5px 8px;
  selection-background-color: {t.accent}; selection-color: {t.on_accent}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QSpinBox:focus, QComboBox:focus {{
  border: 2px solid {t.focus}; }}
QComboBox::drop-down {{ border: none; width: 20px; }}
QListView, QTreeView, QListWidget, QTreeWidget, QTableView {{ background: {t.surface}; border: none;
  outline: none; }}
QListView::item, QTreeView::item {{ padding: 4px 6px; border-radius: 6px; }}
QListView::item:hover, QTreeView::item:hover {{ background: {t.surface_alt}; }}
QListView::item:selected, QTreeView::item:selected {{ background: {t.accent_soft};
  color: {t.text if not hc else '#000000'}; }}
QTabBar::tab {{ padding: 6px 12px; border: none; border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ border-bottom: 2px solid {t.accent}; font-weight: 600; }}
QTabWidget::pane {{ border: none; }}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar::handle:vertical {{ background: {t.border}; border-radius: 4px; min-height: 32px; }}
QScrollBar:horizontal {{ background: transparent; height: 10px; margin: 2px; }}
QScrollBar::handle:horizontal {{ background: {t.border}; border-radius: 4px; min-width: 32px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QCheckBox, QRadioButton {{ spacing: 8px; }}
QCheckBox::indicator {{ width: 16px; height: 16px; border: 1px solid {t.text_muted if not hc else '#ffffff'};
  border-radius: 4px; background: {t.surface}; }}
QCheckBox::indicator:checked {{ background: {t.accent}; border-color: {t.accent}; image: url({check}); }}
QCheckBox::indicator:focus {{ border: 2px solid {t.focus}; }}
QStatusBar {{ background: {t.surface}; border-top: 1px solid {t.border}; }}
QStatusBar::item {{ border: none; }}
QSplitter::handle {{ background: {t.border}; }}
QSplitter::handle:horizontal {{ width: 1px; }}
QGroupBox {{ border: 1px solid {t.border}; border-radius: 8px; margin-top: 14px; padding: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; font-weight: 600; }}
/* Shell */
QWidget#rail {{ background: {t.rail}; }}
QToolButton#railButton {{ color: {t.on_rail_muted}; border: none; border-radius: 8px; padding: 6px 2px 4px 2px;
  font-size: 9pt; }}
QToolButton#railButton:hover {{ background: {_mix(t.rail, '#ffffff', 0.12) if not hc else '#000000'};
  color: {t.on_rail}; }}
QToolButton#railButton:checked {{ background: {_mix(t.rail, '#ffffff', 0.2) if not hc else '#000000'};
  color: {t.on_rail}; font-weight: 600; {'border: 2px solid #ffff00;' if hc else ''} }}
QToolButton#railButton:focus {{ border: 2px solid {t.on_rail if not hc else '#ffff00'}; }}
QLabel#railBadge {{ background: {t.danger if not hc else '#ffff00'}; color: {'#ffffff' if not hc else '#000000'};
  border-radius: 8px; padding: 0 5px; font-size: 9pt; font-weight: 700; }}
QWidget#sidePanel {{ background: {t.surface}; border-left: 1px solid {t.border}; }}
QLabel#panelTitle {{ font-size: 13pt; font-weight: 600; }}
QLabel#muted, QLabel[muted="true"] {{ color: {t.text_muted}; }}
QLabel#emptyState {{ color: {t.text_muted}; padding: 16px; }}
QFrame#banner {{ background: {t.warning_bg}; border: 1px solid {t.border}; border-radius: 8px; }}
QFrame#banner[kind="mine"], QFrame#banner[kind="info"] {{ background: {t.info_bg}; }}
QFrame#card {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 8px; }}
QFrame#miniCall {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: 10px; }}
"""


__all__ = ["DEFAULT_ACCENT", "THEME_EVENTS", "Theme", "ThemeMode", "apply", "build", "current", "palette",
           "stylesheet", "with_accent"]
