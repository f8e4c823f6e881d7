"""dvz:// links: the allow-list holds, and no input can smuggle anything past it (property-tested)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from dvz_desktop.core.links import IDENT, LinkAction, LinkError, LinkKind, make_link, parse_link


@pytest.mark.parametrize(
    ("link", "expected"),
    [("dvz://room/kh-1-101", LinkAction(LinkKind.OPEN_ROOM, "kh-1-101")),
     ("DVZ://Room/kh-1-101/", LinkAction(LinkKind.OPEN_ROOM, "kh-1-101")),
     ("dvz://call/a.schneider", LinkAction(LinkKind.CALL_PERSON, "a.schneider")),
     ("dvz://join/kh-2-ikz", LinkAction(LinkKind.JOIN_APPOINTMENT, "kh-2-ikz"))],
)
def test_allowed_links(link: str, expected: LinkAction) -> None:
    assert parse_link(link) == expected


@pytest.mark.parametrize(
    "link",
    ["dvz://room/kh-1-101;rm -rf ~", "dvz://room/$(calc.exe)", "dvz://room/..%2F..%2Fetc%2Fpasswd",
     "dvz://room/a%20b", "dvz://room/`id`", "dvz://room/x|y", "dvz://exec/cmd.exe", "dvz://open/C:/Windows",
     "dvz://room/../../secret", "dvz://room/..", "file:///etc/passwd", "https://evil.example/room/x",
     "dvz://room/x?cmd=1", "dvz://room/x#frag", "dvz://user:pw@room/x", "dvz://room:8080/x",
     "dvz://room/a/b", "dvz://room", "dvz://room/%00", "dvz://room/x\nrm", "dvz://room/" + "x" * 600,
     "dvz://room/ä", "dvz://room/%22%3E%3Cscript%3E"],
)
def test_refused_links(link: str) -> None:
    with pytest.raises(LinkError):
        parse_link(link)


@given(st.text(max_size=300))
def test_any_text_is_either_refused_or_a_harmless_allowed_action(text: str) -> None:
    try:
        action = parse_link(text)
    except LinkError as exc:
        assert str(exc)  # always a message for the user
        return
    assert action.kind in LinkKind
    assert IDENT.fullmatch(action.target) and action.target not in (".", "..")


@given(st.sampled_from(list(LinkKind)), st.from_regex(IDENT, fullmatch=True).filter(lambda t: t not in (".", "..")))
def test_every_allowed_action_survives_a_round_trip(kind: LinkKind, target: str) -> None:
    action = LinkAction(kind, target)
    assert parse_link(make_link(action)) == action


@given(st.sampled_from(list(LinkKind)), st.text(alphabet=";|&$`'\"<>(){}[]\\ \t%\n\r", min_size=1, max_size=20))
def test_shell_and_markup_characters_never_pass(kind: LinkKind, junk: str) -> None:
    with pytest.raises(LinkError):
        parse_link(f"dvz://{kind.value}/ro{junk}om")


@pytest.mark.parametrize("kind", list(LinkKind))
def test_every_link_that_others_would_notice_is_confirmed_first(kind: LinkKind) -> None:
    from dvz_desktop.core.links import needs_confirmation

    # Walking in, knocking, ringing and joining are all seen or heard by others: none happens by itself.
    assert needs_confirmation(LinkAction(kind, "kh-1-101"))
