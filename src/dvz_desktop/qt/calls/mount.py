"""Calls: a call takes the stage over the plan and shrinks to a mini view when the user goes back to the
office; ringing in a banner and the tray; walking into a room with others joins its call (the rule is
``core/room_calls.py``); the switchboard keeps one conversation audible at a time."""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from dvz_desktop.core.room_calls import RoomCallRule
from dvz_desktop.protocol import CallInfo
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import Session

from ..behaviour.banners import InviteBanner
from ..lifetime import while_alive
from ..shell.bridge import OfficeBridge
from ..shell.host import ShellHost
from .mini import MiniCall
from .panel import CallPanel
from .switchboard import CallSwitchboard


@dataclass(frozen=True)
class CallsContext:
    shell: ShellHost
    session: Session
    bridge: OfficeBridge
    run: Callable[[Coroutine[Any, Any, Any]], object]
    switchboard: CallSwitchboard
    #: Builds the media (microphone, camera, screen) of a call, on the first call.
    media_factory: Callable[[], Any]
    notify: Callable[[str, str], None]
    #: Who is talking in my call (their avatar on the plan gets a ring).
    set_speaking: Callable[[set[str]], None]
    audio_devices: tuple[str, str] = ("", "")
    save_audio_devices: Callable[[str, str], None] | None = None


class CallsFeature(QObject):
    def __init__(self, client: CallClient, panel: CallPanel, switchboard: CallSwitchboard,
                 name_of: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.panel = panel
        self._switchboard = switchboard
        self._name_of = name_of

    def call_person(self, person_id: str) -> None:
        """Call a colleague; with another conversation live, the switchboard asks first."""
        what = QCoreApplication.translate("Calls", "%1 anrufen").replace("%1", self._name_of(person_id))
        self._switchboard.start_call(what, lambda: self.client.call_person(person_id))


def mount(ctx: CallsContext) -> CallsFeature:
    media: dict[str, Any] = {}

    def make_media() -> Any:
        media["now"] = ctx.media_factory()
        return media["now"]

    class _MediaProxy:
        """The panel talks to whatever media the current call uses."""

        def __getattr__(self, name: str) -> Any:
            return getattr(media.get("now"), name, None)

    client = CallClient(ctx.session, make_media)
    panel = CallPanel(client, _MediaProxy(), ctx.bridge.name_of, ctx.run)
    panel.room_name = ctx.bridge.room_name
    panel.device_choice = ctx.audio_devices
    panel.devicesChosen_callback = ctx.save_audio_devices
    ctx.switchboard.attach_calls(client, panel)
    view = ctx.shell.add_view("call", panel)
    panel.minimize.clicked.connect(view.hide)

    def status_of(person_id: str) -> Any:
        model = ctx.bridge.model
        return model.presence_of(person_id).status if model is not None else None

    panel.status_of = status_of
    mini = MiniCall()
    mini.enlargeRequested.connect(view.show)
    mini.hangupRequested.connect(panel.hangup.click)
    mini.muteToggled.connect(panel.mute.setChecked)
    panel.mute.toggled.connect(lambda muted: mini.mute.isChecked() != muted and mini.mute.setChecked(muted))
    feature = CallsFeature(client, panel, ctx.switchboard, ctx.bridge.name_of, parent=panel)
    state = {"in_call": False, "since": 0.0}

    def in_call(call: CallInfo | None) -> bool:
        return call is not None and ctx.session.me in {m.person_id for m in call.members}

    def describe(call: CallInfo) -> str:
        others = [ctx.bridge.name_of(m.person_id) for m in call.members if m.person_id != ctx.session.me]
        return (QCoreApplication.translate("Calls", "Im Gespräch mit %1").replace("%1", ", ".join(others)) if others
                else QCoreApplication.translate("Calls", "Sie warten im Gespräch …"))

    def call_changed(call: CallInfo | None) -> None:
        now_in = in_call(call)
        if now_in and not state["in_call"]:
            state["since"] = time.monotonic()
            if ctx.shell.current_view() in ("", "office"):
                view.show()  # a call that starts takes the stage; over the whiteboard it stays small
        if now_in and call is not None:
            mini.show_call(describe(call), state["since"])
            view.set_floating(None if view.is_shown() else mini)
        elif state["in_call"]:
            state["in_call"] = False  # before hiding: view_shown must not bring the small view back
            mini.stop()
            view.set_floating(None)
            view.hide()
        state["in_call"] = now_in

    def view_shown(shown: bool) -> None:
        # Back to the office during a call: the call keeps going in the small view.
        if state["in_call"]:
            view.set_floating(None if shown else mini)

    def ringing(call: CallInfo) -> None:
        caller = next((m.person_id for m in call.members), "")
        text = QCoreApplication.translate("Calls", "%1 ruft an.").replace("%1", ctx.bridge.name_of(caller))
        banner = InviteBanner(call.call_id, text)
        banner.accept.setText(QCoreApplication.translate("Calls", "Annehmen"))

        def answered(call_id: str, yes: bool) -> None:
            if not yes:
                ctx.run(client.answer(call_id, False))
                return
            what = QCoreApplication.translate("Calls", "Den Anruf von %1 annehmen").replace(
                "%1", ctx.bridge.name_of(caller))
            ctx.switchboard.start_call(what, lambda: client.answer(call_id, True))

        banner.answered.connect(answered)
        ctx.shell.banners.put(f"call:{call.call_id}", banner)
        ctx.notify(QCoreApplication.translate("Calls", "Anruf"), text)

    def ended_ringing(call: CallInfo | None) -> None:
        if call is None or ctx.session.me not in call.ringing:
            for key in [k for k in ctx.shell.banners.keys() if k.startswith("call:")]:
                ctx.shell.banners.remove(key)

    def speaking(call: CallInfo | None) -> None:
        ctx.set_speaking({m.person_id for m in call.members if m.speaking} if call else set())

    anchor = ctx.shell.anchor()
    client.call_changed.connect(while_alive(panel, call_changed))
    client.call_changed.connect(while_alive(anchor, ended_ringing))
    client.call_changed.connect(while_alive(anchor, speaking))
    client.ringing.connect(while_alive(anchor, ringing))
    client.failed.connect(while_alive(anchor, ctx.shell.show_message))

    def ended_unexpectedly(reason: str) -> None:
        ctx.shell.show_message(QCoreApplication.translate(
            "Calls", "Das Gespräch ist beendet: Die Verbindung der Gegenseite ist abgebrochen."))

    client.ended_unexpectedly.connect(while_alive(anchor, ended_unexpectedly))
    view.shownChanged.connect(view_shown)

    # Joining the room's call when I walk into a room where others are, or someone joins me in mine.
    rule = RoomCallRule()
    panel.hangup.clicked.connect(rule.hung_up)

    async def join(room_id: str) -> None:
        rule.joining = True
        try:
            await client.join_room(room_id)
        finally:
            rule.joining = False

    def walked(changed: set[str]) -> None:
        model = ctx.bridge.model
        if model is None:
            return
        room_id = model.presence_of(model.me).room_id
        here = model.people_in(room_id or "")
        if not rule.moved(room_id) and not changed & {p.id for p in here}:
            return
        ref = model.rooms.get(room_id or "")
        others = [p.id for p in here if p.id != model.me]
        if rule.should_join(ref.room.kind if ref else None, others, client.call is not None,
                            ctx.switchboard.idle()):
            ctx.run(join(room_id or ""))

    ctx.bridge.presenceChanged.connect(while_alive(anchor, walked))
    return feature
