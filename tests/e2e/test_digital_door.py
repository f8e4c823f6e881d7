"""The digital door end to end: a real headless Chromium (fake camera and microphone) opens the guest
page, queues up, is admitted by a clerk's client (session and call layers, headless), and both sides see
and hear each other and write; the clerk ends the visit, and after the purge the guest's data is gone."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from datetime import timedelta

import pytest

from dvz_desktop.services.door import DoorClient

from ..conftest import PASSWORDS
from ..integration.helpers import login
from ..integration.test_calls import SyntheticMedia

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromium-driver are installed by scripts/bootstrap.sh")


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--use-fake-ui-for-media-stream",
                 "--use-fake-device-for-media-stream", "--lang=de-DE"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_script_timeout(10)
    try:
        yield driver
    finally:
        driver.quit()


async def in_browser(call, *args):  # type: ignore[no-untyped-def]
    """Selenium blocks; the backend and the clerk run on this loop meanwhile."""
    return await asyncio.to_thread(call, *args)


async def until(condition, timeout: float = 20.0, what: str = "") -> None:  # type: ignore[no-untyped-def]
    async def poll() -> None:
        while not await condition():
            await asyncio.sleep(0.1)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


async def test_guest_in_chromium_meets_the_clerk(backend, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    clara = await login(backend.url, "clara", PASSWORDS["clara"])
    door = DoorClient(clara, SyntheticMedia)
    page = f"http://127.0.0.1:{backend.port}/tuer/buergerbuero?lang=de"
    await in_browser(browser.get, page)

    def text(element_id: str) -> str:
        return browser.find_element(By.ID, element_id).text

    def fill_and_enter() -> None:
        browser.find_element(By.ID, "name").send_keys("<b>Erika</b> Muster")
        browser.find_element(By.ID, "concern").send_keys("Meldebescheinigung")
        browser.find_element(By.ID, "privacy").click()
        browser.find_element(By.ID, "enter").click()

    await in_browser(fill_and_enter)

    async def queued() -> bool:
        return "Position 1" in await in_browser(text, "position")

    await until(queued, what="the position in the waiting room")
    await until(lambda: asyncio.sleep(0, bool(door.queues.get("buergerbuero")
                                               and door.queues["buergerbuero"].desk.waiting == 1)),
                what="the queue at the clerk")
    assert door.queues["buergerbuero"].guests[0].name == "<b>Erika</b> Muster"  # text, not markup

    visit = await door.admit("buergerbuero")

    async def talking() -> bool:
        return "Clara Groß" in await in_browser(text, "visit-title")

    await until(talking, what="the page to show the clerk")

    async def browser_sees_video() -> bool:
        frames = await in_browser(browser.execute_async_script,
                                  "const done = arguments[0]; window.dvz.framesDecoded().then(done);")
        return bool(frames and frames > 3)

    await until(browser_sees_video, timeout=30, what="video frames from the clerk decoded in Chromium")

    async def clerk_gets_media() -> bool:
        frames = door.visits[visit].frames
        return frames.get("video", 0) > 3 and frames.get("audio", 0) > 3

    await until(clerk_gets_media, timeout=30, what="the guest's camera and microphone at the clerk")

    def write(line: str) -> None:
        box = browser.find_element(By.ID, "line")
        box.send_keys(line)
        browser.find_element(By.CSS_SELECTOR, "#say button").click()

    await in_browser(write, "Guten Tag, ich brauche eine Meldebescheinigung.")
    await until(lambda: asyncio.sleep(0, any("Meldebescheinigung" in b for _, b, _ in door.visits[visit].lines)),
                what="the guest's line at the clerk")
    await door.say(visit, "Gern, <i>einen Moment</i>.")

    async def clerk_line_shown() -> bool:
        return "Gern, <i>einen Moment</i>." in await in_browser(text, "lines")  # as text, not as markup

    await until(clerk_line_shown, what="the clerk's line in the page")

    await door.end(visit)

    async def ended() -> bool:
        return "beendet" in await in_browser(text, "notice")

    await until(ended, what="the page to say the visit ended")
    service = backend.backend.door
    assert service.store.count_rows(visit) > 0  # kept for the retention (24 hours by default)
    service.retention = timedelta(seconds=-1)  # the retention has passed
    service.purge()
    assert service.store.count_rows(visit) == 0
    await clara.stop()


async def test_the_guest_page_keeps_its_place_through_a_backend_restart(org_three, tmp_path, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    from server_stub.app import Backend, BackendConfig

    first = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"))
    port = await first.start("127.0.0.1", 0)
    await in_browser(browser.get, f"http://127.0.0.1:{port}/tuer/buergerbuero?lang=de")

    def text(element_id: str) -> str:
        return browser.find_element(By.ID, element_id).text

    def fill_and_enter() -> None:
        browser.find_element(By.ID, "name").send_keys("Erika Muster")
        browser.find_element(By.ID, "privacy").click()
        browser.find_element(By.ID, "enter").click()

    await in_browser(fill_and_enter)

    async def queued() -> bool:
        return "Position 1" in await in_browser(text, "position")

    await until(queued, what="the position in the waiting room")
    await first.stop()

    async def reconnecting() -> bool:
        return "wiederhergestellt" in await in_browser(text, "notice")

    await until(reconnecting, what="the page to say it reconnects")
    again = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"))
    await again.start("127.0.0.1", port)  # the same address, as after a service restart
    try:
        async def back() -> bool:
            return "Position 1" in await in_browser(text, "position") and not await in_browser(text, "notice")

        await until(back, timeout=30, what="the page back in the waiting room")
        desk = again.door.desks["buergerbuero"]
        assert [again.door.visits[v].name for v in desk.queue] == ["Erika Muster"]
        await until(lambda: asyncio.sleep(0, not again.door.gone_since), what="the guest counted as present")
    finally:
        await again.stop()
