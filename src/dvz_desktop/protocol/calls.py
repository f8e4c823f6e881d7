"""Calls on the wire: who is in which call, and the offers/answers the peers exchange through the
backend. Media never passes the backend; it flows peer to peer (DTLS-SRTP) for up to four people, and
through the organisation's media server (``mode`` "sfu", see ``meetings.py``) beyond that; through the
organisation's TURN server where direct paths fail. The ICE servers come from the backend's
configuration and are an explicit list, possibly empty: never a third party's default.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from .base import CommandId, EntityId, LenientModel, StrictModel

#: Peer to peer for up to this many people in one call (a mesh); more would need an SFU.
MAX_CALL_MEMBERS = 4
#: An SDP with candidates is a few kilobytes; this leaves room below the 64 KiB frame limit.
MAX_SDP_CHARS = 48_000


class IceServer(LenientModel):
    urls: tuple[str, ...]
    username: str | None = None
    credential: str | None = Field(default=None, repr=False)


class CallMember(LenientModel):
    person_id: str
    audio: bool = True
    video: bool = False
    speaking: bool = False
    #: The video is my screen (a meeting shows it as the main stage).
    screen: bool = False
    #: When the hand went up (None: not raised); the list shows raised hands in this order.
    hand_raised_at: datetime | None = None
    #: A guest from outside (browser): their own name, since the directory does not know them.
    guest_name: str | None = None
    #: In a meeting through the media server: my microphone and camera have arrived there, so the
    #: others can receive me (``meeting_subscribe``).
    publishing: bool = False
    #: Goes up when the member's connection to the backend started anew while the call went on (a
    #: cluster node was lost and they came back through another): the others connect to them anew.
    connection: int = 0


class CallInfo(LenientModel):
    call_id: str
    #: The room whose call this is; None for a call between two people.
    room_id: str | None = None
    members: tuple[CallMember, ...] = ()
    #: Invited to a call between two people, not answered yet.
    ringing: tuple[str, ...] = ()
    ice_servers: tuple[IceServer, ...] = ()
    #: "mesh": peer to peer (``call_signal``); "sfu": through the media server (``meeting_*``).
    mode: Literal["mesh", "sfu"] = "mesh"
    #: The media server failed: in mode "sfu" the meeting waits for it to return; in mode "mesh" the
    #: call fell back to peer to peer (four or fewer people).
    sfu_lost: bool = False
    #: Counts the media server's rooms for this call: when it changes, publish and subscribe anew.
    sfu_epoch: int = 0
    #: Who may mute and remove members and invite guests: the room's owner and whoever opened the call
    #: (after they left, who has been in it longest).
    moderator_ids: tuple[str, ...] = ()


# --- client -> server ------------------------------------------------------------------------


class CallJoin(StrictModel):
    """Join the call of the room I am in, or call one person (``person_id``)."""

    type: Literal["call_join"] = "call_join"
    id: CommandId
    room_id: EntityId | None = None
    person_id: EntityId | None = None


class CallAnswer(StrictModel):
    type: Literal["call_answer"] = "call_answer"
    id: CommandId
    call_id: EntityId
    accept: bool


class CallLeave(StrictModel):
    type: Literal["call_leave"] = "call_leave"
    id: CommandId
    call_id: EntityId


class CallSignal(StrictModel):
    """An SDP offer or answer for one other member (candidates are part of the SDP)."""

    type: Literal["call_signal"] = "call_signal"
    id: CommandId
    call_id: EntityId
    to: EntityId
    sdp_type: Literal["offer", "answer"]
    sdp: Annotated[str, Field(min_length=10, max_length=MAX_SDP_CHARS)]


class CallMedia(StrictModel):
    """My microphone/camera state, whether I am speaking (the indicator on my avatar) and whether my
    video is my screen."""

    type: Literal["call_media"] = "call_media"
    id: CommandId
    call_id: EntityId
    audio: bool
    video: bool
    speaking: bool = False
    screen: bool = False


# --- server -> client ------------------------------------------------------------------------


class CallUpdate(LenientModel):
    """The whole state of a call I am in or am called to, whenever it changes."""

    type: Literal["call_update"] = "call_update"
    call: CallInfo


class CallSignalEvent(LenientModel):
    type: Literal["call_signal_event"] = "call_signal_event"
    call_id: str
    from_id: str
    sdp_type: Literal["offer", "answer"]
    sdp: str


class CallEnded(LenientModel):
    type: Literal["call_ended"] = "call_ended"
    call_id: str
    #: "declined", "no_answer", "everyone_left", "left", "removed" (by a moderator), "connection_lost"
    #: (the other person of a call between two went offline: their connection, or their node, was lost)
    reason: str


