"""Where clear text may travel (core/transport.py)."""

import pytest

from dvz_desktop.core.transport import clear_text_refusal, is_loopback_host


@pytest.mark.parametrize("url", ["wss://dvz.example/ws", "https://kalender.example/dav/", "ws://127.0.0.1:8765/ws",
                                 "ws://127.8.9.10/ws", "ws://localhost:1/ws", "ws://[::1]:8765/ws",
                                 "http://127.0.0.1:5232/"])
def test_encrypted_or_loopback_addresses_are_fine(url: str) -> None:
    assert clear_text_refusal(url) is None


@pytest.mark.parametrize("url", ["ws://10.0.0.5/ws", "http://kalender.example/", "ws://localhost.evil.example/ws",
                                 "ws://0.0.0.0/ws", "WS://dvz.example/ws"])
def test_clear_text_beyond_loopback_is_refused_in_german(url: str) -> None:
    message = clear_text_refusal(url)
    assert message is not None and "unverschlüsselt" in message


def test_other_schemes_are_invalid() -> None:
    assert "ungültig" in (clear_text_refusal("ftp://dvz.example/") or "")
    assert not is_loopback_host("") and is_loopback_host("LOCALHOST") and not is_loopback_host("::")
