"""User-visible names and colours for statuses and room kinds (German source, translated by Qt)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from dvz_desktop.protocol import DoorState, RoomKind, Status


class _Counts(QObject):
    """A QObject only so that lupdate sees the plural forms (``self.tr`` with a count; it does not see
    them in ``QCoreApplication.translate``). German needs its own plural forms: ``dvz_de.qm``."""

    def people(self, count: int) -> str:
        return self.tr("niemand da") if count == 0 else self.tr("%n Person", "", count)

    def waiting(self, count: int) -> str:
        return self.tr("%n Person wartet", "", count)

    def wait_minutes(self, minutes: int) -> str:
        return self.tr("%1: „Gleich“ – in etwa %n Minute.", "", minutes)

    def unread(self, count: int) -> str:
        return self.tr("%n ungelesene Nachricht", "", count)


_COUNTS: _Counts | None = None


def _counts() -> _Counts:
    global _COUNTS
    if _COUNTS is None:
        _COUNTS = _Counts()
    return _COUNTS


def people_count(count: int) -> str:
    """'niemand da', '1 Person', '3 Personen' (and their translations)."""
    return _counts().people(count)


def waiting_count(count: int) -> str:
    """'1 Person wartet', '3 Personen warten'."""
    return _counts().waiting(count)


def wait_minutes(minutes: int) -> str:
    """'%1: „Gleich“ – in etwa 1 Minute.' / '… 5 Minuten.' (%1 is the room)."""
    return _counts().wait_minutes(minutes)


def unread_messages(count: int) -> str:
    """'1 ungelesene Nachricht', '3 ungelesene Nachrichten'."""
    return _counts().unread(count)


def status_label(status: Status) -> str:
    return {
        Status.AVAILABLE: QCoreApplication.translate("labels", "Verfügbar"),
        Status.BUSY: QCoreApplication.translate("labels", "Beschäftigt"),
        Status.DO_NOT_DISTURB: QCoreApplication.translate("labels", "Nicht stören"),
        Status.IN_MEETING: QCoreApplication.translate("labels", "In Besprechung"),
        Status.AWAY: QCoreApplication.translate("labels", "Abwesend"),
        Status.OFFLINE: QCoreApplication.translate("labels", "Offline"),
    }[status]


def room_kind_label(kind: RoomKind) -> str:
    return {
        RoomKind.PERSONAL_OFFICE: QCoreApplication.translate("labels", "Büro"),
        RoomKind.TEAM_OFFICE: QCoreApplication.translate("labels", "Teambüro"),
        RoomKind.MEETING_ROOM: QCoreApplication.translate("labels", "Besprechungsraum"),
        RoomKind.COFFEE_KITCHEN: QCoreApplication.translate("labels", "Kaffeeküche"),
        RoomKind.FOYER: QCoreApplication.translate("labels", "Foyer / Bürgerbüro"),
        RoomKind.PROJECT_ROOM: QCoreApplication.translate("labels", "Projektraum"),
    }[kind]


def door_label(door: DoorState) -> str:
    return {
        DoorState.OPEN: QCoreApplication.translate("labels", "Tür offen"),
        DoorState.AJAR: QCoreApplication.translate("labels", "Tür angelehnt"),
        DoorState.CLOSED: QCoreApplication.translate("labels", "Tür geschlossen"),
        DoorState.LOCKED: QCoreApplication.translate("labels", "Tür abgeschlossen"),
    }[door]


# Colours chosen to be distinguishable for the common colour-vision deficiencies together with the
# status name, which is always shown as text as well (tooltip, tree, people list).
STATUS_COLORS: dict[Status, str] = {
    Status.AVAILABLE: "#2e7d32",
    Status.BUSY: "#e65100",
    Status.DO_NOT_DISTURB: "#c62828",
    Status.IN_MEETING: "#6a1b9a",
    Status.AWAY: "#9a6700",
    Status.OFFLINE: "#78909c",
}

#: Room floors by kind (visual brief): offices neutral, meeting rooms a soft blue, the kitchen warm, the
#: Bürgerbüro/foyer a soft green, project rooms a soft violet. Light enough for 4.5:1 dark text.
ROOM_COLORS: dict[RoomKind, str] = {
    RoomKind.PERSONAL_OFFICE: "#ffffff",
    RoomKind.TEAM_OFFICE: "#fbfbf9",
    RoomKind.MEETING_ROOM: "#e9f1fb",
    RoomKind.COFFEE_KITCHEN: "#fcf0de",
    RoomKind.FOYER: "#e6f4e8",
    RoomKind.PROJECT_ROOM: "#f1ecf9",
}

#: Door leaves: the shape tells the state (swung open, ajar, shut, shut with a padlock); the colour
#: only adds to it.
DOOR_COLORS: dict[DoorState, str] = {
    DoorState.OPEN: "#2e7d32",
    DoorState.AJAR: "#a86400",
    DoorState.CLOSED: "#455a64",
    DoorState.LOCKED: "#c62828",
}


def status_color(status: Status) -> QColor:
    return QColor(STATUS_COLORS[status])
