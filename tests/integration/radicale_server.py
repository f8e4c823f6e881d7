"""A real Radicale CalDAV server on a free loopback port (tests, benchmarks), with two users whose
password is ``geheim``: ``anna``, and ``a.schneider@musterkreis.de`` (a login that is an address, as
groupware like Nextcloud or Exchange has them; the calendar corpus matches invitations by it)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

#: The login of the calendar corpus: Anna Schneider as her administration's groupware knows her.
ADDRESS_LOGIN = "a.schneider@musterkreis.de"


def start_radicale(folder: Path) -> tuple[str, subprocess.Popen[bytes]]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    (folder / "users").write_text(f"anna:geheim\n{ADDRESS_LOGIN}:geheim\n", encoding="utf-8")
    (folder / "config").write_text(f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {folder / 'users'}
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = {folder / 'collections'}
[logging]
level = warning
""", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(folder / "config")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return f"http://127.0.0.1:{port}/", proc
        except OSError:
            if time.monotonic() > deadline:
                proc.terminate()
                raise RuntimeError("Radicale did not start") from None
            time.sleep(0.05)
