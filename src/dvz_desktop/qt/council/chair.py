"""The chair's controls under the session panel: the floor (Nächste Wortmeldung, optionally muting the
others; end; more time; the time limit), the agenda (call an item, import from OParl), timers (a break),
votes (open, close), who sits in the hall, the hall display, the minutes and the end of the session.
It only emits what the chair means; the mount carries it out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.protocol import CouncilInfo
from dvz_desktop.services.council import Received


class ChairControls(QGroupBox):
    #: mute the others
    nextRequested = Signal(bool)
    endSpeechRequested = Signal()
    extendRequested = Signal()
    #: seconds per speaker, 0: no limit
    limitRequested = Signal(int)
    goToRequested = Signal(int)
    importRequested = Signal()
    breakRequested = Signal(int)
    stopTimerRequested = Signal()
    voteOpenRequested = Signal()
    voteCloseRequested = Signal()
    hallRequested = Signal()
    hallDisplayRequested = Signal()
    minutesRequested = Signal()
    endRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sitzungsleitung"))
        self.next_button = QPushButton(self.tr("Nächste Wortmeldung"))
        self.next_button.clicked.connect(lambda: self.nextRequested.emit(self.mute.isChecked()))
        self.mute = QCheckBox(self.tr("Andere stummschalten"))
        self.mute.setToolTip(self.tr("Solange jemand das Wort hat, sind die Mikrofone der anderen aus."))
        self.end_speech = QPushButton(self.tr("Wort beenden"))
        self.end_speech.clicked.connect(self.endSpeechRequested)
        self.extend = QPushButton(self.tr("+1 Minute"))
        self.extend.clicked.connect(self.extendRequested)
        self.limit = QSpinBox()
        self.limit.setRange(0, 60)
        self.limit.setSuffix(self.tr(" Min."))
        self.limit.setSpecialValueText(self.tr("frei"))
        self.limit.setAccessibleName(self.tr("Redezeit je Wortmeldung"))
        self.limit_button = QPushButton(self.tr("Redezeit setzen"))
        self.limit_button.clicked.connect(lambda: self.limitRequested.emit(self.limit.value() * 60))
        self.items = QComboBox()
        self.items.setAccessibleName(self.tr("Tagesordnungspunkt"))
        self.call_item = QPushButton(self.tr("Aufrufen"))
        self.call_item.clicked.connect(lambda: self.goToRequested.emit(self.items.currentIndex()))
        self.import_button = QPushButton(self.tr("Tagesordnung aus OParl …"))
        self.import_button.clicked.connect(self.importRequested)
        self.break_button = QPushButton(self.tr("Pause 10 Min."))
        self.break_button.setToolTip(self.tr("Kaffeepause: 10 Minuten, die alle sehen"))
        self.break_button.clicked.connect(lambda: self.breakRequested.emit(10))
        self.stop_timer = QPushButton(self.tr("Zeit beenden"))
        self.stop_timer.clicked.connect(self.stopTimerRequested)
        self.vote_open = QPushButton(self.tr("Abstimmung …"))
        self.vote_open.clicked.connect(self.voteOpenRequested)
        self.vote_close = QPushButton(self.tr("Abstimmung schließen"))
        self.vote_close.clicked.connect(self.voteCloseRequested)
        self.hall = QPushButton(self.tr("Im Saal …"))
        self.hall.setToolTip(self.tr("Wer im Sitzungssaal sitzt (zählt als anwesend)"))
        self.hall.clicked.connect(self.hallRequested)
        self.hall_display = QPushButton(self.tr("Saalanzeige"))
        self.hall_display.setToolTip(self.tr("Vollbild für den Beamer im Sitzungssaal"))
        self.hall_display.clicked.connect(self.hallDisplayRequested)
        self.minutes = QPushButton(self.tr("Niederschrift …"))
        self.minutes.clicked.connect(self.minutesRequested)
        self.end = QPushButton(self.tr("Sitzung beenden"))
        self.end.clicked.connect(self.endRequested)
        self.elapsed = QLabel()

        # One or two short controls a row: the side panel is narrow (about 340 px at 1366x768).
        floor = QGridLayout()
        floor.addWidget(self.next_button, 0, 0, 1, 2)
        floor.addWidget(self.mute, 1, 0, 1, 2)
        floor.addWidget(self.end_speech, 2, 0)
        floor.addWidget(self.extend, 2, 1)
        floor.addWidget(self.limit, 3, 0)
        floor.addWidget(self.limit_button, 3, 1)
        self.items.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.items.setMinimumContentsLength(12)
        agenda = QHBoxLayout()
        agenda.addWidget(self.items, 1)
        agenda.addWidget(self.call_item)
        grid = QGridLayout()
        # Opening and closing a vote share one place: only one of them applies at a time.
        grid.addWidget(self.vote_open, 0, 0, 1, 2)
        grid.addWidget(self.vote_close, 0, 0, 1, 2)
        pairs = ((self.break_button, self.stop_timer), (self.import_button,), (self.hall, self.hall_display),
                 (self.minutes, self.end))
        for row, pair in enumerate(pairs, start=1):
            for column, button in enumerate(pair):
                grid.addWidget(button, row, column, 1, 2 if len(pair) == 1 else 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(floor)
        layout.addLayout(agenda)
        layout.addLayout(grid)
        self._has_body = False

    def show_state(self, info: CouncilInfo, name_of: Callable[[str], str]) -> None:
        has_body = info.body is not None
        for widget in (self.hall, self.minutes, self.items, self.call_item, self.import_button):
            widget.setVisible(has_body)
        self.vote_open.setVisible(has_body and info.vote is None)
        self.vote_close.setVisible(has_body and info.vote is not None)
        self.next_button.setEnabled(bool(info.hands))
        self.end_speech.setEnabled(info.floor is not None)
        self.extend.setEnabled(info.floor is not None and info.floor.limit_s is not None)
        self.stop_timer.setEnabled(info.timer is not None)
        labels = [f"{i.number} {i.title}" for i in info.agenda]
        if labels != [self.items.itemText(n) for n in range(self.items.count())]:
            self.items.clear()
            self.items.addItems(labels)
        if info.current_item is not None:
            self.items.setCurrentIndex(info.current_item)
        if not self.limit.hasFocus():
            self.limit.setValue((info.speaker_limit_s or 0) // 60)

    def refresh_clocks(self, received: Received) -> None:
        return None
