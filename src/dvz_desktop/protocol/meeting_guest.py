"""Guests of a meeting on the wire: someone from outside (a partner, a citizen at a hearing) invited by a
moderator joins from the browser page the backend serves (``/besprechung/<token>``), on a socket of its
own (``/besprechung-gast``) with its own small set of messages.

Like the digital door, nothing a guest can send names a person, a room or a presence: the invitation's
token is the guest's only key, and it opens that one room's meeting. A guest sees the other members by
display name under an alias that is valid for this meeting only (``m1``, ``m2`` …), never their user
names, and nothing of the office.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from .base import LenientModel, StrictModel
from .calls import IceServer
from .door import MAX_GUEST_NAME, MAX_GUEST_SDP

InviteToken = Annotated[str, Field(min_length=16, max_length=128, pattern=r"^[A-Za-z0-9_\-]+$")]
MemberAlias = Annotated[str, Field(min_length=1, max_length=16)]
Sdp = Annotated[str, Field(min_length=10, max_length=MAX_GUEST_SDP)]


# --- guest (browser) -> server, on /besprechung-gast ------------------------------------------------


class MeetingGuestJoin(StrictModel):
    """The first message: join the meeting of the invitation (the privacy notice must be accepted)."""

    type: Literal["meeting_guest_join"] = "meeting_guest_join"
    token: InviteToken
    name: Annotated[str, Field(min_length=1, max_length=MAX_GUEST_NAME)]
    privacy_accepted: bool
    language: Literal["de", "en"] = "de"


class MeetingGuestPublish(StrictModel):
    """The browser's offer for its microphone and camera (all candidates included)."""

    type: Literal["meeting_guest_publish"] = "meeting_guest_publish"
    sdp: Sdp


class MeetingGuestSubscribe(StrictModel):
    """Receive one member (audio, and video if ``video``)."""

    type: Literal["meeting_guest_subscribe"] = "meeting_guest_subscribe"
    member_id: MemberAlias
    video: bool = False


class MeetingGuestAnswer(StrictModel):
    type: Literal["meeting_guest_answer"] = "meeting_guest_answer"
    member_id: MemberAlias
    sdp: Sdp


class MeetingGuestVideo(StrictModel):
    """Pause or resume a member's video (a tile out of sight)."""

    type: Literal["meeting_guest_video"] = "meeting_guest_video"
    member_id: MemberAlias
    on: bool


class MeetingGuestMedia(StrictModel):
    """My microphone and camera state, and whether I am speaking."""

    type: Literal["meeting_guest_media"] = "meeting_guest_media"
    audio: bool
    video: bool
    speaking: bool = False


class MeetingGuestLeave(StrictModel):
    type: Literal["meeting_guest_leave"] = "meeting_guest_leave"


MeetingGuestMessage = Annotated[
    (
        MeetingGuestJoin | MeetingGuestPublish | MeetingGuestSubscribe | MeetingGuestAnswer | MeetingGuestVideo
        | MeetingGuestMedia | MeetingGuestLeave
    ),
    Field(discriminator="type"),
]
MEETING_GUEST_MESSAGE_ADAPTER: TypeAdapter[MeetingGuestMessage] = TypeAdapter(MeetingGuestMessage)


# --- server -> guest ----------------------------------------------------------------------------------


class MeetingGuestMember(LenientModel):
    """Someone in the meeting as a guest sees them: an alias, the display name, the media state."""

    member_id: str
    name: str
    audio: bool = True
    video: bool = False
    speaking: bool = False
    screen: bool = False
    publishing: bool = False
    guest: bool = False


class MeetingGuestState(LenientModel):
    """Where the guest stands. ``waiting``: the meeting has not begun (the page waits); ``joined``: in
    the meeting (``me`` is my alias); ``paused``: the media server failed, the meeting resumes when it is
    back; ``ended``; ``removed`` by a moderator. ``epoch`` changes when the media server's room was made
    anew: publish and subscribe again."""

    type: Literal["meeting_guest_state"] = "meeting_guest_state"
    state: Literal["waiting", "joined", "paused", "ended", "removed"]
    room_name: str = ""
    me: str = ""
    members: tuple[MeetingGuestMember, ...] = ()
    ice_servers: tuple[IceServer, ...] = ()
    epoch: int = 0


class MeetingGuestSdp(LenientModel):
    """The media server's answer to my publication (``member_id`` null) or its offer for receiving
    ``member_id``."""

    type: Literal["meeting_guest_sdp"] = "meeting_guest_sdp"
    member_id: str | None = None
    sdp_type: Literal["offer", "answer"]
    sdp: str


class MeetingGuestError(LenientModel):
    type: Literal["meeting_guest_error"] = "meeting_guest_error"
    code: str
    message_de: str
    message_en: str


MeetingGuestServerMessage = Annotated[MeetingGuestState | MeetingGuestSdp | MeetingGuestError,
                                      Field(discriminator="type")]
MEETING_GUEST_SERVER_ADAPTER: TypeAdapter[MeetingGuestServerMessage] = TypeAdapter(MeetingGuestServerMessage)
