"""Per-user limits: messages per minute (token bucket) and bad frames before a connection is closed."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

MESSAGES_PER_MINUTE = 120
BURST = 40
MAX_SOCKETS_PER_USER = 5
#: Invalid frames tolerated per minute before the connection is closed with 1008.
BAD_FRAMES_PER_MINUTE = 20
#: Commands refused for the rate limit that a socket may send per minute (with this burst) before it
#: is closed with 1008: a client that backs off after ``rate_limited`` never gets near it.
EXCESS_PER_MINUTE = 300
EXCESS_BURST = 300
#: A client whose unsent data grows beyond this is too slow; it is disconnected and resyncs on reconnect.
SLOW_CLIENT_BUFFER_BYTES = 512 * 1024


@dataclass(slots=True)  # one per socket: no per-instance __dict__
class TokenBucket:
    rate_per_s: float
    capacity: float
    #: Injectable so a test can count a burst without the machine's speed refilling it on the way.
    clock: Callable[[], float] = time.monotonic
    tokens: float = field(init=False)
    stamp: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = self.capacity
        self.stamp = self.clock()

    def take(self) -> bool:
        now = self.clock()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate_per_s)
        self.stamp = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


def message_bucket(per_minute: float = MESSAGES_PER_MINUTE, burst: float = BURST) -> TokenBucket:
    return TokenBucket(rate_per_s=per_minute / 60.0, capacity=burst)


def bad_frame_bucket() -> TokenBucket:
    return TokenBucket(rate_per_s=BAD_FRAMES_PER_MINUTE / 60.0, capacity=BAD_FRAMES_PER_MINUTE)


def excess_bucket() -> TokenBucket:
    return TokenBucket(rate_per_s=EXCESS_PER_MINUTE / 60.0, capacity=EXCESS_BURST)
