"""Where the media server is and the keys it wants (``--sfu``, ``--sfu-secret``, ``--sfu-admin-key`` or
the config file); kept apart so the backend's configuration names it without loading the driver."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SfuConfig:
    #: The Janus websocket API, e.g. ``ws://10.0.0.5:8188/`` (reachable from the backend only).
    url: str
    #: janus.jcfg ``api_secret``: every request of the backend carries it.
    api_secret: str | None = field(default=None, repr=False)
    #: The VideoRoom plugin's ``admin_key``: needed to create rooms.
    admin_key: str | None = field(default=None, repr=False)
