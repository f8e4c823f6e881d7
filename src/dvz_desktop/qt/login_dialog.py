"""Login: server address, user name, password, "remember me"; German messages for what went wrong."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.services.session import Credentials

from .plain import plain_label
from .shell.theme import current as current_theme

APP_ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "dvz.png"


class LoginDialog(QDialog):
    def __init__(self, server_url: str, username: str, remember: bool, parent: QWidget | None = None,
                 server_locked: bool = False, server_allowed: Callable[[str], bool] = lambda _url: True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("DVZ Desktop – Anmelden"))
        self.setAccessibleName(self.tr("Anmelden"))
        self.server = QLineEdit(server_url)
        self.server.setAccessibleName(self.tr("Serveradresse"))
        self._server_allowed = server_allowed
        if server_locked:
            # Set by the organisation's IT (group policy): shown, not editable.
            self.server.setReadOnly(True)
            self.server.setToolTip(self.tr("Von Ihrer IT festgelegt"))
            self.server.setAccessibleDescription(self.tr("Von Ihrer IT festgelegt"))
        self.user = QLineEdit(username)
        self.user.setAccessibleName(self.tr("Benutzername"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Passwort"))
        self.remember = QCheckBox(self.tr("Angemeldet bleiben"))
        self.remember.setChecked(remember)
        self.remember.setAccessibleName(self.tr("Angemeldet bleiben"))
        self.error = plain_label()  # the server's words, never markup
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("loginError")
        self.error.setAccessibleName(self.tr("Fehlermeldung"))
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Anmelden"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Abbrechen"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self._cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setProperty("primary", True)
        logo = QLabel()
        logo.setPixmap(QIcon(str(APP_ICON)).pixmap(48, 48))
        logo.setAccessibleName("DVZ Desktop")
        title = QLabel(self.tr("Anmelden bei DVZ Desktop"))
        title.setObjectName("panelTitle")
        subtitle = QLabel(self.tr("Digitales Verwaltungszentrum – Ihr virtuelles Büro"))
        subtitle.setProperty("muted", True)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(title)
        heading.addWidget(subtitle)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above fields: room for long values
        form.setVerticalSpacing(6)
        form.addRow(self.tr("&Server"), self.server)
        form.addRow(self.tr("&Benutzername"), self.user)
        form.addRow(self.tr("&Passwort"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.error.setStyleSheet(f"color: {current_theme().danger}; font-weight: 600;")
        self._answer: asyncio.Future[tuple[str, Credentials, bool] | None] | None = None
        (self.password if username else self.user).setFocus(Qt.FocusReason.OtherFocusReason)

    async def wait_submit(self) -> tuple[str, Credentials, bool] | None:
        """Wait until the user presses "Anmelden" (server, credentials, remember) or cancels (None)."""
        self._answer = asyncio.get_running_loop().create_future()
        self.set_busy(False)
        self.show()
        self.raise_()
        return await self._answer

    def _submit(self) -> None:
        server = self.server.text().strip()
        user = self.user.text().strip()
        if not server or not user or not self.password.text():
            self.show_error(self.tr("Bitte Server, Benutzername und Passwort angeben."))
            return
        if not self._server_allowed(server):
            self.show_error(self.tr("Dieser Server ist von Ihrer IT nicht freigegeben."))
            return
        if self._answer is not None and not self._answer.done():
            self.set_busy(True)
            creds = Credentials(username=user, password=self.password.text())
            self._answer.set_result((server, creds, self.remember.isChecked()))

    def _cancel(self) -> None:
        if self._answer is not None and not self._answer.done():
            self._answer.set_result(None)
        self.hide()

    def reject(self) -> None:  # Escape or window close
        self._cancel()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.adjustSize()  # the message gets the room it needs, never clipped
        self.password.selectAll()

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.hide()
