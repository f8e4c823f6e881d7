"""The status line under the window: my status and note (a menu to change them), messages about what
just happened, and the connection — each as a symbol and words, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QStatusBar,
    QToolButton,
    QWidget,
)

from dvz_desktop.protocol import Status

from ..icons import pixmap
from ..labels import status_label
from ..lifetime import while_alive
from ..status_badge import status_icon
from . import theme

MESSAGE_MS = 8000


class StatusLine(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.my_status = QToolButton()
        self.my_status.setObjectName("myStatus")
        self.my_status.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.my_status.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.my_status.setIconSize(QSize(16, 16))
        self.my_status.setAccessibleName(self.tr("Mein Status"))
        self.my_status.setToolTip(self.tr("Status und Statusnotiz ändern"))
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAccessibleName(self.tr("Meine Statusnotiz"))
        self.note.setProperty("muted", True)
        mine = QWidget()
        row = QHBoxLayout(mine)
        row.setContentsMargins(4, 0, 8, 0)
        row.setSpacing(4)
        row.addWidget(self.my_status)
        row.addWidget(self.note)
        self.addWidget(mine)
        # Messages in a label of their own: QStatusBar.showMessage would hide my status while it shows.
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.tr("Meldung"))
        self.addWidget(self.message, 1)
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(self.message.clear)
        self.connection_icon = QLabel()
        self.connection = QLabel()
        self.connection.setAccessibleName(self.tr("Verbindungsstatus"))
        link = QWidget()
        row = QHBoxLayout(link)
        row.setContentsMargins(8, 0, 8, 0)
        row.setSpacing(6)
        row.addWidget(self.connection_icon)
        row.addWidget(self.connection)
        self.addPermanentWidget(link)
        # Until the login has brought my status there is nothing to show or change (no empty button).
        self.my_status.hide()
        self._state = ("connecting", "")
        self.show_connection("connecting")
        theme.THEME_EVENTS.changed.connect(while_alive(self, lambda _t: self.show_connection(*self._state)))

    def set_status_menu(self, menu: QMenu) -> None:
        self.my_status.setMenu(menu)

    def show_my_status(self, status: Status, note: str) -> None:
        self.my_status.show()
        self.my_status.setText(status_label(status))
        self.my_status.setIcon(status_icon(status))
        self.note.setText(f"„{note}“" if note else "")

    def show_connection(self, state: str, message: str = "") -> None:
        self._state = (state, message)
        t = theme.current()
        if state == "connected":
            self.connection.setText(self.tr("Verbunden"))
            self.connection_icon.setPixmap(pixmap("circle-check", 16, t.text_muted))
            self.connection.setStyleSheet("")
        elif state == "connecting":
            self.connection.setText(self.tr("Anmeldung läuft …"))
            self.connection_icon.setPixmap(pixmap("hourglass", 16, t.text_muted))
            self.connection.setStyleSheet("")
        elif state == "ended":
            self.connection.setText(self.tr("Abgemeldet"))
            self.connection_icon.setPixmap(pixmap("log-out", 16, t.text_muted))
            if message:
                self.show_message(message, 0)
        else:
            self.connection.setText(self.tr("Verbindung unterbrochen – neuer Versuch läuft …"))
            self.connection_icon.setPixmap(pixmap("wifi-off", 16, t.danger))
            self.connection.setStyleSheet(f"color: {t.danger}; font-weight: 600;")

    def show_message(self, text: str, ms: int = MESSAGE_MS) -> None:
        self.message.setText(text)
        self.message.setToolTip(text)
        if ms:
            self._clear.start(ms)
        else:
            self._clear.stop()

    def currentMessage(self) -> str:  # noqa: N802 (QStatusBar's name: the message now shown)
        return self.message.text()
