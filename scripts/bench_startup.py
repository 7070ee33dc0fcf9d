"""Cold start and memory of the main window, measured apart from `desk-admin bench` (issue 21).

    python scripts/bench_startup.py cold --database-url URL [--runs 10] [--before DIR]
        launch → the main window's first frame (`desk --measure-startup`), the CPU time until then
        and the resident memory at that moment; with --before DIR (a checkout's folder holding
        desk/, e.g. `git archive main desk | tar -x -C DIR`) that code runs alternately with this
        one, so both see the same load. Also the floor: an interpreter that imports SQLAlchemy's
        ORM and PySide6 and draws one empty window with a table.
    python scripts/bench_startup.py memory --database-url URL
        resident memory after each step of a start and after opening each view (one window,
        the name index included), as the bench's memory probe does.

Both start from compiled bytecode after one unmeasured start (PYTHONDONTWRITEBYTECODE is dropped).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

# a start of desk (or of the floor) whose JSON line names the moment of its first frame and its CPU
# time until then; the old code prints no cpu_s, so resident_mb (called right after) is wrapped
_DESK = (
    "import sys, time, json, desk.tools.bench_probe as b; o = b.resident_mb; "
    "b.resident_mb = lambda: (print(json.dumps({'cpu_at_print': time.process_time()})), o())[1]; "
    "from desk.app import main; raise SystemExit(main(['--measure-startup', '--database-url', sys.argv[1]]))"
)
_FLOOR = """
import json, sys, time
import sqlalchemy.orm  # the same libraries: SQLAlchemy's ORM and Qt's widgets
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])

class Window(QMainWindow):
    drawn = None

    def event(self, event):
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self.drawn is None:
            self.drawn = time.time()
        return handled

window = Window()
window.setCentralWidget(QTableView())
window.resize(1280, 800)
window.show()
while window.drawn is None:
    app.processEvents()
print(json.dumps({"shown": True, "shown_at": window.drawn, "cpu_at_print": time.process_time()}))
"""


_SETTINGS = tempfile.TemporaryDirectory(prefix="desk-bench-startup-")


def _env(path: str | None) -> dict[str, str]:
    # XDG_CONFIG_HOME: no window settings, so an older desk (which reads the user's) also starts on
    # the default first view, as --measure-startup does now
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=_SETTINGS.name)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if path:
        env["PYTHONPATH"] = path
    return env


def _start(code: str, url: str, path: str | None) -> dict[str, float]:
    launched = time.time()
    result = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True, env=_env(path),
                            cwd="/", timeout=300)  # no desk/ in the working folder: the one installed or --before
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    shown = next((d for d in lines if d.get("shown")), None)
    cpu = next((d["cpu_at_print"] for d in lines if "cpu_at_print" in d), None)
    if result.returncode != 0 or shown is None or cpu is None:
        raise SystemExit(f"a start failed: {result.stderr.strip()[-500:]}")
    return {"wall": shown["shown_at"] - launched, "cpu": cpu, "rss": shown.get("rss_mb", float("nan"))}


def cold(url: str, runs: int, before: str | None) -> None:
    variants: list[tuple[str, str, str | None]] = [("this code", _DESK, None), ("floor", _FLOOR, None)]
    if before:
        variants.insert(0, ("before", _DESK, before))
    samples: dict[str, list[dict[str, float]]] = {label: [] for label, _code, _path in variants}
    load = os.getloadavg()[0]
    for run in range(runs + 1):
        for label, code, path in variants:
            sample = _start(code, url, path)
            if run:  # the first start writes the bytecode and warms the file cache
                samples[label].append(sample)
    print(f"{url.split('://')[0]}, {runs} starts each, load {load:.1f} -> {os.getloadavg()[0]:.1f}")
    for label, rows in samples.items():
        walls = sorted(r["wall"] for r in rows)
        p95 = walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))]
        print(f"  {label:10} launch → first frame p50 {statistics.median(walls):.2f} s, p95 {p95:.2f} s, "
              f"min {walls[0]:.2f} s; CPU until then p50 {statistics.median(r['cpu'] for r in rows):.2f} s; "
              f"resident then {statistics.median(r['rss'] for r in rows):.0f} MB")


def memory(url: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import desk.services.bootstrap  # noqa: F401 - the order of desk.app
    import desk.services.desk  # noqa: F401
    from desk.tools.bench import resident_mb

    steps: list[tuple[str, float]] = [("interpreter, storage side", resident_mb())]
    from PySide6.QtWidgets import QApplication

    from desk.ui.qt_imports import forget_read_sources

    forget_read_sources()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    steps.append(("Qt application", resident_mb()))
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services
    from desk.tools.bench_probe import _context, fresh_settings
    from desk.ui.main_window import MainWindow
    from desk.ui.views.registry import VIEWS

    services = build_services(prepare_database(url))
    ctx = _context(services, fresh_settings())
    steps.append(("services", resident_mb()))
    window = MainWindow(ctx, live_updates=False)
    window.show()
    while window.first_frame_at is None:
        app.processEvents()
    steps.append((f"first frame ({VIEWS[0].key})", resident_mb()))

    def settle() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            app.processEvents()
            if ctx.pool.activeThreadCount() == 0:
                break
            time.sleep(0.01)
        app.processEvents()

    settle()
    steps.append((f"{VIEWS[0].key} loaded, name index", resident_mb()))
    for spec in VIEWS[1:]:
        window.show_view(spec.key)
        settle()
        steps.append((spec.key, resident_mb()))
    previous = steps[0][1]
    for label, rss in steps:
        print(f"  {label:32} {rss:7.1f} MB  {rss - previous:+6.1f}")
        previous = rss
    window.close()
    services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["cold", "memory"])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--before", help="a folder holding an older desk/ to compare with (cold)")
    args = parser.parse_args(argv)
    if args.what == "cold":
        cold(args.database_url, args.runs, args.before)
    else:
        memory(args.database_url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
