#!/usr/bin/env python3
"""Benchmark of the reports: the yearly report over a 10-year database (~300,000 visits).

    python scripts/bench_reports.py [--sqlite FILE] [--postgres URL] [--runs 5] [--explain]

Fills each database once with `desk.tools.demo.fill_demo_at_scale` (the data behind
`desk-admin demo-data`) if it holds fewer than 100,000 visits, then times on each engine:
the yearly report of the last full year with and without the previous-year comparison, the
XLSX and CSV exports, and the PDF export (Qt, offscreen). Prints the median of --runs runs.
--explain prints the query plans of the report's visit queries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk.domain.model import Role  # noqa: E402
from desk.domain.reports import Period  # noqa: E402
from desk.services.bootstrap import prepare_database  # noqa: E402
from desk.services.context import Actor  # noqa: E402
from desk.services.desk import build_services  # noqa: E402
from desk.services.report_exports import export_csv, export_xlsx  # noqa: E402
from desk.storage.engine import sqlite_url  # noqa: E402
from desk.tools.demo import fill_demo_at_scale  # noqa: E402

HEAD = Actor(staff_id=None, name="bench", role=Role.HEAD)


CPU: list[float] = []


def timed(function, runs: int) -> tuple[float, object]:
    """Median wall time; the median CPU time of this process is kept in CPU[-1] (on a shared,
    busy machine the wall time of SQLite is inflated by other processes, its CPU time is not)."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = function()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    CPU.append(statistics.median(cpu))
    return statistics.median(times), result


def explain(services, period: Period) -> None:
    from sqlalchemy import text

    begin, end = period.utc_bounds()
    with services.db.engine.connect() as connection:
        prefix = "EXPLAIN QUERY PLAN " if services.db.engine.dialect.name == "sqlite" else "EXPLAIN "
        for name, sql in (
            ("visits grouped", "SELECT service_id, residence, count(*) FROM visits WHERE arrived_at >= :a "
                               "AND arrived_at < :b GROUP BY service_id, residence"),
            ("latest visit per client", "SELECT max(id) FROM visits WHERE arrived_at >= :a AND arrived_at < :b "
                                        "AND client_id IS NOT NULL GROUP BY client_id, service_id"),
            ("appointments", "SELECT service_id, status, count(*) FROM appointments WHERE starts_at >= :a "
                             "AND starts_at < :b GROUP BY service_id, status"),
        ):
            print(f"  plan of {name}:")
            for row in connection.execute(text(prefix + sql), {"a": begin.replace(tzinfo=None),
                                                                "b": end.replace(tzinfo=None)}):
                print("    ", " | ".join(str(c) for c in row))


def bench(url: str, runs: int, show_plans: bool, workdir: Path) -> None:
    db = prepare_database(url, backup_dir=workdir / "backups")
    services = build_services(db)
    try:
        with db.engine.connect() as connection:
            visits = connection.exec_driver_sql("SELECT count(*) FROM visits").scalar()
        if visits < 100_000:
            started = time.perf_counter()
            counts = fill_demo_at_scale(services, years=10, progress=lambda s: None)
            print(f"  filled in {time.perf_counter() - started:.0f} s: {counts}")
        with db.engine.connect() as connection:
            visits = connection.exec_driver_sql("SELECT count(*) FROM visits").scalar()
        year = date.today().year - 1
        period = Period.year(year)
        print(f"{db.engine.dialect.name}: {visits} visits in the database; report of {year}")
        if show_plans:
            explain(services, period)
        print(f"  load average before: {os.getloadavg()[0]:.1f}")
        t_single, report = timed(lambda: services.reports.report(HEAD, period, compare=False), runs)
        c_single = CPU[-1]
        t_compare, report = timed(lambda: services.reports.report(HEAD, period), runs)
        c_compare = CPU[-1]
        print(f"  {report.total.visits} visits, {report.total.distinct_clients} distinct clients in {year}")
        print(f"  yearly report:                      {t_single * 1000:7.0f} ms wall, {c_single * 1000:5.0f} ms CPU"
              f" of this process (median of {runs})")
        print(f"  yearly report + previous year:      {t_compare * 1000:7.0f} ms wall, {c_compare * 1000:5.0f} ms CPU")
        month = Period.month(year, 6)
        t_month, _ = timed(lambda: services.reports.report(HEAD, month), runs)
        print(f"  monthly report + previous month:    {t_month * 1000:7.0f} ms wall, {CPU[-1] * 1000:5.0f} ms CPU")
        t_xlsx, _ = timed(lambda: export_xlsx(report, workdir / "r.xlsx", "de"), runs)
        t_csv, _ = timed(lambda: export_csv(report, workdir / "r.zip", "de"), runs)
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        from desk.ui.views.statistik.pdf import render_pdf

        t_pdf, _ = timed(lambda: render_pdf(report, workdir / "r.pdf", "de"), runs)
        del app
        print(f"  XLSX export:                        {t_xlsx * 1000:7.0f} ms")
        print(f"  CSV export (zip):                   {t_csv * 1000:7.0f} ms")
        print(f"  PDF export:                         {t_pdf * 1000:7.0f} ms "
              f"({(workdir / 'r.pdf').stat().st_size // 1024} KiB)")
    finally:
        services.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite", type=Path, default=Path(tempfile.gettempdir()) / "desk_bench_reports.sqlite")
    parser.add_argument("--postgres", help="PostgreSQL URL (its tables are filled if nearly empty)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench(sqlite_url(args.sqlite), args.runs, args.explain, Path(tmp))
        if args.postgres:
            bench(args.postgres, args.runs, args.explain, Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
