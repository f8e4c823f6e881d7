"""The hall display (Saalanzeige): full screen on the projector in the physical hall. Large and calm:
the current agenda item, who speaks with the countdown, the speaker list, the members taking part
remotely, the quorum, and the last result."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from dvz_desktop.services.council import Received

from .words import words

STYLE = """
QWidget#hall { background: #0f172a; }
QWidget#hall QLabel { color: #f8fafc; }
QLabel#hallTitle { font-size: 26px; color: #cbd5e1; }
QLabel#hallItem { font-size: 40px; font-weight: bold; }
QLabel#hallSpeaker { font-size: 48px; font-weight: bold; }
QLabel#hallClock { font-size: 96px; font-weight: bold; }
QLabel#hallClock[expired="true"] { color: #fca5a5; }
QLabel#hallHeading { font-size: 22px; color: #93c5fd; }
QLabel#hallQuorum, QLabel#hallResult { font-size: 24px; }
QListWidget { background: #1e293b; color: #f8fafc; font-size: 26px; border: none; }
"""


class HallDisplay(QWidget):
    def __init__(self, name_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Saalanzeige"))
        self.setAccessibleName(self.tr("Saalanzeige"))
        self._name_of = name_of
        self.received: Received | None = None
        self.title = self._label("hallTitle")
        self.item = self._label("hallItem")
        self.speaker = self._label("hallSpeaker")
        self.clock = self._label("hallClock")
        self.quorum = self._label("hallQuorum")
        self.result = self._label("hallResult")
        self.waiting = QListWidget()
        self.waiting.setAccessibleName(self.tr("Redeliste"))
        self.remote = QListWidget()
        self.remote.setAccessibleName(self.tr("Per Video zugeschaltet"))
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.item)
        left.addSpacing(24)
        left.addWidget(self.speaker)
        left.addWidget(self.clock)
        left.addStretch(1)
        left.addWidget(self.quorum)
        left.addWidget(self.result)
        right = QVBoxLayout()
        right.addWidget(self._label("hallHeading", self.tr("Redeliste")))
        right.addWidget(self.waiting, 3)
        right.addWidget(self._label("hallHeading", self.tr("Per Video zugeschaltet")))
        right.addWidget(self.remote, 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(48, 36, 48, 36)
        layout.addLayout(left, 3)
        layout.addSpacing(36)
        layout.addLayout(right, 2)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh_clock)
        self._tick.start()

    def _label(self, name: str, text: str = "") -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    def show_state(self, received: Received | None) -> None:
        self.received = received
        if received is None or received.info.ended_at is not None:
            self.title.setText(self.tr("Zurzeit keine Sitzung"))
            for label in (self.item, self.speaker, self.clock, self.quorum, self.result):
                label.clear()
            self.waiting.clear()
            self.remote.clear()
            return
        info = received.info
        self.title.setText(" – ".join(t for t in (info.body.name if info.body else "", info.title) if t))
        item = info.agenda[info.current_item] if info.current_item is not None else None
        self.item.setText(f"{item.number} {item.title}" if item else "")
        floor = info.floor
        self.speaker.setText(self.tr("Es spricht: %1").replace("%1", self._name_of(floor.person_id)) if floor
                             else self.tr("Niemand hat das Wort"))
        self.waiting.clear()
        for n, hand in enumerate(info.hands, start=1):
            self.waiting.addItem(f"{n}. {self._name_of(hand.person_id)}" +
                                 (f" – {words().hand(hand.kind)}" if hand.kind == "reply" else ""))
        if not info.hands:
            self.waiting.addItem(self.tr("Keine Wortmeldungen"))
        self.remote.clear()
        for present in info.present:
            if present.mode == "remote":
                self.remote.addItem(self._name_of(present.person_id))
        self.quorum.setText(words().quorum(info)[1])
        self.result.setText(self.tr("Letzte Abstimmung: %1").replace("%1", words().result(info.results[-1]))
                            if info.results else "")
        if info.vote is not None:
            self.result.setText(self.tr("Abstimmung läuft: %1 – %2").replace("%1", info.vote.question).replace(
                "%2", words().cast(info.vote.cast)))
        self.refresh_clock()

    def refresh_clock(self) -> None:
        received = self.received
        floor = received.info.floor if received else None
        left = received.remaining(floor.remaining_s) if received and floor else None
        self.clock.setText(words().clock(left))
        expired = left == 0
        if self.clock.property("expired") != expired:
            self.clock.setProperty("expired", expired)
            self.clock.style().unpolish(self.clock)
            self.clock.style().polish(self.clock)
