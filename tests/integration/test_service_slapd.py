"""The slapd fixture with ldap3: people and groups of the Musterkreis as a directory sync reads them,
the lock mark of a disabled account, paging past the 1,000-entry limit, and the helpers that change
the directory during a test."""

from __future__ import annotations

from pathlib import Path

import ldap3

from tests.services.people import MUSTERKREIS, Person, many_people
from tests.services.slapd import SlapdServer, slapd, start_slapd  # noqa: F401

PEOPLE = ["displayName", "ou", "telephoneNumber", "mail", "jpegPhoto", "pwdAccountLockedTime"]


def _sync(server: SlapdServer) -> ldap3.Connection:
    return ldap3.Connection(ldap3.Server(server.url, get_info=ldap3.NONE), server.sync_dn, server.sync_password,
                            auto_bind=True, raise_exceptions=True)


def _people(server: SlapdServer) -> dict[str, dict[str, object]]:
    conn = _sync(server)
    try:
        conn.search(f"ou=people,{server.base}", "(objectClass=inetOrgPerson)", attributes=["uid", *PEOPLE])
        return {entry["attributes"]["uid"][0]: entry["attributes"] for entry in conn.response}
    finally:
        conn.unbind()


def test_the_sync_account_reads_people_with_unit_phone_mail_photo_and_lock(slapd: SlapdServer) -> None:  # noqa: F811
    people = _people(slapd)
    assert sorted(people) == sorted(p.username for p in MUSTERKREIS)
    anna = people["anna"]
    assert anna["displayName"] == ["Anna Müller"]  # UTF-8 umlauts survive
    assert anna["ou"] == ["FB 1 Zentrale Dienste"]
    assert anna["telephoneNumber"] == ["+49 6151 881-101"]
    assert anna["mail"] == ["anna@musterkreis.de"]
    assert anna["jpegPhoto"][0].startswith(b"\xff\xd8\xff")  # a JPEG
    assert people["bernd"]["jpegPhoto"] == []
    locked = {name for name, attributes in people.items() if attributes["pwdAccountLockedTime"]}
    assert locked == {"erik"}
    print(f"slapd: slapadd {slapd.load_took * 1000:.0f} ms, start {slapd.started_in * 1000:.0f} ms")


def test_groups_name_their_members(slapd: SlapdServer) -> None:  # noqa: F811
    conn = _sync(slapd)
    conn.search(f"ou=groups,{slapd.base}", "(objectClass=groupOfNames)", attributes=["cn", "member"])
    groups = {e["attributes"]["cn"][0]: set(e["attributes"]["member"]) for e in conn.response}
    assert groups["dvz-tuerdienst"] == {slapd.person_dn("clara")}
    assert groups["dvz-ausschuss-bau"] == {slapd.person_dn("dora"), slapd.person_dn("fatma")}
    assert len(groups["dvz-mitarbeitende"]) == len(MUSTERKREIS)
    conn.unbind()


def test_people_bind_with_their_password_and_a_locked_account_cannot(slapd: SlapdServer) -> None:  # noqa: F811
    def binds(username: str, password: str) -> bool:
        return ldap3.Connection(slapd.url, slapd.person_dn(username), password).bind()

    assert binds("anna", "anna-pass")
    assert not binds("anna", "falsch")
    assert not binds("erik", "erik-pass")  # locked
    anonymous = ldap3.Connection(slapd.url, auto_bind=True)
    anonymous.search(slapd.base, "(objectClass=*)")
    assert anonymous.entries == []  # nothing without a bind


def test_changes_during_a_test_are_seen_by_the_next_search(slapd: SlapdServer) -> None:  # noqa: F811
    slapd.disable("dora")
    slapd.enable("erik")
    slapd.modify(slapd.person_dn("bernd"), {"telephoneNumber": ["+49 6151 881-199"], "ou": ["FB 3 Ordnung"]})
    slapd.delete(slapd.person_dn("anna"))  # the only organisation admin: the group names itself then
    slapd.add_person(Person("gerd", "Gerd", "Neumann", "FB 6 Bauen", "+49 6151 881-603",
                            ("dvz-mitarbeitende", "dvz-tuerdienst")))
    slapd.remove_from_group("clara", "dvz-tuerdienst")

    people = _people(slapd)
    assert "anna" not in people and "gerd" in people
    assert people["dora"]["pwdAccountLockedTime"] and not people["erik"]["pwdAccountLockedTime"]
    assert people["bernd"]["telephoneNumber"] == ["+49 6151 881-199"]
    conn = _sync(slapd)
    conn.search(slapd.group_dn("dvz-tuerdienst"), "(objectClass=*)", attributes=["member"])
    assert conn.response[0]["attributes"]["member"] == [slapd.person_dn("gerd")]
    conn.search(slapd.group_dn("dvz-organisation-admin"), "(objectClass=*)", attributes=["member"])
    assert conn.response[0]["attributes"]["member"] == [slapd.group_dn("dvz-organisation-admin")]
    assert ldap3.Connection(slapd.url, slapd.person_dn("erik"), "erik-pass").bind()


def test_more_than_a_thousand_people_come_only_page_by_page(tmp_path: Path) -> None:
    with start_slapd(tmp_path, many_people(1200)) as server:
        conn = _sync(server)
        conn.search(f"ou=people,{server.base}", "(objectClass=inetOrgPerson)", attributes=["uid"])
        assert conn.result["description"] == "sizeLimitExceeded"  # ldap3 does not raise this one
        assert len(conn.response) == 1000
        paged = list(conn.extend.standard.paged_search(f"ou=people,{server.base}", "(objectClass=inetOrgPerson)",
                                                        attributes=["uid"], paged_size=500, generator=True))
        assert len(paged) == 1200
        print(f"slapd with 1,200 people: slapadd {server.load_took * 1000:.0f} ms, "
              f"start {server.started_in * 1000:.0f} ms")
