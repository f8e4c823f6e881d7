"""Launchers: values that could reach a shell or change an address are refused or neutralised;
click-to-dial makes clean URIs."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from dvz_desktop.core.launchers import (
    LauncherEntry,
    LauncherKind,
    LaunchRefused,
    Placeholder,
    plan,
    recognise,
)
from dvz_desktop.core.telephony import DialRefused, dial_uri

AZ = Placeholder("aktenzeichen", "Aktenzeichen", r"[0-9]{2}-[0-9]{4}-[0-9]{4,6}", "63-2026-0815", recognise=True)
FREE = Placeholder("suchtext", "Suchbegriff", r".{1,80}")
EAKTE = LauncherEntry("eakte", "eAkte", LauncherKind.PROGRAM, "/opt/eakte/bin/eakte",
                      ("--akte", "{aktenzeichen}", "--benutzer", "{user}"), (AZ,))
SEARCH = LauncherEntry("suche", "Fachverfahren-Suche", LauncherKind.PROGRAM, "/opt/fv/suche", ("{suchtext}",), (FREE,))
WEB = LauncherEntry("web", "eAkte im Browser", LauncherKind.URL, "https://eakte.landkreis.example/akte?az={aktenzeichen}&q={suchtext}",
                    placeholders=(AZ, FREE))
PROTO = LauncherEntry("proto", "eAkte (Protokoll)", LauncherKind.PROTOCOL, "eakte://akte/{aktenzeichen}",
                      placeholders=(AZ,),
                      scheme="eakte")
EVIL = ["; rm -rf ~", "$(id)", "&calc", "../..", "'\"", "63-2026-0815; rm -rf ~", "63-2026-0815\n--delete"]


def test_a_program_entry_becomes_exactly_one_argument_list() -> None:
    result = plan(EAKTE, {"aktenzeichen": "63-2026-0815"}, user="a.schneider")
    assert result.argv == ("/opt/eakte/bin/eakte", "--akte", "63-2026-0815", "--benutzer", "a.schneider")


@pytest.mark.parametrize("value", EVIL)
def test_injection_attempts_are_refused_by_the_pattern(value: str) -> None:
    with pytest.raises(LaunchRefused) as err:
        plan(EAKTE, {"aktenzeichen": value})
    assert "Aktenzeichen" in str(err.value)


@pytest.mark.parametrize("value", ["; rm -rf ~", "$(id)", "&calc", "../..", "'\""])
def test_with_a_permissive_pattern_a_value_stays_one_harmless_argument(value: str) -> None:
    assert plan(SEARCH, {"suchtext": value}).argv == ("/opt/fv/suche", value)


@given(st.text(min_size=1, max_size=80).filter(
    lambda t: t.strip() and not any(ord(c) < 32 or ord(c) == 127 for c in t)))
def test_url_values_are_encoded_and_never_change_the_address(value: str) -> None:
    url = plan(WEB, {"aktenzeichen": "63-2026-0815", "suchtext": value}).url
    assert url.startswith("https://eakte.landkreis.example/akte?az=63-2026-0815&q=")
    tail = url.split("&q=", 1)[1]
    assert all(ch not in tail for ch in "&?#/ ")


def test_protocol_entries_keep_their_scheme() -> None:
    assert plan(PROTO, {"aktenzeichen": "63-2026-0815"}).url == "eakte://akte/63-2026-0815"
    broken = LauncherEntry("x", "Kaputt", LauncherKind.URL, "javascript:alert({a})",
                           placeholders=(Placeholder("a", "A", ".+"),))
    with pytest.raises(LaunchRefused):
        plan(broken, {"a": "1"})


def test_missing_value_and_unconfigured_placeholder_are_explained() -> None:
    with pytest.raises(LaunchRefused) as err:
        plan(EAKTE, {})
    assert "Bitte „Aktenzeichen“ angeben" in str(err.value)
    half = LauncherEntry("h", "Halb", LauncherKind.PROGRAM, "/bin/true", ("{fehlt}",))
    with pytest.raises(LaunchRefused) as err:
        plan(half, {})
    assert "unvollständig" in str(err.value)


def test_an_aktenzeichen_in_a_chat_message_offers_the_eakte() -> None:
    offers = recognise("Bitte schau in 63-2026-0815, Frist läuft", [EAKTE, SEARCH, WEB])
    assert [(e.entry_id, v) for e, v in offers] == [("eakte", {"aktenzeichen": "63-2026-0815"})]


def test_dial_uris() -> None:
    assert dial_uri("+49 5555 101-23") == "tel:+49555510123"
    assert dial_uri("(05555) 101", "sip") == "sip:05555101"
    assert dial_uri("0555/101", "callto") == "callto:0555101"
    for bad in ("0555 ; rm", "call me", ""):
        with pytest.raises(DialRefused):
            dial_uri(bad)
    with pytest.raises(DialRefused):
        dial_uri("0555", "javascript")


async def test_a_program_is_started_with_exactly_the_expected_arguments(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    import sys

    from dvz_desktop.services.launchers import start_program

    out = tmp_path / "argv.json"
    probe = LauncherEntry("probe", "Testprogramm", LauncherKind.PROGRAM, sys.executable,
                          ("-c", f"import sys, json; open({str(out)!r}, 'w').write(json.dumps(sys.argv[1:]))",
                           "{suchtext}", "--nutzer={user}"), (FREE,))
    process = await start_program(plan(probe, {"suchtext": "; rm -rf ~ $(id) &calc"}, user="a.schneider"))
    await process.wait()
    assert json.loads(out.read_text()) == ["; rm -rf ~ $(id) &calc", "--nutzer=a.schneider"]


async def test_a_missing_program_is_explained() -> None:
    from dvz_desktop.services.launchers import start_program

    missing = LauncherEntry("m", "Fehlt", LauncherKind.PROGRAM, "/opt/gibt-es-nicht/fachverfahren")
    with pytest.raises(LaunchRefused) as err:
        await start_program(plan(missing, {}))
    assert "nicht gefunden" in str(err.value)


def test_own_launchers_are_https_addresses_whose_values_are_encoded() -> None:
    from dvz_desktop.core.launchers import own_entry

    entry = own_entry("own-1", "Ratsinfo-Suche", "https://ratsinfo.example.de/suche?q={suchbegriff}&u={user}")
    assert entry.own and [p.name for p in entry.placeholders] == ["suchbegriff"]
    launch = plan(entry, {"suchbegriff": "Straße & Co; rm -rf ~"}, "a.schneider")
    assert launch.url == ("https://ratsinfo.example.de/suche?q=Stra%C3%9Fe%20%26%20Co%3B%20rm%20-rf%20~"
                          "&u=a.schneider")
    for name, url, why in (("", "https://x.example.de/", "Namen"),
                           ("Lokal", "file:///C:/Windows/system32/calc.exe", "https://"),
                           ("Skript", "javascript:alert(1)", "https://"),
                           ("Leer", "https://{host}/", "unvollständig")):
        with pytest.raises(LaunchRefused) as refused:
            own_entry("own-2", name, url)
        assert why in str(refused.value)
