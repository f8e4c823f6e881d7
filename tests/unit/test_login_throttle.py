"""Password guessing is slowed down, then locked out (core/login_throttle.py)."""

from datetime import UTC, datetime, timedelta

from dvz_desktop.core.login_throttle import (
    ACCOUNT_POLICY,
    Failures,
    Refusal,
    ThrottlePolicy,
    check,
    current,
    failed,
)

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
POLICY = ThrottlePolicy(free=3, lock_after=6, lock_for=timedelta(minutes=30))


def fail(times: int, policy: ThrottlePolicy = POLICY, start: datetime = T0, step: timedelta = timedelta(0)) -> Failures:
    state = Failures()
    for n in range(times):
        state = failed(state, policy, start + n * step)
    return state


def test_a_few_typos_cost_nothing() -> None:
    assert check(fail(2), POLICY, T0).allowed


def test_after_the_free_failures_each_try_waits_longer() -> None:
    state = fail(3)
    verdict = check(state, POLICY, T0 + timedelta(seconds=1))
    assert verdict.refusal is Refusal.THROTTLED and verdict.retry_after == 1
    assert check(state, POLICY, T0 + timedelta(seconds=2)).allowed
    state = failed(state, POLICY, T0 + timedelta(seconds=2))
    assert check(state, POLICY, T0 + timedelta(seconds=5)).refusal is Refusal.THROTTLED
    assert check(state, POLICY, T0 + timedelta(seconds=6)).allowed


def test_too_many_failures_lock_the_key_for_a_while() -> None:
    state = fail(6, step=timedelta(minutes=2))
    last = T0 + timedelta(minutes=10)
    verdict = check(state, POLICY, last + timedelta(minutes=1))
    assert verdict.refusal is Refusal.LOCKED and verdict.retry_after == 29 * 60
    assert check(state, POLICY, last + timedelta(minutes=30)).allowed
    assert current(state, POLICY, last + timedelta(minutes=30)) == Failures()


def test_an_hour_without_failures_forgets_them() -> None:
    state = fail(5)
    assert current(state, POLICY, T0 + timedelta(hours=1)) == Failures()


def test_the_account_policy_locks_after_ten() -> None:
    state = fail(10, ACCOUNT_POLICY, step=timedelta(minutes=1))
    assert check(state, ACCOUNT_POLICY, T0 + timedelta(minutes=10)).refusal is Refusal.LOCKED
