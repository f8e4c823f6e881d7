"""Which directory values DVZ takes, and why it skips the others (core/directory_values.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dvz_desktop.core.directory_values import (
    ad_account_disabled,
    ad_account_expired,
    check_photo,
    clean_text,
    dn_parts,
    normal_username,
    unit_from_dn,
)

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 100
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def test_plain_text_is_trimmed_and_kept() -> None:
    assert clean_text("  FB 6 Bauen ", 200).value == "FB 6 Bauen"
    assert clean_text("Öztürk".encode(), 200).value == "Öztürk"
    assert clean_text("O\u0308ztu\u0308rk", 200).value == "Öztürk"  # decomposed umlauts come out composed
    assert clean_text(None, 10) == clean_text("   ", 10) == clean_text(b"", 10)
    assert clean_text(None, 10).problem is None


@pytest.mark.parametrize("raw, code", [
    ("FB 6\tBauen", "control_characters"),
    ("FB 6 \x1b[31mBauen", "control_characters"),
    ("Amt \u202efür Bauen", "control_characters"),
    ("Zeile\u2028Zwei", "control_characters"),
    ("x" * 201, "too_long"),
    (b"\xff\xfe kaputt", "not_text"),
    (b"x" * 10_000, "too_long"),
    (42, "not_text"),
])
def test_garbage_is_refused_with_a_reason(raw: object, code: str) -> None:
    cleaned = clean_text(raw, 200, "department")
    assert cleaned.value is None
    assert cleaned.problem is not None and cleaned.problem.code == code
    assert cleaned.problem.text_de.startswith("department: ")


def test_user_names_are_lower_case_and_plain() -> None:
    assert normal_username(" A.Mueller ") == "a.mueller"
    assert normal_username("anna_m-2") == "anna_m-2"
    for bad in ("anna müller", "anna\tm", "", "x" * 129, "DOMAIN\\anna", "anna@x"):
        assert normal_username(bad) is None, bad


def test_a_portrait_must_be_a_small_jpeg_or_png() -> None:
    assert check_photo(JPEG) is None and check_photo(PNG) is None
    huge = check_photo(b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024), "thumbnailPhoto")
    assert huge is not None and huge.code == "photo_too_large"
    assert huge.text_de == "thumbnailPhoto: Bild zu groß (10.0 MB, höchstens 256 KB)"
    not_image = check_photo(b"GIF89a...")
    assert not_image is not None and not_image.code == "photo_not_an_image"


def test_active_directory_disable_bit_and_expiry() -> None:
    assert ad_account_disabled("512") is False  # NORMAL_ACCOUNT
    assert ad_account_disabled("514") is True  # NORMAL_ACCOUNT | ACCOUNTDISABLE
    assert ad_account_disabled("66050") is True  # ... | DONT_EXPIRE_PASSWORD
    assert ad_account_disabled("kaputt") is None
    now = datetime(2026, 12, 1, tzinfo=UTC)
    past = int((datetime(2026, 6, 30, tzinfo=UTC) - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10**7)
    assert ad_account_expired(str(past), now)
    assert not ad_account_expired(str(past), datetime(2026, 6, 1, tzinfo=UTC))
    assert not ad_account_expired("0", now) and not ad_account_expired("9223372036854775807", now)
    assert not ad_account_expired("", now)


def test_the_unit_can_come_from_the_first_ou_above_an_entry() -> None:
    assert unit_from_dn("uid=gerd,ou=FB 6 Bauen,ou=people,dc=musterkreis,dc=de") == "FB 6 Bauen"
    assert unit_from_dn(r"CN=Weiß\, Bernd,OU=Bauen\, Planen,OU=Staff,DC=lk") == "Bauen, Planen"
    assert unit_from_dn(r"CN=x,OU=Gr\C3\BC\6e,DC=lk") == "Grün"
    assert unit_from_dn("uid=anna,dc=musterkreis,dc=de") == ""
    assert dn_parts("uid=a+cn=A,ou=x") == [("uid", "a"), ("cn", "A"), ("ou", "x")]
