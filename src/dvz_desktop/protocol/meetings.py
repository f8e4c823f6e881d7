"""Meetings on the wire: a call of more than four people (or in a room marked large, or with guests)
runs through the organisation's media server, an SFU (Janus), instead of peer to peer.

The backend holds every session with the media server; clients never reach its API. A member sends the
offer for their own microphone and camera (``meeting_publish``) and asks to receive one other member at
a time (``meeting_subscribe``); the backend checks each request against the call's members and relays
the media server's answer or offer back (``meeting_sdp``). Candidates travel inside the SDP, as in a
call between peers. Media itself flows between the client and the media server (or through the
organisation's TURN server), never through the backend.

Identifiers on the wire are the people's ids: nobody ever sees or names the media server's own feed
or room ids, so there is nothing to guess.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import LenientModel, StrictModel
from .calls import MAX_SDP_CHARS

CommandId = Annotated[str, Field(min_length=1, max_length=64)]
EntityId = Annotated[str, Field(min_length=1, max_length=128)]
Sdp = Annotated[str, Field(min_length=10, max_length=MAX_SDP_CHARS)]

#: The most people one meeting takes (the media server forwards; every client decodes what it shows).
MAX_MEETING_MEMBERS = 50
#: Videos a gallery shows at once (the most recent speakers); the others are in the participant list.
GALLERY_SIZE = 9

ModerationAction = Literal["mute", "remove"]


# --- client -> server ------------------------------------------------------------------------


class MeetingPublish(StrictModel):
    """My microphone and camera into the meeting: the WebRTC offer with all candidates. Answered with a
    ``meeting_sdp`` (``person_id`` null) carrying the media server's answer, then ``ack``. Sent again
    after ``sfu_epoch`` changed (the media server came back)."""

    type: Literal["meeting_publish"] = "meeting_publish"
    id: CommandId
    call_id: EntityId
    sdp: Sdp


class MeetingSubscribe(StrictModel):
    """Receive one other member: always their audio, their video only if ``video`` (a tile that shows
    it). The first time the backend answers with a ``meeting_sdp`` offer for this member; asking for the
    video later renegotiates the same way. Answer each offer with ``meeting_answer``."""

    type: Literal["meeting_subscribe"] = "meeting_subscribe"
    id: CommandId
    call_id: EntityId
    person_id: EntityId
    video: bool = False


class MeetingAnswer(StrictModel):
    """My answer to the offer the backend relayed for receiving ``person_id``."""

    type: Literal["meeting_answer"] = "meeting_answer"
    id: CommandId
    call_id: EntityId
    person_id: EntityId
    sdp: Sdp


class MeetingVideo(StrictModel):
    """Pause (``on`` false) or resume the video I receive from ``person_id``: a tile out of sight costs
    no bandwidth and no decoding, and comes back without renegotiating."""

    type: Literal["meeting_video"] = "meeting_video"
    id: CommandId
    call_id: EntityId
    person_id: EntityId
    on: bool


class MeetingHand(StrictModel):
    """Raise or lower my hand."""

    type: Literal["meeting_hand"] = "meeting_hand"
    id: CommandId
    call_id: EntityId
    raised: bool


class MeetingModerate(StrictModel):
    """A moderator mutes a member's microphone (they may unmute themselves) or removes them from the
    meeting (their media stops at once; they cannot rejoin this meeting)."""

    type: Literal["meeting_moderate"] = "meeting_moderate"
    id: CommandId
    call_id: EntityId
    person_id: EntityId
    action: ModerationAction


class MeetingInviteGuest(StrictModel):
    """A moderator invites a guest from outside (a partner, a citizen at a hearing): ``ack.ref`` is the
    token of the invitation; the guest opens ``/besprechung/<token>`` on the backend's address."""

    type: Literal["meeting_invite_guest"] = "meeting_invite_guest"
    id: CommandId
    call_id: EntityId


# --- server -> client ------------------------------------------------------------------------


class MeetingSdp(LenientModel):
    """The media server's description, relayed: its ``answer`` to my publication (``person_id`` null),
    or an ``offer`` for receiving ``person_id``."""

    type: Literal["meeting_sdp"] = "meeting_sdp"
    call_id: str
    person_id: str | None = None
    sdp_type: Literal["offer", "answer"]
    sdp: str


class MeetingModerated(LenientModel):
    """A moderator (``by``) muted me or removed me from the meeting."""

    type: Literal["meeting_moderated"] = "meeting_moderated"
    call_id: str
    action: ModerationAction
    by: str


MEETING_CLIENT_TYPES = (MeetingPublish, MeetingSubscribe, MeetingAnswer, MeetingVideo, MeetingHand, MeetingModerate,
                        MeetingInviteGuest)
MEETING_SERVER_TYPES = (MeetingSdp, MeetingModerated)
