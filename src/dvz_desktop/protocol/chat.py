"""Chat on the wire: room chats and direct conversations as streams with monotonic positions.

Every conversation is a stream of events (a post, an edit, a deletion), each with the next position of
that conversation. A client remembers the last position it has seen per conversation and asks for what
came after it (``chat_sync``); it receives every missed event exactly once, in order. A post carries a
client-chosen ``client_msg_id``: the server stores it before acknowledging and answers a repeated id with
the original position, so resending after a disconnect never duplicates a message.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated, Literal

from pydantic import Field

from .base import CommandId, EntityId, LenientModel, StrictModel

ConversationId = Annotated[str, Field(min_length=3, max_length=300)]
#: Longest chat message in characters (a frame stays far below 64 KiB).
MAX_CHAT_CHARS = 4000
ChatBody = Annotated[str, Field(min_length=1, max_length=MAX_CHAT_CHARS)]
ClientMsgId = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")]
#: Direct conversations have at most this many members (a small group, not a mailing list).
MAX_DM_MEMBERS = 8


class ChatEventKind(str, Enum):
    POST = "post"
    EDIT = "edit"
    DELETE = "delete"


class ConversationKind(str, Enum):
    ROOM = "room"  # the chat of a room: owner and residents, and the people inside while it was written
    DIRECT = "direct"  # two to eight people


class ChatEvent(LenientModel):
    conv_id: str
    position: int
    kind: ChatEventKind
    sender_id: str
    at: datetime
    #: The position of the post an edit or deletion refers to (its own position for a post).
    target: int
    body: str = ""
    client_msg_id: str | None = None


class Conversation(LenientModel):
    conv_id: str
    kind: ConversationKind
    #: The room of a room chat; the members of a direct conversation.
    room_id: str | None = None
    members: tuple[str, ...] = ()
    last_position: int = 0
    #: The last position I have read (on any of my devices).
    read_position: int = 0


class SearchHit(LenientModel):
    conv_id: str
    position: int
    sender_id: str
    at: datetime
    body: str


# --- client -> server ------------------------------------------------------------------------


class ChatSend(StrictModel):
    type: Literal["chat_send"] = "chat_send"
    id: CommandId
    conv_id: ConversationId
    client_msg_id: ClientMsgId
    body: ChatBody


class ChatEdit(StrictModel):
    type: Literal["chat_edit"] = "chat_edit"
    id: CommandId
    conv_id: ConversationId
    target: Annotated[int, Field(ge=1)]
    client_msg_id: ClientMsgId
    body: ChatBody


class ChatDelete(StrictModel):
    type: Literal["chat_delete"] = "chat_delete"
    id: CommandId
    conv_id: ConversationId
    target: Annotated[int, Field(ge=1)]
    client_msg_id: ClientMsgId


class ChatSync(StrictModel):
    """Resume: for each conversation, the last position this client has (0 = nothing yet)."""

    type: Literal["chat_sync"] = "chat_sync"
    id: CommandId
    positions: Annotated[dict[ConversationId, Annotated[int, Field(ge=0)]], Field(max_length=2000)]


class ChatOpen(StrictModel):
    """Open (or find) a conversation: a room's chat, or a direct conversation with these people."""

    type: Literal["chat_open"] = "chat_open"
    id: CommandId
    room_id: EntityId | None = None
    members: Annotated[tuple[EntityId, ...],
                       Field(max_length=MAX_DM_MEMBERS)] = ()
    #: The last position this client holds of that conversation (0 = nothing yet): the answer brings
    #: what came after it (or the recent history), ahead of any live event.
    position: Annotated[int, Field(ge=0)] = 0


class ChatRead(StrictModel):
    type: Literal["chat_read"] = "chat_read"
    id: CommandId
    conv_id: ConversationId
    position: Annotated[int, Field(ge=0)]


class ChatTyping(StrictModel):
    type: Literal["chat_typing"] = "chat_typing"
    id: CommandId
    conv_id: ConversationId


class ChatSearch(StrictModel):
    type: Literal["chat_search"] = "chat_search"
    id: CommandId
    text: Annotated[str, Field(min_length=2, max_length=200)]


# --- server -> client ------------------------------------------------------------------------


class ChatEvents(LenientModel):
    """Events of one conversation, in order, each once. Positions may skip numbers of a room chat that the
    recipient may not see (written while they were not in the room); nothing is missing in between."""

    type: Literal["chat_events"] = "chat_events"
    conv_id: str
    events: tuple[ChatEvent, ...]


class ChatConversation(LenientModel):
    """A conversation I belong to now (opened by me or someone else, or after a sync)."""

    type: Literal["chat_conversation"] = "chat_conversation"
    conversation: Conversation


class ChatReset(LenientModel):
    """My position is older than what is kept: drop what I have; ``chat_events`` from the start follow."""

    type: Literal["chat_reset"] = "chat_reset"
    conv_id: str
    first_position: int


class ChatTypingEvent(LenientModel):
    type: Literal["chat_typing_event"] = "chat_typing_event"
    conv_id: str
    person_id: str


class ChatReadEvent(LenientModel):
    """I read up to a position on another device: unread counts follow."""

    type: Literal["chat_read_event"] = "chat_read_event"
    conv_id: str
    position: int


class ChatSearchResult(LenientModel):
    type: Literal["chat_search_result"] = "chat_search_result"
    reply_to: str
    hits: tuple[SearchHit, ...]


