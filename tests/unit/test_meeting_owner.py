"""One owner per meeting on the media server, by lease (core/meeting_owner.py)."""

from datetime import UTC, datetime, timedelta

from dvz_desktop.core.meeting_owner import LEASE, Lease, forgotten, lease_for, takes_over

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def test_a_lease_runs_for_its_term_from_when_it_was_taken_or_renewed() -> None:
    lease = lease_for("node-a/1", NOW)
    assert lease.valid(NOW + LEASE - timedelta(milliseconds=1))
    assert not lease.valid(NOW + LEASE)


def test_nobody_takes_over_a_meeting_whose_owner_holds_a_valid_lease() -> None:
    assert not takes_over("node-b/2", True, "node-a/1", lease_for("node-a/1", NOW), NOW + timedelta(seconds=1))


def test_a_meeting_whose_owner_s_lease_ran_out_is_taken_over() -> None:
    assert takes_over("node-b/2", True, "node-a/1", lease_for("node-a/1", NOW), NOW + LEASE)


def test_a_meeting_without_owner_or_without_lease_is_taken_over() -> None:
    assert takes_over("node-b/2", True, None, None, NOW)
    assert takes_over("node-b/2", True, "node-a/1", None, NOW)


def test_the_owner_never_takes_over_from_itself_and_nobody_takes_a_meeting_off_the_media_server() -> None:
    assert not takes_over("node-a/1", True, "node-a/1", None, NOW)
    assert not takes_over("node-b/2", False, "node-a/1", None, NOW)


def test_a_valid_lease_of_another_node_than_the_named_owner_still_stands() -> None:
    """A node took the meeting over a moment ago (its change of the call is not read here yet)."""
    assert not takes_over("node-c/3", True, "node-a/1", Lease("node-b/2", NOW + LEASE), NOW)


def test_leases_long_run_out_are_forgotten() -> None:
    lease = lease_for("node-a/1", NOW)
    assert not forgotten(lease, NOW + LEASE + timedelta(seconds=30))
    assert forgotten(lease, NOW + LEASE + timedelta(minutes=2))
