"""Banners above the map: someone knocks, invites me, asks me something; my own knock in progress.

Each banner is a small frame with a sentence and buttons; it is keyed by the knock, invitation or
question id, so an update replaces it and the end of the conversation removes it.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QSpinBox,
    QWidget,
)

from dvz_desktop.core.knocks import RING_TIME
from dvz_desktop.protocol import KnockAnswer, KnockState

from ..shell.banners import Banner


class KnockBanner(Banner):
    """Someone knocks on the room I am in (or, as a deputy, on the office of someone away)."""

    answered = Signal(str, KnockAnswer, object, str)  # knock id, answer, minutes or None, text

    def __init__(self, knock_id: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent=parent)
        self.knock_id = knock_id
        self.come_in = self.button(self.tr("Herein"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 60)
        self.minutes.setValue(5)
        self.minutes.setSuffix(self.tr(" Min."))
        self.minutes.setAccessibleName(self.tr("In wie vielen Minuten"))
        self.row.addWidget(self.minutes)
        self.wait = self.button(self.tr("Gleich"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Optional: kurzer Satz"))
        self.reason.setAccessibleName(self.tr("Satz zur Antwort"))
        self.reason.setMaxLength(200)
        self.row.addWidget(self.reason)
        self.not_now = self.button(self.tr("Jetzt nicht"))
        self.come_in.clicked.connect(lambda: self._answer(KnockAnswer.COME_IN))
        self.wait.clicked.connect(lambda: self._answer(KnockAnswer.WAIT))
        self.not_now.clicked.connect(lambda: self._answer(KnockAnswer.NOT_NOW))

    def _answer(self, answer: KnockAnswer) -> None:
        minutes = self.minutes.value() if answer is KnockAnswer.WAIT else None
        self.answered.emit(self.knock_id, answer, minutes, self.reason.text().strip())


class KnockerStrip(Banner):
    """My own knock: a countdown while it rings, then the answer, and "Nachricht hinterlassen"."""

    cancelRequested = Signal(str)
    leaveMessageRequested = Signal(str)
    dismissed = Signal(str)

    def __init__(self, knock_id: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, kind="mine", parent=parent)
        self.knock_id = knock_id
        #: The knock's room and latest state (set by the presenter).
        self.room_id = ""
        self.state = KnockState.RINGING
        self._base_text = text
        self._remaining = int(RING_TIME.total_seconds())
        self.cancel = self.button(self.tr("Abbrechen"), self.tr("Anklopfen abbrechen"))
        self.cancel.clicked.connect(lambda: self.cancelRequested.emit(self.knock_id))
        self.message = self.button(self.tr("Nachricht hinterlassen"))
        self.message.clicked.connect(lambda: self.leaveMessageRequested.emit(self.knock_id))
        self.message.hide()
        self.close_button = self.button(self.tr("Schließen"))
        self.close_button.clicked.connect(lambda: self.dismissed.emit(self.knock_id))
        self.close_button.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._tick_text()

    def _tick(self) -> None:
        self._remaining = max(0, self._remaining - 1)
        self._tick_text()

    def _tick_text(self) -> None:
        self.label.setText(self.tr("%1 (noch %2 s)").replace("%1", self._base_text).replace("%2", str(self._remaining)))

    def show_state(self, state: KnockState, text: str, may_message: bool) -> None:
        if state in (KnockState.RINGING,):
            return
        self._timer.stop()
        self.set_text(text)
        final = state is not KnockState.WAIT
        self.cancel.setVisible(not final)
        self.message.setVisible(may_message)
        self.close_button.setVisible(final)


class InviteBanner(Banner):
    answered = Signal(str, bool)

    def __init__(self, invite_id: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent=parent)
        self.invite_id = invite_id
        self.accept = self.button(self.tr("Annehmen"))
        self.decline = self.button(self.tr("Ablehnen"))
        self.accept.clicked.connect(lambda: self.answered.emit(self.invite_id, True))
        self.decline.clicked.connect(lambda: self.answered.emit(self.invite_id, False))


class QuestionBanner(Banner):
    """A quick question to me: the question and a line for the answer."""

    answered = Signal(str, str)

    def __init__(self, question_id: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent=parent)
        self.question_id = question_id
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("Antwort"))
        self.answer.setAccessibleName(self.tr("Antwort auf die kurze Frage"))
        self.answer.setMaxLength(500)
        self.row.addWidget(self.answer, 1)
        self.send = self.button(self.tr("Antworten"))
        self.send.clicked.connect(self._send)
        self.answer.returnPressed.connect(self._send)

    def _send(self) -> None:
        if self.answer.text().strip():
            self.answered.emit(self.question_id, self.answer.text().strip())


class NoticeBanner(Banner):
    """Something to read (an answer to my question, an invitation's outcome) with "OK"."""

    dismissed = Signal(str)

    def __init__(self, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, kind="mine", parent=parent)
        self.key = key
        self.ok = self.button(self.tr("OK"))
        self.ok.clicked.connect(lambda: self.dismissed.emit(self.key))
