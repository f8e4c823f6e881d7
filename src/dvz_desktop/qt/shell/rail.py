"""The rail: a narrow column of icons with short labels down the left edge (Büro, Chat, Heute, …).

One entry per place of the desk. An entry opens its side panel (or, for Büro and Whiteboard, its view);
choosing the open one again closes the panel. A badge counts what waits there (unread, people waiting);
its count is part of the button's accessible name, so a screen reader hears it too.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..icons import paint_icon
from ..lifetime import while_alive
from . import theme

RAIL_WIDTH = 84
#: Where each place sits on the rail, top to bottom (the visual brief's order); others follow.
RAIL_ORDER = ("office", "chat", "today", "calendar", "launchers", "phone", "door", "whiteboard")
ICON_SIZE = 22
#: Space above an entry's icon: normally, and when the window is too short for every entry at full height.
TOP, COMPACT_TOP = 12, 5


class RailButton(QAbstractButton):
    """An icon over a short label (up to two lines), a pill when chosen, a badge at the upper right."""

    def __init__(self, label: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setText(label)
        self.icon_name = icon_name
        self.badge_text = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Shrinks towards minimumSizeHint when the window is short (1280×720 with every place on the rail).
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._hover = False

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        lines = self.text().count("\n") + 1
        return QSize(RAIL_WIDTH - 8, TOP + ICON_SIZE + 6 + lines * self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """Icon and label with less air around them: what a short window gets."""
        lines = self.text().count("\n") + 1
        return QSize(RAIL_WIDTH - 8, COMPACT_TOP + ICON_SIZE + 3 + lines * self.fontMetrics().height() + 3)

    def _icon_top(self) -> float:
        """From TOP at the full height down to COMPACT_TOP at the minimum, in step with the button."""
        full, least = self.sizeHint().height(), self.minimumSizeHint().height()
        share = min(1.0, max(0.0, (self.height() - least) / max(1, full - least)))
        return COMPACT_TOP + share * (TOP - COMPACT_TOP)

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        key = getattr(event, "key", lambda: None)()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()  # Enter chooses, as Space does
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.focusNextPrevChild(key == Qt.Key.Key_Down)  # arrows walk the rail
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def enterEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        self._hover = True
        self.update()
        super().enterEvent(event)  # type: ignore[arg-type]

    def leaveEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        self._hover = False
        self.update()
        super().leaveEvent(event)  # type: ignore[arg-type]

    def paintEvent(self, _event: object) -> None:  # noqa: N802 (Qt name)
        t = theme.current()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        chosen = self.isChecked()
        if chosen or self._hover:
            fill = QColor(t.on_rail)
            fill.setAlphaF(0.20 if chosen else 0.10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 8, 8)
        if chosen:  # a bar at the edge, so "chosen" does not rest on a shade alone
            painter.setBrush(QColor(t.accent if t.high_contrast else t.on_rail))
            painter.drawRoundedRect(QRectF(rect.left() - 2, rect.top() + 10, 3, rect.height() - 20), 1.5, 1.5)
        if self.hasFocus():
            painter.setPen(QPen(QColor(t.focus if t.high_contrast else t.on_rail), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 7, 7)
        color = t.on_rail if chosen or self._hover else t.on_rail_muted
        icon_rect = QRectF((self.width() - ICON_SIZE) / 2, self._icon_top(), ICON_SIZE, ICON_SIZE)
        paint_icon(painter, icon_rect, self.icon_name, color)
        painter.setPen(QColor(color))
        font = self.font()
        font.setWeight(QFont.Weight.Normal)  # bold would not fit "Whiteboard"; the pill and bar say "chosen"
        painter.setFont(font)
        text_rect = QRectF(rect.left(), icon_rect.bottom() + 3, rect.width(),
                           rect.bottom() - icon_rect.bottom() - 3)
        metrics = QFontMetrics(font)
        lines = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, int(text_rect.width()))
                 for line in self.text().split("\n")]
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), "\n".join(lines))
        if self.badge_text:
            shown = self.badge_text
            badge_font = QFont(self.font())
            badge_font.setWeight(QFont.Weight.Bold)
            painter.setFont(badge_font)
            width = max(18.0, QFontMetrics(badge_font).horizontalAdvance(shown) + 10.0)
            badge = QRectF(icon_rect.right() - 6, max(1.0, icon_rect.top() - 8), width, 18)
            painter.setPen(QPen(QColor(t.rail), 2))
            painter.setBrush(QColor(t.danger if not t.high_contrast else t.accent))
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(QColor("#ffffff" if not t.high_contrast else "#000000"))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), shown)
        painter.end()


@dataclass
class RailEntry:
    key: str
    label: str
    tooltip: str
    icon_name: str
    button: RailButton
    badge_text: str = ""


class Rail(QWidget):
    #: An entry was chosen (by click, keyboard or its shortcut).
    triggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rail")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(RAIL_WIDTH)
        self.setAccessibleName(self.tr("Navigation"))
        self.entries: dict[str, RailEntry] = {}
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(3, 8, 3, 8)
        self._column.setSpacing(4)
        self.logo = QLabel()
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setFixedHeight(44)
        self._column.addWidget(self.logo)
        self._column.addSpacing(4)
        self._column.addStretch(1)
        theme.THEME_EVENTS.changed.connect(while_alive(self, lambda _t: self.update()))

    def set_logo(self, pixmap: object, accessible: str) -> None:
        self.logo.setPixmap(pixmap)  # type: ignore[arg-type]
        self.logo.setAccessibleName(accessible)
        self.logo.setToolTip(accessible)

    def add_entry(self, key: str, label: str, icon_name: str, tooltip: str = "", shortcut: str = "") -> RailButton:
        button = RailButton(label, icon_name, self)
        button.setObjectName(f"rail-{key}")
        tip = tooltip or label.replace("\n", " ")
        if shortcut:
            button.setShortcut(QKeySequence(shortcut))
            tip += f" ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})"
        button.setToolTip(tip)
        button.clicked.connect(lambda _=False, k=key: self.triggered.emit(k))
        entry = RailEntry(key, label, tip, icon_name, button)
        self.entries[key] = entry
        rank = {key: i for i, key in enumerate(RAIL_ORDER)}
        ahead = sum(1 for other in self.entries if other != key
                    and rank.get(other, len(RAIL_ORDER)) <= rank.get(key, len(RAIL_ORDER)))
        self._column.insertWidget(2 + ahead, button)  # after the logo, its spacing and the entries before it
        self._describe(entry)
        return button

    def add_footer(self, widget: QWidget) -> None:
        self._column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)

    def set_current(self, key: str | None) -> None:
        """Mark the entry whose panel or view is showing (None: none of them)."""
        for entry in self.entries.values():
            entry.button.setChecked(entry.key == key)

    def current(self) -> str | None:
        return next((e.key for e in self.entries.values() if e.button.isChecked()), None)

    def set_entry_visible(self, key: str, visible: bool) -> None:
        self.entries[key].button.setVisible(visible)

    def set_badge(self, key: str, count: int, spoken: str = "") -> None:
        """A count on the entry (0 hides it); ``spoken`` is how a screen reader says it."""
        entry = self.entries[key]
        entry.badge_text = "" if count <= 0 else (spoken or str(count))
        entry.button.badge_text = "" if count <= 0 else (str(count) if count < 100 else "99+")
        entry.button.update()
        self._describe(entry)

    def badge(self, key: str) -> str:
        return self.entries[key].button.badge_text

    def _describe(self, entry: RailEntry) -> None:
        name = entry.label.replace("\n", " ")
        entry.button.setAccessibleName(f"{name}, {entry.badge_text}" if entry.badge_text else name)
        entry.button.setAccessibleDescription(entry.tooltip)
