"""The directory sync (server_stub/identity/sync.py) against a real slapd holding the Kreishaus:
the first sync, a sync with changes, leavers, garbage attributes, duplicates, an unreachable directory,
a mass leave held back, the dry run's report, and only changed entries read in detail."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from dvz_desktop.core.directory_sync import LeaveReason
from dvz_desktop.core.roles import Grant, Role, RoleMapping
from server_stub.app import open_database
from server_stub.identity.config import DirectoryConfig
from server_stub.identity.ldap_reader import DirectoryUnavailable
from server_stub.identity.store import IdentityStore
from server_stub.identity.sync import DirectorySync, summary
from server_stub.identity.sync_report import format_plan
from server_stub.net.accounts import AccountStore
from server_stub.net.auth import Authenticator
from tests.services.people import Person, kreishaus
from tests.services.slapd import SlapdServer, start_slapd

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
ROLES = RoleMapping.from_config({
    "dvz-mitarbeitende": ["staff"], "dvz-tuerdienst": ["desk:buergerbuero"], "dvz-sitzungsleitung": ["chair"],
    "dvz-ausschuss-bau": ["committee:bauausschuss"], "dvz-gebaeude-admin": ["building_admin"],
    "dvz-organisation-admin": ["org_admin"]})


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[SlapdServer]:
    folder = tmp_path / "slapd"
    folder.mkdir()
    with start_slapd(folder, kreishaus(), units_as_ous=True) as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AccountStore]:
    db = open_database(tmp_path / "data" / "dvz.sqlite3")
    yield AccountStore(db)
    db.close()


def sync_for(server: SlapdServer, store: AccountStore, **changes: object) -> DirectorySync:
    config = DirectoryConfig.model_validate({
        "url": server.url, "bind_dn": server.sync_dn, "bind_password": server.sync_password,
        "people_base": f"ou=people,{server.base}", "groups_base": f"ou=groups,{server.base}", "org": "lk",
        "page_size": 20, "timeout_s": 5, **changes})
    return DirectorySync(config, ROLES, IdentityStore(store._db))


def test_the_first_sync_creates_accounts_for_everybody_with_access(
        directory: SlapdServer, store: AccountStore) -> None:
    sync = sync_for(directory, store)
    result = sync.read(NOW)
    plan = result.plan
    assert len(plan.new) == 46  # 50, minus two locked, minus two in no DVZ group
    assert {p.username for p in plan.new}.isdisjoint({"erik", "w.martin", "praktikum1", "extern.it"})
    assert plan.left == () and plan.skipped == () and result.fetched_in_detail == 50
    applied = sync.apply(result, store, NOW, office_areas={"FB 6 Bauen": ["b-201", "b-202"]}, taken_rooms={"b-201"})
    assert len(applied.new) == 46
    assert store.has_account("gerd") and not store.has_account("erik")
    profiles = sync.store.active_profiles()
    assert profiles["clara"].groups == {"dvz-mitarbeitende", "dvz-tuerdienst"}
    assert ROLES.grants_for(profiles["clara"].groups) == {Grant(Role.STAFF), Grant(Role.DESK, "buergerbuero")}
    assert profiles["zoe"].display_name == "Zoë Lehmann" and profiles["zoe"].unit == "FB 3 Ordnung"
    assert set(sync.store.photos()) == {"anna"}
    # The first of the Bauen people in directory order got the one free office there.
    assert list(applied.offices.values()) == ["b-202"]
    assert sync.store.audit_entries(limit=1)[0].actor == "verzeichnisabgleich"


def test_a_second_sync_reads_only_what_changed_and_names_each_change(
        directory: SlapdServer, store: AccountStore) -> None:
    sync = sync_for(directory, store)
    sync.apply(sync.read(NOW), store, NOW)
    unchanged = sync.read(NOW)
    # Only the two in no DVZ group are read again (a group may let them in any day); nobody else.
    assert unchanged.plan.changes == 0 and unchanged.fetched_in_detail == 2 and unchanged.plan.unchanged == 46

    directory.modify(directory.person_dn("bernd"), {"telephoneNumber": ["+49 6151 881-199"]})
    directory.disable("dora")
    directory.delete(directory.person_dn("fatma"))
    directory.remove_from_group("clara", "dvz-tuerdienst")
    directory.add_to_group("gerd", "dvz-sitzungsleitung")
    directory.remove_from_group("hanna", "dvz-mitarbeitende")
    directory.enable("erik")
    directory.add_person(Person("neu.kollegin", "Nina", "Neu", "FB 2 Finanzen", "+49 6151 881-222"))
    result = sync.read(NOW)
    plan = result.plan
    # bernd, erik (unlocked), the new colleague and the two outsiders; dora is locked, groups need no detail.
    assert result.fetched_in_detail == 5
    assert sorted(p.username for p in plan.new) == ["erik", "neu.kollegin"]
    assert plan.returned == ()
    changed = {c.after.username: c.fields for c in plan.changed}
    assert changed == {"bernd": ("phone",), "clara": ("groups",), "gerd": ("groups",)}
    assert {(x.username, x.reason) for x in plan.left} == {("dora", LeaveReason.DISABLED),
                                                           ("fatma", LeaveReason.REMOVED),
                                                           ("hanna", LeaveReason.NO_ACCESS)}
    applied = sync.apply(result, store, NOW)
    assert set(applied.left) == {"dora", "fatma", "hanna"}
    assert store.password_hash("dora") is None
    assert not store.is_active_account("dora")
    assert sync.store.left_usernames() == {"dora", "fatma", "hanna"}
    actions = {(e.action, e.target) for e in sync.store.audit_entries()}
    assert {("konto_gesperrt", "dora"), ("konto_geaendert", "bernd"), ("konto_angelegt", "neu.kollegin")} <= actions


def test_erik_comes_back_when_unlocked(
        directory: SlapdServer, store: AccountStore) -> None:
    sync = sync_for(directory, store)
    sync.apply(sync.read(NOW), store, NOW)
    directory.disable("anna")
    sync.apply(sync.read(NOW), store, NOW)
    directory.enable("anna")
    plan = sync.read(NOW).plan
    assert [p.username for p in plan.returned] == ["anna"]
    sync.apply(sync.read(NOW), store, NOW)
    assert store.is_active_account("anna")


def test_leavers_lose_their_sessions_in_the_same_sync(
        directory: SlapdServer, store: AccountStore) -> None:
    sync = sync_for(directory, store)
    sync.apply(sync.read(NOW), store, NOW)
    store.add_session("digest-of-dora", "dora", NOW, NOW + timedelta(days=1))
    directory.disable("dora")
    applied = sync.apply(sync.read(NOW), store, NOW)
    assert applied.sessions_revoked == 1
    auth = Authenticator(store, type("Clock", (), {"now": staticmethod(lambda: NOW)})(), timedelta(days=1))
    assert auth.still_valid("digest-of-dora") is not None


def test_garbage_values_are_skipped_with_a_reason_and_the_rest_goes_on(
        directory: SlapdServer, store: AccountStore) -> None:
    sync = sync_for(directory, store)
    sync.apply(sync.read(NOW), store, NOW)
    directory.modify(directory.person_dn("bernd"), {"jpegPhoto": [b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024)]})
    directory.modify(directory.person_dn("gerd"), {"ou": ["FB 6\x1b[2J Bauen"]})
    # A second "lars" in another unit (directories compare user names without case; so does DVZ).
    directory.add_person(Person("Lars", "Lars", "Zwei", "FB 2 Finanzen", "+49 6151 881-333"))
    result = sync.read(NOW)
    reasons = {(s.dn.split(",")[0], s.problem.code) for s in result.plan.skipped}
    assert ("uid=bernd", "photo_too_large") in reasons
    assert ("uid=gerd", "control_characters") in reasons
    assert ("uid=lars", "duplicate_username") in reasons and ("uid=Lars", "duplicate_username") in reasons
    assert {c.after.username for c in result.plan.changed} == {"gerd"}  # the unit became empty, skipped
    assert result.plan.left == ()  # lars keeps his last good state while his name is ambiguous
    sync.apply(result, store, NOW)
    assert sync.store.active_profiles()["lars"].unit == "FB 3 Ordnung"
    report = format_plan(result, ROLES, directory.url, dry_run=True)
    assert "Bild zu groß (10.0 MB, höchstens 256 KB) (Rest übernommen)" in report
    assert "Benutzername „lars“ ist doppelt vergeben" in report


def test_an_unreachable_directory_changes_nothing(
        directory: SlapdServer, store: AccountStore) -> None:
    sync = sync_for(directory, store)
    sync.apply(sync.read(NOW), store, NOW)
    directory.kill()
    with pytest.raises(DirectoryUnavailable, match="nicht erreichbar"):
        sync.read(NOW)
    assert len(sync.store.active_profiles()) == 46


def test_a_search_base_moved_by_mistake_is_held_back(
        directory: SlapdServer, store: AccountStore) -> None:
    sync = sync_for(directory, store)
    sync.apply(sync.read(NOW), store, NOW)
    moved = sync_for(directory, store, people_filter="(&(objectClass=inetOrgPerson)(uid=a*))")
    result = moved.read(NOW)
    assert len(result.plan.left) == 44 and result.plan.held_back.startswith("Der Abgleich würde 44 Personen")
    with pytest.raises(ValueError):
        moved.apply(result, store, NOW)
    assert "ANGEHALTEN" in format_plan(result, ROLES, directory.url, dry_run=False)


def test_the_dry_run_report_reads_like_a_list_for_the_administrator(
        directory: SlapdServer, store: AccountStore) -> None:
    sync = sync_for(directory, store)
    result = sync.read(NOW)
    report = format_plan(result, ROLES, directory.url, dry_run=True)
    assert report.startswith(f"Abgleich mit {directory.url} – Probelauf, nichts wird geändert")
    assert "50 Personen im Verzeichnis, 50 davon im Detail gelesen" in report
    assert "Neu (46):" in report
    assert "  clara (Clara Groß, FB 6 Bauen; Rollen: desk:buergerbuero, staff)" in report
    assert "Zugang endet: keine" in report
    assert summary(result)["neu"] == 46
    assert not store.has_account("clara")  # reading and reporting changed nothing
