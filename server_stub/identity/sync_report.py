"""A sync plan as an administrator reads it (``dvz-server --sync-dry-run`` prints it; a real sync logs
its summary): who is new, what changed, who loses access and why, what was skipped and why."""

from __future__ import annotations

from dvz_desktop.core.directory_sync import LeaveReason, Profile, SyncPlan
from dvz_desktop.core.roles import RoleMapping

from .sync import ReadResult

FIELD_NAMES = {"dn": "Eintrag", "display_name": "Name", "unit": "Einheit", "phone": "Telefon", "mail": "E-Mail",
               "photo_digest": "Foto", "groups": "Gruppen"}
REASONS = {LeaveReason.REMOVED: "nicht mehr im Verzeichnis", LeaveReason.DISABLED: "im Verzeichnis gesperrt",
           LeaveReason.NO_ACCESS: "in keiner DVZ-Gruppe mehr"}
#: Lines per section before "… und N weitere" (the first sync of thousands stays readable).
MAX_LINES = 50


def persons(count: int) -> str:
    return "1 Person" if count == 1 else f"{count} Personen"


def _section(title: str, lines: list[str], out: list[str]) -> None:
    out.append(f"{title} ({len(lines)}):" if lines else f"{title}: keine")
    out += [f"  {line}" for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        out.append(f"  … und {len(lines) - MAX_LINES} weitere")


def format_plan(result: ReadResult, roles: RoleMapping, source: str, *, dry_run: bool) -> str:
    plan: SyncPlan = result.plan
    out = [f"Abgleich mit {source}" + (" – Probelauf, nichts wird geändert" if dry_run else ""),
           (f"{persons(result.people_in_directory)} im Verzeichnis, {result.fetched_in_detail} davon im Detail "
            f"gelesen (neu oder geändert), {plan.unchanged} unverändert.")]
    if plan.held_back:
        out.append(f"ANGEHALTEN: {plan.held_back}")

    def who(profile: Profile) -> str:
        grants = ", ".join(sorted(str(g) for g in roles.grants_for(profile.groups)))
        return f"{profile.username} ({profile.display_name}, {profile.unit or 'ohne Einheit'}; Rollen: {grants})"

    _section("Neu", [who(p) for p in plan.new], out)
    _section("Geändert", [f"{c.after.username}: " + ", ".join(
        f"{FIELD_NAMES.get(f, f)} {_value(c.before, f)} → {_value(c.after, f)}" for f in c.fields)
        for c in plan.changed],
        out)
    _section("Zugang endet", [f"{x.username} ({REASONS[x.reason]})" for x in plan.left], out)
    _section("Wieder da", [who(p) for p in plan.returned], out)
    _section("Übersprungen", [f"{s.dn}: {s.problem.text_de}" + ("" if s.whole_entry else " (Rest übernommen)")
                              for s in plan.skipped], out)
    return "\n".join(out)


def _value(profile: Profile, field: str) -> str:
    value = getattr(profile, field)
    if field == "groups":
        return "{" + ", ".join(sorted(value)) + "}"
    if field == "photo_digest":
        return "vorhanden" if value else "keins"
    return f"„{value}“"
