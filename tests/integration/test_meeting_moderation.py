"""Moderating a meeting on the media server, with the real backend, a real Janus and aiortc clients: a
removed member loses media at once and cannot come back; a muted member is silent at the media server
even if their client ignored the mute, until they unmute themselves; hands go up in order; only
moderators moderate."""

from __future__ import annotations

import asyncio
import time

import pytest

from dvz_desktop.protocol.meetings import MeetingHand, MeetingModerate, MeetingModerated
from dvz_desktop.services.session import SessionError
from tests.services.janus import janus  # noqa: F401  (the fixture)

from .meeting_helpers import (  # noqa: F401  (fixtures)
    ROOM,
    Meeting,
    Member,
    everyone_hears_everyone,
    meeting,
    veth_only,
    wait_for,
)


async def five(room: Meeting) -> tuple[list[Member], str]:
    people = [await room.person(f"t{i:02d}") for i in range(1, 6)]
    call_ids = {await person.join() for person in people}
    await everyone_hears_everyone(people)
    return people, call_ids.pop()


async def moderate(member: Member, call_id: str, target: str, action: str) -> None:
    session = member.session
    await session.command(MeetingModerate(id=session.next_id(), call_id=call_id, person_id=target,
                                          action=action))  # type: ignore[arg-type]


async def test_a_removed_member_loses_media_at_once_and_cannot_come_back(meeting: Meeting) -> None:  # noqa: F811
    people, call_id = await five(meeting)
    opener, bystander, removed = people[0], people[1], people[2]
    assert people[0].calls.call is not None and people[0].calls.call.moderator_ids == ("t01",)
    told: list[MeetingModerated] = []
    removed.calls.moderated.connect(told.append)

    with pytest.raises(SessionError) as refused:  # not a moderator
        await moderate(bystander, call_id, removed.name, "remove")
    assert refused.value.code == "moderators_only"

    await moderate(opener, call_id, removed.name, "remove")
    at = time.monotonic()
    await wait_for(lambda: removed.calls.call is None, what="the call ended for the removed member")
    assert [(m.action, m.by) for m in told] == [("remove", "t01")]
    await wait_for(lambda: all(removed.name not in {m.person_id for m in p.calls.call.members}  # type: ignore[union-attr]
                               for p in people if p is not removed), what="the others told")
    await asyncio.sleep(1.5)  # long enough for any stray frame to have arrived
    heard_last = max(removed.last_at.values())
    others_last = max(p.last_at[removed.name] for p in people if p is not removed)
    print(f"last frame at the removed member {1000 * (heard_last - at):.0f} ms, "
          f"of the removed member at the others {1000 * (others_last - at):.0f} ms after the removal")
    assert heard_last - at < 1.0 and others_last - at < 1.0
    remaining = [p for p in people if p is not removed]
    since = remaining[0].counts()
    await wait_for(lambda: all(remaining[0].hears_again(p, since) for p in remaining[1:]),
                   what="the others still talking")

    with pytest.raises(SessionError) as refused:
        await removed.calls.join_room(ROOM)
    assert refused.value.code == "removed_from_meeting"
    assert "entfernt" in refused.value.message


async def test_a_muted_member_is_silent_at_the_media_server_until_they_unmute(meeting: Meeting) -> None:  # noqa: F811
    people, call_id = await five(meeting)
    opener, muted, listener = people[0], people[3], people[1]
    told: list[MeetingModerated] = []
    muted.calls.moderated.connect(told.append)  # this client does not react: the media server mutes anyway
    await moderate(opener, call_id, muted.name, "mute")
    await wait_for(lambda: [m.action for m in told] == ["mute"], what="the member told")
    await wait_for(lambda: not next(m for m in listener.calls.call.members if m.person_id == muted.name).audio,  # type: ignore[union-attr]
                   what="shown muted to the others")
    await asyncio.sleep(0.5)
    silent_from = listener.count(muted.name, "audio")
    since = listener.counts()
    await wait_for(lambda: listener.hears_again(opener, since), what="the others going on")
    assert listener.count(muted.name, "audio") - silent_from <= 3

    await muted.calls.set_media(audio=True, video=True)  # the member unmutes themselves
    await wait_for(lambda: listener.hears_again(muted, since), what="the member audible again")


async def test_hands_go_up_in_order_for_everyone_to_see(meeting: Meeting) -> None:  # noqa: F811
    people, call_id = await five(meeting)
    for member in (people[3], people[1]):
        await member.session.command(MeetingHand(id=member.session.next_id(), call_id=call_id, raised=True))

    def raised(viewer: Member) -> list[str]:
        call = viewer.calls.call
        assert call is not None
        up = [m for m in call.members if m.hand_raised_at is not None]
        return [m.person_id for m in sorted(up, key=lambda m: m.hand_raised_at)]  # type: ignore[arg-type,return-value]

    await wait_for(lambda: all(raised(p) == ["t04", "t02"] for p in people), what="both hands, in order")
    await people[3].session.command(MeetingHand(id=people[3].session.next_id(), call_id=call_id, raised=False))
    await wait_for(lambda: all(raised(p) == ["t02"] for p in people), what="one hand down")
