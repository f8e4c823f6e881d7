"""What the Janus client sends and how it reads replies, without a Janus: the fields Janus 1.x and its
VideoRoom plugin expect, the secrets where they belong, and nothing secret in a log line."""

from __future__ import annotations

import asyncio
import json

import pytest

from server_stub.sfu import janus_messages as msg
from server_stub.sfu.janus_events import EventBox, JanusUnavailable
from server_stub.sfu.janus_messages import JanusError, PluginError


def test_an_envelope_carries_transaction_secret_and_ids_and_leaves_out_what_is_not_given() -> None:
    assert msg.envelope("create", "t1", api_secret="s3cret") == {"janus": "create", "transaction": "t1",
                                                                  "apisecret": "s3cret"}
    assert msg.envelope("keepalive", "t2", api_secret=None, session_id=7) == {
        "janus": "keepalive", "transaction": "t2", "session_id": 7}


def test_a_plugin_message_has_body_and_jsep_for_its_handle() -> None:
    message = msg.plugin_message("t", api_secret="k", session_id=1, handle_id=2, body=msg.start(),
                                 jsep={"type": "answer", "sdp": "v=0"})
    assert message == {"janus": "message", "transaction": "t", "apisecret": "k", "session_id": 1,
                       "handle_id": 2, "body": {"request": "start"}, "jsep": {"type": "answer", "sdp": "v=0"}}
    assert "jsep" not in msg.plugin_message("t", api_secret="k", session_id=1, handle_id=2, body=msg.leave())


def test_a_room_is_private_guarded_by_secret_and_pin_and_never_written_to_janus_config() -> None:
    body = msg.create_room(42, admin_key="ak", secret="geheim", pin="1234", description="Amtsleiterrunde")
    assert body == {"request": "create", "room": 42, "admin_key": "ak", "secret": "geheim", "pin": "1234",
                    "description": "Amtsleiterrunde", "publishers": 50, "audiocodec": "opus", "videocodec": "vp8",
                    "is_private": True, "require_pvtid": True, "notify_joining": False, "permanent": False}
    assert "pin" not in msg.create_room(42, admin_key=None, secret="s")
    assert "admin_key" not in msg.create_room(42, admin_key=None, secret="s")
    assert msg.destroy_room(42, secret="geheim") == {"request": "destroy", "room": 42, "secret": "geheim",
                                                     "permanent": False}
    assert msg.kick(42, 99, secret="geheim") == {"request": "kick", "room": 42, "id": 99, "secret": "geheim"}


def test_publisher_and_subscriber_joins_use_janus_1_fields() -> None:
    assert msg.join_publisher(42, display="Anna", pin="1234") == {
        "request": "join", "ptype": "publisher", "room": 42, "display": "Anna", "pin": "1234"}
    assert msg.join_subscriber(42, [7, (8, "1")], private_id=555, pin="1234") == {
        "request": "join", "ptype": "subscriber", "room": 42,
        "streams": [{"feed": 7}, {"feed": 8, "mid": "1"}], "private_id": 555, "pin": "1234"}
    assert msg.subscribe([(9, "1")]) == {"request": "subscribe", "streams": [{"feed": 9, "mid": "1"}]}
    assert msg.unsubscribe([9]) == {"request": "unsubscribe", "streams": [{"feed": 9}]}
    assert msg.publish(descriptions=[{"mid": "2", "description": "Bildschirm"}]) == {
        "request": "publish", "descriptions": [{"mid": "2", "description": "Bildschirm"}]}
    assert msg.configure(streams=[{"mid": "1", "send": False}]) == {
        "request": "configure", "streams": [{"mid": "1", "send": False}]}


def test_trickle_candidates_look_like_a_browsers() -> None:
    assert msg.trickle_candidate("candidate:1 1 UDP 1 10.77.0.1 5000 typ host", "0", 0) == {
        "candidate": "candidate:1 1 UDP 1 10.77.0.1 5000 typ host", "sdpMid": "0", "sdpMLineIndex": 0}
    assert msg.TRICKLE_COMPLETED == {"completed": True}


def test_a_plugin_reply_gives_data_and_jsep_and_raises_refusals() -> None:
    reply = msg.plugin_reply({"janus": "event", "plugindata": {"plugin": msg.VIDEOROOM, "data": {
        "videoroom": "attached", "room": 42}}, "jsep": {"type": "offer", "sdp": "v=0"}})
    assert reply.data == {"videoroom": "attached", "room": 42}
    assert reply.jsep == {"type": "offer", "sdp": "v=0"}

    with pytest.raises(PluginError) as refused:
        msg.plugin_reply({"janus": "success", "plugindata": {"data": {
            "videoroom": "event", "error_code": 433, "error": "Unauthorized"}}})
    assert refused.value.code == 433
    with pytest.raises(JanusError) as core:
        msg.plugin_reply({"janus": "error", "error": {"code": 458, "reason": "No such session"}})
    assert (core.value.code, type(core.value)) == (458, JanusError)


def test_publishers_are_read_from_an_event() -> None:
    event = {"janus": "event", "plugindata": {"data": {"videoroom": "event", "publishers": [
        {"id": 7, "display": "Anna"}, "garbage"]}}}
    assert msg.publishers_in(event) == [{"id": 7, "display": "Anna"}]
    assert msg.publishers_in({"janus": "webrtcup"}) == []


def test_a_log_line_shows_no_secret_pin_or_session_description() -> None:
    message = msg.plugin_message("t", api_secret="API-SECRET", session_id=1, handle_id=2,
                                 body=msg.create_room(1, admin_key="ADMIN-KEY", secret="ROOM-SECRET", pin="PIN-4711"),
                                 jsep={"type": "offer", "sdp": "SDP-BODY"})
    logged = json.dumps(msg.describe(message))
    for secret in ("API-SECRET", "ADMIN-KEY", "ROOM-SECRET", "PIN-4711", "SDP-BODY"):
        assert secret not in logged
    assert '"request": "create"' in logged


async def test_an_event_box_hands_out_matching_events_keeps_the_others_and_fails_when_lost() -> None:
    box = EventBox(limit=3)
    box.put({"janus": "webrtcup"})
    box.put({"janus": "media"})
    assert await box.take(lambda e: e["janus"] == "media") == {"janus": "media"}
    assert box.pending() == [{"janus": "webrtcup"}]

    waiting = asyncio.ensure_future(box.take(lambda e: e["janus"] == "hangup"))
    await asyncio.sleep(0)
    box.put({"janus": "hangup"})
    assert await waiting == {"janus": "hangup"}

    for n in range(5):  # bounded: the oldest go
        box.put({"janus": "slowlink", "n": n})
    assert [e.get("n") for e in box.pending()] == [2, 3, 4]

    box.fail(JanusUnavailable("gone"))
    with pytest.raises(JanusUnavailable):
        await box.take(lambda e: e["janus"] == "never")
    with pytest.raises(TimeoutError):
        await EventBox().take(timeout=0.01)
