"""Small dialogs for office behaviour. All open window-modal with ``open()``, never ``exec()``: the
network keeps running while the user types."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.protocol import AbsenceCategory, InboxItem, OfficeHours, Person, Weekday

from ..text_dialog import ask_text  # noqa: F401  (the presenter asks through it)
from .texts import absence_category, inbox_kind, weekday


class AbsenceDialog(QDialog):
    """Abwesenheit eintragen: from, to, a coarse category and a deputy; no details are asked."""

    chosen = Signal(date, date, AbsenceCategory, object)  # start, end, category, deputy id or None

    def __init__(self, colleagues: list[Person], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Abwesenheit eintragen"))
        self.setAccessibleName(self.tr("Abwesenheit eintragen"))
        today = QDate.currentDate()
        self.start = QDateEdit(today)
        self.end = QDateEdit(today.addDays(4))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.start.setAccessibleName(self.tr("Erster Tag"))
        self.end.setAccessibleName(self.tr("Letzter Tag"))
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Art der Abwesenheit"))
        for category in AbsenceCategory:
            self.category.addItem(absence_category(category), category)
        self.deputy = QComboBox()
        self.deputy.setAccessibleName(self.tr("Vertretung"))
        self.deputy.addItem(self.tr("(keine Vertretung)"), None)
        for person in colleagues:
            self.deputy.addItem(f"{person.display_name} ({person.unit})" if person.unit else person.display_name,
                                person.id)
        self.hint = QLabel(self.tr("Kolleginnen und Kollegen sehen nur, bis wann Sie fehlen und wer vertritt."))
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Von:"), self.start)
        form.addRow(self.tr("Bis:"), self.end)
        form.addRow(self.tr("Art:"), self.category)
        form.addRow(self.tr("Vertretung:"), self.deputy)
        form.addRow(self.hint)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            self.error.setText(self.tr("Der letzte Tag liegt vor dem ersten."))
            return
        self.chosen.emit(start, end, self.category.currentData(), self.deputy.currentData())
        self.accept()


class OfficeHoursDialog(QDialog):
    """Sprechzeiten: up to a few windows per weekday; outside them, knocks from other units become messages."""

    chosen = Signal(tuple)

    def __init__(self, hours: tuple[OfficeHours, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sprechzeiten"))
        self.setAccessibleName(self.tr("Sprechzeiten"))
        self.rows: list[tuple[QComboBox, QTimeEdit, QTimeEdit, QWidget]] = []
        self._rows_box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Außerhalb dieser Zeiten wird Anklopfen aus anderen Fachbereichen zur "
                                        "Nachricht.")))
        layout.addLayout(self._rows_box)
        add = QPushButton(self.tr("Zeit hinzufügen"))
        add.clicked.connect(lambda: self.add_row(OfficeHours(weekday=Weekday.MONDAY, start=time(9), end=time(12))))
        layout.addWidget(add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for window in hours:
            self.add_row(window)

    def add_row(self, window: OfficeHours) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        day = QComboBox()
        for index in range(7):
            day.addItem(weekday(index), index)
        day.setCurrentIndex(window.weekday.value)
        day.setAccessibleName(self.tr("Wochentag"))
        start, end = QTimeEdit(QTime(window.start.hour, window.start.minute)), QTimeEdit(
            QTime(window.end.hour, window.end.minute))
        start.setAccessibleName(self.tr("Beginn"))
        end.setAccessibleName(self.tr("Ende"))
        remove = QPushButton(self.tr("Entfernen"))
        for widget in (day, start, QLabel("–"), end, remove):
            line.addWidget(widget)
        entry = (day, start, end, row)
        remove.clicked.connect(lambda: self._remove(entry))
        self.rows.append(entry)
        self._rows_box.addWidget(row)

    def _remove(self, entry: tuple[QComboBox, QTimeEdit, QTimeEdit, QWidget]) -> None:
        self.rows.remove(entry)
        entry[3].deleteLater()

    def hours(self) -> tuple[OfficeHours, ...]:
        return tuple(OfficeHours(weekday=Weekday(day.currentData()), start=start.time().toPython(),
                                 end=end.time().toPython()) for day, start, end, _ in self.rows)

    def _accept(self) -> None:
        try:
            hours = self.hours()
        except ValueError:
            self.error.setText(self.tr("Jede Sprechzeit muss enden, nachdem sie beginnt."))
            return
        self.chosen.emit(hours)
        self.accept()


class MorningView(QDialog):
    """Wer ist heute da: present people by unit, in order of arrival."""

    def __init__(self, groups: list[tuple[str, list[tuple[str, str]]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wer ist heute da"))
        self.setAccessibleName(self.tr("Wer ist heute da"))
        self.resize(420, 520)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Person"), self.tr("Da seit")])
        self.tree.setAccessibleName(self.tr("Anwesende nach Fachbereich"))
        for unit, people in groups:
            group = QTreeWidgetItem([f"{unit or self.tr('Ohne Fachbereich')} ({len(people)})", ""])
            for name, since in people:
                group.addChild(QTreeWidgetItem([name, since]))
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)


class InboxDialog(QDialog):
    """Verpasst: missed knocks, door messages and the handover list, each marked done on its own."""

    dismissRequested = Signal(tuple)

    def __init__(self, items: list[InboxItem], describe: Callable[[InboxItem], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verpasst"))
        self.setAccessibleName(self.tr("Verpasst"))
        self.resize(520, 400)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Verpasste Ereignisse"))
        self.list.setWordWrap(True)
        for item in items:
            entry = QListWidgetItem(f"{inbox_kind(item.kind)} – {describe(item)}")
            entry.setData(Qt.ItemDataRole.UserRole, item.item_id)
            self.list.addItem(entry)
        done = QPushButton(self.tr("Erledigt"))
        done.setAccessibleName(self.tr("Ausgewählte als erledigt markieren"))
        done.clicked.connect(self._done_selected)
        all_done = QPushButton(self.tr("Alle erledigt"))
        all_done.clicked.connect(self._done_all)
        close = QPushButton(self.tr("Schließen"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        for button in (done, all_done, close):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def _done_selected(self) -> None:
        chosen = tuple(i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems())
        if not chosen and self.list.currentItem() is not None:
            chosen = (self.list.currentItem().data(Qt.ItemDataRole.UserRole),)
        if chosen:
            self.dismissRequested.emit(chosen)
            for row in reversed(range(self.list.count())):
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) in chosen:
                    self.list.takeItem(row)

    def _done_all(self) -> None:
        chosen = tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count()))
        if chosen:
            self.dismissRequested.emit(chosen)
        self.list.clear()


class QuestionsDialog(QDialog):
    """Kurze Fragen: the quick questions I asked or was asked (kept 14 days), with their answers."""

    def __init__(self, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kurze Fragen"))
        self.setAccessibleName(self.tr("Kurze Fragen"))
        self.resize(560, 420)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Kurze Fragen und Antworten"))
        self.list.setWordWrap(True)
        for line in lines or [self.tr("Noch keine kurzen Fragen.")]:
            self.list.addItem(line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
