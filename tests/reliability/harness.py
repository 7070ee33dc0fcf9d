"""Worker processes and checks shared by tests/reliability and scripts/reliability.py.

Everything a child process runs lives here, at module level, so that `multiprocessing` with the
`spawn` start method (a fresh interpreter per process, as on a Windows workstation) can import it.
Every child opens its OWN engine through desk.services.bootstrap, exactly like a desk instance
on another PC.
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import struct
import time
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desk.domain.errors import DeskError
from desk.domain.model import Role
from desk.services.checkin import CheckInRequest
from desk.services.context import Actor
from desk.services.desk import DeskServices, build_services
from desk.storage.engine import Database, open_database

PG_RESTART_VARIABLE = "DESK_TEST_PG_RESTART"


def actor(workstation: str = "reliability") -> Actor:
    return Actor(staff_id=None, name=f"Reliability {workstation}", role=Role.HEAD, workstation=workstation)


# -- opening the database in a child --------------------------------------------------------------


class DeferredDatabase(Database):
    """NEGATIVE CONTROL ONLY: write units of work start with a plain (deferred) BEGIN.

    This is what desk would do without `BEGIN IMMEDIATE`: a transaction reads first, and when it
    later wants to write, another writer has committed in between and SQLite answers
    "database is locked" (SQLITE_BUSY_SNAPSHOT) at once, whatever the busy timeout.
    """

    def session(self, *, write: bool, **options):  # type: ignore[override]
        return super().session(write=False, **options)


def open_services(url: str, *, deferred: bool = False, busy_timeout_ms: int | None = None) -> DeskServices:
    db = open_database(url)
    if busy_timeout_ms is not None and db.is_sqlite:
        from sqlalchemy import event

        @event.listens_for(db.engine, "connect")
        def _short_busy(dbapi_connection, _record) -> None:
            dbapi_connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")

        db.engine.dispose()  # the connection opened by the first check used the normal timeout
    if deferred:
        db = DeferredDatabase(engine=db.engine, sessions=db.sessions, url=db.url)
    return build_services(db)


def service_ids(services: DeskServices) -> list[int]:
    return [s.id for s in services.reference.services(actor()) if s.active]


# -- 1. concurrent writers ------------------------------------------------------------------------


@dataclass
class WriterResult:
    worker: int
    acked: list[tuple[int, int, str]] = field(default_factory=list)  # (visit id, service id, ticket)
    latencies: list[float] = field(default_factory=list)  # seconds per acknowledged check-in
    errors: list[tuple[str, str]] = field(default_factory=list)  # (exception type, message)
    crashed: str = ""


def checkin_writer(url: str, worker: int, count: int, now_iso: str, deferred: bool,
                   busy_timeout_ms: int | None, start, results) -> None:
    """Child: `count` check-ins through CheckInService, spread over the services."""
    result = WriterResult(worker)
    try:
        services = open_services(url, deferred=deferred, busy_timeout_ms=busy_timeout_ms)
        ids = service_ids(services)
        me = actor(f"ws{worker}")
        now = datetime.fromisoformat(now_iso)
        rnd = random.Random(worker)
        start.wait()
        for i in range(count):
            service_id = ids[(i + rnd.randrange(len(ids))) % len(ids)]
            began = time.perf_counter()
            try:
                row = services.checkin.check_in(me, CheckInRequest(service_id=service_id), now=now)
            except DeskError as error:
                result.errors.append((type(error).__name__, str(error)))
                continue
            result.latencies.append(time.perf_counter() - began)
            result.acked.append((row.id, row.service_id, row.ticket))
        services.close()
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
        result.crashed = traceback.format_exc()
    results.put(result)


@dataclass
class WritersOutcome:
    processes: int
    per_process: int
    results: list[WriterResult]
    visits_in_db: int
    duplicate_tickets: list[tuple]
    missing_acked: list[int]
    wall_seconds: float

    @property
    def acked(self) -> int:
        return sum(len(r.acked) for r in self.results)

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [e for r in self.results for e in r.errors]

    @property
    def locked_errors(self) -> list[tuple[str, str]]:
        return [e for e in self.errors if "locked" in e[1].lower()]

    @property
    def crashes(self) -> list[str]:
        return [r.crashed for r in self.results if r.crashed]

    def latency_ms(self) -> dict[str, float]:
        values = sorted(v for r in self.results for v in r.latencies)
        return percentiles(values)

    def figures(self) -> str:
        lat = self.latency_ms()
        return (f"{self.processes} processes x {self.per_process} check-ins: {self.visits_in_db} visits in the "
                f"database, {self.acked} acknowledged, {len(self.missing_acked)} lost, "
                f"{len(self.duplicate_tickets)} duplicate tickets, {len(self.locked_errors)} 'locked' errors, "
                f"{len(self.errors)} errors in all; latency p50 {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms, "
                f"max {lat['max']:.1f} ms; {self.acked / max(self.wall_seconds, 1e-9):.0f} check-ins/s")


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"p50": 0.0, "p95": 0.0, "max": 0.0}
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(round(q * (len(values) - 1))))]  # noqa: E731
    return {"p50": pick(0.50) * 1000, "p95": pick(0.95) * 1000, "max": values[-1] * 1000,
            "mean": statistics.fmean(values) * 1000}


def run_concurrent_writers(url: str, processes: int, per_process: int, *, deferred: bool = False,
                           busy_timeout_ms: int | None = None, timeout: float = 600) -> WritersOutcome:
    """The parent: the database must exist (prepare_database) before this is called."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    results = ctx.Queue()
    now_iso = datetime.now(UTC).isoformat()
    children = [ctx.Process(target=checkin_writer,
                            args=(url, w, per_process, now_iso, deferred, busy_timeout_ms, start, results))
                for w in range(processes)]
    for child in children:
        child.start()
    # let every child import and open its engine before they all start at once
    began = time.perf_counter()
    time.sleep(0.2)
    start.set()
    collected = [results.get(timeout=timeout) for _ in children]
    wall = time.perf_counter() - began
    for child in children:
        child.join(timeout=30)
    return check_writers(url, processes, per_process, collected, wall)


def check_writers(url: str, processes: int, per_process: int, results: list[WriterResult],
                  wall: float) -> WritersOutcome:
    db = open_database(url)
    try:
        with db.engine.connect() as connection:
            visits = connection.exec_driver_sql("SELECT count(*) FROM visits").scalar_one()
            duplicates = connection.exec_driver_sql(
                "SELECT service_id, ticket_day, ticket_number, count(*) FROM visits "
                "GROUP BY service_id, ticket_day, ticket_number HAVING count(*) > 1").fetchall()
            present = {row[0] for row in connection.exec_driver_sql("SELECT id FROM visits")}
    finally:
        db.dispose()
    acked_ids = [visit_id for r in results for visit_id, _, _ in r.acked]
    missing = [i for i in acked_ids if i not in present]
    return WritersOutcome(processes, per_process, sorted(results, key=lambda r: r.worker), visits,
                          [tuple(d) for d in duplicates], missing, wall)


# -- 3. crashes: SIGKILL at random moments ----------------------------------------------------------


def acknowledging_writer(url: str, writer) -> None:
    """Child: check in forever; after each commit RETURNS, report the visit id on the pipe."""
    services = open_services(url)
    ids = service_ids(services)
    me = actor("crash")
    i = 0
    while True:
        row = services.checkin.check_in(me, CheckInRequest(service_id=ids[i % len(ids)]))
        writer.send_bytes(struct.pack("<q", row.id))
        i += 1


@dataclass
class KillRound:
    acked: int
    last_acked: int | None
    integrity: str
    last_present: bool
    orphans: int  # visits without their audit event, or audit events without their visit
    exit_code: int | None = None


def kill_round(url: str, path: Path, ctx, rnd: random.Random, max_delay: float = 0.4) -> KillRound:
    """Start the writer, wait for its first acknowledgement, SIGKILL it at a random moment."""
    import signal

    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(target=acknowledging_writer, args=(url, writer))
    child.start()
    writer.close()
    acked: list[int] = []

    def drain(wait: float) -> None:
        deadline = time.monotonic() + wait
        while True:
            remaining = max(deadline - time.monotonic(), 0)
            try:
                if not reader.poll(remaining):
                    return
                acked.append(struct.unpack("<q", reader.recv_bytes())[0])
            except (EOFError, OSError):
                return

    # wait (up to 30 s) for the child to be writing, then kill it after a random delay
    deadline = time.monotonic() + 30
    while not acked and time.monotonic() < deadline and child.is_alive():
        drain(0.05)
    drain(rnd.uniform(0, max_delay))
    if child.is_alive():
        os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=30)
    drain(0.2)  # whatever was written to the pipe before the kill
    reader.close()
    last = acked[-1] if acked else None
    connection = sqlite3.connect(str(path))  # a fresh open: WAL recovery happens here
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        last_present = last is None or connection.execute(
            "SELECT count(*) FROM visits WHERE id = ?", (last,)).fetchone()[0] == 1
        orphans = connection.execute(
            "SELECT (SELECT count(*) FROM visits v WHERE NOT EXISTS (SELECT 1 FROM audit_events a "
            "        WHERE a.action = 'visit.check_in' AND a.entity_id = v.id)) + "
            "       (SELECT count(*) FROM audit_events a WHERE a.action = 'visit.check_in' AND NOT EXISTS "
            "        (SELECT 1 FROM visits v WHERE v.id = a.entity_id))").fetchone()[0]
    finally:
        connection.close()
    return KillRound(len(acked), last, integrity, last_present, orphans, child.exitcode)


def crash_context():
    """forkserver: each killed child is a cheap fork of a server that has desk imported."""
    import multiprocessing

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["desk.services.desk", "desk.services.bootstrap", __name__])
    return ctx


def summarize(values: list[Any]) -> str:
    return ", ".join(str(v) for v in values)


# -- 2. races ---------------------------------------------------------------------------------------


def card_editor(url: str, worker: int, client_id: int, start, results) -> None:
    """Child: load the client card, wait for everyone, then save a different family name."""
    from desk.services.clients import ClientInput

    outcome: tuple[int, str, str] = (worker, "crash", "")
    try:
        services = open_services(url)
        me = actor(f"ws{worker}")
        card = services.clients.card(me, client_id)
        start.wait()
        try:
            services.clients.update(me, client_id, card.version,
                                    ClientInput(given_name=card.given_name, family_name=f"Editor {worker}"))
            outcome = (worker, "saved", "")
        except DeskError as error:
            outcome = (worker, type(error).__name__, str(error))
        services.close()
    except BaseException:  # noqa: BLE001 - reported to the parent
        outcome = (worker, "crash", traceback.format_exc())
    results.put(outcome)


def run_card_race(url: str, client_id: int, processes: int) -> list[tuple[int, str, str]]:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(processes)
    results = ctx.Queue()
    children = [ctx.Process(target=card_editor, args=(url, w, client_id, start, results)) for w in range(processes)]
    for child in children:
        child.start()
    collected = [results.get(timeout=120) for _ in children]
    for child in children:
        child.join(timeout=30)
    return sorted(collected)


# -- live load: writers that report every acknowledged check-in at once ------------------------------


def live_writer(url: str, worker: int, stop, events) -> None:
    """Child: check in until `stop` is set. Puts ("ok", worker, visit id, started, acked) after each
    commit returns, ("err", worker, message, started, failed) for each refused attempt (a DeskError:
    the message a person would see); retries after 50 ms, as a person would click again."""
    try:
        services = open_services(url)
        ids = service_ids(services)
        me = actor(f"live{worker}")
        i = 0
        while not stop.is_set():
            began = time.time()
            try:
                row = services.checkin.check_in(me, CheckInRequest(service_id=ids[(i + worker) % len(ids)]))
            except DeskError as error:
                events.put(("err", worker, f"{type(error).__name__}: {error}", began, time.time()))
                time.sleep(0.05)
                continue
            events.put(("ok", worker, row.id, began, time.time()))
            i += 1
        services.close()
        events.put(("done", worker, 0, 0.0, 0.0))
    except BaseException:  # noqa: BLE001 - reported to the parent
        events.put(("crash", worker, traceback.format_exc(), 0.0, 0.0))


class LiveLoad:
    """`with LiveLoad(url, 2) as load: ...` runs writer processes; `load.events` after the block."""

    def __init__(self, url: str, processes: int) -> None:
        import multiprocessing

        self._ctx = multiprocessing.get_context("spawn")
        self._stop = self._ctx.Event()
        self._queue = self._ctx.Queue()
        self._children = [self._ctx.Process(target=live_writer, args=(url, w, self._stop, self._queue))
                          for w in range(processes)]
        self.events: list[tuple] = []

    def __enter__(self) -> LiveLoad:
        for child in self._children:
            child.start()
        return self

    def wait_for_acks(self, count: int, timeout: float = 60) -> None:
        """Until `count` check-ins are acknowledged AND every writer has had one acknowledged: a
        writer still starting (spawn imports desk: a second or two) must not meet what the test
        does next (a server restart) before its load has begun."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            acked = self.acked()
            if len(acked) >= count and {e[1] for e in acked} >= set(range(len(self._children))):
                return
            self.collect(0.05)

    def collect(self, wait: float = 0.0) -> None:
        import queue

        deadline = time.monotonic() + wait
        while True:
            try:
                self.events.append(self._queue.get(timeout=max(deadline - time.monotonic(), 0.001)))
            except queue.Empty:
                if time.monotonic() >= deadline:
                    return

    def __exit__(self, *exc) -> None:
        self._stop.set()
        done = 0
        deadline = time.monotonic() + 60
        while done < len(self._children) and time.monotonic() < deadline:
            before = len(self.events)
            self.collect(0.1)
            done += sum(1 for e in self.events[before:] if e[0] in {"done", "crash"})
        for child in self._children:
            child.join(timeout=10)
            if child.is_alive():
                child.kill()

    def acked(self) -> list[tuple]:
        return [e for e in self.events if e[0] == "ok"]

    def errors(self) -> list[tuple]:
        return [e for e in self.events if e[0] == "err"]

    def crashes(self) -> list[str]:
        return [e[2] for e in self.events if e[0] == "crash"]


def sqlite_facts(path: Path) -> dict[str, Any]:
    """integrity, visit ids, and half-written check-ins (a visit without its audit event or back)."""
    connection = sqlite3.connect(str(path))
    try:
        return {
            "integrity": connection.execute("PRAGMA integrity_check").fetchone()[0],
            "visit_ids": {r[0] for r in connection.execute("SELECT id FROM visits")},
            "orphans": connection.execute(
                "SELECT (SELECT count(*) FROM visits v WHERE NOT EXISTS (SELECT 1 FROM audit_events a "
                "        WHERE a.action = 'visit.check_in' AND a.entity_id = v.id)) + "
                "       (SELECT count(*) FROM audit_events a WHERE a.action = 'visit.check_in' AND NOT EXISTS "
                "        (SELECT 1 FROM visits v WHERE v.id = a.entity_id))").fetchone()[0],
            "duplicate_tickets": connection.execute(
                "SELECT count(*) FROM (SELECT 1 FROM visits GROUP BY service_id, ticket_day, ticket_number "
                "HAVING count(*) > 1)").fetchone()[0],
        }
    finally:
        connection.close()


def shm_victim(url: str, shm: str, events) -> None:
    """Child: check in, make the (memory-mapped) -shm file immutable, and try to go on."""
    import subprocess

    services = open_services(url)
    ids = service_ids(services)
    for i in range(5):
        events.send(("ok", services.checkin.check_in(actor(), CheckInRequest(service_id=ids[i % len(ids)])).id))
    subprocess.run(["chattr", "+i", shm], check=True)
    events.send(("locked", 0))
    try:
        for i in range(50):
            row = services.checkin.check_in(actor(), CheckInRequest(service_id=ids[i % len(ids)]))
            events.send(("ok", row.id))
        events.send(("no error", 0))
    except DeskError as error:
        events.send(("refused", f"{type(error).__name__}: {error}"))


# -- PostgreSQL server restart ------------------------------------------------------------------------


def pg_cluster() -> tuple[str, str]:
    """(version, name) of the local cluster, from `pg_lsclusters`."""
    import subprocess

    lines = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout.split("\n")
    version, name = lines[0].split()[:2]
    return version, name


def pg_ctl(action: str) -> None:
    import subprocess

    version, name = pg_cluster()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action],
                   check=True, capture_output=True, text=True, timeout=120)


def pg_ensure_running() -> None:
    """ALWAYS called after a restart test: the other engineers' tests need the server."""
    import subprocess

    version, name = pg_cluster()
    status = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout
    if " online" not in status:
        pg_ctl("start")


@dataclass
class RestartOutcome:
    acked: int
    missing: list[int]
    errors_during: list[str]
    first_after_restart_ok: list[bool]
    in_process_next_action: str
    restart_seconds: float
    crashes: list[str]

    def figures(self) -> str:
        return (f"PostgreSQL restart under load: {self.acked} acknowledged check-ins, {len(self.missing)} lost; "
                f"restart took {self.restart_seconds:.1f} s; {len(self.errors_during)} refused attempts during "
                f"the restart ({', '.join(sorted(set(m.split(':')[0] for m in self.errors_during))) or 'none'}); "
                f"first action after the restart per writer: "
                f"{['ok' if ok else 'failed' for ok in self.first_after_restart_ok]}; "
                f"in-process next action: {self.in_process_next_action}")


def run_pg_restart(url: str, processes: int = 2, seconds_after: float = 2.0) -> RestartOutcome:
    """Writers check in; the server restarts; every acknowledged check-in must be there, and every
    writer's first attempt that began after the server was back must succeed (the BEGIN of a unit of
    work finds a dead pooled connection and a fresh one does the work: Database._begin_alive)."""
    from desk.services.bootstrap import prepare_database

    services = build_services(prepare_database(url))  # opened BEFORE the restart, used after it
    ids = service_ids(services)
    services.checkin.check_in(actor(), CheckInRequest(service_id=ids[0]))
    try:
        with LiveLoad(url, processes) as load:
            load.wait_for_acks(20)
            began = time.time()
            try:
                pg_ctl("restart")
            finally:
                pg_ensure_running()
            back = time.time()
            load.collect(seconds_after)
        try:
            services.checkin.check_in(actor(), CheckInRequest(service_id=ids[0]))
            next_action = "ok"
        except DeskError as error:
            next_action = f"refused: {error}"
        acked = [e[2] for e in load.acked()]
        with services.uow() as uow:
            present = {v.id for v in uow.visits.for_day(services.checkin.today(actor())[0].ticket_day)} \
                if acked else set()
        firsts = []
        for worker in range(processes):
            after = sorted((e for e in load.events if e[1] == worker and e[0] in {"ok", "err"} and e[3] > back),
                           key=lambda e: e[3])
            firsts.append(bool(after) and after[0][0] == "ok")
        during = [e[2] for e in load.errors()]
        return RestartOutcome(len(acked), [i for i in acked if i not in present], during, firsts, next_action,
                              back - began, load.crashes())
    finally:
        services.close()
