"""A directory sync as a plan (core/directory_sync.py): new, changed, left, back, skipped."""

from __future__ import annotations

from datetime import UTC, datetime

from dvz_desktop.core.directory_sync import (
    ACTIVE_DIRECTORY,
    AttributeMap,
    Entry,
    LeaveReason,
    Profile,
    ReadPerson,
    Skipped,
    index_by_username,
    leaver_limit,
    plan_sync,
    read_person,
    with_groups,
)

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
LDAP = AttributeMap()
JPEG = b"\xff\xd8\xff\xe0" + b"\x01" * 64


def entry(name: str, **values: object) -> Entry:
    attributes: dict[str, list[bytes | str]] = {"uid": [name], "displayName": [f"Name {name}"], "ou": ["FB 1"],
                                                "entryCSN": ["20261201080000Z"]}
    for attribute, value in values.items():
        attributes[attribute] = [] if value is None else [value]  # type: ignore[list-item]
    return Entry(f"uid={name},ou=people,dc=musterkreis,dc=de", attributes)


def person(name: str, **values: object) -> ReadPerson:
    read = read_person(entry(name, **values), LDAP, NOW)
    assert isinstance(read, ReadPerson)
    return read


def everyone(_profile: Profile) -> bool:
    return True


def test_an_entry_becomes_a_profile_with_a_photo_digest() -> None:
    read = person("anna", telephoneNumber="+49 6151 881-101", mail="anna@musterkreis.de", jpegPhoto=JPEG)
    profile = read.profile
    assert (profile.username, profile.display_name, profile.unit, profile.phone, profile.mail) == (
        "anna", "Name anna", "FB 1", "+49 6151 881-101", "anna@musterkreis.de")
    assert read.photo == JPEG and len(profile.photo_digest) == 64
    assert not profile.disabled and profile.stamp == "20261201080000Z"


def test_garbage_values_are_skipped_and_the_person_stays() -> None:
    read = person("bernd", ou="FB 1\x00Zentrale", jpegPhoto=b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024),
                  displayName="Bernd\u202eWeiß")
    assert read.profile.unit == "" and read.photo is None and read.profile.photo_digest == ""
    assert read.profile.display_name == "bernd"  # no cn, no given name: the user name
    assert sorted(s.problem.code for s in read.skipped) == ["control_characters", "control_characters",
                                                            "photo_too_large"]
    assert all(not s.whole_entry for s in read.skipped)


def test_an_entry_without_a_usable_user_name_is_skipped_whole() -> None:
    for raw in (None, "anna müller", "x\x00y"):
        skipped = read_person(entry("placeholder", uid=raw), LDAP, NOW)
        assert isinstance(skipped, Skipped) and skipped.whole_entry
        assert skipped.problem.code in ("missing_username", "bad_username", "control_characters")


def test_the_display_name_falls_back_to_cn_then_to_given_name_and_surname() -> None:
    assert person("c", displayName=None, cn="Clara Groß").profile.display_name == "Clara Groß"
    assert person("c", displayName=None, givenName="Clara", sn="Groß").profile.display_name == "Clara Groß"


def test_locked_and_disabled_accounts_in_openldap_and_active_directory() -> None:
    assert person("erik", pwdAccountLockedTime="000001010000Z").profile.disabled
    ad = Entry("CN=Erik,OU=Staff,DC=lk", {"sAMAccountName": ["Erik"], "userAccountControl": ["514"]})
    read = read_person(ad, ACTIVE_DIRECTORY, NOW)
    assert isinstance(read, ReadPerson) and read.profile.disabled and read.profile.username == "erik"
    expired = Entry("CN=Eva,OU=Staff,DC=lk", {"sAMAccountName": ["eva"], "userAccountControl": ["512"],
                                              "accountExpires": ["133000000000000000"]})  # mid-2022
    read = read_person(expired, ACTIVE_DIRECTORY, NOW)
    assert isinstance(read, ReadPerson) and read.profile.disabled
    garbled = Entry("CN=Udo,OU=Staff,DC=lk", {"sAMAccountName": ["udo"], "userAccountControl": ["kaputt"]})
    read = read_person(garbled, ACTIVE_DIRECTORY, NOW)
    assert isinstance(read, ReadPerson) and not read.profile.disabled


def test_attribute_names_are_compared_without_case() -> None:
    ad = Entry("CN=A,DC=lk", {"samaccountname": [b"anna"], "DEPARTMENT": ["FB 6 Bauen"]})
    read = read_person(ad, ACTIVE_DIRECTORY, NOW)
    assert isinstance(read, ReadPerson) and read.profile.unit == "FB 6 Bauen"


def test_a_user_name_claimed_twice_is_skipped_for_both_entries() -> None:
    other = Entry("uid=Anna,ou=extern,dc=musterkreis,dc=de", {"uid": ["Anna"]})
    unique, skipped, ambiguous = index_by_username([entry("anna"), other, entry("bernd"), entry("x y")], LDAP)
    assert set(unique) == {"bernd"} and ambiguous == {"anna"}
    assert sorted(s.problem.code for s in skipped) == ["bad_username", "duplicate_username", "duplicate_username"]
    assert "ou=extern" in skipped[1].problem.text_de


def test_groups_come_from_the_members_of_each_group() -> None:
    profile = person("clara").profile
    memberships = {profile.dn.casefold(): frozenset({"dvz-tuerdienst"})}
    assert with_groups(profile, memberships).groups == {"dvz-tuerdienst"}
    assert with_groups(person("dora").profile, memberships).groups == frozenset()


def _profiles(*people: ReadPerson) -> dict[str, Profile]:
    return {p.profile.username: p.profile for p in people}


def test_the_plan_names_new_changed_and_left_people() -> None:
    known = _profiles(person("anna"), person("bernd"), person("dora"), person("fatma"))
    now = _profiles(person("anna"), person("bernd", ou="FB 3 Ordnung", entryCSN="20261202000000Z"),
                    person("dora", pwdAccountLockedTime="000001010000Z"), person("gerd"))
    plan = plan_sync(known, (), now, has_access=everyone)
    assert [p.username for p in plan.new] == ["gerd"]
    assert [(c.after.username, c.fields) for c in plan.changed] == [("bernd", ("unit",))]
    assert [(x.username, x.reason) for x in plan.left] == [("dora", LeaveReason.DISABLED),
                                                           ("fatma", LeaveReason.REMOVED)]
    assert plan.unchanged == 1 and plan.changes == 4 and not plan.held_back


def test_someone_who_left_and_comes_back_is_returned_not_new() -> None:
    plan = plan_sync({}, {"erik"}, _profiles(person("erik")), has_access=everyone)
    assert [p.username for p in plan.returned] == ["erik"] and plan.new == ()


def test_a_disabled_stranger_gets_no_account() -> None:
    plan = plan_sync({}, (), _profiles(person("erik", pwdAccountLockedTime="x")), has_access=everyone)
    assert plan.changes == 0


def test_leaving_the_access_group_is_leaving() -> None:
    known = _profiles(person("anna"), person("bernd"))
    plan = plan_sync(known, (), known, has_access=lambda p: p.username != "bernd")
    assert [(x.username, x.reason) for x in plan.left] == [("bernd", LeaveReason.NO_ACCESS)]
    assert plan_sync({}, (), known, has_access=lambda p: p.username != "bernd").new == (known["anna"],)


def test_an_ambiguous_name_keeps_its_last_good_state() -> None:
    known = _profiles(person("anna"), person("bernd"))
    plan = plan_sync(known, (), _profiles(person("bernd")), has_access=everyone, ambiguous={"anna"})
    assert plan.left == () and plan.unchanged == 1


def test_only_a_new_stamp_is_not_a_change_but_is_remembered() -> None:
    known = _profiles(person("anna"))
    plan = plan_sync(known, (), _profiles(person("anna", entryCSN="20261203000000Z")), has_access=everyone)
    assert plan.changes == 0 and [p.stamp for p in plan.restamped] == ["20261203000000Z"]


def test_a_mass_leave_is_held_back() -> None:
    known = {f"p{n}": Profile(f"p{n}", f"uid=p{n}", f"P {n}") for n in range(200)}
    plan = plan_sync(known, (), {}, has_access=everyone, max_leavers=leaver_limit(len(known)))
    assert len(plan.left) == 200
    assert plan.held_back.startswith("Der Abgleich würde 200 Personen den Zugang nehmen, erlaubt sind höchstens 20")
    assert leaver_limit(30) == 10 and leaver_limit(5000) == 500


def test_the_unit_from_the_tree_when_the_mapping_says_so() -> None:
    by_ou = AttributeMap(unit_from_dn=True)
    placed = Entry("uid=gerd,ou=FB 6 Bauen,ou=people,dc=musterkreis,dc=de", {"uid": ["gerd"], "ou": ["falsch"]})
    read = read_person(placed, by_ou, NOW)
    assert isinstance(read, ReadPerson) and read.profile.unit == "FB 6 Bauen"
