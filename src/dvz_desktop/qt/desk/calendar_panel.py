"""Kalender: today's or this week's appointments from the CalDAV account, "Beitreten" for appointments
with a virtual room, reminders in the tray, and the last agenda with its time when offline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from dvz_desktop.services.calendar import OFFICE_TZ, Appointment, CalendarClient, CalendarError

REFRESH_MS = 5 * 60 * 1000
REMIND_BEFORE = timedelta(minutes=5)
WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")


class CalendarPanel(QWidget):
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
        layout.addWidget(self.status)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._remind_timer = QTimer(self)
        self._remind_timer.setInterval(30_000)
        self._remind_timer.timeout.connect(self.remind)

    def set_client(self, client: CalendarClient | None) -> None:
        self.client = client
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

    def _activated(self, item: QListWidgetItem) -> None:
        room_id = item.data(Qt.ItemDataRole.UserRole)
        if room_id:
            self._join_room(room_id)

    def remind(self, now: datetime | None = None) -> None:
        """A tray notice five minutes before an appointment (once per appointment)."""
        now = now or datetime.now(OFFICE_TZ)
        for appointment in self.appointments:
            key = (appointment.uid, appointment.start)
            if not appointment.all_day and key not in self._reminded and \
                    timedelta(0) <= appointment.start - now <= REMIND_BEFORE:
                self._reminded.add(key)
                where = f" ({self._room_name(appointment.room_id)})" if appointment.room_id else ""
                self._notify(self.tr("Gleich: %1").replace("%1", appointment.summary),
                             f"{appointment.start:%H:%M}{where}")
