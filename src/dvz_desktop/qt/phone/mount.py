"""Telefon: a dial pad and recent calls; a colleague's name calls them in DVZ when they are online and by
phone (tel:, sip:, callto: as IT set it) otherwise."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from dvz_desktop.protocol import Status

from ..lifetime import while_alive
from ..shell.bridge import OfficeBridge
from ..shell.host import ShellHost
from .panel import PhonePanel


@dataclass(frozen=True)
class PhoneContext:
    shell: ShellHost
    bridge: OfficeBridge
    #: The URI scheme the organisation's telephony understands (policy ``TelephonyUriScheme``).
    scheme: str
    recent_calls: Path
    #: Call a colleague in DVZ.
    call_in_app: Callable[[str], None]


class PhoneFeature:
    def __init__(self, panel: PhonePanel, bridge: OfficeBridge, report: Callable[[str], None]) -> None:
        self.panel = panel
        self._bridge = bridge
        self._report = report

    def dial_person(self, person_id: str) -> None:
        model = self._bridge.model
        person = model.people.get(person_id) if model else None
        if person is None or not person.phone:
            self._report(QCoreApplication.translate("Phone", "Für diese Person ist keine Telefonnummer hinterlegt."))
            return
        self.panel.dial(person.phone, person.display_name)


def mount(ctx: PhoneContext) -> PhoneFeature:
    panel = PhonePanel(ctx.scheme, ctx.recent_calls, ctx.shell.show_message)
    ctx.shell.add_panel("phone", QCoreApplication.translate("Rail", "Telefon"),
                        QCoreApplication.translate("Rail", "Telefon"), "phone", panel, "Ctrl+6")
    panel.call_in_app = ctx.call_in_app

    def colleagues() -> dict[str, tuple[str, str, bool]]:
        model = ctx.bridge.model
        if model is None:
            return {}
        return {p.display_name: (p.id, p.phone, model.presence_of(p.id).status is not Status.OFFLINE)
                for p in model.people.values() if p.id != model.me}

    panel.colleagues = colleagues
    panel.refresh_names()
    ctx.bridge.officeReset.connect(while_alive(panel, panel.refresh_names))
    return PhoneFeature(panel, ctx.bridge, ctx.shell.show_message)
