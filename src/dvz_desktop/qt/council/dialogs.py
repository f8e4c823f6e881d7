"""The chair's small dialogs: start a session, open a vote, who sits in the hall, and the minutes (the
minute-taker's text per agenda item, export as PDF to the eAkte). Each emits what was chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.protocol import MAX_COUNCIL_TITLE, MAX_NOTES_CHARS, MAX_VOTE_QUESTION, CouncilBodyInfo, CouncilInfo


class StartDialog(QDialog):
    #: title, body id ("" for a meeting with a moderator), public
    started = Signal(str, str, bool)

    def __init__(self, bodies: list[CouncilBodyInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sitzung beginnen"))
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_COUNCIL_TITLE)
        self.title.setPlaceholderText(self.tr("z. B. 12. Sitzung des Umweltausschusses"))
        self.body = QComboBox()
        self.body.addItem(self.tr("Besprechung mit Moderation (ohne Gremium)"), "")
        for body in bodies:
            self.body.addItem(body.name, body.body_id)
        self.public = QCheckBox(self.tr("Öffentliche Sitzung (Bürgerinnen und Bürger verfolgen sie im Browser)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Beginnen"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Titel"), self.title)
        form.addRow(self.tr("Gremium"), self.body)
        form.addRow(self.public)
        form.addRow(buttons)

    def _accept(self) -> None:
        title = self.title.text().strip()
        if not title:
            self.title.setFocus()
            return
        self.started.emit(title, self.body.currentData() or "", self.public.isChecked())
        self.accept()


class VoteOpenDialog(QDialog):
    #: question, kind ("open", "named", "secret"), election
    opened = Signal(str, str, bool)

    def __init__(self, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Abstimmung eröffnen"))
        self.question = QLineEdit(suggestion)
        self.question.setMaxLength(MAX_VOTE_QUESTION)
        self.kind = QComboBox()
        for kind, label in (("open", self.tr("offen (nur das Ergebnis wird festgehalten)")),
                            ("named", self.tr("namentlich (jede Stimme kommt in die Niederschrift)")),
                            ("secret", self.tr("geheim"))):
            self.kind.addItem(label, kind)
        self.election = QCheckBox(self.tr("Es ist eine Wahl"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Abstimmung eröffnen"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Antrag / Frage"), self.question)
        form.addRow(self.tr("Art"), self.kind)
        form.addRow(self.election)
        form.addRow(buttons)

    def _accept(self) -> None:
        question = self.question.text().strip()
        if not question:
            self.question.setFocus()
            return
        self.opened.emit(question, self.kind.currentData(), self.election.isChecked())
        self.accept()


class HallDialog(QDialog):
    """Tick who sits in the physical hall; each change is sent at once."""

    #: person id, in the hall
    marked = Signal(str, bool)

    def __init__(self, info: CouncilInfo, name_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Anwesend im Sitzungssaal"))
        hall = {p.person_id for p in info.present if p.mode == "hall"}
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Mitglieder"))
        members = info.body.members if info.body else ()
        for person in sorted(members, key=name_of):
            entry = QListWidgetItem(name_of(person), self.people)
            entry.setData(Qt.ItemDataRole.UserRole, person)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if person in hall else Qt.CheckState.Unchecked)
        self.people.itemChanged.connect(lambda e: self.marked.emit(e.data(Qt.ItemDataRole.UserRole),
                                                                   e.checkState() == Qt.CheckState.Checked))
        close = QPushButton(self.tr("Fertig"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Wer im Saal sitzt, zählt als anwesend; wer per Video teilnimmt, wird "
                                        "automatisch erfasst.")))
        layout.addWidget(self.people)
        layout.addWidget(close)


class MinutesDialog(QDialog):
    """The minute-taker's text per agenda item; export as PDF and hand it to the eAkte."""

    #: item index (-1: before the first item), text
    saved = Signal(int, str)
    exportRequested = Signal()

    def __init__(self, info: CouncilInfo, notes: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Niederschrift"))
        self.notes = dict(notes)
        self.item = QComboBox()
        self.item.addItem(self.tr("Eröffnung"), -1)
        for n, item in enumerate(info.agenda):
            self.item.addItem(f"{item.number} {item.title}", n)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Text der Niederschrift zu diesem Punkt"))
        self.item.currentIndexChanged.connect(self._load)
        save = QPushButton(self.tr("Speichern"))
        save.clicked.connect(self.save)
        export = QPushButton(self.tr("Als PDF an die eAkte übergeben"))
        export.clicked.connect(self._export)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.item)
        layout.addWidget(self.text)
        layout.addWidget(save)
        layout.addWidget(export)
        layout.addWidget(self.status)
        self._load()

    def _load(self) -> None:
        self.text.setPlainText(self.notes.get(self.item.currentData(), ""))

    def save(self) -> None:
        text = self.text.toPlainText()[:MAX_NOTES_CHARS]
        self.notes[self.item.currentData()] = text
        self.saved.emit(self.item.currentData(), text)

    def _export(self) -> None:
        self.save()
        self.exportRequested.emit()
