#!/usr/bin/env python3
"""The three list reads of issue 21 beside their floors: waiting list, room week, appointments of
a day, each as `desk-admin bench` measures it (the same service call, the same raw-SQL floor of
desk/tools/benchsql.py), with the CPU time of each call besides the wall time.

    python scripts/bench_rows.py --database-url sqlite:////tmp/copy-of-bench10.sqlite
    python scripts/bench_rows.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/copy --runs 60
    python scripts/bench_rows.py --database-url ... --profile waiting_list     # cProfile of one figure

On a machine shared with other work the wall times follow the load; the CPU time of the calling
thread (time.thread_time) does much less, so its ratio to the floor's CPU time is the figure to
compare between two versions of the code (run both on the same database, alternately). The
database must be a bench database (`desk-admin bench` built it): the set-up checks people in for
today's waiting list and adds the dense week's bookings when they are missing. Use a copy.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as dtime

from desk.domain.tickets import BERLIN
from desk.services.context import Actor
from desk.tools import benchsql
from desk.tools.bench import _week_params, open_bench_database, prepare_scenes


def measure(call: Callable[[], object], runs: int) -> tuple[float, float, float, object]:
    """(wall p50 ms, wall p95 ms, CPU median ms, last result) of `runs` calls after 5 warm-ups."""
    wall: list[float] = []
    cpu: list[float] = []
    result: object = None
    for index in range(runs + 5):
        cpu_started, started = time.thread_time(), time.perf_counter()
        result = call()
        elapsed, cpu_elapsed = time.perf_counter() - started, time.thread_time() - cpu_started
        if index >= 5:
            wall.append(elapsed * 1000)
            cpu.append(cpu_elapsed * 1000)
    wall.sort()
    return wall[len(wall) // 2], wall[min(len(wall) - 1, int(len(wall) * 0.95))], statistics.median(cpu), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a COPY of a bench database")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--profile", choices=["waiting_list", "room_week", "appointments_day"])
    args = parser.parse_args()

    services, _shape = open_bench_database(args.database_url, years=10, clients=None, quick=False, reuse=True,
                                           say=lambda _text: None)
    actor = Actor.system("bench")
    now = datetime.now(UTC)
    scenes = prepare_scenes(services, actor, now, print)
    floor = benchsql.RawFloor(services.db)
    today = now.astimezone(BERLIN).date()
    day = today - timedelta(days=30)  # as desk-admin bench: a past day
    day_start = datetime.combine(day, dtime(0), tzinfo=BERLIN).astimezone(UTC)
    start, end = scenes["week_start"], scenes["week_end"]
    figures: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "waiting_list": (lambda: services.waitlist.waiting_list(actor, now=now),
                         lambda: floor.query("waiting_list", (floor.value(today),))),
        "room_week": (lambda: services.bookings.occurrences(actor, start, end),
                      lambda: floor.query("week", _week_params(floor, start, end))),
        "appointments_day": (lambda: services.appointments.between(actor, day, 1),
                             lambda: floor.query("appointments_day", (floor.value(day_start),
                                                                      floor.value(day_start + timedelta(days=1))))),
    }
    try:
        print(f"{'figure':17} {'rows':>9}  {'program p50 / p95 / CPU ms':>27}  {'floor p50 / p95 / CPU ms':>25}"
              "  ratio p50 / CPU")
        for name, (program, raw) in figures.items():
            if args.profile and args.profile != name:
                continue
            p50, p95, cpu, rows = measure(program, args.runs)
            f50, f95, fcpu, floor_result = measure(raw, args.runs)
            print(f"{name:17} {len(rows):4}/{floor_result[1]:4}  {p50:8.2f} {p95:8.2f} {cpu:8.2f}  "  # type: ignore[arg-type, index]
                  f"{f50:8.2f} {f95:8.2f} {fcpu:8.2f}  {p50 / f50:6.1f} {cpu / fcpu:6.1f}")
            if args.profile == name:
                profile = cProfile.Profile()
                profile.enable()
                for _ in range(args.runs):
                    program()
                profile.disable()
                pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    finally:
        floor.close()
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
