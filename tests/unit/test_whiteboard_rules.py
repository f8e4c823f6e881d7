"""The whiteboard's pure rules: operations converge whatever arrives twice, erased items make room,
long strokes are split without gaps, undo/redo follows my own actions."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st
from pydantic import ValidationError

from dvz_desktop.core import whiteboard as rules
from dvz_desktop.core.whiteboard import Board, UndoHistory, may_clear, moderator_of, split_stroke
from dvz_desktop.protocol import MAX_STROKE_POINTS, WbItem, WbOp, WbShape


def item(n: int, seq: int) -> WbItem:
    return WbItem(item_id=f"anna.item{n:04d}", author_id="anna", seq=seq, kind="line", points=(0, 0, n, n))


def add(n: int, seq: int) -> WbOp:
    return WbOp(seq=seq, kind="add", author_id="anna", items=(item(n, seq),))


def test_repeated_and_late_operations_change_nothing() -> None:
    board = Board()
    assert board.apply(add(1, 1)) and board.apply(add(2, 2))
    assert not board.apply(add(1, 1))  # delivered twice
    board.apply(WbOp(seq=3, kind="remove", author_id="bernd", item_ids=("anna.item0001", "unknown.item")))
    assert [i.item_id for i in board.visible()] == ["anna.item0002"]
    board.apply(WbOp(seq=4, kind="restore", author_id="anna", items=(item(1, 1),)))
    assert [i.item_id for i in board.visible()] == ["anna.item0001", "anna.item0002"]  # back in its place
    board.apply(WbOp(seq=5, kind="clear", author_id="anna"))
    assert board.visible() == [] and board.items == {}


@given(st.lists(st.sampled_from(["add", "remove", "restore"]), min_size=1, max_size=40))
def test_two_boards_fed_the_same_log_agree_even_when_one_gets_it_in_two_halves(kinds: list[str]) -> None:
    log = []
    for seq, kind in enumerate(kinds, start=1):
        target = seq // 2 or 1
        if kind == "add":
            log.append(add(seq, seq))
        elif kind == "remove":
            log.append(WbOp(seq=seq, kind="remove", author_id="b", item_ids=(f"anna.item{target:04d}",)))
        else:
            log.append(WbOp(seq=seq, kind="restore", author_id="b", items=(item(target, target),)))
    whole, late = Board(), Board()
    for op in log:
        whole.apply(op)
    half = len(log) // 2
    for op in log[:half]:
        late.apply(op)
    snapshot = Board()
    snapshot.load(late.seq, late.visible())  # a late joiner starts from a snapshot of visible items
    for op in log[half:] + log:  # then the rest, with repeats
        snapshot.apply(op)
    assert snapshot.fingerprint() == whole.fingerprint()


def test_a_full_board_forgets_erased_items_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "MAX_BOARD_ITEMS", 3)
    board = Board()
    for n in range(1, 4):
        board.apply(add(n, n))
    assert board.is_full() and board.prune_for(1) == []  # nothing erased: full
    board.apply(WbOp(seq=4, kind="remove", author_id="anna", item_ids=("anna.item0002",)))
    assert board.prune_for(1) == ["anna.item0002"] and not board.is_full()


def test_long_strokes_are_split_into_parts_that_join() -> None:
    points = list(range(2 * (MAX_STROKE_POINTS * 2 + 10)))
    parts = split_stroke(points)
    assert len(parts) == 3 and all(len(p) <= 2 * MAX_STROKE_POINTS for p in parts)
    for left, right in zip(parts, parts[1:], strict=False):
        assert left[-2:] == right[:2]
    joined = parts[0] + [p for part in parts[1:] for p in part[2:]]
    assert joined == points  # nothing lost, nothing doubled
    assert split_stroke([1, 2, 3, 4]) == [[1, 2, 3, 4]]


def test_undo_and_redo_invert_my_actions_and_a_new_action_ends_redo() -> None:
    history = UndoHistory()
    history.record(("add", ("a",)))
    history.record(("remove", ("b",)))
    assert history.undo() == ("restore", ("b",))
    assert history.undo() == ("remove", ("a",))
    assert history.undo() is None
    assert history.redo() == ("restore", ("a",))
    history.record(("add", ("c",)))
    assert history.redo() is None


def test_who_may_clear() -> None:
    assert may_clear("anna", owner_id="anna", moderator_id="bernd")
    assert may_clear("bernd", owner_id="anna", moderator_id="bernd")
    assert not may_clear("erik", owner_id="anna", moderator_id="bernd")
    assert moderator_of(["erik", "anna"]) == "erik" and moderator_of([]) is None


@pytest.mark.parametrize("shape", [
    {"kind": "pen", "points": [1]},
    {"kind": "rect", "points": [1, 2, 3, 4, 5, 6]},
    {"kind": "text", "points": [1, 2], "text": "   "},
    {"kind": "pen", "points": [1, 2, 3, 4], "image": "aGFsbG8="},
    {"kind": "line", "points": [1, 2, 3, 3001]},
    {"kind": "line", "points": [1, 2, 3, 4], "colour": "red; background:url(x)"},
])
def test_shapes_that_make_no_sense_are_refused(shape: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        WbShape.model_validate(shape)
