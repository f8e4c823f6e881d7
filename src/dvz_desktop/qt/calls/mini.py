"""The call shrunk to a small view at the lower right of the plan: who, how long, mute, back, hang up."""

from __future__ import annotations

import time

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ..icons import icon
from ..plain import plain_label
from ..shell import theme


class MiniCall(QFrame):
    enlargeRequested = Signal()
    hangupRequested = Signal()
    muteToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("miniCall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(self.tr("Laufendes Gespräch"))
        self.who = plain_label()
        self.who.setObjectName("miniWho")
        self.who.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setProperty("muted", True)
        t = theme.current()
        self.mute = self._tool("mic", self.tr("Mikrofon aus"), t.text)
        self.mute.setCheckable(True)
        self.mute.toggled.connect(self._muted)
        self.enlarge = self._tool("maximize-2", self.tr("Gespräch groß zeigen"), t.text)
        self.enlarge.clicked.connect(self.enlargeRequested)
        self.hangup = self._tool("phone-off", self.tr("Auflegen"), t.danger)
        self.hangup.clicked.connect(self.hangupRequested)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.mute)
        buttons.addWidget(self.enlarge)
        buttons.addStretch(1)
        buttons.addWidget(self.hangup)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(4)
        column.addWidget(self.who)
        column.addWidget(self.clock)
        column.addLayout(buttons)
        self._since = time.monotonic()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_time)

    def _tool(self, icon_name: str, text: str, color: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name, color))
        button.setIconSize(QSize(20, 20))
        button.setToolTip(text)
        button.setAccessibleName(text)
        return button

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(280, 118)

    def show_call(self, who: str, since: float | None = None) -> None:
        self.who.setText(who)
        if since is not None:
            self._since = since
        self._show_time()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()

    def _show_time(self) -> None:
        seconds = int(time.monotonic() - self._since)
        self.clock.setText(f"{seconds // 60:02d}:{seconds % 60:02d}")

    def _muted(self, muted: bool) -> None:
        t = theme.current()
        self.mute.setIcon(icon("mic-off" if muted else "mic", t.danger if muted else t.text))
        text = self.tr("Mikrofon an") if muted else self.tr("Mikrofon aus")
        self.mute.setToolTip(text)
        self.mute.setAccessibleName(text)
        self.muteToggled.emit(muted)
