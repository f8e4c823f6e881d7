"""Per-address limits: which address counts (a trusted proxy's forwarded one only) and the accept guard."""

from server_stub.net.accept_guard import ACCEPT_BURST, ACCEPTS_PER_SECOND, AcceptGuard
from server_stub.net.client_address import client_address, parse_networks

PROXY = parse_networks(["10.0.0.5", "192.168.7.0/24"])


def test_a_trusted_proxy_names_the_client_with_the_last_forwarded_address() -> None:
    assert client_address("10.0.0.5", "6.6.6.6, 203.0.113.9", PROXY) == "203.0.113.9"
    assert client_address("192.168.7.20", "2001:db8::7", PROXY) == "2001:db8::7"


def test_anyone_else_is_counted_under_their_own_address() -> None:
    assert client_address("203.0.113.50", "1.2.3.4", PROXY) == "203.0.113.50"  # not a proxy: header ignored
    assert client_address("10.0.0.5", None, PROXY) == "10.0.0.5"
    assert client_address("10.0.0.5", "nonsense", PROXY) == "10.0.0.5"
    assert client_address("10.0.0.5", "1.2.3.4", ()) == "10.0.0.5"  # no proxy configured


def test_a_connection_flood_from_one_address_is_dropped_and_others_are_not() -> None:
    now = [1000.0]  # the clock stands still: how fast this machine loops does not refill the bucket
    guard = AcceptGuard(PROXY, clock=lambda: now[0])
    assert all(guard.admits("203.0.113.1") for _ in range(ACCEPT_BURST))
    assert not guard.admits("203.0.113.1")
    assert guard.admits("203.0.113.2") and guard.admits("10.0.0.5")
    now[0] += 1.0  # a second later the address may connect again, at the steady rate
    assert sum(guard.admits("203.0.113.1") for _ in range(ACCEPT_BURST)) == ACCEPTS_PER_SECOND
    off = AcceptGuard((), per_second=0)
    assert all(off.admits("127.0.0.1") for _ in range(ACCEPT_BURST * 2))


def test_browser_sockets_per_address_are_bounded_and_given_back() -> None:
    from server_stub.net.guest_frames import SocketsPerAddress

    sockets = SocketsPerAddress(2)
    assert sockets.take("203.0.113.1") and sockets.take("203.0.113.1")
    assert not sockets.take("203.0.113.1")  # the third from one address is refused
    assert sockets.take("203.0.113.2")  # another address is not affected
    sockets.give_back("203.0.113.1")
    assert sockets.take("203.0.113.1")  # a closed socket frees its place
    for address in ("203.0.113.1", "203.0.113.1", "203.0.113.2"):
        sockets.give_back(address)
    assert sockets._open == {}  # noqa: SLF001 (nothing kept for addresses without sockets)
