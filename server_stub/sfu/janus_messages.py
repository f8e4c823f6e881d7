"""The messages of Janus's API and of its VideoRoom plugin, built and read as plain dicts.

Pure functions, no I/O: the client (``janus_client``) sends what these build, and reads Janus's replies
with ``plugin_reply``. Field names follow Janus 1.x (multistream: a subscriber asks for ``streams``,
not a single ``feed``). Secrets travel in the messages that need them and never into a log line:
``describe`` names a message for logging without its secrets or SDP.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

VIDEOROOM = "janus.plugin.videoroom"

#: Message fields never logged (secrets, PINs, keys, session descriptions).
SECRET_FIELDS = frozenset({"apisecret", "admin_key", "secret", "pin", "new_secret", "new_pin", "token",
                           "jsep", "sdp", "candidate", "candidates"})


class JanusError(Exception):
    """Janus refused a request (``{"janus": "error"}``): an unknown session, a wrong API secret, ..."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"Janus error {code}: {reason}")
        self.code = code
        self.reason = reason


class PluginError(JanusError):
    """The plugin refused a request (``error_code`` in its data): a wrong room secret or PIN, no such
    room or feed, an unauthorised subscriber (VideoRoom codes 421-437, see janus_videoroom.c)."""


@dataclass(frozen=True)
class PluginReply:
    """What a plugin answered: its data, and a session description where it sent one."""

    data: dict[str, Any]
    jsep: dict[str, Any] | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


def envelope(janus: str, transaction: str, *, api_secret: str | None, session_id: int | None = None,
             handle_id: int | None = None, **fields: Any) -> dict[str, Any]:
    """One request of Janus's core API (``create``, ``attach``, ``message``, ``trickle``, ...)."""
    message: dict[str, Any] = {"janus": janus, "transaction": transaction}
    if api_secret is not None:
        message["apisecret"] = api_secret
    if session_id is not None:
        message["session_id"] = session_id
    if handle_id is not None:
        message["handle_id"] = handle_id
    message.update({key: value for key, value in fields.items() if value is not None})
    return message


def plugin_message(transaction: str, *, api_secret: str | None, session_id: int, handle_id: int,
                   body: Mapping[str, Any], jsep: Mapping[str, Any] | None = None) -> dict[str, Any]:
    return envelope("message", transaction, api_secret=api_secret, session_id=session_id, handle_id=handle_id,
                    body=dict(body), jsep=dict(jsep) if jsep is not None else None)


def trickle_candidate(candidate: str, sdp_mid: str | None, sdp_mline_index: int | None) -> dict[str, Any]:
    """A trickled candidate as Janus reads it (the browser's RTCIceCandidate JSON)."""
    found: dict[str, Any] = {"candidate": candidate}
    if sdp_mid is not None:
        found["sdpMid"] = sdp_mid
    if sdp_mline_index is not None:
        found["sdpMLineIndex"] = sdp_mline_index
    return found


#: The end of trickling: every candidate of this side is known.
TRICKLE_COMPLETED = {"completed": True}


def _without_none(body: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in body.items() if value is not None}


def create_room(room: int | str, *, admin_key: str | None, secret: str, pin: str | None = None,
                description: str | None = None, publishers: int = 50, audiocodec: str = "opus",
                videocodec: str = "vp8", bitrate: int | None = None, is_private: bool = True,
                require_pvtid: bool = True, notify_joining: bool = False) -> dict[str, Any]:
    """A room that only its secret can change or destroy and only its PIN lets anyone join. Private
    (not listed), never saved to Janus's config file (``permanent`` false); subscribers must name a
    publisher's private id (``require_pvtid``), so a feed id alone subscribes no one."""
    return _without_none({
        "request": "create", "room": room, "admin_key": admin_key, "secret": secret, "pin": pin,
        "description": description, "publishers": publishers, "audiocodec": audiocodec,
        "videocodec": videocodec, "bitrate": bitrate, "is_private": is_private,
        "require_pvtid": require_pvtid, "notify_joining": notify_joining, "permanent": False,
    })


def destroy_room(room: int | str, *, secret: str) -> dict[str, Any]:
    return {"request": "destroy", "room": room, "secret": secret, "permanent": False}


def room_exists(room: int | str) -> dict[str, Any]:
    return {"request": "exists", "room": room}


def list_participants(room: int | str) -> dict[str, Any]:
    return {"request": "listparticipants", "room": room}


def kick(room: int | str, participant: int | str, *, secret: str) -> dict[str, Any]:
    return {"request": "kick", "room": room, "id": participant, "secret": secret}


def moderate(room: int | str, participant: int | str, mid: str, *, mute: bool, secret: str) -> dict[str, Any]:
    """Mutes (or unmutes) one stream of a publisher at the media server: Janus drops its packets."""
    return {"request": "moderate", "room": room, "id": participant, "mid": mid, "mute": mute, "secret": secret}


def join_publisher(room: int | str, *, display: str | None = None, pin: str | None = None,
                   feed_id: int | str | None = None) -> dict[str, Any]:
    return _without_none({"request": "join", "ptype": "publisher", "room": room, "display": display,
                          "pin": pin, "id": feed_id})


def publish(*, display: str | None = None, bitrate: int | None = None,
            descriptions: Iterable[Mapping[str, str]] | None = None) -> dict[str, Any]:
    """Publishes the offer sent with it. ``descriptions`` names streams by mid (e.g. the screen)."""
    return _without_none({"request": "publish", "display": display, "bitrate": bitrate,
                          "descriptions": [dict(d) for d in descriptions] if descriptions is not None else None})


def configure(*, streams: Iterable[Mapping[str, Any]] | None = None, bitrate: int | None = None,
              display: str | None = None) -> dict[str, Any]:
    """Changes a publisher (or a subscriber's streams): ``streams=[{"mid": "1", "send": False}]``."""
    return _without_none({"request": "configure", "bitrate": bitrate, "display": display,
                          "streams": [dict(s) for s in streams] if streams is not None else None})


def unpublish() -> dict[str, Any]:
    return {"request": "unpublish"}


def leave() -> dict[str, Any]:
    return {"request": "leave"}


def _streams(feeds: Iterable[int | str | tuple[int | str, str]]) -> list[dict[str, Any]]:
    """``[feed, (feed, mid), ...]``: a whole feed, or one of its streams (one video of a gallery)."""
    return [{"feed": f[0], "mid": f[1]} if isinstance(f, tuple) else {"feed": f} for f in feeds]


def join_subscriber(room: int | str, feeds: Iterable[int | str | tuple[int | str, str]], *,
                    private_id: int | None, pin: str | None = None) -> dict[str, Any]:
    """One subscription for several feeds (Janus 1.x multistream); ``private_id`` is the subscriber's
    own publisher's private id, which a room created with ``require_pvtid`` demands."""
    return _without_none({"request": "join", "ptype": "subscriber", "room": room, "streams": _streams(feeds),
                          "private_id": private_id, "pin": pin})


def start() -> dict[str, Any]:
    """Sent with the subscriber's answer: media starts flowing."""
    return {"request": "start"}


def subscribe(feeds: Iterable[int | str | tuple[int | str, str]]) -> dict[str, Any]:
    """More streams on an existing subscription (Janus renegotiates: a new offer follows)."""
    return {"request": "subscribe", "streams": _streams(feeds)}


def unsubscribe(feeds: Iterable[int | str | tuple[int | str, str]]) -> dict[str, Any]:
    return {"request": "unsubscribe", "streams": _streams(feeds)}


def pause() -> dict[str, Any]:
    return {"request": "pause"}


def plugin_reply(reply: Mapping[str, Any]) -> PluginReply:
    """The plugin's data out of a ``success`` or ``event`` reply; raises what Janus or the plugin refused."""
    if reply.get("janus") == "error":
        error = reply.get("error") or {}
        raise JanusError(int(error.get("code", 0)), str(error.get("reason", "")))
    data = (reply.get("plugindata") or {}).get("data")
    if not isinstance(data, dict):
        raise JanusError(0, f"reply without plugin data: {describe(reply)}")
    if "error_code" in data or "error" in data:
        raise PluginError(int(data.get("error_code", 0)), str(data.get("error", "")))
    jsep = reply.get("jsep")
    return PluginReply(data=data, jsep=jsep if isinstance(jsep, dict) else None, raw=dict(reply))


def publishers_in(event: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The publishers a VideoRoom event lists (on joining, and whenever someone starts publishing)."""
    data = (event.get("plugindata") or {}).get("data") or {}
    found = data.get("publishers")
    return [p for p in found if isinstance(p, dict)] if isinstance(found, list) else []


def describe(message: Mapping[str, Any]) -> dict[str, Any]:
    """The message for a log line: secrets, PINs, SDP and candidates replaced by ``"…"``."""
    def scrub(value: Any) -> Any:
        if isinstance(value, Mapping):
            return {k: ("…" if k in SECRET_FIELDS else scrub(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return value

    return scrub(message)  # type: ignore[no-any-return]
