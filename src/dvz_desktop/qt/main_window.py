"""The main window only assembles: map in the middle, people on the left, the building tree on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolButton, QVBoxLayout, QWidget

from dvz_desktop.core.office import OfficeModel

from .behaviour.banners import BannerArea
from .bridge import OfficeBridge
from .labels import status_label
from .map.widget import MapWidget
from .office_tree import OfficeTree
from .people_panel import PeoplePanel
from .plain import plain_label
from .status_badge import status_icon
from .status_menu import StatusMenu


class MainWindow(QMainWindow):
    moveRequested = Signal(str)
    #: The window was closed while no tray can keep the program running.
    closedWithoutTray = Signal()

    def __init__(self, bridge: OfficeBridge, status_menu: StatusMenu, followed: set[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.keep_in_tray = False
        self._followed = followed
        self.setWindowTitle(self.tr("DVZ Desktop"))
        self.resize(1280, 800)
        self.map = MapWidget()
        self.map.roomActivated.connect(self.moveRequested)
        # Banners (someone knocks, invites, asks) sit above the map, where the eye already is.
        self.banners = BannerArea()
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banners)
        column.addWidget(self.map, 1)
        self.setCentralWidget(centre)
        self.people = PeoplePanel()
        self.tree = OfficeTree()
        self.tree.roomActivated.connect(self.moveRequested)
        self.people_dock = self._dock(self.tr("Personen"), self.people, Qt.DockWidgetArea.LeftDockWidgetArea, "people")
        self.tree_dock = self._dock(self.tr("Gebäudeübersicht"), self.tree, Qt.DockWidgetArea.RightDockWidgetArea, "tree")
        self.resizeDocks([self.people_dock, self.tree_dock], [270, 250], Qt.Orientation.Horizontal)
        self.chat_dock: QDockWidget | None = None

        toolbar = self.addToolBar(self.tr("Status"))
        toolbar.setObjectName("status-toolbar")
        self.status_button = QToolButton()
        self.status_button.setMenu(status_menu)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.status_button.setAccessibleName(self.tr("Mein Status"))
        toolbar.addWidget(self.status_button)
        self.note_label = plain_label()
        self.note_label.setAccessibleName(self.tr("Meine Statusnotiz"))
        toolbar.addWidget(self.note_label)
        toolbar.addSeparator()
        home = QAction(self.tr("Zu meinem Büro"), self)
        home.setShortcut(QKeySequence("Ctrl+H"))
        home.triggered.connect(self._go_home)
        toolbar.addAction(home)
        self.morning_action = QAction(self.tr("Wer ist heute da"), self)
        self.morning_action.setShortcut(QKeySequence("Ctrl+D"))
        toolbar.addAction(self.morning_action)
        self.inbox_action = QAction(self.tr("Verpasst"), self)
        toolbar.addAction(self.inbox_action)
        self.questions_action = QAction(self.tr("Kurze Fragen"), self)
        toolbar.addAction(self.questions_action)
        toolbar.addSeparator()
        #: Where the desk's docks (whiteboard, …) put their show/hide switches.
        self.desk_toolbar = toolbar
        self.connection_label = QLabel()
        self.connection_label.setAccessibleName(self.tr("Verbindungsstatus"))
        self.statusBar().addPermanentWidget(self.connection_label)

        bridge.officeReset.connect(self._office_reset)
        bridge.presenceChanged.connect(self._presence_changed)
        bridge.connectionChanged.connect(self._connection_changed)
        if bridge.model is not None:
            self._office_reset()
        self._connection_changed("connected" if bridge.connected else "reconnecting", "")

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def add_call(self, panel: QWidget) -> QDockWidget:
        """The call view docks on the right; it shows itself when a call starts."""
        self.call_dock = self._dock(self.tr("Gespräch"), panel, Qt.DockWidgetArea.RightDockWidgetArea, "call")
        return self.call_dock

    def add_chat(self, panel: QWidget) -> QDockWidget:
        """The chat docks at the bottom; the user may move it, it is restored with the window state."""
        self.chat_dock = self._dock(self.tr("Chat"), panel, Qt.DockWidgetArea.BottomDockWidgetArea, "chat")
        # A strip at first: the map is what people open the program for; the chat grows when dragged.
        self.resizeDocks([self.chat_dock], [190], Qt.Orientation.Vertical)
        return self.chat_dock

    @property
    def model(self) -> OfficeModel | None:
        return self.bridge.model

    def _office_reset(self) -> None:
        model = self.bridge.model
        if model is None:
            return
        me = model.people.get(model.me)
        if me is not None:
            self.setWindowTitle(self.tr("DVZ Desktop – %1").replace("%1", me.display_name))
        self.map.set_model(model)
        self.tree.set_model(model)
        self.people.set_model(model, self._followed)
        self._show_own_status()

    def _presence_changed(self, changed: set[str]) -> None:
        model = self.bridge.model
        if model is None:
            return
        self.map.update_presence(changed)
        self.tree.update_presence(changed)
        self.people.refresh()
        if model.me in changed:
            self._show_own_status()

    def _show_own_status(self) -> None:
        model = self.bridge.model
        if model is None:
            return
        mine = model.presence_of(model.me)
        self.status_button.setText(status_label(mine.status))
        self.status_button.setIcon(status_icon(mine.status))
        self.status_button.menu().show_status(mine.status, mine.note)  # type: ignore[union-attr]
        self.note_label.setText(f"  „{mine.note}“" if mine.note else "")

    def _connection_changed(self, state: str, message: str) -> None:
        if state == "connected":
            self.connection_label.setText(self.tr("Verbunden"))
            self.connection_label.setStyleSheet("")
            self.statusBar().clearMessage()
        elif state == "ended":
            self.connection_label.setText(self.tr("Abgemeldet"))
            if message:
                self.statusBar().showMessage(message)
        else:
            self.connection_label.setText(self.tr("Verbindung unterbrochen – neuer Versuch läuft …"))
            self.connection_label.setStyleSheet("color: #b71c1c; font-weight: bold;")

    def _go_home(self) -> None:
        model = self.bridge.model
        if model is not None:
            home = model.people[model.me].home_room_id
            if home:
                self.moveRequested.emit(home)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.keep_in_tray:
            # Like an office you leave for a moment: the program stays in the tray.
            event.ignore()
            self.hide()
            return
        event.accept()
        self.closedWithoutTray.emit()
