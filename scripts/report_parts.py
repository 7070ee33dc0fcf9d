#!/usr/bin/env python3
"""Where the yearly report's time goes, statement by statement (issue 21).

    python scripts/report_parts.py URL [--runs 10] [--year 2025]

Runs the bench's two report figures (the year alone, and with the previous year) --runs times
each, interleaved with the floors of desk/tools/benchsql.py, and splits every report into its
parts: each repository call (visit_figures, visit_totals, appointment_counts, room_counts) with
its wall time, the CPU time of this thread, and on PostgreSQL the CPU time of the server process
serving the connection (utime + stime of /proc/<pid>/stat, 10 ms ticks: averaged over the runs);
the rest of the report (reference reads, folding in Python, assembling) is the report minus
visit_figures or the other parts, which run beside it on a second connection, whichever took
longer. Prints medians (mean for the server's CPU) and the load average.

    python scripts/report_parts.py URL --pieces [--runs 10]

splits the two visit statements of the report with the previous year (visit_figures and
visit_totals, captured as executed) into their pieces and times each alone on the driver
connection, in a read transaction with the report's settings: every common table expression up
to one of them and `SELECT count(*) FROM <it>`, and every part of the final UNION ALL as
`SELECT count(*) FROM (<part>)` after all of them. The CPU (SQLite: this thread; PostgreSQL:
the server process) of a piece minus that of what it reads (the materialised visits `v`/`t`,
or `latest`) is what that piece adds.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import time
from collections import defaultdict
from datetime import UTC, date, datetime

from desk.domain.reports import Period
from desk.services.bootstrap import prepare_database
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.storage.repositories import reports as repo_module
from desk.tools import benchsql

TICK = os.sysconf("SC_CLK_TCK")
PARTS = ("visit_figures", "visit_totals", "appointment_counts", "room_counts")


class Meter:
    def __init__(self) -> None:
        self.samples: dict[str, list[tuple[float, float, float]]] = defaultdict(list)

    def server_cpu(self, pid: int | None) -> float:
        if pid is None:
            return 0.0
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK

    def measure(self, name: str, function, pid: int | None = None):  # noqa: ANN001, ANN201
        wall, cpu, server = time.perf_counter(), time.thread_time(), self.server_cpu(pid)
        result = function()
        self.samples[name].append((time.perf_counter() - wall, time.thread_time() - cpu, self.server_cpu(pid) - server))
        return result


def _pieces(statement: str) -> list[tuple[str, str]]:
    """(name, SQL) of the pieces of one WITH statement (see the module's docstring)."""
    start = statement.index("WITH")
    body_at = statement.index("\nSELECT '", start)
    ctes, body = statement[start:body_at], statement[body_at:]
    heads = list(re.finditer(r"^(\w+)(\([^)]*\))? AS (NOT MATERIALIZED |MATERIALIZED )?\(", ctes, re.M))
    result = []
    for index, head in enumerate(heads):
        end = heads[index + 1].start() if index + 1 < len(heads) else len(ctes)
        result.append((f"cte {head.group(1)}", ctes[:end].rstrip().rstrip(",") + f"\nSELECT count(*) FROM {head.group(1)}"))
    for number, part in enumerate(body.split("\nUNION ALL"), 1):
        kind = re.search(r"SELECT '(\w)'", part).group(1)
        result.append((f"part {number} '{kind}'", ctes.rstrip().rstrip(",") + f"\nSELECT count(*) FROM ({part}) AS piece_"))
    return result


def pieces(db, services, actor, period, now, runs: int) -> None:  # noqa: ANN001
    from sqlalchemy import event

    captured: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        if statement.lstrip().startswith("WITH"):
            captured.append((statement, parameters))
    event.listen(db.engine, "before_cursor_execute", capture)
    services.reports.report(actor, period, now=now, compare=True)
    event.remove(db.engine, "before_cursor_execute", capture)
    raw = db.engine.raw_connection()
    cursor = raw.cursor()
    pg = not db.is_sqlite
    pid = raw.driver_connection.info.backend_pid if pg else None
    meter = Meter()
    names = []
    for which, (statement, parameters) in zip(("visit_figures", "visit_totals"), captured, strict=True):
        if not pg:  # positional parameters: written into the text, since a piece uses only some
            for value in parameters:
                literal = str(value) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"
                statement = statement.replace("?", literal, 1)
            parameters = ()
        for name, sql in [("whole statement", statement[statement.index("WITH"):]), *_pieces(statement)]:
            names.append((f"{which}: {name}", sql, parameters))
    load = os.getloadavg()
    for index in range(runs + 1):
        for name, sql, parameters in names:
            if pg:
                cursor.execute("SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true), "
                               "set_config('enable_indexscan', 'off', true), "
                               "set_config('max_parallel_workers_per_gather', '0', true)")
            else:
                cursor.execute("BEGIN")
            meter.measure(name, lambda s=sql, p=parameters: cursor.execute(s, p).fetchall() if not pg
                          else (cursor.execute(s, p), cursor.fetchall()), pid)
            raw.rollback() if pg else cursor.execute("COMMIT")
        if index == 0:
            meter.samples.clear()
    print(f"{db.engine.dialect.name}: the pieces of the report of {period.start.year} with the previous year, "
          f"{runs} runs, load {load[0]:.2f} -> {os.getloadavg()[0]:.2f}; CPU of "
          f"{'the server process (mean)' if pg else 'this thread (median)'}, ms")
    for name, _sql, _parameters in names:
        samples = meter.samples[name]
        cpu = statistics.mean(x[2] for x in samples) if pg else statistics.median(x[1] for x in samples)
        print(f"  {name:40} {cpu * 1000:8.1f}")
    raw.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--pieces", action="store_true", help="time the pieces of the two visit statements")
    args = parser.parse_args()
    db = prepare_database(args.url)
    services = build_services(db)
    actor = Actor.system("bench")
    pg = not db.is_sqlite
    if args.pieces:
        pieces(db, services, actor, Period.year(args.year), datetime(args.year + 1, 12, 4, 12, tzinfo=UTC), args.runs)
        services.close()
        return 0

    def backend_pid(session) -> int | None:  # noqa: ANN001 - the report's session
        return session.connection().connection.dbapi_connection.info.backend_pid if pg else None

    meter = Meter()
    current: list[str] = [""]
    for part in PARTS:
        original = getattr(repo_module.ReportRepository, part)

        def wrapped(self, *a, _original=original, _part=part, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
            return meter.measure(f"{current[0]} {_part}", lambda: _original(self, *a, **k),
                                 backend_pid(self.session))
        setattr(repo_module.ReportRepository, part, wrapped)

    floor = benchsql.RawFloor(db)
    now = datetime(args.year + 1, 12, 4, 12, tzinfo=UTC)
    period = Period.year(args.year)
    span = (floor.value(date(args.year, 1, 1)), floor.value(date(args.year, 12, 31)))
    before = (floor.value(date(args.year - 1, 1, 1)), floor.value(date(args.year - 1, 12, 31)))
    floor_pid = None
    if pg:
        cursor = floor._raw.cursor()
        cursor.execute("SELECT pg_backend_pid()")
        floor_pid = cursor.fetchone()[0]
        floor._raw.commit()
    floor_meter = Meter()
    load = os.getloadavg()
    for index in range(args.runs + 1):
        for compare in (False, True):
            name = "compare" if compare else "single"
            current[0] = name
            meter.measure(f"{name} report", lambda c=compare: services.reports.report(actor, period, now=now, compare=c))
            floor_meter.measure(f"{name} floor", lambda c=compare: floor.query(
                "year_report_compare" if c else "year_report", span + before if c else span), floor_pid)
        if index == 0:  # warm-up
            meter.samples.clear()
            floor_meter.samples.clear()
    end_load = os.getloadavg()
    print(f"{db.engine.dialect.name}, year {args.year}, {args.runs} runs, load {load[0]:.2f} -> {end_load[0]:.2f}")
    print(f"{'part':38} {'wall p50':>9} {'thread CPU':>11} {'server CPU':>11}  (ms)")
    rows = {**meter.samples, **floor_meter.samples}
    for name in sorted(rows, key=lambda n: (n.split()[0], n)):
        samples = rows[name]
        wall = statistics.median(s[0] for s in samples) * 1000
        cpu = statistics.median(s[1] for s in samples) * 1000
        server = statistics.mean(s[2] for s in samples) * 1000
        print(f"{name:38} {wall:9.1f} {cpu:11.1f} {server:11.1f}")
    for name in ("single", "compare"):
        total = [s[0] for s in rows[f"{name} report"]]
        # visit_figures on the report's thread; the other parts one after another beside it, on a
        # second connection (ReportService._compute): the report waits for the longer of the two
        figures = rows[f"{name} visit_figures"]
        beside = [sum(rows[f"{name} {p}"][i][0] for p in PARTS if p != "visit_figures" and f"{name} {p}" in rows)
                  for i in range(len(total))]
        rest = statistics.median(t - max(f[0], b) for t, f, b in zip(total, figures, beside, strict=True)) * 1000
        print(f"{name}: rest of the report (reference reads, assembling, waiting) {rest:.1f} ms wall")
    one = statistics.median(s[0] for s in rows["single report"])
    two = statistics.median(s[0] for s in rows["compare report"])
    print(f"ratios (p50 wall): one year / floor {one / statistics.median(s[0] for s in rows['single floor']):.2f}x; "
          f"with previous / floor {two / statistics.median(s[0] for s in rows['compare floor']):.2f}x; "
          f"with previous / one year {two / one:.2f}x")
    floor.close()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
