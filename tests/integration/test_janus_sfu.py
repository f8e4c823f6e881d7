"""The Janus client against a real Janus (in a network namespace of its own) with real aiortc peers:
rooms with secret and PIN, publishing, subscribing, and media that arrives from the right person."""

from __future__ import annotations

import secrets
import time

import pytest

from server_stub.sfu.janus_client import JanusClient, JanusUnavailable
from server_stub.sfu.janus_messages import JanusError, PluginError
from tests.services.janus import JanusServer, janus  # noqa: F401  (the fixture)
from tests.services.janus_participant import Participant, close_to, wait_for

GREEN, BLUE = (40, 160, 60), (40, 70, 200)


async def _room(client: JanusClient, server: JanusServer, *, pin: str) -> tuple[int, str]:
    session = await client.create_session()
    admin = await session.attach_videoroom()
    secret = secrets.token_urlsafe(16)
    room = await admin.create_room(4711, admin_key=server.admin_key, secret=secret, pin=pin, publishers=10)
    return room, secret


async def test_janus_starts_in_its_namespace_with_only_the_videoroom(janus: JanusServer) -> None:  # noqa: F811
    async with await JanusClient.connect(janus.url, api_secret=janus.api_secret) as client:
        info = await client.info()
    assert info["version_string"].startswith("1.")
    assert list(info["plugins"]) == ["janus.plugin.videoroom"]
    assert list(info["transports"]) == ["janus.transport.websockets"]
    assert janus.started_in < 5.0
    print(f"Janus started in {janus.started_in * 1000:.0f} ms")


async def test_requests_without_the_api_secret_are_refused(janus: JanusServer) -> None:  # noqa: F811
    async with await JanusClient.connect(janus.url, api_secret="falsch") as client:
        with pytest.raises(JanusError) as refused:
            await client.create_session()
    assert refused.value.code == 403  # JANUS_ERROR_UNAUTHORIZED


async def test_rooms_need_the_admin_key_their_secret_and_their_pin(janus: JanusServer) -> None:  # noqa: F811
    async with await JanusClient.connect(janus.url, api_secret=janus.api_secret) as client:
        session = await client.create_session()
        handle = await session.attach_videoroom()
        with pytest.raises(PluginError):
            await handle.create_room(1, admin_key="falsch", secret="s")
        room, secret = await _room(client, janus, pin="1234")
        assert await handle.room_exists(room)

        with pytest.raises(PluginError):  # wrong PIN
            await handle.join_as_publisher(room, display="Eve", pin="0000")
        with pytest.raises(PluginError):  # wrong secret
            await handle.destroy_room(room, secret="falsch")
        await handle.destroy_room(room, secret=secret)
        assert not await handle.room_exists(room)


async def test_two_aiortc_peers_see_and_hear_each_other_through_janus(janus: JanusServer) -> None:  # noqa: F811
    async with await JanusClient.connect(janus.url, api_secret=janus.api_secret) as client:
        room, secret = await _room(client, janus, pin="2468")
        anna = Participant(client, "Anna", colour=GREEN, tone=440.0)
        bernd = Participant(client, "Bernd", colour=BLUE, tone=880.0)
        try:
            anna_feed = (await anna.join_and_publish(room, pin="2468")).feed_id
            bernd_joined = await bernd.join_and_publish(room, pin="2468")
            began = time.monotonic()
            await bernd.subscribe(anna_feed, pin="2468")
            await anna.subscribe(bernd_joined.feed_id, pin="2468")

            from_anna, from_bernd = bernd.received[anna_feed], anna.received[bernd_joined.feed_id]
            await wait_for(lambda: from_anna.video_frames >= 10 and from_bernd.video_frames >= 10
                           and from_anna.tone is not None and from_bernd.tone is not None,
                           what="audio and video both ways")
            assert close_to(from_anna.colour, GREEN), from_anna.colour
            assert close_to(from_bernd.colour, BLUE), from_bernd.colour
            assert from_anna.tone == pytest.approx(440, abs=25)
            assert from_bernd.tone == pytest.approx(880, abs=25)
            assert from_anna.first_audio_at is not None and from_anna.first_video_at is not None
            print(f"first audio {(from_anna.first_audio_at - began) * 1000:.0f} ms, "
                  f"first video {(from_anna.first_video_at - began) * 1000:.0f} ms after subscribing")

            session = anna.session
            assert session is not None
            await session.keepalive()
            admin = await session.attach_videoroom()
            listed = {p["display"] for p in await admin.participants(room)}
            assert listed == {"Anna", "Bernd"}
            await admin.destroy_room(room, secret=secret)
            # Janus tells the members their room is gone.
            assert anna.publisher is not None
            destroyed = await anna.publisher.next_event(
                lambda e: (e.get("plugindata") or {}).get("data", {}).get("videoroom") == "destroyed")
            assert destroyed["plugindata"]["data"]["room"] == room
        finally:
            await anna.close()
            await bernd.close()


async def test_a_subscription_without_a_members_private_id_is_refused(janus: JanusServer) -> None:  # noqa: F811
    async with await JanusClient.connect(janus.url, api_secret=janus.api_secret) as client:
        room, _secret = await _room(client, janus, pin="1357")
        anna = Participant(client, "Anna", colour=GREEN, tone=440.0)
        bernd = Participant(client, "Bernd", colour=BLUE, tone=880.0)
        try:
            anna_feed = (await anna.join_and_publish(room, pin="1357")).feed_id
            await bernd.join_and_publish(room, pin="1357")
            await bernd.subscribe(anna_feed, pin="1357")  # a member may

            intruder = await (await client.create_session()).attach_videoroom()
            for guessed in (None, 12345):  # knows the PIN and the feed id, but not a member's private id
                with pytest.raises(PluginError) as refused:
                    await intruder.join_as_subscriber(room, [anna_feed], private_id=guessed, pin="1357")
                assert refused.value.code == 433, refused.value  # JANUS_VIDEOROOM_ERROR_UNAUTHORIZED
        finally:
            await anna.close()
            await bernd.close()


async def test_a_killed_janus_fails_waiting_requests_and_comes_back(janus: JanusServer) -> None:  # noqa: F811
    client = await JanusClient.connect(janus.url, api_secret=janus.api_secret)
    session = await client.create_session()
    handle = await session.attach_videoroom()
    janus.kill()
    with pytest.raises(JanusUnavailable):
        await handle.next_event(timeout=30)
    with pytest.raises(JanusUnavailable):
        await session.keepalive()
    await client.close()

    janus.start()
    async with await JanusClient.connect(janus.url, api_secret=janus.api_secret) as again:
        handle = await (await again.create_session()).attach_videoroom()
        assert not await handle.room_exists(4711)  # a restarted Janus has no rooms: the backend recreates them
