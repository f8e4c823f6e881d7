"""Screenshots of a public council session in the hall's meeting for docs/images: a real Janus (in a network
namespace, as the tests run it; needs root and Debian's ``janus``), the real backend with the demo Landkreis,
colleagues as real call clients with synthetic cameras, the real client as Anna Schneider (the chair), and
the public page in headless Chromium receiving the session.

    .venv/bin/python scripts/screenshots_council_live.py [--out docs/images] [--sizes 1366x768,1920x1080]

Scenes: the chair's window with the meeting on the stage and the session panel beside it, showing one list
of hands (two raised in the meeting, one in the session panel); the same after "Nächste Wortmeldung" with
the others muted (muted at the media server); the public page with the pictures beside the agenda.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

SAAL = "kh-0-saal"
#: Members of the Ausschuss für Umwelt und Verkehr in the hall's meeting: (login, camera on).
MEMBERS = [("t.wagner", True), ("m.becker", True), ("j.hoffmann", True), ("s.koch", False), ("k.klein", True)]


async def scenes(out: Path, sizes: list[tuple[int, int]]) -> list[Path]:
    import aioice.ice
    from screenshots import SyntheticDevices, settle, wait_for
    from screenshots_meeting import Devices

    from dvz_desktop.desktop import assemble_desktop
    from dvz_desktop.protocol import CouncilItem
    from dvz_desktop.services.calls import CallClient
    from dvz_desktop.services.council import CouncilClient
    from dvz_desktop.services.session import Credentials, Session
    from server_stub.app import Backend, BackendConfig
    from server_stub.demo.office import demo_org_file
    from server_stub.sfu.config import SfuConfig
    from tests.services.janus import start_janus

    folder = Path(tempfile.mkdtemp(prefix="dvz-shots-janus-"))
    written: list[Path] = []
    with start_janus(folder) as janus:
        aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: [janus.host.host_address]  # type: ignore[assignment]
        data = Path(tempfile.mkdtemp(prefix="dvz-shots-"))
        backend = Backend(demo_org_file(), BackendConfig(
            data_dir=data, sfu=SfuConfig(janus.url, api_secret=janus.api_secret, admin_key=janus.admin_key)))
        port = await backend.start("127.0.0.1", 0)
        url = f"ws://127.0.0.1:{port}/ws"
        server = backend.meetings.media.server
        assert server is not None
        await wait_for(lambda: server.up, 20)
        anna = Session(url, Credentials(username="a.schneider", password="demo"))
        await anna.start()
        parts = assemble_desktop(anna, set(), lambda f: None, outbox_dir=data / "outbox",
                                 media_factory=lambda: SyntheticDevices(camera=False))
        window = parts.window
        window.show()
        await parts.behaviour.go_to(SAAL)
        chair = parts.council.client
        sid = await chair.start(SAAL, "12. Sitzung des Ausschusses für Umwelt und Verkehr", "uva", public=True)
        await chair.set_agenda(sid, [CouncilItem(number="Ö 1", title="Eröffnung, Feststellung der Beschlussfähigkeit"),
                                     CouncilItem(number="Ö 2", title="Radverkehrskonzept 2027 – Prioritätenliste"),
                                     CouncilItem(number="N 1", title="Vergabe Winterdienst Los 3", public=False)])
        await chair.go_to(sid, 1)
        await chair.floor(sid, "limit", seconds=180)
        window.open_panel("council")
        members: dict[str, tuple[Session, CallClient, CouncilClient]] = {}
        for index, (login, camera) in enumerate(MEMBERS, start=1):
            session = Session(url, Credentials(username=login, password="demo"))
            council = CouncilClient(session)
            await session.start()
            await session.move(SAAL)
            client = CallClient(session, Devices(index, camera))
            client.show_videos(set(), False)  # sound only: the machine has two cores
            await client.join_room(SAAL)
            await client.set_media(audio=True, video=camera)
            members[login] = (session, client, council)
        await parts.calls.client.join_room(SAAL)
        panel = parts.calls.panel
        await wait_for(lambda: panel is not None and len(panel.tiles) == len(MEMBERS), 60)
        # One list of hands: two raise their hand in the meeting, one asks for the floor in the session panel.
        await members["m.becker"][1].raise_hand(True)
        await members["k.klein"][2].hand(sid)
        await members["j.hoffmann"][1].raise_hand(True)
        council_panel = parts.council.panel
        await wait_for(lambda: council_panel.hands.count() == 3, 20)
        await wait_for(lambda: all(t.frames_shown > 0 for t in panel.tiles.values() if t.video), 90)

        async def shoot(name: str) -> None:
            for width, height in sizes:
                window.resize(width, height)
                await settle(parts.bridge, 1.0)
                path = out / f"{name}-{width}.png"
                window.grab().save(str(path), "PNG")
                written.append(path)
                print(path, flush=True)

        await shoot("desktop-council-meeting-hands")
        await chair.floor(sid, "next", mute_others=True)
        call = backend.calls.call_in_room(SAAL)
        assert call is not None
        await wait_for(lambda: len(call.muted_by_moderator) == len(MEMBERS) - 1, 20)
        await shoot("desktop-council-meeting-muted")

        chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
        if chromium and driver:
            from selenium import webdriver
            from selenium.webdriver.chrome.service import Service

            options = webdriver.ChromeOptions()
            options.binary_location = chromium
            for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--autoplay-policy="
                         "no-user-gesture-required", "--disable-features=WebRtcHideLocalIpsWithMdns", "--lang=de-DE"):
                options.add_argument(flag)
            browser = await asyncio.to_thread(webdriver.Chrome, options=options, service=Service(driver))
            try:
                await asyncio.to_thread(browser.get, f"http://127.0.0.1:{port}/oeffentlich/uva")
                script = "return [...document.querySelectorAll('#stage video')].filter(v => v.videoWidth > 0).length"
                pictures = sum(1 for _, camera in MEMBERS if camera)
                for _ in range(150):
                    if await asyncio.to_thread(browser.execute_script, script) >= pictures:
                        break
                    await asyncio.sleep(0.2)
                for width, height in sizes:
                    await asyncio.to_thread(browser.set_window_size, width, height)
                    await asyncio.sleep(1.5)
                    path = out / f"council-public-live-{width}.png"
                    await asyncio.to_thread(browser.save_screenshot, str(path))
                    written.append(path)
                    print(path, flush=True)
            finally:
                await asyncio.to_thread(browser.quit)

        await parts.calls.client.leave()
        for session, client, _ in members.values():
            await client.leave()
            await session.stop()
        await anna.stop()
        window.keep_in_tray = False
        window.close()
        await backend.stop()
    return written


def main() -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from screenshots import run_scenes  # the same command line and application as the desktop's screenshots

    return run_scenes(__doc__ or "", lambda _app, out, sizes: scenes(out, sizes))


if __name__ == "__main__":
    sys.exit(main())
