#!/usr/bin/env python3
"""The reliability runs of issue 10, printing the figures that docs/RELIABILITY.md quotes.

    DESK_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/desk_reliability \\
        .venv/bin/python scripts/reliability.py --full      # ~10 min on 2 cores

--quick runs the CI sizes. PostgreSQL parts need DESK_TEST_POSTGRES_URL (a database of its own:
its public schema is dropped); --full also RESTARTS the local PostgreSQL server once
(pg_ctlcluster, root), so run it when nobody else is testing against that server.
Exit code 1 when any property fails.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "integration")]

from reliability import harness  # noqa: E402

from desk.services.bootstrap import prepare_database  # noqa: E402
from desk.services.desk import build_services  # noqa: E402
from desk.storage.engine import sqlite_url  # noqa: E402

FAILURES: list[str] = []


def check(name: str, ok: bool, figures: str) -> None:
    print(f"[{'ok' if ok else 'FAIL'}] {name}: {figures}", flush=True)
    if not ok:
        FAILURES.append(name)


def fresh(engine: str, folder: Path) -> str:
    if engine == "sqlite":
        path = folder / f"desk-{time.monotonic_ns()}.sqlite"
        url = sqlite_url(path)
    else:
        import sqlalchemy as sa

        url = os.environ["DESK_TEST_POSTGRES_URL"]
        eng = sa.create_engine(url)
        with eng.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
        eng.dispose()
    prepare_database(url, backup_dir=folder / "backups").dispose()
    return url


def writers(engine: str, folder: Path, processes: int, per: int) -> None:
    url = fresh(engine, folder)
    out = harness.run_concurrent_writers(url, processes, per)
    ok = (not out.crashes and not out.errors and out.acked == out.visits_in_db == processes * per
          and not out.missing_acked and not out.duplicate_tickets)
    check(f"1 concurrent writers ({engine})", ok, out.figures())


def negative_control(folder: Path, processes: int, per: int) -> None:
    url = fresh("sqlite", folder)
    out = harness.run_concurrent_writers(url, processes, per, deferred=True, busy_timeout_ms=50)
    check("1 negative control: deferred BEGIN, 50 ms busy timeout (must produce 'locked')",
          bool(out.locked_errors), out.figures())


def call_next_race(engine: str, folder: Path, count: int) -> None:
    from waitlist_race import race

    url = fresh(engine, folder)
    services = build_services(prepare_database(url, backup_dir=folder / "backups"))
    began = time.perf_counter()
    try:
        ids, per_process, errors = race(url, services, count, processes=6)
    finally:
        services.close()
    called = [v for got in per_process.values() for v in got]
    ok = not errors and len(called) == len(set(called)) and sorted(called) == sorted(ids)
    spread = sorted(len(g) for g in per_process.values())
    check(f"2 call-next race ({engine})", ok,
          f"6 processes, {len(ids)} waiting: {len(called)} calls, {len(called) - len(set(called))} double, "
          f"{len(set(ids) - set(called))} never called, {len(errors)} errors; calls per process {spread}; "
          f"{time.perf_counter() - began:.1f} s")


def booking_race(engine: str, folder: Path, attempts: int) -> None:
    from booking_race import run_race

    url = fresh(engine, folder)
    f = run_race(url, processes=6, attempts=attempts)
    ok = (f["overlaps"] == 0 and f["errors"] == 0 and f["stored"] == f["booked"]
          and f["booked"] + f["conflicts"] == f["attempts"])
    check(f"2 room booking race ({engine})", ok,
          f"6 processes, {f['attempts']} attempts: {f['booked']} booked, {f['conflicts']} refused as clashes, "
          f"{f['errors']} other errors, {f['overlaps']} overlaps (SQL self-join); p50 {f['p50_ms']:.1f} ms, "
          f"p95 {f['p95_ms']:.1f} ms; {f['seconds']:.1f} s")


def card_race(engine: str, folder: Path) -> None:
    from desk.services.clients import ClientInput

    url = fresh(engine, folder)
    services = build_services(prepare_database(url, backup_dir=folder / "backups"))
    client = services.clients.create(harness.actor(), ClientInput(given_name="Yonas", family_name="Tesfaye"))
    services.close()
    outcomes = harness.run_card_race(url, client.id, 6)
    saved = [o for o in outcomes if o[1] == "saved"]
    stale = [o for o in outcomes if o[1] == "StaleError" and "changed by someone else" in o[2]]
    check(f"2 lost update on a client card ({engine})", len(saved) == 1 and len(stale) == 5,
          f"6 processes save the same loaded version: {len(saved)} saved, {len(stale)} refused "
          f"('changed by someone else'), {6 - len(saved) - len(stale)} other")


def kills(folder: Path, rounds: int) -> None:
    path = folder / "crash.sqlite"
    url = sqlite_url(path)
    prepare_database(url, backup_dir=folder / "backups").dispose()
    ctx = harness.crash_context()
    rnd = random.Random(20240610)
    began = time.perf_counter()
    results = [harness.kill_round(url, path, ctx, rnd) for _ in range(rounds)]
    bad = [r for r in results if r.integrity != "ok" or not r.last_present or r.orphans or r.exit_code != -9]
    check("3 SIGKILL at random moments (SQLite)", not bad and all(r.acked for r in results),
          f"{rounds} kills, {sum(r.acked for r in results)} acknowledged check-ins; integrity ok "
          f"{sum(r.integrity == 'ok' for r in results)}/{rounds}, last acknowledged present "
          f"{sum(r.last_present for r in results)}/{rounds}, half-written {sum(r.orphans for r in results)}; "
          f"{time.perf_counter() - began:.0f} s")


def pg_restart(folder: Path) -> None:
    url = fresh("postgres", folder)
    out = harness.run_pg_restart(url)
    ok = (not out.crashes and not out.missing and all(out.first_after_restart_ok)
          and out.in_process_next_action == "ok")
    check("3 PostgreSQL restart under load", ok, out.figures())


def pytest_part(label: str, paths: list[str], env_extra: dict[str, str]) -> None:
    env = {**os.environ, **env_extra, "QT_QPA_PLATFORM": "offscreen"}
    began = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    check(label, result.returncode == 0, f"{summary} ({time.perf_counter() - began:.0f} s)")
    if result.returncode != 0:
        print("\n".join(line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--full", action="store_true", help="the sizes of issue 10 (default)")
    size.add_argument("--quick", action="store_true", help="the CI sizes")
    parser.add_argument("--no-pg-restart", action="store_true", help="never restart PostgreSQL")
    args = parser.parse_args()
    full = not args.quick
    engines = ["sqlite"] + (["postgres"] if os.environ.get("DESK_TEST_POSTGRES_URL") else [])
    if "postgres" not in engines:
        print("DESK_TEST_POSTGRES_URL is not set: PostgreSQL parts are left out")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="desk-reliability-") as tmp:
        folder = Path(tmp)
        for engine in engines:
            writers(engine, folder, 8 if full else 4, 500 if full else 60)
        negative_control(folder, 4, 100 if full else 60)
        for engine in engines:
            call_next_race(engine, folder, 1000 if full else 150)
            booking_race(engine, folder, 2000 if full else 300)
            card_race(engine, folder)
        kills(folder, 200 if full else 25)
        if "postgres" in engines and full and not args.no_pg_restart:
            pg_restart(folder)
        pytest_part("4-6 faults, hostile input, stateful, rich text (pytest)",
                    ["tests/reliability/test_faults.py", "tests/reliability/test_hostile_input.py",
                     "tests/reliability/test_stateful.py", "tests/reliability/test_injection.py"], {})
    print(f"\n{'ALL OK' if not FAILURES else 'FAILED: ' + ', '.join(FAILURES)} "
          f"({time.perf_counter() - began:.0f} s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
