"""Base classes for wire models.

Messages the *server* parses (client -> server) forbid unknown fields: a typo or an injected field is
an error, not silently ignored. Messages the *client* parses (server -> client) ignore unknown fields,
so an older client keeps working against a newer server.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
#: Largest control frame either side accepts; files and images go through a separate upload.
MAX_FRAME_BYTES = 64 * 1024

# Limits both sides know: the server refuses more, the client's input fields stop at them.
#: A command's client-chosen id (echoed in ``reply_to``).
MAX_COMMAND_ID = 64
#: Ids of people, rooms, knocks, invitations, inbox items.
MAX_ENTITY_ID = 128
#: A status note, or the note on a door.
MAX_NOTE_CHARS = 120
#: The line that comes with the answer to a knock.
MAX_SHORT_TEXT = 200
#: A quick question, its answer, a message left at a door.
MAX_MESSAGE_CHARS = 500

CommandId = Annotated[str, Field(min_length=1, max_length=MAX_COMMAND_ID)]
EntityId = Annotated[str, Field(min_length=1, max_length=MAX_ENTITY_ID)]


class StrictModel(BaseModel):
    """Parsed by the server: unknown fields are rejected, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class LenientModel(BaseModel):
    """Parsed by the client: unknown fields from newer servers are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)
