"""Wire messages: one model per message, tagged by ``type``.

Client -> server messages are :class:`StrictModel` (the server forbids unknown fields);
server -> client messages are :class:`LenientModel` (the client ignores unknown fields).
Every client command carries a client-chosen ``id``; the server answers with ``ack``, ``welcome``
or ``error`` carrying the same value in ``reply_to``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, get_args

from pydantic import ConfigDict, Field, TypeAdapter

from .base import MAX_ENTITY_ID, MAX_NOTE_CHARS, CommandId, EntityId, LenientModel, StrictModel
from .behaviour import (
    Absence,
    AbsenceChanged,
    AnswerInvite,
    AnswerKnock,
    AnswerQuestion,
    AskQuestion,
    CancelKnock,
    ClearAbsence,
    DismissInbox,
    DoorChanged,
    DoorInfo,
    InboxAdded,
    InboxItem,
    Invitation,
    Invite,
    InviteUpdate,
    Knock,
    KnockOn,
    KnockUpdate,
    LeaveMessage,
    QuestionUpdate,
    QuickQuestion,
    SetAbsence,
    SetCoffee,
    SetDoor,
    SetOfficeHours,
)
from .calls import (
    CallAnswer,
    CallEnded,
    CallInfo,
    CallJoin,
    CallLeave,
    CallMedia,
    CallSignal,
    CallSignalEvent,
    CallUpdate,
)
from .chat import (
    ChatConversation,
    ChatDelete,
    ChatEdit,
    ChatEvents,
    ChatOpen,
    ChatRead,
    ChatReadEvent,
    ChatReset,
    ChatSearch,
    ChatSearchResult,
    ChatSend,
    ChatSync,
    ChatTyping,
    ChatTypingEvent,
    Conversation,
)
from .council import (
    CouncilAgenda,
    CouncilAttend,
    CouncilBallot,
    CouncilBodies,
    CouncilEnd,
    CouncilFloor,
    CouncilFollow,
    CouncilGoTo,
    CouncilHand,
    CouncilMinutes,
    CouncilMinutesGet,
    CouncilNotes,
    CouncilReorder,
    CouncilStart,
    CouncilState,
    CouncilSync,
    CouncilTimer,
    CouncilVoteClose,
    CouncilVoteOpen,
)
from .door import AdmitGuest, DeskQueue, EndVisit, HandOverVisit, VisitEvent, VisitSay, VisitSignal, VisitToCallback
from .enums import Status
from .launchers import LauncherInfo
from .meetings import (
    MeetingAnswer,
    MeetingHand,
    MeetingInviteGuest,
    MeetingModerate,
    MeetingModerated,
    MeetingPublish,
    MeetingSdp,
    MeetingSubscribe,
    MeetingVideo,
)
from .office import OfficeLayout, Presence
from .whiteboard import WbAdd, WbClear, WbClose, WbOpen, WbOps, WbRemove, WbRestore, WbSnapshot

#: Validators are built on first use, not at import: the client starts faster, and it only ever
#: parses server messages (the backend only client messages).
_DEFERRED = ConfigDict(defer_build=True)


# --- client -> server -------------------------------------------------------------------------


class PasswordAuth(StrictModel):
    method: Literal["password"] = "password"
    username: Annotated[str, Field(min_length=1, max_length=MAX_ENTITY_ID)]
    # repr=False: a logged or printed message never shows the secret.
    password: Annotated[str, Field(min_length=1, max_length=1024, repr=False)]


class TokenAuth(StrictModel):
    method: Literal["token"] = "token"
    token: Annotated[str, Field(min_length=16, max_length=256, repr=False)]


class Hello(StrictModel):
    """First message on every connection: protocol version and credentials."""

    type: Literal["hello"] = "hello"
    id: CommandId
    protocol_version: int
    client: Annotated[str, Field(max_length=64)] = ""
    auth: Annotated[PasswordAuth | TokenAuth, Field(discriminator="method")]


class SetStatus(StrictModel):
    type: Literal["set_status"] = "set_status"
    id: CommandId
    status: Status
    note: Annotated[str, Field(max_length=MAX_NOTE_CHARS)] = ""
    #: "Als offline anzeigen": colleagues see me offline; knocks and questions do not reach me.
    appear_offline: bool = False


class Move(StrictModel):
    """Walk into a room."""

    type: Literal["move"] = "move"
    id: CommandId
    room_id: EntityId


class Logout(StrictModel):
    """End this session: the token is revoked and every socket of the session is closed."""

    type: Literal["logout"] = "logout"
    id: CommandId


ClientMessage = Annotated[
    (
        Hello | SetStatus | Move | Logout | SetDoor | SetOfficeHours | KnockOn | AnswerKnock | CancelKnock |
        LeaveMessage | Invite | AnswerInvite | AskQuestion | AnswerQuestion | SetCoffee | SetAbsence |
        ClearAbsence | DismissInbox | ChatSend | ChatEdit | ChatDelete | ChatSync | ChatOpen | ChatRead |
        ChatTyping | ChatSearch | CallJoin | CallAnswer | CallLeave | CallSignal | CallMedia | WbOpen | WbClose |
        WbAdd | WbRemove | WbRestore | WbClear | AdmitGuest | EndVisit | HandOverVisit | VisitToCallback |
        VisitSay | VisitSignal | CouncilStart | CouncilEnd | CouncilFollow | CouncilAgenda | CouncilGoTo |
        CouncilHand | CouncilFloor | CouncilReorder | CouncilTimer | CouncilAttend | CouncilVoteOpen |
        CouncilBallot | CouncilVoteClose | CouncilNotes | CouncilMinutesGet | CouncilSync
        | MeetingPublish | MeetingSubscribe | MeetingAnswer | MeetingVideo | MeetingHand | MeetingModerate
        | MeetingInviteGuest
    ),
    Field(discriminator="type"),
]
CLIENT_MESSAGE_ADAPTER: TypeAdapter[ClientMessage] = TypeAdapter(ClientMessage, config=_DEFERRED)


# --- server -> client -------------------------------------------------------------------------


class SessionInfo(LenientModel):
    #: Present only after a password login; a token login keeps the token it has.
    token: str | None = Field(default=None, repr=False)
    expires_at: datetime


class Welcome(LenientModel):
    type: Literal["welcome"] = "welcome"
    reply_to: str
    protocol_version: int
    me: str
    session: SessionInfo
    office: OfficeLayout
    presence: tuple[Presence, ...] = ()
    #: Doors that are not plainly open, or carry a note, office hours or a deputy.
    doors: tuple[DoorInfo, ...] = ()
    #: Knocks, invitations and questions still open that involve me (after a reconnect too).
    knocks: tuple[Knock, ...] = ()
    invitations: tuple[Invitation, ...] = ()
    questions: tuple[QuickQuestion, ...] = ()
    absences: tuple[Absence, ...] = ()
    #: Missed knocks, door messages and the handover list, until dismissed.
    inbox: tuple[InboxItem, ...] = ()
    #: The conversations I belong to, with their last and my read position (events follow chat_sync).
    conversations: tuple[Conversation, ...] = ()
    #: A call I am in or am being called to (after a reconnect the peers connect anew).
    calls: tuple[CallInfo, ...] = ()
    #: IT's catalogue of launchers for my organisation.
    launchers: tuple[LauncherInfo, ...] = ()


class Ack(LenientModel):
    type: Literal["ack"] = "ack"
    reply_to: str
    #: The id of what the command created (a knock, an invitation, a question, a conversation).
    ref: str | None = None
    #: For chat commands: the position the event got in its conversation.
    position: int | None = None


class Error(LenientModel):
    type: Literal["error"] = "error"
    #: The command this answers, if the frame could be read far enough to know it.
    reply_to: str | None = None
    #: An :class:`~dvz_desktop.protocol.enums.ErrorCode` value; kept a plain string so that an older
    #: client shows the text of a code it does not know yet.
    code: str
    message_de: str
    message_en: str
    #: Set for protocol version mismatches.
    server_protocol_version: int | None = None
    #: Seconds until a refused login (``login_throttled``, ``account_locked``) can succeed.
    retry_after: int | None = None


class PresenceChanged(LenientModel):
    """One or more people changed status, room or note."""

    type: Literal["presence"] = "presence"
    updates: tuple[Presence, ...]


class SessionEnded(LenientModel):
    """Sent just before the server closes the socket because the session ended."""

    type: Literal["session_ended"] = "session_ended"
    code: str
    message_de: str
    message_en: str


ServerMessage = Annotated[
    (
        Welcome | Ack | Error | PresenceChanged | SessionEnded | DoorChanged | KnockUpdate | InviteUpdate |
        QuestionUpdate | AbsenceChanged | InboxAdded | ChatEvents | ChatConversation | ChatReset |
        ChatTypingEvent | ChatReadEvent | ChatSearchResult | CallUpdate | CallSignalEvent | CallEnded |
        WbSnapshot | WbOps | DeskQueue | VisitEvent | CouncilState | CouncilMinutes | CouncilBodies
        | MeetingSdp | MeetingModerated
    ),
    Field(discriminator="type"),
]
SERVER_MESSAGE_ADAPTER: TypeAdapter[ServerMessage] = TypeAdapter(ServerMessage, config=_DEFERRED)



def _members(union: object) -> tuple[type, ...]:
    """The message classes of a discriminated union (``Annotated[Union[...], Field(...)]``)."""
    return get_args(get_args(union)[0])


#: Every message a client may send and every message a server may send, derived from the unions above:
#: the unions are the only list (the router, the documentation test and the round trip use these).
CLIENT_MESSAGE_TYPES: tuple[type[StrictModel], ...] = _members(ClientMessage)
SERVER_MESSAGE_TYPES: tuple[type[LenientModel], ...] = _members(ServerMessage)
