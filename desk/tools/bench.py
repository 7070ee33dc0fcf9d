"""`desk-admin bench`: the figures of issue 9 on a synthetic database of realistic shape.

Every measurement runs many times after a warm-up and reports p50/p95/max; beside each query
figure stands its floor (the same question as one raw SQL statement on a raw connection) and
the ratio. Qt figures (cold start, waiting-list model, memory with every view opened) run in
child processes, so this module never imports Qt. Timings are printed, never asserted.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from desk.domain.calendar import MAX_SPAN
from desk.domain.errors import ValidationError
from desk.domain.tickets import BERLIN
from desk.services.bootstrap import prepare_database
from desk.services.checkin import CheckInRequest
from desk.services.context import Actor
from desk.services.desk import DeskServices, build_services
from desk.services.once import new_request_key
from desk.services.paths import data_dir
from desk.services.programs import child_env, program
from desk.storage.engine import sqlite_url
from desk.tools import benchsql

DENSE_WEEK_TITLE = "Benchmark-Woche"
WAITING_ROWS = 300
QUICK_SHAPE = {"years": 1, "clients": 2_000, "visits": 6_000, "appointments": 400, "bookings": 200}


@dataclass
class Figure:
    key: str
    title: str
    unit: str
    goal: str = ""
    samples: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    value: float | None = None  # single-valued figures (sizes, memory)
    index_mb: float | None = None  # search: resident memory the name index added
    note: str = ""
    available: bool = True

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "title": self.title, "unit": self.unit, "goal": self.goal,
                               "available": self.available, "note": self.note}
        if self.samples:
            out.update(percentiles(self.samples))
        if self.value is not None:
            out["value"] = self.value
        if self.index_mb is not None:
            out["index_mb"] = self.index_mb
        if self.floor:
            floor = percentiles(self.floor)
            out["floor_p50"] = floor["p50"]
            out["floor_p95"] = floor["p95"]
            out["ratio_p50"] = round(out["p50"] / floor["p50"], 1) if floor["p50"] > 0 else None
        return out


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)

    def pick(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))], 3)

    return {"p50": pick(0.5), "p95": pick(0.95), "max": round(ordered[-1], 3), "n": len(ordered)}


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function()
    return (time.perf_counter() - started) * 1000, result


def default_bench_url(years: int, quick: bool) -> str:
    name = "bench-quick.sqlite" if quick else f"bench-{years}y.sqlite"
    return sqlite_url(data_dir() / "bench" / name)


def resident_mb() -> float:
    """Resident memory of this process now (Linux: VmRSS), else the peak (getrusage)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    except ImportError:  # pragma: no cover - Windows
        return float("nan")


def _load() -> list[float] | None:
    """The 1/5/15-minute load averages (figures are only comparable at a similar load)."""
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return None


def machine() -> dict[str, Any]:
    info = {"python": platform.python_version(), "system": f"{platform.system()} {platform.release()}",
            "machine": platform.machine(), "cpus": os.cpu_count()}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpu:
            for line in cpu:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as mem:
            info["memory_gb"] = round(int(mem.readline().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


# --- building -------------------------------------------------------------------------------------


REAL_DATABASE = ("{name} holds accounts of real people: the bench builds, deletes and writes synthetic data "
                 "and runs without a login, so it never works on a database in use. Give it a database of its own "
                 "(the default: a bench file in the data directory; PostgreSQL: an empty database you can spare).")


def refuse_real_sqlite_file(path: Path) -> None:
    """The bench deletes or reuses the file at `path`: only an empty file, a database without
    accounts or one filled by the bench or demo-data (their accounts have the demo password)
    - never the database of a desk in use, nor a file that is no desk database at all. Read with
    sqlite3 itself, read-only: nothing is upgraded, written or made."""
    import sqlite3

    from desk.tools.demo import has_real_accounts

    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            hashes = [row[0] for row in connection.execute("SELECT password_hash FROM staff")]
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise ValidationError("{path} is not a desk database ({reason}); the bench does not delete or reuse it.",
                              path=str(path), reason=str(error)) from error
    if has_real_accounts(hashes):
        raise ValidationError(REAL_DATABASE, name=str(path))


def open_bench_database(url: str, *, years: int, clients: int | None, quick: bool, reuse: bool,
                        say: Callable[[str], None]) -> tuple[DeskServices, dict[str, Any]]:
    """Open (and build when needed) the bench database; returns services and the data shape."""
    from desk.tools import bulk
    from desk.tools.demo import client_count, fill_demo_at_scale, has_real_accounts, scale_defaults

    shape = dict(QUICK_SHAPE) if quick else {"years": years, **scale_defaults(years)}
    if clients is not None:
        shape["clients"] = clients
    is_sqlite = url.startswith("sqlite")
    if is_sqlite:
        path = Path(url.split("///", 1)[1])
        refuse_real_sqlite_file(path)  # before it is deleted (or reused, upgraded, written to)
        if not reuse:
            for suffix in ("", "-wal", "-shm"):
                candidate = path.with_name(path.name + suffix)
                if candidate.exists():
                    candidate.unlink()
    db = prepare_database(url)
    services = build_services(db)
    if not is_sqlite and has_real_accounts(bulk.password_hashes(db)):
        name = services.database_name
        services.close()
        raise ValidationError(REAL_DATABASE, name=name)
    built_in = None
    if client_count(services) == 0:
        say(f"building {shape['years']} years: {shape['clients']:,} clients, {shape['visits']:,} visits, "
            f"{shape['appointments']:,} appointments, {shape['bookings']:,} room bookings")
        started = time.perf_counter()
        fill_demo_at_scale(services, years=shape["years"], clients=shape["clients"], visits=shape["visits"],
                           appointments=shape["appointments"], bookings=shape["bookings"],
                           progress=lambda t: say(f"  {t}"))
        built_in = round(time.perf_counter() - started, 1)
    else:
        say(f"reusing {services.database_name}")
    shape["build_seconds"] = built_in
    return services, shape


def prepare_scenes(services: DeskServices, actor: Actor, now: datetime, say: Callable[[str], None]) -> dict[str, Any]:
    """Today's 300-row waiting list and a week with 500 room bookings (idempotent)."""
    from desk.tools.demo import _add_booking, _existing_staff, _Fill  # noqa: PLC2701 - same feature

    db = services.db
    today = now.astimezone(BERLIN).date()
    benchsql.close_open_visits_before(db, today)
    missing = WAITING_ROWS - benchsql.open_visits_on(db, today)
    if missing < 0:  # earlier runs' own check-ins of today
        benchsql.close_newest_open_visits(db, today, -missing)
    if missing > 0:
        say(f"checking in {missing} people for today's waiting list")
        service_ids = [s.id for s in services.reference.services(actor) if s.active and s.code in ("IM", "MBE", "KH")]
        for index, client_id in enumerate(benchsql.clients_without_open_visit(db, missing, newest_first=False)):
            services.checkin.check_in(actor, CheckInRequest(service_id=service_ids[index % len(service_ids)],
                                                            client_id=client_id), now=now)
    # the dense week: next year's week of today's date, 500 one-hour bookings over the rooms
    monday = today + timedelta(days=364 - today.weekday())
    if benchsql.bookings_titled(db, DENSE_WEEK_TITLE) < 500:
        import random

        fill = _Fill(db, random.Random(5))
        fill.staff = _existing_staff(db, fill)
        rooms = [name for name in fill.rooms if name not in ("Empfang / Wartebereich",)]
        occupancy: dict = {}
        made = 0
        for hour in range(7, 21):
            for offset in range(7):
                for room in rooms:
                    if made >= 500:
                        break
                    day = monday + timedelta(days=offset)
                    start = datetime.combine(day, dtime(hour), tzinfo=BERLIN).astimezone(UTC)
                    made += _add_booking(fill, occupancy, room=room, title=DENSE_WEEK_TITLE, kind="other",
                                         organiser="bench", participants=5, start=start,
                                         end=start + timedelta(minutes=55), rule=None, creator=None,
                                         check=False) is not None
        fill.flush()
        from desk.tools import bulk

        bulk.fix_sequences(db)  # the rows above got explicit ids: PostgreSQL's sequences must follow
    week_start = datetime.combine(monday, dtime(0), tzinfo=BERLIN).astimezone(UTC)
    return {"today": today, "week_start": week_start, "week_end": week_start + timedelta(days=7)}


# --- measuring ---------------------------------------------------------------------------------------


def run_bench(url: str | None, *, years: int = 10, clients: int | None = None, quick: bool = False,
              reuse: bool = False, runs: int | None = None, explain: bool = False,
              say: Callable[[str], None] = print) -> dict[str, Any]:
    url = url or default_bench_url(years, quick)
    runs = runs or (20 if quick else 100)
    load_before = _load()
    services, shape = open_bench_database(url, years=years, clients=clients, quick=quick, reuse=reuse, say=say)
    actor = Actor.system("bench")
    figures: list[Figure] = []
    plans: dict[str, list[str]] = {}
    try:
        now = datetime.now(UTC)
        scenes = prepare_scenes(services, actor, now, say)
        floor = benchsql.RawFloor(services.db)
        try:
            say("client search per keystroke")
            figures.append(_search(services, actor, floor, runs))
            say("check-in commit")
            figures.append(_check_in(services, actor, floor, runs, now))
            say("waiting list query")
            figures.append(_waiting_list(services, actor, floor, runs, now))
            say("room week")
            figures.append(_week(services, actor, floor, runs, scenes))
            say("appointments of a day")
            figures.append(_appointments_day(services, actor, floor, runs, now))
            say("yearly report")
            figures.extend(_year_reports(services, actor, floor, max(5, runs // 10), now))
            _two_years_over_one(figures)
            if explain:
                plans = _plans(floor, services, now, scenes)
        finally:
            floor.close()
        say("check-in seen by another process")
        figures.append(_cross_process(services, actor, url, 20, now))  # fewer make the p95 the max of a few
        say("Qt: waiting-list model, every view opened")
        figures.extend(_qt_probe(url, runs))
        say("cold start")
        figures.append(_cold_start(url, 2 if quick else 5))
        benchsql.checkpoint(services.db)
        size = benchsql.database_size(services.db)
        figures.append(Figure("db_size", "database size", "MB", "report it", value=round(size / 1e6, 1)))
        engine = "sqlite" if services.db.is_sqlite else "postgresql"
        data = {table: _count(services, table) for table in
                ("clients", "visits", "appointments", "room_bookings", "booking_occurrences", "audit_events")}
    finally:
        services.close()
    return {
        "engine": engine, "database": url.split("@")[-1], "shape": shape, "data": data, "machine": machine(),
        "load": {"start": load_before, "end": _load()},
        "quick": quick, "runs": runs, "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "figures": [f.summary() for f in figures], "plans": plans,
    }


def _count(services: DeskServices, table: str) -> int:
    from desk.tools.bulk import count_rows

    return count_rows(services.db, table)


def _search(services: DeskServices, actor: Actor, floor: benchsql.RawFloor, runs: int) -> Figure:
    figure = Figure("search_keystroke", "client search per keystroke", "ms", "p95 <= 30 ms")
    import random

    rng = random.Random(3)
    people = benchsql.family_names(services.db, 5_000)
    before = resident_mb()
    started = time.perf_counter()
    services.clients.search(actor, "warm")  # builds the name index (once per process)
    built_in = time.perf_counter() - started
    index_mb = resident_mb() - before
    keystrokes: list[str] = []
    while len(keystrokes) < runs + 10:
        _id, given, family = rng.choice(people)
        typed = f"{family} {given}" if rng.random() < 0.5 else family
        keystrokes.extend(typed[:n] for n in range(2, min(len(typed), 14) + 1))
    for index, query in enumerate(keystrokes[: runs + 10]):
        elapsed, hits = timed(lambda q=query: services.clients.search(actor, q))
        if index < 10:
            continue
        figure.samples.append(elapsed)
        ids = ",".join(str(h.id) for h in hits) or "0"
        figure.floor.append(floor.query("search_rows", ids=ids)[0] * 1000)
    figure.note = (f"index of {len(services.clients._ensure_index()):,} names, built in {built_in:.1f} s, "  # noqa: SLF001
                   f"+{index_mb:.0f} MB resident; floor: fetch the hits' rows")
    figure.index_mb = round(index_mb, 1)
    return figure


def _check_in(services: DeskServices, actor: Actor, floor: benchsql.RawFloor, runs: int, now: datetime) -> Figure:
    figure = Figure("check_in_commit", "check-in commit", "ms", "p95 <= 20 ms (SQLite), <= 40 ms (PostgreSQL)")
    service_id = next(s.id for s in services.reference.services(actor) if s.code == "IM")
    pool = benchsql.clients_without_open_visit(services.db, runs + 5)
    for index, client_id in enumerate(pool):
        # with a request key, as the check-in dialog sends it (services/once.py)
        elapsed, _row = timed(lambda c=client_id: services.checkin.check_in(
            actor, CheckInRequest(service_id=service_id, client_id=c, request_key=new_request_key()), now=now))
        if index >= 5:
            figure.samples.append(elapsed)
            figure.floor.append(floor.commit_floor() * 1000)
    figure.note = "known client: duplicate check, ticket number, visit, audit, change counter; floor: one UPDATE + COMMIT"
    return figure


def _waiting_list(services, actor, floor, runs, now) -> Figure:
    figure = Figure("waiting_list_query", "waiting list query (today, open visits)", "ms", "")
    day = now.astimezone(BERLIN).date()
    rows = 0
    for index in range(runs + 5):
        elapsed, result = timed(lambda: services.waitlist.waiting_list(actor, now=now))
        if index >= 5:
            figure.samples.append(elapsed)
            figure.floor.append(floor.query("waiting_list", (floor.value(day),))[0] * 1000)
        rows = len(result)
    figure.note = f"{rows} rows"
    return figure


def _week(services, actor, floor, runs, scenes) -> Figure:
    figure = Figure("room_week", "room week, all rooms (data)", "ms", "<= 50 ms")
    start, end = scenes["week_start"], scenes["week_end"]
    # the rooms the calendar asks for when it shows all rooms (desk/ui/views/raumkalender)
    room_ids = [r.id for r in services.reference.rooms(actor) if r.active and r.bookable]
    count = 0
    for index in range(runs + 5):
        elapsed, rows = timed(lambda: services.bookings.occurrences(actor, start, end, room_ids))
        if index >= 5:
            figure.samples.append(elapsed)
            figure.floor.append(floor.query("week", _week_params(floor, start, end))[0] * 1000)
        count = len(rows)
    figure.note = f"{count} bookings in the week"
    return figure


def _appointments_day(services, actor, floor, runs, now) -> Figure:
    figure = Figure("appointments_day", "appointments of a day (all staff)", "ms", "")
    day = now.astimezone(BERLIN).date() - timedelta(days=30)
    start = datetime.combine(day, dtime(0), tzinfo=BERLIN).astimezone(UTC)
    for index in range(runs + 5):
        elapsed, _rows = timed(lambda: services.appointments.between(actor, day, 1))
        if index >= 5:
            figure.samples.append(elapsed)
            figure.floor.append(floor.query("appointments_day",
                                            (floor.value(start), floor.value(start + timedelta(days=1))))[0] * 1000)
    return figure


def _week_params(floor: benchsql.RawFloor, start: datetime, end: datetime) -> tuple:
    """The floor reads the starts_at index from start - MAX_SPAN, as the program does (no booking
    lasts longer; without the bound both would scan every booking before the week)."""
    return (floor.value(start - MAX_SPAN), floor.value(end), floor.value(start))


def _year_reports(services, actor, floor, runs, now) -> list[Figure]:
    """The yearly report without and with the previous year, measured in turn (one of each per
    round): the goal compares the two, and measured one after the other a change of the load
    between them moved that ratio (1.38x in one run, 1.64x in the next at the same code)."""
    single = Figure("year_report_single", "yearly report (one year, no comparison)", "ms", "<= 3x floor")
    both = Figure("year_report", "yearly report (with previous year)", "ms", "<= 3x floor; <= 1.5x one year")
    from desk.domain.reports import Period

    year = now.astimezone(BERLIN).year - 1
    span = (floor.value(date(year, 1, 1)), floor.value(date(year, 12, 31)))
    before = (floor.value(date(year - 1, 1, 1)), floor.value(date(year - 1, 12, 31)))
    for index in range(runs + 1):
        for figure, compare in ((single, False), (both, True)):
            elapsed, _report = timed(lambda c=compare: services.reports.report(actor, Period.year(year), now=now,
                                                                               compare=c))
            if index >= 1:  # the first round warms up
                figure.samples.append(elapsed)
                figure.floor.append(floor.query("year_report_compare" if compare else "year_report",
                                                span + before if compare else span)[0] * 1000)
    single.note = f"year {year}; floor: one GROUP BY over the visits of the year"
    both.note = (f"year {year} and {year - 1}; floor: one GROUP BY over the visits of the year, count and "
                 f"distinct clients of the year before")
    return [single, both]


def _two_years_over_one(figures: list[Figure]) -> None:
    """The issue's second report goal: the comparison costs at most 1.5x the single year."""
    by_key = {f.key: f for f in figures}
    one, two = by_key.get("year_report_single"), by_key.get("year_report")
    if one and two and one.samples and two.samples:
        ratio = percentiles(two.samples)["p50"] / percentiles(one.samples)["p50"]
        two.note += f"; p50 {ratio:.2f}x the single year"


def _plans(floor: benchsql.RawFloor, services, now: datetime, scenes) -> dict[str, list[str]]:
    day = now.astimezone(BERLIN).date()
    start = scenes["week_start"]
    return {
        "waiting_list": floor.explain("waiting_list", (floor.value(day),)),
        "week": floor.explain("week", _week_params(floor, start, scenes["week_end"])),
        "appointments_day": floor.explain("appointments_day", (floor.value(start), floor.value(scenes["week_end"]))),
        "appointments_staff_day": floor.explain("appointments_staff_day",
                                                (1, floor.value(start), floor.value(scenes["week_end"]))),
        "year_report": floor.explain("year_report", (floor.value(date(day.year - 1, 1, 1)),
                                                     floor.value(date(day.year - 1, 12, 31)))),
        "client_visits": floor.explain("client_visits", (1,)),
        "open_visit_of_client": floor.explain("open_visit_of_client", (1,)),
        "audit_of_client": floor.explain("audit_of_client", (1,)),
    }


# --- child processes -----------------------------------------------------------------------------------


def watch(url: str) -> int:
    """Child process: poll for changes like a workstation does and print the waiting list's ids
    (one JSON line per change) until stdin closes."""
    from desk.services.bootstrap import prepare_database as prepare
    from desk.services.changes import PollPace
    from desk.storage.changes import ChangeProbe

    poll_s = 0.2  # PostgreSQL: desk.ui.live.POLL_INTERVAL_S; SQLite: the pace the window polls at
    pace = PollPace()
    services = build_services(prepare(url))
    probe = ChangeProbe(services.db)
    actor = Actor.system("bench-watch")
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    probe.poll()
    services.waitlist.waiting_list(actor)  # a window shows its list before a change comes (first query: ~0.1-0.2 s)
    print(json.dumps({"ready": True}), flush=True)
    while not stop.is_set():
        topics = probe.poll(timeout=poll_s if not services.db.is_sqlite else 0)
        if topics:
            ids = [v.id for v in services.waitlist.waiting_list(actor)]
            print(json.dumps({"t": time.time(), "ids": ids}), flush=True)
        if services.db.is_sqlite:
            time.sleep(pace.wait_after(bool(topics)))
    probe.close()
    services.close()
    return 0


def _cross_process(services, actor, url, runs, now) -> Figure:
    figure = Figure("check_in_visible_elsewhere", "check-in → in another process's waiting list", "ms",
                    "p95 <= 50 ms (SQLite), <= 30 ms (PostgreSQL)")
    child = subprocess.Popen([*program("desk-admin"), "_bench-watch", url], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=child_env())
    try:
        assert child.stdout is not None and child.stdin is not None
        json.loads(child.stdout.readline())  # ready
        service_id = next(s.id for s in services.reference.services(actor) if s.code == "MBE")
        pool = benchsql.clients_without_open_visit(services.db, runs)
        for client_id in pool:
            time.sleep(0.05)
            committed = time.time()
            row = services.checkin.check_in(actor, CheckInRequest(service_id=service_id, client_id=client_id))
            committed = (committed + time.time()) / 2  # the commit lies within the call
            while True:
                line = child.stdout.readline()
                if not line:
                    raise RuntimeError("the watching process ended")
                message = json.loads(line)
                if row.id in message.get("ids", ()):
                    figure.samples.append(max(0.0, (message["t"] - committed) * 1000))
                    break
    finally:
        if child.stdin:
            child.stdin.close()
        child.wait(timeout=10)
    figure.note = ("SQLite: data_version polled every 20 ms (100 ms after 5 quiet minutes); PostgreSQL: "
                   "LISTEN; then the waiting-list query")
    return figure


def _qt_probe(url: str, runs: int) -> list[Figure]:
    model = Figure("waitlist_model_refresh", f"waiting-list model refresh, {WAITING_ROWS} rows", "ms", "<= 16 ms")
    memory = Figure("memory_all_views", "resident memory, every view opened once", "MB", "<= 200 MB")
    result = subprocess.run([*program("desk-admin"), "_bench-probe", "--database-url", url, "--runs", str(runs)],
                            capture_output=True, text=True, env=child_env(), timeout=600)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:  # figures printed before a crash on exit still count (the note says so)
        model.available = memory.available = False
        model.note = memory.note = "probe failed: " + (result.stderr.strip().splitlines() or ["?"])[-1][:200]
        return [model, memory]
    data = json.loads(lines[-1])
    if result.returncode != 0:
        memory.note = f"(probe exited with {result.returncode} after reporting) "
    wl = data.get("waitlist_model", {})
    if wl.get("available"):
        refresh, full = wl["refresh_ms"], wl["full_ms"]
        model.note = (f"{wl['rows']} rows; live refresh p50 {refresh['p50']:.2f} / p95 {refresh['p95']:.2f} / "
                      f"max {refresh['max']:.2f} ms; full reload p95 {full['p95']:.2f} ms")
        model.samples = _expand(refresh)
    else:
        model.available = False
    mem = data.get("memory", {})
    memory.value = mem.get("rss_mb")
    memory.note += f"views opened: {', '.join(mem.get('views', []))}" + (
        f"; failed: {', '.join(mem['failed'])}" if mem.get("failed") else "")
    return [model, memory]


def _expand(summary: dict[str, float]) -> list[float]:
    """Percentiles from the child, kept as three samples so the table prints them alike."""
    return [summary["p50"], summary["p50"], summary["p95"], summary["max"]]


def _cold_start(url: str, runs: int) -> Figure:
    figure = Figure("cold_start", "cold start to the main window shown", "s", "p95 <= 1.0 s")
    whole: list[float] = []
    cpu: list[float] = []
    # The installed program starts from compiled bytecode (the PyInstaller build ships it; pip
    # writes .pyc files): a child told not to write them (PYTHONDONTWRITEBYTECODE, set on some
    # build machines) would compile desk's sources on every start, which no user's start does.
    # One start before the measured ones writes them (and warms the file cache).
    env = child_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for run in range(runs + 1):
        launched = time.time()
        started = time.perf_counter()
        result = subprocess.run([*program("desk"), "--measure-startup", "--database-url", url],
                                capture_output=True, text=True, env=env, timeout=120)
        elapsed = time.perf_counter() - started
        line = next((ln for ln in result.stdout.splitlines() if '"shown"' in ln), "")
        if result.returncode != 0 or not line:
            figure.available = False
            figure.note = "failed: " + (result.stderr.strip().splitlines() or ["?"])[-1][:200]
            return figure
        if run == 0:
            continue
        shown = json.loads(line)
        whole.append(elapsed)
        figure.samples.append(shown["shown_at"] - launched)
        if "cpu_s" in shown:
            cpu.append(shown["cpu_s"])
    cpu_note = f"; CPU time until then p50 {sorted(cpu)[len(cpu) // 2]:.2f} s" if cpu else ""
    figure.note = ("desk --measure-startup: process launch → the main window's first frame drawn, after one "
                   f"unmeasured start{cpu_note}; the whole run with quitting takes p50 "
                   f"{sorted(whole)[len(whole) // 2]:.2f} s")
    return figure
