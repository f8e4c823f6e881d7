"""The window shown before the login has finished promises nothing: no empty status button, no "Verbunden"."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from dvz_desktop.desktop import build_shell

from .conftest import DemoOffice


def test_before_the_login_the_status_line_says_the_login_is_running(qapp: QApplication) -> None:
    parts = build_shell()
    try:
        parts.window.show()
        line = parts.window.status_line
        assert not line.my_status.isVisible()  # nothing to show yet: no empty square to click
        assert line.connection.text() == "Anmeldung läuft …"
    finally:
        parts.window.close()
        parts.window.deleteLater()


def test_after_the_login_my_status_and_the_connection_show(demo_office: DemoOffice) -> None:
    line = demo_office.parts.window.status_line
    assert line.my_status.isVisible() and line.my_status.text() == "Verfügbar"
    assert line.connection.text() == "Verbunden"
