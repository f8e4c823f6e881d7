"""The public page of a public council session in a real headless Chromium with picture and sound: two
members publish through a real Janus (in a network namespace) from aiortc; the page, without an account,
receives their live pictures (decoded, with a size) and their sound (samples in the statistics) beside
the agenda; an attempt from the page to send its own camera is refused, and Janus still has exactly the
members' two publishers."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.meeting_helpers import veth_only, wait_for  # noqa: F401  (fixtures)
from tests.integration.public_live import (  # noqa: F401  (live: the fixture)
    CouncilMember,
    LiveCouncil,
    live,
    public_session_with_two_members,
)
from tests.services.janus import janus  # noqa: F401  (the fixture)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromium-driver are installed by scripts/bootstrap.sh")
#: Set to a folder to keep screenshots of the page (docs/images/ was made this way).
SHOTS = os.environ.get("DVZ_SCREENSHOTS")


@pytest.fixture
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--use-fake-ui-for-media-stream",
                 "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required", "--lang=de-DE",
                 "--window-size=1366,768",
                 # Chromium hides host candidates behind mDNS names that Janus cannot resolve (see
                 # test_meeting_guest.py): the public on the internet reaches Janus by its public address.
                 "--disable-features=WebRtcHideLocalIpsWithMdns"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_script_timeout(15)
    try:
        yield driver
    finally:
        driver.quit()


async def in_browser(call: Any, *args: Any) -> Any:
    return await asyncio.to_thread(call, *args)


async def until(condition: Any, timeout: float = 40.0, what: str = "") -> None:
    async def poll() -> None:
        while not await condition():
            await asyncio.sleep(0.3)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


async def shot(browser: Any, name: str) -> None:
    if SHOTS:
        for width, height in ((1366, 768), (1920, 1080)):
            await in_browser(browser.set_window_size, width, height)
            await asyncio.sleep(1.0)  # the layout and a few new frames settle before the picture is taken
            await in_browser(browser.save_screenshot, str(Path(SHOTS) / f"{name}-{width}x{height}.png"))


async def page_received(browser: Any) -> dict[str, Any]:
    """What the public page received on its current connection: the pictures' sizes, frames, sound."""
    return await in_browser(browser.execute_async_script,  # type: ignore[no-any-return]
                            "const done = arguments[0]; window.dvzPublic.received().then(done);")


def sees_and_hears(browser: Any) -> Callable[[], Awaitable[bool]]:
    """Whether the page shows two pictures with frames and plays sound (of its current connection)."""

    async def check() -> bool:
        got = await page_received(browser)
        return (len(got["videos"]) == 2 and all(w > 0 and h > 0 for w, h in got["videos"]) and got["frames"] > 10
                and got["audioSamples"] > 48_000 and got["audioEnergy"] > 0)

    return check


def cut_off(browser: Any) -> Callable[[], Awaitable[bool]]:
    """Whether the page says the non-public part runs and shows no picture."""

    async def check() -> bool:
        text = await in_browser(lambda: browser.find_element("id", "live-status").text)
        return "Nichtöffentlicher Teil" in text and not (await page_received(browser))["videos"]

    return check


async def the_page_plays(live: LiveCouncil, browser: Any, port: int) -> tuple[CouncilMember, str, str]:  # noqa: F811
    """A public session of the chair and a member on its public item 3 (index 2), and the public page of the
    node at ``port`` showing and playing both; returns the chair, the session id and the call id."""
    chair, _member, sid, call_id = await public_session_with_two_members(live)
    assert chair.council is not None
    await chair.council.go_to(sid, 2)
    await in_browser(browser.get, f"http://127.0.0.1:{port}/oeffentlich/uva")
    await until(sees_and_hears(browser), timeout=60, what=f"both members' pictures and sound through port {port}")
    return chair, sid, call_id


async def test_the_public_page_shows_and_plays_the_session_and_cannot_send(live: LiveCouncil, browser: Any) -> None:  # noqa: F811
    chair, sid, call_id = await the_page_plays(live, browser, live.port)
    assert chair.council is not None
    sees_and_hears_both = sees_and_hears(browser)
    current = await in_browser(lambda: browser.find_element("id", "current").text)
    assert current.startswith("Ö 3")  # the agenda beside the picture, as before
    await shot(browser, "council-public-live")

    # The page tries to send its (fake) camera: as an answer that sends, and as a meeting guest's publish.
    refused = await in_browser(browser.execute_async_script, """
        const done = arguments[0];
        const state = window.dvzPublic;
        (async () => {
          const media = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
          const pc = new RTCPeerConnection();
          for (const track of media.getTracks()) pc.addTransceiver(track, {direction: "sendonly"});
          await pc.setLocalDescription(await pc.createOffer());
          const sdp = pc.localDescription.sdp;
          const before = state.errors.length;
          state.ws.send(JSON.stringify({type: "public_answer", generation: state.generation, sdp}));
          state.ws.send(JSON.stringify({type: "meeting_guest_publish", sdp}));
          const deadline = Date.now() + 10000;
          while (state.errors.length < before + 2 && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
          pc.close();
          media.getTracks().forEach((t) => t.stop());
          done(state.errors.slice(before));
        })();""")
    assert refused == ["view_only", "view_only"]
    publishers = [p for p in await live.janus_participants(call_id) if p.get("publisher")]
    assert len(publishers) == 2
    assert await sees_and_hears_both()  # the refused attempts did not disturb the broadcast

    # The non-public part: no picture, and the page says why.
    agenda = chair.council.sessions[sid].info.agenda
    await chair.council.go_to(sid, next(n for n, item in enumerate(agenda) if not item.public))

    await until(cut_off(browser), timeout=20, what="the page to cut picture and sound in the non-public part")
    await shot(browser, "council-public-non-public")


async def test_without_a_media_server_the_page_says_so_and_keeps_agenda_and_results(browser: Any,
                                                                                     tmp_path: Path) -> None:
    from tests.integration.council_people import start_council

    backend, port, _clock, people = await start_council(tmp_path, ["landrat"])
    try:
        await people["landrat"].session.move("kh-saal")
        sid = await people["landrat"].council.start("kh-saal", "12. Sitzung", body_id="uva", public=True)
        assert sid
        await in_browser(browser.get, f"http://127.0.0.1:{port}/oeffentlich/uva")

        async def told() -> bool:
            text = await in_browser(lambda: browser.find_element("id", "live-status").text)
            return "kein Konferenzserver eingerichtet" in text

        await until(told, timeout=20, what="the page to say there is no media server")
        status = await in_browser(lambda: browser.find_element("id", "status").text)
        assert status == "Die Sitzung läuft."
        await shot(browser, "council-public-no-media-server")
    finally:
        await people["landrat"].session.stop()
        await backend.stop()
