"""Walking into a room joins its call (core/room_calls.py)."""

from dvz_desktop.core.room_calls import RoomCallRule
from dvz_desktop.protocol import RoomKind

MEETING = RoomKind.MEETING_ROOM


def test_walking_into_a_meeting_room_with_someone_in_it_joins_the_call() -> None:
    rule = RoomCallRule()
    assert rule.moved("r1")
    assert rule.should_join(MEETING, {"bernd"}, in_call=False, line_idle=True)


def test_an_empty_room_or_the_kitchen_starts_nothing() -> None:
    rule = RoomCallRule()
    rule.moved("r1")
    assert not rule.should_join(MEETING, set(), in_call=False, line_idle=True)
    assert not rule.should_join(RoomKind.COFFEE_KITCHEN, {"bernd"}, in_call=False, line_idle=True)
    assert not rule.should_join(RoomKind.FOYER, {"bernd"}, in_call=False, line_idle=True)


def test_after_hanging_up_i_stay_out_until_i_leave_the_room() -> None:
    rule = RoomCallRule()
    rule.moved("r1")
    rule.hung_up()
    assert not rule.moved("r1")  # someone else arrived: still the same room
    assert not rule.should_join(MEETING, {"bernd", "clara"}, in_call=False, line_idle=True)
    rule.moved("corridor")
    rule.moved("r1")
    assert rule.should_join(MEETING, {"bernd"}, in_call=False, line_idle=True)


def test_nothing_starts_while_in_a_call_joining_or_another_conversation_is_live() -> None:
    rule = RoomCallRule()
    rule.moved("r1")
    assert not rule.should_join(MEETING, {"bernd"}, in_call=True, line_idle=True)
    assert not rule.should_join(MEETING, {"bernd"}, in_call=False, line_idle=False)
    rule.joining = True
    assert not rule.should_join(MEETING, {"bernd"}, in_call=False, line_idle=True)


def test_nowhere_means_no_call() -> None:
    rule = RoomCallRule()
    rule.moved(None)
    assert not rule.should_join(None, {"bernd"}, in_call=False, line_idle=True)
