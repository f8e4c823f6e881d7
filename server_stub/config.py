"""How one backend runs: where its data lives, TLS, limits, retention, ICE servers. ``dvz-server`` fills
it from its command line (cli.py); tests build it directly."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from dvz_desktop.protocol import IceServer

from .identity.config import IdentityConfig
from .net.accept_guard import ACCEPTS_PER_SECOND
from .net.client_address import Network
from .net.login_guard import MAX_UNAUTHENTICATED_PER_ADDRESS
from .sfu.config import SfuConfig


@dataclass
class BackendConfig:
    data_dir: Path
    token_ttl: timedelta = timedelta(days=14)
    #: Browser origins allowed to open a socket; the native client sends no Origin header.
    allowed_origins: tuple[str, ...] = ()
    #: TLS for the socket (wss://); outside loopback a reverse proxy or this must provide it.
    tls: ssl.SSLContext | None = None
    #: Commands per minute and burst per person (chat included).
    rate_per_minute: float = 120
    rate_burst: float = 40
    #: Chat retention in days per room kind (and "direct"); defaults in features/chat/feature.py.
    chat_retention_days: dict[str, int] = field(default_factory=dict)
    #: STUN/TURN servers the clients use for calls (e.g. the organisation's coturn); empty: none at all.
    ice_servers: tuple[IceServer, ...] = ()
    #: Whiteboard operations per minute and burst per person, counted apart from everything else: a
    #: person sketching sends a stroke every second or so.
    whiteboard_rate_per_minute: float = 600
    whiteboard_burst: float = 150
    #: Hours guest data (name, concern, chat) is kept after a visit of the digital door.
    guest_retention_hours: int = 24
    #: New connections per second from one direct peer address before they are dropped (0: no limit).
    accepts_per_second: float = ACCEPTS_PER_SECOND
    #: Sockets of one address that have not logged in yet.
    max_unauthenticated_per_address: int = MAX_UNAUTHENTICATED_PER_ADDRESS
    #: Seconds a refused password login (slowed down or locked) waits before its answer, at most.
    login_tarpit_s: float = 3.0
    #: Reverse proxies whose X-Forwarded-For is believed for per-address limits (net/client_address.py).
    trusted_proxies: tuple[Network, ...] = ()
    #: The media server (Janus) for meetings beyond four people; None: calls stay at four, peer to peer.
    sfu: SfuConfig | None = None
    #: Meeting signalling per minute and burst per person, counted apart: joining a meeting of 50 means a
    #: subscription and an answer per member.
    meeting_rate_per_minute: float = 600
    meeting_burst: float = 250
    #: Citizens watching one body's public session through the media server at most (``--public-viewers``).
    public_viewers_max: int = 200
    #: Single sign-on, the directory sync, roles from groups, password login on or off
    #: (``dvz-server --identity FILE``; identity/config.py). None: passwords of the organisation file only.
    identity: IdentityConfig | None = None
    #: The staff socket opens only for an upgrade request that proves a session (``Authorization:
    #: Bearer``/``Basic`` or ``?ticket=``); without, 401 before the upgrade. Off: a request without
    #: credentials may still log in with its first frame (older clients, tests). Credentials that are
    #: presented are always checked before the upgrade.
    upgrade_auth_required: bool = False
    #: Cluster mode: PostgreSQL for durable state (``postgresql://…``) instead of the SQLite file in
    #: ``data_dir``, and Redis (``redis://…``) for presence and events between the nodes.
    database_url: str | None = None
    redis_url: str | None = None
    #: This node's name in the cluster (presence heartbeats, logs); defaults to host and process id.
    node_id: str = ""

    @property
    def database(self) -> Path:
        return self.data_dir / "dvz.sqlite3"
