"""Identity in the running backend, against a real slapd holding the Kreishaus: the sync at start brings
the directory's people in (they sign in with their directory password), the upgrade without a session is
refused with 401 before anything is read, a leaver loses the open socket within one sync, roles from
groups decide who serves a desk and who chairs, password login can be switched off, and
``dvz-server sync --dry-run`` lists what would change without changing it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import yaml
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from dvz_desktop.protocol import ErrorCode
from dvz_desktop.services.session import Credentials, Session, SessionError, SessionState
from server_stub.app import Backend, BackendConfig, open_database
from server_stub.cli import main as server_main
from server_stub.directory.orgfile import OrgFile
from server_stub.identity.config import parse_identity_config
from server_stub.net.accounts import AccountStore
from tests.services.people import kreishaus
from tests.services.slapd import SlapdServer, start_slapd

from .test_auth import wait_for_state

ROLES = {"dvz-mitarbeitende": ["staff"], "dvz-tuerdienst": ["desk:buergerbuero"],
         "dvz-sitzungsleitung": ["chair"], "dvz-ausschuss-bau": ["committee:bauausschuss"]}


@pytest.fixture
def directory(tmp_path: Path) -> Iterator[SlapdServer]:
    folder = tmp_path / "slapd"
    folder.mkdir()
    with start_slapd(folder, kreishaus(), units_as_ous=True) as server:
        yield server


def identity_settings(server: SlapdServer, **changes: object) -> dict[str, object]:
    return {"password_check": "directory", "roles": ROLES, **changes, "directory": {
        "url": server.url, "bind_dn": server.sync_dn, "bind_password": server.sync_password,
        "people_base": f"ou=people,{server.base}", "groups_base": f"ou=groups,{server.base}", "org": "lk",
        "page_size": 20, "timeout_s": 5}}


async def start_backend(org_three: OrgFile, data: Path, settings: dict[str, object]) -> tuple[Backend, str]:
    backend = Backend(org_three, BackendConfig(data_dir=data, identity=parse_identity_config(settings),
                                               upgrade_auth_required=True))
    port = await backend.start("127.0.0.1", 0)
    await asyncio.wait_for(backend.identity.feature.synced.wait(), 30)  # the sync at start
    return backend, f"ws://127.0.0.1:{port}/ws"


@pytest.fixture
async def running(org_three: OrgFile, tmp_path: Path, directory: SlapdServer) -> AsyncIterator[tuple[Backend, str]]:
    backend, url = await start_backend(org_three, tmp_path / "data", identity_settings(directory))
    try:
        yield backend, url
    finally:
        await backend.stop()


async def signed_in(url: str, username: str) -> Session:
    session = Session(url, Credentials(username=username, password=f"{username}-pass"))
    await session.start()
    return session


async def test_the_sync_at_start_brings_the_directory_people_who_sign_in_with_their_directory_password(
        running: tuple[Backend, str]) -> None:
    backend, url = running
    outcome = backend.identity.feature.last
    assert outcome is not None and outcome.applied is not None and "gerd" in outcome.applied.new
    session = await signed_in(url, "gerd")  # only in the directory, not in the organisation file
    try:
        assert session.me == "gerd"
        assert session.welcome is not None
        people = {p.id: p for p in session.welcome.office.people}
        assert people["gerd"].display_name == "Gerd Neumann" and people["gerd"].org_id == "lk"
        assert people["clara"].org_id == "gem"  # in both: the file's organisation stays
    finally:
        await session.stop()
    with pytest.raises(SessionError) as wrong:
        await Session(url, Credentials(username="gerd", password="not-gerds")).start()
    assert wrong.value.code == ErrorCode.AUTH_FAILED.value
    with pytest.raises(SessionError) as outsider:  # in the directory, but in no DVZ group
        await signed_in(url, "praktikum1")
    assert outsider.value.code == ErrorCode.AUTH_FAILED.value


async def test_an_upgrade_without_a_valid_session_is_refused_with_401_before_anything_is_read(
        running: tuple[Backend, str]) -> None:
    _, url = running
    for headers in ({}, {"Authorization": "Bearer " + "x" * 43}, {"Authorization": "Negotiate abc"}):
        with pytest.raises(InvalidStatus) as refused:
            await connect(url, additional_headers=headers)
        response = refused.value.response
        assert response.status_code == 401
        body = json.loads(response.body)
        assert body["code"] in (ErrorCode.AUTH_REQUIRED.value, ErrorCode.AUTH_FAILED.value) and body["message_de"]
    with pytest.raises(InvalidStatus) as ticket:
        await connect(url + "?ticket=made-up")
    assert ticket.value.response.status_code == 401


async def test_a_leaver_loses_the_open_socket_within_one_sync(running: tuple[Backend, str],
                                                             directory: SlapdServer) -> None:
    backend, url = running
    gerd = await signed_in(url, "gerd")
    token = gerd.token
    try:
        directory.disable("gerd")
        outcome = await backend.identity.feature.sync_now()
        assert outcome.applied is not None and outcome.applied.left == ("gerd",)
        ended = await wait_for_state(gerd, SessionState.ENDED)
        assert "keinen Zugang" in (ended.message or "")
    finally:
        await gerd.stop()
    assert token is not None
    with pytest.raises(SessionError) as again:
        await Session(url, Credentials(username="gerd", token=token)).start()
    assert again.value.code == ErrorCode.TOKEN_REVOKED.value
    with pytest.raises(SessionError):
        await signed_in(url, "gerd")


async def test_roles_from_groups_decide_who_serves_a_desk_and_who_chairs(running: tuple[Backend, str],
                                                                          directory: SlapdServer) -> None:
    backend, _ = running
    desk = backend.door.desks["buergerbuero"]
    assert {"clara", "gerd", "karin"} <= set(desk.staff)  # clara listed by the file, gerd and karin by group
    assert "anna" not in desk.staff
    assert backend.roles.may_chair("maria") and not backend.roles.may_chair("gerd")
    assert "bauausschuss" in backend.roles.committees_of("dora") and backend.roles.sits_on("dora", "bauausschuss")
    assert not backend.roles.sits_on("gerd", "bauausschuss")
    directory.remove_from_group("gerd", "dvz-tuerdienst")
    directory.add_to_group("anna", "dvz-tuerdienst")
    await backend.identity.feature.sync_now()
    assert "gerd" not in desk.staff and "anna" in desk.staff
    assert backend.door.desks["buergerbuero"].staff is desk.staff  # the door reads this very desk


async def test_password_login_can_be_switched_off(org_three: OrgFile, tmp_path: Path,
                                                  directory: SlapdServer) -> None:
    settings = identity_settings(directory, password_login=False,
                                 oidc={"issuer": "http://127.0.0.1:9/realms/dvz", "client_id": "dvz-desktop"})
    backend, url = await start_backend(org_three, tmp_path / "data", settings)
    try:
        with pytest.raises(SessionError) as refused:
            await signed_in(url, "gerd")
        assert refused.value.code == ErrorCode.PASSWORD_LOGIN_DISABLED.value
        assert "Organisationskonto" in refused.value.message
    finally:
        await backend.stop()


def test_the_dry_run_prints_what_would_change_and_changes_nothing(
        directory: SlapdServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "identity.yaml"
    config.write_text(yaml.safe_dump(identity_settings(directory)), encoding="utf-8")
    data = tmp_path / "data"
    assert server_main(["sync", "--data-dir", str(data), "--identity", str(config), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "Probelauf, nichts wird geändert" in printed
    assert "gerd (Gerd Neumann" in printed and "Rollen: desk:buergerbuero, staff" in printed
    db = open_database(data / "dvz.sqlite3")
    try:
        assert not AccountStore(db).has_account("gerd")
    finally:
        db.close()
    assert server_main(["sync", "--data-dir", str(data), "--identity", str(config)]) == 0
    assert "Abgleich übernommen" in capsys.readouterr().out
    db = open_database(data / "dvz.sqlite3")
    try:
        assert AccountStore(db).has_account("gerd")
    finally:
        db.close()
