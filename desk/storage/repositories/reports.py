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

from sqlalchemy import BigInteger, Integer, and_, case, cast, func, literal, select
from sqlalchemy.orm import Session

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
        chain counts once; only the few visits involved in hand-overs are read."""
        rows = self.session.execute(
            select(Visit.id, Visit.handed_over_from_id, Visit.service_id).where(
                self._in_period(begin, end),
                (Visit.handed_over_from_id.is_not(None)) | (Visit.status == "handed_over"),
            ).order_by(Visit.id)
        ).all()
        parent = {r.id: r.handed_over_from_id for r in rows}
        service = {r.id: r.service_id for r in rows}
        seen: dict[int, set[int]] = defaultdict(set)
        repeated = []
        for visit_id in sorted(parent):
            root = visit_id
            guard = 0
            while parent.get(root) is not None and parent[root] in parent and guard < 1000:
                root = parent[root]
                guard += 1
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
        """Distinct named clients; each described by the snapshot of their latest visit in the period."""
        result: dict[int | None, ClientCounts] = defaultdict(ClientCounts)
        named = and_(self._in_period(begin, end), Visit.client_id.is_not(None))
        for per_service in (True, False):
            group = (Visit.client_id, Visit.service_id) if per_service else (Visit.client_id,)
            latest = select(func.max(Visit.id).label("id")).where(named).group_by(*group).subquery()
            service_key = Visit.service_id if per_service else literal(0)
            keys = (service_key.label("service_id"), Visit.residence, Visit.status_group, Visit.client_language)
            stmt = (select(*keys, func.count().label("n")).join(latest, latest.c.id == Visit.id).group_by(*keys))
            for row in self.session.execute(stmt):
                t = result[row.service_id if per_service else TOTAL]
                t.distinct += row.n
                t.by_place[row.residence] += row.n
                t.by_status_group[row.status_group] += row.n
                t.by_language[row.client_language or ""] += row.n
        return dict(result)

    def wait_seconds(self, begin: datetime, end: datetime) -> list[tuple[int, int]]:
        """(service_id, seconds) sorted: first call minus arrival, or minus the appointment time
        if that is later; chain starts only (a handed-over visit keeps the original arrival)."""
        arrived = self._epoch(Visit.arrived_at)
        reference = case(
            (Appointment.starts_at.is_(None), arrived),
            else_=self._greatest(arrived, self._epoch(Appointment.starts_at)),
        )
        seconds = (self._epoch(Visit.first_called_at) - reference).label("s")
        stmt = (
            select(Visit.service_id, seconds)
            .outerjoin(Appointment, Appointment.id == Visit.appointment_id)
            .where(self._in_period(begin, end), Visit.first_called_at.is_not(None),
                   Visit.handed_over_from_id.is_(None))
            .order_by(Visit.service_id, seconds)
        )
        return [(r[0], max(0, int(r[1]))) for r in self.session.execute(stmt)]

    def session_seconds(self, begin: datetime, end: datetime) -> list[tuple[int, int]]:
        """(service_id, finished - started) of every visit with both times, sorted."""
        seconds = (self._epoch(Visit.finished_at) - self._epoch(Visit.started_at)).label("s")
        stmt = (
            select(Visit.service_id, seconds)
            .where(self._in_period(begin, end), Visit.started_at.is_not(None), Visit.finished_at.is_not(None))
            .order_by(Visit.service_id, seconds)
        )
        return [(r[0], max(0, int(r[1]))) for r in self.session.execute(stmt)]

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
