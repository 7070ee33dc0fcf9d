#!/usr/bin/env python3
"""An all-day reception session, compressed (issue 23): memory, pauses and lost live updates.

    python scripts/soak.py --checkins 1000                         # SQLite file in a temp folder
    python scripts/soak.py --checkins 1000 --database-url postgresql+psycopg://postgres@127.0.0.1:5432/soak
    python scripts/soak.py --checkins 100000 --changes 10000 --every 250 --warmup 500   # 10,000 changes

This process drives the REAL main window as reception would (offscreen Qt, live updates on):
types a name letter by letter, checks the first hit in (check-in dialog, Enter), switches to the
waiting list and back now and then (between glances the hidden list does not reload; it catches
up when shown, so that latency runs until the next glance). Another OS process (`--counsellors`,
started by this one) plays six counsellors on the same database: call next, start, done, hand
over. Each of their changes is one line in a log file with an id, the visit, the visit's version
after the change and the commit time. A third OS process (`--open-list`) is another PC with the
waiting list on show all day (the head's main window: its own engine, live-update thread and GUI
thread). Both lists are checked against the log: every change must be shown (the visit with that
version or a later one, or gone once closed; a state superseded by a later one of the same visit
before the list showed it counts as shown), and the open list's commit -> shown latency is the
live update's (the hidden one's is the glance interval). `--changes N` ends the check-ins once N
changes were logged.

Every --every check-ins it prints one line: RSS, live Python objects (gc), QObjects in the
window, threads, file descriptors, the longest full collection, the longest window stall, search
and live-update latency. At the end: the growth per 1,000 check-ins after --warmup (least
squares), missed changes, and a verdict against the goals of issue 23 (--json for machines).
Exit code 1 when a goal is missed (latency and stalls only count with --strict-latency: they
depend on the machine's load; memory, objects and missed changes do not). With --strict-latency
the open list's p95 for changes that came alone (>= ISOLATED_GAP_S after the one before) must meet
issue 21's goal for a change seen by another process (SQLite 50 ms, PostgreSQL 30 ms).

A PostgreSQL database named in --database-url is emptied first (its public schema is dropped).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOALS = {"rss_mib_per_1000": 10.0, "objects_per_1000": 20_000, "full_gc_ms": 50.0, "stall_ms": 100.0,
         "missed": 0}
SEEN_TIMEOUT_S = 20.0
OPEN_LIST_P95_MS = {"SQLite": 50.0, "PostgreSQL": 30.0}  # a change seen by another process (issue 21)
ISOLATED_GAP_S = 0.3
"""A change committed this long after the one before came alone: the view's reload throttle
(desk.ui.views.base.RELOAD_THROTTLE_MS, 250 ms) is free for it. The soak's counsellors change
something every ~0.2 s, a hundred times a real centre's pace, so most changes meet the throttle;
issue 21's goal (a change seen by another process) is held against the ones that came alone."""


# -- the database ---------------------------------------------------------------------------------


def prepare(url: str | None, folder: Path) -> str:
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services
    from desk.storage.engine import sqlite_url
    from desk.tools.demo import fill_demo_centre

    if url is None:
        url = sqlite_url(folder / "soak.sqlite")
    elif url.startswith("postgresql"):
        import sqlalchemy as sa

        engine = sa.create_engine(url)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
        engine.dispose()
    services = build_services(prepare_database(url, backup_dir=folder / "backups"))
    try:
        fill_demo_centre(services, clients=300, past_weeks=0, future_weeks=0)
    finally:
        services.close()
    return url


def client_names(services) -> list[str]:
    from sqlalchemy import select

    from desk.storage.models import Client

    with services.uow() as uow:
        rows = uow.session.execute(select(Client.given_name, Client.family_name).order_by(Client.id)).all()
    return [f"{given} {family}".strip() for given, family in rows if (given or family)]


def staff_actors(services, role_name: str):
    from desk.domain.model import Role
    from desk.services.context import Actor

    role = Role(role_name)
    return [Actor(staff_id=s.id, name=s.display_name, role=s.role, service_ids=s.service_ids, workstation=s.username)
            for s in services.reference.staff(Actor.system()) if s.role is role and s.active]


# -- the counsellors (a separate process) -----------------------------------------------------------


def play_counsellors(url: str, log_path: Path, stop_path: Path, seed: int, pause_ms: float,
                     hand_over: float = 0.15) -> int:
    """Six counsellors on another "PC": each change is logged AFTER its commit returned."""
    from desk.domain.errors import DeskError
    from desk.domain.model import VisitStatus
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(url))
    rng = random.Random(seed)
    counsellors = staff_actors(services, "beratung")[:6]
    all_services = [s for s in services.reference.services(counsellors[0]) if s.active]
    every_service = frozenset(s.id for s in all_services)  # so the queue does not pile up in one service
    from desk.domain.model import RoomKind

    offices = [r.id for r in services.reference.rooms(counsellors[0]) if r.active and r.kind is RoomKind.OFFICE]
    parent = os.getppid()
    mine: dict[int, int] = {}  # counsellor index -> visit id they work on
    change_id = 0
    with open(log_path, "a", encoding="utf-8", buffering=1) as log:
        def logged(action: str, visit) -> None:
            nonlocal change_id
            change_id += 1
            log.write(json.dumps({"id": change_id, "action": action, "visit": visit.id, "version": visit.version,
                                  "open": visit.status in (VisitStatus.WAITING, VisitStatus.CALLED,
                                                           VisitStatus.IN_SESSION),
                                  "t": time.time()}) + "\n")

        while not stop_path.exists() and os.getppid() == parent:
            who = rng.randrange(len(counsellors))
            actor = counsellors[who]
            try:
                visit_id = mine.get(who)
                if visit_id is None:
                    result = services.waitlist.call_next(actor, service_ids=every_service,
                                                         room_id=offices[who % len(offices)])
                    if result is None:
                        time.sleep(pause_ms / 1000)
                        continue
                    mine[who] = result.visit.id
                    logged("call", result.visit)
                else:
                    row = services.waitlist.get(actor, visit_id)
                    if row.status is VisitStatus.CALLED:
                        logged("start", services.waitlist.start(actor, visit_id).visit)
                    elif row.status is VisitStatus.IN_SESSION and rng.random() < hand_over:
                        other = rng.choice([s for s in all_services if s.id != row.service_id])
                        result = services.waitlist.hand_over(actor, visit_id, service_id=other.id)
                        logged("hand_over", result.extra["old_visit"])
                        logged("handed_over_new", result.visit)
                        del mine[who]
                    elif row.status is VisitStatus.IN_SESSION:
                        logged("done", services.waitlist.done(actor, visit_id).visit)
                        del mine[who]
                    else:
                        del mine[who]
            except DeskError as error:  # a race with another counsellor: move on, as a person would
                print(f"counsellor {who}: {error.message()}", file=sys.stderr, flush=True)
                mine.pop(who, None)
            time.sleep(pause_ms / 1000 * rng.uniform(0.5, 1.5))
    services.close()
    return 0


# -- reception (this process) -----------------------------------------------------------------------


def rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@dataclass
class Window:
    """Figures of one block of --every check-ins."""

    checkins: int
    rss: float
    objects: int
    qobjects: int
    threads: int
    fds: int
    full_gc_ms: float
    full_gc_cpu_ms: float
    stall_ms: float
    search_ms: list[float] = field(default_factory=list)
    live_ms: list[float] = field(default_factory=list)
    open_ms: list[float] = field(default_factory=list)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def slope(points: list[tuple[float, float]]) -> float:
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0


class JsonLinesTail:
    """A file of JSON lines that another process appends to (the counsellors' change log, the open
    list's feed): `entries()` gives the lines completed since the last call, in order. A line
    still being written waits for its newline; read as bytes, so neither a half-written character
    nor a text-mode offset gets in the way. No file yet: nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offset = 0
        self._partial = b""

    def entries(self) -> list[dict]:
        try:
            with open(self.path, "rb") as file:
                file.seek(self._offset)
                chunk = file.read()
        except FileNotFoundError:
            return []
        self._offset += len(chunk)
        lines = (self._partial + chunk).split(b"\n")
        self._partial = lines.pop()
        return [json.loads(line) for line in lines if line.strip()]


class ChangeWatch:
    """Which counsellor changes reception's waiting list has shown, and after how long."""

    def __init__(self, log_path: Path) -> None:
        self._log = JsonLinesTail(log_path)
        self.shown: dict[int, int] = {}  # visit id -> highest version shown
        self.first_shown: dict[int, list[tuple[int, float]]] = {}  # visit -> (version, when first shown)
        self.gone: dict[int, float] = {}  # shown once, then no longer in the list (closed) -> since when
        self.pending: dict[int, tuple[int, int, bool, float]] = {}  # change id -> (visit, version, open, t)
        self.total = 0
        self.latencies: list[float] = []
        self.isolated: list[float] = []  # the latencies of changes committed ISOLATED_GAP_S after the one before
        self._isolated_ids: set[int] = set()
        self._last_commit = 0.0
        self.between_loads = 0  # open states of visits that opened and closed between two loads
        self._present: set[int] = set()
        self._applied_at = 0.0

    def read_log(self) -> None:
        for entry in self._log.entries():
            self.total += 1
            self.pending[entry["id"]] = (entry["visit"], entry["version"], entry["open"], entry["t"])
            if entry["t"] - self._last_commit >= ISOLATED_GAP_S:
                self._isolated_ids.add(entry["id"])
            self._last_commit = max(self._last_commit, entry["t"])

    def rows_shown(self, rows) -> None:
        """Reception's waiting list now shows `rows` (called on every applied load)."""
        now = self._applied_at = time.time()
        self._present = {row.id for row in rows}
        for row in rows:
            if row.version > self.shown.get(row.id, 0):
                self.shown[row.id] = row.version
                self.first_shown.setdefault(row.id, []).append((row.version, now))
        for visit_id in [v for v in self.shown if v not in self._present]:
            self.gone[visit_id] = now  # it was listed and is no longer: closed, after every change
            del self.shown[visit_id]
            del self.first_shown[visit_id]
        if len(self.gone) > 5000:  # ids only grow: forget the oldest closed visits
            self.gone = dict(sorted(self.gone.items())[-2500:])
        self.match()

    def _shown_at(self, visit_id: int, version: int) -> float:
        """When the list first showed `visit_id` at `version` or later, or without it (closed); a
        log line read after the load that showed its change still gets the load's time."""
        for shown_version, when in self.first_shown.get(visit_id, ()):
            if shown_version >= version:
                return when
        return self.gone.get(visit_id, self._applied_at)

    def match(self) -> None:
        """Settle every logged change that the list has shown: the visit with that version or a
        later one, or gone; a change that closed a visit never listed counts once a later load
        does not list it."""
        self.read_log()
        settled: dict[int, int] = {}  # visit -> highest version settled in this pass
        for change_id, (visit_id, version, is_open, committed) in list(self.pending.items()):
            if (self.shown.get(visit_id, 0) >= version or visit_id in self.gone
                    or (not is_open and visit_id not in self.shown and visit_id not in self._present
                        and self._applied_at > committed)):
                self._settle(change_id, max(0.0, self._shown_at(visit_id, version) - committed) * 1000)
                settled[visit_id] = max(version, settled.get(visit_id, 0))
        # a state the list never showed because a later one of the same visit came first (a hidden
        # list caught up when shown, issue 17; an open one loaded once after both commits) is
        # superseded, not missed
        for change_id, (visit_id, version, _is_open, committed) in list(self.pending.items()):
            if version < settled.get(visit_id, 0):
                self._settle(change_id, max(0.0, self._shown_at(visit_id, settled[visit_id]) - committed) * 1000)
                if visit_id not in self.shown and visit_id not in self.gone:
                    # the visit opened and closed between two loads: never listed, rightly; the
                    # checker before 62c7e8c counted these states as missed
                    self.between_loads += 1

    def _settle(self, change_id: int, latency_ms: float) -> None:
        del self.pending[change_id]
        self.latencies.append(latency_ms)
        if change_id in self._isolated_ids:
            self._isolated_ids.discard(change_id)
            self.isolated.append(latency_ms)

    def take_latencies(self) -> list[float]:
        taken, self.latencies = self.latencies, []
        return taken

    def take_isolated(self) -> list[float]:
        taken, self.isolated = self.isolated, []
        return taken

    def overdue(self, older_than_s: float) -> list[int]:
        limit = time.time() - older_than_s
        return [cid for cid, (_v, _ver, _o, t) in self.pending.items() if t < limit]


def qt_application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from desk.ui.i18n import install_language

    def quiet(kind, _context, message: str) -> None:  # offscreen Qt's notes are noise here
        if kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) and "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desk.ui.garbage import collect_on_gui_thread

    collect_on_gui_thread(app)  # as desk.app: garbage cycles are collected by the GUI thread's timer
    install_language("de")
    return app


def pump(seconds: float) -> None:
    """Run the real event loop (as app.exec() would: timers, queued signals, deleteLater)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(max(1, int(seconds * 1000)), loop.quit)
    loop.exec()


def wait_until(condition, timeout: float = 20.0) -> bool:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if condition():
            return True
        pump(0.005)
    return condition()


def main_window(url: str, role: str, view: str, ini: Path):
    """A main window with its own services (engine) and live-update thread, as on its own PC."""
    from PySide6.QtCore import QSettings

    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services
    from desk.ui.context import UiContext
    from desk.ui.events import AppEvents
    from desk.ui.main_window import MainWindow
    from desk.ui.settings import UiSettings

    services = build_services(prepare_database(url))
    store = QSettings(str(ini), QSettings.Format.IniFormat)
    settings = UiSettings(store)
    settings.last_view = view
    ctx = UiContext(services, staff_actors(services, role)[0], AppEvents(), settings)
    window = MainWindow(ctx, live_updates=True)
    window.show()
    return window, services, store


# -- an open waiting list (a third process) ----------------------------------------------------------


def run_open_list(url: str, log_path: Path, stop_path: Path, out_path: Path) -> int:
    """The head's PC with the waiting list on show all day (a third OS process: its own engine,
    live-update thread, GUI thread and interpreter). Every applied load is checked against the
    counsellors' log; the latencies (commit -> shown) go to `out_path` as JSON lines, one
    {"ready": ...} first and one {"missed": ...} at the end (after `stop_path` appears, once
    every logged change is shown or SEEN_TIMEOUT_S passed)."""
    qt_application()
    window, services, store = main_window(url, "leitung", "warteliste", out_path.with_suffix(".ini"))
    view = window.view("warteliste")
    watch = ChangeWatch(log_path)
    with open(out_path, "a", encoding="utf-8", buffering=1) as out:
        def applied() -> None:
            watch.rows_shown(view.model._rows)
            taken = watch.take_latencies()
            if taken:
                out.write(json.dumps({"live": taken, "isolated": watch.take_isolated()}) + "\n")

        view.sig_rows_applied.connect(applied)
        # how long a live change waited for the view's reload throttle (DeskView: one reload per
        # RELOAD_THROTTLE_MS); measured around the view's own methods, nothing changed in them
        request_reload, reload_now = view.request_reload, view._reload_now
        first_request: list[float] = []

        def timed_request(topics=None) -> None:
            if not view._pending and not first_request:
                first_request.append(time.time())
            request_reload(topics)

        def timed_reload(topics) -> None:
            if first_request:
                out.write(json.dumps({"throttle": (time.time() - first_request.pop()) * 1000}) + "\n")
            reload_now(topics)

        view.request_reload, view._reload_now = timed_request, timed_reload
        wait_until(lambda: view._loaded_once, 60.0)
        out.write(json.dumps({"ready": window.isVisible() and window.current_view() is view}) + "\n")
        while not stop_path.exists():
            pump(0.05)
        wait_until(lambda: watch.match() or not watch.pending, SEEN_TIMEOUT_S)
        late = watch.take_latencies()
        missed = sorted(watch.pending)
        out.write(json.dumps({"live": late, "isolated": watch.take_isolated(), "missed": missed, "missed_detail": [watch.pending[c] for c in missed[:20]],
                              "changes": watch.total, "between_loads": watch.between_loads,
                              "rss_mib": rss_mib()}) + "\n")
    window.close()
    pump(0.1)
    store.sync()
    services.close()
    return 0


class OpenListFeed:
    """Reception's side of the open list: reads its JSON lines as they come."""

    def __init__(self, path: Path) -> None:
        self._feed = JsonLinesTail(path)
        self.ready: bool | None = None
        self.final: dict | None = None
        self._live: list[float] = []
        self.throttle: list[float] = []  # ms a live change waited for the view's reload throttle
        self.isolated: list[float] = []  # latencies of the changes ISOLATED_GAP_S after the one before

    def read(self) -> None:
        for entry in self._feed.entries():
            self._live.extend(entry.get("live", ()))
            self.isolated.extend(entry.get("isolated", ()))
            if "throttle" in entry:
                self.throttle.append(entry["throttle"])
            if "ready" in entry:
                self.ready = entry["ready"]
            if "missed" in entry:
                self.final = entry

    def take(self) -> list[float]:
        self.read()
        taken, self._live = self._live, []
        return taken


def run_reception(url: str, args, log_path: Path, feed: OpenListFeed) -> dict:
    app = qt_application()
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest

    window, services, store = main_window(url, "empfang", "empfang", log_path.with_suffix(".ini"))
    empfang = window.view("empfang")
    warteliste = window.view("warteliste")  # built once, like a reception PC that opened it
    watch = ChangeWatch(log_path)
    warteliste.sig_rows_applied.connect(lambda: watch.rows_shown(warteliste.model._rows))

    # stalls: a 10 ms timer on the GUI thread; a late tick is time the window could not react
    stall = {"max": 0.0, "last": time.perf_counter()}

    def tick() -> None:
        now = time.perf_counter()
        stall["max"] = max(stall["max"], (now - stall["last"]) * 1000 - 10)
        stall["last"] = now

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()

    # full collections: gc callbacks time each generation-2 pass
    gc_state = {"start": 0.0, "cpu_start": 0.0, "max": 0.0, "cpu_max": 0.0, "count": 0}

    def on_gc(phase: str, info: dict) -> None:
        if info.get("generation") != 2:
            return
        if phase == "start":
            gc_state["start"], gc_state["cpu_start"] = time.perf_counter(), time.thread_time()
        else:
            gc_state["max"] = max(gc_state["max"], (time.perf_counter() - gc_state["start"]) * 1000)
            gc_state["cpu_max"] = max(gc_state["cpu_max"], (time.thread_time() - gc_state["cpu_start"]) * 1000)
            gc_state["count"] += 1

    gc.callbacks.append(on_gc)

    rng = random.Random(args.seed)
    names = client_names(services)
    refused = 0
    previous_census = None
    windows: list[Window] = []
    search_ms: list[float] = []
    failures: list[str] = []
    pump(1.0)
    stall["max"] = 0.0
    began = time.perf_counter()
    done = 0
    ended_early: list[int] = []

    def end_early(signum, _frame) -> None:  # Ctrl+C / kill: stop checking in, then the final count
        ended_early.append(signum)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, end_early)
    for number in range(1, args.checkins + 1):
        if ended_early:
            print(f"signal {ended_early[0]}: no more check-ins, the final count follows", flush=True)
            break
        if args.changes:
            watch.read_log()
            if watch.total >= args.changes:
                break  # enough counsellor changes logged: the final count follows
        done = number
        if number % 7 == 0:  # a glance at the waiting list, then back
            window.show_view("warteliste")
            pump(0.05)
            window.show_view("empfang")
        name = rng.choice(names)
        typed = name[: rng.randint(min(4, len(name)), len(name))]
        empfang.search.clear()
        empfang.search.setFocus()
        for letter in typed:  # key events with their text (QTest.keyClicks knows ASCII only)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                app.sendEvent(empfang.search, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, letter))
            pump(0.01)
        typed_at = time.perf_counter()
        found = wait_until(lambda: empfang.search_settled() and empfang.results_model.rowCount() > 0, 5.0)
        if not found and typed != name:  # a few letters of a name in Arabic script may find nobody yet
            empfang.search.setText(name)
            found = wait_until(lambda: empfang.search_settled() and empfang.results_model.rowCount() > 0)
        if not found:
            failures.append(f"check-in {number}: no result for {name!r}")
            continue
        search_ms.append((time.perf_counter() - typed_at) * 1000)
        before = empfang.last_visit
        QTest.keyClick(empfang.search, Qt.Key.Key_Down)  # the first hit; sometimes one further down
        for _ in range(rng.choice((0, 0, 0, 1, 2))):
            QTest.keyClick(empfang.results, Qt.Key.Key_Down)
        QTest.keyClick(empfang.results, Qt.Key.Key_Return)
        dialog = empfang.checkin_dialog
        if dialog is None or not dialog.isVisible():
            failures.append(f"check-in {number}: no dialog")
            continue
        if dialog.service.count() > 1:
            dialog.service.setCurrentIndex(rng.randrange(dialog.service.count()))
        QTest.keyClick(dialog.service, Qt.Key.Key_Return)
        if not wait_until(lambda: not empfang._busy):
            failures.append(f"check-in {number}: no answer")
        elif empfang.last_visit is before:
            refused += 1  # "already waiting since ...": reception reads it and goes on
        if number % args.every == 0:
            gc.collect()  # a full pass before counting, so garbage is not counted as growth
            windows.append(Window(
                checkins=number, rss=rss_mib(), objects=len(gc.get_objects()),
                qobjects=len(window.findChildren(QObject)) + len(app.topLevelWidgets()),
                threads=len(os.listdir("/proc/self/task")), fds=len(os.listdir("/proc/self/fd")),
                full_gc_ms=gc_state["max"], full_gc_cpu_ms=gc_state["cpu_max"], stall_ms=stall["max"], search_ms=search_ms,
                live_ms=watch.take_latencies(), open_ms=feed.take()))
            print(line(windows[-1]), flush=True)
            if args.growth:
                census = _census(window)
                if number > args.warmup and previous_census is not None:
                    grown = [(k, census[k] - previous_census.get(k, 0)) for k in census]
                    grown = sorted((g for g in grown if g[1] > 0), key=lambda g: -g[1])[:12]
                    print("   grown since the last line: " + ", ".join(f"{k} +{n}" for k, n in grown), flush=True)
                previous_census = census
            search_ms = []
            gc_state["max"] = gc_state["cpu_max"] = 0.0
            pump(0.02)
            stall["max"] = 0.0
    elapsed = time.perf_counter() - began
    # the last changes: a last glance at the waiting list (hidden between glances it only remembers
    # what changed and reloads when shown, issue 17), then SEEN_TIMEOUT_S to show them
    Path(args.stop_file).touch()
    time.sleep(0.5)
    window.show_view("warteliste")
    watch.match()
    wait_until(lambda: watch.match() or not watch.pending, SEEN_TIMEOUT_S)
    missed = sorted(watch.pending)
    late = [latency for latency in watch.take_latencies()]
    if windows:
        windows[-1].live_ms.extend(late)
    gc.callbacks.remove(on_gc)
    ticker.stop()
    window.close()
    pump(0.1)
    store.sync()  # now, not when the temporary folder is already gone
    services.close()
    return {"windows": windows, "missed": missed, "missed_detail": [watch.pending[c] for c in missed[:20]],
            "changes": watch.total, "failures": failures, "refused": refused, "elapsed_s": elapsed,
            "checkins": done, "between_loads": watch.between_loads}


def finish_open_list(result: dict, feed: OpenListFeed, process: subprocess.Popen, stop_path: Path) -> None:
    """After the counsellors stopped: the open list settles what is left and reports."""
    stop_path.touch()
    try:
        process.wait(SEEN_TIMEOUT_S + 40)
    except subprocess.TimeoutExpired:
        process.kill()
    late = feed.take()
    final = feed.final or {"missed": ["no report from the open list"], "missed_detail": [], "changes": 0}
    if result["windows"]:
        result["windows"][-1].open_ms.extend(late)
    result.update(open_missed=final["missed"], open_missed_detail=final["missed_detail"],
                  open_changes=final["changes"], open_rss_mib=final.get("rss_mib", 0.0),
                  open_between_loads=final.get("between_loads", 0),
                  open_throttle_ms=feed.throttle, open_isolated_ms=feed.isolated)


def _census(window) -> dict[str, int]:
    """Live objects by type: Python (gc) and Qt (the window's QObject tree), for --growth."""
    from PySide6.QtCore import QObject

    counts: dict[str, int] = {}
    for obj in gc.get_objects():
        name = "py:" + type(obj).__qualname__
        counts[name] = counts.get(name, 0) + 1
    for obj in window.findChildren(QObject):
        name = "qt:" + obj.metaObject().className()
        counts[name] = counts.get(name, 0) + 1
    return counts


def line(w: Window) -> str:
    return (f"{w.checkins:6d} check-ins  RSS {w.rss:7.1f} MiB  objects {w.objects:8d}  QObjects {w.qobjects:5d}  "
            f"threads {w.threads:3d}  fds {w.fds:4d}  full gc max {w.full_gc_ms:5.1f} ms (CPU {w.full_gc_cpu_ms:4.1f})  stall max {w.stall_ms:6.1f} ms  "
            f"search p50/p95 {percentile(w.search_ms, .5):5.0f}/{percentile(w.search_ms, .95):5.0f} ms  "
            f"glance p50/p95/max {percentile(w.live_ms, .5):5.0f}/{percentile(w.live_ms, .95):5.0f}/"
            f"{max(w.live_ms, default=0):5.0f} ms ({len(w.live_ms)})  "
            f"open list p50/p95/max {percentile(w.open_ms, .5):4.0f}/{percentile(w.open_ms, .95):4.0f}/"
            f"{max(w.open_ms, default=0):5.0f} ms ({len(w.open_ms)})")


def summarise(result: dict, warmup: int) -> dict:
    windows = [w for w in result["windows"] if w.checkins > warmup]
    per_1000 = {
        "rss_mib_per_1000": slope([(w.checkins, w.rss) for w in windows]) * 1000,
        "objects_per_1000": slope([(w.checkins, w.objects) for w in windows]) * 1000,
        "qobjects_per_1000": slope([(w.checkins, w.qobjects) for w in windows]) * 1000,
        "threads_per_1000": slope([(w.checkins, w.threads) for w in windows]) * 1000,
        "fds_per_1000": slope([(w.checkins, w.fds) for w in windows]) * 1000,
    }
    live = [x for w in result["windows"] for x in w.live_ms]
    opened = [x for w in result["windows"] for x in w.open_ms]
    search = [x for w in result["windows"] for x in w.search_ms]
    return {
        **per_1000,
        "full_gc_ms": max((w.full_gc_ms for w in windows), default=0.0),
        "full_gc_cpu_ms": max((w.full_gc_cpu_ms for w in windows), default=0.0),
        "stall_ms": max((w.stall_ms for w in windows), default=0.0),
        "missed": len(result["missed"]),
        "changes": result["changes"],
        "live_p50_ms": percentile(live, .5), "live_p95_ms": percentile(live, .95), "live_max_ms": max(live, default=0.0),
        "open_missed": len(result["open_missed"]), "open_changes": result["open_changes"],
        "open_p50_ms": percentile(opened, .5), "open_p95_ms": percentile(opened, .95),
        "open_max_ms": max(opened, default=0.0), "open_rss_mib": result["open_rss_mib"],
        "open_throttle_p50_ms": percentile(result["open_throttle_ms"], .5),
        "open_throttle_p95_ms": percentile(result["open_throttle_ms"], .95),
        "open_reloads": len(result["open_throttle_ms"]),
        "open_isolated_p50_ms": percentile(result["open_isolated_ms"], .5),
        "open_isolated_p95_ms": percentile(result["open_isolated_ms"], .95),
        "open_isolated": len(result["open_isolated_ms"]),
        "search_p50_ms": percentile(search, .5), "search_p95_ms": percentile(search, .95),
        "rss_end_mib": result["windows"][-1].rss if result["windows"] else 0.0,
        "objects_end": result["windows"][-1].objects if result["windows"] else 0,
        "failures": len(result["failures"]),
        "refused": result["refused"],
        "elapsed_s": result["elapsed_s"],
        "checkins": result["checkins"],
        "between_loads": result["between_loads"], "open_between_loads": result["open_between_loads"],
    }


def verdict(summary: dict, strict_latency: bool) -> list[str]:
    missed = []
    if summary["rss_mib_per_1000"] > GOALS["rss_mib_per_1000"]:
        missed.append(f"RSS grows {summary['rss_mib_per_1000']:.1f} MiB per 1,000 check-ins (goal <= 10)")
    if summary["objects_per_1000"] > GOALS["objects_per_1000"]:
        missed.append(f"live objects grow {summary['objects_per_1000']:.0f} per 1,000 check-ins (goal <= 20,000)")
    if summary["missed"] > GOALS["missed"]:
        missed.append(f"{summary['missed']} of {summary['changes']} counsellor changes never shown")
    if summary["open_missed"] > GOALS["missed"]:
        missed.append(f"{summary['open_missed']} of {summary['open_changes']} counsellor changes never shown "
                      "in the open list")
    if summary["failures"]:
        missed.append(f"{summary['failures']} check-ins failed")
    if strict_latency:
        if summary["full_gc_ms"] > GOALS["full_gc_ms"]:
            missed.append(f"a full collection took {summary['full_gc_ms']:.0f} ms (goal <= 50)")
        if summary["stall_ms"] > GOALS["stall_ms"]:
            missed.append(f"the window stalled {summary['stall_ms']:.0f} ms (goal <= 100)")
        goal = OPEN_LIST_P95_MS[summary["engine"]]
        if summary["open_isolated_p95_ms"] > goal:
            missed.append(f"the open list showed a change that came alone after {summary['open_isolated_p95_ms']:.0f} ms "
                          f"p95 (goal <= {goal:.0f})")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkins", type=int, default=1000)
    parser.add_argument("--changes", type=int, default=0,
                        help="stop checking in once the counsellors logged this many changes (0: --checkins decides)")
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file in a temp folder")
    parser.add_argument("--every", type=int, default=100, help="print figures every N check-ins")
    parser.add_argument("--warmup", type=int, default=200, help="check-ins not counted in the growth")
    parser.add_argument("--pause-ms", type=float, default=150.0, help="a counsellor's pause between actions")
    parser.add_argument("--hand-over", type=float, default=0.15,
                        help="share of sessions a counsellor hands over instead of finishing (each one is two "
                             "changes and a new visit: more changes per check-in)")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON line at the end")
    parser.add_argument("--strict-latency", action="store_true", help="full-gc and stall goals fail the run too")
    parser.add_argument("--growth", action="store_true", help="print the types that grew since the last line")
    parser.add_argument("--counsellors", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--log", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--stop-file", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--open-list", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.open_list:
        return run_open_list(args.database_url, Path(args.log), Path(args.stop_file), Path(args.out))
    if args.counsellors:
        return play_counsellors(args.database_url, Path(args.log), Path(args.stop_file), args.seed, args.pause_ms,
                                args.hand_over)

    with tempfile.TemporaryDirectory(prefix="desk-soak-") as tmp:
        folder = Path(tmp)
        url = prepare(args.database_url, folder)
        log_path = folder / "changes.jsonl"
        log_path.touch()
        args.stop_file = str(folder / "stop")
        engine = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        feed = OpenListFeed(folder / "open_list.jsonl")
        open_stop = folder / "stop-open-list"
        open_list = subprocess.Popen(  # first, so that its list is on show before the first change
            [sys.executable, __file__, "--open-list", "--database-url", url, "--log", str(log_path),
             "--stop-file", str(open_stop), "--out", str(folder / "open_list.jsonl")],
            stderr=open(folder / "open_list.err", "w"))  # noqa: SIM115 - lives as long as the child
        deadline = time.monotonic() + 120
        while feed.ready is None and open_list.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            feed.read()
        if not feed.ready:
            open_list.kill()
            print("the open list did not come up: " + (folder / "open_list.err").read_text()[-2000:], file=sys.stderr)
            return 2
        counsellors = subprocess.Popen(
            [sys.executable, __file__, "--counsellors", "--database-url", url, "--log", str(log_path),
             "--stop-file", args.stop_file, "--seed", str(args.seed + 1), "--pause-ms", str(args.pause_ms),
             "--hand-over", str(args.hand_over)],
            stderr=open(folder / "counsellors.err", "w"))  # noqa: SIM115 - lives as long as the child
        print(f"soak on {engine}: {args.checkins} check-ins{f' or {args.changes} changes' if args.changes else ''}, six counsellors in process {counsellors.pid}, "
              f"the waiting list open on another PC in process {open_list.pid}, "
              f"started {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", flush=True)
        try:
            result = run_reception(url, args, log_path, feed)
        finally:
            Path(args.stop_file).touch()
            try:
                counsellors.wait(30)
            except subprocess.TimeoutExpired:
                counsellors.kill()
            open_stop.touch()
        finish_open_list(result, feed, open_list, open_stop)
        races = sum(1 for _ in open(folder / "counsellors.err", encoding="utf-8"))
        open_errors = (folder / "open_list.err").read_text(encoding="utf-8").strip()
        if open_errors:
            print("open list process: " + open_errors[-2000:], file=sys.stderr)
    summary = summarise(result, args.warmup)
    summary["engine"] = engine
    summary["counsellor_races"] = races
    print(f"growth per 1,000 check-ins after {args.warmup}: RSS {summary['rss_mib_per_1000']:+.1f} MiB, "
          f"objects {summary['objects_per_1000']:+.0f}, QObjects {summary['qobjects_per_1000']:+.0f}, "
          f"threads {summary['threads_per_1000']:+.1f}, fds {summary['fds_per_1000']:+.1f}")
    print(f"longest full collection {summary['full_gc_ms']:.1f} ms ({summary['full_gc_cpu_ms']:.1f} ms CPU), longest stall {summary['stall_ms']:.0f} ms "
          f"(machine load counts here); search p50/p95 {summary['search_p50_ms']:.0f}/{summary['search_p95_ms']:.0f} ms "
          f"(incl. {120} ms debounce)")
    print(f"live update into the OPEN waiting list (another PC), commit -> shown: every change p50/p95/max "
          f"{summary['open_p50_ms']:.0f}/{summary['open_p95_ms']:.0f}/{summary['open_max_ms']:.0f} ms, of which "
          f"waiting for the view's reload throttle p50/p95 {summary['open_throttle_p50_ms']:.0f}/"
          f"{summary['open_throttle_p95_ms']:.0f} ms ({summary['open_reloads']} live reloads)")
    print(f"  changes that came alone (>= {ISOLATED_GAP_S * 1000:.0f} ms after the one before, "
          f"{summary['open_isolated']}): p50/p95 {summary['open_isolated_p50_ms']:.0f}/"
          f"{summary['open_isolated_p95_ms']:.0f} ms (goal p95 <= {OPEN_LIST_P95_MS[engine]:.0f} ms)")
    print(f"reception's hidden waiting list, by its next glance (every 7th check-in): p50/p95/max "
          f"{summary['live_p50_ms']:.0f}/{summary['live_p95_ms']:.0f}/{summary['live_max_ms']:.0f} ms")
    print(f"counsellor changes: {summary['changes']}, missed by reception's list: {summary['missed']} "
          f"{result['missed_detail'] if result['missed'] else ''}, by the open list: {summary['open_missed']} of "
          f"{summary['open_changes']} {result['open_missed_detail'] if result['open_missed'] else ''}; "
          f"counsellor races lost: {races}; "
          f"check-ins refused (already waiting): {summary['refused']}; "
          f"check-in failures: {summary['failures']} {result['failures'][:3]}; {summary['checkins']} check-ins in "
          f"{summary['elapsed_s']:.0f} s")
    print(f"open states of visits that opened and closed between two loads of a list (never listed, "
          f"rightly; counted as shown, the checker before 62c7e8c counted them as missed): reception's "
          f"{summary['between_loads']}, the open list's {summary['open_between_loads']}")
    problems = verdict(summary, args.strict_latency)
    print("goals: " + ("all met" if not problems else "MISSED: " + "; ".join(problems)), flush=True)
    if args.json:
        print(json.dumps(summary), flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    threading.current_thread().name = "soak"
    sys.exit(main())
