"""The gallery of the most recent speakers, the stage, and which videos a client receives."""

from __future__ import annotations

from dvz_desktop.core.gallery import (
    STRIP_SIZE,
    Gallery,
    Stage,
    Step,
    VideoPlan,
    View,
    arrange,
)

PEOPLE = [f"p{i:02d}" for i in range(12)]


def test_before_anyone_speaks_the_first_to_arrive_are_shown() -> None:
    gallery = Gallery()
    assert gallery.update(PEOPLE, set()) == PEOPLE[:9]


def test_fewer_people_than_tiles_are_all_shown() -> None:
    assert Gallery().update(PEOPLE[:3], set()) == PEOPLE[:3]


def test_someone_speaking_off_screen_takes_the_slot_of_who_has_been_quiet_longest_and_nobody_else_moves() -> None:
    gallery = Gallery()
    gallery.update(PEOPLE, set())
    gallery.update(PEOPLE, {"p00"})
    gallery.update(PEOPLE, {"p01", "p02", "p03", "p04", "p05", "p06", "p07"})
    # p08 has never spoken: it is the quietest shown; p10 takes its slot.
    slots = gallery.update(PEOPLE, {"p10"})
    assert slots == ["p00", "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p10"]
    # Now p00 has been quiet longest; p11 speaking replaces p00 in slot 0.
    slots = gallery.update(PEOPLE, {"p11"})
    assert slots[0] == "p11" and slots[1:] == ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p10"]


def test_someone_speaking_is_never_replaced() -> None:
    gallery = Gallery(capacity=2)
    gallery.update(["a", "b", "c"], set())
    assert gallery.update(["a", "b", "c"], {"a", "b", "c"}) == ["a", "b"]  # no quiet slot: c waits
    assert gallery.update(["a", "b", "c"], {"c", "b"}) == ["c", "b"]


def test_someone_leaving_frees_the_slot_for_the_most_recent_speaker_not_shown() -> None:
    gallery = Gallery(capacity=3)
    people = ["a", "b", "c", "d", "e"]
    gallery.update(people, set())
    gallery.update(people, {"e"})  # e replaces c (the latest arrival among the never-spoken)
    gallery.update(people, {"d"})  # d replaces b
    assert gallery.slots == ["a", "d", "e"]
    gallery.update(people, {"c"})  # c replaces a (quiet longest)
    assert gallery.update(["b", "c", "d"], set()) == ["c", "d", "b"]


def test_the_latest_speaker() -> None:
    gallery = Gallery()
    assert gallery.latest_speaker() is None
    gallery.update(PEOPLE, {"p03"})
    gallery.update(PEOPLE, {"p05"})
    assert gallery.latest_speaker() == "p05"
    gallery.update([p for p in PEOPLE if p != "p05"], set())
    assert gallery.latest_speaker() == "p03"


def test_the_gallery_view_shows_every_slot_alike() -> None:
    assert arrange(View.GALLERY, ["a", "b", "c"]) == Stage(None, ("a", "b", "c"))


def test_the_speaker_view_puts_the_latest_speaker_on_the_main_stage_with_a_strip() -> None:
    slots = [f"s{i}" for i in range(9)]
    stage = arrange(View.SPEAKER, slots, latest_speaker="s4")
    assert stage.main == "s4" and len(stage.tiles) == STRIP_SIZE and "s4" not in stage.tiles
    assert arrange(View.SPEAKER, slots, latest_speaker=None).main == "s0"


def test_a_shared_screen_takes_the_main_stage_in_either_view_but_not_my_own() -> None:
    for view in View:
        stage = arrange(view, ["a", "b", "c"], sharing=["b"])
        assert stage == Stage("b", ("a", "c"), screen=True)
    assert arrange(View.GALLERY, ["a", "b"], sharing=["me"], me="me").main is None


def test_videos_are_subscribed_when_first_shown_paused_when_hidden_and_resumed_without_a_new_subscription() -> None:
    plan = VideoPlan()
    first = plan.step({"a", "b"}, visible=True, with_video={"a", "b", "c"})
    assert first == [("a", Step.SUBSCRIBE), ("b", Step.SUBSCRIBE)]
    assert plan.step({"a", "b"}, visible=True, with_video={"a", "b", "c"}) == []  # nothing changed
    assert plan.step({"a", "c"}, visible=True, with_video={"a", "b", "c"}) == [("c", Step.SUBSCRIBE), ("b", Step.PAUSE)]
    assert plan.step({"a", "b"}, visible=True, with_video={"a", "b", "c"}) == [("b", Step.RESUME), ("c", Step.PAUSE)]


def test_a_tile_without_a_camera_asks_for_no_video() -> None:
    plan = VideoPlan()
    assert plan.step({"a", "b"}, visible=True, with_video={"a"}) == [("a", Step.SUBSCRIBE)]
    assert plan.step({"a", "b"}, visible=True, with_video=set()) == [("a", Step.PAUSE)]  # camera went off


def test_a_meeting_out_of_sight_pauses_every_video() -> None:
    plan = VideoPlan()
    plan.step({"a", "b"}, visible=True, with_video={"a", "b"})
    assert plan.step({"a", "b"}, visible=False, with_video={"a", "b"}) == [("a", Step.PAUSE), ("b", Step.PAUSE)]
    assert plan.step({"a", "b"}, visible=True, with_video={"a", "b"}) == [("a", Step.RESUME), ("b", Step.RESUME)]


def test_someone_who_left_and_a_new_media_server_room_start_from_nothing() -> None:
    plan = VideoPlan()
    plan.step({"a", "b"}, visible=True, with_video={"a", "b"})
    plan.forget("a")
    assert plan.step({"a"}, visible=True, with_video={"a"}) == [("a", Step.SUBSCRIBE), ("b", Step.PAUSE)]
    plan.reset()
    assert plan.step({"b"}, visible=True, with_video={"b"}) == [("b", Step.SUBSCRIBE)]
