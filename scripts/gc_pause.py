#!/usr/bin/env python3
"""What one full garbage collection costs in a desk window, with and without gc.freeze() (issue 23).

    QT_QPA_PLATFORM=offscreen python scripts/gc_pause.py [--database-url URL] [--role leitung] [--runs 30]

Builds a main window as the program does (its name index is built in a worker, which asks the GUI
thread's collector to freeze it once: desk/services/clients.py, desk/ui/garbage.py), opens every view the role may see and lets their
loads report back, then times `gc.collect()` (a full pass over generations 0-2; CPU time of this
thread and wall time, median and max of --runs) in three states of the same heap:

- as the program runs today: what existed when the name index was built is frozen;
- everything unfrozen (gc.unfreeze()): what the index's freeze saves each full pass;
- frozen again after every view was opened (gc.freeze() "after start-up").

It prints the objects each pass walks (gc.get_objects()) and the frozen count, and what a young
collection (generations 0-1, most automatic passes) costs as today. Without
--database-url a demo centre (300 clients) in a temporary SQLite file is used; a copy of the bench
database shows the 50,000-client name index. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import soak  # noqa: E402 - scripts/soak.py: the same window set-up

from desk.services import memory  # noqa: E402


def timed_collections(runs: int, generation: int = 2) -> dict[str, float]:
    cpu, wall = [], []
    for _ in range(runs):
        started_cpu, started = time.thread_time(), time.perf_counter()
        gc.collect(generation)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return {"objects": len(gc.get_objects()), "frozen": gc.get_freeze_count(),
            "cpu_ms": statistics.median(cpu), "cpu_max_ms": max(cpu), "wall_ms": statistics.median(wall)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--role", default="leitung", help="whose window (its views are opened)")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-gc-", ignore_cleanup_errors=True) as tmp:
        url = args.database_url or soak.prepare(None, Path(tmp))
        soak.qt_application()
        window, services, store = soak.main_window(url, args.role, "empfang", Path(tmp) / "gc.ini")
        ctx = window.ctx
        soak.wait_until(lambda: not ctx.workers_running, 120)  # the name index first
        soak.wait_until(lambda: not memory.freeze_pending(), 10)  # its freeze, by the GUI thread's collector
        for key in [s.key for s in window._specs]:
            window.show_view(key)
            soak.pump(0.2)
            soak.wait_until(lambda: not ctx.workers_running, 30)
        soak.pump(0.5)
        if window.live is not None:
            window.live.stop()  # nothing may allocate meanwhile
        young = timed_collections(args.runs, 1)  # generations 0 and 1: what most automatic passes are
        states = {"as today (frozen when the name index was built)": timed_collections(args.runs)}
        gc.unfreeze()
        states["nothing frozen"] = timed_collections(args.runs)
        gc.freeze()
        states["frozen after every view was opened"] = timed_collections(args.runs)
        engine = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        print(f"{engine}, window of {args.role}, {len(window._views)} views opened; gc.collect() x {args.runs}")
        print(f"{'state':52} {'objects':>9} {'frozen':>9} {'CPU ms p50':>10} {'CPU max':>8} {'wall p50':>8}")
        for name, s in states.items():
            print(f"{name:52} {s['objects']:9d} {s['frozen']:9d} {s['cpu_ms']:10.2f} {s['cpu_max_ms']:8.2f} "
                  f"{s['wall_ms']:8.2f}")
        print(f"a young collection (generations 0-1) as today: CPU p50 {young['cpu_ms']:.2f} ms, max "
              f"{young['cpu_max_ms']:.2f} ms")
        window.close()
        soak.pump(0.1)
        store.sync()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
