"""The public page of a council session in a real headless Chromium: citizens without an account see the
public agenda, the current item and the vote results as the session goes on — and nothing of the
non-public part, no names, no attendance; a session not marked public shows nothing."""

from __future__ import annotations

import asyncio
import json
import shutil
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..integration.council_people import MEMBERS, SAAL, Council, council_fixture  # noqa: F401  (the fixture)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromium-driver are installed by scripts/bootstrap.sh")
OPARL = Path(__file__).parents[1] / "fixtures" / "oparl" / "meeting_kreistag.json"


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=de-DE",
                 "--window-size=1366,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


async def page_text(driver, element_id: str) -> str:  # type: ignore[no-untyped-def]
    return await asyncio.to_thread(lambda: driver.find_element("id", element_id).text)


async def until_text(driver, element_id: str, wanted: str, timeout: float = 20.0) -> str:  # type: ignore[no-untyped-def]
    async def poll() -> str:
        while True:
            text = await page_text(driver, element_id)
            if wanted in text:
                return text
            await asyncio.sleep(0.2)

    try:
        return await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        shown = await page_text(driver, element_id)
        raise AssertionError(f"#{element_id} never showed {wanted!r}: {shown!r}") from None


def stand(port: int, body: str) -> dict[str, object]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/oeffentlich/{body}/stand.json", timeout=5) as response:
        assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
        return json.loads(response.read())  # type: ignore[no-any-return]


async def test_citizens_follow_the_public_part_in_the_browser(council: Council, browser,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path) -> None:
    chair = council.chair
    await council.walk_in("landrat", *MEMBERS[:7])
    sid = await chair.council.start(SAAL, "12. Sitzung", body_id="uva", public=True)
    await chair.council.import_oparl(sid, OPARL.read_text(encoding="utf-8"))
    await asyncio.to_thread(browser.get, f"http://127.0.0.1:{council.port}/oeffentlich/uva")
    await until_text(browser, "status", "Die Sitzung läuft.")
    agenda = await until_text(browser, "agenda", "Ö 3")
    assert "N 1" not in agenda and "Winterdienst" not in agenda  # the non-public part stays out
    await chair.council.go_to(sid, 2)
    await until_text(browser, "current", "Ö 3 Radverkehrskonzept 2027")
    vote = await chair.council.open_vote(sid, "named", "Prioritätenliste beschließen")
    for person, choice in zip(MEMBERS[:7], ["yes"] * 4 + ["no"] * 2 + ["abstain"], strict=True):
        await council[person].council.ballot(sid, vote, choice)
    await chair.council.close_vote(sid)
    results = await until_text(browser, "results", "angenommen")
    assert "Prioritätenliste beschließen: angenommen (4 Ja-Stimmen, 2 Nein-Stimmen, 1 Enthaltung)" in results
    await chair.council.go_to(sid, 3)  # the non-public item: the page says so and shows nothing of it
    assert (await until_text(browser, "current", "Nichtöffentlicher Teil")) == "Nichtöffentlicher Teil"
    public = await asyncio.to_thread(stand, council.port, "uva")  # urllib blocks; the backend runs on this loop
    text = json.dumps(public, ensure_ascii=False)
    for secret in ("Winterdienst", "rat0", "Agnes", "landrat", "present", "record"):
        assert secret not in text, secret
    await asyncio.to_thread(browser.save_screenshot, str(tmp_path / "public.png"))
    await chair.council.end(sid)
    await until_text(browser, "status", "Zurzeit findet keine öffentliche Sitzung statt.")


async def test_a_session_not_marked_public_shows_nothing(council: Council) -> None:
    await council.walk_in("landrat", "rat01")
    sid = await council.chair.council.start(SAAL, "Nichtöffentliche Sitzung", body_id="uva", public=False)
    assert await asyncio.to_thread(stand, council.port, "uva") == {"body": "Ausschuss für Umwelt und Verkehr",
                                                                   "running": False}
    with pytest.raises(urllib.error.HTTPError) as missing:
        await asyncio.to_thread(urllib.request.urlopen,
                                f"http://127.0.0.1:{council.port}/oeffentlich/gibtesnicht/stand.json", timeout=5)
    assert missing.value.code == 404
    assert sid
