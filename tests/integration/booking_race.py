"""The booking race: several OS processes book overlapping times in three rooms at once.

Imported by spawned processes (not a test module itself); used by
tests/integration/test_booking_race.py (small count) and scripts/bench_calendar.py (2,000).
Afterwards a SQL self-join counts overlapping, non-cancelled occurrences of one room: must be 0.
"""

from __future__ import annotations

import multiprocessing
import random
import time as clock
from datetime import UTC, datetime, timedelta

OVERLAP_SQL = """
SELECT count(*) FROM booking_occurrences a
JOIN booking_occurrences b
  ON a.room_id = b.room_id AND a.id < b.id
 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
WHERE a.cancelled = false AND b.cancelled = false
"""


BASE = datetime(2027, 6, 7, 8)  # local time, Berlin; the week the processes book into
BOOKED_ON = datetime(2027, 6, 1, 8, tzinfo=UTC)  # the fixed clock they book on (a time already over is refused)


def plan(room_ids: list[int], attempts: int, seed: int, days: int) -> list[tuple[int, str, int]]:
    """(room_id, local start ISO, minutes): starts on a quarter-hour grid of a few days, so most collide."""
    rng = random.Random(seed)
    base = BASE
    result = []
    for _ in range(attempts):
        start = base + timedelta(days=rng.randrange(days), minutes=15 * rng.randrange(48))
        result.append((rng.choice(room_ids), start.isoformat(), rng.choice((30, 45, 60, 90, 120))))
    return result


def worker(url: str, name: str, attempts: list[tuple[int, str, int]], barrier, results) -> None:
    from desk.domain.bookings import BookingDraft
    from desk.domain.errors import ConflictError, DeskError
    from desk.domain.model import Role
    from desk.domain.tickets import BERLIN
    from desk.services.context import Actor
    from desk.services.desk import build_services
    from desk.storage.engine import open_database

    services = build_services(open_database(url))
    actor = Actor(staff_id=None, name=name, role=Role.RECEPTION, workstation=name)
    booked = conflicts = errors = 0
    messages: list[str] = []
    latencies: list[float] = []
    try:
        barrier.wait(120)
        for room_id, start_text, minutes in attempts:
            start = datetime.fromisoformat(start_text).replace(tzinfo=BERLIN)
            began = clock.perf_counter()
            try:
                services.bookings.create(actor, BookingDraft(room_id, f"{name} {start_text}", start,
                                                             start + timedelta(minutes=minutes)), now=BOOKED_ON)
                booked += 1
            except ConflictError:
                conflicts += 1
            except DeskError as error:
                errors += 1
                messages.append(f"{type(error).__name__}: {error}")
            latencies.append(clock.perf_counter() - began)
    finally:
        services.close()
        results.put((name, booked, conflicts, errors, latencies, messages))


def run_race(url: str, *, processes: int = 6, attempts: int = 300, seed: int = 5, days: int = 3) -> dict:
    """Run the race on a prepared database at `url`; returns the figures (overlaps must be 0)."""
    import sqlalchemy as sa

    from desk.domain.model import RoomKind
    from desk.services.context import Actor
    from desk.services.desk import build_services
    from desk.storage.engine import open_database

    services = build_services(open_database(url))
    rooms = [r for r in services.reference.rooms(Actor.system()) if r.bookable]
    room_ids = [r.id for r in rooms if r.kind in (RoomKind.GROUP, RoomKind.KITCHEN)][:2]
    room_ids.append(next(r.id for r in rooms if r.kind is RoomKind.OFFICE))
    services.close()

    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    per = attempts // processes
    jobs = [context.Process(target=worker, args=(url, f"pc{n}", plan(room_ids, per, seed + n, days), barrier, results))
            for n in range(processes)]
    began = clock.perf_counter()
    for job in jobs:
        job.start()
    collected = [results.get(timeout=600) for _ in jobs]
    for job in jobs:
        job.join(60)
    elapsed = clock.perf_counter() - began

    engine = sa.create_engine(url)
    with engine.connect() as connection:
        overlaps = connection.execute(sa.text(OVERLAP_SQL)).scalar_one()
        stored = connection.execute(sa.text("SELECT count(*) FROM booking_occurrences")).scalar_one()
    engine.dispose()
    latencies = sorted(x for c in collected for x in c[4])
    return {
        "processes": processes,
        "attempts": per * processes,
        "booked": sum(c[1] for c in collected),
        "conflicts": sum(c[2] for c in collected),
        "errors": sum(c[3] for c in collected),
        "error_messages": [m for c in collected for m in c[5]],
        "stored": stored,
        "overlaps": overlaps,
        "seconds": elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2] if latencies else 0.0,
        "p95_ms": 1000 * latencies[int(len(latencies) * 0.95)] if latencies else 0.0,
        "exit_codes": [job.exitcode for job in jobs],
    }
