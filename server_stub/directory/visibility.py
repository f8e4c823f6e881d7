"""Who may see what: the office layout and people per organisation.

The unit of visibility is the organisation. Staff see their own organisation's buildings and people.
Organisations that share a project room (interkommunale Zusammenarbeit) are *partners*: each sees the
shared rooms and the other's people, but a partner's room is only revealed while it is a shared room.
Everything else stays inside the organisation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dvz_desktop.core.doors import residents_by_room
from dvz_desktop.protocol import (
    Building,
    Floor,
    OfficeLayout,
    Organisation,
    Person,
    Presence,
    Room,
)


@dataclass(frozen=True)
class RoomPlace:
    org_id: str
    building_id: str
    floor_id: str
    room: Room

    def visible_to(self, org_id: str) -> bool:
        return org_id == self.org_id or org_id in self.room.shared_with


@dataclass
class Directory:
    organisations: tuple[Organisation, ...]
    people: dict[str, Person]
    #: Per organisation: "unit", "organisation" or "everyone" (see orgfile.PresenceVisibility).
    visibility: Mapping[str, str] = field(default_factory=dict)
    rooms: dict[str, RoomPlace] = field(init=False)
    partners: dict[str, frozenset[str]] = field(init=False)
    #: Team offices: the people whose home room it is (the rule is core.doors.residents_of).
    residents: dict[str, frozenset[str]] = field(init=False)
    _layouts: dict[str, OfficeLayout] = field(init=False, default_factory=dict)
    #: The same layouts as JSON: a welcome carries its organisation's layout as it is, instead of
    #: serialising every building, room and person of the organisation again for each login.
    _layout_json: dict[str, str] = field(init=False, default_factory=dict)
    _owned_rooms: dict[str, tuple[tuple[str, str], ...]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.rooms = {}
        links: dict[str, set[str]] = {o.id: set() for o in self.organisations}
        for org in self.organisations:
            for building in org.buildings:
                for floor in building.floors:
                    for room in floor.rooms:
                        self.rooms[room.id] = RoomPlace(org.id, building.id, floor.id, room)
                        for other in room.shared_with:
                            if other != org.id:
                                links[org.id].add(other)
                                links.setdefault(other, set()).add(org.id)
        self.partners = {org_id: frozenset(p) for org_id, p in links.items()}
        self.residents = residents_by_room({r: place.room.kind for r, place in self.rooms.items()},
                                           self.people.values())

    @classmethod
    def build(
        cls,
        organisations: tuple[Organisation, ...],
        people: tuple[Person, ...],
        visibility: Mapping[str, str] | None = None,
    ) -> Directory:
        return cls(organisations=organisations, people={p.id: p for p in people}, visibility=visibility or {})

    def put_people(self, people: Iterable[Person]) -> None:
        """Add or update people (the directory sync): the layouts sent in later welcomes show them."""
        for person in people:
            self.people[person.id] = person
        self.residents = residents_by_room({r: place.room.kind for r, place in self.rooms.items()},
                                           self.people.values())
        self._layouts.clear()
        self._layout_json.clear()

    def org_of(self, person_id: str) -> str:
        return self.people[person_id].org_id

    def audience(self, org_id: str) -> frozenset[str]:
        """Organisations whose members can see (some of) a person of ``org_id``."""
        return self.partners.get(org_id, frozenset()) | {org_id}

    def can_see_person(self, viewer_id: str, person_id: str) -> bool:
        """Whether ``viewer_id`` knows ``person_id`` at all (same or partner organisation)."""
        person = self.people.get(person_id)
        return person is not None and person.org_id in self.audience(self.org_of(viewer_id))

    def sees_presence(self, viewer_org: str, viewer_unit: str, person_id: str) -> bool:
        """Whether staff of ``viewer_org``/``viewer_unit`` may see the presence of ``person_id``."""
        person = self.people[person_id]
        rule = self.visibility.get(person.org_id, "everyone")
        if viewer_org != person.org_id:
            return rule == "everyone" and viewer_org in self.audience(person.org_id)
        return rule != "unit" or viewer_unit == person.unit

    def unit_of(self, person_id: str) -> str:
        return self.people[person_id].unit

    def can_enter(self, person_id: str, room_id: str) -> bool:
        place = self.rooms.get(room_id)
        return place is not None and place.visible_to(self.org_of(person_id))

    def layout_for(self, org_id: str) -> OfficeLayout:
        """The buildings, rooms and people an organisation's staff may see (cached per organisation)."""
        cached = self._layouts.get(org_id)
        if cached is not None:
            return cached
        organisations: list[Organisation] = []
        for org in self.organisations:
            if org.id == org_id:
                organisations.append(org)
                continue
            if org.id not in self.partners.get(org_id, frozenset()):
                continue
            buildings = []
            for building in org.buildings:
                floors = []
                for floor in building.floors:
                    shared = tuple(r for r in floor.rooms if org_id in r.shared_with)
                    if shared:
                        floors.append(Floor(id=floor.id, name=floor.name, level=floor.level,
                                            width=floor.width, height=floor.height, rooms=shared))
                if floors:
                    buildings.append(Building(id=building.id, name=building.name, floors=tuple(floors)))
            organisations.append(org.model_copy(update={"buildings": tuple(buildings)}))
        visible_orgs = self.audience(org_id)
        people = tuple(p for p in self.people.values() if p.org_id in visible_orgs)
        layout = OfficeLayout(organisations=tuple(organisations), people=people)
        self._layouts[org_id] = layout
        return layout

    def layout_json(self, org_id: str) -> str:
        """``layout_for(org_id)`` as JSON, serialised once per organisation (and after a directory sync)."""
        cached = self._layout_json.get(org_id)
        if cached is None:
            cached = self._layout_json[org_id] = self.layout_for(org_id).model_dump_json()
        return cached

    def owned_rooms_visible_to(self, org_id: str) -> tuple[tuple[str, str], ...]:
        """(room, owner) of the personal rooms an organisation's staff see (its own and shared ones), so a
        login looks at those and not at every room of every organisation."""
        cached = self._owned_rooms.get(org_id)
        if cached is None:
            cached = self._owned_rooms[org_id] = tuple(
                (room_id, place.room.owner_id) for room_id, place in self.rooms.items()
                if place.room.owner_id and place.visible_to(org_id))
        return cached

    def presence_for(self, viewer_org: str, presence: Presence) -> Presence:
        """Presence as a viewer of ``viewer_org`` may see it: a partner's room only when shared, and
        someone who chose "als offline anzeigen" as plainly offline."""
        if presence.appear_offline:
            return Presence(person_id=presence.person_id)
        if presence.room_id is None:
            return presence
        place = self.rooms.get(presence.room_id)
        if place is not None and place.visible_to(viewer_org):
            return presence
        return presence.model_copy(update={"room_id": None})
