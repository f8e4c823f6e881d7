"""The public watching a public council session through the media server (a real Janus in a network
namespace): view only, no account; the viewers' subscriptions follow the session (the non-public part
cuts picture and sound), viewers cost the members nothing, and a full broadcast says so."""

from __future__ import annotations

import re

from server_stub.features.council.public_media import receives_only
from tests.services.janus import janus  # noqa: F401  (the fixture)

from .council_people import SAAL
from .meeting_helpers import veth_only, wait_for  # noqa: F401  (fixtures)
from .public_live import MAX_VIEWERS, LiveCouncil, live, public_session_with_two_members  # noqa: F401


def _streams_in(sdp: str) -> list[str]:
    return re.findall(r"^m=(audio|video) ", sdp, flags=re.MULTILINE)


async def test_viewers_get_every_published_stream_and_nothing_of_janus_or_the_members(live: LiveCouncil) -> None:  # noqa: F811
    chair, member, sid, call_id = await public_session_with_two_members(live)
    before = {name: len(m.frames) for name, m in live.members.items()}
    viewers = [await live.viewer() for _ in range(MAX_VIEWERS)]
    await wait_for(lambda: all(v.offers() for v in viewers), timeout=30, what="an offer for every viewer")
    for viewer in viewers:
        state = next(m for m in viewer.received if m["type"] == "public_media" and m["state"] == "live")
        assert state["streams"] == 4 and state["generation"] == 1
        assert sorted(_streams_in(viewer.offers()[-1]["sdp"])) == ["audio", "audio", "video", "video"]

    # One more is one too many: told so, with the limit, and given nothing.
    extra = await live.viewer()
    await wait_for(lambda: extra.last_state() == "full", what="the broadcast full for the fifth viewer")
    assert extra.received[-1]["max_viewers"] == MAX_VIEWERS and not extra.offers()

    # Nothing of Janus reaches the public: no room id, PIN, secret, feed or private id.
    room = live.janus_room(call_id)
    secrets = [str(room.janus_id), room.pin, room.secret, live.janus.api_secret, live.janus.admin_key,
               *(str(m.feed_id) for m in room.members.values()), *(str(m.private_id) for m in room.members.values())]
    frames = [str(m) for v in viewers for m in v.received]
    assert not [s for s in secrets if any(s in f for f in frames)]

    # Viewers cost the members nothing: no frame reached them while five viewers came (one refused), and Janus has the
    # same two publishers (the backend's listener and the viewers publish nothing).
    assert {name: len(m.frames) for name, m in live.members.items()} == before
    participants = await live.janus_participants(call_id)
    assert len([p for p in participants if p.get("publisher")]) == 2
    # Four viewers, one participant more in Janus's room: the backend's listener that owns their handles.
    assert len(participants) == 3

    # Everyone leaves: their subscriptions and the listener go.
    for viewer in [*viewers, extra]:
        await viewer.close()
    await wait_for(lambda: not live.backend.public_viewers.bodies, what="the viewers forgotten")
    assert len(await live.janus_participants(call_id)) == 2


async def test_a_viewer_cannot_publish_or_answer_with_anything_that_sends(live: LiveCouncil) -> None:  # noqa: F811
    await public_session_with_two_members(live)
    viewer = await live.viewer()
    await wait_for(lambda: viewer.offers(), timeout=30, what="the viewer's offer")
    offer = viewer.offers()[-1]
    await viewer.send({"type": "meeting_guest_publish", "sdp": "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"})
    await viewer.send({"type": "meeting_publish", "id": "c1", "call_id": "x", "sdp": "v=0\r\n"})
    sending = offer["sdp"].replace("a=sendonly", "a=sendrecv")
    await viewer.send({"type": "public_answer", "generation": offer["generation"], "sdp": sending})
    await wait_for(lambda: viewer.errors() == ["view_only"] * 3, what="three refusals")
    assert viewer.received[-1]["message_de"].startswith("Diese Seite kann nur zusehen und zuhören")
    assert not receives_only(sending) and receives_only(offer["sdp"].replace("a=sendonly", "a=recvonly"))
    await viewer.send({"type": "public_answer", "generation": offer["generation"] + 5,
                       "sdp": offer["sdp"].replace("a=sendonly", "a=recvonly")})
    await wait_for(lambda: viewer.errors()[-1:] == ["stale"], what="an answer to an offer never made refused")


async def test_the_non_public_part_cuts_picture_and_sound_and_the_end_stops_it(live: LiveCouncil) -> None:  # noqa: F811
    chair, member, sid, call_id = await public_session_with_two_members(live)
    assert chair.council is not None
    viewer = await live.viewer()
    await wait_for(lambda: viewer.offers(), timeout=30, what="the viewer's offer")
    agenda = chair.council.sessions[sid].info.agenda
    secret_item = next(n for n, item in enumerate(agenda) if not item.public)
    await chair.council.go_to(sid, secret_item)
    await wait_for(lambda: viewer.last_state() == "non_public", what="the non-public part for the viewer")
    viewers = live.backend.public_viewers
    await viewers.idle()
    assert all(v.handle is None for body in viewers.bodies.values() for v in body.viewers)
    public_item = next(n for n, item in enumerate(agenda) if item.public)
    await chair.council.go_to(sid, public_item)
    await wait_for(lambda: viewer.last_state() == "live" and len(viewer.offers()) == 2, timeout=30,
                   what="picture and sound back with the public part")
    await chair.council.end(sid)
    await wait_for(lambda: viewer.last_state() == "waiting", what="the end of the broadcast with the session")


async def test_someone_who_starts_sending_reaches_the_viewers_in_a_new_generation(live: LiveCouncil) -> None:  # noqa: F811
    chair, member, sid, call_id = await public_session_with_two_members(live)
    viewer = await live.viewer()
    await wait_for(lambda: viewer.offers(), timeout=30, what="the viewer's offer")
    third = await live.person("rat02")
    await third.join(SAAL)
    await wait_for(lambda: any(len(_streams_in(o["sdp"])) == 6 for o in viewer.offers()), timeout=40,
                   what="a new offer with the third member's streams")
    generation = viewer.offers()[-1]["generation"]
    assert generation > 1

    # A camera switched off: its black picture is not broadcast, the sound is.
    await third.calls.set_media(audio=True, video=False)
    await wait_for(lambda: viewer.offers()[-1]["generation"] > generation, timeout=30,
                   what="a new offer without the switched-off camera")
    assert sorted(_streams_in(viewer.offers()[-1]["sdp"])) == ["audio"] * 3 + ["video"] * 2
