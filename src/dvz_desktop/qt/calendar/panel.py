"""Kalender: today's or this week's appointments from the CalDAV account, "Beitreten" for appointments
with a virtual room, reminders in the tray, and the last agenda with its time when offline. Without an
account it says so and offers to set one up. Time comes from ``clock`` (tests set it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.core.appointments import busy_at, due_reminder
from dvz_desktop.core.clock import Clock, SystemClock
from dvz_desktop.services.calendar import (
    OFFICE_TZ,
    Appointment,
    CalendarClient,
    CalendarError,
)

from . import rows as calendar_rows
from .dialogs import AccountDialog, AppointmentDialog, AppointmentDraft

REFRESH_MS = 5 * 60 * 1000
#: A reminder this close to the start says "Gleich"; an earlier one names the day.
SOON = timedelta(hours=1)


class CalendarPanel(QWidget):
    #: The appointments shown changed (fetched, or the last agenda when offline).
    agendaChanged = Signal()

    def __init__(self, run: Callable[[object], object], join_room: Callable[[str], None],
                 notify: Callable[[str, str], None], room_name: Callable[[str], str],
                 parent: QWidget | None = None, clock: Clock | None = None) -> None:
        super().__init__(parent)
        self.clock: Clock = clock or SystemClock()
        self._run = run
        self._join_room = join_room
        self._notify = notify
        self._room_name = room_name
        self.client: CalendarClient | None = None
        self.appointments: list[Appointment] = []
        self._reminded: set[tuple[str, datetime, datetime]] = set()
        self.week = False
        #: The last refresh failed (the server is not reachable): an empty list says nothing then.
        self._unavailable = False
        #: Counts the refreshes asked for: only the latest one's answer is shown.
        self._asked = 0
        self.today_button = QPushButton(self.tr("Heute"))
        self.week_button = QPushButton(self.tr("Woche"))
        self.today_button.clicked.connect(lambda: self.show_range(week=False))
        self.week_button.clicked.connect(lambda: self.show_range(week=True))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Termine"))
        # The panel is narrow beside the map: long titles wrap, so "(abgesagt)" at the end stays visible.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(1)
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
        #: Set by the desktop: opens the side panel this panel sits in.
        self.bring_forward: Callable[[], None] = lambda: None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Kalenderstatus"))
        self.empty_title = QLabel()
        self.empty_title.setWordWrap(True)
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        font = self.empty_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty_title.setFont(font)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_text.setAccessibleName(self.tr("Hinweis"))
        self.setup_button = QPushButton(self.tr("Konto einrichten"))
        self.setup_button.setAccessibleName(self.tr("Kalenderkonto einrichten"))
        self.setup_button.clicked.connect(self.edit_account)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(16, 16, 16, 16)
        empty_layout.setSpacing(8)
        empty_layout.addWidget(self.empty_title, 1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.setup_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        #: The list, or what to do when there is nothing in it (no account yet, or no appointments).
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(empty)
        row = QHBoxLayout()
        row.addWidget(self.today_button)
        row.addWidget(self.week_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(row)
        layout.addWidget(self.pages, 1)
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
        self._remind_timer.timeout.connect(lambda: self.remind())
        self._show_empty()

    def now(self) -> datetime:
        return self.clock.now().astimezone(OFFICE_TZ)

    def set_client(self, client: CalendarClient | None) -> None:
        self.client = client
        self._asked += 1  # an answer still coming for the previous account is not shown
        self.status.setText("")
        self._unavailable = False
        self.appointments = []
        self._show()
        if client is None:
            return
        self._refresh_timer.start()
        self._remind_timer.start()
        self.refresh()

    def show_range(self, week: bool) -> None:
        self.week = week
        self.refresh()

    def _range(self) -> tuple[datetime, datetime]:
        today = self.now().replace(hour=0, minute=0, second=0, microsecond=0)
        if self.week:
            monday = today - timedelta(days=today.weekday())
            return monday, monday + timedelta(days=7)
        return today, today + timedelta(days=1)

    def refresh(self) -> None:
        if self.client is not None:
            self._run(self._load())

    def _superseded(self, asked: int) -> bool:
        """A newer refresh was asked for (another range, another account), or the window is gone."""
        return not shiboken6.isValid(self) or asked != self._asked

    async def _load(self) -> None:
        assert self.client is not None
        start, end = self._range()
        client = self.client
        self._asked += 1
        asked = self._asked
        try:
            appointments = await client.agenda(start, end)
        except CalendarError as exc:
            if self._superseded(asked):
                return
            self._unavailable = True
            cached, stand = client.cached()
            self.appointments = [a for a in cached if a.end > start and a.start < end]
            when = f"{stand.astimezone(OFFICE_TZ):%H:%M}" if stand else "–"
            self.status.setText(f"{exc} " + self.tr("Stand: %1").replace("%1", when))
        else:
            if self._superseded(asked):
                return
            self.appointments = appointments
            self.status.setText("")
            self._unavailable = False
        self._show()

    def _show(self) -> None:
        self.list.clear()
        said = calendar_rows.words()
        for appointment in self.appointments:
            item = QListWidgetItem(calendar_rows.line(appointment, self.week, self._room_name, said))
            calendar_rows.style(item, appointment)
            item.setData(Qt.ItemDataRole.UserRole, appointment.room_id)
            self.list.addItem(item)
        self._show_empty()
        self.agendaChanged.emit()

    def _show_empty(self) -> None:
        """Nothing to list: say why and what to do (set up the account, or add an appointment)."""
        if self.client is None:
            title = self.tr("Noch kein Kalender verbunden.")
            text = self.tr("Verbinden Sie Ihren Dienstkalender (CalDAV), dann stehen Ihre Termine hier und Ihr "
                           "Status zeigt während eines Termins „in Besprechung“.")
        elif self._unavailable:
            title = self.tr("Die Termine konnten nicht geladen werden und es gibt keine gespeicherten.")
            text = ""
        else:
            title = self.tr("Keine Termine in dieser Woche.") if self.week else self.tr("Heute keine Termine.")
            text = self.tr("Mit „Neu …“ legen Sie einen Termin an.")
        self.empty_title.setText(title)
        self.empty_text.setText(text)
        self.empty_text.setVisible(bool(text))
        connected = self.client is not None
        # Without an account only the way to one is offered: the rest would do nothing.
        for control in (self.today_button, self.week_button, self.join, self.new_button, self.edit_button,
                        self.delete_button):
            control.setVisible(connected)
        self.setup_button.setVisible(not connected and self.account is not None)
        self.account_button.setVisible(connected and self.account is not None)
        self.pages.setCurrentIndex(1 if not self.appointments else 0)

    def selected(self) -> Appointment | None:
        row = self.list.currentRow()
        return self.appointments[row] if 0 <= row < len(self.appointments) else None

    # --- creating, changing, deleting ---

    def edit(self, existing: Appointment | None) -> AppointmentDialog | None:
        """Open the appointment form (``None``: a new appointment)."""
        if self.client is None:
            return None
        dialog = AppointmentDialog(self.rooms(), existing, self, now=self.now())
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
        self._bring_forward()
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

    def _bring_forward(self) -> None:
        """Asked from elsewhere (Heute): show the Kalender panel, so the account's result is seen."""
        self.bring_forward()

    def _activated(self, item: QListWidgetItem) -> None:
        room_id = item.data(Qt.ItemDataRole.UserRole)
        if room_id:
            self._join_room(room_id)

    def remind(self, now: datetime | None = None) -> None:
        """Every half minute: tell whether a meeting is going on ("in Besprechung"), and show the
        reminders due (the entry's own alarms, else five minutes before; once each)."""
        now = now or self.now()
        if self.busy_now is not None:
            self.busy_now(busy_at(now, self.appointments))
        for appointment in self.appointments:
            due = due_reminder(appointment, now)
            if due is None or (key := (appointment.uid, appointment.start, due)) in self._reminded:
                continue
            self._reminded.add(key)
            self._notify(*self._reminder_text(appointment, now))

    def _reminder_text(self, appointment: Appointment, now: datetime) -> tuple[str, str]:
        where = f" ({self._room_name(appointment.room_id)})" if appointment.room_id else ""
        if appointment.start <= now:
            title = self.tr("Jetzt: %1")
        elif appointment.start - now <= SOON:
            title = self.tr("Gleich: %1")
        else:
            title = self.tr("Termin: %1")
        said = calendar_rows.words()
        when = calendar_rows.times(appointment, said)
        if appointment.start.date() != now.date():
            when = f"{said.weekday(appointment.start)} {appointment.start:%d.%m.} {when}"
        return title.replace("%1", appointment.summary), when + where
