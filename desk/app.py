"""Composition root: paths, database (upgrade after backup), services, QApplication, window.

    desk                         the window on the SQLite file in the user data directory
    desk --demo                  a throw-away database filled with a realistic centre
    desk --database-url URL      PostgreSQL (several PCs) or another SQLite file
    desk --display               the full-screen waiting-room display (no login, read-only)
    desk --kiosk                 the full-screen self-service ticket kiosk (no login; leaving it needs
                                 the head's password)
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desk import __version__
from desk.storage.files import PRIVATE_UMASK


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desk", description="Reception and appointment desk.")
    parser.add_argument("--database-url", help="database address (default: $DESK_DATABASE_URL, else "
                        "desk.toml of the user, then of the machine, else the SQLite file in the user "
                        "data directory)")
    parser.add_argument("--demo", action="store_true", help="start on a throw-away database with demo data")
    parser.add_argument("--display", action="store_true", help="open the waiting-room display")
    parser.add_argument("--kiosk", action="store_true", help="open the self-service ticket kiosk")
    parser.add_argument("--screen", type=int, default=None, help="screen number for the display")
    parser.add_argument("--language", choices=["de", "en"], help="language of the window")
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    # performance: show the main window (no login, as a system head actor), print the seconds
    # since the process started, quit. Used by `desk-admin bench` only.
    parser.add_argument("--measure-startup", action="store_true", help=argparse.SUPPRESS)
    # the build's smoke test (CI): once the first window is up, print its visible texts as one JSON
    # line, close it and quit
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    from desk.services.logs import redact, setup_logging

    os.umask(PRIVATE_UMASK)  # the database, backups, exports, reports and logs: owner only
    setup_logging("desk")  # before parse_args: on Windows (no console) its messages go to the log
    args = parse_args(argv)

    # No cyclic garbage collection while the libraries are imported and Qt is set up, then what
    # they made is frozen (issue 21, cold start; docs/PERFORMANCE.md "Cold start and memory").
    with _imports_without_gc():
        # The database side (SQLAlchemy, the models, the services' base) before the first PySide6
        # import: once PySide6 is imported, its import hook reads the source of every module imported
        # after it (shibokensupport.feature: does it use PySide6?), ~250 SQLAlchemy modules here
        # (0.1-0.2 s of CPU at start-up, issue 21).
        import desk.services.bootstrap  # noqa: F401
        import desk.services.desk  # noqa: F401
        from desk.ui.platform_check import EXIT_NO_PLATFORM, import_problem, prepare_platform, problem_text

        try:
            from PySide6.QtWidgets import QApplication
        except ImportError as error:  # a library every Qt start needs (libEGL, libfontconfig, ...) is missing
            problem = import_problem(error)
            if problem is None:
                raise
            print(problem_text(problem), file=sys.stderr)
            return EXIT_NO_PLATFORM
        from desk.ui.qt_imports import forget_read_sources

        forget_read_sources()  # PySide6's import hook would keep the source of every later module

        from desk.domain.errors import DeskError
        from desk.services.bootstrap import prepare_database
        from desk.services.config import check_terminal_server, load_config
        from desk.services.desk import build_services
        from desk.storage.engine import sqlite_url
        from desk.ui.i18n import install_language
        from desk.ui.settings import UiSettings

        if QApplication.instance() is None:
            problem = prepare_platform()
            if problem is not None:  # Qt would abort in QApplication() with a generic message
                print(problem_text(problem), file=sys.stderr)
                return EXIT_NO_PLATFORM
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setApplicationName("desk")
        app.setOrganizationName("Diakonie")
        app.setApplicationVersion(__version__)
        # the taskbar matches the window to its start-menu entry (packaging/deb.py) and takes its icon
        app.setDesktopFileName("desk-display" if args.display else "desk-kiosk" if args.kiosk else "desk")
        from desk.ui.app_icon import app_icon

        app.setWindowIcon(app_icon())  # every window, the connection dialog and message boxes too
        from desk.ui.crash import install_excepthook

        install_excepthook()
        logging.getLogger("desk").info("desk %s starting", __version__)
        ui_settings = UiSettings()
        install_language(args.language or ui_settings.language)
    # from here on only the GUI thread collects garbage cycles, in every kind of window (desk.ui.garbage:
    # a collection on a pool thread would destroy Qt objects there)
    from desk.ui.garbage import collect_on_gui_thread

    collect_on_gui_thread(app)

    demo_dir = None
    try:
        config = load_config(database_url=args.database_url, screen=args.screen)
        if args.demo:
            demo_dir = tempfile.TemporaryDirectory(prefix="desk-demo-")
            url = sqlite_url(Path(demo_dir.name) / "demo.sqlite")
        else:
            check_terminal_server(config)
            url = config.database_url
    except DeskError as error:
        return _start_failed(error)
    while True:
        try:
            # a current database: the display neither upgrades nor seeds
            db = prepare_database(url, read_only=args.display or args.kiosk)
            services = build_services(db)
            if args.demo:
                from desk.tools.demo import fill_demo_centre

                fill_demo_centre(services)
            break
        except DeskError as error:
            if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or args.demo:
                return _start_failed(error)
            logging.getLogger("desk").error("start failed: %s", redact(error.message()))
            from desk.ui.connection import ConnectionDialog

            dialog = ConnectionDialog(url, error, verify=_verify_head_login)
            if dialog.exec() != ConnectionDialog.DialogCode.Accepted:
                return 2
            url = dialog.address

    from desk.ui.context import finish_background_work

    if args.measure_startup:
        from desk.tools.bench_probe import measure_startup

        try:
            return measure_startup(app, services, ui_settings)
        finally:
            finish_background_work()
            services.close()

    from desk.ui.shell import start_ui

    if args.smoke_test:
        from desk.tools.bench_probe import report_shown_texts

        report_shown_texts(app)
    demo_accounts = []
    if args.demo:
        from desk.tools.demo import demo_accounts as plan
        from desk.ui.login import DemoAccount

        demo_accounts = [DemoAccount(*account) for account in plan()]
    try:
        return start_ui(app, services, ui_settings, display=args.display, kiosk=args.kiosk,
                        screen=config.get("display.screen"),
                        full_screen=config.get("display.full_screen"), demo_accounts=demo_accounts)
    finally:
        finish_background_work()
        services.close()
        if demo_dir is not None:
            demo_dir.cleanup()


@contextmanager
def _imports_without_gc() -> Iterator[None]:
    """The imports of a start make ~115,000 objects that live as long as the process and ~500 that
    are garbage (~0.1 MB, the scaffolding of class definitions), yet they set off ~190 collections,
    a full one among them, 50-70 ms of CPU before the first frame. So: no collection meanwhile,
    then `gc.freeze()` moves all of it out of every later pass (without it, the first
    collections after would walk the lot as young objects), the garbage included. Collection is
    on again afterwards, whatever happened inside."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _start_failed(error) -> int:
    """No window to ask in (offscreen, the demo) or nothing to retry: say it and stop."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from desk.services.logs import redact
    from desk.ui.context import error_text

    logging.getLogger("desk").error("start failed: %s", redact(error.message()))
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        box = QMessageBox(QMessageBox.Icon.Critical, "desk", error_text(error))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
    print(error_text(error), file=sys.stderr)
    return 2


def _verify_head_login(url: str, username: str, password: str) -> None:
    """The connection dialog's "Change address": the new database must open and the login there
    must be a head of department's."""
    from desk.domain.errors import PermissionDeniedError
    from desk.domain.model import Role
    from desk.services.bootstrap import prepare_database
    from desk.services.context import Actor
    from desk.services.desk import build_services

    services = build_services(prepare_database(url))
    try:
        actor = services.accounts.login(Actor.login_screen(), username, password)
        if actor.role != Role.HEAD:
            raise PermissionDeniedError("Only the head of department may change the address.")
    finally:
        services.close()


if __name__ == "__main__":
    raise SystemExit(main())
