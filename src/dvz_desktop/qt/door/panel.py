"""Digitale Tür: who waits at my desks, admitting the next or a chosen guest, and the visit itself —
the guest's video, the chat, and ending, handing over or noting a callback. Guest text is shown as
plain text only."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.services.door import DoorClient
from dvz_desktop.services.session import SessionError

from ..calls.tile import VideoTile
from ..icons import icon
from ..lifetime import while_alive
from ..plain import plain_action_text
from ..shell import theme


class DoorPanel(QWidget):
    def __init__(self, door: DoorClient, run: Callable[[Coroutine[Any, Any, Any]], object],
                 report: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.door = door
        self._run = run
        self._report = report
        self.current: str | None = None  # the visit I am in
        self.queue = QListWidget()
        self.queue.setAccessibleName(self.tr("Warteschlange"))
        # A guest's line (name, concern, since when) wraps in the narrow panel instead of running off it.
        self.queue.setWordWrap(True)
        self.queue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queue.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.admit_next = QPushButton(self.tr("Nächsten hereinbitten"))
        self.admit_next.clicked.connect(self.admit_first)
        self.admit_chosen = QPushButton(self.tr("Ausgewählten hereinbitten"))
        self.admit_chosen.clicked.connect(self.admit_selected)
        #: The empty state says what will happen, so an empty list does not look broken.
        self.empty_hint = QLabel(self.tr(
            "Wer über die Website Ihrer Verwaltung an die Digitale Tür kommt, erscheint hier. Solange "
            "jemand wartet, zeigen der Raum auf dem Plan und das Symbol im Infobereich, wie viele es sind."))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("muted")
        self.visit_title = QLabel()
        self.visit_title.setTextFormat(Qt.TextFormat.PlainText)
        self.visit_title.setWordWrap(True)
        self.video = VideoTile(self.tr("Gast"))
        self.video.setAccessibleName(self.tr("Video des Gastes"))
        self.lines = QListWidget()
        self.lines.setAccessibleName(self.tr("Chat mit dem Gast"))
        self.lines.setWordWrap(True)
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("Nachricht an den Gast …"))
        self.input.returnPressed.connect(self.send)
        self.end_button = QPushButton(self.tr("Beenden"))
        self.end_button.clicked.connect(lambda: self._visit_command(self.door.end))
        self.hand_over_button = QPushButton(self.tr("Übergeben …"))
        self.hand_over_button.clicked.connect(self._hand_over_menu)
        self.callback_button = QPushButton(self.tr("Als Rückruf notieren"))
        self.callback_button.clicked.connect(lambda: self._visit_command(self.door.to_callback))
        t = theme.current()
        self.admit_next.setProperty("primary", True)
        self.admit_next.setIcon(icon("door-open", t.on_accent, disabled_color=t.text_muted))
        self.end_button.setIcon(icon("phone-off", t.danger))
        self.hand_over_button.setIcon(icon("phone-forwarded", t.text))
        self.callback_button.setIcon(icon("notebook-pen", t.text))
        buttons = QVBoxLayout()  # one under the other: a side panel is narrow, no label is cut
        buttons.setSpacing(6)
        for button in (self.admit_next, self.admit_chosen):
            buttons.addWidget(button)
        visit_buttons = QHBoxLayout()
        visit_buttons.setSpacing(6)
        for button in (self.end_button, self.hand_over_button):
            visit_buttons.addWidget(button)
        self.visit_title.setStyleSheet("font-weight: 600;")
        self.visit_box = QWidget()
        visit = QVBoxLayout(self.visit_box)
        visit.setContentsMargins(0, 0, 0, 0)
        visit.setSpacing(6)
        visit.addWidget(self.visit_title)
        visit.addWidget(self.video, 3)
        visit.addWidget(self.lines, 2)
        visit.addWidget(self.input)
        visit.addLayout(visit_buttons)
        visit.addWidget(self.callback_button)
        self.queue_box = QWidget()
        queue = QVBoxLayout(self.queue_box)
        queue.setContentsMargins(0, 0, 0, 0)
        queue.setSpacing(6)
        queue.addWidget(self.queue, 1)
        queue.addWidget(self.empty_hint)
        queue.addStretch(0)  # takes the room when the list is short (nobody waits): the hint stays under it
        queue.addLayout(buttons)
        self._queue_layout = queue
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 12)
        layout.setSpacing(10)
        layout.addWidget(self.queue_box, 1)
        layout.addWidget(self.visit_box, 4)
        self.visit_box.hide()
        self.menu: QMenu | None = None
        #: (guest name, admit) -> None: asks first when another conversation is live (the switchboard).
        self.before_admit: Callable[[str, Callable[[], Coroutine[Any, Any, None]]], None] = (
            lambda _guest, admit: self._run(admit()))
        door.queue_changed.connect(while_alive(self, lambda _: self.refresh_queue()))
        door.visit_changed.connect(while_alive(self, self._visit_changed))
        door.frame_received.connect(while_alive(self, self._frame))
        door.failed.connect(while_alive(self, report))
        self.refresh_queue()

    # --- the queue ---

    def refresh_queue(self) -> None:
        self.queue.clear()
        for desk_id, queue in sorted(self.door.queues.items(), key=lambda kv: kv[1].desk.name):
            waiting = queue.desk.waiting
            header = QListWidgetItem((self.tr("%1 – %n Person wartet", "", waiting) if waiting
                                      else self.tr("%1 – niemand wartet")).replace("%1", queue.desk.name))
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            header.setData(Qt.ItemDataRole.UserRole, (desk_id, None))
            self.queue.addItem(header)
            for guest in queue.guests:
                if guest.clerk_id is not None:
                    continue  # being seen already
                concern = f" – {guest.concern}" if guest.concern else ""
                item = QListWidgetItem(f"   {guest.position}. {guest.name}{concern} "
                                       + self.tr("(seit %1)").replace("%1", f"{guest.since.astimezone():%H:%M}"))
                item.setData(Qt.ItemDataRole.UserRole, (desk_id, guest.visit_id))
                self.queue.addItem(item)
        waiting = self.door.waiting()
        nobody = waiting == 0 and self.current is None
        self.empty_hint.setVisible(nobody)
        # Before the list is first shown its rows have no size yet: the font gives a floor.
        row = max(self.queue.sizeHintForRow(0), self.queue.fontMetrics().height() + 10)
        rows = row * self.queue.count()
        self.queue.setMaximumHeight(rows + 2 * self.queue.frameWidth() + 8 if nobody else 16777215)
        self._queue_layout.setStretch(2, 1 if nobody else 0)
        self.admit_next.setEnabled(waiting > 0 and self.current is None)
        self.admit_chosen.setEnabled(waiting > 0 and self.current is None)

    def admit_first(self) -> None:
        chosen = self.queue.currentItem()
        desk_id = chosen.data(Qt.ItemDataRole.UserRole)[0] if chosen else None
        if desk_id is None or not self.door.queues[desk_id].desk.waiting:
            desk_id = next((d for d, q in self.door.queues.items() if q.desk.waiting), None)
        if desk_id is not None:
            queue = self.door.queues[desk_id]
            first = next((g for g in queue.guests if g.clerk_id is None), None)
            self.before_admit(first.name if first else self.tr("den nächsten Gast"), lambda: self._admit(desk_id, None))

    def admit_selected(self) -> None:
        chosen = self.queue.currentItem()
        if chosen is not None:
            desk_id, visit_id = chosen.data(Qt.ItemDataRole.UserRole)
            guest = next((g for g in self.door.queues[desk_id].guests if g.visit_id == visit_id), None)
            self.before_admit(guest.name if guest else self.tr("den nächsten Gast"),
                              lambda: self._admit(desk_id, visit_id))

    async def _admit(self, desk_id: str, visit_id: str | None) -> None:
        try:
            self.current = await self.door.admit(desk_id, visit_id)
        except SessionError as exc:
            self._report(exc.message)
            return
        self._visit_changed(self.current)

    # --- the visit ---

    def _visit_changed(self, visit_id: str) -> None:
        if visit_id != self.current:
            return
        visit = self.door.visits.get(visit_id)
        if visit is None or visit.ended:
            self.current = None
            self.visit_box.hide()
            self.queue_box.setMaximumHeight(16777215)
            self.refresh_queue()
            return
        self.visit_box.show()
        self.queue_box.setMaximumHeight(170)  # the visit gets the room; the queue stays in view above it
        if self.video.name != visit.guest_name:
            self.video.name = self.video.avatar_name = visit.guest_name  # the guest's face, or their initials
            self.video.update()
        concern = f"\n{visit.concern}" if visit.concern else ""
        self.visit_title.setText(self.tr("Besuch: %1").replace("%1", visit.guest_name) + concern)
        self.lines.clear()
        for sender, body, at in visit.lines:
            who = self.tr("Gast") if sender == "guest" else self.tr("Ich")
            self.lines.addItem(f"{at.astimezone():%H:%M} {who}: {body}")  # a list item shows text, never markup
        self.lines.scrollToBottom()
        self.refresh_queue()

    def send(self) -> None:
        text = self.input.text().strip()
        if text and self.current:
            self.input.clear()
            self._run(self.door.say(self.current, text))

    def _visit_command(self, command: Callable[[str], Coroutine[Any, Any, None]]) -> None:
        if self.current is not None:
            self._run(command(self.current))

    def _hand_over_menu(self) -> None:
        if self.current is None:
            return
        visit = self.door.visits[self.current]
        menu = QMenu(self)
        menu.addAction(self.tr("Zurück in die Warteschlange (für Kolleginnen und Kollegen)")).triggered.connect(
            lambda: self._visit_command(self.door.hand_over))
        for desk_id, queue in self.door.queues.items():
            if desk_id != visit.desk_id:
                menu.addAction(self.tr("An %1").replace("%1", plain_action_text(queue.desk.name))).triggered.connect(
                    lambda _=False, d=desk_id: self._visit_command(lambda v: self.door.hand_over(v, d)))
        self.menu = menu
        menu.popup(self.hand_over_button.mapToGlobal(self.hand_over_button.rect().bottomLeft()))

    def _frame(self, item: tuple[str, str, Any]) -> None:
        visit_id, kind, frame = item
        if visit_id == self.current and kind == "video" and self.isVisible():
            self.video.show_frame(frame)
