"""The tray icon: own status as the icon, who of my unit is in, status changes, arrival notices."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from dvz_desktop.protocol import Status

from ..labels import status_label
from ..plain import notice_body, plain_action_text
from ..status_badge import paint_status_badge, status_icon
from .status_menu import StatusMenu

if TYPE_CHECKING:  # the office model (and with it the message models) is loaded after the window is shown
    from dvz_desktop.core.office import OfficeModel

APP_ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "dvz.png"


_ICONS: dict[tuple[Status, int], QIcon] = {}


def tray_icon(status: Status, size: int = 32) -> QIcon:
    """The app icon with a dot in the colour of my status, as people know it from messengers (drawn once
    per status: the tray asks again whenever my status may have changed)."""
    icon = _ICONS.get((status, size))
    if icon is None:
        icon = _ICONS[(status, size)] = _draw_tray_icon(status, size)
    return icon


def _draw_tray_icon(status: Status, size: int) -> QIcon:
    base = QPixmap(str(APP_ICON)).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation)
    if base.isNull():
        return status_icon(status, size)
    painter = QPainter(base)
    dot = size * 0.5
    paint_status_badge(painter, QPointF(size - dot / 2 - 0.5, size - dot / 2 - 0.5), dot, status)
    painter.end()
    return QIcon(base)


def notification_server_reads_markup() -> bool:
    """Whether Qt hands tray notices to a freedesktop notification server that renders markup.

    Qt on Linux uses D-Bus notifications when a StatusNotifier host runs (KDE, GNOME with the
    AppIndicator extension); otherwise it shows its own balloon, which is plain text, like Windows.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    watcher = QDBusInterface("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                             "org.kde.StatusNotifierWatcher", bus)
    if not watcher.isValid() or not watcher.property("IsStatusNotifierHostRegistered"):
        return False
    server = QDBusInterface("org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                            "org.freedesktop.Notifications", bus)
    server.setTimeout(500)  # asked once; a hanging bus must not hang the window
    reply = server.call("GetCapabilities")
    capabilities = reply.arguments()[0] if reply.arguments() else []
    return "body-markup" in (capabilities or [])


class Tray(QObject):
    showWindowRequested = Signal()
    quitRequested = Signal()
    #: "Abmelden": end the session (and the organisation's sign-on), back to the login.
    logoutRequested = Signal()

    def __init__(self, status_menu: StatusMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(tray_icon(Status.OFFLINE), self)
        self.menu = QMenu()
        self.menu.setAccessibleName(self.tr("DVZ Desktop"))
        open_action = QAction(self.tr("DVZ Desktop öffnen"), self.menu)
        open_action.triggered.connect(self.showWindowRequested)
        self.menu.addAction(open_action)
        self.menu.addMenu(status_menu)
        self.unread = 0
        self.unread_action = QAction(self.tr("Keine ungelesenen Nachrichten"), self.menu)
        self.unread_action.triggered.connect(self.showWindowRequested)
        self.menu.addAction(self.unread_action)
        self.waiting = 0
        self.waiting_action = QAction("", self.menu)
        self.waiting_action.setVisible(False)
        self.waiting_action.triggered.connect(self.showWindowRequested)
        self.menu.addAction(self.waiting_action)
        self.menu.addSeparator()
        self.present_header = QAction(self.tr("Aus meiner Einheit da:"), self.menu)
        self.present_header.setEnabled(False)
        self.menu.addAction(self.present_header)
        self._present_actions: list[QAction] = []
        self._end_separator = self.menu.addSeparator()
        self.logout_action = QAction(self.tr("Abmelden"), self.menu)
        self.logout_action.triggered.connect(self.logoutRequested)
        self.menu.addAction(self.logout_action)
        quit_action = QAction(self.tr("Beenden"), self.menu)
        quit_action.triggered.connect(self.quitRequested)
        self.menu.addAction(quit_action)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self._connected = False
        self._icon_status: Status | None = None
        #: The office model the "Aus meiner Einheit da" entries were made from, and whose presence they show.
        self._entries_from: OfficeModel | None = None
        self._entries_watch: set[str] = set()
        self._entries: list[tuple[str, Status | None]] = []
        self._tooltip_status = self.tr("Nicht verbunden")
        self.icon.setToolTip(self.tr("DVZ Desktop – nicht verbunden"))

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        if self.available():
            self.icon.show()

    def update_from(self, model: OfficeModel, connected: bool, changed: set[str] | None = None) -> None:
        """Show my status and who of my unit is in. ``changed``: only these people's presence changed
        (a burst of thousands of others then costs nothing here); None: anything may have changed."""
        me = model.presence_of(model.me)
        shown = me.status if connected else Status.OFFLINE
        if shown is not self._icon_status:
            self.icon.setIcon(tray_icon(shown))
            self._icon_status = shown
        state = status_label(me.status) if connected else self.tr("Verbindung unterbrochen")
        unread = f"\n{self.unread_action.text()}" if self.unread else ""
        person = model.people.get(model.me)
        organisation = model.organisations.get(person.org_id) if person else None
        office = f"\n{organisation.name}" if organisation else ""  # whose office this is (several accounts)
        tooltip = self.tr("DVZ Desktop – %1").replace("%1", state) + office + unread
        if self.icon.toolTip() != tooltip:
            self.icon.setToolTip(tooltip)
        if changed is not None and model is self._entries_from and self._entries_watch.isdisjoint(changed):
            return
        self._entries_from, self._entries_watch = model, model.unit_of_me()
        self._show_present(model)

    def _show_present(self, model: OfficeModel) -> None:
        colleagues = model.unit_colleagues_present()
        entries: list[tuple[str, Status | None]]
        if not colleagues:
            entries = [(self.tr("niemand"), None)]
        else:
            coffee = self.tr(" · Lust auf Kaffee")
            entries = [((f"{p.display_name} – {status_label(model.presence_of(p.id).status)}"
                         f"{coffee if model.presence_of(p.id).coffee else ''}"),
                        model.presence_of(p.id).status) for p in colleagues]
        if entries == self._entries:
            return  # a colleague walked to another room: the menu says the same
        self._entries = entries
        for action in self._present_actions:
            self.menu.removeAction(action)
            action.deleteLater()
        self._present_actions = []
        for text, status in entries:
            action = QAction(plain_action_text(text), self.menu)
            if status is not None:
                action.setIcon(status_icon(status))
            action.setEnabled(status is not None)
            self.menu.insertAction(self._end_separator, action)
            self._present_actions.append(action)

    def set_unread(self, count: int) -> None:
        """Unread chat messages: in the tooltip, and as an entry that opens the window."""
        self.unread = count
        self.unread_action.setText(self.tr("%n ungelesene Nachricht", "", count) if count
                                   else self.tr("Keine ungelesenen Nachrichten"))
        tooltip = self.icon.toolTip().split("\n")[0]
        self.icon.setToolTip(tooltip + (f"\n{self.unread_action.text()}" if count else ""))

    def set_waiting(self, count: int) -> None:
        """Guests waiting at my desks of the digital door ("3 warten"), in the tooltip and the menu."""
        self.waiting = count
        before = self.waiting_action.text()
        text = self.tr("%n Person wartet an der digitalen Tür", "", count) if count else ""
        self.waiting_action.setText(text)
        self.waiting_action.setVisible(bool(count))
        lines = [line for line in self.icon.toolTip().split("\n") if not before or line != before]
        self.icon.setToolTip("\n".join(lines + ([text] if count else [])))

    def present_entries(self) -> list[str]:
        return [a.text() for a in self._present_actions]

    #: Whether notices reach a notification server that renders markup in their body (asked on first use).
    notices_read_markup: bool | None = None

    def notify(self, title: str, message: str) -> None:
        if self.available() and QSystemTrayIcon.supportsMessages():
            if self.notices_read_markup is None:
                self.notices_read_markup = notification_server_reads_markup()
            self.icon.showMessage(title, notice_body(message, self.notices_read_markup), QIcon(), 8000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.showWindowRequested.emit()
