"""Worker of the call-next race (imported by spawned processes; not a test module itself)."""

from __future__ import annotations

from datetime import datetime


def fill_waiting(services, count: int, service_code: str = "MBE", now: datetime | None = None) -> list[int]:
    """`count` waiting visits in one transaction (check-in's repository path, fast), arrived at `now`
    (default: the services' clock)."""
    from desk.domain.model import VisitStatus
    from desk.domain.tickets import local_day
    from desk.domain.topics import Topic

    now = now or services.clock()
    ids = []
    with services.uow(write=True) as uow:
        service = next(s for s in uow.reference.services() if s.code == service_code)
        for _ in range(count):
            number = uow.visits.next_ticket_number(service.id, local_day(now))
            ids.append(uow.visits.add(service_id=service.id, ticket_day=local_day(now), ticket_number=number,
                                      ticket_prefix=service.ticket_prefix, status=VisitStatus.WAITING.value,
                                      arrived_at=now, updated_at=now))
        uow.touch(Topic.VISITS)
        uow.commit()
    return ids


def drain(url: str, name: str, room_id: int, start, results, now: datetime | None = None) -> None:
    """Call next until nobody is left; report the visit ids this process got (its services' clock
    standing at `now` if given, else the system clock)."""
    from desk.domain.model import Role
    from desk.services.clock import FixedClock
    from desk.services.context import Actor
    from desk.services.desk import build_services
    from desk.storage.engine import open_database

    services = build_services(open_database(url), clock=FixedClock(now) if now else None)
    actor = Actor(staff_id=None, name=name, role=Role.COUNSELLOR, workstation=name)
    got: list[int] = []
    try:
        start.wait(600)  # all processes set up (imports, connection) before any calls: on a loaded
        # machine a late starter would otherwise find the list already drained by the first
        while True:
            result = services.waitlist.call_next(actor, room_id=room_id)
            if result is None:
                break
            got.append(result.visit.id)
        results.put((name, got, None))
    except Exception as error:  # reported to the parent, which fails the test
        results.put((name, got, repr(error)))
    finally:
        services.close()


def race(url: str, services, count: int, processes: int = 6,
         now: datetime | None = None) -> tuple[list[int], dict[str, list[int]], list[str]]:
    """Run the race; returns (all visit ids, ids per process, errors). With `now`, every visit arrives
    and is called at that moment (a test's fixed clock), else at the system clock's."""
    import multiprocessing

    ids = fill_waiting(services, count, now=now)
    room_id = next(r.id for r in services.reference.rooms(_head()) if r.kind.value == "office")
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(processes)
    results = context.Queue()
    workers = [context.Process(target=drain, args=(url, f"counsellor-{i}", room_id, start, results, now))
               for i in range(processes)]
    for worker in workers:
        worker.start()
    per_process: dict[str, list[int]] = {}
    errors: list[str] = []
    for _ in workers:
        name, got, error = results.get(timeout=600)
        per_process[name] = got
        if error:
            errors.append(f"{name}: {error}")
    for worker in workers:
        worker.join(60)
    return ids, per_process, errors


def _head():
    from desk.services.context import Actor

    return Actor.system("race")
