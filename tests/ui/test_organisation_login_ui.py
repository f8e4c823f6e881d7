"""The login dialog's "Mit Organisationskonto anmelden": shown where the server (or IT's policy) offers
single sign-on, the only way in where password login is off, cancellable while the browser is open,
and German about what went wrong."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from dvz_desktop.qt.login_dialog import LoginDialog
from dvz_desktop.services.session import Credentials, SessionError

from .conftest import LoopRunner

SHOTS = Path(os.environ.get("DVZ_SCREENSHOTS", "")) if os.environ.get("DVZ_SCREENSHOTS") else None


def test_without_an_identity_provider_there_is_no_organisation_button(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog("ws://127.0.0.1:1/ws", "", False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.organisation.isVisible() and dialog.password.isVisible()


def test_the_organisation_sign_in_ends_the_dialog_with_the_sessions_credentials(
        runner: LoopRunner, qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    async def sign_in(server: str) -> Credentials:
        asked.append(server)
        return Credentials(username="anna", token="session-token")

    async def probe(server: str) -> tuple[bool, bool]:
        return True, True

    dialog = LoginDialog("wss://dvz.landkreis.example/ws", "", True, organisation_sign_in=sign_in, probe=probe)
    qtbot.addWidget(dialog)

    async def flow() -> object:
        answer = asyncio.ensure_future(dialog.wait_submit())
        while not dialog.organisation.isVisible():  # the server said it offers single sign-on
            await asyncio.sleep(0.01)
        assert dialog.password.isVisible() and dialog.or_label.isVisible()
        if SHOTS is not None:
            dialog.grab().save(str(SHOTS / "login-organisation-or-password.png"))
        dialog.organisation.click()
        return await answer

    server, credentials, remember = runner.run(flow())  # type: ignore[misc]
    assert (server, credentials.username, credentials.token, remember) == (
        "wss://dvz.landkreis.example/ws", "anna", "session-token", True)
    assert asked == ["wss://dvz.landkreis.example/ws"]


def test_with_password_login_off_the_organisation_is_the_only_way_in(runner: LoopRunner,
                                                                     qtbot) -> None:  # type: ignore[no-untyped-def]
    async def sign_in(server: str) -> Credentials:
        raise SessionError("provider_refused", "Die Anmeldung wurde beim Anmeldedienst abgebrochen oder abgelehnt.")

    async def probe(server: str) -> tuple[bool, bool]:
        return True, False

    dialog = LoginDialog("wss://dvz.landkreis.example/ws", "anna", False, organisation_sign_in=sign_in, probe=probe)
    qtbot.addWidget(dialog)

    async def flow() -> str:
        answer = asyncio.ensure_future(dialog.wait_submit())
        while not dialog.organisation.isVisible():
            await asyncio.sleep(0.01)
        assert not dialog.password.isVisible() and not dialog.user.isVisible() and not dialog.or_label.isVisible()
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isVisible()
        if SHOTS is not None:
            dialog.grab().save(str(SHOTS / "login-organisation-only.png"))
        dialog.organisation.click()
        while not dialog.error.isVisible():
            await asyncio.sleep(0.01)
        assert dialog.organisation.isEnabled()  # try again
        answer.cancel()
        return dialog.error.text()

    assert runner.run(flow()) == "Die Anmeldung wurde beim Anmeldedienst abgebrochen oder abgelehnt."


def test_cancel_while_the_browser_is_open_stops_waiting_and_keeps_the_dialog(
        runner: LoopRunner, qtbot) -> None:  # type: ignore[no-untyped-def]
    started = asyncio.Event()

    async def sign_in(server: str) -> Credentials:
        started.set()
        await asyncio.sleep(3600)  # the user never comes back from the browser
        raise AssertionError("not reached")

    dialog = LoginDialog("wss://dvz.landkreis.example/ws", "", False, organisation_sign_in=sign_in,
                         organisation_by_policy=True)
    qtbot.addWidget(dialog)

    async def flow() -> bool:
        answer = asyncio.ensure_future(dialog.wait_submit())
        await asyncio.sleep(0)
        assert dialog.organisation.isVisible()  # IT set OidcIssuer: offered before any server answers
        dialog.organisation.click()
        await started.wait()
        assert dialog.waiting.isVisible() and "im Browser" in dialog.waiting.text()
        assert not dialog.organisation.isEnabled()
        if SHOTS is not None:
            dialog.grab().save(str(SHOTS / "login-organisation-waiting.png"))
        dialog.buttons.rejected.emit()  # "Abbrechen"
        while dialog.waiting.isVisible():
            await asyncio.sleep(0.01)
        assert dialog.isVisible() and not answer.done() and dialog.organisation.isEnabled()
        dialog.buttons.rejected.emit()  # a second "Abbrechen" closes the dialog
        return await answer is None

    assert runner.run(flow())
