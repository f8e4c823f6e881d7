"""Calls on the wire: who is in which call, and the offers/answers the peers exchange through the
backend. Media never passes the backend; it flows peer to peer (DTLS-SRTP), through the organisation's
TURN server where direct paths fail. The ICE servers come from the backend's configuration and are an
explicit list, possibly empty: never a third party's default.
"""

from __future__ import annotations

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


class CallInfo(LenientModel):
    call_id: str
    #: The room whose call this is; None for a call between two people.
    room_id: str | None = None
    members: tuple[CallMember, ...] = ()
    #: Invited to a call between two people, not answered yet.
    ringing: tuple[str, ...] = ()
    ice_servers: tuple[IceServer, ...] = ()


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
    """My microphone/camera state and whether I am speaking (the indicator on my avatar)."""

    type: Literal["call_media"] = "call_media"
    id: CommandId
    call_id: EntityId
    audio: bool
    video: bool
    speaking: bool = False


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
    #: "declined", "no_answer", "everyone_left", "left"
    reason: str


