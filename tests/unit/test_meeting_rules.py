"""The meeting rules: when a call moves to the media server, who may join, who moderates, and the order
of the participant list."""

from __future__ import annotations

from datetime import datetime, timedelta

from dvz_desktop.core.meetings import (
    ListEntry,
    Media,
    Sfu,
    Shape,
    admit,
    choose,
    list_order,
    moderators,
)
from dvz_desktop.protocol import ErrorCode

T0 = datetime(2026, 11, 24, 9, 0)


def test_four_people_talk_peer_to_peer_and_the_fifth_moves_the_call_to_the_media_server() -> None:
    assert choose(Shape(members=4), Sfu.UP) is Media.MESH
    assert admit(Shape(members=5), Sfu.UP) is None
    assert choose(Shape(members=5), Sfu.UP) is Media.SFU


def test_once_on_the_media_server_a_call_stays_there_when_people_leave() -> None:
    assert choose(Shape(members=3, current=Media.SFU), Sfu.UP) is Media.SFU


def test_a_room_marked_large_always_uses_the_media_server() -> None:
    assert choose(Shape(members=2, large_room=True), Sfu.UP) is Media.SFU


def test_a_guest_moves_even_a_small_call_to_the_media_server() -> None:
    assert choose(Shape(members=2, guests=1), Sfu.UP) is Media.SFU


def test_without_a_media_server_the_fifth_is_refused_and_the_room_stays_at_four() -> None:
    assert admit(Shape(members=4), Sfu.NONE) is None
    assert admit(Shape(members=5), Sfu.NONE) is ErrorCode.CALL_FULL
    assert admit(Shape(members=2, guests=1), Sfu.NONE) is ErrorCode.CALL_FULL
    # A large room without a media server still has the mesh for four.
    assert admit(Shape(members=3, large_room=True), Sfu.NONE) is None
    assert choose(Shape(members=3, large_room=True), Sfu.NONE) is Media.MESH


def test_with_the_media_server_down_the_fifth_is_told_so() -> None:
    assert admit(Shape(members=5), Sfu.DOWN) is ErrorCode.MEDIA_SERVER_UNAVAILABLE
    assert admit(Shape(members=3, guests=1), Sfu.DOWN) is ErrorCode.MEDIA_SERVER_UNAVAILABLE


def test_fifty_people_at_most() -> None:
    assert admit(Shape(members=50), Sfu.UP) is None
    assert admit(Shape(members=51), Sfu.UP) is ErrorCode.MEETING_FULL


def test_a_lost_media_server_sends_four_staff_back_to_the_mesh_and_makes_more_wait() -> None:
    assert choose(Shape(members=4, current=Media.SFU), Sfu.DOWN) is Media.MESH
    assert choose(Shape(members=6, current=Media.SFU), Sfu.DOWN) is Media.SFU  # waits for it
    assert choose(Shape(members=3, guests=1, current=Media.SFU), Sfu.DOWN) is Media.SFU  # guests have no mesh


def test_when_the_media_server_is_back_a_call_that_needs_it_returns_and_a_small_one_stays_put() -> None:
    assert choose(Shape(members=6, current=Media.SFU), Sfu.UP) is Media.SFU
    assert choose(Shape(members=3, current=Media.MESH), Sfu.UP) is Media.MESH
    assert choose(Shape(members=3, large_room=True, current=Media.MESH), Sfu.UP) is Media.SFU


def test_the_owner_and_the_opener_moderate() -> None:
    assert moderators("anna", "bernd", ["bernd", "clara", "anna"]) == ("anna", "bernd")
    assert moderators(None, "bernd", ["bernd", "clara"]) == ("bernd",)


def test_the_owner_moderates_only_while_in_the_call() -> None:
    assert moderators("anna", "bernd", ["bernd", "clara"]) == ("bernd",)


def test_after_the_opener_left_whoever_has_been_in_the_call_longest_moderates() -> None:
    assert moderators(None, "bernd", ["clara", "dora"]) == ("clara",)


def test_guests_never_moderate() -> None:
    assert moderators(None, None, ["gast-1", "clara"], guests={"gast-1"}) == ("clara",)
    assert moderators(None, "gast-1", ["gast-1"], guests={"gast-1"}) == ()


def test_the_list_shows_raised_hands_first_in_the_order_they_went_up_then_everyone_by_name() -> None:
    entries = [ListEntry("d", "Dora"), ListEntry("b", "bernd", T0 + timedelta(seconds=5)),
               ListEntry("a", "Anna"), ListEntry("c", "Clara", T0)]
    assert [e.person_id for e in list_order(entries)] == ["c", "b", "a", "d"]
