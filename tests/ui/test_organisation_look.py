"""After login the window wears the organisation's colour and logo from its organisation file."""

from __future__ import annotations

import base64

from PySide6.QtWidgets import QApplication

from dvz_desktop.protocol import Organisation
from dvz_desktop.qt.shell import theme
from dvz_desktop.qt.shell.identity import logo_pixmap, show_organisation
from server_stub.demo.office import DEMO_ACCENT

from .conftest import DemoOffice

PNG = base64.b64encode(base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")).decode()


def test_the_demo_district_shows_its_colour_and_its_coat_of_arms(demo_office: DemoOffice) -> None:
    rail = demo_office.parts.window.rail
    assert rail.logo.accessibleName() == "Landkreis Musterkreis"
    assert not rail.logo.pixmap().isNull() and rail.logo.pixmap().width() <= 36
    light = theme.build(theme.ThemeMode.LIGHT, DEMO_ACCENT)
    assert theme.current().accent in (light.accent, theme.build(theme.ThemeMode.DARK, DEMO_ACCENT).accent)
    assert theme.current().accent != theme.build(theme.ThemeMode.LIGHT).accent  # not the product's blue


def test_an_organisation_without_colour_or_logo_keeps_the_products_own(qapp: QApplication) -> None:
    class Rail:
        def set_logo(self, pixmap: object, name: str) -> None:
            self.shown = (pixmap, name)

    rail = Rail()
    before = theme._accent
    try:
        show_organisation(qapp, rail, Organisation(id="o", name="Amt Ohnefarbe", buildings=()), "")
        assert rail.shown[1] == "DVZ Desktop"
        assert theme.current().accent == theme.build(theme._mode).accent
        show_organisation(qapp, rail, Organisation(id="o", name="Amt", accent_color="#8a1538",
                                                   logo=f"data:image/png;base64,{PNG}", buildings=()), "")
        assert rail.shown[1] == "Amt" and not rail.shown[0].isNull()
        assert theme._accent == "#8a1538" and theme.current().accent == theme.build(theme._mode, "#8a1538").accent
    finally:
        theme.set_accent(qapp, before)


def test_a_logo_that_cannot_be_read_is_no_logo() -> None:
    assert logo_pixmap(f"data:image/png;base64,{PNG}") is not None
    for bad in (None, "", "https://example.org/logo.png", "data:image/png;base64,@@@", "data:text/html;base64,PGI+",
                "data:image/png;base64," + base64.b64encode(b"no picture").decode()):
        assert logo_pixmap(bad) is None, bad


def test_the_tray_names_the_organisation_whose_office_this_is(demo_office: DemoOffice) -> None:
    tooltip = demo_office.parts.tray.icon.toolTip()
    assert tooltip.splitlines()[:2] == ["DVZ Desktop – Verfügbar", "Landkreis Musterkreis"]
