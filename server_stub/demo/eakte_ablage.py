"""The demo's stand-in for the eAkte's import program: files a document under its file number.

The demo's launcher catalogue points its eAkte filing entry here (a real rollout points it at the eAkte's
own import program, docs/rollout.md). It copies the file into ``Dokumente/eAkte (Demo)/<Aktenzeichen>/``
in the home folder (or ``DVZ_DEMO_EAKTE``), so the minutes' "an die eAkte" ends somewhere one can look.

    python -m server_stub.demo.eakte_ablage --az 02-2026-0312 --datei Niederschrift.pdf
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
from pathlib import Path

SAFE = re.compile(r"[^0-9A-Za-z.\-]")


def archive_dir() -> Path:
    configured = os.environ.get("DVZ_DEMO_EAKTE")
    return Path(configured) if configured else Path.home() / "Dokumente" / "eAkte (Demo)"


def file_document(file_number: str, document: Path, archive: Path) -> Path:
    """Copies ``document`` into the file's folder; returns where it is now."""
    folder = archive / (SAFE.sub("_", file_number) or "ohne-Aktenzeichen")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / document.name
    shutil.copyfile(document, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="eAkte-Ablage (Demo): legt ein Dokument unter seinem Aktenzeichen ab")
    parser.add_argument("--az", required=True, help="Aktenzeichen")
    parser.add_argument("--datei", required=True, type=Path, help="das abzulegende Dokument")
    args = parser.parse_args(argv)
    if not args.datei.is_file():
        print(f"Die Datei {args.datei} gibt es nicht.", file=sys.stderr)
        return 2
    target = file_document(args.az, args.datei, archive_dir())
    print(f"In der eAkte (Demo) unter {args.az} abgelegt: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
