"""A real OpenLDAP directory (Debian ``slapd``) for the Landkreis Musterkreis, on a free loopback port.

A slapd.conf in a temporary folder, an MDB database loaded with slapadd from an LDIF made of
``tests.services.people`` (base ``dc=musterkreis,dc=de``): people (inetOrgPerson: uid, displayName,
``ou`` for the unit, telephoneNumber, mail, userPassword, jpegPhoto for Anna) under ``ou=people``,
groups (groupOfNames) under ``ou=groups``, and a read-only sync account under ``ou=system``. A disabled
account carries the ppolicy mark ``pwdAccountLockedTime: 000001010000Z`` (locked by an administrator):
its binds fail, and a sync reads the attribute (it is operational: ask for it by name).

Like Active Directory, a search returns at most 1,000 entries unless it pages (``sizelimit``
with no total limit for paged searches). Anonymous users see nothing; everything needs a bind.

    from tests.services.slapd import slapd                 # a fresh directory per test (< 1 s)
    slapd.url, slapd.base, slapd.sync_dn, slapd.sync_password
    slapd.disable("dora"); slapd.delete(slapd.person_dn("fatma")); slapd.modify(dn, {"telephoneNumber": ["..."]})
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import secrets
import subprocess
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

from tests.services.people import GROUPS, MUSTERKREIS, Person
from tests.services.processes import (
    ServiceFailed,
    free_port,
    kill_process,
    log_tail,
    require_program,
    start_process,
    stop_process,
    wait_until_serving,
)

BASE = "dc=musterkreis,dc=de"
LOCKED = "000001010000Z"  # ppolicy: locked by an administrator, for good
SCHEMAS = ("core", "cosine", "inetorgperson")


def ssha(password: str) -> str:
    salt = os.urandom(8)
    return "{SSHA}" + base64.b64encode(hashlib.sha1(password.encode() + salt).digest() + salt).decode()


def _line(attribute: str, value: str | bytes) -> str:
    """One LDIF line; anything but plain printable ASCII goes base64 (RFC 2849)."""
    if isinstance(value, str) and value.isascii() and value.isprintable() and not value.startswith((" ", ":", "<")):
        return f"{attribute}: {value}"
    raw = value.encode() if isinstance(value, str) else value
    return f"{attribute}:: {base64.b64encode(raw).decode()}"


def _entry(dn: str, attributes: Sequence[tuple[str, str | bytes]]) -> str:
    return "\n".join([_line("dn", dn), *(_line(a, v) for a, v in attributes)]) + "\n"


def person_attributes(person: Person) -> list[tuple[str, str | bytes]]:
    attributes: list[tuple[str, str | bytes]] = [
        ("objectClass", "inetOrgPerson"), ("uid", person.username), ("cn", person.display_name),
        ("sn", person.surname), ("givenName", person.given_name), ("displayName", person.display_name),
        ("ou", person.unit), ("telephoneNumber", person.phone), ("mail", person.mail),
        ("userPassword", ssha(person.password)),
    ]
    if person.photo is not None:
        attributes.append(("jpegPhoto", person.photo.read_bytes()))
    if person.disabled:
        attributes.append(("pwdAccountLockedTime", LOCKED))
    attributes += list(person.extra.items())
    return attributes


def escape_rdn(value: str) -> str:
    """An RDN value with LDAP's special characters escaped (RFC 4514)."""
    escaped = "".join(f"\\{c}" if c in ',+"\\<>;=' else c for c in value)
    return ("\\" + escaped) if escaped.startswith(("#", " ")) else escaped


def person_dn(person: Person, *, units_as_ous: bool = False) -> str:
    """``uid=NAME,ou=people,BASE``; with ``units_as_ous`` each unit is an OU: ``uid=NAME,ou=UNIT,ou=people,BASE``."""
    if units_as_ous and person.unit:
        return f"uid={person.username},ou={escape_rdn(person.unit)},ou=people,{BASE}"
    return f"uid={person.username},ou=people,{BASE}"


def directory_ldif(people: Iterable[Person], *, sync_password: str, units_as_ous: bool = False) -> str:
    people = list(people)
    units = sorted({p.unit for p in people if p.unit}) if units_as_ous else []
    entries = [
        _entry(BASE, [("objectClass", "dcObject"), ("objectClass", "organization"), ("dc", "musterkreis"),
                      ("o", "Landkreis Musterkreis")]),
        *(_entry(f"ou={ou},{BASE}", [("objectClass", "organizationalUnit"), ("ou", ou)])
          for ou in ("people", "groups", "system", "policies")),
        # The password policy that makes a lock mark count: binds of a locked account fail.
        _entry(f"cn=default,ou=policies,{BASE}", [("objectClass", "pwdPolicy"), ("objectClass", "device"),
                                                  ("cn", "default"), ("pwdAttribute", "userPassword"),
                                                  ("pwdLockout", "TRUE")]),
        _entry(f"cn=dvz-sync,ou=system,{BASE}", [("objectClass", "organizationalRole"),
                                                 ("objectClass", "simpleSecurityObject"), ("cn", "dvz-sync"),
                                                 ("userPassword", ssha(sync_password))]),
        *(_entry(f"ou={escape_rdn(unit)},ou=people,{BASE}", [("objectClass", "organizationalUnit"), ("ou", unit)])
          for unit in units),
        *(_entry(person_dn(p, units_as_ous=units_as_ous), person_attributes(p)) for p in people),
    ]
    for group, description in GROUPS.items():
        members = [person_dn(p, units_as_ous=units_as_ous) for p in people if group in p.groups]
        # groupOfNames needs a member: an empty group names the group itself, as directories often do.
        members = members or [f"cn={group},ou=groups,{BASE}"]
        entries.append(_entry(f"cn={group},ou=groups,{BASE}", [("objectClass", "groupOfNames"), ("cn", group),
                                                                ("description", description),
                                                                *(("member", m) for m in members)]))
    return "\n".join(entries)


def slapd_conf(folder: Path, *, admin_password: str) -> str:
    includes = "\n".join(f"include /etc/ldap/schema/{name}.schema" for name in SCHEMAS)
    return f"""{includes}
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
# Room for a test that writes a 10 MB portrait (the default allows 4 MiB per request).
sockbuf_max_incoming_auth 16777216
pidfile {folder}/slapd.pid
argsfile {folder}/slapd.args

database mdb
maxsize 1073741824
suffix "{BASE}"
rootdn "cn=admin,{BASE}"
rootpw {ssha(admin_password)}
directory {folder}/db
sizelimit size.soft=1000 size.hard=1000 size.prtotal=unlimited
index objectClass eq
index uid,cn,mail eq
index member eq
overlay ppolicy
ppolicy_default "cn=default,ou=policies,{BASE}"

access to attrs=userPassword
    by self write
    by anonymous auth
    by * none
access to *
    by dn.exact="cn=dvz-sync,ou=system,{BASE}" read
    by self read
    by * none
"""


class SlapdServer:
    base = BASE

    def __init__(self, folder: Path, people: Iterable[Person] = MUSTERKREIS, *, units_as_ous: bool = False) -> None:
        self.slapd = require_program("slapd", "slapd")
        self.slapadd = require_program("slapadd", "slapd")
        if not Path("/usr/lib/ldap/back_mdb.so").exists():
            pytest.skip("slapd ohne MDB-Modul (Debian-Paket slapd)")
        self.folder = folder
        self.people = list(people)
        #: Each unit an OU under ou=people (the people's DNs say their unit), instead of one flat OU.
        self.units_as_ous = units_as_ous
        self.admin_dn = f"cn=admin,{BASE}"
        self.admin_password = secrets.token_urlsafe(18)
        self.sync_dn = f"cn=dvz-sync,ou=system,{BASE}"
        self.sync_password = secrets.token_urlsafe(18)
        self.config = folder / "slapd.conf"
        self.log = folder / "slapd.log"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.load_took = 0.0
        self.started_in = 0.0

    @property
    def url(self) -> str:
        return f"ldap://127.0.0.1:{self.port}"

    def person_dn(self, username: str) -> str:
        person = next((p for p in self.people if p.username == username), None)
        if person is None:
            return f"uid={username},ou=people,{BASE}"
        return person_dn(person, units_as_ous=self.units_as_ous)

    def group_dn(self, name: str) -> str:
        return f"cn={name},ou=groups,{BASE}"

    def load(self) -> None:
        """Writes the configuration and loads the LDIF into a new database (slapadd, offline)."""
        began = time.monotonic()
        (self.folder / "db").mkdir()
        self.config.write_text(slapd_conf(self.folder, admin_password=self.admin_password), encoding="utf-8")
        ldif = self.folder / "musterkreis.ldif"
        ldif.write_text(directory_ldif(self.people, sync_password=self.sync_password, units_as_ous=self.units_as_ous),
                        encoding="utf-8")
        done = subprocess.run([self.slapadd, "-q", "-f", str(self.config), "-l", str(ldif)], check=False,
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0:
            raise ServiceFailed(f"slapadd failed:\n{done.stdout}{done.stderr}")
        self.load_took = time.monotonic() - began

    def start(self) -> None:
        for _attempt in range(3):
            port = self.port or free_port()
            began = time.monotonic()
            self.process = start_process([self.slapd, "-d", "stats", "-f", str(self.config),
                                          "-h", f"ldap://127.0.0.1:{port}/"], self.log)
            try:
                wait_until_serving(self.process, "127.0.0.1", port, log=self.log, what="slapd")
                if self.process.poll() is not None:
                    raise ServiceFailed(f"slapd ended:\n{log_tail(self.log)}")
            except ServiceFailed:
                if self.port:
                    raise
                continue
            self.port = port
            self.started_in = time.monotonic() - began
            return
        raise ServiceFailed(f"slapd found no free port:\n{log_tail(self.log)}")

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def kill(self) -> None:
        """SIGKILL: "the directory is unreachable" for sync tests (``start`` brings it back)."""
        if self.process is not None:
            kill_process(self.process)
            self.process = None

    # Changes during a test, as an administrator would make them (bound as the rootdn).

    @contextlib.contextmanager
    def admin(self) -> Iterator[object]:
        import ldap3

        conn = ldap3.Connection(ldap3.Server(self.url, get_info=ldap3.NONE), self.admin_dn, self.admin_password,
                                auto_bind=True, raise_exceptions=True, receive_timeout=30)
        try:
            yield conn
        finally:
            conn.unbind()

    def modify(self, dn: str, changes: dict[str, Sequence[str | bytes] | None]) -> None:
        """Replaces each attribute's values (``None`` or ``[]`` removes it)."""
        import ldap3

        with self.admin() as conn:
            conn.modify(dn, {attribute: [(ldap3.MODIFY_REPLACE, list(values or []))]  # type: ignore[attr-defined]
                             for attribute, values in changes.items()})

    def add_person(self, person: Person) -> str:
        from ldap3.utils.conv import escape_filter_chars

        self.people.append(person)
        dn = self.person_dn(person.username)
        attributes: dict[str, list[str | bytes]] = {}
        for attribute, value in person_attributes(person):
            attributes.setdefault(attribute, []).append(value)
        object_classes = attributes.pop("objectClass")
        with self.admin() as conn:
            if self.units_as_ous and person.unit:  # the unit's OU, unless it is there already
                conn.search(f"ou=people,{BASE}", f"(ou={escape_filter_chars(person.unit)})",  # type: ignore[attr-defined]
                            search_scope="LEVEL")
                if not conn.entries:  # type: ignore[attr-defined]
                    conn.add(dn.split(",", 1)[1], ["organizationalUnit"], {"ou": person.unit})  # type: ignore[attr-defined]
            conn.add(dn, object_classes, attributes)  # type: ignore[attr-defined]
            for group in person.groups:
                self._membership(conn, group, dn, add=True)
        return dn

    def delete(self, dn: str) -> None:
        """Removes an entry (and, for a person, their group memberships, as AD does)."""
        with self.admin() as conn:
            for group in GROUPS:
                self._membership(conn, group, dn, add=False)
            conn.delete(dn)  # type: ignore[attr-defined]

    def disable(self, username: str) -> None:
        self.modify(self.person_dn(username), {"pwdAccountLockedTime": [LOCKED]})

    def enable(self, username: str) -> None:
        self.modify(self.person_dn(username), {"pwdAccountLockedTime": None})

    def add_to_group(self, username: str, group: str) -> None:
        with self.admin() as conn:
            self._membership(conn, group, self.person_dn(username), add=True)

    def remove_from_group(self, username: str, group: str) -> None:
        with self.admin() as conn:
            self._membership(conn, group, self.person_dn(username), add=False)

    def _membership(self, conn: object, group: str, member: str, *, add: bool) -> None:
        import ldap3
        from ldap3.core.exceptions import (
            LDAPAttributeOrValueExistsResult,
            LDAPNoSuchAttributeResult,
            LDAPObjectClassViolationResult,
        )

        change = ldap3.MODIFY_ADD if add else ldap3.MODIFY_DELETE
        group_dn = self.group_dn(group)
        with contextlib.suppress(LDAPAttributeOrValueExistsResult, LDAPNoSuchAttributeResult):
            try:
                conn.modify(group_dn, {"member": [(change, [member])]})  # type: ignore[attr-defined]
            except LDAPObjectClassViolationResult:  # the last member: the group names itself instead
                conn.modify(group_dn, {"member": [(ldap3.MODIFY_REPLACE, [group_dn])]})  # type: ignore[attr-defined]


@contextlib.contextmanager
def start_slapd(folder: Path, people: Iterable[Person] = MUSTERKREIS, *,
                units_as_ous: bool = False) -> Iterator[SlapdServer]:
    server = SlapdServer(folder, people, units_as_ous=units_as_ous)
    server.load()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def slapd(tmp_path: Path) -> Iterator[SlapdServer]:
    """A fresh Musterkreis directory for one test."""
    folder = tmp_path / "slapd"
    folder.mkdir()
    with start_slapd(folder) as server:
        yield server
