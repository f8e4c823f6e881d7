"""Portraits on the map: fetched from the real backend by the real fetcher, shown cropped round."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor

from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import Presence, Status
from dvz_desktop.qt.map.widget import MapWidget
from dvz_desktop.services.photos import PhotoFetcher
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import load_org_file

from ..conftest import PASSWORDS
from ..integration.helpers import login
from ..integration.test_photos import org_with_photos, png
from .conftest import LoopRunner


def test_a_colleagues_portrait_replaces_the_initials_on_the_map(qtbot, runner: LoopRunner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bernd.png").write_bytes(png(40, 40, (220, 20, 20)))
    backend = Backend(load_org_file(org_with_photos(tmp_path, {"bernd": "bernd.png"})),
                      BackendConfig(data_dir=tmp_path / "data"))
    port = runner.run(backend.start("127.0.0.1", 0))
    session = runner.run(login(f"ws://127.0.0.1:{port}/ws", "anna", PASSWORDS["anna"]))
    try:
        welcome = session.welcome
        model = OfficeModel(welcome.office, welcome.me, [
            Presence(person_id="anna", status=Status.AVAILABLE, room_id="kh-101"),
            Presence(person_id="bernd", status=Status.BUSY, room_id="kh-102")])
        widget = MapWidget()
        qtbot.addWidget(widget)
        widget.resize(950, 600)
        widget.set_model(model)
        widget.show()
        fetcher = PhotoFetcher.for_session(session)
        widget.set_photo_source(fetcher.fetch)
        scene = widget.current_scene()
        assert scene is not None
        bernd, anna = scene.avatars["bernd"], scene.avatars["anna"]
        runner.wait_until(lambda: bernd.photo is not None, timeout=10, what="Bernd's portrait on his avatar")
        assert anna.photo is None and fetcher.requests == 1  # Anna has no portrait: no request for her
        image = bernd.pixmap().toImage()
        centre = QColor(image.pixel(image.width() // 2, image.height() // 2))
        assert centre.red() > 180 and centre.green() < 80, centre.name()  # the red portrait, not initials
        assert "Bernd Weiß" in bernd.toolTip()
        widget.show_floor("kh-1")  # other floors built later get the portrait without fetching again
        assert fetcher.requests == 1
    finally:
        runner.run(session.stop())
        runner.run(backend.stop())
