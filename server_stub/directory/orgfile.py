"""The organisation file: organisations -> buildings -> floors -> rooms, and staff accounts.

An administration describes its house in YAML or JSON; pydantic validates it, and a readable German
message says what is wrong where.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from dvz_desktop.protocol import Building, Floor, Organisation, Person, Room, RoomKind

from .errors import OrgFileError
from .identity import accent_problem, read_logo

__all__ = ["OrgFile", "OrgFileError", "load_org_file", "parse_org_data", "to_protocol"]

Ident = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.\-]+$")]


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RoomSpec(_FileModel):
    id: Ident
    name: str
    kind: RoomKind
    x: float
    y: float
    w: Annotated[float, Field(gt=0)]
    h: Annotated[float, Field(gt=0)]
    owner: Ident | None = None
    shared_with: list[Ident] = []
    #: Meetings of more than four people are usual here (a council chamber): its calls always run on the
    #: media server, from the first person on.
    large: bool = False


class FloorSpec(_FileModel):
    id: Ident
    name: str
    level: int = 0
    width: Annotated[float, Field(gt=0)]
    height: Annotated[float, Field(gt=0)]
    rooms: list[RoomSpec] = []


class BuildingSpec(_FileModel):
    id: Ident
    name: str
    floors: list[FloorSpec] = []


#: Who sees a person's presence: their unit (Fachbereich), their organisation, or also partner
#: organisations of shared project rooms. Chosen per organisation, e.g. with the staff council.
PresenceVisibility = Literal["unit", "organisation", "everyone"]


class OrganisationSpec(_FileModel):
    id: Ident
    name: str
    presence_visibility: PresenceVisibility = "everyone"
    #: The organisation's colour in the client and on its guest pages ("#rrggbb"; identity.py).
    accent_color: str | None = None
    #: Its logo: a PNG or SVG next to the organisation file, at most 64 KiB (identity.py).
    logo: Annotated[str, Field(min_length=1, max_length=255)] | None = None
    buildings: list[BuildingSpec] = []

    @field_validator("accent_color")
    @classmethod
    def _colour(cls, value: str | None) -> str | None:
        problem = accent_problem(value) if value is not None else None
        if problem:
            raise ValueError(problem)
        return value.lower() if value else value


class StaffSpec(_FileModel):
    username: Ident
    display_name: str
    org: Ident
    unit: str = ""
    phone: str = ""
    home_room: Ident | None = None
    #: A small portrait (JPEG or PNG, at most 256 KiB), as a path relative to the organisation file.
    photo: Annotated[str, Field(min_length=1, max_length=255, pattern=r"^[^\x00]+\.(?i:jpe?g|png)$")] | None = None
    #: Set when the account is first created; later changes of the password live in the database only.
    initial_password: str | None = None


class PlaceholderSpec(_FileModel):
    name: Annotated[str, Field(pattern=r"^[a-z_][a-z0-9_]*$")]
    label: str
    pattern: str
    example: str = ""
    recognise: bool = False

    @model_validator(mode="after")
    def _compiles(self) -> PlaceholderSpec:
        import re

        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"Platzhalter {self.name}: ungültiges Muster ({exc})") from None
        return self


class LauncherSpec(_FileModel):
    """A launcher IT provides: a program with arguments, a URL template or a registered protocol."""

    id: Ident
    name: str
    kind: Literal["program", "url", "protocol"]
    target: str
    args: list[str] = []
    placeholders: list[PlaceholderSpec] = []
    scheme: str = ""
    #: Organisations that see it; empty: all.
    orgs: list[Ident] = []


class DeskHoursSpec(_FileModel):
    weekday: Literal["mo", "di", "mi", "do", "fr", "sa", "so"]
    start: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$")
    end: str = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$")


class DeskSpec(_FileModel):
    """A service desk of the digital door (Bürgerbüro, Bauamt …): its room, its staff, its hours."""

    id: Ident
    name: str
    name_en: str = ""
    room: Ident
    staff: list[Ident]
    hours: list[DeskHoursSpec] = []
    #: Minutes a visit takes on average, for the estimated wait.
    minutes_per_visit: Annotated[int, Field(ge=1, le=240)] = 10


class QuorumSpec(_FileModel):
    """Beschlussfähigkeit: ``share`` of the members ("1/2", "2/3"); more than it, or at least it."""

    share: Annotated[str, Field(pattern=r"^[1-9][0-9]*/[1-9][0-9]*$")] = "1/2"
    more_than: bool = True


class BodySpec(_FileModel):
    """A body (Gremium: Kreistag, Gemeinderat, a committee) with its members, chair and minute-taker, and
    the Land whose municipal code decides what remote members may do (council sessions, issue 17)."""

    id: Ident
    name: str
    org: Ident
    #: The room its sessions are held in on DVZ (remote members walk in there).
    room: Ident | None = None
    chair: Ident
    minute_taker: Ident | None = None
    members: Annotated[list[Ident], Field(min_length=1)]
    #: Members without a vote (beratende Mitglieder).
    advisory: list[Ident] = []
    #: allgemein, by (Bayern), sl (Saarland), mv (Mecklenburg-Vorpommern).
    land: Literal["allgemein", "by", "sl", "mv"] = "allgemein"
    quorum: QuorumSpec = QuorumSpec()
    #: The eAkte file number (Aktenzeichen) its minutes are filed under.
    file_number: Annotated[str, Field(max_length=80)] = ""


class OrgFile(_FileModel):
    organisations: list[OrganisationSpec]
    staff: list[StaffSpec] = []
    launchers: list[LauncherSpec] = []
    desks: list[DeskSpec] = []
    bodies: list[BodySpec] = []
    #: The folder the file was read from: photos are found relative to it (None for data built in code).
    _base_dir: Path | None = PrivateAttr(default=None)

    @property
    def base_dir(self) -> Path | None:
        return self._base_dir

    @model_validator(mode="after")
    def _check_references(self) -> OrgFile:
        org_ids = [o.id for o in self.organisations]
        _require_unique(org_ids, "Organisation")
        room_ids: list[str] = []
        for org in self.organisations:
            for building in org.buildings:
                for floor in building.floors:
                    room_ids.extend(r.id for r in floor.rooms)
        _require_unique(room_ids, "Raum")
        _require_unique([s.username for s in self.staff], "Benutzername")
        usernames = {s.username for s in self.staff}
        known_rooms = set(room_ids)
        known_orgs = set(org_ids)
        for staff in self.staff:
            if staff.org not in known_orgs:
                raise ValueError(f"{staff.username}: unbekannte Organisation '{staff.org}'")
            if staff.home_room is not None and staff.home_room not in known_rooms:
                raise ValueError(f"{staff.username}: unbekannter Heimatraum '{staff.home_room}'")
        _require_unique([d.id for d in self.desks], "Schalter")
        for desk in self.desks:
            if desk.room not in known_rooms:
                raise ValueError(f"Schalter {desk.id}: unbekannter Raum '{desk.room}'")
            unknown = [u for u in desk.staff if u not in usernames]
            if unknown:
                raise ValueError(f"Schalter {desk.id}: unbekannte Mitarbeitende {', '.join(unknown)}")
        _check_bodies(self.bodies, usernames, known_rooms, known_orgs)
        for org in self.organisations:
            for building in org.buildings:
                for floor in building.floors:
                    for room in floor.rooms:
                        if room.owner is not None and room.owner not in usernames:
                            raise ValueError(
                                f"Raum {room.id}: unbekannte Besitzerin/unbekannter Besitzer '{room.owner}'")
                        for other in room.shared_with:
                            if other not in known_orgs:
                                raise ValueError(f"Raum {room.id}: unbekannte Organisation '{other}'")
        return self


def _check_bodies(bodies: list[BodySpec], usernames: set[str], rooms: set[str], orgs: set[str]) -> None:
    _require_unique([b.id for b in bodies], "Gremium")
    for body in bodies:
        if body.org not in orgs:
            raise ValueError(f"Gremium {body.id}: unbekannte Organisation '{body.org}'")
        if body.room is not None and body.room not in rooms:
            raise ValueError(f"Gremium {body.id}: unbekannter Raum '{body.room}'")
        named = [body.chair, *([body.minute_taker] if body.minute_taker else []), *body.members, *body.advisory]
        unknown = sorted({u for u in named if u not in usernames})
        if unknown:
            raise ValueError(f"Gremium {body.id}: unbekannte Personen {', '.join(unknown)}")
        _require_unique(body.members, f"Gremium {body.id}: Mitglied")
        if not set(body.advisory) <= set(body.members):
            raise ValueError(f"Gremium {body.id}: beratende Mitglieder müssen auch unter den Mitgliedern stehen")
        numerator, denominator = (int(n) for n in body.quorum.share.split("/"))
        if numerator > denominator:
            raise ValueError(f"Gremium {body.id}: Beschlussfähigkeit {body.quorum.share} ist mehr als alle Mitglieder")


def _require_unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} '{value}' ist doppelt vergeben")
        seen.add(value)


def parse_org_data(data: Any, base_dir: Path | None = None) -> OrgFile:
    """The organisation file from data; ``base_dir`` is where the photos and logos it names lie."""
    try:
        org_file = OrgFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'/'.join(str(p) for p in err['loc']) or '(Datei)'}: {err['msg'].removeprefix('Value error, ')}"
            for err in exc.errors()
        )
        raise OrgFileError(f"Die Organisationsdatei ist ungültig: {problems}") from None
    org_file._base_dir = base_dir
    return org_file


def load_org_file(path: Path) -> OrgFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OrgFileError(f"Die Organisationsdatei {path} kann nicht gelesen werden: {exc.strerror}") from None
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise OrgFileError(f"Die Organisationsdatei {path} ist kein gültiges YAML/JSON: {exc}") from None
    return parse_org_data(data, base_dir=path.resolve().parent)


def to_protocol(org_file: OrgFile) -> tuple[tuple[Organisation, ...], tuple[Person, ...]]:
    """Convert the file's specs into the wire models the client receives."""

    def room(spec: RoomSpec) -> Room:
        data = spec.model_dump(exclude={"owner"})
        return Room.model_validate({**data, "owner_id": spec.owner})

    organisations = tuple(
        Organisation(id=o.id, name=o.name, accent_color=o.accent_color,
                     logo=read_logo(org_file.base_dir, o.logo, o.id) if o.logo else None, buildings=tuple(
            Building(id=b.id, name=b.name, floors=tuple(
                Floor.model_validate({**f.model_dump(exclude={"rooms"}), "rooms": tuple(room(r) for r in f.rooms)})
                for f in b.floors))
            for b in o.buildings))
        for o in org_file.organisations
    )
    people = tuple(
        Person(id=s.username, display_name=s.display_name, org_id=s.org, unit=s.unit, phone=s.phone,
               home_room_id=s.home_room)
        for s in org_file.staff
    )
    return organisations, people
