"""The program once its window is up: logs in, builds the desktop of the session (``desktop.py``) into
the window, runs until quit, and hangs up on the way out. ``app.py`` starts it after the first paint."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time

from .app import QUIT_GRACE_S, T0, end_process_after, restore_layout, save_layout
from .desktop import DesktopParts, ShellParts, assemble_desktop

log = logging.getLogger("dvz_desktop")


async def hang_up(parts: DesktopParts) -> None:
    """Leave the call and close the door's visits: peer connections, their decoder threads, microphone and
    loudspeaker are released (an open aiortc connection keeps the interpreter from exiting)."""
    from .core.events import report_failure
    from .services.session import SessionError

    for step in (parts.calls.client.leave(), parts.door.close_all()):
        try:
            await asyncio.wait_for(step, 3.0)
        except (TimeoutError, SessionError) as exc:  # the server is gone or slow: we leave anyway
            log.info("hanging up at quit: %s", type(exc).__name__)
        except Exception as exc:  # noqa: BLE001 (a bug, but quitting goes on)
            report_failure("hanging up at quit", exc)
    parts.switchboard.close()  # the loudspeaker


class Program:
    """Logs in, builds the desktop of the session (``desktop.py``), and runs until quit."""

    def __init__(self, app, args: argparse.Namespace, settings_store, settings, single,  # type: ignore[no-untyped-def]
                 shell: ShellParts | None = None) -> None:
        from .services.credentials import CredentialStore

        self.app = app
        self.args = args
        self.settings_store = settings_store
        self.settings = settings
        self.single = single
        from .services.policy import installer_config, resolve, system_policies

        self.credentials = CredentialStore()
        self.demo = None
        self.quit = asyncio.Event()
        #: A dvz:// link to follow once the office is shown (from the command line or a second start).
        self.pending_link: object = None
        self.parts: DesktopParts | None = None
        #: The window and tray shown before the login, until the session's desktop is built into them.
        self.shell = shell
        #: The running session, and whether it began with a password (else: the organisation's sign-on
        #: or a remembered token, whose provider session a logout ends as well).
        self.session = None
        self.password_login = False
        self.logging_out = False
        from .core.tasks import TaskSet

        self._tasks = TaskSet()
        user_choice = {"ServerUrl": settings.server_url} if settings.server_url else {}
        self.policy = resolve(system_policies(), user=user_choice, installer=installer_config())
        if single is not None:
            single.linkReceived.connect(self.follow_link)
        if self.policy.locked("AutoStart") and not (args.screenshot or args.exit_when_shown):
            from .services.autostart import apply_autostart

            apply_autostart(bool(self.policy["AutoStart"]))

    def follow_link(self, action) -> None:  # type: ignore[no-untyped-def]
        """A dvz:// link from the command line or a second start: show the window, which asks before it
        walks, knocks, rings or joins (``qt/links.py``)."""
        parts = self.parts
        if parts is None:
            self.pending_link = action
            return
        self._raise(parts.window)
        parts.links.ask(action)

    async def run(self) -> int:
        import contextlib
        import signal

        for sig in (signal.SIGINT, signal.SIGTERM):
            # A clean end on Ctrl+C or a logout/shutdown signal: the demo backend and sockets are closed too.
            with contextlib.suppress(NotImplementedError, RuntimeError):
                asyncio.get_running_loop().add_signal_handler(sig, self.quit.set)
        try:
            if self.shell is not None:
                self._wire_window(self.shell.window, self.shell.tray)
            while True:
                session = await self._login()
                if session is None:
                    return 0
                if not await self._run_session(session):
                    return 0
                # The session ended (revoked or expired): ask for the password again.
                self.settings.remember = False
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            if not (self.args.screenshot or self.args.exit_when_shown):
                from PySide6.QtWidgets import QMessageBox

                from .qt.dialogs import inform

                await inform(None, "DVZ Desktop", str(exc), QMessageBox.Icon.Critical)
            return 1
        finally:
            if self.shell is not None:  # shown for a login that did not come about
                self.shell.tray.icon.hide()
                self.shell.window.keep_in_tray = False
                self.shell.window.close()
                self.shell.window.deleteLater()
                self.shell = None
            if self.demo is not None:
                self.demo.stop()

    def _wire_window(self, window, tray) -> None:  # type: ignore[no-untyped-def]
        tray.showWindowRequested.connect(lambda: self._raise(window))
        tray.quitRequested.connect(self.quit.set)
        tray.logoutRequested.connect(lambda: self._tasks.spawn(self.log_out(), name="dvz-logout"))
        window.closedWithoutTray.connect(self.quit.set)
        if self.single is not None:
            self.single.activated.connect(lambda: self._raise(window))

    # --- login ---

    async def _login(self):  # type: ignore[no-untyped-def]
        from .services.session import Credentials, Session, SessionError

        if self.args.demo:
            from .services.demo_backend import DEMO_PASSWORD, DEMO_USER, DemoBackend

            url = self.args.server
            if not url:
                self.demo = DemoBackend()
                self.demo.start()
                await self.demo.wait_ready()
                url = self.demo.url
            session = Session(url, Credentials(username=self.args.user or DEMO_USER, password=DEMO_PASSWORD))
            try:
                session.hold_messages()  # until the desktop is built: nothing since the welcome is lost
                await session.start()
            except SessionError as exc:
                raise RuntimeError(exc.message) from None
            return session

        locked = self.policy.locked("ServerUrl")
        url = self.policy["ServerUrl"] if locked else (self.args.server or self.policy["ServerUrl"])
        user = self.args.user or self.settings.username
        if self.settings.remember and user:
            token = await asyncio.to_thread(self.credentials.load_token, url, user)
            if token:
                session = Session(url, Credentials(username=user, token=token))
                try:
                    session.hold_messages()  # until the desktop is built: nothing since the welcome is lost
                    await session.start()
                    return session
                except SessionError as exc:
                    log.info("remembered login not accepted (%s)", exc.code)
                    self.credentials.forget(url, user)
        return await self._login_dialog(url, user)

    async def _login_dialog(self, url: str, user: str):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QCoreApplication

        from .qt.login_dialog import LoginDialog
        from .qt.organisation_login import organisation_login
        from .services.session import Session, SessionError

        dialog = LoginDialog(url, user, self.settings.remember, server_locked=self.policy.locked("ServerUrl"),
                             server_allowed=self.policy.server_allowed, **organisation_login(self.policy))
        try:
            while True:
                answer = await dialog.wait_submit()
                if answer is None:
                    return None
                server, creds, remember = answer
                self.password_login = bool(creds.password)
                session = Session(server, creds)
                try:
                    session.hold_messages()  # until the desktop is built: nothing since the welcome is lost
                    await session.start()
                except SessionError as exc:
                    dialog.show_error(exc.message)
                    continue
                self.settings.server_url, self.settings.username = server, creds.username
                self.settings.remember = remember
                self.settings_store.save(self.settings)
                if remember and session.token:
                    problem = await asyncio.to_thread(self.credentials.save_token, server, creds.username,
                                                      session.token)
                    if problem:
                        from .qt.dialogs import inform

                        title = QCoreApplication.translate("Desktop", "Anmeldung nicht gespeichert")
                        await inform(dialog, title, problem)
                return session
        finally:
            dialog.deleteLater()

    # --- running ---

    async def _run_session(self, session) -> bool:  # type: ignore[no-untyped-def]
        """Show the office until the user quits (False) or the session ends and needs a new login (True)."""
        from PySide6.QtCore import QCoreApplication
        shown, self.shell = self.shell, None
        parts = assemble_desktop(session, set(self.settings.followed), self._save_followed,
                                 self.settings.auto_away_minutes,
                                 audio_devices=(self.settings.audio_input, self.settings.audio_output),
                                 save_audio_devices=self._save_audio_devices,
                                 telephony_scheme=self.policy["TelephonyUriScheme"],
                                 calendar_account=self._calendar_account(),
                                 own_launchers=self._own_launchers(), shell_parts=shown)
        restore_layout(parts.window, self.settings.window_state)
        self.session, self.logging_out = session, False
        window, tray = parts.window, parts.tray
        ended: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        if shown is None:
            self._wire_window(window, tray)
        else:
            window.show_message("")
        session.state_changed.connect(
            lambda change: change.state.value == "ended" and not ended.done() and ended.set_result(change.message))
        window.show()
        tray.show()
        self.parts = parts
        if self.pending_link is not None:
            link, self.pending_link = self.pending_link, None
            self.follow_link(link)
        if self.args.exit_when_shown:
            tray_state = "visible" if tray.icon.isVisible() else "none"
            print(f"DVZ_SHOWN {time.perf_counter() - T0:.3f} tray={tray_state}", flush=True)
            self.quit.set()
        if self.args.screenshot:
            await self._screenshot(window, parts.bridge)
            self.quit.set()
        quitting = asyncio.ensure_future(self.quit.wait())
        try:
            await asyncio.wait([quitting, ended], return_when=asyncio.FIRST_COMPLETED)
            if ended.done() and self.logging_out:
                return True  # the user asked for it: straight back to the login
            if ended.done() and not self.quit.is_set() and not self.args.demo:
                from .qt.dialogs import inform

                ended_text = ended.result() or QCoreApplication.translate("Desktop", "Abgemeldet")
                await inform(window, "DVZ Desktop", ended_text)
                return True
            return False
        finally:
            if self.quit.is_set():
                # Whatever still hangs below, the process ends: a hidden, hung DVZ is worse than a hard exit.
                end_process_after(QUIT_GRACE_S)
            self.parts = None
            quitting.cancel()
            tray.icon.hide()
            window.keep_in_tray = False
            self.settings.window_state = save_layout(window)
            self.settings_store.save(self.settings)
            window.hide()  # gone at once for the user; the call is hung up behind it
            await hang_up(parts)
            window.close()
            window.deleteLater()
            await session.stop()

    async def log_out(self) -> None:
        """"Abmelden": the server ends the session (and revokes the provider's grant of it), the remembered
        login is forgotten, and where the session came from the organisation's sign-on the provider's own
        session ends too (in the browser, which asks the user and comes back to the app)."""
        session = self.session
        if session is None or self.logging_out:
            return
        self.logging_out = True
        server, user = session.url, session.me or self.settings.username
        self.settings.remember = False
        self.settings_store.save(self.settings)
        await asyncio.to_thread(self.credentials.forget, server, user)
        if not self.password_login and not self.args.demo:
            self._tasks.spawn(self._end_provider_session(server), name="dvz-provider-logout")
        await session.logout()

    async def _end_provider_session(self, server: str) -> None:
        from .qt.organisation_login import open_in_browser
        from .services import sso
        from .services.auth_api import AuthApi
        from .services.session import Session, SessionError

        try:
            config = await AuthApi(server, allow_insecure_transport=Session.allow_insecure_transport).config()
        except SessionError as exc:
            log.info("provider logout skipped: %s", exc.code)
            return
        if config.oidc is not None:
            await sso.end_provider_session(config.oidc, open_in_browser)

    def _own_launchers(self):  # type: ignore[no-untyped-def]
        from .services.launchers import OwnLaunchers

        return OwnLaunchers(self.settings, self.settings_store.save, bool(self.policy["AllowUserLaunchers"]))

    def _calendar_account(self):  # type: ignore[no-untyped-def]
        """The CalDAV account from policy/settings, its password in the credential store."""
        from .services.calendar_account import CalendarAccount
        from .services.settings import config_dir

        return CalendarAccount(self.settings, self.settings_store.save, self.credentials, config_dir() / "agenda.json",
                               self.policy["CalDavUrl"])

    def _save_audio_devices(self, microphone: str, speaker: str) -> None:
        self.settings.audio_input, self.settings.audio_output = microphone, speaker
        self.settings_store.save(self.settings)

    def _save_followed(self, followed: set[str]) -> None:
        self.settings.followed = sorted(followed)
        self.settings_store.save(self.settings)

    @staticmethod
    def _raise(window) -> None:  # type: ignore[no-untyped-def]
        window.show()
        window.raise_()
        window.activateWindow()

    async def _screenshot(self, window, bridge) -> None:  # type: ignore[no-untyped-def]
        """Wait until people are on the map, then write the PNG."""
        deadline = asyncio.get_running_loop().time() + 20
        while True:
            bridge.flush_now()
            scene = self.parts.map.current_scene() if self.parts is not None else None
            if scene is not None and scene.avatars:
                break
            if asyncio.get_running_loop().time() > deadline:
                raise RuntimeError("Der Büroplan wurde nicht rechtzeitig gefüllt.")
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # let the demo colleagues move once, so the picture is alive
        bridge.flush_now()
        self.app.processEvents()
        path = self.args.screenshot
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path), "PNG"):
            raise RuntimeError(f"Das Bildschirmfoto konnte nicht nach {path} geschrieben werden.")
        print(f"Bildschirmfoto gespeichert: {path}", flush=True)
