"""Office behaviour in the window: knock, invitation and question banners over the plan, doors and their
notes on the map, the room menu, the dialogs (Verpasst, Kurze Fragen, Wer ist heute da, Abwesenheit),
and auto-away after a while without input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dvz_desktop.protocol import DoorState, Status
from dvz_desktop.services.behaviour import OfficeBehaviour

from ..shell.actions import OfficeActions
from ..shell.bridge import OfficeBridge
from ..shell.host import ShellHost
from ..shell.status_menu import StatusMenu
from .idle import IdleWatcher
from .presenter import BehaviourPresenter


@dataclass(frozen=True)
class BehaviourContext:
    shell: ShellHost
    bridge: OfficeBridge
    behaviour: OfficeBehaviour
    actions: OfficeActions
    status_menu: StatusMenu
    #: Draw a door's state and notes on the plan.
    set_door: Callable[[str, DoorState, list[str]], None]
    notify: Callable[[str, str], None]
    #: Minutes without input before "abwesend" (0: never).
    auto_away_minutes: float = 0


def mount(ctx: BehaviourContext) -> BehaviourPresenter:
    presenter = BehaviourPresenter(ctx.behaviour, ctx.bridge, ctx.actions, ctx.shell, ctx.status_menu,
                                   ctx.set_door, ctx.notify, parent=ctx.shell.anchor())

    def my_status() -> Status:
        model = ctx.bridge.model
        return model.presence_of(model.me).status if model is not None else Status.OFFLINE

    presenter.idle = IdleWatcher(ctx.auto_away_minutes, my_status,
                                 lambda status: ctx.actions.set_status(status, ctx.status_menu.current[1]),
                                 parent=presenter)
    return presenter
