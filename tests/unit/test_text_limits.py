"""A text over its limit is refused with its length, never cut."""

from dvz_desktop.core.text_limits import measure


def test_a_text_within_the_limit_fits() -> None:
    fit = measure("  Bin im Termin bis 14 Uhr  ", 120)
    assert fit.fits and fit.length == 24 and fit.over == 0


def test_a_text_over_the_limit_says_by_how_much() -> None:
    fit = measure("x" * 130, 120)
    assert not fit.fits and fit.length == 130 and fit.over == 10


def test_exactly_the_limit_fits() -> None:
    assert measure("x" * 4000, 4000).fits
