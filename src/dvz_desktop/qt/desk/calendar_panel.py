"""Kalender: today's or this week's appointments from the CalDAV account, "Beitreten" for appointments
with a virtual room, reminders in the tray, and the last agenda with its time when offline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.core.meeting_status import in_appointment
from dvz_desktop.services.calendar import OFFICE_TZ, Appointment, CalendarClient, CalendarError

from .calendar_dialogs import AccountDialog, AppointmentDialog, AppointmentDraft

REFRESH_MS = 5 * 60 * 1000
REMIND_BEFORE = timedelta(minutes=5)
WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


class CalendarPanel(QWidget):
    #: The appointments shown changed (fetched, or the last agenda when offline).
    agendaChanged = Signal()

    def __init__(self, run: Callable[[object], object], join_room: Callable[[str], None],
                 notify: Callable[[str, str], None], room_name: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self._join_room = join_room
        self._notify = notify
        self._room_name = room_name
        self.client: CalendarClient | None = None
        self.appointments: list[Appointment] = []
        self._reminded: set[tuple[str, datetime]] = set()
        self.week = False
        self.today_button = QPushButton(self.tr("Heute"))
        self.week_button = QPushButton(self.tr("Woche"))
        self.today_button.clicked.connect(lambda: self.show_range(week=False))
        self.week_button.clicked.connect(lambda: self.show_range(week=True))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Termine"))
        self.list.itemActivated.connect(self._activated)
        self.join = QPushButton(self.tr("Beitreten"))
        self.join.setAccessibleName(self.tr("Dem virtuellen Raum des Termins beitreten"))
        self.join.clicked.connect(lambda: self.list.currentItem() and self._activated(self.list.currentItem()))
        self.new_button = QPushButton(self.tr("Neu …"))
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.edit_button = QPushButton(self.tr("Ändern …"))
        self.edit_button.clicked.connect(lambda: self.edit(self.selected()))
        self.delete_button = QPushButton(self.tr("Löschen"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.account_button = QPushButton(self.tr("Konto …"))
        self.account_button.setAccessibleName(self.tr("Kalenderkonto einrichten"))
        self.account_button.clicked.connect(self.edit_account)
        #: Set by the desktop: the rooms an appointment can take, and the account behind the panel.
        self.rooms: Callable[[], list[tuple[str, str]]] = list
        self.account: object = None
        #: Told every half minute whether an appointment is going on now ("in Besprechung").
        self.busy_now: Callable[[bool], None] | None = None
        self.status = QLabel(self.tr("Kein Kalenderkonto eingerichtet."))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Kalenderstatus"))
        row = QHBoxLayout()
        row.addWidget(self.today_button)
        row.addWidget(self.week_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.join)
        edits = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button, self.account_button):
            edits.addWidget(button)
        layout.addLayout(edits)
        layout.addWidget(self.status)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._remind_timer = QTimer(self)
        self._remind_timer.setInterval(30_000)
        self._remind_timer.timeout.connect(self.remind)

    def set_client(self, client: CalendarClient | None) -> None:
        self.client = client
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setEnabled(client is not None)
        if client is None:
            self.status.setText(self.tr("Kein Kalenderkonto eingerichtet."))
            return
        self._refresh_timer.start()
        self._remind_timer.start()
        self.refresh()

    def show_range(self, week: bool) -> None:
        self.week = week
        self.refresh()

    def _range(self) -> tuple[datetime, datetime]:
        today = datetime.now(OFFICE_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
        if self.week:
            monday = today - timedelta(days=today.weekday())
            return monday, monday + timedelta(days=7)
        return today, today + timedelta(days=1)

    def refresh(self) -> None:
        if self.client is not None:
            self._run(self._load())

    async def _load(self) -> None:
        assert self.client is not None
        start, end = self._range()
        try:
            self.appointments = await self.client.agenda(start, end)
            self.status.setText("")
        except CalendarError as exc:
            cached, stand = self.client.cached()
            self.appointments = [a for a in cached if a.end > start and a.start < end]
            when = f"{stand.astimezone(OFFICE_TZ):%H:%M}" if stand else "–"
            self.status.setText(f"{exc} " + self.tr("Stand: %1").replace("%1", when))
        self._show()

    def _show(self) -> None:
        self.list.clear()
        for appointment in self.appointments:
            day = WEEKDAYS[appointment.start.weekday()] if self.week else ""
            when = self.tr("ganztägig") if appointment.all_day else \
                f"{appointment.start:%H:%M}–{appointment.end:%H:%M}"
            room = f" · {self._room_name(appointment.room_id)}" if appointment.room_id else ""
            item = QListWidgetItem(" ".join(x for x in (day, when, appointment.summary) if x) + room)
            item.setData(Qt.ItemDataRole.UserRole, appointment.room_id)
            self.list.addItem(item)
        self.agendaChanged.emit()

    def selected(self) -> Appointment | None:
        row = self.list.currentRow()
        return self.appointments[row] if 0 <= row < len(self.appointments) else None

    # --- creating, changing, deleting ---

    def edit(self, existing: Appointment | None) -> AppointmentDialog | None:
        """Open the appointment form (``None``: a new appointment)."""
        if self.client is None:
            return None
        dialog = AppointmentDialog(self.rooms(), existing, self)
        dialog.chosen.connect(lambda draft: self._run(self._save(draft, existing)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def _save(self, draft: AppointmentDraft, existing: Appointment | None) -> None:
        assert self.client is not None
        try:
            if existing is None:
                await self.client.create(draft.summary, draft.start, draft.end, draft.room_id or None,
                                         weekly=draft.weekly, all_day=draft.all_day)
            else:
                await self.client.update(existing.uid, draft.summary, draft.start, draft.end, draft.room_id)
        except CalendarError as exc:
            self.status.setText(str(exc))
            return
        await self._load()

    def delete_selected(self) -> None:
        appointment = self.selected()
        if appointment is None or self.client is None:
            return
        series = self.tr(" (alle Termine der Serie)") if appointment.recurring else ""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Termin löschen"),
                          self.tr("„%1“ löschen?").replace("%1", appointment.summary) + series,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.accepted.connect(lambda: self._run(self._delete(appointment.uid)))
        box.finished.connect(box.deleteLater)
        box.open()

    async def _delete(self, uid: str) -> None:
        assert self.client is not None
        try:
            await self.client.delete(uid)
        except CalendarError as exc:
            self.status.setText(str(exc))
            return
        await self._load()

    def edit_account(self) -> AccountDialog | None:
        account = self.account
        if account is None:
            return None
        dialog = AccountDialog(account.url, account.user, bool(account.policy_url), self)  # type: ignore[attr-defined]
        dialog.submitted.connect(lambda url, user, password: self._run(self._connect(dialog, url, user, password)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def _connect(self, dialog: AccountDialog, url: str, user: str, password: str) -> None:
        try:
            client, note = await self.account.connect(url, user, password)  # type: ignore[attr-defined]
        except CalendarError as exc:
            dialog.failed(str(exc))
            return
        dialog.accept()
        self.set_client(client)
        if note:
            self.status.setText(note)

    def _activated(self, item: QListWidgetItem) -> None:
        room_id = item.data(Qt.ItemDataRole.UserRole)
        if room_id:
            self._join_room(room_id)

    def remind(self, now: datetime | None = None) -> None:
        """A tray notice five minutes before an appointment (once per appointment)."""
        now = now or datetime.now(OFFICE_TZ)
        if self.busy_now is not None:
            self.busy_now(in_appointment(now, ((a.start, a.end, a.all_day) for a in self.appointments)))
        for appointment in self.appointments:
            key = (appointment.uid, appointment.start)
            if not appointment.all_day and key not in self._reminded and \
                    timedelta(0) <= appointment.start - now <= REMIND_BEFORE:
                self._reminded.add(key)
                where = f" ({self._room_name(appointment.room_id)})" if appointment.room_id else ""
                self._notify(self.tr("Gleich: %1").replace("%1", appointment.summary),
                             f"{appointment.start:%H:%M}{where}")
