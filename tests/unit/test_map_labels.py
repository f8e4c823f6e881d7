"""Words on the map: short names, room short forms, fitting labels, avatar colours."""

from __future__ import annotations

import pytest

from dvz_desktop.core.labels import (
    AVATAR_COLORS,
    avatar_color,
    contrast_ratio,
    fit_text,
    owner_label_candidates,
    person_label_candidates,
    room_label_candidates,
    room_short_name,
    short_name,
    wrap_text,
)


def width(text: str) -> float:
    return 7.0 * len(text)  # a monospace stand-in for font metrics


@pytest.mark.parametrize(("name", "short"), [
    ("Anna Schneider", "Anna S."),
    ("Dr. Christiane Herrmann", "Christiane H."),
    ("Prof. Dr. Hans-Peter von Berg", "Hans-Peter B."),
    ("Cher", "Cher"),
])
def test_short_name_is_first_name_and_initial(name: str, short: str) -> None:
    assert short_name(name) == short


def test_person_label_falls_back_to_first_name_then_cuts_it() -> None:
    assert person_label_candidates("Anna Schneider") == ["Anna S.", "Anna"]
    assert fit_text(person_label_candidates("Anna Schneider"), 49, width) == "Anna S."
    assert fit_text(person_label_candidates("Anna Schneider"), 30, width) == "Anna"
    assert fit_text(person_label_candidates("Christiane Herrmann"), 40, width) == "Chri…"


def test_an_office_owner_is_named_like_on_a_door_sign_when_space_is_short() -> None:
    assert owner_label_candidates("Anna Schneider") == ["Anna Schneider", "A. Schneider"]
    assert owner_label_candidates("Dr. Christiane Herrmann")[-1] == "Dr. C. Herrmann"
    assert owner_label_candidates("Cher") == ["Cher"]


def test_room_names_get_short_forms_before_they_are_cut() -> None:
    assert room_short_name("Besprechung 1.10") == "Bespr. 1.10"
    assert room_short_name("Kaffeeküche 1. OG") == "Küche 1. OG"
    assert room_label_candidates("Büro 101") == ["Büro 101", "101"]  # the number when space is tiny
    assert room_label_candidates("Kaffeeküche 1. OG") == ["Kaffeeküche 1. OG", "Küche 1. OG"]
    assert room_label_candidates("Bürgerbüro") == ["Bürgerbüro"]
    assert fit_text(room_label_candidates("Besprechung 1.10"), 80, width) == "Bespr. 1.10"


def test_a_label_that_fits_nowhere_is_cut_with_an_ellipsis_or_left_out() -> None:
    cut = fit_text(["Projektraum IKZ Breitband"], 70, width)
    assert cut.endswith("…") and width(cut) <= 70 and "Projektrau".startswith(cut[:-1])
    assert fit_text(["Projektraum"], 10, width) == ""
    assert fit_text([], 100, width) == ""


def test_avatar_colours_are_stable_and_carry_white_initials_readably() -> None:
    assert avatar_color("a.schneider") == avatar_color("a.schneider")
    assert len({avatar_color(f"person{i}") for i in range(200)}) == len(AVATAR_COLORS)
    for color in AVATAR_COLORS:
        assert contrast_ratio("#ffffff", color) >= 4.5, color


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)


def test_door_notes_wrap_over_the_lines_there_are_and_are_cut_only_on_the_last() -> None:
    text = "Abwesend bis 05.12., Vertretung: Katrin Klein"
    assert wrap_text(text, 200, width, 2) == ["Abwesend bis 05.12.,", "Vertretung: Katrin Klein"]
    assert wrap_text(text, 400, width, 2) == [text]
    one = wrap_text(text, 200, width, 1)
    assert len(one) == 1 and one[0].endswith("…") and width(one[0]) <= 200
    assert wrap_text(text, 100, width, 0) == []
    long_word = wrap_text("Donaudampfschifffahrtsgesellschaft ist zu", 70, width, 3)
    assert all(width(line) <= 70 for line in long_word) and long_word[0].endswith("…")


def test_a_row_of_names_gives_everyone_a_form_before_anyone_a_longer_one() -> None:
    from dvz_desktop.core.labels import fit_row, person_label_candidates

    def width(text: str) -> float:
        return 7.0 * len(text) + 8  # about 11 px text and the plate's padding

    names = [person_label_candidates(n) for n in ("Jens Hoffmann", "Stefan Lehmann", "Uwe Wolf")]
    # Three seats 42 px apart: "Jens H." would fit at the wall, but then "Stefan" would not.
    row = fit_row([30.0, 72.0, 114.0], names, (5.0, 140.0), width, 4.0, 21.0)
    assert row is not None and [text for _x, text in row] == ["Jens", "Stefan", "Uwe"]
    edges = [(x, x + width(text)) for x, text in row]
    assert all(right + 4.0 <= left for (_l, right), (left, _r) in zip(edges, edges[1:], strict=False))
    assert edges[0][0] >= 5.0 and edges[-1][1] <= 140.0
    # Alone, a name takes its longest form; with no room even for the shortest forms: None (the caller cuts).
    assert fit_row([70.0], names[:1], (5.0, 140.0), width, 4.0, 21.0) == [(70.0 - width("Jens H.") / 2, "Jens H.")]
    assert fit_row([30.0, 50.0, 70.0], names, (20.0, 80.0), width, 4.0, 21.0) is None
    # A name pushed further than max_shift from its seat takes a shorter form instead.
    assert [t for _x, t in fit_row([40.0, 90.0], names[1:], (0.0, 200.0), width, 4.0, 20.0) or []] == [
        "Stefan L.", "Uwe W."]
    shifted = fit_row([40.0, 90.0], names[1:], (0.0, 200.0), width, 4.0, 12.0)
    assert [t for _x, t in shifted or []] == ["Stefan", "Uwe W."]
