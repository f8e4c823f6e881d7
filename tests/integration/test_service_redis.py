"""The Redis fixture with redis-py's asyncio client: pub/sub between two connections, a stream read
from a position, a password that is required, and a restart that comes back empty (no persistence)."""

from __future__ import annotations

import pytest
import redis.asyncio as aioredis
from redis.exceptions import AuthenticationError, ConnectionError as RedisConnectionError

from tests.services.redis_server import RedisServer, redis_server  # noqa: F401


async def test_a_published_message_reaches_a_subscriber(redis_server: RedisServer) -> None:  # noqa: F811
    publisher = aioredis.from_url(redis_server.url)
    listener = aioredis.from_url(redis_server.url)
    pubsub = listener.pubsub()
    try:
        await pubsub.subscribe("org:musterkreis")
        assert (await pubsub.get_message(timeout=5))["type"] == "subscribe"
        assert await publisher.publish("org:musterkreis", b'{"type":"presence"}') == 1
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=5)
        assert message is not None and message["data"] == b'{"type":"presence"}'
    finally:
        await pubsub.aclose()
        await listener.aclose()
        await publisher.aclose()
    print(f"Redis started in {redis_server.started_in * 1000:.0f} ms")


async def test_a_stream_is_read_from_the_last_position_seen(redis_server: RedisServer) -> None:  # noqa: F811
    client = aioredis.from_url(redis_server.url)
    try:
        first = await client.xadd("events:node-a", {"kind": "chat", "position": "1"})
        await client.xadd("events:node-a", {"kind": "chat", "position": "2"})
        after_first = await client.xread({"events:node-a": first}, count=10, block=1000)
        assert [fields[b"position"] for _id, fields in after_first[0][1]] == [b"2"]
        everything = await client.xread({"events:node-a": "0-0"})
        assert len(everything[0][1]) == 2
    finally:
        await client.aclose()


async def test_the_password_is_required(redis_server: RedisServer) -> None:  # noqa: F811
    client = aioredis.from_url(redis_server.url.replace(redis_server.password, "falsch"))
    try:
        with pytest.raises(AuthenticationError):
            await client.ping()
    finally:
        await client.aclose()


async def test_a_restarted_redis_answers_on_the_same_port_without_old_data(redis_server: RedisServer) -> None:  # noqa: F811
    client = aioredis.from_url(redis_server.url)
    try:
        await client.set("presence:anna", "online")
        redis_server.stop()
        with pytest.raises(RedisConnectionError):
            await client.get("presence:anna")
        redis_server.start()
        assert await client.get("presence:anna") is None  # reconnects by itself; nothing persisted
    finally:
        await client.aclose()
