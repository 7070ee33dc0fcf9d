#!/usr/bin/env python3
"""Check-in commit latency: p50 / p95 / max of CheckInService.check_in (ticket upsert, visit,
audit event, change counter, commit) on SQLite and, with --database-url, on PostgreSQL.

    python scripts/bench_checkin.py                       # SQLite in a temporary folder
    python scripts/bench_checkin.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/desk_bench

The PostgreSQL database should be an empty scratch database: the script adds clients and visits.
Goal (issue 3): p95 <= 20 ms on SQLite, <= 40 ms on PostgreSQL.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desk.services.bootstrap import prepare_database
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.storage.engine import sqlite_url


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def bench(url: str, count: int, backup_dir: Path) -> dict[str, float]:
    services = build_services(prepare_database(url, backup_dir=backup_dir))
    actor = Actor(staff_id=None, name="bench", role=Actor.system().role, workstation="bench")
    try:
        service_ids = [s.id for s in services.reference.services(actor, active_only=True)]
        stamp = int(time.time())
        clients = [services.clients.create(actor, ClientInput(given_name=f"Bench{i}", family_name=f"Run{stamp}")).id
                   for i in range(count)]
        # a day of its own per run, so ticket numbers start at 1 and runs do not collide
        day = datetime(2030, 1, 1, 8, 0, tzinfo=UTC) + timedelta(days=stamp % 3000)
        timings = []
        for i, client_id in enumerate(clients):
            request = CheckInRequest(service_id=service_ids[i % len(service_ids)],
                                     client_id=client_id if i % 5 else None, party_size=1 + i % 3)
            started = time.perf_counter()
            services.checkin.check_in(actor, request, now=day + timedelta(seconds=i))
            timings.append((time.perf_counter() - started) * 1000)
        return {"n": count, "p50": statistics.median(timings), "p95": percentile(timings, 0.95), "max": max(timings)}
    finally:
        services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="also measure on this (PostgreSQL) database")
    parser.add_argument("-n", "--count", type=int, default=300, help="check-ins per engine (default 300)")
    parser.add_argument("--sqlite-dir", help="folder for the SQLite file (default: a temporary folder; "
                        "/dev/shm shows the cost without the disk's fsync)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="desk-bench-", dir=args.sqlite_dir) as folder:
        targets = [("SQLite", sqlite_url(Path(folder) / "bench.sqlite"))]
        if args.database_url:
            targets.append(("PostgreSQL" if args.database_url.startswith("postgresql") else "database",
                            args.database_url))
        print(f"check-in commit latency, {args.count} check-ins each (ms)")
        for name, url in targets:
            result = bench(url, args.count, Path(folder))
            print(f"{name:<11} p50 {result['p50']:6.2f}   p95 {result['p95']:6.2f}   max {result['max']:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
