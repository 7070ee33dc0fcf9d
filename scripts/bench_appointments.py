#!/usr/bin/env python3
"""Appointment figures: conflict-check latency and the booking race.

    python scripts/bench_appointments.py [--postgres URL] [--skip-sqlite] [--existing 1000] [--tries 100]
                                         [--processes 6] [--per-process 40]

1. Latency: a database with `--existing` appointments (10 counsellors, a year of working days);
   then `--tries` bookings by reception (working hours + absence + overlap check under the write
   lock), half of them refused with a conflict (which also computes the next free slot).
   Prints p50/p95/max of the whole `book()` call per outcome.
2. Race: `--processes` OS processes book the SAME overlapping 45-minute starts (every 15 min)
   for one counsellor at once; afterwards a SQL self-join counts overlapping pairs (must be 0).
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desk.domain.appointments import WorkingHourRow, local_moment  # noqa: E402
from desk.domain.errors import ConflictError  # noqa: E402
from desk.domain.model import Role  # noqa: E402
from desk.services.appointments import AppointmentRequest  # noqa: E402
from desk.services.bootstrap import prepare_database  # noqa: E402
from desk.services.context import Actor  # noqa: E402
from desk.services.desk import build_services  # noqa: E402
from desk.storage.engine import sqlite_url  # noqa: E402

NOW = datetime(2030, 1, 1, tzinfo=UTC)
FIRST = date(2030, 1, 7)  # a Monday
HEAD = Actor(staff_id=None, name="bench", role=Role.HEAD, workstation="bench")
RECEPTION = Actor(staff_id=None, name="bench", role=Role.RECEPTION, workstation="bench")


def fresh_postgres(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as c:
        c.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        c.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def setup(url: str, existing: int):
    services = build_services(prepare_database(url))
    with services.uow(write=True) as uow:
        staff = [uow.reference.add_staff(username=f"c{i}", display_name=f"Counsellor {i}", role=Role.COUNSELLOR,
                                         password_hash=None) for i in range(10)]
        uow.commit()
    hours = [WorkingHourRow(d, time(8), time(17)) for d in range(5)]
    for s in staff:
        services.appointments.set_working_hours(HEAD, s, hours)
    service_id = services.reference.services(HEAD)[0].id
    day, slot, made = FIRST, 0, 0
    while made < existing:
        if day.weekday() < 5:
            for s in staff:
                start = local_moment(day, time(8 + slot))
                services.appointments.book(HEAD, AppointmentRequest(None, service_id, s, start,
                                                                    start + timedelta(minutes=45)), now=NOW)
                made += 1
                if made >= existing:
                    break
        slot += 1
        if slot == 8:
            slot, day = 0, day + timedelta(days=1)
    return services, staff, service_id, day


def latency(services, staff, service_id, last_day, tries: int) -> dict[str, list[float]]:
    result: dict[str, list[float]] = {"booked": [], "refused": []}
    for i in range(tries):
        s = staff[i % len(staff)]
        if i % 2:  # refused: on top of an existing appointment in the filled period
            day = FIRST + timedelta(days=(i % 20))
            while day.weekday() >= 5:
                day += timedelta(days=1)
            start = local_moment(day, time(8, 15))
        else:  # booked: a free evening-of-working-day slot after the filled period
            day = last_day + timedelta(days=7 + i // 20)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            start = local_moment(day, time(8)) + timedelta(minutes=45 * ((i // 2) % 10))
        began = clock.perf_counter()
        try:
            services.appointments.book(RECEPTION, AppointmentRequest(None, service_id, s, start,
                                                                     start + timedelta(minutes=45)), now=NOW)
            result["booked"].append(clock.perf_counter() - began)
        except ConflictError:
            result["refused"].append(clock.perf_counter() - began)
    return result


def _race_worker(url, staff_id, service_id, starts, barrier, queue):
    services = build_services(prepare_database(url))
    barrier.wait()
    ok = refused = 0
    for text in starts:
        start = datetime.fromisoformat(text)
        try:
            services.appointments.book(HEAD, AppointmentRequest(None, service_id, staff_id, start,
                                                                start + timedelta(minutes=45)), now=NOW)
            ok += 1
        except ConflictError:
            refused += 1
    services.close()
    queue.put((ok, refused))


def race(url: str, staff_id: int, service_id: int, processes: int, per_process: int):
    ctx = multiprocessing.get_context("spawn")
    barrier, queue = ctx.Barrier(processes), ctx.Queue()
    base = local_moment(date(2031, 6, 2), time(0))
    starts = [(base + timedelta(minutes=15 * i)).isoformat() for i in range(per_process)]
    workers = [ctx.Process(target=_race_worker, args=(url, staff_id, service_id, starts[k:] + starts[:k], barrier, queue))
               for k in range(processes)]
    began = clock.perf_counter()
    for w in workers:
        w.start()
    outcomes = [queue.get(timeout=600) for _ in workers]
    for w in workers:
        w.join()
    return outcomes, clock.perf_counter() - began


def ms(values: list[float]) -> str:
    if not values:
        return "-"
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"p50 {statistics.median(values) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, max {values[-1] * 1000:.1f} ms (n={len(values)})"


def run(label: str, url: str, args) -> None:
    services, staff, service_id, last_day = setup(url, args.existing)
    figures = latency(services, staff, service_id, last_day, args.tries)
    print(f"[{label}] {args.existing} existing appointments; reception book():")
    print(f"  booked : {ms(figures['booked'])}")
    print(f"  refused: {ms(figures['refused'])} (includes the next-free-slot search)")
    outcomes, seconds = race(url, staff[0], service_id, args.processes, args.per_process)
    with services.uow() as uow:
        pairs = uow.appointments.overlapping_pairs()
    ok = sum(o for o, _ in outcomes)
    print(f"  race: {args.processes} processes x {args.per_process} overlapping bookings -> {ok} booked, "
          f"{sum(r for _, r in outcomes)} refused, overlapping pairs {pairs}, {seconds:.1f} s")
    services.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="PostgreSQL URL (its public schema is DROPPED)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--existing", type=int, default=1000)
    parser.add_argument("--tries", type=int, default=100)
    parser.add_argument("--processes", type=int, default=6)
    parser.add_argument("--per-process", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_sqlite:
            run("SQLite", sqlite_url(Path(tmp) / "bench.sqlite"), args)
    if args.postgres:
        fresh_postgres(args.postgres)
        run("PostgreSQL", args.postgres, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
