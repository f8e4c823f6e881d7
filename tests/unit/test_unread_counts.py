"""Unread counts per colleague and per conversation (core/unread.py)."""

from dvz_desktop.core.unread import ConversationCount, unread_per_person, with_unread


def conv(conv_id: str, members: tuple[str, ...], unread: int, room_id: str | None = None) -> ConversationCount:
    return ConversationCount(conv_id, members, room_id, unread)


def test_a_direct_conversation_counts_for_the_other_person() -> None:
    assert unread_per_person([conv("d1", ("anna", "bernd"), 2)], "anna") == {"bernd": 2}


def test_room_chats_and_groups_count_for_nobody() -> None:
    counts = unread_per_person([conv("r1", ("anna", "bernd"), 4, room_id="room-1"),
                                conv("g1", ("anna", "bernd", "clara"), 3)], "anna")
    assert counts == {}


def test_two_direct_conversations_with_one_person_add_up() -> None:
    counts = unread_per_person([conv("d1", ("anna", "bernd"), 2), conv("d2", ("bernd", "anna"), 1)], "anna")
    assert counts == {"bernd": 3}


def test_read_conversations_leave_no_zero_entries() -> None:
    assert unread_per_person([conv("d1", ("anna", "bernd"), 0)], "anna") == {}


def test_notes_to_myself_count_for_nobody() -> None:
    assert unread_per_person([conv("n", ("anna",), 1)], "anna") == {}


def test_only_conversations_with_unread_messages_are_listed_in_a_stable_order() -> None:
    listed = with_unread([conv("b", ("anna", "x"), 1), conv("a", ("anna", "y"), 0), conv("c", ("anna",), 2)])
    assert [c.conv_id for c in listed] == ["b", "c"]
