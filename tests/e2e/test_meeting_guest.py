"""A guest of a meeting in a real headless Chromium (fake camera and microphone): invited by the
moderator, they open the backend's page, join under their own name, and the meeting moves to the media
server (a real Janus in a network namespace of its own). The guest sees and hears the staff, the staff
see and hear the guest, and the guest learns nothing but the display names of the people in it."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from dvz_desktop.protocol.meetings import MeetingInviteGuest
from tests.integration.meeting_helpers import (  # noqa: F401  (fixtures)
    ROOM,
    Meeting,
    everyone_hears_everyone,
    meeting,
    veth_only,
    wait_for,
)
from tests.services.janus import janus  # noqa: F401  (the fixture)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromium-driver are installed by scripts/bootstrap.sh")


@pytest.fixture
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM  # type: ignore[assignment]
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--use-fake-ui-for-media-stream",
                 "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required", "--lang=de-DE",
                 # Chromium hides host candidates behind mDNS names (.local) that Janus cannot resolve; the
                 # organisation's own clients would reach Janus through TURN, the test reaches it directly.
                 "--disable-features=WebRtcHideLocalIpsWithMdns"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_script_timeout(10)
    try:
        yield driver
    finally:
        driver.quit()


async def in_browser(call: Any, *args: Any) -> Any:
    """Selenium blocks; the backend, Janus's clients and the staff run on this loop meanwhile."""
    return await asyncio.to_thread(call, *args)


async def enter_as_guest(browser: Any, name: str) -> None:
    """On the open invitation page: the guest's name, the privacy notice accepted, "Eintreten"."""
    from selenium.webdriver.common.by import By

    def enter() -> None:
        browser.find_element(By.ID, "name").send_keys(name)
        browser.find_element(By.ID, "privacy").click()
        browser.find_element(By.ID, "enter").click()

    await in_browser(enter)


async def guest_and_staff_meet(browser: Any, staff: list[Any], guest_id: str) -> None:
    """The guest in Chromium sees and hears every staff member, and every staff member the guest."""
    async def guest_sees_and_hears_everyone() -> bool:
        got: dict[str, dict[str, float]] = await in_browser(
            browser.execute_async_script, "const done = arguments[0]; window.dvzMeeting.received().then(done);")
        return len(got) == len(staff) and all(g["frames"] > 5 and g["energy"] > 0.01 for g in got.values())

    for person in staff:
        person.calls.show_videos({p.name for p in staff if p is not person} | {guest_id}, visible=True)
    await until(guest_sees_and_hears_everyone, timeout=60, what="the staff's faces and voices in Chromium")
    await wait_for(lambda: all(p.count(guest_id, "audio") > 50 and p.count(guest_id, "video") > 5 for p in staff),
                   timeout=40, what="the guest's camera and microphone at every member")


async def until(condition: Any, timeout: float = 40.0, what: str = "") -> None:
    async def poll() -> None:
        while not await condition():
            await asyncio.sleep(0.2)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


@pytest.mark.parametrize("meeting", ["sqlite", "postgresql"], indirect=True)  # the invitation is stored
async def test_a_guest_in_chromium_sees_and_hears_the_meeting_and_nothing_else(meeting: Meeting, browser: Any) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    staff = [await meeting.person(f"t{i:02d}") for i in range(1, 4)]
    call_id = {await person.join() for person in staff}.pop()
    await everyone_hears_everyone(staff)
    assert staff[0].calls.call is not None and staff[0].calls.call.mode == "mesh"
    moderator = staff[0].session
    ack = await moderator.command(MeetingInviteGuest(id=moderator.next_id(), call_id=call_id))
    assert ack.ref and re.fullmatch(r"[A-Za-z0-9_\-]{16,128}", ack.ref)
    port = meeting.url.split(":")[2].split("/")[0]
    await in_browser(browser.get, f"http://127.0.0.1:{port}/besprechung/{ack.ref}?lang=de")
    assert "Sitzungszimmer" in await in_browser(lambda: browser.title)

    await enter_as_guest(browser, "<b>Erika</b> Muster")
    await wait_for(lambda: all(p.calls.call is not None and p.calls.call.mode == "sfu" for p in staff),
                   what="the meeting on the media server for its guest")
    guest_id = next(m.person_id for m in staff[0].calls.call.members if m.guest_name)  # type: ignore[union-attr]
    assert next(m.guest_name for m in staff[0].calls.call.members if m.guest_name) == "<b>Erika</b> Muster"  # type: ignore[union-attr]

    await guest_and_staff_meet(browser, staff, guest_id)

    # The page's own offer carried real host candidates (no mDNS names Janus could not resolve).
    offer = await in_browser(browser.execute_script, "return window.dvzMeeting.pub.localDescription.sdp")
    assert "typ host" in offer and ".local" not in offer

    # The guest sees display names under aliases, never user names, and nothing of the office.
    members = json.loads(await in_browser(browser.execute_script,
                                          "return JSON.stringify([...window.dvzMeeting.members.values()])"))
    assert sorted(m["name"] for m in members) == ["<b>Erika</b> Muster", "Teilnehmerin 01", "Teilnehmerin 02",
                                                  "Teilnehmerin 03"]
    assert all(re.fullmatch(r"m\d+", m["member_id"]) for m in members)
    page = await in_browser(lambda: browser.page_source)
    assert not any(name in page for name in ("t01", "t02", "t03", "anna", "Kreishaus")), "office data in the page"
    people = await in_browser(lambda: browser.find_element(By.ID, "people").text)
    assert "<b>Erika</b> Muster (Gast)" in people  # as text, never as markup
    assert meeting.secrets_seen() == []

    # The moderator removes the guest: the page says so.
    from dvz_desktop.protocol.meetings import MeetingModerate

    await moderator.command(MeetingModerate(id=moderator.next_id(), call_id=call_id, person_id=guest_id,
                                            action="remove"))

    async def told() -> bool:
        return "entfernt" in await in_browser(lambda: browser.find_element(By.ID, "notice").text)

    await until(told, what="the page to say the guest was removed")
