"""Who holds which roles right now (``core/roles.py`` says what a role allows).

Three sources, joined: the directory's groups of a person (through the configuration's mapping), the
identity provider's group claim at sign-in (for people the directory does not know, or where there is
no directory), and the organisation file (a desk's staff, a person's ``roles``). People of the
organisation file always have the ``staff`` role; people from the directory or the provider only when
the mapping gives it to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from dvz_desktop.core.roles import (
    Grant,
    Role,
    RoleMapping,
    committees_of,
    is_admin,
    may_admit_guests,
    may_chair,
    sits_on,
)


class RoleBook:
    def __init__(self, mapping: RoleMapping | None = None,
                 org_grants: Mapping[str, Iterable[Grant]] | None = None) -> None:
        self.mapping = mapping or RoleMapping()
        self._org = {name: frozenset(grants) | {Grant(Role.STAFF)} for name, grants in (org_grants or {}).items()}
        self._directory: dict[str, frozenset[Grant]] = {}
        self._claimed: dict[str, frozenset[Grant]] = {}

    def set_directory_groups(self, username: str, groups: Iterable[str]) -> None:
        self._directory[username] = self.mapping.grants_for(groups)

    def set_claimed_groups(self, username: str, groups: Iterable[str]) -> frozenset[Grant]:
        grants = self.mapping.grants_for(groups)
        self._claimed[username] = grants
        return grants

    def forget(self, username: str) -> None:
        self._directory.pop(username, None)
        self._claimed.pop(username, None)

    def in_directory(self, username: str) -> bool:
        return username in self._directory

    def grants_of(self, username: str) -> frozenset[Grant]:
        # The directory, where it knows the person, outranks what a token claimed at sign-in.
        mapped = self._directory.get(username, self._claimed.get(username, frozenset()))
        return self._org.get(username, frozenset()) | mapped

    def desk_staff(self, desk_id: str, listed: Iterable[str] = ()) -> tuple[str, ...]:
        """The staff of a desk: those the organisation file lists, and everyone whose role serves it."""
        people = dict.fromkeys(listed)
        for username in (*self._org, *self._directory, *self._claimed):
            if may_admit_guests(self.grants_of(username), desk_id):
                people[username] = None
        return tuple(people)

    # --- what other features ask (council sessions: issue 17) ---

    def may_chair(self, username: str) -> bool:
        """Chairs and moderates sessions (and meetings)."""
        return may_chair(self.grants_of(username))

    def committees_of(self, username: str) -> frozenset[str]:
        """The committees (ids) the person sits on."""
        return committees_of(self.grants_of(username))

    def is_admin(self, username: str) -> bool:
        return is_admin(self.grants_of(username))

    def sits_on(self, username: str, committee_id: str) -> bool:
        """A member of that committee (or of every committee)."""
        return sits_on(self.grants_of(username), committee_id)
