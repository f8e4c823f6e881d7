"""The status follows appointments, and gives back only what it set (core/meeting_follow.py)."""

from dvz_desktop.core.meeting_follow import MeetingStatusFollower
from dvz_desktop.protocol import Status


def test_an_appointment_makes_an_available_person_in_a_meeting_and_back_afterwards() -> None:
    follower = MeetingStatusFollower()
    assert follower.step(True, Status.AVAILABLE) is Status.IN_MEETING
    assert follower.step(True, Status.IN_MEETING) is None
    assert follower.step(False, Status.IN_MEETING) is Status.AVAILABLE


def test_a_status_the_user_chose_during_the_appointment_stays() -> None:
    follower = MeetingStatusFollower()
    follower.step(True, Status.AVAILABLE)
    assert follower.step(True, Status.DO_NOT_DISTURB) is None
    assert follower.step(False, Status.DO_NOT_DISTURB) is None


def test_busy_or_away_people_are_not_put_into_a_meeting() -> None:
    follower = MeetingStatusFollower()
    assert follower.step(True, Status.BUSY) is None
    assert follower.step(True, Status.AWAY) is None


def test_a_meeting_status_the_user_set_is_not_taken_back() -> None:
    follower = MeetingStatusFollower()
    assert follower.step(False, Status.IN_MEETING) is None
