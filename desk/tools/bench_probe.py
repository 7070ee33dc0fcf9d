"""The Qt side of `desk-admin bench`, run in a child process (the admin tool never imports Qt).

    desk --measure-startup --database-url URL
        shows the main window (no login: a system head actor), prints one JSON line, quits.
    desk-admin _bench-probe --database-url URL [--runs N]
        waiting-list model refresh (300 rows), room week model/view data, resident memory after
        every view was opened once; prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def resident_mb() -> float:
    """Resident memory of this process now (desk.tools.bench.resident_mb, imported when asked:
    `desk --measure-startup` must not pay for the bench module)."""
    from desk.tools.bench import resident_mb as measure

    return measure()


def _context(services, settings):
    from desk.services.context import Actor
    from desk.ui.context import UiContext
    from desk.ui.events import AppEvents

    return UiContext(services=services, actor=Actor.system("bench"), events=AppEvents(), settings=settings)


def fresh_settings():
    """Window settings of a first start, in a file of their own: the bench starts on the default
    first view (reception), whatever view the last run left open, and leaves the user's own
    settings (QSettings "Diakonie/desk") alone."""
    import tempfile

    from PySide6.QtCore import QSettings

    from desk.ui.settings import UiSettings

    folder = tempfile.TemporaryDirectory(prefix="desk-bench-settings-")
    _kept.append(folder)  # removed when the process ends
    return UiSettings(QSettings(os.path.join(folder.name, "desk.ini"), QSettings.Format.IniFormat))


_kept: list[object] = []


def measure_startup(app, services, settings) -> int:
    """Called by desk.app for --measure-startup: main window shown, then quit. `settings` (the
    user's) are not used: a first start's (fresh_settings)."""
    from desk.ui.main_window import MainWindow

    window = MainWindow(_context(services, fresh_settings()))
    window.show()
    deadline = time.monotonic() + 10
    while window.first_frame_at is None and time.monotonic() < deadline:
        app.processEvents()
    # wall-clock moment the window's first frame was drawn: the parent subtracts its launch moment,
    # so the figure ends there and does not include what the window defers until after it (the
    # name index, the font check), nor shutting down (workers, interpreter teardown). cpu_s: this
    # process's CPU time until now (all threads), which the load of the machine hardly changes
    shown_at = window.first_frame_at or time.time()
    print(json.dumps({"shown": True, "shown_at": shown_at, "cpu_s": round(time.process_time(), 3),
                      "gui_thread_cpu_s": round(time.thread_time(), 3),
                      "rss_mb": round(resident_mb(), 1)}), flush=True)
    window.close()
    app.processEvents()
    return 0


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    if not ordered:
        return {}

    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    return {"p50": pick(0.5), "p95": pick(0.95), "max": ordered[-1], "n": len(ordered)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="desk-admin _bench-probe")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args(argv)

    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    from PySide6.QtWidgets import QApplication  # isort: skip - the storage stack first, as desk.app

    from desk.ui.qt_imports import forget_read_sources

    forget_read_sources()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desk.ui.garbage import collect_on_gui_thread

    collect_on_gui_thread(app)  # memory as in a window: cycles collected by the GUI thread's timer
    services = build_services(prepare_database(args.database_url))
    ctx = _context(services, fresh_settings())
    result: dict[str, object] = {}
    try:
        result["waitlist_model"] = _waitlist_model(ctx, args.runs)
        result["memory"] = _all_views(app, ctx)
        # the figures first: a view under construction that crashes on exit must not lose them
        print(json.dumps(result), flush=True)
        ctx.pool.waitForDone(10_000)
    finally:
        services.close()
    return 0


def _waitlist_model(ctx, runs: int) -> dict[str, object]:
    try:
        from desk.ui.views.warteliste.model import WaitingListModel
    except ImportError:
        return {"available": False}
    from desk.domain.model import VisitStatus

    now = datetime.now(UTC)
    rows = ctx.services.waitlist.waiting_list(ctx.actor, now=now)
    model = WaitingListModel()
    samples_full: list[float] = []
    samples_refresh: list[float] = []
    for run in range(runs + 5):
        model.apply([], now)
        started = time.perf_counter()
        model.apply(rows, now)
        full = time.perf_counter() - started
        # a live refresh: one called, one gone, one new at the end, the clock moved on
        changed = list(rows)
        if len(changed) >= 3:
            changed[0] = changed[0]._replace(status=VisitStatus.CALLED, call_count=1)
            gone = changed.pop(1)
            changed.append(gone._replace(id=-1 - run))
        started = time.perf_counter()
        model.apply(changed, now + timedelta(seconds=run))
        refresh = time.perf_counter() - started
        if run >= 5:
            samples_full.append(full * 1000)
            samples_refresh.append(refresh * 1000)
    return {"available": True, "rows": len(rows), "full_ms": _percentiles(samples_full),
            "refresh_ms": _percentiles(samples_refresh)}


def _all_views(app, ctx) -> dict[str, object]:
    from desk.ui.main_window import MainWindow
    from desk.ui.views.registry import VIEWS

    before = resident_mb()
    window = MainWindow(ctx, live_updates=False)
    window.show()
    app.processEvents()
    opened, failed = [], []
    for spec in VIEWS:
        try:
            window.show_view(spec.key)
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:  # let workers report back
                app.processEvents()
                if ctx.pool.activeThreadCount() == 0:
                    break
                time.sleep(0.01)
            opened.append(spec.key)
        except Exception as error:  # noqa: BLE001 - a view under construction must not stop the bench
            failed.append(f"{spec.key}: {type(error).__name__}")
    app.processEvents()
    after = resident_mb()
    window.close()
    return {"rss_mb": round(after, 1), "rss_before_window_mb": round(before, 1), "views": opened,
            "failed": failed}



def report_shown_texts(app, delay_ms: int = 500) -> None:
    """`desk --smoke-test`: when a window is shown, print {"shown": [titles and texts], "icon_sizes":
    [the pixel sizes of each window's icon]} and quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel

    def visible_windows() -> list:
        return [w for w in app.topLevelWidgets() if w.isVisible() and w.windowTitle()]

    def report() -> None:
        windows = visible_windows()
        if not windows:
            QTimer.singleShot(delay_ms, report)
            return
        texts = []
        for window in windows:
            texts.append(window.windowTitle())
            texts += [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
                      if w.isVisible() and w.text()]
        icons = sorted({s.width() for window in windows for s in window.windowIcon().availableSizes()})
        print(json.dumps({"shown": texts, "icon_sizes": icons}, ensure_ascii=False), flush=True)
        for window in windows:
            if isinstance(window, QDialog):
                window.reject()
            else:
                window.close()
        app.quit()

    QTimer.singleShot(delay_ms, report)
