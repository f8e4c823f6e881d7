"""A free office in the unit's area for a new colleague (core/office_assignment.py)."""

from dvz_desktop.core.office_assignment import assign_offices

AREAS = {"FB 6 Bauen": ["b-201", "b-202"], "FB 3 Ordnung": ["o-101"]}


def test_newcomers_get_the_first_free_office_of_their_unit_in_turn() -> None:
    result = assign_offices([("gerd", "FB 6 Bauen"), ("hanna", "fb 6  bauen"), ("ida", "FB 6 Bauen")], AREAS,
                            taken={"b-201"})
    assert result.offices == {"gerd": "b-202"}
    assert result.without_office == ("hanna", "ida")


def test_a_unit_without_an_area_gets_no_office_and_no_complaint() -> None:
    result = assign_offices([("jan", "Stabsstelle"), ("kim", "FB 3 Ordnung")], AREAS, taken=())
    assert result.offices == {"kim": "o-101"}
    assert result.without_office == ()
