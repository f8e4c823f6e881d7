"""The digital door on the wire: guests from a browser at a service desk, and the staff who admit them.

Guests speak on their own socket (``/gast``) with their own small set of messages; nothing a guest can
send names a person, a room or a presence. Staff see the queue of their desks and admit, talk to, hand
over and end visits over the normal staff socket.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from .base import MAX_ENTITY_ID, CommandId, LenientModel, StrictModel
from .behaviour import OfficeHours
from .calls import IceServer

MAX_GUEST_NAME = 80
MAX_CONCERN = 1000
#: A telephone number or e-mail address left with a request.
MAX_GUEST_CONTACT = 200
MAX_GUEST_CHAT = 2000
MAX_GUEST_SDP = 20_000

DeskId = Annotated[str, Field(min_length=1, max_length=MAX_ENTITY_ID, pattern=r"^[A-Za-z0-9_.\-]+$")]
GuestName = Annotated[str, Field(min_length=1, max_length=MAX_GUEST_NAME)]
Concern = Annotated[str, Field(max_length=MAX_CONCERN)]
VisitId = Annotated[str, Field(min_length=8, max_length=64)]


class DeskInfo(LenientModel):
    desk_id: str
    name: str
    room_id: str
    office_hours: tuple[OfficeHours, ...] = ()
    open_now: bool = False
    waiting: int = 0
    #: Estimated wait for someone joining now, in minutes.
    estimated_minutes: int = 0


class WaitingGuest(LenientModel):
    visit_id: str
    name: str
    concern: str = ""
    since: datetime
    position: int
    #: The clerk who admitted the guest (None while waiting).
    clerk_id: str | None = None
    room_id: str | None = None


# --- guest (browser) <-> server, on /gast ----------------------------------------------------------


class GuestJoin(StrictModel):
    """The first message of a guest: queue up at a desk (the privacy notice must be accepted)."""

    type: Literal["guest_join"] = "guest_join"
    desk_id: DeskId
    name: GuestName
    concern: Concern = ""
    privacy_accepted: bool
    language: Literal["de", "en"] = "de"


class GuestResume(StrictModel):
    """A reload of the page: come back with the token of this visit."""

    type: Literal["guest_resume"] = "guest_resume"
    token: Annotated[str, Field(min_length=16, max_length=128)]


class GuestRequest(StrictModel):
    """Outside office hours: a request that lands in the desk's inbox."""

    type: Literal["guest_request"] = "guest_request"
    desk_id: DeskId
    name: GuestName
    contact: Annotated[str, Field(min_length=3, max_length=MAX_GUEST_CONTACT)]
    concern: Annotated[str, Field(min_length=1, max_length=MAX_CONCERN)]
    privacy_accepted: bool


class GuestSay(StrictModel):
    type: Literal["guest_say"] = "guest_say"
    body: Annotated[str, Field(min_length=1, max_length=MAX_GUEST_CHAT)]


class GuestSignal(StrictModel):
    """The browser's WebRTC answer or offer for the call with the clerk."""

    type: Literal["guest_signal"] = "guest_signal"
    sdp_type: Literal["offer", "answer"]
    sdp: Annotated[str, Field(min_length=1, max_length=MAX_GUEST_SDP)]


class GuestLeave(StrictModel):
    type: Literal["guest_leave"] = "guest_leave"


GuestMessage = Annotated[GuestJoin | GuestResume | GuestRequest | GuestSay | GuestSignal | GuestLeave,
                         Field(discriminator="type")]
GUEST_MESSAGE_ADAPTER: TypeAdapter[GuestMessage] = TypeAdapter(GuestMessage)


class GuestState(LenientModel):
    """Sent to the guest: where they stand. ``state``: waiting, admitted, ended, requested."""

    type: Literal["guest_state"] = "guest_state"
    state: Literal["waiting", "admitted", "ended", "requested"]
    token: str | None = None
    desk_name: str = ""
    position: int = 0
    estimated_minutes: int = 0
    clerk_name: str = ""
    #: STUN/TURN servers for the browser's call (the organisation's own; empty on a local network).
    ice_servers: tuple[IceServer, ...] = ()


class GuestLine(LenientModel):
    """A chat line of the visit, sent to the guest."""

    type: Literal["guest_line"] = "guest_line"
    sender: Literal["clerk", "guest"]
    body: str
    at: datetime


class GuestSignalEvent(LenientModel):
    """The clerk's WebRTC description, sent to the guest's browser."""

    type: Literal["guest_signal_event"] = "guest_signal_event"
    sdp_type: str
    sdp: str


class GuestError(LenientModel):
    type: Literal["guest_error"] = "guest_error"
    code: str
    message_de: str
    message_en: str


GuestServerMessage = Annotated[GuestState | GuestLine | GuestSignalEvent | GuestError, Field(discriminator="type")]
#: What the server sends on the guest socket (a browser parses it in JavaScript; tests and docs use this).
GUEST_SERVER_MESSAGE_ADAPTER: TypeAdapter[GuestServerMessage] = TypeAdapter(GuestServerMessage)


# --- staff <-> server, on the staff socket ---------------------------------------------------------


class AdmitGuest(StrictModel):
    """Admit the next guest of a desk (``visit_id`` None) or a chosen one, into my room."""

    type: Literal["admit_guest"] = "admit_guest"
    id: CommandId
    desk_id: DeskId
    visit_id: VisitId | None = None


class EndVisit(StrictModel):
    type: Literal["end_visit"] = "end_visit"
    id: CommandId
    visit_id: VisitId


class HandOverVisit(StrictModel):
    """Give the guest to a colleague (back into the queue, to be admitted by them) or to another desk;
    the guest keeps their place (the time they came)."""

    type: Literal["hand_over_visit"] = "hand_over_visit"
    id: CommandId
    visit_id: VisitId
    to_desk_id: DeskId | None = None


class VisitToCallback(StrictModel):
    """End the visit and keep the concern as a callback note in my inbox."""

    type: Literal["visit_to_callback"] = "visit_to_callback"
    id: CommandId
    visit_id: VisitId
    note: Annotated[str, Field(max_length=MAX_CONCERN)] = ""


class VisitSay(StrictModel):
    type: Literal["visit_say"] = "visit_say"
    id: CommandId
    visit_id: VisitId
    body: Annotated[str, Field(min_length=1, max_length=MAX_GUEST_CHAT)]


class VisitSignal(StrictModel):
    type: Literal["visit_signal"] = "visit_signal"
    id: CommandId
    visit_id: VisitId
    sdp_type: Literal["offer", "answer"]
    sdp: Annotated[str, Field(min_length=1, max_length=MAX_GUEST_SDP)]


class DeskQueue(LenientModel):
    """The queue of a desk I serve (sent on every change): who waits, in order, and who is being seen."""

    type: Literal["desk_queue"] = "desk_queue"
    desk: DeskInfo
    guests: tuple[WaitingGuest, ...] = ()


class VisitEvent(LenientModel):
    """Something from the guest of a visit I hold: a chat line, a WebRTC description, or the end."""

    type: Literal["visit_event"] = "visit_event"
    visit_id: str
    kind: Literal["say", "signal", "left"]
    at: datetime
    body: str = ""
    sdp_type: str = ""
    sdp: str = ""
    ice_servers: tuple[IceServer, ...] = ()
