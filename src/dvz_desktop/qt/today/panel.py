"""Heute: what the day holds at a glance — the next appointments, unread messages, missed knocks and
messages left at the door. Each line leads where the thing is (the appointment's room, the chat, the
list of missed things). Cancelled appointments and declined invitations are not among the next
appointments; without a calendar it invites to connect one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from dvz_desktop.core.appointments import on_day, takes_place_for_me
from dvz_desktop.core.clock import Clock, SystemClock
from dvz_desktop.protocol import InboxItem, InboxKind
from dvz_desktop.services.calendar import OFFICE_TZ, Appointment

from ..calendar.rows import marked, words
from ..icons import icon
from ..shell import theme

#: Appointments shown ahead.
NEXT_APPOINTMENTS = 3


class TodayPanel(QWidget):
    roomRequested = Signal(str)
    chatRequested = Signal(str)
    inboxRequested = Signal()
    #: "Noch kein Kalender verbunden" was chosen: set up the calendar account.
    calendarRequested = Signal()
    #: "Wer ist heute da" and "Kurze Fragen" (the lists behind them open as dialogs).
    morningRequested = Signal()
    questionsRequested = Signal()

    def __init__(self, room_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._room_name = room_name
        self.clock: Clock = SystemClock()
        self.appointments: list[Appointment] = []
        self.calendar_connected = False
        self.unread: list[tuple[str, str, int]] = []  # conversation, what it is, count
        self.inbox: list[InboxItem] = []
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Heute"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.morning_button = QPushButton(self.tr("Wer ist heute da"))
        self.morning_button.setShortcut(QKeySequence("Ctrl+D"))
        self.morning_button.clicked.connect(self.morningRequested)
        self.inbox_button = QPushButton(self.tr("Verpasst"))
        self.inbox_button.clicked.connect(self.inboxRequested)
        self.questions_button = QPushButton(self.tr("Kurze Fragen"))
        self.questions_button.clicked.connect(self.questionsRequested)
        buttons = QVBoxLayout()  # one under the other: each says in full what it opens
        buttons.setSpacing(4)
        ink = theme.current().text
        for button, icon_name in ((self.morning_button, "users"), (self.inbox_button, "inbox"),
                                  (self.questions_button, "message-circle-question")):
            button.setAccessibleName(button.text())
            button.setIcon(icon(icon_name, ink))
            button.setStyleSheet("text-align: left; padding-left: 10px;")
            buttons.addWidget(button)
        self.heading.setObjectName("panelTitle")
        self.heading.setStyleSheet("font-size: 11pt;")
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._minute = QTimer(self)  # appointments that are over drop off
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(lambda: self.refresh())
        self._minute.start()
        self.refresh()

    def set_appointments(self, appointments: list[Appointment], connected: bool = True) -> None:
        self.appointments = appointments
        self.calendar_connected = connected
        self.refresh()

    def set_unread(self, unread: list[tuple[str, str, int]]) -> None:
        self.unread = unread
        self.refresh()

    def set_inbox_count(self, count: int) -> None:
        text = self.tr("Verpasst (%1)").replace("%1", str(count)) if count else self.tr("Verpasst")
        self.inbox_button.setText(text)
        self.inbox_button.setAccessibleName(text)

    def set_inbox(self, items: list[InboxItem]) -> None:
        self.inbox = items
        self.refresh()

    def refresh(self, now: datetime | None = None) -> None:
        now = now or self.clock.now().astimezone(OFFICE_TZ)
        self.heading.setText(self.tr("Heute, %1").replace("%1", f"{now:%d.%m.%Y}"))
        self.list.clear()
        coming = [a for a in self.appointments if a.end > now and on_day(a, now.date()) and takes_place_for_me(a)]
        self._section(self.tr("Nächste Termine"))
        said = words()
        for appointment in coming[:NEXT_APPOINTMENTS]:
            when = self.tr("ganztägig") if appointment.all_day else f"{appointment.start:%H:%M}"
            room = f" · {self._room_name(appointment.room_id)}" if appointment.room_id else ""
            self._line(f"{when} {appointment.summary}{marked(appointment, said)}{room}",
                       ("room", appointment.room_id or ""))
        if not coming and not self.calendar_connected and not self.appointments:
            self._line(self.tr("Noch kein Kalender verbunden – hier einrichten."), ("calendar", ""))
        elif not coming:
            self._line(self.tr("Keine Termine mehr heute."), None)
        self._section(self.tr("Ungelesene Nachrichten"))
        for conv_id, what, count in self.unread:
            self._line(self.tr("%1 ungelesen: %2").replace("%1", str(count)).replace("%2", what), ("chat", conv_id))
        if not self.unread:
            self._line(self.tr("Alles gelesen."), None)
        self._section(self.tr("Verpasst"))
        knocks = sum(1 for i in self.inbox if i.kind is InboxKind.MISSED_KNOCK)
        messages = sum(1 for i in self.inbox if i.kind is InboxKind.DOOR_MESSAGE)
        handed = sum(1 for i in self.inbox if i.kind is InboxKind.HANDOVER)
        requests = sum(1 for i in self.inbox if i.kind is InboxKind.GUEST_REQUEST)
        callbacks = sum(1 for i in self.inbox if i.kind is InboxKind.CALLBACK)
        for count, text in ((knocks, self.tr("%1 × angeklopft, als Sie nicht da waren")),
                            (messages, self.tr("%n Nachricht an der Tür", "", messages)),
                            (handed, self.tr("%1 × von Ihrer Vertretung erledigt")),
                            (requests, self.tr("%n Anfrage an der digitalen Tür", "", requests)),
                            (callbacks, self.tr("%n Rückruf zu erledigen", "", callbacks))):
            if count:
                self._line(text.replace("%1", str(count)), ("inbox", ""))
        if not self.inbox:
            self._line(self.tr("Nichts verpasst."), None)

    def _section(self, title: str) -> None:
        item = QListWidgetItem(title)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        if self.list.count():
            item.setSizeHint(QSize(0, 40))  # a little air above every section but the first
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.list.addItem(item)

    def _line(self, text: str, target: tuple[str, str] | None) -> None:
        item = QListWidgetItem("   " + text)
        item.setData(Qt.ItemDataRole.UserRole, target)
        if target is None:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.list.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if not target:
            return
        kind, key = target
        if kind == "room" and key:
            self.roomRequested.emit(key)
        elif kind == "chat":
            self.chatRequested.emit(key)
        elif kind == "inbox":
            self.inboxRequested.emit()
        elif kind == "calendar":
            self.calendarRequested.emit()
