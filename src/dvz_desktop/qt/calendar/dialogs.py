"""Dialogs of the calendar: an appointment (new or changed) and the CalDAV account.

Both open window-modal with ``open()`` and report through signals: a nested ``exec()`` loop would run
the asyncio tasks of the whole program inside it. Both size to their content: a message shown later
(a wrong password, an unreachable server) makes the dialog taller instead of being cut off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from dvz_desktop.services.calendar import OFFICE_TZ, Appointment


def problem_label() -> QLabel:
    """Where a dialog says what is wrong: red, wrapped, read out by screen readers."""
    label = QLabel()
    label.setStyleSheet("color: #b91c1c")
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("CalendarDialogs", "Hinweis"))
    return label


def say(dialog: QDialog, label: QLabel, message: str) -> None:
    """Show ``message`` in ``label`` and let the dialog grow (or shrink) to show all of it."""
    label.setText(message)
    label.setVisible(bool(message))
    dialog.adjustSize()  # a window does not grow for a wrapped label on its own


@dataclass(frozen=True)
class AppointmentDraft:
    summary: str
    start: datetime
    end: datetime
    all_day: bool = False
    weekly: bool = False
    room_id: str = ""


class AppointmentDialog(QDialog):
    """Title, day, time (or all day), weekly, and a virtual room whose "Beitreten" walks there."""

    chosen = Signal(object)  # AppointmentDraft

    def __init__(self, rooms: list[tuple[str, str]], existing: Appointment | None = None,
                 parent: QWidget | None = None, now: datetime | None = None) -> None:
        super().__init__(parent)
        self._now = now or datetime.now(OFFICE_TZ)
        self.setWindowTitle(self.tr("Termin bearbeiten") if existing else self.tr("Neuer Termin"))
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.all_day = QCheckBox(self.tr("Ganztägig"))
        self.begin = QTimeEdit()
        self.finish = QTimeEdit()
        for edit in (self.begin, self.finish):
            edit.setDisplayFormat("HH:mm")
        self.weekly = QCheckBox(self.tr("Jede Woche"))
        self.room = QComboBox()
        self.room.addItem(self.tr("(kein virtueller Raum)"), "")
        for room_id, name in sorted(rooms, key=lambda r: r[1]):
            self.room.addItem(name, room_id)
        self.problem = problem_label()
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Titel"), self.title)
        form.addRow(self.tr("Tag"), self.day)
        form.addRow("", self.all_day)
        form.addRow(self.tr("Von"), self.begin)
        form.addRow(self.tr("Bis"), self.finish)
        form.addRow(self.tr("Raum"), self.room)
        form.addRow("", self.weekly)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.all_day.toggled.connect(lambda on: (self.begin.setEnabled(not on), self.finish.setEnabled(not on)))
        self._fill(existing)

    def _fill(self, existing: Appointment | None) -> None:
        start = existing.start if existing else (self._now + timedelta(hours=1)).replace(minute=0)
        end = existing.end if existing else start + timedelta(hours=1)
        self.title.setText(existing.summary if existing else "")
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.begin.setTime(QTime(start.hour, start.minute))
        self.finish.setTime(QTime(end.hour, end.minute))
        self.all_day.setChecked(bool(existing and existing.all_day))
        self.weekly.setVisible(existing is None)  # a series is changed as a whole, not turned into one
        if existing and existing.room_id:
            index = self.room.findData(existing.room_id)
            self.room.setCurrentIndex(max(0, index))

    def draft(self) -> AppointmentDraft:
        """What the form says; raises ValueError with a German message when it cannot be an appointment."""
        summary = self.title.text().strip()
        if not summary:
            raise ValueError(self.tr("Bitte geben Sie dem Termin einen Titel."))
        qd = self.day.date()
        day = date(qd.year(), qd.month(), qd.day())
        if self.all_day.isChecked():
            start = datetime.combine(day, time(0), OFFICE_TZ)
            end = start + timedelta(days=1)
        else:
            b, f = self.begin.time(), self.finish.time()
            start = datetime.combine(day, time(b.hour(), b.minute()), OFFICE_TZ)
            end = datetime.combine(day, time(f.hour(), f.minute()), OFFICE_TZ)
            if end <= start:
                raise ValueError(self.tr("Das Ende muss nach dem Beginn liegen."))
        return AppointmentDraft(summary, start, end, self.all_day.isChecked(),
                                self.weekly.isVisible() and self.weekly.isChecked(), self.room.currentData() or "")

    def check(self) -> None:
        try:
            draft = self.draft()
        except ValueError as exc:
            say(self, self.problem, str(exc))
            return
        self.chosen.emit(draft)
        self.accept()


class AccountDialog(QDialog):
    """Kalenderkonto: address (fixed when IT set it), user, password. The caller tries it and either
    closes the dialog or shows the server's answer in it."""

    submitted = Signal(str, str, str)

    def __init__(self, url: str, user: str, url_locked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kalenderkonto"))
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("https://kalender.example.de/dav/")
        self.url.setReadOnly(url_locked)
        if url_locked:
            self.url.setToolTip(self.tr("Von Ihrer IT-Abteilung festgelegt"))
        self.user = QLineEdit(user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # Wide enough to read a whole address (``https://kalender.example.de/remote.php/dav/``).
        self.url.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 44)
        self.problem = problem_label()
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Adresse (CalDAV)"), self.url)
        form.addRow(self.tr("Benutzername"), self.user)
        form.addRow(self.tr("Passwort"), self.password)
        form.addRow(self.problem)
        form.addRow(self.buttons)

    def _submit(self) -> None:
        say(self, self.problem, self.tr("Verbindung wird geprüft …"))
        self.buttons.setEnabled(False)
        self.submitted.emit(self.url.text(), self.user.text(), self.password.text())

    def failed(self, message: str) -> None:
        say(self, self.problem, message)
        self.buttons.setEnabled(True)
