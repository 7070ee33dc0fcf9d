#!/usr/bin/env python3
"""Figures of the waiting list (docs/WAITING.md):

1. propagation: a check-in committed in one process -> visible in another process's waiting-list
   model (the same probe + reload + in-place apply the app uses), p50/p95, SQLite and PostgreSQL;
2. model refresh for 300 waiting people (apply with a few changed rows; and the reload query);
3. the call-next race: 6 processes draining N waiting visits, every visit called exactly once.

    QT_QPA_PLATFORM=offscreen python scripts/bench_waitlist.py [--postgres URL] [--race 1000] [--samples 40] [--propagation-only]

The PostgreSQL database given is emptied (public schema dropped) first.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "integration"))


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def fresh(url: str | None, folder: Path):
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services
    from desk.storage.engine import sqlite_url

    if url is None:
        fresh.count = getattr(fresh, "count", 0) + 1
        url = sqlite_url(folder / f"bench-{fresh.count}.sqlite")
    else:
        import sqlalchemy as sa

        engine = sa.create_engine(url)
        with engine.begin() as c:
            c.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            c.exec_driver_sql("CREATE SCHEMA public")
        engine.dispose()
    return url, build_services(prepare_database(url, backup_dir=folder / "backups"))


# -- 1. propagation -------------------------------------------------------------------------------


def watcher(url: str, ready, stop, seen) -> None:
    """Another workstation: the LiveUpdates loop (probe at the PollPace) + reload + model.apply."""
    from PySide6.QtWidgets import QApplication

    from desk.services.changes import PollPace, change_probe
    from desk.services.context import Actor
    from desk.services.desk import build_services
    from desk.storage.engine import open_database
    from desk.ui.views.warteliste.model import WaitingListModel

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the model needs it
    services = build_services(open_database(url))
    actor = Actor.system("watcher")
    probe = change_probe(services)
    pace = PollPace()
    model = WaitingListModel()
    model.apply(services.waitlist.waiting_list(actor))
    probe.poll()
    ready.set()
    while not stop.is_set():
        topics = probe.poll(timeout=0.2 if not services.db.is_sqlite else 0)
        if topics:
            added, _gone = model.apply(services.waitlist.waiting_list(actor))
            moment = time.time()
            for row in added:
                seen.put((row.ticket, moment))
        if services.db.is_sqlite:
            time.sleep(pace.wait_after(bool(topics)))
    probe.close()
    services.close()


def propagation(url: str, services, samples: int) -> list[float]:
    import random

    from desk.services.checkin import CheckInRequest
    from desk.services.context import Actor

    ctx = multiprocessing.get_context("spawn")
    ready, stop, seen = ctx.Event(), ctx.Event(), ctx.Queue()
    process = ctx.Process(target=watcher, args=(url, ready, stop, seen))
    process.start()
    ready.wait(60)
    head = Actor.system("bench")
    service = next(s for s in services.reference.services(head) if s.code == "MBE")
    committed = {}
    for _ in range(samples):
        time.sleep(random.uniform(0.25, 0.6))
        row = services.checkin.check_in(head, CheckInRequest(service_id=service.id))
        committed[row.ticket] = time.time()
    latencies = []
    deadline = time.time() + 10
    while len(latencies) < samples and time.time() < deadline:
        try:
            ticket, moment = seen.get(timeout=2)
        except Exception:  # noqa: BLE001
            break
        if ticket in committed:
            latencies.append((moment - committed[ticket]) * 1000)
    stop.set()
    process.join(10)
    return latencies


# -- 2. model refresh -----------------------------------------------------------------------------


def model_refresh(services) -> dict[str, float]:
    from datetime import UTC, datetime, timedelta

    from PySide6.QtWidgets import QApplication, QTableView
    from waitlist_race import fill_waiting

    from desk.domain.model import VisitStatus
    from desk.services.context import Actor
    from desk.ui.views.warteliste.model import WaitingListModel

    app = QApplication.instance() or QApplication([])  # noqa: F841
    fill_waiting(services, 300)
    actor = Actor.system("bench")
    query_ms = []
    for _ in range(30):
        start = time.perf_counter()
        rows = services.waitlist.waiting_list(actor)
        query_ms.append((time.perf_counter() - start) * 1000)
    model = WaitingListModel()
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    start = time.perf_counter()
    model.apply(rows)
    first_fill = (time.perf_counter() - start) * 1000
    apply_ms = []
    now = datetime.now(UTC)
    for i in range(200):
        changed = list(rows)
        k = (i * 7) % 290
        changed[k] = changed[k]._replace(status=VisitStatus.CALLED, called_by_name="X", called_at=now)
        moved = changed.pop(k)
        changed.append(moved)
        changed.pop((i * 13) % 280)  # someone left
        changed[5] = changed[5]._replace(arrived_at=changed[5].arrived_at - timedelta(seconds=i))
        start = time.perf_counter()
        model.apply(changed)
        apply_ms.append((time.perf_counter() - start) * 1000)
        model.apply(rows)
    return {"rows": len(rows), "first_fill_ms": first_fill, "apply_p50_ms": pct(apply_ms, 50),
            "apply_p95_ms": pct(apply_ms, 95), "query_p50_ms": pct(query_ms, 50), "query_p95_ms": pct(query_ms, 95)}


# -- main -----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", default=os.environ.get("DESK_TEST_POSTGRES_URL"))
    parser.add_argument("--race", type=int, default=1000)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--propagation-only", action="store_true", help="measure figure 1 only")
    args = parser.parse_args()
    from waitlist_race import race

    engines = [("SQLite", None)] + ([("PostgreSQL", args.postgres)] if args.postgres else [])
    for label, url in engines:
        with tempfile.TemporaryDirectory() as folder:
            url_used, services = fresh(url, Path(folder))
            lat = propagation(url_used, services, args.samples)
            if lat:
                print(f"{label}: propagation check-in -> other process's model: n={len(lat)} "
                      f"p50={statistics.median(lat):.0f} ms p95={pct(lat, 95):.0f} ms max={max(lat):.0f} ms")
            else:
                print(f"{label}: propagation: nothing seen (FAIL)")
            services.close()
            if args.propagation_only:
                continue
            url_used, services = fresh(url, Path(folder))
            figures = model_refresh(services)
            print(f"{label}: model refresh, {figures['rows']} waiting: first fill {figures['first_fill_ms']:.1f} ms, "
                  f"in-place apply p50 {figures['apply_p50_ms']:.2f} ms p95 {figures['apply_p95_ms']:.2f} ms; "
                  f"reload query p50 {figures['query_p50_ms']:.1f} ms p95 {figures['query_p95_ms']:.1f} ms")
            services.close()
            url_used, services = fresh(url, Path(folder))
            start = time.perf_counter()
            ids, per_process, errors = race(url_used, services, args.race)
            seconds = time.perf_counter() - start
            called = [v for got in per_process.values() for v in got]
            ok = not errors and len(called) == len(set(called)) and sorted(called) == sorted(ids)
            print(f"{label}: call-next race, 6 processes, {len(ids)} visits: {'OK' if ok else 'FAIL'} "
                  f"(called {len(called)}, distinct {len(set(called))}, per process "
                  f"{sorted(len(g) for g in per_process.values())}, {seconds:.1f} s incl. process start"
                  + (f", errors {errors}" if errors else "") + ")")
            services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
