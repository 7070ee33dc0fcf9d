#!/usr/bin/env python3
"""The search-per-keystroke figure of `desk-admin bench` alone (the same code: desk.tools.bench),
with its floor, on an existing bench database; for comparing two versions of the code quickly
(run it with PYTHONPATH pointing at the other version's checkout).

Usage: python scripts/bench_keystroke.py --database-url sqlite:////tmp/b200.sqlite [--runs 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from desk.services.bootstrap import prepare_database
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.tools import bench, benchsql


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database-url", required=True)
    ap.add_argument("--runs", type=int, default=300)
    a = ap.parse_args()
    services = build_services(prepare_database(a.database_url))
    floor = benchsql.RawFloor(services.db)
    load = os.getloadavg()[0]
    cpu: list[float] = []
    search = services.clients.search

    def timed_search(*args, **kwargs):  # CPU time of the calling thread: not inflated by the load
        started = time.thread_time()
        try:
            return search(*args, **kwargs)
        finally:
            cpu.append((time.thread_time() - started) * 1000)

    services.clients.search = timed_search
    try:
        figure = bench._search(services, Actor.system("bench"), floor, a.runs)  # noqa: SLF001
    finally:
        floor.close()
        services.close()
    samples = sorted(figure.samples)
    floors = sorted(figure.floor)

    def pct(xs: list[float], p: float) -> float:
        return xs[min(len(xs) - 1, int(len(xs) * p))]

    print(f"search per keystroke, {len(samples)} keystrokes: p50 {pct(samples, .5):.2f} ms, p95 {pct(samples, .95):.2f} ms, "
          f"max {samples[-1]:.2f} ms; floor p50 {statistics.median(floors):.2f} ms; ratio p50 "
          f"{pct(samples, .5) / statistics.median(floors):.1f}x; load {load:.1f} -> {os.getloadavg()[0]:.1f}")
    cpu = sorted(cpu[11:])  # as the figure: without the index build and the 10 warm-up keystrokes
    print(f"CPU time of the keystroke (thread time): p50 {pct(cpu, .5):.2f} ms, p95 {pct(cpu, .95):.2f} ms, "
          f"max {cpu[-1]:.2f} ms")
    print(figure.note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
