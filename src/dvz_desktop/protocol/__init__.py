"""Wire protocol v1 shared by the desktop client and the backend.

Imports nothing but pydantic and the standard library.

The names below are loaded on first use (PEP 562): ``from dvz_desktop.protocol import Status`` loads the
enumerations only, so the client can paint its window before pydantic and the message models are
imported (start time, docs/performance.md); the first message model asked for loads its module as usual.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names, for type checkers and readers
    from .base import (
        MAX_COMMAND_ID as MAX_COMMAND_ID,
    )
    from .base import (
        MAX_ENTITY_ID as MAX_ENTITY_ID,
    )
    from .base import (
        MAX_FRAME_BYTES as MAX_FRAME_BYTES,
    )
    from .base import (
        MAX_MESSAGE_CHARS as MAX_MESSAGE_CHARS,
    )
    from .base import (
        MAX_NOTE_CHARS as MAX_NOTE_CHARS,
    )
    from .base import (
        MAX_SHORT_TEXT as MAX_SHORT_TEXT,
    )
    from .base import (
        PROTOCOL_VERSION as PROTOCOL_VERSION,
    )
    from .base import (
        CommandId as CommandId,
    )
    from .base import (
        EntityId as EntityId,
    )
    from .base import (
        LenientModel as LenientModel,
    )
    from .base import (
        StrictModel as StrictModel,
    )
    from .behaviour import (
        FINAL_KNOCK_STATES as FINAL_KNOCK_STATES,
    )
    from .behaviour import (
        Absence as Absence,
    )
    from .behaviour import (
        AbsenceCategory as AbsenceCategory,
    )
    from .behaviour import (
        AbsenceChanged as AbsenceChanged,
    )
    from .behaviour import (
        AnswerInvite as AnswerInvite,
    )
    from .behaviour import (
        AnswerKnock as AnswerKnock,
    )
    from .behaviour import (
        AnswerQuestion as AnswerQuestion,
    )
    from .behaviour import (
        AskQuestion as AskQuestion,
    )
    from .behaviour import (
        CancelKnock as CancelKnock,
    )
    from .behaviour import (
        ClearAbsence as ClearAbsence,
    )
    from .behaviour import (
        DismissInbox as DismissInbox,
    )
    from .behaviour import (
        DoorChanged as DoorChanged,
    )
    from .behaviour import (
        DoorInfo as DoorInfo,
    )
    from .behaviour import (
        InboxAdded as InboxAdded,
    )
    from .behaviour import (
        InboxItem as InboxItem,
    )
    from .behaviour import (
        InboxKind as InboxKind,
    )
    from .behaviour import (
        InboxSubject as InboxSubject,
    )
    from .behaviour import (
        Invitation as Invitation,
    )
    from .behaviour import (
        Invite as Invite,
    )
    from .behaviour import (
        InviteState as InviteState,
    )
    from .behaviour import (
        InviteUpdate as InviteUpdate,
    )
    from .behaviour import (
        Knock as Knock,
    )
    from .behaviour import (
        KnockAnswer as KnockAnswer,
    )
    from .behaviour import (
        KnockOn as KnockOn,
    )
    from .behaviour import (
        KnockState as KnockState,
    )
    from .behaviour import (
        KnockUpdate as KnockUpdate,
    )
    from .behaviour import (
        LeaveMessage as LeaveMessage,
    )
    from .behaviour import (
        OfficeHours as OfficeHours,
    )
    from .behaviour import (
        QuestionUpdate as QuestionUpdate,
    )
    from .behaviour import (
        QuickQuestion as QuickQuestion,
    )
    from .behaviour import (
        SetAbsence as SetAbsence,
    )
    from .behaviour import (
        SetCoffee as SetCoffee,
    )
    from .behaviour import (
        SetDoor as SetDoor,
    )
    from .behaviour import (
        SetOfficeHours as SetOfficeHours,
    )
    from .behaviour import (
        Weekday as Weekday,
    )
    from .calls import (
        MAX_CALL_MEMBERS as MAX_CALL_MEMBERS,
    )
    from .calls import (
        MAX_SDP_CHARS as MAX_SDP_CHARS,
    )
    from .calls import (
        CallAnswer as CallAnswer,
    )
    from .calls import (
        CallEnded as CallEnded,
    )
    from .calls import (
        CallInfo as CallInfo,
    )
    from .calls import (
        CallJoin as CallJoin,
    )
    from .calls import (
        CallLeave as CallLeave,
    )
    from .calls import (
        CallMedia as CallMedia,
    )
    from .calls import (
        CallMember as CallMember,
    )
    from .calls import (
        CallSignal as CallSignal,
    )
    from .calls import (
        CallSignalEvent as CallSignalEvent,
    )
    from .calls import (
        CallUpdate as CallUpdate,
    )
    from .calls import (
        IceServer as IceServer,
    )
    from .chat import (
        MAX_CHAT_CHARS as MAX_CHAT_CHARS,
    )
    from .chat import (
        MAX_DM_MEMBERS as MAX_DM_MEMBERS,
    )
    from .chat import (
        ChatConversation as ChatConversation,
    )
    from .chat import (
        ChatDelete as ChatDelete,
    )
    from .chat import (
        ChatEdit as ChatEdit,
    )
    from .chat import (
        ChatEvent as ChatEvent,
    )
    from .chat import (
        ChatEventKind as ChatEventKind,
    )
    from .chat import (
        ChatEvents as ChatEvents,
    )
    from .chat import (
        ChatOpen as ChatOpen,
    )
    from .chat import (
        ChatRead as ChatRead,
    )
    from .chat import (
        ChatReadEvent as ChatReadEvent,
    )
    from .chat import (
        ChatReset as ChatReset,
    )
    from .chat import (
        ChatSearch as ChatSearch,
    )
    from .chat import (
        ChatSearchResult as ChatSearchResult,
    )
    from .chat import (
        ChatSend as ChatSend,
    )
    from .chat import (
        ChatSync as ChatSync,
    )
    from .chat import (
        ChatTyping as ChatTyping,
    )
    from .chat import (
        ChatTypingEvent as ChatTypingEvent,
    )
    from .chat import (
        Conversation as Conversation,
    )
    from .chat import (
        ConversationKind as ConversationKind,
    )
    from .chat import (
        SearchHit as SearchHit,
    )
    from .council import (
        MAX_AGENDA_ITEMS as MAX_AGENDA_ITEMS,
    )
    from .council import (
        MAX_COUNCIL_TITLE as MAX_COUNCIL_TITLE,
    )
    from .council import (
        MAX_NOTES_CHARS as MAX_NOTES_CHARS,
    )
    from .council import (
        MAX_OPARL_CHARS as MAX_OPARL_CHARS,
    )
    from .council import (
        MAX_TIMER_LABEL as MAX_TIMER_LABEL,
    )
    from .council import (
        MAX_VOTE_QUESTION as MAX_VOTE_QUESTION,
    )
    from .council import (
        CouncilAgenda as CouncilAgenda,
    )
    from .council import (
        CouncilAttend as CouncilAttend,
    )
    from .council import (
        CouncilAttendance as CouncilAttendance,
    )
    from .council import (
        CouncilBallot as CouncilBallot,
    )
    from .council import (
        CouncilBodies as CouncilBodies,
    )
    from .council import (
        CouncilBodyInfo as CouncilBodyInfo,
    )
    from .council import (
        CouncilEnd as CouncilEnd,
    )
    from .council import (
        CouncilFloor as CouncilFloor,
    )
    from .council import (
        CouncilFloorInfo as CouncilFloorInfo,
    )
    from .council import (
        CouncilFollow as CouncilFollow,
    )
    from .council import (
        CouncilGoTo as CouncilGoTo,
    )
    from .council import (
        CouncilHand as CouncilHand,
    )
    from .council import (
        CouncilHandInfo as CouncilHandInfo,
    )
    from .council import (
        CouncilInfo as CouncilInfo,
    )
    from .council import (
        CouncilItem as CouncilItem,
    )
    from .council import (
        CouncilItemInfo as CouncilItemInfo,
    )
    from .council import (
        CouncilLoss as CouncilLoss,
    )
    from .council import (
        CouncilMinutes as CouncilMinutes,
    )
    from .council import (
        CouncilMinutesGet as CouncilMinutesGet,
    )
    from .council import (
        CouncilMinutesItem as CouncilMinutesItem,
    )
    from .council import (
        CouncilNamedVote as CouncilNamedVote,
    )
    from .council import (
        CouncilNotes as CouncilNotes,
    )
    from .council import (
        CouncilPresent as CouncilPresent,
    )
    from .council import (
        CouncilReorder as CouncilReorder,
    )
    from .council import (
        CouncilResult as CouncilResult,
    )
    from .council import (
        CouncilStart as CouncilStart,
    )
    from .council import (
        CouncilState as CouncilState,
    )
    from .council import (
        CouncilSync as CouncilSync,
    )
    from .council import (
        CouncilTimer as CouncilTimer,
    )
    from .council import (
        CouncilTimerInfo as CouncilTimerInfo,
    )
    from .council import (
        CouncilVoteClose as CouncilVoteClose,
    )
    from .council import (
        CouncilVoteInfo as CouncilVoteInfo,
    )
    from .council import (
        CouncilVoteOpen as CouncilVoteOpen,
    )
    from .enums import (
        SELECTABLE_STATUSES as SELECTABLE_STATUSES,
    )
    from .enums import (
        DoorState as DoorState,
    )
    from .enums import (
        ErrorCode as ErrorCode,
    )
    from .enums import (
        RoomKind as RoomKind,
    )
    from .enums import (
        Status as Status,
    )
    from .errors import (
        CloseCode as CloseCode,
    )
    from .errors import (
        error_texts as error_texts,
    )
    from .launchers import (
        LauncherInfo as LauncherInfo,
    )
    from .launchers import (
        PlaceholderInfo as PlaceholderInfo,
    )
    from .messages import (
        CLIENT_MESSAGE_ADAPTER as CLIENT_MESSAGE_ADAPTER,
    )
    from .messages import (
        CLIENT_MESSAGE_TYPES as CLIENT_MESSAGE_TYPES,
    )
    from .messages import (
        SERVER_MESSAGE_ADAPTER as SERVER_MESSAGE_ADAPTER,
    )
    from .messages import (
        SERVER_MESSAGE_TYPES as SERVER_MESSAGE_TYPES,
    )
    from .messages import (
        Ack as Ack,
    )
    from .messages import (
        ClientMessage as ClientMessage,
    )
    from .messages import (
        Error as Error,
    )
    from .messages import (
        Hello as Hello,
    )
    from .messages import (
        Logout as Logout,
    )
    from .messages import (
        Move as Move,
    )
    from .messages import (
        PasswordAuth as PasswordAuth,
    )
    from .messages import (
        PresenceChanged as PresenceChanged,
    )
    from .messages import (
        ServerMessage as ServerMessage,
    )
    from .messages import (
        SessionEnded as SessionEnded,
    )
    from .messages import (
        SessionInfo as SessionInfo,
    )
    from .messages import (
        SetStatus as SetStatus,
    )
    from .messages import (
        TokenAuth as TokenAuth,
    )
    from .messages import (
        Welcome as Welcome,
    )
    from .office import (
        Building as Building,
    )
    from .office import (
        Floor as Floor,
    )
    from .office import (
        OfficeLayout as OfficeLayout,
    )
    from .office import (
        Organisation as Organisation,
    )
    from .office import (
        Person as Person,
    )
    from .office import (
        Presence as Presence,
    )
    from .office import (
        Room as Room,
    )
    from .whiteboard import (
        BOARD_HEIGHT as BOARD_HEIGHT,
    )
    from .whiteboard import (
        BOARD_WIDTH as BOARD_WIDTH,
    )
    from .whiteboard import (
        MAX_BOARD_ITEMS as MAX_BOARD_ITEMS,
    )
    from .whiteboard import (
        MAX_IMAGE_BYTES as MAX_IMAGE_BYTES,
    )
    from .whiteboard import (
        MAX_STROKE_POINTS as MAX_STROKE_POINTS,
    )
    from .whiteboard import (
        WbAdd as WbAdd,
    )
    from .whiteboard import (
        WbClear as WbClear,
    )
    from .whiteboard import (
        WbClose as WbClose,
    )
    from .whiteboard import (
        WbItem as WbItem,
    )
    from .whiteboard import (
        WbOp as WbOp,
    )
    from .whiteboard import (
        WbOpen as WbOpen,
    )
    from .whiteboard import (
        WbOps as WbOps,
    )
    from .whiteboard import (
        WbRemove as WbRemove,
    )
    from .whiteboard import (
        WbRestore as WbRestore,
    )
    from .whiteboard import (
        WbShape as WbShape,
    )
    from .whiteboard import (
        WbSnapshot as WbSnapshot,
    )

#: Where each name lives (module in this package -> the names it provides here).
_SOURCES: dict[str, tuple[str, ...]] = {
    "base": (
        "MAX_COMMAND_ID",
        "MAX_ENTITY_ID",
        "MAX_FRAME_BYTES",
        "MAX_MESSAGE_CHARS",
        "MAX_NOTE_CHARS",
        "MAX_SHORT_TEXT",
        "PROTOCOL_VERSION",
        "CommandId",
        "EntityId",
        "LenientModel",
        "StrictModel",
    ),
    "behaviour": (
        "FINAL_KNOCK_STATES",
        "Absence",
        "AbsenceCategory",
        "AbsenceChanged",
        "AnswerInvite",
        "AnswerKnock",
        "AnswerQuestion",
        "AskQuestion",
        "CancelKnock",
        "ClearAbsence",
        "DismissInbox",
        "DoorChanged",
        "DoorInfo",
        "InboxAdded",
        "InboxItem",
        "InboxKind",
        "InboxSubject",
        "Invitation",
        "Invite",
        "InviteState",
        "InviteUpdate",
        "Knock",
        "KnockAnswer",
        "KnockOn",
        "KnockState",
        "KnockUpdate",
        "LeaveMessage",
        "OfficeHours",
        "QuestionUpdate",
        "QuickQuestion",
        "SetAbsence",
        "SetCoffee",
        "SetDoor",
        "SetOfficeHours",
        "Weekday",
    ),
    "calls": (
        "MAX_CALL_MEMBERS",
        "MAX_SDP_CHARS",
        "CallAnswer",
        "CallEnded",
        "CallInfo",
        "CallJoin",
        "CallLeave",
        "CallMedia",
        "CallMember",
        "CallSignal",
        "CallSignalEvent",
        "CallUpdate",
        "IceServer",
    ),
    "chat": (
        "MAX_CHAT_CHARS",
        "MAX_DM_MEMBERS",
        "ChatConversation",
        "ChatDelete",
        "ChatEdit",
        "ChatEvent",
        "ChatEventKind",
        "ChatEvents",
        "ChatOpen",
        "ChatRead",
        "ChatReadEvent",
        "ChatReset",
        "ChatSearch",
        "ChatSearchResult",
        "ChatSend",
        "ChatSync",
        "ChatTyping",
        "ChatTypingEvent",
        "Conversation",
        "ConversationKind",
        "SearchHit",
    ),
    "council": (
        "MAX_AGENDA_ITEMS",
        "MAX_COUNCIL_TITLE",
        "MAX_NOTES_CHARS",
        "MAX_OPARL_CHARS",
        "MAX_TIMER_LABEL",
        "MAX_VOTE_QUESTION",
        "CouncilAgenda",
        "CouncilAttend",
        "CouncilAttendance",
        "CouncilBallot",
        "CouncilBodies",
        "CouncilBodyInfo",
        "CouncilEnd",
        "CouncilFloor",
        "CouncilFloorInfo",
        "CouncilFollow",
        "CouncilGoTo",
        "CouncilHand",
        "CouncilHandInfo",
        "CouncilInfo",
        "CouncilItem",
        "CouncilItemInfo",
        "CouncilLoss",
        "CouncilMinutes",
        "CouncilMinutesGet",
        "CouncilMinutesItem",
        "CouncilNamedVote",
        "CouncilNotes",
        "CouncilPresent",
        "CouncilReorder",
        "CouncilResult",
        "CouncilStart",
        "CouncilState",
        "CouncilSync",
        "CouncilTimer",
        "CouncilTimerInfo",
        "CouncilVoteClose",
        "CouncilVoteInfo",
        "CouncilVoteOpen",
    ),
    "enums": (
        "SELECTABLE_STATUSES",
        "DoorState",
        "ErrorCode",
        "RoomKind",
        "Status",
    ),
    "errors": (
        "CloseCode",
        "error_texts",
    ),
    "launchers": (
        "LauncherInfo",
        "PlaceholderInfo",
    ),
    "messages": (
        "CLIENT_MESSAGE_ADAPTER",
        "CLIENT_MESSAGE_TYPES",
        "SERVER_MESSAGE_ADAPTER",
        "SERVER_MESSAGE_TYPES",
        "Ack",
        "ClientMessage",
        "Error",
        "Hello",
        "Logout",
        "Move",
        "PasswordAuth",
        "PresenceChanged",
        "ServerMessage",
        "SessionEnded",
        "SessionInfo",
        "SetStatus",
        "TokenAuth",
        "Welcome",
    ),
    "office": (
        "Building",
        "Floor",
        "OfficeLayout",
        "Organisation",
        "Person",
        "Presence",
        "Room",
    ),
    "whiteboard": (
        "BOARD_HEIGHT",
        "BOARD_WIDTH",
        "MAX_BOARD_ITEMS",
        "MAX_IMAGE_BYTES",
        "MAX_STROKE_POINTS",
        "WbAdd",
        "WbClear",
        "WbClose",
        "WbItem",
        "WbOp",
        "WbOpen",
        "WbOps",
        "WbRemove",
        "WbRestore",
        "WbShape",
        "WbSnapshot",
    ),
}
_MODULE_OF = {name: module for module, names in _SOURCES.items() for name in names}

__all__ = [name for names in _SOURCES.values() for name in names]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
