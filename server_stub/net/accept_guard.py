"""The cheapest refusal there is: a connection from an address that opens sockets far faster than any
client does is dropped as soon as TCP has accepted it, before websockets reads a byte of HTTP.

Only direct peers are counted here; behind a trusted proxy every connection comes from the proxy, and
the per-address limits after the HTTP request (which names the client) apply instead.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Callable

from websockets.asyncio.server import ServerConnection

from .client_address import Network
from .limits import TokenBucket

#: New connections per second (and burst) from one direct peer address: a whole office behind one NAT
#: reconnecting after a restart fits; a flood of thousands per second does not.
ACCEPTS_PER_SECOND = 50
ACCEPT_BURST = 300
MAX_TRACKED = 10_000


class AcceptGuard:
    def __init__(self, trusted: tuple[Network, ...], per_second: float = ACCEPTS_PER_SECOND,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._trusted = trusted
        self._clock = clock
        #: 0 switches the guard off (a load test that opens thousands of sockets from one machine).
        self._per_second = per_second
        self._buckets: dict[str, TokenBucket] = {}
        self.dropped = 0

    def admits(self, peer: str) -> bool:
        if self._per_second <= 0:
            return True
        try:
            if any(ipaddress.ip_address(peer) in net for net in self._trusted):
                return True
        except ValueError:
            return True
        bucket = self._buckets.get(peer)
        if bucket is None:
            if len(self._buckets) >= MAX_TRACKED:
                self._buckets.clear()  # crude but bounded; a flood from many addresses is the proxy's job
            burst = self._per_second * ACCEPT_BURST / ACCEPTS_PER_SECOND
            bucket = self._buckets[peer] = TokenBucket(self._per_second, burst, self._clock)
        if bucket.take():
            return True
        self.dropped += 1
        return False

    def connection_class(self) -> type[ServerConnection]:
        guard = self

        class GuardedConnection(ServerConnection):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                super().connection_made(transport)
                peer = transport.get_extra_info("peername")
                if peer and not guard.admits(str(peer[0])) and isinstance(transport, asyncio.WriteTransport):
                    transport.abort()

        return GuardedConnection
