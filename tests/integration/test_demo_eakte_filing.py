"""The demo's launcher catalogue has an eAkte filing entry, so the minutes' "an die eAkte" works in
``./run-demo``: the client finds it (services/minutes_pdf.py), plans the call with the demo body's file
number and starts it, and the demo's stand-in files the PDF under that number."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from dvz_desktop.services import minutes_pdf
from dvz_desktop.services.launchers import start_program
from server_stub.demo.office import DEMO_BODIES, demo_org_file
from server_stub.directory.feature import OfficeFeature


async def test_the_demo_files_the_minutes_under_the_bodys_file_number(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from dvz_desktop.qt.launchers.panel import entry_from

    org = demo_org_file()
    catalogue = OfficeFeature(None, org.launchers)  # type: ignore[arg-type]  # the catalogue needs no directory
    entries = [entry_from(info) for info in catalogue.launchers_for("lk-musterkreis")]
    assert minutes_pdf.filing_entry(entries) is not None, "the demo has no eAkte filing launcher"

    pdf = tmp_path / "export" / "Niederschrift-Ausschuss-fuer-Umwelt-und-Verkehr-2026-12-02.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.4 minutes")
    archive = tmp_path / "eakte"
    monkeypatch.setenv("DVZ_DEMO_EAKTE", str(archive))
    file_number = str(DEMO_BODIES[0]["file_number"])
    plan = minutes_pdf.filing_plan(entries, file_number, pdf, "a.schneider")
    process = await start_program(plan)
    assert await asyncio.wait_for(process.wait(), 60) == 0
    assert (archive / file_number / pdf.name).read_bytes() == b"%PDF-1.4 minutes"
