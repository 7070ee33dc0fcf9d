"""How many reloads one check-in causes across three open windows (issue 17, docs/PERFORMANCE.md).

Three main windows, each with its own services (engine) and its own live-update thread, as on
three PCs, on one database: a reception window on Empfang, a counsellor's on the waiting list, the
head's on the room calendar; each has opened every view once before (so all six are built). The
script checks in a client through the first window's Empfang view, waits until nothing moves any
more, and counts every service call the three windows made meanwhile (each call is one query or
one cached lookup a view's reload asked for), by method. It uses only APIs that older versions
have too, so the same script measures before and after:

    QT_QPA_PLATFORM=offscreen python scripts/reloads_per_checkin.py [--database URL] [--rounds 5]
    # an older checkout: PYTHONPATH=/path/to/old/tree python scripts/reloads_per_checkin.py

Without --database a fresh SQLite file in a temporary folder is used; a PostgreSQL URL must name
an empty database (the script seeds it). It waits fixed times: it is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import functools
import os
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SETTLE_S = 2.5  # > 10 polls of the live-update thread (200 ms) and the views' throttles
WATCHED = ("waitlist", "checkin", "appointments", "bookings", "reference", "accounts", "clients", "reminders",
           "setup", "audit_log", "privacy", "backup", "reports")


def _count_calls(counter: Counter, lock: threading.Lock) -> None:
    """Wrap every public method of the service classes: each call counts as `area.method`."""
    import importlib
    import inspect

    for area in WATCHED:
        try:
            module = importlib.import_module(f"desk.services.{area}")
        except ModuleNotFoundError:
            continue
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module.__name__ or not cls.__name__.endswith("Service"):
                continue
            for attr, function in list(vars(cls).items()):
                if attr.startswith("_") or not callable(function) or attr == "check_in":
                    continue

                def wrapped(*args, __f=function, __key=f"{area}.{attr}", **kwargs):
                    with lock:
                        counter[__key] += 1
                    return __f(*args, **kwargs)

                setattr(cls, attr, functools.wraps(function)(wrapped))


def _pump(app, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--rounds", type=int, default=5, help="check-ins to average over")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desk.domain.model import Role
    from desk.services.bootstrap import prepare_database
    from desk.services.checkin import CheckInRequest
    from desk.services.context import Actor
    from desk.services.desk import build_services
    from desk.storage.engine import sqlite_url
    from desk.ui.context import UiContext
    from desk.ui.events import AppEvents
    from desk.ui.i18n import install_language
    from desk.ui.main_window import MainWindow
    from desk.ui.settings import UiSettings
    from desk.ui.views.registry import VIEWS

    app = QApplication.instance() or QApplication([])
    install_language("en")
    folder = Path(tempfile.mkdtemp(prefix="desk-reloads-"))
    url = args.database or sqlite_url(folder / "desk.sqlite")
    windows, services_list = [], []
    # (actor, the view on show): reception at the desk, a counsellor's waiting list, the head's room calendar
    desks = ((Role.HEAD, "empfang"), (Role.HEAD, "warteliste"), (Role.HEAD, "raumkalender"))
    for number, (role, current) in enumerate(desks):
        services = build_services(prepare_database(url, backup_dir=folder / "backups"))
        services_list.append(services)
        settings = UiSettings(QSettings(str(folder / f"ui-{number}.ini"), QSettings.Format.IniFormat))
        actor = Actor(staff_id=None, name=f"PC {number + 1}", role=role, workstation=f"pc{number + 1}")
        ctx = UiContext(services=services, actor=actor, events=AppEvents(), settings=settings)
        window = MainWindow(ctx, live_updates=True)
        window.resize(1366, 768)
        window.show()
        for spec in VIEWS:  # every view opened once today
            window.show_view(spec.key)
            _pump(app, 0.3)
        window.show_view(current)
        windows.append(window)
    _pump(app, SETTLE_S)

    counter: Counter = Counter()
    _count_calls(counter, threading.Lock())
    reception = windows[0].view("empfang")
    service_id = services_list[0].reference.services(windows[0].ctx.actor)[0].id
    _pump(app, SETTLE_S)
    counter.clear()
    per_round = []
    for _ in range(args.rounds):
        before = sum(counter.values())
        reception._perform_check_in(CheckInRequest(service_id=service_id), "")
        _pump(app, SETTLE_S)
        per_round.append(sum(counter.values()) - before)
    engine = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    print(f"{engine}, 3 windows, {args.rounds} check-ins: service calls per check-in "
          f"{sum(per_round) / len(per_round):.1f} (rounds: {per_round})")
    for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {key:<40} {count / args.rounds:6.1f}")
    # what the hidden views owe: each window shows every view once more (a person switching views)
    counter.clear()
    for window in windows:
        for spec in VIEWS:
            window.show_view(spec.key)
            _pump(app, 0.4)
    print(f"then every view of the three windows shown once: {sum(counter.values())} service calls "
          f"(after all {args.rounds} check-ins)")
    for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {key:<40} {count:6d}")
    for window in windows:
        window.close()
    for services in services_list:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
