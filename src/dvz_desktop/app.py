"""Composition root: builds settings, services, windows and tray once, and owns the one asyncio loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from pathlib import Path

from .desktop import DesktopParts, assemble_desktop  # noqa: F401  (the tests and tools build desktops too)


T0 = time.perf_counter()

log = logging.getLogger("dvz_desktop")


def save_layout(window) -> str:  # type: ignore[no-untyped-def]
    """The arrangement of the docks and toolbars, as text for the settings file."""
    return bytes(window.saveState().toBase64().data()).decode("ascii")


def restore_layout(window, state: str) -> bool:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QByteArray

    return bool(state) and window.restoreState(QByteArray.fromBase64(state.encode("ascii")))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dvz-desktop", description="DVZ Desktop – das Digitale Verwaltungszentrum")
    parser.add_argument("--demo", action="store_true",
                        help="Demo: startet einen Demo-Server und meldet sich als Demo-Nutzerin an")
    parser.add_argument("--server", help="Serveradresse, z. B. wss://dvz.example/ws")
    parser.add_argument("--user", help="Benutzername")
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="Hauptfenster als PNG speichern, sobald der Plan gefüllt ist, dann beenden")
    parser.add_argument("--exit-when-shown", action="store_true",
                        help="beenden, sobald Fenster und Tray sichtbar sind (für Start-Messungen)")
    parser.add_argument("--lang", choices=["de", "en"], help="Sprache der Oberfläche")
    parser.add_argument("--no-single-instance", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("link", nargs="?", help="dvz://-Link: dvz://room/<Raum>, dvz://call/<Person>, dvz://join/<Raum>")
    parser.add_argument("--log-level", default="WARNING")
    parser.add_argument("--allow-insecure-transport", action="store_true",
                        help="nur für Entwicklung: ws:// auch zu anderen Rechnern erlauben (Passwörter unverschlüsselt!)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.allow_insecure_transport:
        from .services.session import Session

        Session.allow_insecure_transport = True  # a developer's explicit choice; never a policy value
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    link = None
    if args.link:
        from .core.links import LinkError, parse_link

        try:
            link = parse_link(args.link)
        except LinkError as exc:
            print(f"DVZ Desktop: {exc}", file=sys.stderr)
            return 2
    import qasync
    from PySide6.QtWidgets import QApplication

    from .qt.i18n import choose_language, install_translators
    from .services.settings import SettingsStore

    if args.screenshot is not None and sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        # A screenshot on a machine without a screen (a server, CI): render offscreen instead of aborting.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DVZ Desktop")
    app.setOrganizationName("DVZ")
    app.setDesktopFileName("dvz-desktop")
    app.setQuitOnLastWindowClosed(False)  # the tray keeps running
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(Path(__file__).resolve().parent / "resources" / "icons" / "dvz.png")))
    settings_store = SettingsStore()
    settings = settings_store.load()
    install_translators(app, choose_language(args.lang or settings.language))

    one_shot = args.screenshot is not None or args.exit_when_shown
    single = None
    if not (one_shot or args.no_single_instance):
        from .qt.single_instance import SingleInstance

        single = SingleInstance(parent=app)
        if single.notify_running(link=link):
            print("DVZ Desktop läuft bereits; das vorhandene Fenster wurde geöffnet"
                  + (" und der Link übergeben." if link else "."))
            return 0
        single.listen()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    desktop = Desktop(app, args, settings_store, settings, single)
    desktop.pending_link = link
    with loop:
        return loop.run_until_complete(desktop.run())


class Desktop:
    """Logs in, builds the window and tray, wires them to the session, and runs until quit."""

    def __init__(self, app, args: argparse.Namespace, settings_store, settings, single) -> None:  # type: ignore[no-untyped-def]
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
        user_choice = {"ServerUrl": settings.server_url} if settings.server_url else {}
        self.policy = resolve(system_policies(), user=user_choice, installer=installer_config())
        if single is not None:
            single.linkReceived.connect(self.follow_link)
        if self.policy.locked("AutoStart") and not (args.screenshot or args.exit_when_shown):
            from .services.autostart import apply_autostart

            apply_autostart(bool(self.policy["AutoStart"]))

    def follow_link(self, action) -> None:  # type: ignore[no-untyped-def]
        """Act on a dvz:// link like a click of the user: walk to the room (knocking where the door is
        closed) or show the person."""
        from .core.links import LinkKind

        log.info("following link: %s %s", action.kind.value, action.target)
        parts = self.parts
        if parts is None:
            self.pending_link = action
            return
        self._raise(parts.window)
        if action.kind in (LinkKind.OPEN_ROOM, LinkKind.JOIN_APPOINTMENT):
            parts.actions.move(action.target)
        elif action.kind is LinkKind.CALL_PERSON:
            model = parts.bridge.model
            person = model.people.get(action.target) if model else None
            if person is None:
                parts.window.show_message(parts.window.tr("Diese Person ist im Verzeichnis nicht zu finden."))
                return
            parts.actions.run(parts.calls.call_person(person.id))

    async def run(self) -> int:
        import contextlib
        import signal

        for sig in (signal.SIGINT, signal.SIGTERM):
            # A clean end on Ctrl+C or a logout/shutdown signal: the demo backend and sockets are closed too.
            with contextlib.suppress(NotImplementedError, RuntimeError):
                asyncio.get_running_loop().add_signal_handler(sig, self.quit.set)
        try:
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
                from .qt.dialogs import inform
                from PySide6.QtWidgets import QMessageBox

                await inform(None, "DVZ Desktop", str(exc), QMessageBox.Icon.Critical)
            return 1
        finally:
            if self.demo is not None:
                self.demo.stop()

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
                await session.start()
            except SessionError as exc:
                raise RuntimeError(exc.message) from None
            return session

        url = self.policy["ServerUrl"] if self.policy.locked("ServerUrl") else (self.args.server or self.policy["ServerUrl"])
        user = self.args.user or self.settings.username
        if self.settings.remember and user:
            token = await asyncio.to_thread(self.credentials.load_token, url, user)
            if token:
                session = Session(url, Credentials(username=user, token=token))
                try:
                    await session.start()
                    return session
                except SessionError as exc:
                    log.info("remembered login not accepted (%s)", exc.code)
                    self.credentials.forget(url, user)
        return await self._login_dialog(url, user)

    async def _login_dialog(self, url: str, user: str):  # type: ignore[no-untyped-def]
        from .qt.login_dialog import LoginDialog
        from .services.session import Session, SessionError

        dialog = LoginDialog(url, user, self.settings.remember, server_locked=self.policy.locked("ServerUrl"),
                             server_allowed=self.policy.server_allowed)
        try:
            while True:
                answer = await dialog.wait_submit()
                if answer is None:
                    return None
                server, creds, remember = answer
                session = Session(server, creds)
                try:
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

                        await inform(dialog, dialog.tr("Anmeldung nicht gespeichert"), problem)
                return session
        finally:
            dialog.deleteLater()

    # --- running ---

    async def _run_session(self, session) -> bool:  # type: ignore[no-untyped-def]
        """Show the office until the user quits (False) or the session ends and needs a new login (True)."""
        parts = assemble_desktop(session, set(self.settings.followed), self._save_followed,
                                 self.settings.auto_away_minutes,
                                 audio_devices=(self.settings.audio_input, self.settings.audio_output),
                                 save_audio_devices=self._save_audio_devices,
                                 telephony_scheme=self.policy["TelephonyUriScheme"],
                                 calendar_account=self._calendar_account(),
                                 own_launchers=self._own_launchers())
        restore_layout(parts.window, self.settings.window_state)
        window, tray = parts.window, parts.tray
        ended: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        tray.showWindowRequested.connect(lambda: self._raise(window))
        tray.quitRequested.connect(self.quit.set)
        window.closedWithoutTray.connect(self.quit.set)
        session.state_changed.connect(
            lambda change: change.state.value == "ended" and not ended.done() and ended.set_result(change.message))
        if self.single is not None:
            self.single.activated.connect(lambda: self._raise(window))
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
            if ended.done() and not self.quit.is_set() and not self.args.demo:
                from .qt.dialogs import inform

                await inform(window, "DVZ Desktop", ended.result() or window.tr("Abgemeldet"))
                return True
            return False
        finally:
            self.parts = None
            self.settings.window_state = save_layout(window)
            self.settings_store.save(self.settings)
            quitting.cancel()
            tray.icon.hide()
            window.keep_in_tray = False
            window.close()
            window.deleteLater()
            await session.stop()

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
            scene = window.map.current_scene()
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


if __name__ == "__main__":
    sys.exit(main())
