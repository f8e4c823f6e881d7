"""A council with its media server under test: the Musterkreis committee (tests/fixtures/org_council.yaml)
on the real backend, a real Janus in a network namespace, members who send a tone and a picture of their
own through aiortc, and public viewers on ``/oeffentlich-live`` (a plain websocket, or the page in
Chromium)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import websockets

from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.council import CouncilClient
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import load_org_file
from server_stub.sfu.config import SfuConfig
from tests.services.janus import JanusServer

from .council_people import FIXTURE, PASSWORD, SAAL
from .helpers import login
from .meeting_helpers import Member, SyntheticDevices, colour_of, leave_and_stop, tone_of, wait_for

OPARL = Path(__file__).parents[1] / "fixtures" / "oparl" / "meeting_kreistag.json"
MAX_VIEWERS = 4


@dataclass
class CouncilMember(Member):
    council: CouncilClient | None = None
    frames: list[str] = field(default_factory=list)


class LiveCouncil:
    def __init__(self, backend: Backend, port: int, janus: JanusServer, url: str = "",
                 **login_options: float) -> None:
        self.backend, self.port, self.janus = backend, port, janus
        #: Where members log in (``port``'s node unless a test names another way, such as HAProxy).
        self.url = url or f"ws://127.0.0.1:{port}/ws"
        self.login_options = login_options
        self.members: dict[str, CouncilMember] = {}
        self.viewers: list[Viewer] = []

    async def person(self, name: str) -> CouncilMember:
        session = await login(self.url, name, PASSWORD, **self.login_options)
        index = len(self.members)
        member = CouncilMember(name, session, CallClient(session, SyntheticDevices(tone_of(index), colour_of(index),
                                                                                     5.0)),
                               tone_of(index), colour_of(index), council=CouncilClient(session))
        session.message_received.connect(lambda msg: member.frames.append(msg.model_dump_json()))
        member.calls.frame_received.connect(member.observe)
        await member.council.synced()  # type: ignore[union-attr]
        await session.move(SAAL)
        self.members[name] = member
        return member

    async def viewer(self, body: str = "uva") -> Viewer:
        viewer = Viewer(await websockets.connect(f"ws://127.0.0.1:{self.port}/oeffentlich-live",
                                                 origin=f"http://127.0.0.1:{self.port}"))  # type: ignore[arg-type]
        viewer.start()
        await viewer.send({"type": "public_watch", "body_id": body})
        self.viewers.append(viewer)
        return viewer

    def janus_room(self, call_id: str) -> Any:
        server = self.backend.meetings.media.server
        assert server is not None
        return server.rooms[call_id]

    async def janus_participants(self, call_id: str) -> list[dict[str, Any]]:
        server = self.backend.meetings.media.server
        assert server is not None and server._control is not None
        return await server._control.participants(self.janus_room(call_id).janus_id)

    async def close(self) -> None:
        for viewer in self.viewers:
            await viewer.close()
        await leave_and_stop(self.members.values())


class Viewer:
    """A public viewer's socket: what it received, in order."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.received: list[dict[str, Any]] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        async def read() -> None:
            async for raw in self.ws:
                self.received.append(json.loads(raw))

        self._task = asyncio.create_task(read())

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(message))

    def states(self) -> list[str]:
        return [m["state"] for m in self.received if m["type"] == "public_media"]

    def last_state(self) -> str | None:
        states = self.states()
        return states[-1] if states else None

    def errors(self) -> list[str]:
        return [m["code"] for m in self.received if m["type"] == "public_error"]

    def offers(self) -> list[dict[str, Any]]:
        return [m for m in self.received if m["type"] == "public_offer"]

    async def close(self) -> None:
        await self.ws.close()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)


@pytest.fixture
async def live(tmp_path: Path, janus: JanusServer, veth_only: None) -> AsyncIterator[LiveCouncil]:
    config = BackendConfig(data_dir=tmp_path / "data", public_viewers_max=MAX_VIEWERS,
                           sfu=SfuConfig(janus.url, api_secret=janus.api_secret, admin_key=janus.admin_key))
    backend = Backend(load_org_file(FIXTURE), config)
    port = await backend.start("127.0.0.1", 0)
    server = backend.meetings.media.server
    assert server is not None
    await wait_for(lambda: server.up, timeout=20, what="the backend connected to the media server")
    council = LiveCouncil(backend, port, janus)
    try:
        yield council
    finally:
        await council.close()
        await backend.stop()


async def public_session_with_two_members(live: LiveCouncil) -> tuple[CouncilMember, CouncilMember, str, str]:
    """The chair and a member in the hall, a public session of the committee with the OParl agenda, both in
    the hall's meeting with camera and microphone; returns them, the session id and the call id."""
    chair, member = await live.person("landrat"), await live.person("rat01")
    assert chair.council is not None
    sid = await chair.council.start(SAAL, "12. Sitzung", body_id="uva", public=True)
    await chair.council.import_oparl(sid, OPARL.read_text(encoding="utf-8"))
    call_id = {await chair.join(SAAL), await member.join(SAAL)}.pop()
    await wait_for(lambda: all(p.calls.call is not None and p.calls.call.mode == "sfu" for p in (chair, member)),
                   timeout=30, what="the public session's meeting on the media server (two people only)")
    await wait_for(lambda: chair.hears(member) and member.hears(chair), timeout=40,
                   what="the two members hearing each other through the media server")
    return chair, member, sid, call_id
