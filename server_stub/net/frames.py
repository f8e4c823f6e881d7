"""Reading a frame that failed validation: which error code answers it, and which command it was.

Whatever a frame holds (not JSON, nested thousands deep, a password), reading it here never raises and
never logs its content: a bad frame is a value to answer, not an exception in the reader.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from dvz_desktop.protocol import MAX_COMMAND_ID, ErrorCode


def classify(exc: ValidationError) -> ErrorCode:
    errors = exc.errors()
    kinds = {err["type"] for err in errors}
    if any(err["type"] == "string_too_long" and "body" in err["loc"] for err in errors):
        return ErrorCode.MESSAGE_TOO_LONG
    if any(err["type"] == "string_too_long" and "image" in err["loc"] for err in errors):
        return ErrorCode.IMAGE_TOO_LARGE
    if any("shape" in err["loc"] for err in errors):
        return ErrorCode.INVALID_DRAWING
    if "json_invalid" in kinds or "json_type" in kinds:
        return ErrorCode.INVALID_JSON
    if "union_tag_invalid" in kinds:
        return ErrorCode.UNKNOWN_TYPE
    return ErrorCode.INVALID_MESSAGE


def command_id_of(raw: str) -> str | None:
    """Best effort: the ``id`` of a frame that failed validation, so the error can answer it. A frame
    nested too deeply to read is a value too (RecursionError), never an exception out of the reader."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) and 0 < len(value) <= MAX_COMMAND_ID else None
