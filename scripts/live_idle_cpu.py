#!/usr/bin/env python3
"""CPU a window's live-update thread costs while nothing changes (issue 21).

Starts the real LiveUpdates thread (desk/ui/live.py) on a fresh SQLite database in a Qt event loop,
lets it settle, then measures the process's CPU time (user + system, getrusage) over --seconds
while no one writes; prints it with the machine's load (compare figures only at a similar load).

    QT_QPA_PLATFORM=offscreen python scripts/live_idle_cpu.py [--seconds 60] [--quiet-for 300] [--window]

--window measures a whole main window (head of the centre, first view) instead of the thread alone.

--quiet-for S pretends the last change was S seconds ago, to measure the slower idle pace too.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--quiet-for", type=float, default=0.0, help="start as if the last change was this long ago")
    parser.add_argument("--window", action="store_true", help="a whole main window, not the thread alone")
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services
    from desk.storage.engine import sqlite_url
    from desk.ui.live import LiveUpdates

    if args.quiet_for:
        from desk.services import changes

        real = changes.PollPace.__init__

        def earlier(self, clock=time.monotonic):
            real(self, clock)
            self._last_change = clock() - args.quiet_for

        changes.PollPace.__init__ = earlier

    app = QApplication(sys.argv)
    temporary = tempfile.TemporaryDirectory(prefix="desk-idle-")
    folder = Path(temporary.name)
    services = build_services(prepare_database(sqlite_url(folder / "idle.sqlite"), backup_dir=folder / "backups"))
    if args.window:
        from desk.services.context import Actor
        from desk.ui.context import UiContext
        from desk.ui.events import AppEvents
        from desk.ui.main_window import MainWindow
        from desk.ui.settings import UiSettings

        ctx = UiContext(services=services, actor=Actor.system("idle"), events=AppEvents(), settings=UiSettings())
        window = MainWindow(ctx)
        window.show()
        live = window.live
    else:
        live = LiveUpdates(services)
        live.start()
    marks: dict[str, float] = {}

    def begin() -> None:
        marks["cpu"], marks["wall"] = cpu_s(), time.monotonic()
        QTimer.singleShot(int(args.seconds * 1000), app.quit)

    QTimer.singleShot(5000, begin)  # the baseline poll, Qt's start-up, the name index are not idle time
    app.exec()
    cpu, wall = cpu_s() - marks["cpu"], time.monotonic() - marks["wall"]
    live.stop()
    if args.window:
        window.close()
        ctx.pool.waitForDone(10_000)
    services.close()
    temporary.cleanup()
    load = os.getloadavg()
    print(f"idle {wall:.1f} s: CPU {cpu * 1000:.0f} ms = {cpu / wall * 1000:.2f} ms/s "
          f"({cpu / wall * 100:.2f} % of one core); load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
