"""The office as a feature: what each person's ``welcome`` says about the house (the layout and people
they may see, and IT's launchers for their organisation). It handles no messages."""

from __future__ import annotations

from collections.abc import Sequence

from dvz_desktop.protocol import LauncherInfo, PlaceholderInfo

from ..feature import Feature, WelcomePart
from ..net.hub import Connection
from .orgfile import LauncherSpec
from .visibility import Directory


class OfficeFeature(Feature):
    name = "office"

    def __init__(self, directory: Directory, launchers: Sequence[LauncherSpec]) -> None:
        self.directory = directory
        self.launchers = tuple(launchers)

    def welcome(self, conn: Connection) -> WelcomePart:
        return WelcomePart({"office": self.directory.layout_for(conn.org_id),
                            "launchers": self.launchers_for(conn.org_id)},
                           serialised={"office": self.directory.layout_json(conn.org_id)})

    def launchers_for(self, org_id: str) -> tuple[LauncherInfo, ...]:
        return tuple(
            LauncherInfo(entry_id=spec.id, name=spec.name, kind=spec.kind, target=spec.target, args=tuple(spec.args),
                         placeholders=tuple(PlaceholderInfo(**p.model_dump()) for p in spec.placeholders),
                         scheme=spec.scheme)
            for spec in self.launchers if not spec.orgs or org_id in spec.orgs
        )
