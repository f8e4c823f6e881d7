"""The controls a meeting adds above its stage: gallery or speaker view, the participant list, and (for
moderators) inviting a guest; and the dialog that hands out a guest's link."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..icons import icon
from ..plain import plain_label
from ..shell import theme


def _tool(icon_name: str, text: str, checkable: bool = False) -> QToolButton:
    button = QToolButton()
    button.setIcon(icon(icon_name, theme.current().text))
    button.setIconSize(QSize(18, 18))
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setCheckable(checkable)
    button.setAccessibleName(text)
    button.setMinimumHeight(32)
    return button


class MeetingHeader(QWidget):
    """``speakerView(bool)``, ``peopleShown(bool)``, ``inviteRequested()``."""

    speakerView = Signal(bool)
    peopleShown = Signal(bool)
    inviteRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = _tool("presentation", self.tr("Sprecheransicht"), checkable=True)
        self.view.setToolTip(self.tr("Zwischen Galerie und Sprecheransicht wechseln"))
        self.view.toggled.connect(self._view)
        self.people = _tool("users", self.tr("Teilnehmende"), checkable=True)
        self.people.setToolTip(self.tr("Liste der Teilnehmenden zeigen oder verbergen"))
        self.people.toggled.connect(self.peopleShown)
        self.invite = _tool("user-plus", self.tr("Gast einladen"))
        self.invite.setToolTip(self.tr("Einen Link für einen Gast von außen erzeugen (Moderation)"))
        self.invite.clicked.connect(self.inviteRequested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for button in (self.view, self.people, self.invite):
            row.addWidget(button)

    def _view(self, speaker: bool) -> None:
        self.view.setText(self.tr("Galerie") if speaker else self.tr("Sprecheransicht"))
        self.view.setIcon(icon("layout-grid" if speaker else "presentation", theme.current().text))
        self.view.setAccessibleName(self.view.text())
        self.speakerView.emit(speaker)

    def show_count(self, people: int) -> None:
        text = self.tr("Teilnehmende (%1)").replace("%1", str(people))
        self.people.setText(text)
        self.people.setAccessibleName(text)


class InviteDialog(QDialog):
    """The link for a guest: shown, selectable and copied with one click; valid for 24 hours."""

    def __init__(self, link: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gast einladen"))
        text = plain_label(self.tr("Schicken Sie diesen Link an Ihren Gast. Er gilt 24 Stunden für die Besprechung "
                                   "in diesem Raum; der Gast sieht nur die Besprechung und die Namen der "
                                   "Teilnehmenden."))
        text.setWordWrap(True)
        self.link = QLineEdit(link)
        self.link.setReadOnly(True)
        self.link.setAccessibleName(self.tr("Link für den Gast"))
        self.link.setMinimumWidth(420)
        self.copy = QPushButton(icon("paperclip", theme.current().text), self.tr("Link kopieren"))
        self.copy.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.link, 1)
        row.addWidget(self.copy)
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addLayout(row)
        column.addWidget(buttons)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.link.text())
        self.copy.setText(self.tr("Kopiert"))
