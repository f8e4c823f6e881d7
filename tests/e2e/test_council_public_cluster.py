"""The public page of a public council session on a cluster (issues 17 and 19): the session and its
meeting run on node A (the chair and a member there, sending a tone and a picture of their own through
aiortc into a real Janus in a network namespace); a citizen's browser (real headless Chromium) comes to
node B, as HAProxy may send it. Node B has the viewer served by node A, which alone drives the meeting's
room at the media server (features/council/public_across_nodes.py): the page sees and hears both, the
non-public part cuts them there too and the public part brings them back; B itself joins nothing at Janus.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from server_stub.app import Backend
from server_stub.directory.orgfile import load_org_file
from tests.e2e.test_council_public_live import (  # noqa: F401  (browser: the fixture)
    CHROMEDRIVER,
    CHROMIUM,
    browser,
    cut_off,
    in_browser,
    sees_and_hears,
    the_page_plays,
    until,
)
from tests.integration.council_people import FIXTURE
from tests.integration.meeting_helpers import (  # noqa: F401  (veth_only: the fixture)
    media_server_options,
    nodes_with_media_server,
    veth_only,
    wait_for,
)
from tests.integration.public_live import MAX_VIEWERS, LiveCouncil
from tests.integration.test_cluster_faults import start_nodes
from tests.services.haproxy import HAProxy, haproxy  # noqa: F401  (the fixture)
from tests.services.janus import JanusServer, janus  # noqa: F401  (the fixture)
from tests.services.postgres import postgres_dsn  # noqa: F401  (the fixture)
from tests.services.redis_server import RedisServer, redis_server  # noqa: F401  (the fixture)

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromium-driver are installed by scripts/bootstrap.sh")


@pytest.fixture
async def two_nodes(tmp_path: Path, postgres_dsn: str, redis_server: RedisServer,  # noqa: F811
                    janus: JanusServer, veth_only: None) -> AsyncIterator[tuple[LiveCouncil, Backend, int]]:  # noqa: F811
    """The council on node A (``LiveCouncil``: members log in there), and node B with its port."""
    async with nodes_with_media_server(load_org_file(FIXTURE), tmp_path, postgres_dsn, redis_server.url, janus,
                                       public_viewers_max=MAX_VIEWERS) as started:
        (a, port_a), (b, port_b) = started
        council = LiveCouncil(a, port_a, janus)
        try:
            yield council, b, port_b
        finally:
            await council.close()


async def test_the_public_page_on_the_other_node_shows_and_plays_the_session(
        two_nodes: tuple[LiveCouncil, Backend, int], browser: Any) -> None:  # noqa: F811
    live, b, port_b = two_nodes
    chair, sid, call_id = await the_page_plays(live, browser, port_b)
    assert chair.council is not None
    # Node A serves the viewer (one listener in Janus's room besides the two members); node B holds the
    # socket only and nothing at the media server.
    participants = await live.janus_participants(call_id)
    assert len(participants) == 3 and len([p for p in participants if p.get("publisher")]) == 2
    assert all(body.listener is None for body in b.public_viewers.bodies.values())
    assert [v.origin for body in live.backend.public_viewers.bodies.values() for v in body.viewers] == [
        b.meetings.ownership.me]  # type: ignore[union-attr]

    # The non-public part cuts picture and sound on node B's page too, and the public part brings them back.
    agenda = chair.council.sessions[sid].info.agenda
    await chair.council.go_to(sid, next(n for n, item in enumerate(agenda) if not item.public))

    await until(cut_off(browser), timeout=30, what="the page on node B to cut picture and sound in the non-public part")
    await chair.council.go_to(sid, next(n for n, item in enumerate(agenda) if item.public))
    await until(sees_and_hears(browser), timeout=60, what="picture and sound back through node B")

    # The page leaves: node A's stand-in for it and its subscription go.
    await in_browser(browser.get, "about:blank")
    await wait_for(lambda: not live.backend.public_viewers.bodies, timeout=20, what="node A forgetting the viewer")
    assert len(await live.janus_participants(call_id)) == 2


@pytest.mark.timeout(400)
async def test_the_broadcast_goes_on_when_the_node_serving_it_is_lost(
        tmp_path: Path, postgres_dsn: str, redis_server: RedisServer, janus: JanusServer,  # noqa: F811
        veth_only: None, haproxy: Callable[..., HAProxy], browser: Any) -> None:  # noqa: F811
    """Node A runs the session and drives the meeting; the page watches through node B. A is SIGKILLed:
    B takes the session and the meeting over, the members come back through HAProxy and send anew, and the
    page on B — which never lost its own connection — shows and plays them again, now served by B."""
    nodes = await start_nodes(FIXTURE, tmp_path, postgres_dsn, redis_server.url, *media_server_options(janus))
    a, b = nodes
    proxy = haproxy([("127.0.0.1", a.port), ("127.0.0.1", b.port)], balance="first")  # A while it lives
    live = LiveCouncil(None, a.port, janus, url=proxy.url("/ws"),  # type: ignore[arg-type]
                       reconnect_min_s=0.05, reconnect_max_s=0.5)
    try:
        await the_page_plays(live, browser, b.port)
        before = await in_browser(browser.execute_script, "return window.dvzPublic.generation;")

        a.kill()  # without a clean shutdown
        killed = time.monotonic()

        async def again() -> bool:
            generation = await in_browser(browser.execute_script, "return window.dvzPublic.generation;")
            return int(generation) > before and await sees_and_hears(browser)()

        await until(again, timeout=90, what="both members' pictures and sound again after node A was lost")
        print(f"\nthe public page sees and hears the session again {time.monotonic() - killed:.1f} s after "
              "the node serving it was lost")
        status = await in_browser(lambda: browser.find_element("id", "status").text)
        assert status == "Die Sitzung läuft."
    finally:
        await live.close()
        for node in nodes:
            node.stop()

