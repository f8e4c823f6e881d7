"""One conversation audible at a time: the rules of core/switchboard.py as sentences."""

from __future__ import annotations

from hypothesis import given, strategies as st

from dvz_desktop.core.switchboard import Ask, Choice, Kind, Line, Proceed, Switchboard, call_line

VISIT = Line(Kind.VISIT, "v1")


def test_with_nothing_live_a_call_or_a_visit_just_starts() -> None:
    board = Switchboard()
    assert board.request(Kind.CALL) == Proceed()
    assert board.request(Kind.VISIT, "v1") == Proceed()


def test_admitting_a_guest_during_a_colleague_call_asks_to_hold_or_end_it() -> None:
    board = Switchboard()
    board.opened(call_line(), "Thomas Wagner")
    assert board.request(Kind.VISIT, "v1") == Ask(call_line(), "Thomas Wagner", (Choice.HOLD, Choice.END))


def test_calling_a_colleague_during_a_visit_asks_to_hold_or_end_the_visit() -> None:
    board = Switchboard()
    board.opened(VISIT, "Erika Muster")
    assert board.request(Kind.CALL) == Ask(VISIT, "Erika Muster", (Choice.HOLD, Choice.END))


def test_a_second_colleague_call_can_only_end_the_first() -> None:
    board = Switchboard()
    board.opened(call_line(), "Thomas Wagner")
    assert board.request(Kind.CALL) == Ask(call_line(), "Thomas Wagner", (Choice.END,))


def test_a_held_call_is_silent_and_the_visit_is_heard() -> None:
    board = Switchboard()
    board.opened(call_line(), "Thomas Wagner")
    board.hold(call_line())
    assert board.request(Kind.VISIT, "v1") == Proceed()
    assert board.opened(VISIT, "Erika Muster") is False
    assert board.audible(VISIT) and not board.audible(call_line())


def test_a_held_line_resumes_only_when_nothing_else_is_live() -> None:
    board = Switchboard()
    board.opened(call_line(), "Thomas Wagner")
    board.hold(call_line())
    board.opened(VISIT, "Erika Muster")
    assert board.resume(call_line()) is False
    assert board.request_resume(call_line()) == Ask(VISIT, "Erika Muster", (Choice.HOLD, Choice.END))
    board.closed(VISIT)
    assert board.request_resume(call_line()) == Proceed()
    assert board.resume(call_line()) and board.audible(call_line())


def test_a_conversation_that_arrives_without_asking_is_held_while_another_is_live() -> None:
    board = Switchboard()
    board.opened(VISIT, "Erika Muster")
    assert board.opened(call_line(), "Thomas Wagner") is True
    assert board.audible(VISIT) and not board.audible(call_line())


@given(st.lists(st.tuples(st.sampled_from(["open", "hold", "resume", "close"]),
                          st.sampled_from([call_line(), Line(Kind.VISIT, "a"), Line(Kind.VISIT, "b")])),
                max_size=40))
def test_never_two_lines_audible_at_once(steps: list[tuple[str, Line]]) -> None:
    board = Switchboard()
    for action, line in steps:
        if action == "open":
            board.opened(line, line.ref)
        elif action == "hold":
            board.hold(line)
        elif action == "resume":
            board.resume(line)
        else:
            board.closed(line)
        assert sum(board.audible(line) for line in board.open) <= 1
