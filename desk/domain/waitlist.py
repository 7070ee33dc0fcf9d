"""Rules of the waiting list: who is called next, how long someone waited, what may follow what.

Pure functions over `VisitRow`s (no database, no Qt), documented in docs/WAITING.md.

Order of the waiting list (and of *call next*), first to last:

1. **urgent** visits (priority "urgent", a reason is always recorded), by arrival;
2. **due appointments**: visits with an appointment whose start is at most
   `APPOINTMENT_LEAD` ahead of now (or already past), by appointment time;
3. **walk-ins** (no appointment), by arrival;
4. **early appointments** (appointment more than `APPOINTMENT_LEAD` ahead), by appointment
   time: someone who comes an hour early does not push the walk-ins back, but becomes due
   at their time.

Ties are broken by arrival, then by visit id, so the order is total and the same on every
workstation.

Wait time for statistics: `first call - arrival`; for an appointment
`first call - max(arrival, appointment time)` (coming early is not waiting), never negative.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from desk.domain.model import Priority, Role, StaffRow, VisitRow, VisitStatus

#: An appointment counts as due this long before its start.
APPOINTMENT_LEAD = timedelta(minutes=5)

#: How long a desk action can be undone.
UNDO_WINDOW = timedelta(minutes=5)

TIER_URGENT, TIER_DUE_APPOINTMENT, TIER_WALK_IN, TIER_EARLY_APPOINTMENT = range(4)

#: Allowed transitions of the visit state machine (see docs/WAITING.md for the diagram).
TRANSITIONS: dict[str, tuple[frozenset[VisitStatus], VisitStatus]] = {
    "call": (frozenset({VisitStatus.WAITING}), VisitStatus.CALLED),
    "call_again": (frozenset({VisitStatus.CALLED}), VisitStatus.CALLED),
    "start": (frozenset({VisitStatus.WAITING, VisitStatus.CALLED}), VisitStatus.IN_SESSION),
    "done": (frozenset({VisitStatus.CALLED, VisitStatus.IN_SESSION}), VisitStatus.DONE),
    "no_show": (frozenset({VisitStatus.CALLED}), VisitStatus.NO_SHOW),
    "back_to_waiting": (frozenset({VisitStatus.CALLED, VisitStatus.IN_SESSION}), VisitStatus.WAITING),
    "hand_over": (frozenset({VisitStatus.WAITING, VisitStatus.CALLED, VisitStatus.IN_SESSION}),
                  VisitStatus.HANDED_OVER),
    "refer": (frozenset({VisitStatus.WAITING, VisitStatus.CALLED, VisitStatus.IN_SESSION}),
              VisitStatus.REFERRED),
    "close_day": (frozenset({VisitStatus.WAITING, VisitStatus.CALLED, VisitStatus.IN_SESSION}),
                  VisitStatus.LEFT),
}


def tier(visit: VisitRow, now: datetime) -> int:
    if visit.priority is Priority.URGENT:
        return TIER_URGENT
    if visit.appointment_starts_at is None:
        return TIER_WALK_IN
    if visit.appointment_starts_at <= now + APPOINTMENT_LEAD:
        return TIER_DUE_APPOINTMENT
    return TIER_EARLY_APPOINTMENT


def order_key(visit: VisitRow, now: datetime) -> tuple:
    """Sort key implementing the order rule of this module's docstring."""
    t = tier(visit, now)
    if t in (TIER_DUE_APPOINTMENT, TIER_EARLY_APPOINTMENT):
        assert visit.appointment_starts_at is not None
        first = visit.appointment_starts_at
    else:
        first = visit.arrived_at
    return (t, first, visit.arrived_at, visit.id)


def ordered(visits: Iterable[VisitRow], now: datetime) -> list[VisitRow]:
    return sorted(visits, key=lambda v: order_key(v, now))


def is_eligible(visit: VisitRow, service_ids: frozenset[int] | None, staff_id: int | None) -> bool:
    """May this counsellor call this visit with *call next*?

    Waiting, in one of the given services (None: any), and not reserved for another counsellor.
    """
    if visit.status is not VisitStatus.WAITING:
        return False
    if service_ids is not None and visit.service_id not in service_ids:
        return False
    return visit.assigned_staff_id is None or visit.assigned_staff_id == staff_id


def can_take_over(person: StaffRow, service_id: int) -> bool:
    """May a visit of this service be handed over to this person? An active account of that
    service whose role calls people (counselling, head of department) - never reception."""
    return person.active and person.role in (Role.COUNSELLOR, Role.HEAD) and service_id in person.service_ids


def call_order(visits: Iterable[VisitRow], now: datetime, service_ids: frozenset[int] | None,
               staff_id: int | None) -> list[VisitRow]:
    """Candidates for *call next*, best first. A visit reserved for me goes first within its tier."""
    eligible = [v for v in visits if is_eligible(v, service_ids, staff_id)]
    return sorted(eligible, key=lambda v: order_key(v, now))


def wait_start(visit: VisitRow) -> datetime:
    """When waiting began: arrival, or for an appointment the later of arrival and its time."""
    if visit.appointment_starts_at is not None:
        return max(visit.arrived_at, visit.appointment_starts_at)
    return visit.arrived_at


def wait_time(visit: VisitRow) -> timedelta | None:
    """The statistics wait: first call - wait_start; None while never called."""
    if visit.first_called_at is None:
        return None
    return max(timedelta(0), visit.first_called_at - wait_start(visit))


def waiting_minutes(visit: VisitRow, now: datetime) -> int:
    """Whole minutes since arrival (what the list shows as "waiting since")."""
    return max(0, int((now - visit.arrived_at).total_seconds() // 60))


def wait_level(minutes: int, warning: int, alarm: int) -> int:
    """0 normal, 1 long (>= warning minutes), 2 very long (>= alarm minutes)."""
    if minutes >= alarm:
        return 2
    if minutes >= warning:
        return 1
    return 0
