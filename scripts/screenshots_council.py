"""Screenshots of council sessions for docs/images: the chair's window with the session panel, the hall
display (full screen for the projector), a member's panel with the vote dialog, and the public page in
headless Chromium. The real backend with the demo Landkreis; Anna Schneider (the demo user) chairs the
Ausschuss für Umwelt und Verkehr, colleagues take part through real sessions.

    .venv/bin/python scripts/screenshots_council.py [--out docs/images] [--sizes 1366x768,1920x1080]
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DVZ_CONFIG_DIR", tempfile.mkdtemp(prefix="dvz-shots-config-"))

ROOT = Path(__file__).resolve().parents[1]
SAAL = "kh-0-saal"
MEMBERS = ["t.wagner", "m.becker", "j.hoffmann", "s.koch", "k.klein", "u.wolf", "h.krueger"]


async def scenes(app, out: Path, sizes: list[tuple[int, int]]) -> list[Path]:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import settle, wait_for  # the same helpers as the desktop's screenshots

    from dvz_desktop.desktop import assemble_desktop
    from dvz_desktop.protocol import CouncilItem
    from dvz_desktop.qt.council.panel import CouncilPanel
    from dvz_desktop.qt.council.vote_dialog import VoteDialog
    from dvz_desktop.services.council import CouncilClient
    from dvz_desktop.services.session import Credentials, Session
    from server_stub.app import Backend, BackendConfig
    from server_stub.demo.office import demo_org_file

    data = Path(tempfile.mkdtemp(prefix="dvz-council-shots-"))
    backend = Backend(demo_org_file(), BackendConfig(data_dir=data))
    port = await backend.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    anna = Session(url, Credentials(username="a.schneider", password="demo"))
    await anna.start()
    parts = assemble_desktop(anna, set(), lambda f: None, outbox_dir=data / "outbox")
    window = parts.window
    window.show()
    members: dict[str, CouncilClient] = {}
    for name in MEMBERS[:3]:
        session = Session(url, Credentials(username=name, password="demo"))
        members[name] = CouncilClient(session)
        await session.start()
        await session.move(SAAL)
    for name in MEMBERS[3:]:
        backend.presence.come_online(name)
        backend.presence.move(name, SAAL)
    await anna.move(SAAL)
    council = parts.council
    window.open_panel("council")
    chair = council.client
    sid = await chair.start(SAAL, "12. Sitzung des Ausschusses für Umwelt und Verkehr", "uva", public=True)
    await chair.set_agenda(sid, [CouncilItem(number="Ö 1", title="Eröffnung, Feststellung der Beschlussfähigkeit"),
                                 CouncilItem(number="Ö 2", title="Genehmigung der Niederschrift der 11. Sitzung"),
                                 CouncilItem(number="Ö 3", title="Radverkehrskonzept 2027 – Prioritätenliste"),
                                 CouncilItem(number="N 1", title="Vergabe Winterdienst Los 3", public=False)])
    await chair.go_to(sid, 1)
    vote = await chair.open_vote(sid, "open", "Niederschrift der 11. Sitzung genehmigen")
    for n, name in enumerate(MEMBERS[:3]):
        await members[name].ballot(sid, vote, "yes" if n else "abstain")
    await chair.close_vote(sid)
    await chair.go_to(sid, 2)
    await chair.floor(sid, "limit", seconds=180)
    await members["t.wagner"].hand(sid)
    await members["j.hoffmann"].hand(sid)
    await members["m.becker"].hand(sid, reply=True)
    await chair.floor(sid, "next")
    await members["m.becker"].hand(sid)
    await wait_for(lambda: council.panel.hands.count() == 3)
    written: list[Path] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        path = out / name
        widget.grab().save(str(path), "PNG")
        written.append(path)
        print(path, flush=True)

    for width, height in sizes:
        window.resize(width, height)
        await settle(parts.bridge, 0.6)
        save(window, f"desktop-council-chair-{width}.png")
        if os.environ.get("DVZ_SHOTS_DEBUG"):
            from PySide6.QtWidgets import QScrollArea, QWidget
            area = council.panel.findChild(QScrollArea)
            print("viewport", area.viewport().width(), "content", area.widget().width(),
                  area.widget().minimumSizeHint().width())
            for w in area.widget().findChildren(QWidget):
                if w.isVisible() and w.minimumSizeHint().width() > 250:
                    print(" ", type(w).__name__, w.objectName(), w.minimumSizeHint().width(), w.width())

    council.show_hall()
    hall = council.hall
    for width, height in sizes:
        hall.showNormal()
        hall.resize(width, height)
        await settle(parts.bridge, 0.4)
        save(hall, f"council-hall-{width}.png")
    hall.close()

    # A member's view (Thomas, taking part by video) with the vote dialog of a running vote.
    vote = await chair.open_vote(sid, "named", "Prioritätenliste Radverkehr 2027 beschließen")
    thomas = members["t.wagner"]
    await wait_for(lambda: thomas.in_room(SAAL) is not None and thomas.in_room(SAAL).info.vote is not None)
    member = CouncilPanel("t.wagner", parts.bridge.name_of)
    member.show_state(thomas.in_room(SAAL))
    member.resize(420, 760)
    member.show()
    await settle(parts.bridge, 0.3)
    save(member, "council-member-panel.png")
    dialog = VoteDialog(thomas.in_room(SAAL).info.vote, None, True, lambda c: None)
    dialog.show()
    await settle(parts.bridge, 0.3)
    save(dialog, "council-vote-dialog.png")
    dialog.close()
    member.close()

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium and driver:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900"):
            options.add_argument(flag)
        browser = await asyncio.to_thread(webdriver.Chrome, options=options, service=Service(driver))
        try:
            await asyncio.to_thread(browser.get, f"http://127.0.0.1:{port}/oeffentlich/uva")
            await asyncio.sleep(3)
            path = out / "council-public-page.png"
            await asyncio.to_thread(browser.save_screenshot, str(path))
            written.append(path)
            print(path, flush=True)
        finally:
            await asyncio.to_thread(browser.quit)

    for client in members.values():
        await client._session.stop()
    await anna.stop()
    window.keep_in_tray = False
    window.close()
    await backend.stop()
    return written


def main() -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import run_scenes  # the same command line and application as the desktop's screenshots

    return run_scenes(__doc__ or "", scenes)


if __name__ == "__main__":
    sys.exit(main())
