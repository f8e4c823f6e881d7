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
    """Which side panel is open and how wide, as text for the settings file."""
    return str(window.save_state())


def restore_layout(window, state: str) -> bool:  # type: ignore[no-untyped-def]
    return bool(state) and bool(window.restore_state(state))


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
    parser.add_argument("--theme", choices=["system", "light", "dark", "high-contrast"],
                        help="Erscheinungsbild: wie das System, hell, dunkel oder hoher Kontrast")
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

    from dvz_desktop.qt.shell.i18n import choose_language, install_translators
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
    from .qt.shell import theme

    try:
        mode = theme.ThemeMode(args.theme or settings.theme)
    except ValueError:
        mode = theme.ThemeMode.SYSTEM
    theme.apply(app, mode)

    one_shot = args.screenshot is not None or args.exit_when_shown
    single = None
    if not (one_shot or args.no_single_instance):
        from .qt.single_instance import Answer, SingleInstance

        single = SingleInstance(parent=app)
        answer = single.notify_running(link=link)
        if answer is Answer.ANSWERED:
            print("DVZ Desktop läuft bereits; das vorhandene Fenster wurde geöffnet"
                  + (" und der Link übergeben." if link else "."))
            return 0
        from .services.instances import record_instance
        from .services.settings import config_dir

        if answer is Answer.SILENT:
            replace_hung_instance()
        record_instance(config_dir())  # before listening: whoever finds the socket also finds the process
        if answer is Answer.SILENT:
            single.take_over()
        else:
            single.listen()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    desktop = Program(app, args, settings_store, settings, single)
    desktop.pending_link = link
    code = 1
    try:
        with loop:
            code = loop.run_until_complete(desktop.run())
        return code
    finally:
        if single is not None:
            from .services.instances import forget_instance
            from .services.settings import config_dir

            forget_instance(config_dir())
        # Nothing left may keep the process alive after the window and the tray are gone.
        end_process_after(QUIT_GRACE_S, code)


def replace_hung_instance() -> None:
    """A DVZ Desktop of this user holds the single-instance socket but does not answer: end it, so this
    start can show the window (instead of "läuft bereits" and nothing)."""
    from .services.instances import end_instance, recorded_instance
    from .services.settings import config_dir

    pid = recorded_instance(config_dir())
    if pid is None:
        print("DVZ Desktop: eine frühere Instanz antwortet nicht; diese übernimmt.", file=sys.stderr)
        return
    print(f"DVZ Desktop: eine frühere Instanz (Prozess {pid}) antwortet nicht und wird beendet.", file=sys.stderr)
    if not end_instance(pid):
        print(f"DVZ Desktop: Prozess {pid} ließ sich nicht beenden; diese Instanz übernimmt trotzdem.",
              file=sys.stderr)


#: Seconds a quit may take (hang up, close media, log out) before the process ends regardless.
QUIT_GRACE_S = 8.0


def end_process_after(seconds: float, code: int = 0) -> None:
    """A daemon timer that ends the process (with ``code``) if it is still there after ``seconds``."""
    import threading

    def end() -> None:
        log.warning("quitting took longer than %.0f s: ending the process", seconds)
        logging.shutdown()
        os._exit(code)

    timer = threading.Timer(seconds, end)
    timer.daemon = True
    timer.start()


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
        from PySide6.QtCore import QCoreApplication
        from .qt.login_dialog import LoginDialog
        from .services.session import Session, SessionError

        from .qt.organisation_login import organisation_login

        dialog = LoginDialog(url, user, self.settings.remember, server_locked=self.policy.locked("ServerUrl"),
                             server_allowed=self.policy.server_allowed, **organisation_login(self.policy))
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

                        title = QCoreApplication.translate("Desktop", "Anmeldung nicht gespeichert")
                        await inform(dialog, title, problem)
                return session
        finally:
            dialog.deleteLater()

    # --- running ---

    async def _run_session(self, session) -> bool:  # type: ignore[no-untyped-def]
        """Show the office until the user quits (False) or the session ends and needs a new login (True)."""
        from PySide6.QtCore import QCoreApplication
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


if __name__ == "__main__":
    sys.exit(main())
