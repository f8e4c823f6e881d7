"""Starts the program: settings, the QApplication, one instance per user, the window and the tray shown
first, then the one asyncio loop (qasync) running the program (``program.py``: login, the desktop of the
session). Until the window is painted nothing but Qt and the settings is imported (start time)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from .desktop import DesktopParts, ShellParts, assemble_desktop  # noqa: F401  (the tests and tools build desktops too)


def __getattr__(name: str) -> Any:
    """``Program`` and ``hang_up`` live in ``program.py`` (loaded after the first paint); tests and tools
    may still take them from here."""
    if name in ("Program", "hang_up"):
        from . import program

        return getattr(program, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


T0 = time.perf_counter()

log = logging.getLogger("dvz_desktop")


def save_layout(window) -> str:  # type: ignore[no-untyped-def]
    """Which side panel is open and how wide, as text for the settings file."""
    return str(window.save_state())


def restore_layout(window, state: str) -> bool:  # type: ignore[no-untyped-def]
    return bool(state) and bool(window.restore_state(state))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dvz-desktop", description="DVZ Desktop – das Digitale Verwaltungszentrum")
    parser.add_argument("--demo", action="store_true",
                        help="Demo: startet einen Demo-Server und meldet sich als Demo-Nutzerin an")
    parser.add_argument("--server", help="Serveradresse, z. B. wss://dvz.example/ws")
    parser.add_argument("--user", help="Benutzername")
    parser.add_argument("--screenshot", type=Path, metavar="PATH",
                        help="Hauptfenster als PNG speichern, sobald der Plan gefüllt ist, dann beenden")
    parser.add_argument("--exit-when-shown", action="store_true",
                        help="beenden, sobald Fenster und Tray sichtbar sind (für Start-Messungen)")
    parser.add_argument("--lang", choices=["de", "en"], help="Sprache der Oberfläche")
    parser.add_argument("--theme", choices=["system", "light", "dark", "high-contrast"],
                        help="Erscheinungsbild: wie das System, hell, dunkel oder hoher Kontrast")
    parser.add_argument("--no-single-instance", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("link", nargs="?", help="dvz://-Link: dvz://room/<Raum>, dvz://call/<Person>, dvz://join/<Raum>")
    parser.add_argument("--log-level", default="WARNING")
    parser.add_argument("--allow-insecure-transport", action="store_true",
                        help="nur für Entwicklung: ws:// auch zu anderen Rechnern erlauben "
                             "(Passwörter unverschlüsselt!)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.allow_insecure_transport:
        from .services.session import Session

        Session.allow_insecure_transport = True  # a developer's explicit choice; never a policy value
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    link = None
    if args.link:
        from .core.links import LinkError, parse_link

        try:
            link = parse_link(args.link)
        except LinkError as exc:
            print(f"DVZ Desktop: {exc}", file=sys.stderr)
            return 2
    from PySide6.QtWidgets import QApplication

    from dvz_desktop.qt.shell.i18n import choose_language, install_translators

    from .services.settings_file import first_look

    if args.screenshot is not None and sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        # A screenshot on a machine without a screen (a server, CI): render offscreen instead of aborting.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DVZ Desktop")
    app.setOrganizationName("DVZ")
    app.setDesktopFileName("dvz-desktop")
    app.setQuitOnLastWindowClosed(False)  # the tray keeps running
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(Path(__file__).resolve().parent / "resources" / "icons" / "dvz.png")))
    look = first_look()  # the settings the first window needs, without pydantic (start time)
    install_translators(app, choose_language(args.lang or look.language))
    from .qt.shell import theme

    try:
        mode = theme.ThemeMode(args.theme or look.theme)
    except ValueError:
        mode = theme.ThemeMode.SYSTEM
    theme.apply(app, mode)

    one_shot = args.screenshot is not None or args.exit_when_shown
    single = None
    if not (one_shot or args.no_single_instance):
        from .qt.single_instance import Answer, SingleInstance

        single = SingleInstance(parent=app)
        answer = single.notify_running(link=link)
        if answer is Answer.ANSWERED:
            print("DVZ Desktop läuft bereits; das vorhandene Fenster wurde geöffnet"
                  + (" und der Link übergeben." if link else "."))
            return 0
        from .services.instances import record_instance
        from .services.settings_file import config_dir

        if answer is Answer.SILENT:
            replace_hung_instance()
        record_instance(config_dir())  # before listening: whoever finds the socket also finds the process
        if answer is Answer.SILENT:
            single.take_over()
        else:
            single.listen()

    shell = None
    if args.demo or (look.remember and (args.user or look.username)):
        # Nobody has to be asked: the window and the tray come first, the login, the message models and the
        # features follow behind them (a login dialog, when one is needed, is the first window instead).
        shell = show_shell()
    import asyncio

    import qasync

    from .program import Program
    from .services.settings import SettingsStore

    settings_store = SettingsStore()
    settings = settings_store.load()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    desktop = Program(app, args, settings_store, settings, single, shell)
    desktop.pending_link = link
    code = 1
    try:
        with loop:
            code = loop.run_until_complete(desktop.run())
        return code
    finally:
        if single is not None:
            from .services.instances import forget_instance
            from .services.settings_file import config_dir

            forget_instance(config_dir())
        # Nothing left may keep the process alive after the window and the tray are gone.
        end_process_after(QUIT_GRACE_S, code)


def show_shell() -> ShellParts:
    """The empty window (rail, stage, status line) and the tray, shown and painted before the login."""
    from PySide6.QtCore import QCoreApplication

    from .desktop import build_shell

    shell = build_shell()
    shell.window.show_message(QCoreApplication.translate("Desktop", "Anmeldung läuft …"))
    shell.window.show()
    shell.tray.show()
    wait_until_painted()
    return shell


def wait_until_painted(timeout_ms: int = 500) -> bool:
    """Run Qt's event loop until every shown top-level widget (the window; on X11 also the tray icon's)
    has been painted, at most ``timeout_ms``: what follows holds the loop for a while (imports, the
    login, building the features), and the user should see the window meanwhile, not afterwards."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication.instance()
    assert app is not None
    waiting = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    loop = QEventLoop()

    class FirstPaints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                waiting.discard(watched.window())
                if not waiting:
                    QTimer.singleShot(0, loop.quit)  # after this paint (and its flush) is through
            return False

    watcher = FirstPaints()
    app.installEventFilter(watcher)
    QTimer.singleShot(timeout_ms, loop.quit)
    try:
        loop.exec()
    finally:
        app.removeEventFilter(watcher)
    return not waiting


def replace_hung_instance() -> None:
    """A DVZ Desktop of this user holds the single-instance socket but does not answer: end it, so this
    start can show the window (instead of "läuft bereits" and nothing)."""
    from .services.instances import end_instance, recorded_instance
    from .services.settings_file import config_dir

    pid = recorded_instance(config_dir())
    if pid is None:
        print("DVZ Desktop: eine frühere Instanz antwortet nicht; diese übernimmt.", file=sys.stderr)
        return
    print(f"DVZ Desktop: eine frühere Instanz (Prozess {pid}) antwortet nicht und wird beendet.", file=sys.stderr)
    if not end_instance(pid):
        print(f"DVZ Desktop: Prozess {pid} ließ sich nicht beenden; diese Instanz übernimmt trotzdem.",
              file=sys.stderr)


#: Seconds a quit may take (hang up, close media, log out) before the process ends regardless.
QUIT_GRACE_S = 8.0


def end_process_after(seconds: float, code: int = 0) -> None:
    """A daemon timer that ends the process (with ``code``) if it is still there after ``seconds``."""
    import threading

    def end() -> None:
        log.warning("quitting took longer than %.0f s: ending the process", seconds)
        logging.shutdown()
        os._exit(code)

    timer = threading.Timer(seconds, end)
    timer.daemon = True
    timer.start()


if __name__ == "__main__":
    sys.exit(main())
