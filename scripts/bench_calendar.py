#!/usr/bin/env python3
"""Room calendar figures: rendering a full week, expanding series, conflict checks, the race.

    QT_QPA_PLATFORM=offscreen python scripts/bench_calendar.py                 # SQLite only
    QT_QPA_PLATFORM=offscreen python scripts/bench_calendar.py \
        --postgres postgresql+psycopg://postgres@127.0.0.1:5432/desk_rooms     # + PostgreSQL race
    options: --bookings 500 --series 30 --checks 200 --race-attempts 2000 (0 skips the race)

Prints milliseconds (p50/p95 where repeated). Nothing here asserts a time: the tests do not
measure wall-clock time; these are the figures for docs/CALENDAR.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "integration"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def line(name: str, values: list[float]) -> None:
    if len(values) == 1:
        print(f"{name:<58} {values[0]:9.1f} ms")
    else:
        print(f"{name:<58} p50 {statistics.median(values):7.2f} ms   p95 {pct(values, 0.95):7.2f} ms   (n={len(values)})")


def fresh(url: str | None, folder: Path):
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services
    from desk.storage.engine import sqlite_url

    if url is None:
        url = sqlite_url(folder / "bench.sqlite")
    else:
        import sqlalchemy as sa

        engine = sa.create_engine(url)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
        engine.dispose()
    return url, build_services(prepare_database(url, backup_dir=folder / "backups"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bookings", type=int, default=500)
    parser.add_argument("--series", type=int, default=30)
    parser.add_argument("--checks", type=int, default=200)
    parser.add_argument("--renders", type=int, default=50)
    parser.add_argument("--race-attempts", type=int, default=2000)
    parser.add_argument("--postgres", help="PostgreSQL URL (its public schema is dropped!) for the race")
    args = parser.parse_args()

    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from desk.domain.bookings import BookingDraft
    from desk.domain.errors import ConflictError
    from desk.domain.model import BookingKind, HolidayPolicy, Role
    from desk.domain.recurrence import Frequency, RuleSpec, expand, place, to_rrule
    from desk.services.context import Actor

    app = QApplication.instance() or QApplication([])
    from desk.ui.i18n import install_language

    install_language("de")
    actor = Actor(staff_id=None, name="bench", role=Role.HEAD, workstation="bench")
    folder = Path(tempfile.mkdtemp(prefix="desk-bench-calendar-"))
    url, services = fresh(None, folder)
    rooms = [r for r in services.reference.rooms(actor) if r.bookable]
    monday = date(2027, 6, 7)
    kinds = list(BookingKind)
    print(f"rooms: {len(rooms)}; week of {monday}; database: SQLite in {folder}")

    # -- 1. a week with all rooms and N bookings --------------------------------------------------
    slots = [(room, day, minute) for day in range(7) for minute in range(7 * 60, 22 * 60, 45 if args.bookings > 420 else 60)
             for room in rooms]
    slots = slots[: args.bookings]
    began = clock.perf_counter()
    for i, (room, day, minute) in enumerate(slots):
        start = place(datetime.combine(monday + timedelta(days=day), time(0)) + timedelta(minutes=minute))
        services.bookings.create(actor, BookingDraft(room.id, f"Buchung {i} مقهى", start, start + timedelta(minutes=40),
                                                     kind=kinds[i % len(kinds)], organiser="Frau Yılmaz"))
    print(f"created {len(slots)} bookings in one week ({(clock.perf_counter() - began):.1f} s)")

    from desk.ui.views.raumkalender.canvas import CalendarCanvas
    from desk.ui.views.raumkalender.model import OccurrenceModel

    days = [monday + timedelta(days=i) for i in range(7)]
    start, end = place(datetime.combine(days[0], time(0))), place(datetime.combine(days[-1] + timedelta(days=1), time(0)))
    loads, renders = [], []
    model = OccurrenceModel()
    model.set_rooms({r.id: r.name for r in rooms})
    canvas = CalendarCanvas(model)
    canvas.resize(1600, 900)
    canvas.set_range(days, [(r.id, r.display_label) for r in rooms])
    for _ in range(20):
        t = clock.perf_counter()
        rows = services.bookings.occurrences(actor, start, end)
        model.set_rows(rows)
        loads.append((clock.perf_counter() - t) * 1000)
    image = QImage(canvas.size(), QImage.Format.Format_ARGB32_Premultiplied)  # what a widget paints into
    cold = []
    for n in range(args.renders * 2):
        canvas._on_model_changed()  # drop the block layout: every render lays out the blocks again
        if n % 2 == 0:
            canvas._texts.clear()  # and every other one also the text layout (first paint after a load)
            canvas._static.clear()
        t = clock.perf_counter()
        painter = QPainter(image)
        canvas.paint(painter, image.rect().toRectF(), printing=False)
        painter.end()
        (cold if n % 2 == 0 else renders).append((clock.perf_counter() - t) * 1000)
    print(f"occurrences in view: {len(model.rows())}")
    line("load the week (query + model update)", loads)
    line(f"render the week, {len(rooms)} rooms, {len(model.rows())} bookings, first paint", cold)
    line(f"render the week, {len(rooms)} rooms, {len(model.rows())} bookings, repaint", renders)
    image.save(str(folder / "week.png"))

    # -- 2. a year of 30 recurring series -------------------------------------------------------
    patterns = [RuleSpec(Frequency.WEEKLY, until=date(2028, 6, 6)), RuleSpec(Frequency.BIWEEKLY, until=date(2028, 6, 6)),
                RuleSpec(Frequency.MONTHLY_NTH, until=date(2028, 6, 6))]
    first = datetime(2027, 6, 7, 17)
    expansions = []
    for _ in range(20):
        t = clock.perf_counter()
        total = 0
        for i in range(args.series):
            local_start = first + timedelta(days=i % 7)
            rule = to_rrule(patterns[i % 3], local_start)
            total += len(expand(rule, place(local_start), place(local_start + timedelta(hours=2)),
                                policy=HolidayPolicy.FLAG))
        expansions.append((clock.perf_counter() - t) * 1000)
    line(f"expand a year of {args.series} series ({total} dates, pure)", expansions)
    _url2, series_services = fresh(None, folder / "series")
    t = clock.perf_counter()
    created = 0
    for i in range(args.series):
        local_start = datetime(2027, 6, 7, 8) + timedelta(days=i % 7, hours=(i // 7) * 3)
        room = rooms[i % len(rooms)]
        result = series_services.bookings.create(actor, BookingDraft(
            room.id, f"Serie {i}", place(local_start), place(local_start + timedelta(hours=2)),
            rule=patterns[i % 3], holiday_policy=HolidayPolicy.SKIP))
        created += result.occurrences
    line(f"book {args.series} series for a year ({created} dates, checked + stored)", [(clock.perf_counter() - t) * 1000])
    series_services.close()

    # -- 3. conflict check latency (on the database with the busy week) ---------------------------
    refused, accepted = [], []
    room = rooms[0]
    for i in range(args.checks):
        day, minute = slots[i % len(slots)][1], slots[i % len(slots)][2]
        wanted = place(datetime.combine(monday + timedelta(days=day), time(0)) + timedelta(minutes=minute + 10))
        t = clock.perf_counter()
        try:
            services.bookings.create(actor, BookingDraft(room.id, "Konflikt", wanted, wanted + timedelta(minutes=30)))
        except ConflictError:
            pass
        refused.append((clock.perf_counter() - t) * 1000)
    for i in range(args.checks):
        wanted = place(datetime(2028, 1, 3, 8) + timedelta(days=i // 10, hours=i % 10))
        t = clock.perf_counter()
        services.bookings.create(actor, BookingDraft(room.id, "frei", wanted, wanted + timedelta(minutes=45)))
        accepted.append((clock.perf_counter() - t) * 1000)
    line("refused booking (conflict found + next free slot)", refused)
    line("accepted booking (checked + written + committed)", accepted)
    services.close()

    # -- 4. the booking race ------------------------------------------------------------------------
    if args.race_attempts:
        from booking_race import run_race

        engines = [("SQLite", None)] + ([("PostgreSQL", args.postgres)] if args.postgres else [])
        for name, target in engines:
            race_url, race_services = fresh(target, folder / f"race-{name}")
            race_services.close()
            figures = run_race(race_url, processes=6, attempts=args.race_attempts)
            print(f"race {name}: {figures['processes']} processes, {figures['attempts']} attempts on 3 rooms: "
                  f"{figures['booked']} booked, {figures['conflicts']} refused, {figures['errors']} errors, "
                  f"overlaps after: {figures['overlaps']} ({figures['seconds']:.1f} s; per attempt p50 "
                  f"{figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms)")
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
