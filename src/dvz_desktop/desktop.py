"""The desktop of one logged-in session: the shell, then every feature mounted into it, then the few
wires between features (a person's "Nachricht schreiben" opens the chat, and so on).

Each feature gets only what it uses, in its own context (``qt/<feature>/mount.py``); none of them sees the
main window. ``app.py`` runs the program around this (login, the loop, single instance).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from .qt.behaviour.presenter import BehaviourPresenter
    from .qt.calendar.panel import CalendarPanel
    from .qt.calls.mount import CallsFeature
    from .qt.calls.switchboard import CallSwitchboard
    from .qt.chat.mount import ChatFeature
    from .qt.door.panel import DoorPanel
    from .qt.launchers.panel import LaunchersPanel
    from .qt.links import LinkFollower
    from .qt.map.widget import MapWidget
    from .qt.people.mount import PeopleFeature
    from .qt.phone.mount import PhoneFeature
    from .qt.shell.actions import OfficeActions
    from .qt.shell.banners import BannerArea
    from .qt.shell.bridge import OfficeBridge
    from .qt.shell.shell import Shell
    from .qt.shell.status_menu import StatusMenu
    from .qt.shell.tray import Tray
    from .qt.shell.window import ShellWindow
    from .qt.today.panel import TodayPanel
    from .qt.whiteboard.panel import WhiteboardPanel
    from .services.behaviour import OfficeBehaviour
    from .services.door import DoorClient
    from .services.session import Session


@dataclass
class ShellParts:
    """The window, its banners and the tray: what can be shown before anyone is logged in."""

    status_menu: StatusMenu
    tray: Tray
    banners: BannerArea
    window: ShellWindow
    shell: Shell


def build_shell() -> ShellParts:
    """The empty shell (rail, stage, side panel host, status line) and the tray. It needs neither a
    session nor the message models, so the program shows it first and logs in behind it."""
    from .qt.shell.banners import BannerArea
    from .qt.shell.shell import Shell
    from .qt.shell.status_menu import StatusMenu
    from .qt.shell.tray import Tray
    from .qt.shell.window import ShellWindow

    status_menu = StatusMenu()
    tray = Tray(status_menu)
    banners = BannerArea()
    window = ShellWindow(banners)
    window.keep_in_tray = tray.available()
    return ShellParts(status_menu, tray, banners, window, Shell(window, banners, tray.notify))


@dataclass
class DesktopParts:
    """What was built for one session (the program and the tests hold on to it)."""

    bridge: OfficeBridge
    actions: OfficeActions
    status_menu: StatusMenu
    window: ShellWindow
    shell: Shell
    tray: Tray
    behaviour: OfficeBehaviour
    presenter: BehaviourPresenter
    map: MapWidget
    people: PeopleFeature
    chat: ChatFeature
    calls: CallsFeature
    switchboard: CallSwitchboard
    launchers: LaunchersPanel
    phone: PhoneFeature
    calendar: CalendarPanel
    whiteboard: WhiteboardPanel
    today: TodayPanel
    door: DoorClient
    door_panel: DoorPanel
    links: LinkFollower
    council: Any = None


def assemble_desktop(session: Session, followed: set[str],
                     save_followed: Callable[[set[str]], None], auto_away_minutes: float = 0,
                     outbox_dir: Path | None = None, media_factory: Callable[[], Any] | None = None,
                     audio_devices: tuple[str, str] = ("", ""),
                     save_audio_devices: Callable[[str, str], None] | None = None,
                     telephony_scheme: str = "tel", calendar_account: object | None = None,
                     own_launchers: object | None = None, shell_parts: ShellParts | None = None) -> DesktopParts:
    """Mount every feature for a logged-in session into the shell (``shell_parts``, shown already while
    logging in; built here if not given)."""
    from .qt.behaviour.mount import BehaviourContext, mount as mount_behaviour
    from .qt.calendar.mount import CalendarContext, mount as mount_calendar
    from .qt.calls.mount import CallsContext, mount as mount_calls
    from .qt.calls.switchboard import CallSwitchboard
    from .qt.chat.mount import ChatContext, mount as mount_chat
    from .qt.council.mount import CouncilContext, mount as mount_council
    from .qt.door.mount import DoorContext, mount as mount_door
    from .qt.launchers.mount import LaunchersContext, mount as mount_launchers
    from .qt.links import LinkFollower
    from .qt.map.mount import MapContext, mount as mount_map
    from .qt.people.mount import PeopleContext, mount as mount_people
    from .qt.phone.mount import PhoneContext, mount as mount_phone
    from .qt.shell.actions import OfficeActions
    from .qt.shell.bridge import OfficeBridge
    from .qt.shell.host import HostView
    from .qt.today.mount import TodayContext, mount as mount_today
    from .qt.whiteboard.mount import WhiteboardContext, mount as mount_whiteboard
    from .services.behaviour import OfficeBehaviour
    from .services.settings import config_dir

    built = shell_parts or build_shell()
    status_menu, tray, banners, window, shell = (built.status_menu, built.tray, built.banners, built.window,
                                                 built.shell)
    bridge = OfficeBridge(session)
    behaviour = OfficeBehaviour(session)
    actions = OfficeActions(session, behaviour)
    host = HostView(shell)  # what every feature gets of the shell, and nothing more
    _wire_status(bridge, window, status_menu, actions, tray)
    run, move = actions.run, actions.move

    def set_status(status: Any) -> None:
        actions.set_status(status, status_menu.current[1])

    from .services.photos import PhotoFetcher

    office = mount_map(MapContext(host, bridge, move, PhotoFetcher.for_session(session).fetch))
    people = mount_people(PeopleContext(host, bridge, move, followed, save_followed, tray.notify))
    presenter = mount_behaviour(BehaviourContext(host, bridge, behaviour, actions, status_menu, office.set_door,
                                                 tray.notify, auto_away_minutes))
    owner = hashlib.sha256(f"{session.me}@{session.url}".encode()).hexdigest()[:16]
    chat = mount_chat(ChatContext(host, session, bridge, run, (outbox_dir or config_dir() / "outbox") /
                                  f"{owner}.jsonl", tray.notify))
    devices = _DeviceMedia(*audio_devices)
    switchboard = CallSwitchboard(banners, bridge.name_of, run, None if media_factory else devices.speaker,
                                  parent=shell.anchor())
    calls = mount_calls(CallsContext(host, session, bridge, run, switchboard, media_factory or devices,
                                     tray.notify, office.set_speaking, audio_devices,
                                     _remember(devices, save_audio_devices)))
    calendar = mount_calendar(CalendarContext(host, bridge, run, move, tray.notify, set_status, calendar_account))
    today = mount_today(TodayContext(host, bridge, behaviour, move, chat, calendar, presenter))
    launchers = mount_launchers(LaunchersContext(host, session, run, own_launchers))
    phone = mount_phone(PhoneContext(host, bridge, telephony_scheme,
                                     (outbox_dir or config_dir()) / "recent_calls.json", calls.call_person))
    door, door_panel = mount_door(DoorContext(host, session, run, media_factory or devices, switchboard,
                                              office.set_waiting, tray.set_waiting))
    whiteboard, _board_view = mount_whiteboard(WhiteboardContext(host, session, bridge, run))
    council = mount_council(CouncilContext(host, session, bridge, run, lambda: _launcher_entries(session),
                                           lambda: _mute_me(calls.client, run)))

    # Between features: what one offers, another asks for.
    office.roomMenuRequested.connect(presenter.room_menu)
    people.panel.inviteRequested.connect(presenter.invite)
    people.panel.askRequested.connect(presenter.ask_question)
    people.panel.messageRequested.connect(chat.open_direct)
    people.panel.callRequested.connect(calls.call_person)
    people.panel.dialRequested.connect(phone.dial_person)
    people.panel.personActivated.connect(lambda person_id: _show_person(bridge, office, person_id))
    presenter.roomChatRequested.connect(chat.open_room)
    chat.unreadPerPersonChanged.connect(people.set_unread)
    chat.totalUnreadChanged.connect(tray.set_unread)
    chat.panel.offers = launchers.offers
    # Links from outside (a second start, a browser, a colleague's chat message) ask in the window first.
    links = LinkFollower(banners, lambda: bridge.model, bridge.name_of, bridge.room_name,
                         lambda room_id: behaviour.door_of(room_id).state, move, calls.call_person,
                         shell.show_message, parent=shell.anchor())
    chat.panel.dvzLinkActivated.connect(links.ask_text)
    actions.failed.connect(shell.show_message)
    window.open_panel("office")
    office.view.setFocus()  # the keyboard starts on the plan (arrow keys walk the rooms)
    session.release_messages()  # every feature listens now: what came since the login reaches it
    return DesktopParts(bridge, actions, status_menu, window, shell, tray, behaviour, presenter, office, people, chat,
                        calls, switchboard, launchers, phone, calendar, whiteboard, today, door, door_panel, links,
                        council)


def _launcher_entries(session: Any) -> list[Any]:
    """IT's launcher catalogue as the rules know it (the council's minutes go to the eAkte through it)."""
    from .qt.launchers.panel import entry_from

    welcome = session.welcome
    return [entry_from(info) for info in welcome.launchers] if welcome is not None else []


def _mute_me(client: Any, run: Any) -> None:
    """My microphone off in the call I am in (my camera as it is)."""
    call = client.call
    if call is None:
        return
    mine = next((m for m in call.members if m.person_id == client.me), None)
    run(client.set_media(False, bool(mine and mine.video)))


def _show_person(bridge: Any, office: Any, person_id: str) -> None:
    """Enter on a person in the list: the plan shows the floor they are on."""
    model = bridge.model
    room = model.room_of(person_id) if model is not None else None
    if room is not None:
        office.show_floor(room.floor.id)


def _wire_status(bridge: Any, window: Any, status_menu: Any, actions: Any, tray: Any) -> None:
    """My status in the status line and the tray; the connection in the status line."""
    window.status_line.set_status_menu(status_menu)
    status_menu.statusChosen.connect(actions.set_status)

    def mine(*_: object) -> None:
        model = bridge.model
        if model is None:
            return
        me = model.people.get(model.me)
        if me is not None:
            window.setWindowTitle(QCoreApplication.translate("Desktop", "DVZ Desktop – %1").replace("%1",
                                                                                                    me.display_name))
        presence = model.presence_of(model.me)
        window.status_line.show_my_status(presence.status, presence.note)
        status_menu.show_status(presence.status, presence.note)
        tray.update_from(model, bridge.connected)

    def changed(people: set[str]) -> None:
        model = bridge.model
        if model is None:
            return
        if model.me in people:
            mine()
        else:
            tray.update_from(model, bridge.connected, people)  # redraws only if my unit is among them

    def connection(state: str, message: str) -> None:
        window.status_line.show_connection(state, message)
        mine()

    from .qt.lifetime import while_alive

    def organisation() -> None:
        from PySide6.QtWidgets import QApplication

        from .qt.shell.identity import show_organisation
        from .qt.shell.window import APP_ICON

        model, app = bridge.model, QApplication.instance()
        if model is None or not isinstance(app, QApplication):
            return
        me = model.people.get(model.me)
        show_organisation(app, window.rail, model.organisations.get(me.org_id) if me else None, str(APP_ICON))

    bridge.officeReset.connect(while_alive(window, mine))
    bridge.officeReset.connect(while_alive(window, organisation))
    bridge.presenceChanged.connect(while_alive(window, changed))
    bridge.connectionChanged.connect(while_alive(window, connection))
    window.status_line.show_connection("connected" if bridge.connected else "reconnecting", "")
    mine()
    organisation()


class _DeviceMedia:
    """Microphone, camera, screen and loudspeaker of this computer; loaded on the first call."""

    def __init__(self, microphone: str, speaker: str) -> None:
        self.microphone = microphone
        self.speaker_device = speaker

    def speaker(self) -> Any:
        from .services.media import open_speaker

        return open_speaker(self.speaker_device or None)

    def __call__(self) -> Any:
        from .qt.calls.screen import screen_source
        from .services.media import DeviceMedia

        return DeviceMedia(input_device=self.microphone or None, screen=screen_source())


def _remember(devices: _DeviceMedia, save: Callable[[str, str], None] | None) -> Callable[[str, str], None]:
    def chosen(microphone: str, speaker: str) -> None:
        devices.microphone, devices.speaker_device = microphone, speaker  # used from the next call on
        if save is not None:
            save(microphone, speaker)

    return chosen

