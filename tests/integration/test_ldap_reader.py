"""The directory reader (server_stub/identity/ldap_reader.py) against a real slapd holding the Kreishaus:
50 people in seven unit OUs and the DVZ groups, read page by page, only what changed in detail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dvz_desktop.core.directory_sync import ReadPerson, read_person
from server_stub.identity.config import DirectoryConfig
from server_stub.identity.ldap_reader import DirectoryReader, DirectoryUnavailable
from tests.services.people import UNITS, kreishaus, many_people
from tests.services.slapd import SlapdServer, start_slapd

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def kreishaus_directory(tmp_path: Path) -> Iterator[SlapdServer]:
    with start_slapd(tmp_path, kreishaus(), units_as_ous=True) as server:
        yield server


def config_for(server: SlapdServer, **changes: object) -> DirectoryConfig:
    values: dict[str, object] = {
        "url": server.url, "bind_dn": server.sync_dn, "bind_password": server.sync_password,
        "people_base": f"ou=people,{server.base}", "groups_base": f"ou=groups,{server.base}", "org": "lk",
        "page_size": 20}
    values.update(changes)
    return DirectoryConfig.model_validate(values)


def test_the_listing_pages_through_everybody_without_heavy_attributes(kreishaus_directory: SlapdServer) -> None:
    reader = DirectoryReader(config_for(kreishaus_directory))
    conn = reader.connect()
    try:
        listing = reader.listing(conn)
    finally:
        conn.unbind()
    assert len(listing) == 50  # more than one page of 20
    anna = next(e for e in listing if e.first("uid") == b"anna")
    assert anna.all("jpegPhoto") == () and anna.first("entryCSN")
    assert "ou=FB 1 Zentrale Dienste" in anna.dn
    locked = {e.first("uid") for e in listing if e.first("pwdAccountLockedTime")}
    assert locked == {b"erik", b"w.martin"}


def test_details_of_a_few_and_of_everybody(kreishaus_directory: SlapdServer) -> None:
    reader = DirectoryReader(config_for(kreishaus_directory))
    conn = reader.connect()
    try:
        few = reader.details(conn, ["anna", "zoe", "no-such-one", "a*"])  # "a*" is a name, not a wildcard
        everybody = reader.details(conn, None)
    finally:
        conn.unbind()
    assert sorted(e.first("uid") for e in few) == [b"anna", b"zoe"]  # type: ignore[type-var]
    assert len(everybody) == 50
    zoe = read_person(next(e for e in few if e.first("uid") == b"zoe"), reader.attributes, NOW)
    assert isinstance(zoe, ReadPerson) and zoe.profile.display_name == "Zoë Lehmann"
    anna = read_person(next(e for e in few if e.first("uid") == b"anna"), reader.attributes, NOW)
    assert isinstance(anna, ReadPerson) and anna.photo is not None and anna.profile.unit == "FB 1 Zentrale Dienste"


def test_the_unit_can_come_from_the_tree(kreishaus_directory: SlapdServer) -> None:
    kreishaus_directory.modify(kreishaus_directory.person_dn("gerd"), {"ou": None})
    reader = DirectoryReader(config_for(kreishaus_directory, attributes={"unit_from_dn": True}))
    conn = reader.connect()
    try:
        gerd = reader.details(conn, ["gerd"])[0]
    finally:
        conn.unbind()
    person = read_person(gerd, reader.attributes, NOW)
    assert isinstance(person, ReadPerson) and person.profile.unit == UNITS[5]


def test_memberships_name_groups_by_their_short_name(kreishaus_directory: SlapdServer) -> None:
    reader = DirectoryReader(config_for(kreishaus_directory))
    conn = reader.connect()
    try:
        memberships = reader.memberships(conn)
    finally:
        conn.unbind()
    assert memberships.groups == 6
    clara = memberships.by_member[kreishaus_directory.person_dn("clara").casefold()]
    assert clara == {"dvz-mitarbeitende", "dvz-tuerdienst"}
    assert kreishaus_directory.person_dn("praktikum1").casefold() not in memberships.by_member


def test_a_password_binds_against_the_directory(kreishaus_directory: SlapdServer) -> None:
    reader = DirectoryReader(config_for(kreishaus_directory))
    assert reader.verify_password("gerd", "gerd-pass")
    assert not reader.verify_password("gerd", "falsch")
    assert not reader.verify_password("gerd", "")  # an empty password would be an anonymous bind
    assert not reader.verify_password("erik", "erik-pass")  # locked
    assert not reader.verify_password("niemand", "x")
    assert not reader.verify_password("*", "gerd-pass")


def test_an_unreachable_directory_and_a_wrong_sync_password_say_why(kreishaus_directory: SlapdServer) -> None:
    with pytest.raises(DirectoryUnavailable, match="abgelehnt"):
        DirectoryReader(config_for(kreishaus_directory, bind_password="falsch")).connect()
    kreishaus_directory.kill()
    with pytest.raises(DirectoryUnavailable, match="nicht erreichbar"):
        DirectoryReader(config_for(kreishaus_directory, timeout_s=2)).connect()
    with pytest.raises(DirectoryUnavailable):  # the password check says "unreachable", not "wrong password"
        DirectoryReader(config_for(kreishaus_directory, timeout_s=2)).verify_password("gerd", "gerd-pass")


def test_a_search_base_that_does_not_exist_is_an_error_not_an_empty_directory(
        kreishaus_directory: SlapdServer) -> None:
    reader = DirectoryReader(config_for(kreishaus_directory, people_base=f"ou=nirgends,{kreishaus_directory.base}"))
    conn = reader.connect()
    try:
        with pytest.raises(DirectoryUnavailable, match="noSuchObject"):
            reader.listing(conn)
    finally:
        conn.unbind()


def test_more_than_a_thousand_come_in_pages(tmp_path: Path) -> None:
    with start_slapd(tmp_path, many_people(1100)) as server:
        reader = DirectoryReader(config_for(server, page_size=500))
        conn = reader.connect()
        try:
            assert len(reader.listing(conn)) == 1100
        finally:
            conn.unbind()
