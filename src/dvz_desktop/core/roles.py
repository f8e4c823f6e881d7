"""Roles and what they allow: taken from directory groups (or OIDC claims) by a mapping in the server's
configuration, or from the organisation file where there is no directory.

A role may carry a scope: desk staff serve one desk of the digital door (``desk:buergerbuero``, or
``desk:*`` for every desk), committee members sit on one committee (``committee:bauausschuss``).

Group names are compared the way directories compare them: without case, and a full DN
(``CN=DVZ-Tuerdienst,OU=Gruppen,DC=...``) or a Keycloak group path (``/dvz/dvz-tuerdienst``) counts by
its last name. Access to DVZ itself is the ``staff`` role: when the mapping names groups for it, only
their members get in; when it names none, everyone the directory (or the provider) knows does.

Pure: names in, grants out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from .directory_values import dn_parts

ANY_SCOPE = "*"


class Role(str, Enum):
    STAFF = "staff"  # Mitarbeitende mit DVZ-Zugang
    DESK = "desk"  # Dienst an einem Schalter der digitalen Tür (lässt Gäste ein)
    CHAIR = "chair"  # Sitzungsleitung, Moderation
    COMMITTEE = "committee"  # Mitglied eines Gremiums (Ausschuss, Rat)
    BUILDING_ADMIN = "building_admin"  # Verwaltung des Gebäudes (Räume, Türschilder)
    ORG_ADMIN = "org_admin"  # Verwaltung der Organisation

    @property
    def scoped(self) -> bool:
        return self in (Role.DESK, Role.COMMITTEE)


@dataclass(frozen=True, order=True)
class Grant:
    role: Role
    #: The desk or committee a scoped role is for ("*": all of them); "" for roles without scope.
    scope: str = ""

    def __str__(self) -> str:
        return f"{self.role.value}:{self.scope}" if self.scope else self.role.value


class RoleSpecError(ValueError):
    """A role in the configuration cannot be read; the message says which and why (German)."""


def parse_grant(text: str) -> Grant:
    """``"chair"``, ``"desk:buergerbuero"``, ``"committee:*"`` → a grant; a clear error otherwise."""
    name, _, scope = text.strip().partition(":")
    try:
        role = Role(name.strip().lower())
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise RoleSpecError(f"Unbekannte Rolle „{name}“ (bekannt: {known})") from None
    scope = scope.strip()
    if role.scoped and not scope:
        raise RoleSpecError(f"Die Rolle „{role.value}“ braucht einen Bereich, z. B. „{role.value}:*“")
    if not role.scoped and scope:
        raise RoleSpecError(f"Die Rolle „{role.value}“ hat keinen Bereich (angegeben: „{scope}“)")
    return Grant(role, scope)


def group_key(name: str) -> str:
    """How a group is compared: its last name, without case (DN, path or plain name alike)."""
    text = name.strip()
    if "=" in text.split(",", 1)[0]:  # a DN: the value of its first RDN (escapes resolved)
        parts = dn_parts(text)
        text = parts[0][1] if parts else text
    elif "/" in text:  # a Keycloak group path
        text = text.rstrip("/").rsplit("/", 1)[-1]
    return text.strip().casefold()


@dataclass(frozen=True)
class RoleMapping:
    """Which groups give which roles: ``{"dvz-tuerdienst": ("desk:buergerbuero",), ...}``."""

    rules: tuple[tuple[str, Grant], ...] = ()

    @classmethod
    def from_config(cls, groups: Mapping[str, Iterable[str] | str]) -> RoleMapping:
        rules: list[tuple[str, Grant]] = []
        for group, grants in groups.items():
            if not group.strip():
                raise RoleSpecError("Eine Gruppe ohne Namen in der Rollenzuordnung")
            for text in [grants] if isinstance(grants, str) else grants:
                try:
                    rules.append((group_key(group), parse_grant(text)))
                except RoleSpecError as exc:
                    raise RoleSpecError(f"Gruppe „{group}“: {exc}") from None
        return cls(tuple(rules))

    @property
    def restricts_access(self) -> bool:
        """Whether only members of the groups mapped to ``staff`` get in."""
        return any(grant.role is Role.STAFF for _group, grant in self.rules)

    def grants_for(self, groups: Iterable[str]) -> frozenset[Grant]:
        """The roles of someone in ``groups``; ``staff`` included when access is open to all."""
        keys = {group_key(g) for g in groups}
        grants = {grant for group, grant in self.rules if group in keys}
        if not self.restricts_access:
            grants.add(Grant(Role.STAFF))
        return frozenset(grants)


def has_access(grants: Iterable[Grant]) -> bool:
    return Grant(Role.STAFF) in set(grants)


def may_admit_guests(grants: Iterable[Grant], desk_id: str) -> bool:
    """Desk staff of this desk (or of every desk) let guests of the digital door in."""
    held = set(grants)
    return Grant(Role.DESK, desk_id) in held or Grant(Role.DESK, ANY_SCOPE) in held


def desks_served(grants: Iterable[Grant], all_desks: Iterable[str]) -> frozenset[str]:
    desks = tuple(all_desks)
    return frozenset(d for d in desks if may_admit_guests(grants, d))


def may_chair(grants: Iterable[Grant]) -> bool:
    """Chairs and moderators lead sessions (speaker list, votes, the floor)."""
    return any(g.role is Role.CHAIR for g in grants)


def committees_of(grants: Iterable[Grant]) -> frozenset[str]:
    """The committees someone sits on ("*": every committee)."""
    return frozenset(g.scope for g in grants if g.role is Role.COMMITTEE)


def sits_on(grants: Iterable[Grant], committee_id: str) -> bool:
    seats = committees_of(grants)
    return committee_id in seats or ANY_SCOPE in seats


def is_admin(grants: Iterable[Grant]) -> bool:
    return any(g.role in (Role.BUILDING_ADMIN, Role.ORG_ADMIN) for g in grants)
