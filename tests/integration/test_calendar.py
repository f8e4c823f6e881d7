"""The calendar against a real Radicale server: discovery, create/change/delete, a weekly recurring
event expanded, an all-day event, the daylight-saving change, a wrong password, a broken entry skipped,
and the cached agenda when the server is gone."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from dvz_desktop.services.calendar import OFFICE_TZ, CalendarClient, CalendarError

from .radicale_server import start_radicale


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    url, proc = start_radicale(tmp_path)
    import caldav  # the user's calendar, as an administration's groupware would have it

    caldav.DAVClient(url, username="anna", password="geheim").principal().make_calendar(name="Dienstkalender")
    try:
        yield url, proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=OFFICE_TZ)


async def test_create_change_delete_and_recurring_and_all_day(radicale, tmp_path: Path) -> None:
    url, _ = radicale
    client = CalendarClient(url, "anna", "geheim", tmp_path / "agenda.json")
    jour_fixe = await client.create("Jour fixe", at(23, 9), at(23, 10), room_id="kh-1-b110", weekly=True)
    await client.create("Klausurtag", at(26, 0), at(27, 0), all_day=True)
    week = await client.agenda(at(23, 0), at(30, 0))
    assert [(a.summary, a.start, a.all_day) for a in week] == [("Jour fixe", at(23, 9), False),
                                                               ("Klausurtag", at(26, 0), True)]
    assert week[0].room_id == "kh-1-b110" and week[0].recurring
    three_weeks = await client.agenda(at(23, 0), at(14, 0, month=12))
    assert [a.start for a in three_weeks if a.summary == "Jour fixe"] == [at(23, 9), at(30, 9), at(7, 9, month=12)]
    await client.rename(jour_fixe, "Jour fixe (neu)")
    assert (await client.agenda(at(23, 0), at(24, 0)))[0].summary == "Jour fixe (neu)"
    await client.update(jour_fixe, "Jour fixe", at(23, 14), at(23, 15), room_id="kh-0-b012")
    moved = (await client.agenda(at(30, 0), at(1, 0, month=12)))[0]  # next week's occurrence moved too
    assert (moved.start, moved.end, moved.room_id) == (at(30, 14), at(30, 15), "kh-0-b012")
    await client.update(jour_fixe, "Jour fixe", at(23, 14), at(23, 15), room_id="")
    assert (await client.agenda(at(23, 0), at(24, 0)))[0].room_id is None
    await client.delete(jour_fixe)
    assert [a.summary for a in await client.agenda(at(23, 0), at(30, 0))] == ["Klausurtag"]
    with pytest.raises(CalendarError) as gone:
        await client.delete(jour_fixe)  # deleted meanwhile (on another device)
    assert "nicht mehr" in str(gone.value)


async def test_account_is_checked_before_it_is_kept(radicale, tmp_path: Path) -> None:
    from dvz_desktop.services.calendar_account import CalendarAccount
    from dvz_desktop.services.credentials import CredentialStore
    from dvz_desktop.services.settings import UserSettings

    from ..unit.test_settings_and_credentials import MemoryKeyring

    url, _ = radicale
    saved: list[UserSettings] = []
    account = CalendarAccount(UserSettings(), saved.append, CredentialStore(MemoryKeyring()), tmp_path / "a.json")
    assert account.client() is None
    with pytest.raises(CalendarError) as wrong:
        await account.connect(url, "anna", "falsch")
    assert "Passwort" in str(wrong.value) and not saved  # nothing kept
    with pytest.raises(CalendarError) as plain:
        await account.connect("http://kalender.example.org/", "anna", "geheim")
    assert "https://" in str(plain.value)
    client, note = await account.connect(url, " anna ", "geheim")
    assert note is None and saved[-1].caldav_url == url and saved[-1].caldav_user == "anna"
    again = account.client()  # the next start: password from the credential store
    assert again is not None and again.username == "anna"
    assert await again.agenda(at(23, 0), at(24, 0)) == []


async def test_an_event_across_the_daylight_saving_change_keeps_its_local_time(radicale, tmp_path: Path) -> None:
    url, _ = radicale
    client = CalendarClient(url, "anna", "geheim")
    start = datetime(2027, 3, 22, 9, 0, tzinfo=OFFICE_TZ)  # Monday before the change to summer time
    await client.create("Sprechstunde", start, start + timedelta(hours=1), weekly=True)
    found = await client.agenda(start - timedelta(days=1), start + timedelta(days=10))
    assert [(a.start.hour, a.start.utcoffset()) for a in found] == [(9, timedelta(hours=1)), (9, timedelta(hours=2))]


async def test_wrong_password_is_explained(radicale) -> None:
    url, _ = radicale
    with pytest.raises(CalendarError) as err:
        await CalendarClient(url, "anna", "falsch").agenda(at(23, 0), at(30, 0))
    assert "Benutzername oder Passwort" in str(err.value)


async def test_a_broken_entry_is_skipped_and_the_rest_shows(radicale, caplog) -> None:  # type: ignore[no-untyped-def]
    import caldav
    from icalendar import Event

    from dvz_desktop.services.calendar import appointments_from

    url, _ = radicale
    calendar = caldav.DAVClient(url, username="anna", password="geheim").principal().calendars()[0]
    calendar.save_event(dtstart=at(24, 8), dtend=at(24, 9), summary="Gut")
    found = calendar.search(event=True, expand=True, start=at(23, 0), end=at(30, 0))
    # An entry a lax groupware let through without a start: not an appointment anyone can place
    # (Radicale itself refuses such ICS, so it joins the server's answer here).
    broken = Event()
    broken.add("uid", "kaputt-1")
    broken.add("summary", "Ohne Zeit")
    shown = appointments_from([broken, *(e.icalendar_component for e in found)])
    assert [a.summary for a in shown] == ["Gut"]
    assert "skipped a calendar entry" in caplog.text
    week = await CalendarClient(url, "anna", "geheim").agenda(at(23, 0), at(30, 0))  # the worker process too
    assert [a.summary for a in week] == ["Gut"]


async def test_offline_the_cached_agenda_stays_with_its_time(radicale, tmp_path: Path) -> None:
    url, proc = radicale
    client = CalendarClient(url, "anna", "geheim", tmp_path / "agenda.json")
    await client.create("Bauausschuss", at(25, 14), at(25, 16))
    await client.agenda(at(23, 0), at(30, 0))
    proc.terminate()
    proc.wait(timeout=10)
    offline = CalendarClient(url, "anna", "geheim", tmp_path / "agenda.json")
    with pytest.raises(CalendarError) as err:
        await offline.agenda(at(23, 0), at(30, 0))
    assert "nicht erreichbar" in str(err.value)
    cached, stand = offline.cached()
    assert [a.summary for a in cached] == ["Bauausschuss"] and stand is not None
