"""The public watching a council session on the wire: citizens on the public page (``/oeffentlich/<body>``)
see and hear a public session through the media server, view only, without an account, on a socket of
their own (``/oeffentlich-live``).

A viewer can ask to watch a body and answer the media server's offer; nothing else. Nothing a viewer
sends or receives names a person, a room or a feed of the media server: the offer carries the streams
of whoever publishes in the session's meeting, and the page shows them as pictures without names.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from .base import LenientModel, StrictModel
from .calls import IceServer

#: A viewer's answer for up to 50 publishers' audio and video (about 400 bytes per stream).
MAX_VIEWER_SDP = 60_000
BodyId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_\-]+$")]


# --- viewer (browser) -> server, on /oeffentlich-live -----------------------------------------------


class PublicWatch(StrictModel):
    """The first message: watch the body's public session (now, and whenever one starts)."""

    type: Literal["public_watch"] = "public_watch"
    body_id: BodyId


class PublicAnswer(StrictModel):
    """The browser's answer to the offer of ``generation``: receive only (a description that would send
    anything is refused)."""

    type: Literal["public_answer"] = "public_answer"
    generation: int = Field(ge=1)
    sdp: Annotated[str, Field(min_length=10, max_length=MAX_VIEWER_SDP)]


PublicViewerMessage = Annotated[PublicWatch | PublicAnswer, Field(discriminator="type")]
PUBLIC_VIEWER_MESSAGE_ADAPTER: TypeAdapter[PublicViewerMessage] = TypeAdapter(PublicViewerMessage)


# --- server -> viewer ---------------------------------------------------------------------------------


class PublicMedia(LenientModel):
    """What the viewer can receive now. ``live``: an offer of ``generation`` with ``streams`` streams
    follows (or came); every other state means no picture and no sound, and says why: ``no_media_server``
    (none is set up: agenda and results only), ``waiting`` (no public session, or nobody sends yet),
    ``non_public`` (the non-public part: picture and sound are cut), ``unavailable`` (the media server
    is unreachable; the page waits), ``full`` (the most viewers the backend admits are watching)."""

    type: Literal["public_media"] = "public_media"
    state: Literal["no_media_server", "waiting", "non_public", "unavailable", "full", "live"]
    streams: int = 0
    generation: int = 0
    ice_servers: tuple[IceServer, ...] = ()
    max_viewers: int = 0


class PublicOffer(LenientModel):
    """The media server's offer: every stream of the session's meeting, to receive only. A new
    ``generation`` replaces the previous connection (someone started or stopped sending)."""

    type: Literal["public_offer"] = "public_offer"
    generation: int
    sdp: str


class PublicError(LenientModel):
    """A refusal, with German and English text. Codes: ``view_only`` (a viewer sends nothing: any other
    message, or an answer that would send), ``unknown_body``, ``stale`` (an answer to an old offer),
    ``invalid``, ``rate_limited``."""

    type: Literal["public_error"] = "public_error"
    code: str
    message_de: str
    message_en: str


PublicViewerServerMessage = Annotated[PublicMedia | PublicOffer | PublicError, Field(discriminator="type")]
PUBLIC_VIEWER_SERVER_ADAPTER: TypeAdapter[PublicViewerServerMessage] = TypeAdapter(PublicViewerServerMessage)
