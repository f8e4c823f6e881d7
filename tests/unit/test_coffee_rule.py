"""Kitchen followers are told once when a coffee round gathers, not at every arrival."""

from dvz_desktop.core.coffee import gathering_started


def test_second_person_starts_a_gathering() -> None:
    assert gathering_started(1, 2)
    assert gathering_started(0, 3)


def test_no_notice_for_the_first_person_a_third_person_or_people_leaving() -> None:
    assert not gathering_started(0, 1)
    assert not gathering_started(2, 3)
    assert not gathering_started(3, 1)
