""""Abmelden" in the tray: the server ends the session (its token no longer opens a socket), the
remembered login is forgotten, and the program goes back to the login instead of telling the user
what they just did."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from dvz_desktop.app import Program, build_parser
from dvz_desktop.qt.shell.status_menu import StatusMenu
from dvz_desktop.qt.shell.tray import Tray
from dvz_desktop.services.credentials import CredentialStore
from dvz_desktop.services.session import Credentials, Session, SessionError, SessionState
from dvz_desktop.services.settings import SettingsStore, UserSettings

from ..unit.test_settings_and_credentials import MemoryKeyring
from .conftest import DemoOffice, LoopRunner


def test_logout_ends_the_session_at_the_server_and_forgets_the_remembered_login(
        qapp, demo_office: DemoOffice, runner: LoopRunner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    args: argparse.Namespace = build_parser().parse_args(["--server", demo_office.url, "--user", "t.wagner"])
    store = SettingsStore(tmp_path / "settings.json")
    program = Program(qapp, args, store, UserSettings(server_url=demo_office.url, username="t.wagner", remember=True),
                      None)
    ring = MemoryKeyring()
    program.credentials = CredentialStore(ring)
    session = Session(demo_office.url, Credentials(username="t.wagner", password="demo"))
    runner.run(session.start())
    token = session.token
    assert token is not None
    program.credentials.save_token(demo_office.url, "t.wagner", token)
    program.session, program.password_login = session, True

    runner.run(program.log_out())

    assert session.state is SessionState.ENDED and program.logging_out
    assert program.credentials.load_token(demo_office.url, "t.wagner") is None
    assert store.load().remember is False
    with pytest.raises(SessionError):  # the token is dead at the server
        runner.run(Session(demo_office.url, Credentials(username="t.wagner", token=token)).start())


def test_the_tray_offers_abmelden(qapp) -> None:  # type: ignore[no-untyped-def]
    tray = Tray(StatusMenu())
    asked: list[bool] = []
    tray.logoutRequested.connect(lambda: asked.append(True))
    texts = [action.text() for action in tray.menu.actions()]
    assert texts.index("Abmelden") < texts.index("Beenden")
    tray.logout_action.trigger()
    assert asked == [True]
