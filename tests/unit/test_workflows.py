"""The CI and release workflows parse and contain the steps IT relies on."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def load(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data["jobs"]
    return data


def step_names(job: dict) -> list[str]:
    return [step.get("name", step.get("uses", "")) for step in job["steps"]]


def test_ci_runs_the_tests_on_linux_and_windows() -> None:
    jobs = load("ci.yml")["jobs"]
    assert jobs["linux"]["runs-on"].startswith("ubuntu")
    assert any("./run-tests" in step.get("run", "") for step in jobs["linux"]["steps"])
    assert jobs["windows"]["runs-on"].startswith("windows")
    assert any("pytest" in step.get("run", "") for step in jobs["windows"]["steps"])


def test_release_builds_the_msi_signs_when_configured_and_uploads_it() -> None:
    job = load("release.yml")["jobs"]["msi"]
    assert job["runs-on"].startswith("windows")
    names = step_names(job)
    assert "MSI bauen (briefcase package windows)" in names
    assert "Artefakt hochladen" in names
    signing = next(s for s in job["steps"] if s.get("name") == "Zertifikat importieren")
    assert signing["if"] == "env.SIGNING_IDENTITY != ''"
    build = next(s for s in job["steps"] if s.get("name") == "MSI bauen (briefcase package windows)")
    assert "installers/build_release.py" in build["run"] and "--identity" in build["run"]
    assert names.index("Release-Dateien schreiben (Konfiguration, Skripte, ADMX)") < names.index(
        "MSI bauen (briefcase package windows)")
