#!/usr/bin/env python3
"""The check-in figure of `desk-admin bench` alone, with its floor and CPU time (issue 21).

    python scripts/bench_checkin_figure.py sqlite+pysqlite:////tmp/copy/bench10.sqlite
    python scripts/bench_checkin_figure.py postgresql+psycopg://postgres@127.0.0.1:5432/copy_of_bench10 --runs 100

Runs desk.tools.bench's own check-in figure (known clients without an open visit, 5 warm-ups,
each check-in followed by the raw floor: UPDATE change_counter + COMMIT) and prints p50 / p95,
the floor and their ratio as the bench does, plus the median CPU (thread time) of the check-in
call and of the floor, which the load on a shared machine inflates far less than wall time. It
checks people in: use a copy of a bench database. Before/after: run it with the older code first
on PYTHONPATH (e.g. `git archive <commit> desk | tar -x -C /tmp/old`, PYTHONPATH=/tmp/old).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from desk.services.bootstrap import prepare_database
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.tools import bench, benchsql


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("database_url")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="desk-checkin-") as folder:
        services = build_services(prepare_database(args.database_url, backup_dir=Path(folder)))
        floor = benchsql.RawFloor(services.db)
        cpu: list[float] = []
        floor_cpu: list[float] = []
        check_in, commit_floor = services.checkin.check_in, floor.commit_floor

        def timed_check_in(*arguments, **keywords):  # noqa: ANN002, ANN003, ANN202
            started = time.thread_time()
            try:
                return check_in(*arguments, **keywords)
            finally:
                cpu.append((time.thread_time() - started) * 1000)

        def timed_floor() -> float:
            started = time.thread_time()
            try:
                return commit_floor()
            finally:
                floor_cpu.append((time.thread_time() - started) * 1000)

        services.checkin.check_in = timed_check_in
        floor.commit_floor = timed_floor
        try:
            figure = bench._check_in(services, Actor.system("bench"), floor, args.runs, datetime.now(UTC))  # noqa: SLF001
        finally:
            floor.close()
            services.close()
    summary = figure.summary()
    print(json.dumps({key: summary[key] for key in ("p50", "p95", "max", "floor_p50", "floor_p95", "ratio_p50")}))
    print(f"CPU (thread time) median: check-in {statistics.median(cpu[5:]):.2f} ms, "
          f"floor {statistics.median(floor_cpu):.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
