"""Büro: who is here (people with search and "Nur heute da") and the building as an accessible tree,
in the side panel beside the plan; notices when followed colleagues arrive."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..lifetime import while_alive
from ..shell.bridge import OfficeBridge
from ..shell.host import PanelHandle, ShellHost
from .arrivals import ArrivalWatcher
from .panel import PeoplePanel
from .tree import OfficeTree


@dataclass(frozen=True)
class PeopleContext:
    shell: ShellHost
    bridge: OfficeBridge
    move: Callable[[str], None]
    #: People whose arrival is announced; changed here, saved through ``save_followed``.
    followed: set[str]
    save_followed: Callable[[set[str]], None]
    notify: Callable[[str, str], None]


class PeopleFeature(QObject):
    """What the rest of the desktop uses of the people panel: its requests and the unread counts."""

    def __init__(self, panel: PeoplePanel, tree: OfficeTree, arrivals: ArrivalWatcher, handle: PanelHandle) -> None:
        super().__init__(panel)
        self.panel = panel
        self.tree = tree
        self.arrivals = arrivals
        self.handle = handle

    def set_unread(self, per_person: dict[str, int]) -> None:
        self.panel.unread = per_person


def mount(ctx: PeopleContext) -> PeopleFeature:
    panel = PeoplePanel()
    tree = OfficeTree()
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(panel, QCoreApplication.translate("Rail", "Personen"))
    tabs.addTab(tree, QCoreApplication.translate("Rail", "Räume"))
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(tabs)
    handle = ctx.shell.add_panel("office", QCoreApplication.translate("Rail", "Büro"),
                                 QCoreApplication.translate("Rail", "Büro"), "building-2", page, "Ctrl+1",
                                 office_entry=True)
    tree.roomActivated.connect(ctx.move)

    def follow(person_id: str, on: bool) -> None:
        (ctx.followed.add if on else ctx.followed.discard)(person_id)
        ctx.save_followed(ctx.followed)

    panel.followToggled.connect(follow)
    arrivals = ArrivalWatcher(ctx.bridge, ctx.followed, ctx.notify)
    panel.followAvailableToggled.connect(
        lambda person_id, on: (arrivals.available_followed.add if on else arrivals.available_followed.discard)(
            person_id))

    def reset() -> None:
        model = ctx.bridge.model
        if model is not None:
            panel.set_model(model, ctx.followed)
            tree.set_model(model)

    def changed(people: set[str]) -> None:
        panel.update_presence(people)
        tree.update_presence(people)

    ctx.bridge.officeReset.connect(while_alive(panel, reset))
    ctx.bridge.presenceChanged.connect(while_alive(panel, changed))
    reset()
    return PeopleFeature(panel, tree, arrivals, handle)
