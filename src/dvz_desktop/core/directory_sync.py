"""A directory sync as a plan: who is new, who changed (and what), who left (removed, disabled, no
longer in a DVZ group), who came back, and which entries were skipped and why.

The reader (the backend's LDAP module) hands in entries as raw attribute values; :func:`read_person`
cleans one entry into a :class:`Profile` (what DVZ keeps of a person), :func:`drop_duplicates` sets
aside user names that two entries claim, and :func:`plan_sync` compares with what the last sync left.
Applying the plan (accounts, sessions, sockets) is the backend's part; a dry run prints it.

Pure: entries and the last state in, a plan out; the time comes from the caller.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum

from .directory_values import (
    Problem,
    ad_account_disabled,
    ad_account_expired,
    check_photo,
    clean_text,
    normal_username,
    unit_from_dn,
)

MAX_DISPLAY_NAME = 200
MAX_UNIT = 200
MAX_PHONE = 64
MAX_MAIL = 254
#: Fields compared between syncs (a change in any of them is a change of the person).
COMPARED = ("dn", "display_name", "unit", "phone", "mail", "photo_digest", "groups")


@dataclass(frozen=True)
class AttributeMap:
    """Which directory attribute holds what. Defaults: OpenLDAP (inetOrgPerson); Active Directory:
    :data:`ACTIVE_DIRECTORY`."""

    username: str = "uid"
    display_name: str = "displayName"
    unit: str = "ou"
    phone: str = "telephoneNumber"
    mail: str = "mail"
    photo: str = "jpegPhoto"
    #: Present means locked (OpenLDAP ppolicy), or AD's flags when the attribute is userAccountControl.
    disabled: str = "pwdAccountLockedTime"
    #: AD's accountExpires ("" to ignore).
    expires: str = ""
    #: Changes whenever the entry changes: what lets a sync fetch only changed entries. It must be finer
    #: than a second (a change in the second of the last read would be missed): OpenLDAP's entryCSN,
    #: Active Directory's uSNChanged (per domain controller: keep the sync on one).
    changed: str = "entryCSN"
    #: The unit from the entry's place in the tree (its first OU) instead of the ``unit`` attribute.
    unit_from_dn: bool = False

    def listing(self) -> list[str]:
        """Attributes of the cheap listing that runs every sync (no photos, no names)."""
        return [a for a in (self.username, self.disabled, self.expires, self.changed) if a]

    def details(self) -> list[str]:
        return [*self.listing(), self.display_name, self.unit, self.phone, self.mail, self.photo,
                "cn", "givenName", "sn"]


ACTIVE_DIRECTORY = AttributeMap(username="sAMAccountName", display_name="displayName", unit="department",
                                phone="telephoneNumber", mail="mail", photo="thumbnailPhoto",
                                disabled="userAccountControl", expires="accountExpires", changed="uSNChanged")


@dataclass(frozen=True)
class Entry:
    """One directory entry as read: its DN and raw values per attribute (names compared without case)."""

    dn: str
    values: Mapping[str, Sequence[bytes | str]]

    def all(self, attribute: str) -> Sequence[bytes | str]:
        wanted = attribute.casefold()
        for name, values in self.values.items():
            if name.casefold() == wanted:
                return values
        return ()

    def first(self, attribute: str) -> bytes | str | None:
        values = self.all(attribute) if attribute else ()
        return values[0] if values else None


@dataclass(frozen=True)
class Profile:
    """What DVZ keeps of a directory person (and compares between syncs)."""

    username: str
    dn: str
    display_name: str
    unit: str = ""
    phone: str = ""
    mail: str = ""
    photo_digest: str = ""
    groups: frozenset[str] = frozenset()
    disabled: bool = False
    stamp: str = ""

    def differences(self, other: Profile) -> tuple[str, ...]:
        return tuple(name for name in COMPARED if getattr(self, name) != getattr(other, name))


@dataclass(frozen=True)
class Skipped:
    """An entry (or one of its values) that was not taken, and why."""

    dn: str
    problem: Problem
    #: True when the whole entry was skipped; False when only the value was.
    whole_entry: bool


@dataclass(frozen=True)
class ReadPerson:
    profile: Profile
    photo: bytes | None
    skipped: tuple[Skipped, ...] = ()


def _text(value: bytes | str | None) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def is_disabled(entry: Entry, attributes: AttributeMap, now: datetime) -> bool:
    if attributes.disabled:
        raw = entry.first(attributes.disabled)
        if attributes.disabled.casefold() == "useraccountcontrol":
            if ad_account_disabled(_text(raw)) is True:
                return True
        elif raw is not None and _text(raw).strip():
            return True
    return bool(attributes.expires) and ad_account_expired(_text(entry.first(attributes.expires)), now)


def username_of(entry: Entry, attributes: AttributeMap) -> tuple[str | None, Skipped | None]:
    raw = entry.first(attributes.username)
    name = clean_text(raw, 256, attributes.username)
    if name.value is None:
        problem = name.problem or Problem(attributes.username, "missing_username",
                                          f"{attributes.username}: fehlt (kein Benutzername)")
        return None, Skipped(entry.dn, problem, True)
    username = normal_username(name.value)
    if username is None:
        return None, Skipped(entry.dn, Problem(attributes.username, "bad_username",
                                               f"{attributes.username}: „{name.value}“ ist als Benutzername "
                                               "nicht verwendbar (erlaubt: Buchstaben a–z, Ziffern, . _ -)"), True)
    return username, None


def read_person(entry: Entry, attributes: AttributeMap, now: datetime) -> ReadPerson | Skipped:
    """One entry cleaned: garbage in a value skips that value (with a reason), a missing or unusable
    user name skips the entry."""
    username, refused = username_of(entry, attributes)
    if username is None:
        assert refused is not None
        return refused
    skipped: list[Skipped] = []

    def take(attribute: str, limit: int) -> str:
        cleaned = clean_text(entry.first(attribute), limit, attribute) if attribute else None
        if cleaned is None:
            return ""
        if cleaned.problem is not None:
            skipped.append(Skipped(entry.dn, cleaned.problem, False))
        return cleaned.value or ""

    display = take(attributes.display_name, MAX_DISPLAY_NAME)
    if not display:  # cn, or given name and surname, before the bare user name
        given, surname = _text(entry.first("givenName")).strip(), _text(entry.first("sn")).strip()
        fallback = clean_text(entry.first("cn"), MAX_DISPLAY_NAME).value or clean_text(
            f"{given} {surname}", MAX_DISPLAY_NAME).value
        display = fallback or username
    photo: bytes | None = None
    raw_photo = entry.first(attributes.photo) if attributes.photo else None
    if raw_photo:
        data = raw_photo if isinstance(raw_photo, bytes) else raw_photo.encode("latin-1", "replace")
        problem = check_photo(data, attributes.photo)
        if problem is None:
            photo = data
        else:
            skipped.append(Skipped(entry.dn, problem, False))
    profile = Profile(
        username=username, dn=entry.dn, display_name=display, unit=_unit(entry, attributes, take),
        phone=take(attributes.phone, MAX_PHONE), mail=take(attributes.mail, MAX_MAIL),
        photo_digest=hashlib.sha256(photo).hexdigest() if photo else "",
        disabled=is_disabled(entry, attributes, now), stamp=_text(entry.first(attributes.changed)),
    )
    return ReadPerson(profile, photo, tuple(skipped))


def _unit(entry: Entry, attributes: AttributeMap, take: Callable[[str, int], str]) -> str:
    if not attributes.unit_from_dn:
        return take(attributes.unit, MAX_UNIT)
    cleaned = clean_text(unit_from_dn(entry.dn), MAX_UNIT, "dn")
    return cleaned.value or ""


def index_by_username(entries: Iterable[Entry], attributes: AttributeMap) -> tuple[dict[str, Entry], list[Skipped],
                                                                                 frozenset[str]]:
    """Entries by user name: an unusable name is skipped; a name that two or more entries claim is
    skipped for all of them (which one is meant cannot be told from here). Returns the unique ones,
    the skipped, and the ambiguous names (whose accounts keep their last good state)."""
    claims: dict[str, list[Entry]] = {}
    skipped: list[Skipped] = []
    for entry in entries:
        name, refused = username_of(entry, attributes)
        if name is None:
            assert refused is not None
            skipped.append(refused)
            continue
        claims.setdefault(name, []).append(entry)
    unique: dict[str, Entry] = {}
    for name, claimants in claims.items():
        if len(claimants) == 1:
            unique[name] = claimants[0]
            continue
        dns = "; ".join(sorted(e.dn for e in claimants))
        skipped += [Skipped(e.dn, Problem("username", "duplicate_username",
                                          f"Benutzername „{name}“ ist doppelt vergeben ({dns})"), True)
                    for e in claimants]
    return unique, skipped, frozenset(n for n, c in claims.items() if len(c) > 1)


def stamp_of(entry: Entry, attributes: AttributeMap) -> str:
    return _text(entry.first(attributes.changed)) if attributes.changed else ""


def with_groups(profile: Profile, memberships: Mapping[str, frozenset[str]]) -> Profile:
    """The profile with the groups whose members name its DN (DNs compared without case)."""
    return replace(profile, groups=memberships.get(profile.dn.casefold(), frozenset()))


class LeaveReason(str, Enum):
    REMOVED = "removed"  # no longer in the directory (or outside the search base and filter)
    DISABLED = "disabled"  # locked or disabled there
    NO_ACCESS = "no_access"  # no longer in a group that gives access to DVZ


@dataclass(frozen=True)
class Change:
    before: Profile
    after: Profile
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Leaver:
    username: str
    reason: LeaveReason


@dataclass(frozen=True)
class SyncPlan:
    new: tuple[Profile, ...] = ()
    changed: tuple[Change, ...] = ()
    left: tuple[Leaver, ...] = ()
    returned: tuple[Profile, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    unchanged: int = 0
    #: Set when the plan would let more people go than allowed at once (nothing is applied then).
    held_back: str = ""
    #: Stamps that changed without a compared field changing (kept so the next sync skips them).
    restamped: tuple[Profile, ...] = field(default=())

    @property
    def changes(self) -> int:
        return len(self.new) + len(self.changed) + len(self.left) + len(self.returned)


def plan_sync(known: Mapping[str, Profile], left_before: Iterable[str], current: Mapping[str, Profile], *,
              has_access: Callable[[Profile], bool], ambiguous: Iterable[str] = (),
              skipped: Sequence[Skipped] = (), max_leavers: int | None = None) -> SyncPlan:
    """Compare the active people of the last sync (``known``; ``left_before``: those who had left) with
    the directory now. A user name that is ambiguous now keeps its last good state."""
    gone_before = set(left_before)
    keep = set(ambiguous)
    new: list[Profile] = []
    changed: list[Change] = []
    left: list[Leaver] = []
    returned: list[Profile] = []
    restamped: list[Profile] = []
    unchanged = 0
    for name, profile in current.items():
        before = known.get(name)
        active = not profile.disabled and has_access(profile)
        if not active:
            if before is not None:
                left.append(Leaver(name, LeaveReason.DISABLED if profile.disabled else LeaveReason.NO_ACCESS))
            continue
        if before is None:
            (returned if name in gone_before else new).append(profile)
            continue
        differences = before.differences(profile)
        if differences:
            changed.append(Change(before, profile, differences))
        else:
            unchanged += 1
            if before.stamp != profile.stamp:
                restamped.append(profile)
    for name in known:
        if name not in current and name not in keep:
            left.append(Leaver(name, LeaveReason.REMOVED))
    held_back = ""
    if max_leavers is not None and len(left) > max_leavers:
        held_back = (f"Der Abgleich würde {len(left)} Personen den Zugang nehmen, erlaubt sind höchstens "
                     f"{max_leavers} auf einmal. Nichts wurde geändert: Bitte prüfen Sie Suchbasis, Filter und "
                     "Gruppen des Verzeichnisses (oder erhöhen Sie max_leavers_per_sync).")
    return SyncPlan(tuple(new), tuple(changed), tuple(sorted(left, key=lambda x: x.username)), tuple(returned),
                    tuple(skipped), unchanged, held_back, tuple(restamped))


def leaver_limit(active_people: int, fraction: float = 0.1, floor: int = 10) -> int:
    """How many may leave in one sync before it is held back: a tenth, but never fewer than ``floor``
    (a directory whose search base was moved by mistake must not lock out the whole house)."""
    return max(floor, int(active_people * fraction))
