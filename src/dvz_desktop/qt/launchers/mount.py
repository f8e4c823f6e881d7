"""Anwendungen: IT's launchers for the eAkte and specialist applications and the user's own (where
policy allows); a registered protocol is only handed over when this computer has a program for it."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from dvz_desktop.core.launchers import LaunchRefused
from dvz_desktop.services.launchers import has_protocol_handler, start_program
from dvz_desktop.services.session import Session

from ..lifetime import while_alive
from ..shell.host import ShellHost
from . import panel as launchers_panel
from .panel import LaunchersPanel


@dataclass(frozen=True)
class LaunchersContext:
    shell: ShellHost
    session: Session
    run: Callable[[Coroutine[Any, Any, Any]], object]
    #: The user's own launchers (``services.launchers.OwnLaunchers``), or None.
    own_launchers: Any = None


def mount(ctx: LaunchersContext) -> LaunchersPanel:
    async def start(plan: Any) -> None:
        try:
            await start_program(plan)
        except LaunchRefused as exc:
            ctx.shell.show_message(str(exc))

    panel = LaunchersPanel(ctx.session.me or "", lambda plan: ctx.run(start(plan)), ctx.shell.show_message)

    async def open_protocol(plan: Any) -> None:
        scheme = plan.url.split(":", 1)[0]
        name = next((e.name for e in panel.entries if e.entry_id == plan.entry_id), scheme)
        if await has_protocol_handler(scheme) is False:
            ctx.shell.show_message(QCoreApplication.translate(
                "Launchers", "„%1“ lässt sich nicht öffnen: Auf diesem Computer ist kein Programm für %2-Links "
                "eingerichtet. Bitte wenden Sie sich an Ihre IT.").replace("%1", name).replace("%2", scheme))
            return
        if not launchers_panel.open_url(plan.url):
            ctx.shell.show_message(QCoreApplication.translate(
                "Launchers", "Keine Anwendung für diese Adresse eingerichtet."))

    panel.open_protocol = lambda plan: ctx.run(open_protocol(plan))
    ctx.shell.add_panel("launchers", QCoreApplication.translate("Rail", "Anwendungen"),
                        QCoreApplication.translate("Rail", "Programme"), "layout-grid", panel, "Ctrl+5")

    def catalogue(*_: object) -> None:
        if ctx.session.welcome is not None:
            panel.set_catalogue(ctx.session.welcome.launchers)

    ctx.session.welcomed.connect(while_alive(panel, catalogue))
    panel.set_own(ctx.own_launchers)
    catalogue()
    return panel
