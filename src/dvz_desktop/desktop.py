"""The desktop for one logged-in session: window, tray, office behaviour, chat and calls, built and
wired together (the composition root's larger half; app.py runs the program)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .protocol import Status
    from .qt.actions import OfficeActions
    from .qt.arrivals import ArrivalWatcher
    from .qt.behaviour.presenter import BehaviourPresenter
    from .qt.bridge import OfficeBridge
    from .qt.calls.panel import CallPanel
    from .qt.calls.switchboard import CallSwitchboard
    from .qt.chat.panel import ChatPanel
    from .qt.desk.calendar_panel import CalendarPanel
    from .qt.desk.launchers_panel import LaunchersPanel
    from .qt.desk.phone_panel import PhonePanel
    from .qt.desk.today_panel import TodayPanel
    from .qt.door.panel import DoorPanel
    from .qt.links import LinkFollower
    from .services.door import DoorClient
    from .qt.desk.whiteboard_panel import WhiteboardPanel
    from .qt.main_window import MainWindow
    from .qt.status_menu import StatusMenu
    from .qt.tray import Tray
    from .services.behaviour import OfficeBehaviour
    from .services.calls import CallClient
    from .services.chat import ChatClient
    from .services.session import Session


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
    launchers: "LaunchersPanel"
    phone: "PhonePanel"
    calendar: "CalendarPanel"
    whiteboard: "WhiteboardPanel"
    today: "TodayPanel"
    door: "DoorClient"
    door_panel: "DoorPanel"
    links: "LinkFollower"
    switchboard: "CallSwitchboard"


def assemble_desktop(session: "Session", followed: set[str],
                     save_followed: Callable[[set[str]], None], auto_away_minutes: float = 0,
                     outbox_dir: Path | None = None, media_factory: Callable[[], object] | None = None,
                     audio_devices: tuple[str, str] = ("", ""),
                     save_audio_devices: Callable[[str, str], None] | None = None,
                     telephony_scheme: str = "tel", calendar_account: object | None = None,
                     own_launchers: object | None = None) -> DesktopParts:
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
    from .services.photos import PhotoFetcher

    window.map.set_photo_source(PhotoFetcher.for_session(session).fetch)  # colleagues' portraits, lazily
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
    from .qt.calls.switchboard import CallSwitchboard

    # One conversation audible at a time (a colleague call or a visit at the digital door).
    switchboard = CallSwitchboard(window.banners, presenter.name, actions.run,
                                  None if media_factory else (lambda: _open_speaker(call_panel.device_choice[1])),
                                  parent=window)
    calls, call_panel = _assemble_calls(session, bridge, actions, window, tray, presenter, media_factory, switchboard)
    call_panel.device_choice = audio_devices

    def devices_chosen(microphone: str, speaker: str) -> None:
        if save_audio_devices is not None:
            save_audio_devices(microphone, speaker)

    call_panel.devicesChosen_callback = devices_chosen
    from .desk import (
        assemble_calendar,
        assemble_door,
        assemble_launchers_and_phone,
        assemble_today,
        assemble_whiteboard,
        follow_appointments,
    )

    launchers, phone = assemble_launchers_and_phone(session, bridge, actions, window, telephony_scheme, outbox_dir,
                                                    own_launchers, chat_panel)
    phone.call_in_app = lambda person_id: call_colleague(switchboard, calls, presenter, person_id)
    calendar_panel = assemble_calendar(actions, window, tray, presenter, bridge, calendar_account)
    follow_appointments(calendar_panel, bridge, lambda status: actions.set_status(status, status_menu.current[1]))
    whiteboard = assemble_whiteboard(session, bridge, actions, window)
    door, door_panel = assemble_door(session, window, tray, actions,
                                     media_factory or (lambda: _device_media(call_panel.device_choice[0])),
                                     switchboard)
    today = assemble_today(window, actions, presenter, calendar_panel, chat, chat_panel.show_conversation, behaviour)
    from .qt.links import LinkFollower

    # Links from outside (a second start, a browser, a colleague's chat message) ask in the window first.
    links = LinkFollower(window.banners, lambda: bridge.model, presenter.name, presenter.room_name,
                         lambda room_id: behaviour.door_of(room_id).state, actions.move,
                         lambda person_id: call_colleague(switchboard, calls, presenter, person_id),
                         window.show_message, parent=window)
    chat_panel.dvzLinkActivated.connect(links.ask_text)
    return DesktopParts(bridge, actions, status_menu, window, tray, arrivals, behaviour, presenter, chat, chat_panel,
                        calls, call_panel, launchers, phone, calendar_panel, whiteboard, today, door, door_panel,
                        links, switchboard)


def call_colleague(switchboard, calls, presenter, person_id: str) -> None:  # type: ignore[no-untyped-def]
    """Call a colleague; with another conversation live, the switchboard asks first."""
    from PySide6.QtCore import QCoreApplication
    what = QCoreApplication.translate("Desktop", "%1 anrufen").replace("%1", presenter.name(person_id))
    switchboard.start_call(what, lambda: calls.call_person(person_id))


def _open_speaker(device: str = ""):  # type: ignore[no-untyped-def]
    from .services.media import open_speaker

    return open_speaker(device or None)


def _device_media(microphone: str = ""):  # type: ignore[no-untyped-def]
    """Microphone, camera and screen; loaded on the first call."""
    from .qt.calls.screen import screen_source
    from .services.media import DeviceMedia

    return DeviceMedia(input_device=microphone or None, screen=screen_source())


CALL_ROOM_KINDS = ("meeting_room", "personal_office", "team_office", "project_room")


def _assemble_calls(session, bridge, actions, window, tray, presenter, media_factory, switchboard):  # type: ignore[no-untyped-def]
    """Calls: the panel in a dock, ringing in a banner and the tray, and joining the call of the room I
    walk into when others are there (microphone on, camera off) and nothing else is live. The
    switchboard asks before a second conversation starts and plays the live one's sound."""
    from PySide6.QtCore import QCoreApplication, Qt

    from .qt.behaviour.banners import InviteBanner
    from .qt.calls.panel import CallPanel
    from .qt.lifetime import while_alive
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
    switchboard.attach_calls(calls, panel)
    dock = window.add_call(panel)
    dock.hide()

    def call_changed(call) -> None:  # type: ignore[no-untyped-def]
        in_call = call is not None and session.me in {m.person_id for m in call.members}
        if in_call:
            if not dock.isVisible():
                dock.show()
                # The call gets most of the right side; the building tree keeps a strip above it. With
                # the whiteboard open, the board keeps the larger part and the call sits above it.
                from PySide6.QtWidgets import QDockWidget

                board = window.findChild(QDockWidget, "dock-whiteboard")
                if board is not None and board.isVisible() and not board.isFloating():
                    window.resizeDocks([window.tree_dock, dock, board], [90, 260, 700], Qt.Orientation.Vertical)
                else:
                    window.resizeDocks([window.tree_dock, dock], [160, 520], Qt.Orientation.Vertical)
            dock.raise_()

    def ringing(call) -> None:  # type: ignore[no-untyped-def]
        caller = next((m.person_id for m in call.members), "")
        text = QCoreApplication.translate("Desktop", "%1 ruft an.").replace("%1", presenter.name(caller))
        banner = InviteBanner(call.call_id, text)
        banner.accept.setText(QCoreApplication.translate("Desktop", "Annehmen"))

        def answered(call_id: str, yes: bool) -> None:
            if not yes:
                actions.run(calls.answer(call_id, False))
                return
            what = QCoreApplication.translate("Desktop", "Den Anruf von %1 annehmen").replace(
                "%1", presenter.name(caller))
            switchboard.start_call(what, lambda: calls.answer(call_id, True))

        banner.answered.connect(answered)
        window.banners.put(f"call:{call.call_id}", banner)
        tray.notify(QCoreApplication.translate("Desktop", "Anruf"), text)

    def ended_ringing(call) -> None:  # type: ignore[no-untyped-def]
        if call is None or session.me not in call.ringing:
            for key in [k for k in window.banners.banners if k.startswith("call:")]:
                window.banners.remove(key)

    # The services may outlive the window (a late event after closing): these listeners go quiet with it.
    calls.call_changed.connect(while_alive(dock, call_changed))
    calls.call_changed.connect(while_alive(window, ended_ringing))
    calls.ringing.connect(while_alive(window, ringing))
    calls.failed.connect(while_alive(window, window.show_message))
    window.people.callRequested.connect(lambda pid: call_colleague(switchboard, calls, presenter, pid))

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
                and not state["joining"] and state["hung_up_in"] != room_id and switchboard.idle()):
            actions.run(join(room_id))  # type: ignore[arg-type]

    calls.call_changed.connect(while_alive(window, speaking))
    bridge.presenceChanged.connect(walked)
    return calls, panel


def _assemble_chat(session, bridge, actions, window, tray, presenter, outbox_dir):  # type: ignore[no-untyped-def]
    """The chat client with its outbox on disk, its panel in a dock, and its tray notices."""
    import hashlib

    from .qt.chat.notify import ChatNotifier
    from .qt.chat.panel import ChatPanel
    from .qt.lifetime import while_alive
    from .services.chat import ChatClient
    from .services.settings import config_dir

    owner = hashlib.sha256(f"{session.me}@{session.url}".encode()).hexdigest()[:16]
    chat = ChatClient(session, (outbox_dir or config_dir() / "outbox") / f"{owner}.jsonl")
    panel = ChatPanel(chat, presenter.name, presenter.room_name, actions.run)
    panel.failed.connect(window.show_message)
    window.add_chat(panel)

    open_chat = panel.show_conversation

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

    chat.changed.connect(while_alive(window, unread_changed))
    chat.conversations_changed.connect(while_alive(window, unread_changed))
    return chat, panel
