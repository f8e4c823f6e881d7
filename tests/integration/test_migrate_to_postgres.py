"""``dvz-server migrate``: an embedded backend's SQLite data directory moves into PostgreSQL, verified by
counts; the cluster-mode backend then serves the same sessions, chats and search, and new messages
continue after the copied ones. A target that is not empty is refused and left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from dvz_desktop.services.session import Credentials, Session
from server_stub.app import Backend, BackendConfig
from server_stub.cli import main as server_cli
from server_stub.directory.orgfile import OrgFile
from tests.conftest import PASSWORDS
from tests.integration.helpers import login
from tests.integration.test_chat import Chatter
from tests.services.postgres import postgres_dsn  # noqa: F401  (the fixture)


async def test_an_embedded_data_directory_moves_into_postgresql(org_three: OrgFile, tmp_path: Path,
                                                                 postgres_dsn: str,  # noqa: F811
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    embedded = Backend(org_three, BackendConfig(data_dir=data))
    port = await embedded.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    anna = Chatter(await login(url, "anna", PASSWORDS["anna"]), tmp_path / "a.outbox")
    bernd = Chatter(await login(url, "bernd", PASSWORDS["bernd"]), tmp_path / "b.outbox")
    conv = await anna.chat.open_direct("bernd")
    await bernd.chat.open_direct("anna")
    for text in ("Bauantrag Müller liegt vor", "Termin am Dienstag", "Bitte den Bescheid prüfen"):
        anna.chat.send(conv, text)
    await bernd.wait_for(lambda: len(bernd.bodies(conv)) == 3)
    token = anna.session.token
    for person in (anna, bernd):
        await person.session.stop()
    await embedded.stop()

    assert server_cli(["migrate", "--data-dir", str(data), "--database", postgres_dsn]) == 0
    report = capsys.readouterr().out
    assert "alle Zählungen gleich" in report and "FEHLT" not in report
    assert any(line.split()[:3] == ["chat_events", "3", "3"] for line in report.splitlines()), report

    cluster = Backend(org_three, BackendConfig(data_dir=tmp_path / "unused", database_url=postgres_dsn))
    port = await cluster.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        again = Chatter(Session(url, Credentials("anna", token=token)), tmp_path / "a2.outbox")
        await again.session.start()  # the session came along: no password needed
        await again.chat.open_direct("bernd")
        await again.wait_for(lambda: len(again.bodies(conv)) == 3)
        assert again.bodies(conv) == ["Bauantrag Müller liegt vor", "Termin am Dienstag", "Bitte den Bescheid prüfen"]
        assert [h.body for h in await again.chat.search("muller")] == ["Bauantrag Müller liegt vor"]
        again.chat.send(conv, "Neu nach dem Umzug")  # keys and positions go on after the copied ones
        await again.wait_for(lambda: len(again.bodies(conv)) == 4)
        assert [m.position for m in again.chat.conversations[conv].ordered()] == [1, 2, 3, 4]
        assert [h.body for h in await again.chat.search("Umzug")] == ["Neu nach dem Umzug"]
        await again.session.stop()
    finally:
        await cluster.stop()

    # Into a database that already holds data: refused, nothing changed.
    assert server_cli(["migrate", "--data-dir", str(data), "--database", postgres_dsn]) == 2
    assert "nicht leer" in capsys.readouterr().out
