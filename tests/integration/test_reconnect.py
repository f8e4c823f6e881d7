"""The backend restarts (an update, a crash): the client notices, reconnects with its token and puts the
user back into the status, note and room they had chosen."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from dvz_desktop.protocol import Status
from dvz_desktop.services.session import NotConnected, SessionState, StateChange
from server_stub.orgfile import OrgFile
from server_stub.server import Backend, BackendConfig

from ..conftest import PASSWORDS
from .helpers import PresenceLog, login
from .test_auth import wait_for_state


async def test_backend_restart_restores_status_note_and_room(org_three: OrgFile, tmp_path: Path) -> None:
    data = tmp_path / "data"
    server = Backend(org_three, BackendConfig(data_dir=data))
    port = await server.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    anna = await login(url, "anna", PASSWORDS["anna"], reconnect_min_s=0.05, reconnect_max_s=0.2)
    await anna.set_status(Status.BUSY, "Haushaltsplan")
    await anna.move("kh-kueche")

    changes: list[StateChange] = []
    anna.state_changed.connect(changes.append)
    await server.stop()
    await wait_for_state(anna, SessionState.RECONNECTING)
    assert StateChange(SessionState.RECONNECTING, "Verbindung unterbrochen") in changes

    # While the server is away, changes are refused with a German explanation ...
    with pytest.raises(NotConnected) as err:
        await anna.set_status(Status.IN_MEETING, "Jour fixe")
    assert "nachgeholt" in err.value.message

    # ... and the same backend comes back on the same port with the same data.
    server = Backend(org_three, BackendConfig(data_dir=data))
    await server.start("127.0.0.1", port)
    try:
        await wait_for_state(anna, SessionState.CONNECTED, timeout=15)
        bernd = await login(url, "bernd", PASSWORDS["bernd"])
        log = PresenceLog(bernd)
        log.updates.extend(bernd.welcome.presence)  # Anna may have been restored before Bernd came in
        # The choice made while offline wins: "in Besprechung" with its note, back in the kitchen.
        seen = await log.wait_for(lambda p: p.person_id == "anna" and p.status is Status.IN_MEETING
                                  and p.room_id == "kh-kueche", timeout=10)
        assert seen.note == "Jour fixe", log.about("anna")
        assert changes[0].state is SessionState.RECONNECTING and changes[-1].state is SessionState.CONNECTED
        await bernd.stop()
        await anna.stop()
    finally:
        await server.stop()


async def test_unreachable_server_keeps_retrying_with_backoff(org_three: OrgFile, tmp_path: Path) -> None:
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"))
    port = await server.start("127.0.0.1", 0)
    anna = await login(f"ws://127.0.0.1:{port}/ws", "anna", PASSWORDS["anna"], reconnect_min_s=0.05,
                       reconnect_max_s=0.2)
    attempts: list[SessionState] = []
    anna.state_changed.connect(lambda change: attempts.append(change.state))
    await server.stop()
    await asyncio.sleep(1.0)  # several backoff rounds while nothing listens
    assert attempts.count(SessionState.RECONNECTING) >= 3
    assert SessionState.ENDED not in attempts  # an outage is not a logout
    await anna.stop()
