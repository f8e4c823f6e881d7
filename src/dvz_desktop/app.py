"""Composition root: builds settings, services, windows and tray once, and owns the one asyncio loop."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .qt.actions import OfficeActions
    from .qt.arrivals import ArrivalWatcher
    from .qt.bridge import OfficeBridge
    from .qt.main_window import MainWindow
    from .qt.status_menu import StatusMenu
    from .protocol import Status
    from .qt.behaviour.presenter import BehaviourPresenter
    from .qt.tray import Tray
    from .qt.calls.panel import CallPanel
    from .qt.chat.panel import ChatPanel
    from .services.behaviour import OfficeBehaviour
    from .services.calls import CallClient
    from .services.chat import ChatClient
    from .services.session import Session

T0 = time.perf_counter()

log = logging.getLogger("dvz_desktop")


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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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


@dataclass
class DesktopParts:
    bridge: "OfficeBridge"
    actions: "OfficeActions"
    status_menu: "StatusMenu"
    window: "MainWindow"
    tray: "Tray"
    arrivals: "ArrivalWatcher"
    behaviour: "OfficeBehaviour"
    presenter: "BehaviourPresenter"
    chat: "ChatClient"
    chat_panel: "ChatPanel"
    calls: "CallClient"
    call_panel: "CallPanel"


def assemble_desktop(session: "Session", followed: set[str],
                     save_followed: Callable[[set[str]], None], auto_away_minutes: float = 0,
                     outbox_dir: Path | None = None, media_factory: Callable[[], object] | None = None,
                     audio_devices: tuple[str, str] = ("", ""),
                     save_audio_devices: Callable[[str, str], None] | None = None) -> DesktopParts:
    """Build the window, tray and their helpers for a logged-in session and wire them together."""
    from .qt.actions import OfficeActions
    from .qt.arrivals import ArrivalWatcher
    from .qt.bridge import OfficeBridge
    from .qt.main_window import MainWindow
    from .qt.status_menu import StatusMenu
    from .qt.tray import Tray
    from .qt.behaviour.presenter import BehaviourPresenter
    from .services.behaviour import OfficeBehaviour

    bridge = OfficeBridge(session)
    behaviour = OfficeBehaviour(session)
    actions = OfficeActions(session, behaviour)
    status_menu = StatusMenu()
    window = MainWindow(bridge, status_menu, followed)
    tray = Tray(status_menu)
    window.keep_in_tray = tray.available()
    status_menu.statusChosen.connect(actions.set_status)
    window.moveRequested.connect(actions.move)
    actions.failed.connect(window.show_message)

    def follow(person_id: str, on: bool) -> None:
        (followed.add if on else followed.discard)(person_id)
        save_followed(followed)

    window.people.followToggled.connect(follow)
    arrivals = ArrivalWatcher(bridge, followed, tray.notify)
    window.people.followAvailableToggled.connect(
        lambda person_id, on: (arrivals.available_followed.add if on else arrivals.available_followed.discard)(person_id))
    presenter = BehaviourPresenter(behaviour, bridge, actions, window, status_menu, tray.notify)
    from .protocol import Status as _Status
    from .qt.behaviour.idle import IdleWatcher

    def my_status() -> "Status":
        return bridge.model.presence_of(bridge.model.me).status if bridge.model else _Status.OFFLINE

    presenter.idle = IdleWatcher(auto_away_minutes, my_status,
                                 lambda status: actions.set_status(status, status_menu.current[1]), parent=window)

    def refresh_tray(*_: object) -> None:
        if bridge.model is not None:
            tray.update_from(bridge.model, bridge.connected)

    for signal in (bridge.presenceChanged, bridge.officeReset, bridge.connectionChanged):
        signal.connect(refresh_tray)
    refresh_tray()
    chat, chat_panel = _assemble_chat(session, bridge, actions, window, tray, presenter, outbox_dir)
    calls, call_panel = _assemble_calls(session, bridge, actions, window, tray, presenter, media_factory)
    call_panel.device_choice = audio_devices

    def devices_chosen(microphone: str, speaker: str) -> None:
        if save_audio_devices is not None:
            save_audio_devices(microphone, speaker)

    call_panel.devicesChosen_callback = devices_chosen
    return DesktopParts(bridge, actions, status_menu, window, tray, arrivals, behaviour, presenter, chat, chat_panel,
                        calls, call_panel)


def _device_media(microphone: str = ""):  # type: ignore[no-untyped-def]
    """Microphone, camera and screen; loaded on the first call."""
    from .qt.calls.screen import screen_source
    from .services.media import DeviceMedia

    return DeviceMedia(input_device=microphone or None, screen=screen_source())


CALL_ROOM_KINDS = ("meeting_room", "personal_office", "team_office", "project_room")


def _assemble_calls(session, bridge, actions, window, tray, presenter, media_factory):  # type: ignore[no-untyped-def]
    """Calls: the panel in a dock, ringing in a banner and the tray, and joining the call of the room I
    walk into when others are there (microphone on, camera off)."""
    from PySide6.QtCore import Qt

    from .qt.behaviour.banners import InviteBanner
    from .qt.calls.panel import CallPanel
    from .services.calls import CallClient

    media_holder: dict[str, object] = {}

    def make_media():  # type: ignore[no-untyped-def]
        media_holder["media"] = media_factory() if media_factory else _device_media(panel.device_choice[0])
        return media_holder["media"]

    calls = CallClient(session, make_media)

    class _MediaProxy:
        """The panel talks to whatever media the current call uses."""

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(media_holder.get("media"), name, None)

    panel = CallPanel(calls, _MediaProxy(), presenter.name, actions.run)
    dock = window.add_call(panel)
    dock.hide()
    speaker: dict[str, object] = {}

    def call_changed(call) -> None:  # type: ignore[no-untyped-def]
        in_call = call is not None and session.me in {m.person_id for m in call.members}
        if in_call:
            if not dock.isVisible():
                dock.show()
                # The call gets most of the right side; the building tree keeps a strip above it.
                window.resizeDocks([window.tree_dock, dock], [160, 520], Qt.Orientation.Vertical)
            dock.raise_()
            if "out" not in speaker and media_factory is None:
                from .services.media import open_speaker

                speaker["out"] = open_speaker(panel.device_choice[1] or None)
        elif "out" in speaker:
            out = speaker.pop("out")
            if out is not None:
                out.close()  # type: ignore[attr-defined]

    def frame(item) -> None:  # type: ignore[no-untyped-def]
        person_id, kind, data = item
        out = speaker.get("out")
        if kind == "audio" and out is not None:
            out.play(person_id, data)  # type: ignore[attr-defined]

    def ringing(call) -> None:  # type: ignore[no-untyped-def]
        caller = next((m.person_id for m in call.members), "")
        text = window.tr("%1 ruft an.").replace("%1", presenter.name(caller))
        banner = InviteBanner(call.call_id, text)
        banner.accept.setText(window.tr("Annehmen"))
        banner.answered.connect(lambda call_id, yes: actions.run(calls.answer(call_id, yes)))
        window.banners.put(f"call:{call.call_id}", banner)
        tray.notify(window.tr("Anruf"), text)

    def ended_ringing(call) -> None:  # type: ignore[no-untyped-def]
        if call is None or session.me not in call.ringing:
            for key in [k for k in window.banners.banners if k.startswith("call:")]:
                window.banners.remove(key)

    calls.call_changed.connect(call_changed)
    calls.call_changed.connect(ended_ringing)
    calls.frame_received.connect(frame)
    calls.ringing.connect(ringing)
    calls.failed.connect(window.show_message)
    window.people.callRequested.connect(lambda pid: actions.run(calls.call_person(pid)))

    # Joining the room's call: when I walk into a room where others are, or someone joins me in mine.
    # After I hung up I stay out of that room's call until I have left the room.
    state: dict[str, object] = {"room": None, "hung_up_in": None, "joining": False}

    def hung_up() -> None:
        if bridge.model is not None:
            state["hung_up_in"] = bridge.model.presence_of(bridge.model.me).room_id

    def speaking(call) -> None:  # type: ignore[no-untyped-def]
        window.map.set_speaking({m.person_id for m in call.members if m.speaking} if call else set())

    panel.hangup.clicked.connect(hung_up)

    async def join(room_id: str) -> None:
        state["joining"] = True
        try:
            await calls.join_room(room_id)
        finally:
            state["joining"] = False

    def walked(changed: set[str]) -> None:
        model = bridge.model
        if model is None:
            return
        room_id = model.presence_of(model.me).room_id
        if room_id != state["room"]:
            state["room"], state["hung_up_in"] = room_id, None
        elif not changed & {p.id for p in model.people_in(room_id or "")}:
            return
        ref = model.rooms.get(room_id or "")
        others = [p for p in model.people_in(room_id or "") if p.id != model.me]
        if (ref is not None and ref.room.kind.value in CALL_ROOM_KINDS and others and calls.call is None
                and not state["joining"] and state["hung_up_in"] != room_id):
            actions.run(join(room_id))  # type: ignore[arg-type]

    calls.call_changed.connect(speaking)
    bridge.presenceChanged.connect(walked)
    return calls, panel


def _assemble_chat(session, bridge, actions, window, tray, presenter, outbox_dir):  # type: ignore[no-untyped-def]
    """The chat client with its outbox on disk, its panel in a dock, and its tray notices."""
    import hashlib

    from .qt.chat.notify import ChatNotifier
    from .qt.chat.panel import ChatPanel
    from .services.chat import ChatClient
    from .services.settings import config_dir

    owner = hashlib.sha256(f"{session.me}@{session.url}".encode()).hexdigest()[:16]
    chat = ChatClient(session, (outbox_dir or config_dir() / "outbox") / f"{owner}.jsonl")
    panel = ChatPanel(chat, presenter.name, presenter.room_name, actions.run)
    panel.failed.connect(window.show_message)
    window.add_chat(panel)

    def open_chat(conv_id: str) -> None:
        if window.chat_dock is not None:
            window.chat_dock.show()
            window.chat_dock.raise_()
        panel.open(conv_id)

    async def open_direct(person_id: str) -> None:
        open_chat(await chat.open_direct(person_id))

    async def open_room(room_id: str) -> None:
        open_chat(await chat.open_room(room_id))

    window.people.messageRequested.connect(lambda pid: actions.run(open_direct(pid)))
    presenter.roomChatRequested.connect(lambda rid: actions.run(open_room(rid)))

    def showing(conv_id: str) -> bool:
        return panel.current == conv_id and panel.isVisible() and window.isActiveWindow()

    ChatNotifier(session, chat, presenter.name, showing, tray.notify, parent=panel)

    def unread_changed(*_: object) -> None:
        me = chat.me
        per_person: dict[str, int] = {}
        for conv_id, state in chat.conversations.items():
            others = [m for m in state.info.members if m != me]
            if len(others) == 1:
                per_person[others[0]] = per_person.get(others[0], 0) + chat.unread(conv_id)
        if per_person != window.people.unread:
            window.people.unread = per_person
            window.people.refresh()
        tray.set_unread(chat.total_unread())

    chat.changed.connect(unread_changed)
    chat.conversations_changed.connect(unread_changed)
    return chat, panel


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
                                 save_audio_devices=self._save_audio_devices)
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
            quitting.cancel()
            tray.icon.hide()
            window.keep_in_tray = False
            window.close()
            window.deleteLater()
            await session.stop()

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
