"""Base classes for wire models.

Messages the *server* parses (client -> server) forbid unknown fields: a typo or an injected field is
an error, not silently ignored. Messages the *client* parses (server -> client) ignore unknown fields,
so an older client keeps working against a newer server.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

PROTOCOL_VERSION = 1
#: Largest control frame either side accepts; files and images go through a separate upload.
MAX_FRAME_BYTES = 64 * 1024


class StrictModel(BaseModel):
    """Parsed by the server: unknown fields are rejected, types are not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class LenientModel(BaseModel):
    """Parsed by the client: unknown fields from newer servers are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)
