"""Enumerations shared by client and server."""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    """Presence status as shown on the map and in the tray."""

    AVAILABLE = "verfuegbar"
    BUSY = "beschaeftigt"
    DO_NOT_DISTURB = "nicht_stoeren"
    IN_MEETING = "in_besprechung"
    AWAY = "abwesend"
    OFFLINE = "offline"


#: Statuses a person may choose; "offline" is set by the server when the last connection closes.
SELECTABLE_STATUSES: tuple[Status, ...] = (
    Status.AVAILABLE,
    Status.BUSY,
    Status.DO_NOT_DISTURB,
    Status.IN_MEETING,
    Status.AWAY,
)


class RoomKind(str, Enum):
    PERSONAL_OFFICE = "personal_office"
    TEAM_OFFICE = "team_office"
    MEETING_ROOM = "meeting_room"
    COFFEE_KITCHEN = "coffee_kitchen"
    FOYER = "foyer"
    PROJECT_ROOM = "project_room"


class DoorState(str, Enum):
    OPEN = "offen"
    AJAR = "angelehnt"
    CLOSED = "geschlossen"
    LOCKED = "abgeschlossen"


class ErrorCode(str, Enum):
    """Machine-readable error codes; each has a German and an English text (see errors.py)."""

    INVALID_JSON = "invalid_json"
    INVALID_MESSAGE = "invalid_message"
    UNKNOWN_TYPE = "unknown_type"
    BINARY_NOT_SUPPORTED = "binary_not_supported"
    PROTOCOL_VERSION = "protocol_version"
    HELLO_REQUIRED = "hello_required"
    AUTH_FAILED = "auth_failed"
    TOKEN_EXPIRED = "token_expired"
    TOKEN_REVOKED = "token_revoked"
    UNKNOWN_ROOM = "unknown_room"
    FORBIDDEN = "forbidden"
    RATE_LIMITED = "rate_limited"
    TOO_MANY_CONNECTIONS = "too_many_connections"
    UNKNOWN_PERSON = "unknown_person"
    UNKNOWN_KNOCK = "unknown_knock"
    NOT_IN_ROOM = "not_in_room"
    KNOCK_LIMITED = "knock_limited"
    CANNOT_INVITE_SELF = "cannot_invite_self"
    PERSON_OFFLINE = "person_offline"
    INVALID_PERIOD = "invalid_period"
    DOOR_CLOSED = "door_closed"
    UNKNOWN_CONVERSATION = "unknown_conversation"
    MESSAGE_TOO_LONG = "message_too_long"
    NOT_YOUR_MESSAGE = "not_your_message"
    CALL_FULL = "call_full"
    NOT_IN_CALL = "not_in_call"
    INVALID_SDP = "invalid_sdp"
    WHITEBOARD_FULL = "whiteboard_full"
    INVALID_DRAWING = "invalid_drawing"
    IMAGE_TOO_LARGE = "image_too_large"
    NOT_MODERATOR = "not_moderator"
    UNKNOWN_VISIT = "unknown_visit"
    LOGIN_THROTTLED = "login_throttled"
    ACCOUNT_LOCKED = "account_locked"
    LOGIN_BUSY = "login_busy"
    MEETING_FULL = "meeting_full"
    MEDIA_SERVER_UNAVAILABLE = "media_server_unavailable"
    MEDIA_SERVER_REFUSED = "media_server_refused"
    NOT_PUBLISHING = "not_publishing"
    MODERATORS_ONLY = "moderators_only"
    REMOVED_FROM_MEETING = "removed_from_meeting"
    COUNCIL_UNKNOWN = "council_unknown"
    COUNCIL_RUNNING = "council_running"
    COUNCIL_NOT_CHAIR = "council_not_chair"
    COUNCIL_NOT_PRESENT = "council_not_present"
    COUNCIL_INVALID = "council_invalid"
    COUNCIL_MOVING = "council_moving"
    AGENDA_INVALID = "agenda_invalid"
    VOTE_NONE = "vote_none"
    VOTE_RUNNING = "vote_running"
    VOTE_NOT_ELIGIBLE = "vote_not_eligible"
    VOTE_REMOTE_EXCLUDED = "vote_remote_excluded"
    VOTE_ALREADY_CAST = "vote_already_cast"
    VOTE_NO_ABSTENTION = "vote_no_abstention"
    AUTH_REQUIRED = "auth_required"
    PASSWORD_LOGIN_DISABLED = "password_login_disabled"
    SSO_NOT_CONFIGURED = "sso_not_configured"
    PROVIDER_UNREACHABLE = "provider_unreachable"
    ID_TOKEN_INVALID = "id_token_invalid"
    LOGIN_EXPIRED = "login_expired"
    ACCOUNT_CONFLICT = "account_conflict"
    ACCOUNT_DISABLED = "account_disabled"
    PROVIDER_ENDED_SESSION = "provider_ended_session"
    STORAGE_UNAVAILABLE = "storage_unavailable"
    SUPERSEDED = "superseded"
    INTERNAL = "internal"
