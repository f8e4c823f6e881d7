"""The minutes (Niederschrift) as a PDF, with fpdf2 (loaded on first use), and handing it to the eAkte.

The PDF carries the head (body, session, date, times, chair, minute-taker, file number), the attendance
with times, per agenda item the speakers, the results of votes (a named vote with its record) and the
minute-taker's text, and the disruptions. The font (DejaVu Sans) ships with the program, so umlauts and
every name print the same on every machine.

Filing: the launcher catalogue's entry with the placeholders ``aktenzeichen`` and ``datei`` (IT sets up
the eAkte's import program there) is planned with the body's file number and the PDF's path, and started
without a shell (``core.launchers``).
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from dvz_desktop.core.council.minutes_text import Stay, attendance_lines, day, record_line, result_line, span
from dvz_desktop.core.launchers import LauncherEntry, LaunchPlan, LaunchRefused, plan
from dvz_desktop.protocol import CouncilMinutes

FONTS = Path(__file__).resolve().parents[1] / "resources" / "fonts"


def render(minutes: CouncilMinutes, zone: tzinfo | None = None) -> bytes:
    from fpdf import FPDF  # about 0.1 s to import: only when someone exports

    names = {a.person_id: a.display_name for a in minutes.attendance}
    pdf = FPDF(format="A4")
    pdf.set_title(f"Niederschrift – {minutes.body_name}")
    pdf.set_author(minutes.minute_taker or minutes.chair)
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(20, 18, 20)
    pdf.add_page()

    def heading(text: str, size: float = 12) -> None:
        pdf.ln(2)
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, size * 0.55, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)

    def line(text: str, size: float = 10) -> None:
        pdf.set_font("DejaVu", "", size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")

    heading(f"Niederschrift über die {minutes.title}", 15)
    line(minutes.body_name, 12)
    line(f"am {day(minutes.started_at, zone)}, {span(minutes.started_at, minutes.ended_at, zone)} Uhr")
    line(f"Vorsitz: {minutes.chair}" + (f" · Schriftführung: {minutes.minute_taker}" if minutes.minute_taker else ""))
    if minutes.file_number:
        line(f"Aktenzeichen: {minutes.file_number}")
    line(f"Beschlussfähig bei Anwesenheit von {minutes.quorum_rule}.")

    heading("Anwesenheit")
    stays = [Stay(a.display_name, a.role, a.mode, a.arrived, a.left) for a in minutes.attendance]
    for text in attendance_lines(stays, zone) or ["Niemand war anwesend."]:
        line(text)
    if minutes.opening_notes:
        heading("Eröffnung")
        line(minutes.opening_notes)

    heading("Tagesordnung")
    for item in minutes.items:
        heading(f"{item.number} {item.title}" + ("" if item.public else " (nichtöffentlich)"), 11)
        if item.speakers:
            line("Wortmeldungen: " + ", ".join(item.speakers))
        if item.notes:
            line(item.notes)
        for result in item.results:
            line("Beschluss: " + result_line(result.kind, result.question, result.yes, result.no, result.abstain,
                                             result.carried))
            if result.record:
                line("Abstimmungsverhalten: " + record_line(
                    [(v.person_id, v.choice) for v in result.record], lambda p: names.get(p, p)))
    if minutes.disruptions:
        heading("Störungen und Beschlussfähigkeit")
        for text in minutes.disruptions:
            line(text)
    return bytes(pdf.output())


def save(minutes: CouncilMinutes, folder: Path, zone: tzinfo | None = None) -> Path:
    """Write the PDF into ``folder`` under a name from the body and the date; returns its path."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in minutes.body_name).strip("-")[:60] or "Sitzung"
    path = folder / f"Niederschrift-{safe}-{minutes.started_at.astimezone(zone).strftime('%Y-%m-%d')}.pdf"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(minutes, zone))
    return path


def filing_entry(entries: list[LauncherEntry]) -> LauncherEntry | None:
    """The catalogue's eAkte filing launcher: the one that takes an ``aktenzeichen`` and a ``datei``."""
    return next((e for e in entries if {"aktenzeichen", "datei"} <= {p.name for p in e.placeholders}), None)


def filing_plan(entries: list[LauncherEntry], file_number: str, path: Path, user: str) -> LaunchPlan:
    """How the PDF reaches the eAkte under the body's file number; LaunchRefused (German) if it cannot."""
    entry = filing_entry(entries)
    if entry is None:
        raise LaunchRefused("Für die eAkte ist kein Ablage-Starter eingerichtet. Bitte wenden Sie sich an die IT.")
    if not file_number:
        raise LaunchRefused("Für dieses Gremium ist kein Aktenzeichen hinterlegt.")
    return plan(entry, {"aktenzeichen": file_number, "datei": str(path)}, user)
