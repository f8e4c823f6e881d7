"""The address a socket comes from, for per-address limits.

Behind a reverse proxy every socket comes from the proxy. Only a proxy the operator named
(``--trusted-proxy``) is believed about the client's address, and only the *last* entry of its
``X-Forwarded-For`` counts (the one that proxy appended); a header from anyone else is ignored, so a
client cannot choose the address it is counted under.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """``10.0.0.5`` or ``10.0.0.0/24``; raises ValueError for anything else."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values)


def client_address(peer: str, forwarded_for: str | None, trusted: tuple[Network, ...]) -> str:
    if not trusted or not forwarded_for:
        return peer
    try:
        peer_ip = ipaddress.ip_address(peer)
    except ValueError:
        return peer
    if not any(peer_ip in network for network in trusted):
        return peer
    last = forwarded_for.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return peer
