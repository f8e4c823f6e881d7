"""The room chat rule (core/room_chat.py), read as sentences."""

from dvz_desktop.core.room_chat import (
    OPEN_END,
    RoomChatFacts,
    Window,
    enter,
    leave,
    may_read,
    may_write,
    scopes,
    sees,
)
from dvz_desktop.protocol import RoomKind

OFFICE = RoomChatFacts(RoomKind.PERSONAL_OFFICE, owner_id="anna")
TEAM = RoomChatFacts(RoomKind.TEAM_OFFICE, residents=frozenset({"clara"}))
MEETING = RoomChatFacts(RoomKind.MEETING_ROOM)


def test_the_owner_keeps_the_whole_history_of_her_office_without_visiting() -> None:
    assert may_read("anna", OFFICE, []) and sees("anna", OFFICE, [], 1) and may_write("anna", OFFICE, inside=False)
    assert scopes("anna", OFFICE, []) == [(0, OPEN_END)]


def test_residents_of_a_team_office_keep_its_history() -> None:
    assert sees("clara", TEAM, [], 99) and not sees("bernd", TEAM, [], 99)


def test_someone_never_let_in_can_neither_read_nor_write() -> None:
    assert not may_read("erik", OFFICE, []) and not may_write("erik", OFFICE, inside=False)


def test_a_visitor_sees_what_was_written_while_inside() -> None:
    windows = enter([], last_position=10)  # came in after position 10
    assert windows == [Window(11)] and may_write("bernd", MEETING, inside=True)
    assert not sees("bernd", MEETING, windows, 10) and sees("bernd", MEETING, windows, 11)
    windows = leave(windows, last_position=14)
    assert windows == [Window(11, 14)]
    assert sees("bernd", MEETING, windows, 14) and not sees("bernd", MEETING, windows, 15)
    assert may_read("bernd", MEETING, windows) and not may_write("bernd", MEETING, inside=False)


def test_an_edit_or_deletion_reaches_whoever_saw_the_post() -> None:
    windows = [Window(11, 14)]
    assert sees("bernd", MEETING, windows, 20, target=12) and not sees("bernd", MEETING, windows, 20, target=9)


def test_a_visit_without_any_message_leaves_nothing_and_a_quick_return_continues_the_window() -> None:
    assert leave(enter([], 10), 10) == []
    windows = leave(enter([], 10), 12)
    assert enter(windows, 12) == [Window(11)]  # nothing was written while away: one visit
    assert enter(windows, 13) == [Window(11, 12), Window(14)]
