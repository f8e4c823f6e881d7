"""Login dialog messages, arrival notices, the tray icon, and the English translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from dvz_desktop.protocol import Status
from dvz_desktop.qt.labels import status_label
from dvz_desktop.qt.login_dialog import LoginDialog
from dvz_desktop.qt.shell.i18n import install_translators
from dvz_desktop.services.session import Session, SessionError

from .conftest import DemoOffice, LoopRunner


def _try_login(runner: LoopRunner, dialog: LoginDialog, url: str, user: str, password: str) -> str:
    """Fill the dialog like a user, press "Anmelden", run the login; return the message shown."""
    dialog.server.setText(url)
    dialog.user.setText(user)
    dialog.password.setText(password)

    async def attempt() -> str:
        waiting = dialog.wait_submit()
        import asyncio

        task = asyncio.ensure_future(waiting)
        await asyncio.sleep(0)
        dialog.buttons.accepted.emit()
        server, creds, _ = await task
        try:
            await Session(server, creds).start()
        except SessionError as exc:
            dialog.show_error(exc.message)
        return dialog.error.text()

    return runner.run(attempt())


def test_login_dialog_explains_wrong_password_and_unreachable_server(
    demo_office: DemoOffice, runner: LoopRunner, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(demo_office.url, "", False)
    qtbot.addWidget(dialog)
    assert _try_login(runner, dialog, demo_office.url, "t.wagner", "falsch") == "Benutzername oder Passwort ist falsch."
    assert dialog.error.isVisible()
    message = _try_login(runner, dialog, "ws://127.0.0.1:9/ws", "t.wagner", "demo")
    assert message == "Der Server ws://127.0.0.1:9/ws ist nicht erreichbar."
    message = _try_login(runner, dialog, "kein-server", "t.wagner", "demo")
    assert "ungültig" in message


def test_empty_fields_are_refused_before_anything_is_sent(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog("ws://127.0.0.1:1/ws", "", False)
    qtbot.addWidget(dialog)
    dialog._answer = None
    dialog._submit()
    assert dialog.error.text() == "Bitte Server, Benutzername und Passwort angeben."


def test_followed_colleague_arriving_is_announced(demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    notices: list[tuple[str, str]] = []
    parts.tray.notify = lambda title, text: notices.append((title, text))  # the OS notification is the edge
    parts.people.arrivals._notify = parts.tray.notify
    panel = parts.people.panel
    panel._toggle_follow("j.hoffmann", True)
    assert demo_office.followed_saved[-1] == {"j.hoffmann"}  # remembered in the settings
    demo_office.backend.presence.come_online("j.hoffmann")
    runner.wait_until(lambda: bool(notices), what="the arrival notice")
    assert notices == [("Jetzt da", "Jens Hoffmann ist jetzt da.")]
    demo_office.backend.presence.come_online("u.wolf")  # not followed: no notice
    runner.wait_until(lambda: parts.bridge.model.is_online("u.wolf"), what="Uwe Wolf online")
    assert len(notices) == 1


def test_tray_icon_is_shown_where_the_platform_has_a_tray(demo_office: DemoOffice) -> None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        pytest.skip(f"platform '{QApplication.platformName()}' has no system tray (run under Xvfb with trayer)")
    tray = demo_office.parts.tray
    tray.show()
    assert tray.icon.isVisible()
    assert "Verfügbar" in tray.icon.toolTip()


def test_english_translation_is_shipped_and_used(qapp) -> None:  # type: ignore[no-untyped-def]
    qm = Path(__file__).resolve().parents[2] / "src" / "dvz_desktop" / "resources" / "translations" / "dvz_en.qm"
    assert qm.exists(), "the compiled English translation must ship with the package"
    translators = install_translators(qapp, "en")
    try:
        assert status_label(Status.BUSY) == "Busy"
        assert QCoreApplication.translate("LoginDialog", "Angemeldet bleiben") == "Remember me"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert status_label(Status.BUSY) == "Beschäftigt"
