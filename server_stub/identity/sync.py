"""One directory sync: read (only what changed, where the directory's change stamps allow it), plan
(``core/directory_sync.py``), and apply to the database: accounts created, changed, disabled or enabled
again, offices assigned, the audit log written. What a live backend must also do (close the sockets of
those who left, show the new people) it does with the returned :class:`Applied`.

Reading blocks (ldap3): :meth:`DirectorySync.read` runs in a worker thread. When the directory cannot
be read, nothing changes: the last good state stays, and the failure is recorded for the administrators.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from dvz_desktop.core.directory_sync import (
    Profile,
    ReadPerson,
    Skipped,
    SyncPlan,
    index_by_username,
    is_disabled,
    leaver_limit,
    plan_sync,
    read_person,
    stamp_of,
    with_groups,
)
from dvz_desktop.core.office_assignment import assign_offices
from dvz_desktop.core.roles import RoleMapping, has_access

from ..net.accounts import AccountStore
from .config import DirectoryConfig
from .ldap_reader import DirectoryReader
from .store import IdentityStore

log = logging.getLogger(__name__)
ACTOR = "verzeichnisabgleich"
#: More than this share of people to fetch in detail: one paged search of everybody is cheaper.
FULL_READ_SHARE = 0.3


@dataclass(frozen=True)
class ReadResult:
    plan: SyncPlan
    #: Portraits of new and changed people (user name → bytes; None: the portrait was removed).
    photos: dict[str, bytes | None]
    people_in_directory: int
    fetched_in_detail: int


@dataclass(frozen=True)
class Applied:
    new: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    left: tuple[str, ...] = ()
    returned: tuple[str, ...] = ()
    offices: dict[str, str] = field(default_factory=dict)
    sessions_revoked: int = 0


class DirectorySync:
    def __init__(self, config: DirectoryConfig, roles: RoleMapping, identity: IdentityStore | None,
                 reader: DirectoryReader | None = None) -> None:
        self.config = config
        self.roles = roles
        self.identity = identity
        self.reader = reader or DirectoryReader(config)

    # --- reading (blocking) ---

    @property
    def store(self) -> IdentityStore:
        assert self.identity is not None, "a sync that only reads (in another process) has no store"
        return self.identity

    def read(self, now: datetime, known: dict[str, Profile] | None = None,
             left: set[str] | None = None) -> ReadResult:
        """Read the directory and plan the sync against ``known`` (the active people of the last sync) and
        ``left`` (those who left); DirectoryUnavailable when it cannot be read."""
        attributes = self.reader.attributes
        known = self.store.active_profiles() if known is None else known
        left = self.store.left_usernames() if left is None else left
        conn = self.reader.connect()
        try:
            listing = self.reader.listing(conn)
            by_name, skipped, ambiguous = index_by_username(listing, attributes)
            # Details only of entries that are new or changed since the last read; a locked entry needs
            # none (a stranger gets no account, a colleague leaves, whatever else changed).
            wanted = [name for name, entry in by_name.items() if not is_disabled(entry, attributes, now)
                      and (name not in known or not known[name].stamp
                           or known[name].stamp != stamp_of(entry, attributes))]
            everybody = len(wanted) > FULL_READ_SHARE * max(1, len(by_name))
            fetched = self.reader.details(conn, None if everybody else wanted) if wanted else []
            memberships = self.reader.memberships(conn).by_member
        finally:
            conn.unbind()
        details: dict[str, ReadPerson] = {}
        for entry in fetched:
            read = read_person(entry, attributes, now)
            if isinstance(read, Skipped):
                continue  # its user name was judged in the listing already
            if read.profile.username in by_name and read.profile.username in wanted:
                details[read.profile.username] = read
                skipped += read.skipped
        current: dict[str, Profile] = {}
        photos: dict[str, bytes | None] = {}
        for name, entry in by_name.items():
            if name in details:
                profile = details[name].profile
                if profile.photo_digest != (known[name].photo_digest if name in known else ""):
                    photos[name] = details[name].photo
            elif name in known:  # unchanged since the last sync: the listing's lock marks, today's groups
                profile = replace(known[name], disabled=is_disabled(entry, attributes, now), dn=entry.dn)
            else:
                continue  # locked and unknown (no account for them), or gone between listing and details
            current[name] = with_groups(profile, memberships)
        limit = self.config.max_leavers_per_sync
        plan = plan_sync(known, left, current,
                         has_access=lambda p: has_access(self.roles.grants_for(p.groups)),
                         ambiguous=ambiguous, skipped=skipped,
                         max_leavers=limit if limit is not None else leaver_limit(len(known)))
        return ReadResult(plan, photos, len(listing), len(fetched))

    # --- applying (on the loop: small indexed writes) ---

    def apply(self, result: ReadResult, store: AccountStore, now: datetime,
              office_areas: Mapping[str, list[str]] | None = None, taken_rooms: set[str] | None = None) -> Applied:
        plan = result.plan
        if plan.held_back:
            raise ValueError("a held-back plan is not applied")
        with self.store.db.transaction():  # one commit (one fsync) for the whole sync, all or nothing
            return self._apply(result, store, now, office_areas or {}, taken_rooms or set())

    def _apply(self, result: ReadResult, store: AccountStore, now: datetime, office_areas: Mapping[str, list[str]],
               taken_rooms: set[str]) -> Applied:
        plan = result.plan
        identity = self.store
        audit: list[tuple[str, str, str]] = []
        homes = identity.home_rooms()
        assignment = assign_offices([(p.username, p.unit) for p in plan.new if p.username not in homes],
                                    office_areas, taken_rooms | set(homes.values()))
        for profile in plan.new:
            store.ensure_account(profile.username, None)
            store.set_disabled(profile.username, False)
            identity.save_profile(profile, assignment.offices.get(profile.username))
            audit.append(("konto_angelegt", profile.username, _roles_text(self.roles, profile)))
        for username in assignment.without_office:
            log.info("directory sync: no free office left for user=%s in their unit's area", username)
        for profile in plan.returned:
            store.ensure_account(profile.username, None)
            store.set_disabled(profile.username, False)
            identity.save_profile(profile)
            audit.append(("konto_wieder_aktiv", profile.username, _roles_text(self.roles, profile)))
        for change in plan.changed:
            identity.save_profile(change.after)
            detail = ", ".join(change.fields)
            if "groups" in change.fields:
                detail += f"; Rollen: {_roles_text(self.roles, change.after)}"
            audit.append(("konto_geaendert", change.after.username, detail))
        for profile in plan.restamped:
            identity.save_profile(profile)
        revoked = 0
        for leaver in plan.left:
            store.set_disabled(leaver.username, True)
            revoked += store.revoke_user_sessions(leaver.username, now)
            identity.mark_left(leaver.username, leaver.reason, now)
            audit.append(("konto_gesperrt", leaver.username, leaver.reason.value))
        digests = {p.username: p.photo_digest for p in (*plan.new, *plan.returned, *(c.after for c in plan.changed))}
        for username, photo in result.photos.items():
            if username in digests:  # not for someone who left in the same sync
                identity.save_photo(username, digests[username], photo if digests[username] else None)
        for skip in plan.skipped:
            what = "the entry" if skip.whole_entry else skip.problem.attribute
            log.info("directory sync skipped %s of %s (%s)", what, skip.dn, skip.problem.code)
        identity.audit_many(now, ACTOR, audit)
        return Applied(tuple(p.username for p in plan.new), tuple(c.after.username for c in plan.changed),
                       tuple(x.username for x in plan.left), tuple(p.username for p in plan.returned),
                       assignment.offices, revoked)


def read_directory(config: DirectoryConfig, roles: RoleMapping, known: dict[str, Profile], left: set[str],
                   now: datetime) -> ReadResult:
    """One read, for another process (identity/feature.py): ldap3 decodes large answers in long stretches
    that hold the interpreter's lock, which in a thread would pause the backend's loop for everyone."""
    return DirectorySync(config, roles, None).read(now, known, left)


def summary(result: ReadResult) -> dict[str, int]:
    plan = result.plan
    return {"im_verzeichnis": result.people_in_directory, "neu": len(plan.new), "geaendert": len(plan.changed),
            "ausgeschieden": len(plan.left), "zurueck": len(plan.returned), "unveraendert": plan.unchanged,
            "uebersprungen": len(plan.skipped), "im_detail_gelesen": result.fetched_in_detail}


def _roles_text(roles: RoleMapping, profile: Profile) -> str:
    return ", ".join(sorted(str(g) for g in roles.grants_for(profile.groups)))


