"""The vote dialog: the question, the kind of vote, and Ja / Nein / Enthaltung — or, when I may not vote,
why not (the same rule the backend applies, so the dialog never offers what would be refused)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dvz_desktop.protocol import CouncilVoteInfo

from .words import words


class VoteDialog(QDialog):
    def __init__(self, vote: CouncilVoteInfo, refusal: str | None, abstention_allowed: bool,
                 cast: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vote_id = vote.vote_id
        self.setWindowTitle(self.tr("Abstimmung"))
        self.setAccessibleName(self.tr("Abstimmung: %1").replace("%1", vote.question))
        self._cast = cast
        question = QLabel(vote.question)
        question.setTextFormat(Qt.TextFormat.PlainText)  # a colleague's words: text, never markup
        question.setWordWrap(True)
        question.setObjectName("voteQuestion")
        font = question.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        question.setFont(font)
        self.setMinimumWidth(420)
        kind = QLabel(words().kind(vote.kind) + (self.tr(" (Wahl)") if vote.election else ""))
        self.reason = QLabel(words().refusal(refusal) if refusal else "")
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(refusal))
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for choice, label in (("yes", self.tr("Ja")), ("no", self.tr("Nein")), ("abstain", self.tr("Enthaltung"))):
            button = QPushButton(label)
            button.setMinimumHeight(44)  # easy to hit, also on a tablet in the hall
            button.setEnabled(refusal is None and (choice != "abstain" or abstention_allowed))
            if choice == "abstain" and not abstention_allowed:
                button.setToolTip(
                    self.tr("Eine Stimmenthaltung ist nach dem Kommunalrecht Ihres Landes nicht zulässig."))
            button.clicked.connect(lambda _=False, c=choice: self.choose(c))
            self.buttons[choice] = button
            row.addWidget(button)
        close = QPushButton(self.tr("Schließen"))
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(kind)
        layout.addWidget(self.reason)
        layout.addLayout(row)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)

    def choose(self, choice: str) -> None:
        self._cast(choice)
        self.accept()
