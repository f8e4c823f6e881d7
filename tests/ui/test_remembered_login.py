"""'Angemeldet bleiben': the token from the credential store logs in without asking; a dead one is dropped."""

from __future__ import annotations

import argparse
from pathlib import Path

from dvz_desktop.app import build_parser
from dvz_desktop.program import Program
from dvz_desktop.services.credentials import CredentialStore
from dvz_desktop.services.session import Credentials, Session
from dvz_desktop.services.settings import SettingsStore, UserSettings

from ..unit.test_settings_and_credentials import MemoryKeyring
from .conftest import DemoOffice, LoopRunner


def _desktop(qapp, tmp_path: Path, url: str, ring: MemoryKeyring) -> Program:  # type: ignore[no-untyped-def]
    args: argparse.Namespace = build_parser().parse_args(["--server", url, "--user", "t.wagner"])
    store = SettingsStore(tmp_path / "settings.json")
    settings = UserSettings(server_url=url, username="t.wagner", remember=True)
    desktop = Program(qapp, args, store, settings, None)
    desktop.credentials = CredentialStore(ring)
    return desktop


def test_remembered_token_logs_in_without_the_dialog(qapp, demo_office: DemoOffice, runner: LoopRunner,
                                                     tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = Session(demo_office.url, Credentials(username="t.wagner", password="demo"))
    runner.run(first.start())
    ring = MemoryKeyring()
    CredentialStore(ring).save_token(demo_office.url, "t.wagner", first.token)
    runner.run(first.stop())

    desktop = _desktop(qapp, tmp_path, demo_office.url, ring)
    asked: list[str] = []

    async def no_dialog(url: str, user: str):  # type: ignore[no-untyped-def]
        asked.append(user)
        return None

    desktop._login_dialog = no_dialog  # type: ignore[method-assign]
    session = runner.run(desktop._login())
    assert asked == []
    assert session is not None and session.me == "t.wagner"
    runner.run(session.stop())


def test_revoked_token_is_forgotten_and_the_dialog_asks(qapp, demo_office: DemoOffice, runner: LoopRunner,
                                                        tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ring = MemoryKeyring()
    CredentialStore(ring).save_token(demo_office.url, "t.wagner", "x" * 43)  # not a token the server issued
    desktop = _desktop(qapp, tmp_path, demo_office.url, ring)
    asked: list[str] = []

    async def dialog(url: str, user: str):  # type: ignore[no-untyped-def]
        asked.append(user)
        return None

    desktop._login_dialog = dialog  # type: ignore[method-assign]
    assert runner.run(desktop._login()) is None
    assert asked == ["t.wagner"]
    assert CredentialStore(ring).load_token(demo_office.url, "t.wagner") is None
