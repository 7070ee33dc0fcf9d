"""Aggregate queries for the reports (definitions: docs/REPORTS.md).

Every figure is computed by GROUP BY in the database; Python only folds the (few) groups. The
waiting and session times are fetched as one sorted column of whole seconds so the percentile
arithmetic is the same on both engines. Times are compared as UTC instants: the period is
turned into [local midnight, local midnight) bounds by the caller (desk.domain.reports.Period).

Nothing here reads the clients table: the figures come from the snapshot columns of visits and
appointments, so visits whose person was removed by retention still count.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import BigInteger, Integer, and_, case, cast, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from desk.storage.models import Appointment, BookingOccurrence, Room, RoomBooking, Visit


@dataclass
class VisitCounts:
    """Counts of one service (or the total), before they become domain records."""

    visits: int = 0
    new_clients: int = 0
    anonymous: int = 0
    anonymised: int = 0
    appointment_visits: int = 0
    interpreter_visits: int = 0
    by_place: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_status_group: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    interpreter_by_language: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_month: dict[int, int] = field(default_factory=lambda: defaultdict(int))


@dataclass
class ClientCounts:
    distinct: int = 0
    by_place: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_status_group: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_language: dict[str, int] = field(default_factory=lambda: defaultdict(int))


TOTAL = None  # the key of the whole centre in the dictionaries below


class ReportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name

    # -- helpers ---------------------------------------------------------------------------------

    def _epoch(self, column):
        """Whole seconds since 1970 of a stored UTC time, identically on both engines."""
        if self.dialect == "postgresql":
            return cast(func.floor(func.extract("epoch", column)), BigInteger)
        return cast(func.strftime("%s", column), Integer)

    def _greatest(self, a, b):
        return func.greatest(a, b) if self.dialect == "postgresql" else func.max(a, b)

    @staticmethod
    def _in_period(begin: datetime, end: datetime):
        return and_(Visit.arrived_at >= begin, Visit.arrived_at < end)

    # -- hand-over chains ------------------------------------------------------------------------

    def repeated_in_chain(self, begin: datetime, end: datetime) -> list[int]:
        """Visits that repeat a service already earlier in the same hand-over chain.

        A hand-over creates a new visit (handed_over_from_id -> the previous one). Per service a
        chain counts once. Only the hand-over visits of the period are read (partial index
        ix_visits_handover_arrived), with the service of the visit each came from."""
        parent_visit = aliased(Visit)
        rows = self.session.execute(
            select(Visit.id, Visit.handed_over_from_id, Visit.service_id, parent_visit.service_id)
            .join(parent_visit, parent_visit.id == Visit.handed_over_from_id)
            .where(Visit.handed_over_from_id.is_not(None), self._in_period(begin, end))
        ).all()
        parent = {r[0]: r[1] for r in rows}
        service = {r[0]: r[2] for r in rows}
        for r in rows:
            service.setdefault(r[1], r[3])
        seen: dict[int, set[int]] = defaultdict(set)
        repeated = []
        for visit_id in sorted(service):  # a chain's visits are created in order
            root = visit_id
            for _ in range(1000):
                if parent.get(root) is None:
                    break
                root = parent[root]
            if service[visit_id] in seen[root]:
                repeated.append(visit_id)
            seen[root].add(service[visit_id])
        return repeated

    # -- visits ----------------------------------------------------------------------------------

    def visit_counts(self, begin: datetime, end: datetime, month_edges: list[datetime],
                     repeated: list[int]) -> dict[int | None, VisitCounts]:
        """Per service (visits repeated in a chain left out) and total (chain starts only)."""
        is_root = case((Visit.handed_over_from_id.is_(None), 1), else_=0)
        is_repeat = case((Visit.id.in_(repeated), 1), else_=0) if repeated else literal(0)
        anonymous = case((and_(Visit.client_id.is_(None), Visit.anonymised.is_(False)), 1), else_=0)
        anonymised = case((Visit.anonymised.is_(True), 1), else_=0)
        with_appointment = case((Visit.appointment_id.is_not(None), 1), else_=0)
        first = case((Visit.first_visit.is_(True), 1), else_=0)
        keys = (Visit.service_id, is_root.label("root"), is_repeat.label("repeat"), Visit.residence,
                Visit.status_group, Visit.interpreter_language, first.label("first"),
                anonymous.label("anon"), anonymised.label("anonymised"), with_appointment.label("appt"))
        stmt = select(*keys, func.count().label("n")).where(self._in_period(begin, end)).group_by(*keys)
        result: dict[int | None, VisitCounts] = defaultdict(VisitCounts)
        for row in self.session.execute(stmt):
            targets = []
            if not row.repeat:
                targets.append(result[row.service_id])
            if row.root:
                targets.append(result[TOTAL])
            for t in targets:
                t.visits += row.n
                t.new_clients += row.n * row.first
                t.anonymous += row.n * row.anon
                t.anonymised += row.n * row.anonymised
                t.appointment_visits += row.n * row.appt
                t.by_place[row.residence] += row.n
                t.by_status_group[row.status_group] += row.n
                if row.interpreter_language:
                    t.interpreter_visits += row.n
                    t.interpreter_by_language[row.interpreter_language] += row.n
        # visits by month: bucket by the local month edges (as UTC instants), one query
        bucket = case(*[(Visit.arrived_at < edge, i) for i, edge in enumerate(month_edges)],
                      else_=len(month_edges)) if month_edges else literal(0)
        mkeys = (Visit.service_id, is_root.label("root"), is_repeat.label("repeat"), bucket.label("bucket"))
        for row in self.session.execute(
            select(*mkeys, func.count().label("n")).where(self._in_period(begin, end)).group_by(*mkeys)
        ):
            if not row.repeat:
                result[row.service_id].by_month[row.bucket] += row.n
            if row.root:
                result[TOTAL].by_month[row.bucket] += row.n
        return dict(result)

    def client_counts(self, begin: datetime, end: datetime) -> dict[int | None, ClientCounts]:
        """Distinct named clients; each described by the snapshot of their latest visit in the period
        (per service: the latest visit at that service). One statement: the latest visit per
        client and service is computed once, the latest per client taken from it."""
        result: dict[int | None, ClientCounts] = defaultdict(ClientCounts)
        per_service = (
            select(func.max(Visit.id).label("id"), Visit.client_id.label("client_id"))
            .where(self._in_period(begin, end), Visit.client_id.is_not(None))
            .group_by(Visit.client_id, Visit.service_id)
            .cte("latest_per_service")
            .prefix_with("MATERIALIZED")
        )
        per_client = select(func.max(per_service.c.id).label("id")).group_by(per_service.c.client_id).subquery()
        dims = (Visit.residence, Visit.status_group, Visit.client_language)
        services_part = (select(Visit.service_id, *dims, func.count().label("n"))
                         .join(per_service, per_service.c.id == Visit.id)
                         .group_by(Visit.service_id, *dims))
        total_part = (select(literal(-1).label("service_id"), *dims, func.count().label("n"))
                      .join(per_client, per_client.c.id == Visit.id)
                      .group_by(*dims))
        for row in self.session.execute(union_all(services_part, total_part)):
            t = result[TOTAL if row[0] == -1 else row[0]]
            t.distinct += row.n
            t.by_place[row[1]] += row.n
            t.by_status_group[row[2]] += row.n
            t.by_language[row[3] or ""] += row.n
        return dict(result)

    def durations(self, begin: datetime, end: datetime) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """(service_id, seconds) of the waits and of the sessions, each list sorted, in one scan.

        Wait: first call minus arrival, or minus the appointment time if that is later; only the
        first visit of a chain (a handed-over visit keeps the original arrival). Session:
        finished minus started, every visit with both times. Negative values count as 0."""
        arrived = self._epoch(Visit.arrived_at)
        reference = case(
            (Appointment.starts_at.is_(None), arrived),
            else_=self._greatest(arrived, self._epoch(Appointment.starts_at)),
        )
        wait = case((and_(Visit.first_called_at.is_not(None), Visit.handed_over_from_id.is_(None)),
                     self._epoch(Visit.first_called_at) - reference))
        session = case((and_(Visit.started_at.is_not(None), Visit.finished_at.is_not(None)),
                        self._epoch(Visit.finished_at) - self._epoch(Visit.started_at)))
        stmt = (
            select(Visit.service_id, wait, session)
            .outerjoin(Appointment, Appointment.id == Visit.appointment_id)
            .where(self._in_period(begin, end),
                   (Visit.first_called_at.is_not(None)) | (Visit.started_at.is_not(None)))
        )
        waits: list[tuple[int, int]] = []
        sessions: list[tuple[int, int]] = []
        for service_id, w, s in self.session.execute(stmt):
            if w is not None:
                waits.append((service_id, max(0, int(w))))
            if s is not None:
                sessions.append((service_id, max(0, int(s))))
        waits.sort()
        sessions.sort()
        return waits, sessions

    # -- appointments ----------------------------------------------------------------------------

    def appointment_counts(self, begin: datetime, end: datetime, now: datetime) -> list[tuple[int, str, bool, int]]:
        """(service_id, status, in the past, count) of appointments starting in the period."""
        past = case((Appointment.starts_at < now, 1), else_=0).label("past")
        keys = (Appointment.service_id, Appointment.status, past)
        stmt = (select(*keys, func.count()).where(Appointment.starts_at >= begin, Appointment.starts_at < end)
                .group_by(*keys))
        return [(r[0], r[1], bool(r[2]), int(r[3])) for r in self.session.execute(stmt)]

    # -- rooms -----------------------------------------------------------------------------------

    def room_counts(self, begin: datetime, end: datetime) -> list[tuple[str, str, str, bool, int, int, int, int]]:
        """(room name, room kind, booking kind, leading booking, occurrences, seconds, participants,
        occurrences with participants) of the occurrences starting in the period, not cancelled."""
        leading = case((RoomBooking.linked_booking_id.is_(None), 1), else_=0).label("leading")
        seconds = func.sum(self._epoch(BookingOccurrence.ends_at) - self._epoch(BookingOccurrence.starts_at))
        keys = (Room.name, Room.kind, RoomBooking.kind, leading)
        stmt = (
            select(*keys, func.count(), seconds, func.coalesce(func.sum(BookingOccurrence.actual_participants), 0),
                   func.count(BookingOccurrence.actual_participants))
            .join(RoomBooking, RoomBooking.id == BookingOccurrence.booking_id)
            .join(Room, Room.id == BookingOccurrence.room_id)
            .where(BookingOccurrence.starts_at >= begin, BookingOccurrence.starts_at < end,
                   BookingOccurrence.cancelled.is_(False))
            .group_by(*keys)
        )
        return [(r[0], r[1], r[2], bool(r[3]), int(r[4]), int(r[5] or 0), int(r[6] or 0), int(r[7]))
                for r in self.session.execute(stmt)]
