"""One list of hands for a council session and its meeting, and whom "mute the others" mutes."""

from __future__ import annotations

from datetime import datetime, timedelta

from dvz_desktop.core.council.meeting_link import hands_to_import, meeting_hand_changes, others_to_mute

T0 = datetime(2026, 12, 2, 18, 0)


def test_a_member_waiting_on_the_speaker_list_has_their_meeting_hand_up() -> None:
    assert meeting_hand_changes(["rat01"], {"rat01", "rat02"}, {"rat01": False, "rat02": False}) == {"rat01": True}


def test_a_member_given_the_floor_or_lowered_loses_their_meeting_hand() -> None:
    assert meeting_hand_changes([], {"rat01"}, {"rat01": True}) == {"rat01": False}


def test_nothing_changes_when_both_views_agree() -> None:
    assert meeting_hand_changes(["rat01"], {"rat01", "rat02"}, {"rat01": True, "rat02": False}) == {}


def test_a_guest_the_session_does_not_count_keeps_their_meeting_hand() -> None:
    assert meeting_hand_changes([], {"rat01"}, {"gast-x": True, "rat01": False}) == {}


def test_hands_up_before_the_session_go_on_the_list_in_the_order_they_went_up() -> None:
    raised = {"rat03": T0 + timedelta(seconds=5), "rat01": T0 + timedelta(seconds=9), "rat02": None,
              "gast-x": T0, "rat04": T0 + timedelta(seconds=1)}
    assert hands_to_import(raised, waiting={"rat04"}, present={"rat01", "rat02", "rat03", "rat04"}) == \
        ["rat03", "rat01"]


def test_mute_the_others_spares_the_speaker_the_chair_and_those_muted_already() -> None:
    members = ["landrat", "rat01", "rat02", "rat03", "gast-x"]
    assert others_to_mute(members, speaker="rat01", chair="landrat", muted={"rat03"}) == ["gast-x", "rat02"]
