"""Password guessing, slowed down and then stopped: the rule for one key (an account, or an address).

* The first ``free`` failures cost nothing extra (people mistype).
* After that each further try has to wait: 2 s after the next failure, then 4, 8, … up to ``max_delay``.
  A try that comes earlier is refused at once, without checking the password (no argon2 work).
* After ``lock_after`` failures the key is locked for ``lock_for`` (an administrator can unlock an
  account earlier: ``dvz-server --unlock-user``).
* A success forgets the failures; so does an hour without any.

Pure: state in, state and verdict out; the time comes from the caller.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum


class Refusal(str, Enum):
    THROTTLED = "throttled"  # wait a little, then try again
    LOCKED = "locked"  # too many failures: locked for a while


@dataclass(frozen=True)
class ThrottlePolicy:
    free: int
    lock_after: int
    lock_for: timedelta
    max_delay: timedelta = timedelta(seconds=60)
    forget_after: timedelta = timedelta(hours=1)

    def delay(self, failures: int) -> timedelta:
        if failures < self.free:
            return timedelta(0)
        return min(self.max_delay, timedelta(seconds=2 ** (failures - self.free + 1)))


#: An account: ten failures lock it for half an hour.
ACCOUNT_POLICY = ThrottlePolicy(free=3, lock_after=10, lock_for=timedelta(minutes=30))
#: An address (after a trusted proxy: the client's): generous, a whole office may sit behind one NAT.
ADDRESS_POLICY = ThrottlePolicy(free=10, lock_after=50, lock_for=timedelta(minutes=15))


@dataclass(frozen=True)
class Failures:
    count: int = 0
    last: datetime | None = None
    locked_until: datetime | None = None


@dataclass(frozen=True)
class Verdict:
    refusal: Refusal | None = None
    #: Whole seconds until a try can succeed (0 when allowed).
    retry_after: int = 0

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def current(state: Failures, policy: ThrottlePolicy, now: datetime) -> Failures:
    """The state with old failures and an expired lock forgotten."""
    if state.locked_until is not None and now >= state.locked_until:
        return Failures()
    if state.locked_until is None and state.last is not None and now - state.last >= policy.forget_after:
        return Failures()
    return state


def check(state: Failures, policy: ThrottlePolicy, now: datetime) -> Verdict:
    state = current(state, policy, now)
    if state.locked_until is not None:
        return Verdict(Refusal.LOCKED, _seconds(state.locked_until - now))
    wait = policy.delay(state.count)
    if state.last is not None and wait and now < state.last + wait:
        return Verdict(Refusal.THROTTLED, _seconds(state.last + wait - now))
    return Verdict()


def failed(state: Failures, policy: ThrottlePolicy, now: datetime) -> Failures:
    state = current(state, policy, now)
    count = state.count + 1
    locked_until = now + policy.lock_for if count >= policy.lock_after else None
    return replace(state, count=count, last=now, locked_until=locked_until)


def _seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))
