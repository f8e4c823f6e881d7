"""The agenda from an OParl 1.1 source (the open standard of council information systems).

Takes a ``Meeting`` object with its ``agendaItem`` list embedded, or a list page of ``AgendaItem``
objects (``{"data": [...]}``), as parsed JSON. Items marked ``deleted`` are left out; items are sorted
by ``order`` where the source gives it, else kept in the order given. Only what the agenda needs is
read (number, name, public); anything else in the source is ignored. Bad input gets a German message
that says where.
"""

from __future__ import annotations

from typing import Any

from .agenda import MAX_ITEMS, MAX_NUMBER, MAX_TITLE, AgendaItem, cut

MEETING = "https://schema.oparl.org/1.1/Meeting"
AGENDA_ITEM = "https://schema.oparl.org/1.1/AgendaItem"


class OParlError(ValueError):
    """The source is not a usable OParl 1.1 meeting or agenda; the message says why, in German."""


def meeting_name(source: Any) -> str:
    if isinstance(source, dict) and source.get("type") == MEETING and isinstance(source.get("name"), str):
        return cut(source["name"], MAX_TITLE)
    return ""


def agenda_from_oparl(source: Any) -> list[AgendaItem]:
    if not isinstance(source, dict):
        raise OParlError("Die OParl-Quelle ist kein JSON-Objekt.")
    kind = source.get("type")
    if kind == MEETING:
        raw = source.get("agendaItem", [])
    elif kind is None and isinstance(source.get("data"), list):
        raw = source["data"]
    else:
        raise OParlError(f"Die OParl-Quelle ist keine Sitzung (Meeting) nach OParl 1.1, sondern „{kind}“.")
    if not isinstance(raw, list):
        raise OParlError("„agendaItem“ ist keine Liste.")
    if len(raw) > MAX_ITEMS:
        raise OParlError(f"Die Tagesordnung hat {len(raw)} Punkte; höchstens {MAX_ITEMS} werden übernommen.")
    entries: list[tuple[int, int, AgendaItem]] = []
    for position, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            raise OParlError(f"Tagesordnungspunkt {position}: kein Objekt.")
        if entry.get("type", AGENDA_ITEM) != AGENDA_ITEM:
            raise OParlError(f"Tagesordnungspunkt {position}: Typ „{entry.get('type')}“ statt AgendaItem.")
        if entry.get("deleted") is True:
            continue
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise OParlError(f"Tagesordnungspunkt {position}: der Name fehlt.")
        number = entry.get("number", "")
        if not isinstance(number, str):
            raise OParlError(f"Tagesordnungspunkt {position}: die Nummer ist kein Text.")
        public = entry.get("public", True)
        if not isinstance(public, bool):
            raise OParlError(f"Tagesordnungspunkt {position}: „public“ ist nicht wahr/falsch.")
        order = entry.get("order", position)
        if not isinstance(order, int) or isinstance(order, bool):
            raise OParlError(f"Tagesordnungspunkt {position}: „order“ ist keine Zahl.")
        item = AgendaItem(cut(number, MAX_NUMBER) or str(position), cut(name, MAX_TITLE), public)
        entries.append((order, position, item))
    entries.sort(key=lambda e: (e[0], e[1]))
    return [item for _, _, item in entries]
