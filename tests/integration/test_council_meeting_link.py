"""A council session and the meeting in its room as one: one list of hands (a meeting hand is a
Wortmeldung on the chair's list; the floor given or a hand lowered clears it in both views), and
"Nächste Wortmeldung" muting the others at the media server (a real Janus)."""

from __future__ import annotations

import asyncio
from datetime import datetime

from dvz_desktop.protocol import CallJoin, CallUpdate, CouncilInfo
from dvz_desktop.protocol.meetings import MeetingHand, MeetingModerated
from tests.services.janus import janus  # noqa: F401  (the fixture)

from .council_people import SAAL, Council, Participant, council_fixture  # noqa: F401  (the fixture)
from .meeting_helpers import veth_only, wait_for  # noqa: F401  (fixtures)
from .public_live import LiveCouncil, live, public_session_with_two_members  # noqa: F401

#: The one list of hands also on two nodes (the council fixture spreads the members over both); the test
#: with the media server runs on one node (meetings through Janus across nodes are not built yet).
CLUSTER_READY = True


class CallView:
    """The meeting's hands as one participant's client sees them (from every call_update)."""

    def __init__(self, person: Participant) -> None:
        self.hands: dict[str, datetime | None] = {}
        self.call_id = ""
        person.session.message_received.connect(self._on)

    def _on(self, msg: object) -> None:
        if isinstance(msg, CallUpdate):
            self.call_id = msg.call.call_id
            self.hands = {m.person_id: m.hand_raised_at for m in msg.call.members}

    def raised(self) -> list[str]:
        return sorted(p for p, at in self.hands.items() if at is not None)


async def join_call(person: Participant) -> str:
    ack = await person.session.command(CallJoin(id=person.session.next_id(), room_id=SAAL))
    assert ack.ref
    return ack.ref


async def meeting_hand(person: Participant, call_id: str, raised: bool) -> None:
    await person.session.command(MeetingHand(id=person.session.next_id(), call_id=call_id, raised=raised))


def waiting(info: CouncilInfo) -> list[str]:
    return [h.person_id for h in info.hands]


async def test_the_meeting_hands_and_the_speaker_list_are_one_list(council: Council) -> None:  # noqa: F811
    chair, rat01, rat02, rat03 = council.chair, council["rat01"], council["rat02"], council["rat03"]
    await council.walk_in("landrat", "rat01", "rat02", "rat03")
    view = CallView(chair)
    call_id = await join_call(chair)
    for person in (rat01, rat02, rat03):
        assert await join_call(person) == call_id

    # A hand up in the meeting before the session starts goes on the list when it starts.
    await meeting_hand(rat03, call_id, True)
    await wait_for(lambda: view.raised() == ["rat03"], what="rat03's meeting hand")
    sid = await chair.council.start(SAAL, "12. Sitzung", body_id="uva")
    await chair.state(lambda s: waiting(s) == ["rat03"])

    # A meeting hand is a Wortmeldung on the chair's list, after the ones before it.
    await meeting_hand(rat01, call_id, True)
    await chair.state(lambda s: waiting(s) == ["rat03", "rat01"])
    # A Wortmeldung in the session shows as a raised hand in the meeting.
    await rat02.council.hand(sid)
    await chair.state(lambda s: waiting(s) == ["rat03", "rat01", "rat02"])
    await wait_for(lambda: view.raised() == ["rat01", "rat02", "rat03"], what="rat02's hand in the meeting")

    # The floor given clears the speaker's hand in both views.
    await chair.council.floor(sid, "next")
    info = await chair.state(lambda s: s.floor is not None and s.floor.person_id == "rat03")
    assert waiting(info) == ["rat01", "rat02"]
    await wait_for(lambda: view.raised() == ["rat01", "rat02"], what="rat03's meeting hand down with the floor")

    # Lowered in the meeting: off the list; taken off the list by the chair: down in the meeting.
    await meeting_hand(rat01, call_id, False)
    await chair.state(lambda s: waiting(s) == ["rat02"])
    await chair.council.hand(sid, raised=False, person_id="rat02")
    await chair.state(lambda s: waiting(s) == [])
    await wait_for(lambda: view.raised() == [], what="every hand down in the meeting")


async def test_next_speaker_with_mute_the_others_mutes_them_at_the_media_server(live: LiveCouncil) -> None:  # noqa: F811
    chair, speaker, sid, call_id = await public_session_with_two_members(live)
    other = await live.person("rat02")
    await other.join(SAAL)
    people = [chair, speaker, other]
    await wait_for(lambda: all(a.hears(b) for a in people for b in people if a is not b), timeout=40,
                   what="the three hearing each other")
    told: list[MeetingModerated] = []
    other.calls.moderated.connect(told.append)  # this client does not react: the media server mutes anyway
    assert chair.council is not None and speaker.council is not None and other.council is not None
    await speaker.council.hand(sid)
    await other.council.hand(sid)
    await chair.council.floor(sid, "next", mute_others=True)
    await wait_for(lambda: [(m.action, m.by) for m in told] == [("mute", "landrat")], what="the other told")
    await wait_for(lambda: not next(m for m in chair.calls.call.members if m.person_id == "rat02").audio,  # type: ignore[union-attr]
                   what="the other shown muted")
    await asyncio.sleep(0.5)  # frames already on their way arrive
    silent_from = {p.name: p.count("rat02", "audio") for p in (chair, speaker)}
    since_chair, since_speaker = chair.counts(), speaker.counts()
    await wait_for(lambda: chair.hears_again(speaker, since_chair) and speaker.hears_again(chair, since_speaker),
                   timeout=20, what="the speaker and the chair still heard")
    assert all(p.count("rat02", "audio") - silent_from[p.name] <= 3 for p in (chair, speaker)), \
        "the muted member's audio still flows through the media server"
    speaker_muted = next(m for m in chair.calls.call.members if m.person_id == "rat01")  # type: ignore[union-attr]
    assert speaker_muted.audio and "rat01" not in live.backend.calls.calls[call_id].muted_by_moderator
