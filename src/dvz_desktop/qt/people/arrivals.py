"""Tray notices for people I follow: "Anna Schneider ist jetzt da", "… ist jetzt verfügbar"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from dvz_desktop.protocol import Status

from ..shell.bridge import OfficeBridge


class ArrivalWatcher(QObject):
    def __init__(self, bridge: OfficeBridge, followed: set[str], notify: Callable[[str, str], None]) -> None:
        super().__init__(bridge)
        self._bridge = bridge
        self.followed = followed
        self._notify = notify
        self._online: set[str] = set()
        #: "Benachrichtigen, wenn verfügbar": told when their status becomes "verfügbar".
        self.available_followed: set[str] = set()
        self._available: set[str] = set()
        bridge.officeReset.connect(self._reset)
        bridge.presenceChanged.connect(self._changed)
        self._reset()

    def _reset(self) -> None:
        model = self._bridge.model
        self._online = {p for p in self.followed if model is not None and model.is_online(p)}
        self._available = {p for p in model.presence if model.presence_of(p).status is Status.AVAILABLE} \
            if model is not None else set()

    def _changed(self, changed: set[str]) -> None:
        model = self._bridge.model
        if model is None:
            return
        for person_id in changed & self.followed:
            online = model.is_online(person_id)
            if online and person_id not in self._online:
                name = model.people[person_id].display_name
                self._notify(
                    QCoreApplication.translate("ArrivalWatcher", "Jetzt da"),
                    QCoreApplication.translate("ArrivalWatcher", "%1 ist jetzt da.").replace("%1", name),
                )
            (self._online.add if online else self._online.discard)(person_id)
        for person_id in changed:
            available = model.presence_of(person_id).status is Status.AVAILABLE
            if available and person_id not in self._available and person_id in self.available_followed:
                name = model.people[person_id].display_name
                self._notify(
                    QCoreApplication.translate("ArrivalWatcher", "Jetzt verfügbar"),
                    QCoreApplication.translate("ArrivalWatcher", "%1 ist jetzt verfügbar.").replace("%1", name),
                )
            (self._available.add if available else self._available.discard)(person_id)
