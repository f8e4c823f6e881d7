"""Login: server address, user name, password, "remember me"; German messages for what went wrong.

Where the organisation has an identity provider (the server announces it, or IT set ``OidcIssuer`` by
policy), "Mit Organisationskonto anmelden" signs in through the system browser instead; where the
server has switched password login off, that button is the only way in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.services.session import Credentials, SessionError

from .icons import icon
from .plain import plain_label
from .shell.theme import current as current_theme

APP_ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "dvz.png"
log = logging.getLogger(__name__)
#: Runs the single sign-on for a server address and gives the session's credentials.
OrganisationSignIn = Callable[[str], Awaitable[Credentials]]
#: Asks a server which sign-ins it offers: (organisation account offered, password login allowed);
#: None when the server cannot be asked.
SignInProbe = Callable[[str], Awaitable[tuple[bool, bool] | None]]


class LoginDialog(QDialog):
    def __init__(self, server_url: str, username: str, remember: bool, parent: QWidget | None = None,
                 server_locked: bool = False, server_allowed: Callable[[str], bool] = lambda _url: True,
                 organisation_sign_in: OrganisationSignIn | None = None, probe: SignInProbe | None = None,
                 organisation_by_policy: bool = False) -> None:
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
        self._organisation_sign_in = organisation_sign_in
        self._probe = probe
        self._probing: asyncio.Task[None] | None = None
        self._signing_in: asyncio.Task[None] | None = None
        self.password_allowed = True
        self._offered = False
        self.or_label = QLabel(self.tr("oder"))
        self.or_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.or_label.setProperty("muted", True)
        self.organisation = QPushButton(icon("building-2"), self.tr("Mit &Organisationskonto anmelden"))
        self.organisation.setAccessibleName(self.tr("Mit Organisationskonto anmelden"))
        self.organisation.setToolTip(self.tr("Anmeldung im Browser mit dem Konto Ihrer Organisation"))
        self.organisation.clicked.connect(self._sign_in_with_organisation)
        self.server.editingFinished.connect(self._server_changed)
        self.waiting = plain_label()
        self.waiting.setWordWrap(True)
        self.waiting.setObjectName("loginWaiting")
        self.waiting.hide()
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
        server_form = QFormLayout()
        server_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above fields: room for long values
        server_form.setVerticalSpacing(6)
        server_form.addRow(self.tr("&Server"), self.server)
        self.form = form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        form.addRow(self.tr("&Benutzername"), self.user)
        form.addRow(self.tr("&Passwort"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(server_form)
        # The organisation's sign-in first (where there is one), then "oder" the password.
        layout.addWidget(self.organisation)
        layout.addWidget(self.waiting)
        layout.addWidget(self.or_label)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show_organisation(organisation_by_policy and organisation_sign_in is not None)
        self.setMinimumWidth(420)
        self.error.setStyleSheet(f"color: {current_theme().danger}; font-weight: 600;")
        self._answer: asyncio.Future[tuple[str, Credentials, bool] | None] | None = None
        (self.password if username else self.user).setFocus(Qt.FocusReason.OtherFocusReason)

    async def wait_submit(self) -> tuple[str, Credentials, bool] | None:
        """Wait until the user presses "Anmelden" or finished the organisation sign-in (server,
        credentials, remember), or cancels (None)."""
        self._answer = asyncio.get_running_loop().create_future()
        self.set_busy(False)
        self.show()
        self.raise_()
        if self._probe is not None and self._organisation_sign_in is not None and self._probing is None:
            self._probing = asyncio.get_running_loop().create_task(self._ask_server(), name="dvz-login-probe")
        return await self._answer

    # --- the organisation account (single sign-on) ---

    def _show_organisation(self, offered: bool) -> None:
        self._offered = offered
        self.or_label.setVisible(offered and self.password_allowed)
        self.organisation.setVisible(offered)
        # The organisation's sign-in is the primary action where it is offered; "Anmelden" then is not.
        self.organisation.setProperty("primary", offered)
        self.organisation.setIcon(icon("building-2", "#ffffff" if offered else "#37474f"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setProperty("primary", not offered)
        for row in (self.user, self.password):
            self.form.setRowVisible(row, self.password_allowed)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setVisible(self.password_allowed)
        for button in (self.organisation, self.buttons.button(QDialogButtonBox.StandardButton.Ok)):
            button.style().unpolish(button)
            button.style().polish(button)
        self.adjustSize()

    async def _ask_server(self) -> None:
        """Which sign-ins the server offers: the organisation button appears (or, with password login
        switched off, becomes the only way in)."""
        assert self._probe is not None
        server = self.server.text().strip()
        try:
            offered = await self._probe(server)
        except Exception as exc:  # noqa: BLE001 (a probe that fails changes nothing; the buttons stay)
            log.info("could not ask %s for its sign-ins (%s)", server, type(exc).__name__)
            return
        if offered is None:
            return
        organisation, password = offered
        self.password_allowed = password or not organisation
        self._show_organisation(organisation or self._offered)

    def _server_changed(self) -> None:
        """Another server may offer other sign-ins: ask it (the previous question is dropped)."""
        if self._probe is None or self._organisation_sign_in is None or self._answer is None:
            return
        if self._probing is not None and not self._probing.done():
            self._probing.cancel()
        self._probing = asyncio.get_running_loop().create_task(self._ask_server(), name="dvz-login-probe")

    def _sign_in_with_organisation(self) -> None:
        server = self.server.text().strip()
        if not server:
            self.show_error(self.tr("Bitte die Serveradresse angeben."))
            return
        if not self._server_allowed(server):
            self.show_error(self.tr("Dieser Server ist von Ihrer IT nicht freigegeben."))
            return
        if self._organisation_sign_in is None or (self._signing_in is not None and not self._signing_in.done()):
            return
        self.set_busy(True, cancellable=True)
        self.waiting.setText(self.tr("Bitte melden Sie sich im Browser an. DVZ Desktop wartet auf die "
                                     "Rückmeldung Ihres Anmeldedienstes …"))
        self.waiting.show()
        self.adjustSize()
        self._signing_in = asyncio.get_running_loop().create_task(self._run_organisation(server),
                                                                  name="dvz-organisation-sign-in")

    async def _run_organisation(self, server: str) -> None:
        assert self._organisation_sign_in is not None
        try:
            credentials = await self._organisation_sign_in(server)
        except SessionError as exc:
            self._waited()
            self.show_error(exc.message)
            return
        except asyncio.CancelledError:
            self._waited()
            raise
        self.waiting.hide()
        if self._answer is not None and not self._answer.done():
            self._answer.set_result((server, credentials, self.remember.isChecked()))

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

    def _waited(self) -> None:
        self.waiting.hide()
        self.set_busy(False)
        self.adjustSize()

    def _cancel(self) -> None:
        if self._signing_in is not None and not self._signing_in.done():
            self._signing_in.cancel()  # stop waiting for the browser; the dialog stays
            return
        for task in (self._probing,):
            if task is not None and not task.done():
                task.cancel()
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

    def set_busy(self, busy: bool, cancellable: bool = False) -> None:
        """Buttons off while a login runs; a browser sign-in keeps "Abbrechen" (it stops the waiting)."""
        self.buttons.setEnabled(not busy or cancellable)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.organisation.setEnabled(not busy)
        if busy:
            self.error.hide()
