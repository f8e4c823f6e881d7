"""Reading people and groups from LDAP or Active Directory with ldap3 (blocking: run it in a thread).

Every search pages (Active Directory and most OpenLDAP setups answer at most 1,000 entries otherwise),
values are read raw (bytes; the rules in ``core/directory_sync.py`` decode and judge them), and a sync
asks for the heavy attributes (photos) only of entries whose change stamp moved:

1. :meth:`DirectoryReader.listing` — every person's user name, lock marks and change stamp;
2. :meth:`DirectoryReader.details` — all attributes, for the user names that are new or changed
   (a filter on the user name, in chunks), or for everybody on a first sync;
3. :meth:`DirectoryReader.memberships` — each group's members.

TLS: ``ldaps://`` or StartTLS, certificates always verified (the system's trust store or the
configured CA); plain ``ldap://`` only to loopback (config.py refuses it elsewhere).
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import ldap3
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

from dvz_desktop.core.directory_sync import AttributeMap, Entry
from dvz_desktop.core.roles import group_key

from .config import DirectoryConfig

log = logging.getLogger(__name__)
#: User names per detail search: a filter of ``(|(uid=a)(uid=b)…)`` stays far below any server's limit.
DETAIL_CHUNK = 100


class DirectoryUnavailable(Exception):
    """The directory cannot be read now; the message (German) says why, for the administrators."""


class BindRefused(DirectoryUnavailable):
    """The directory answered, and refused the bind (wrong password, locked or disabled account)."""


@dataclass(frozen=True)
class Memberships:
    #: Member DN (case-folded) → the groups (compared by group_key) that name it.
    by_member: dict[str, frozenset[str]]
    groups: int


class DirectoryReader:
    def __init__(self, config: DirectoryConfig, password: str | None = None) -> None:
        self.config = config
        self.attributes: AttributeMap = config.attribute_map()
        self.people_filter, self.groups_filter = config.filters()
        self._password = password if password is not None else config.password()

    # --- connections ---

    def _server(self) -> ldap3.Server:
        tls = None
        if self.config.url.startswith("ldaps://") or self.config.start_tls:
            # ssl's default context (TLS 1.2 at least); ldap3 checks the host name itself after the handshake.
            tls = ldap3.Tls(validate=ssl.CERT_REQUIRED, sni=urlsplit(self.config.url).hostname,
                            ca_certs_file=str(self.config.ca_file) if self.config.ca_file else None)
        return ldap3.Server(self.config.url, get_info=ldap3.NONE, tls=tls, connect_timeout=self.config.timeout_s)

    def _connect(self, user: str, password: str) -> ldap3.Connection:
        conn = ldap3.Connection(self._server(), user, password, auto_bind=ldap3.AUTO_BIND_NONE,
                                raise_exceptions=False, receive_timeout=self.config.timeout_s, read_only=True)
        try:
            conn.open()
            if self.config.start_tls and not conn.start_tls():
                raise DirectoryUnavailable(f"StartTLS mit {self.config.url} ist fehlgeschlagen.")
            if not conn.bind():
                reason = conn.result.get("description", "") if conn.result else ""
                raise BindRefused(f"Anmeldung am Verzeichnis {self.config.url} als {user} abgelehnt ({reason}).")
        except LDAPException as exc:
            conn.unbind()
            raise DirectoryUnavailable(f"Das Verzeichnis {self.config.url} ist nicht erreichbar "
                                       f"({type(exc).__name__}).") from None
        except DirectoryUnavailable:
            conn.unbind()
            raise
        return conn

    def connect(self) -> ldap3.Connection:
        """A connection bound as the sync account (read-only)."""
        return self._connect(self.config.bind_dn, self._password)

    # --- reading ---

    def _paged(self, conn: ldap3.Connection, base: str, search_filter: str,
               attributes: Sequence[str]) -> Iterator[Entry]:
        try:
            results: Any = conn.extend.standard.paged_search(base, search_filter, ldap3.SUBTREE,
                                                             attributes=list(dict.fromkeys(attributes)),
                                                             paged_size=self.config.page_size, generator=True)
            for item in results:
                if item.get("type") != "searchResEntry":
                    continue  # referrals and the like
                yield Entry(item["dn"], {k: list(v) for k, v in item["raw_attributes"].items()})
        except LDAPException as exc:
            raise DirectoryUnavailable(f"Die Suche unter {base} ist fehlgeschlagen ({type(exc).__name__}).") from None
        if conn.result and conn.result.get("result", 0) not in (0,):
            raise DirectoryUnavailable(f"Die Suche unter {base} ist fehlgeschlagen "
                                       f"({conn.result.get('description', '')}).")

    def listing(self, conn: ldap3.Connection) -> list[Entry]:
        return list(self._paged(conn, self.config.people_base, self.people_filter, self.attributes.listing()))

    def details(self, conn: ldap3.Connection, usernames: Sequence[str] | None) -> list[Entry]:
        """Every attribute DVZ reads, of everybody (None) or of these user names."""
        wanted = self.attributes.details()
        if usernames is None:
            return list(self._paged(conn, self.config.people_base, self.people_filter, wanted))
        found: list[Entry] = []
        attribute = self.attributes.username
        for start in range(0, len(usernames), DETAIL_CHUNK):
            chunk = usernames[start:start + DETAIL_CHUNK]
            names = "".join(f"({attribute}={escape_filter_chars(name)})" for name in chunk)
            found += self._paged(conn, self.config.people_base, f"(&{self.people_filter}(|{names}))", wanted)
        return found

    def memberships(self, conn: ldap3.Connection) -> Memberships:
        if not self.config.groups_base:
            return Memberships({}, 0)
        name_attr, member_attr = self.config.group_name_attribute, self.config.group_member_attribute
        by_member: dict[str, set[str]] = {}
        count = 0
        for group in self._paged(conn, self.config.groups_base, self.groups_filter, [name_attr, member_attr]):
            count += 1
            raw_name = group.first(name_attr)
            text = raw_name.decode("utf-8", "replace") if isinstance(raw_name, bytes) else raw_name
            name = group_key(text or group.dn)
            # Active Directory sends large groups in ranges ("member;range=0-1499"); ldap3 collects them.
            for attribute, values in group.values.items():
                if attribute.casefold().split(";", 1)[0] != member_attr.casefold():
                    continue
                for member in values:
                    text = member.decode("utf-8", "replace") if isinstance(member, bytes) else member
                    by_member.setdefault(text.casefold(), set()).add(name)
        return Memberships({dn: frozenset(groups) for dn, groups in by_member.items()}, count)

    # --- password check against the directory ---

    def verify_password(self, username: str, password: str) -> bool:
        """Whether ``username`` binds with ``password``: the sync account finds the DN, then a bind as
        that DN checks the password (a locked or disabled account fails there). Never with an empty
        password: LDAP treats that as an anonymous bind that "succeeds"."""
        if not password:
            return False
        conn = self.connect()
        try:
            attribute = self.attributes.username
            entries = list(self._paged(conn, self.config.people_base,
                                       f"(&{self.people_filter}({attribute}={escape_filter_chars(username)}))",
                                       [attribute]))
        finally:
            conn.unbind()
        if len(entries) != 1:
            return False
        try:
            user = self._connect(entries[0].dn, password)
        except BindRefused:
            return False
        user.unbind()
        return True
