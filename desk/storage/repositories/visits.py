"""Visits: check-in with per-service daily ticket numbers, and the day's list.

Ticket numbers come from one atomic upsert on `ticket_counters` (INSERT ... ON CONFLICT DO
UPDATE ... RETURNING), so two workstations checking in at the same moment get different
numbers on SQLite and PostgreSQL alike; the unique constraint on (service, day, number) is the
last line of defence.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from desk.domain.errors import ConflictError
from desk.domain.model import OPEN_VISIT_STATUSES, Priority, VisitRow, VisitStatus
from desk.domain.tickets import format_ticket
from desk.storage.models import Appointment, Client, Room, Staff, TicketCounter, Visit


class VisitRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next_ticket_number(self, service_id: int, day: date) -> int:
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = insert(TicketCounter).values(service_id=service_id, day=day, last_number=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[TicketCounter.service_id, TicketCounter.day],
            set_={"last_number": TicketCounter.last_number + 1},
        ).returning(TicketCounter.last_number)
        return int(self.session.execute(stmt).scalar_one())

    def add(self, **fields) -> int:
        visit = Visit(**fields)
        self.session.add(visit)
        try:
            with self.session.begin_nested():
                self.session.flush()
        except IntegrityError as error:
            if "uq_visits_one_open_per_client" in str(error) or "visits.client_id" in str(error):
                raise ConflictError("This person already has an open visit (checked in at another desk).") from error
            raise
        return visit.id

    def client_has_visits(self, client_id: int) -> bool:
        return self.session.scalar(select(Visit.id).where(Visit.client_id == client_id).limit(1)) is not None

    def open_visit_of_client(self, client_id: int) -> VisitRow | None:
        stmt = self._row_query().where(
            Visit.client_id == client_id, Visit.status.in_([s.value for s in OPEN_VISIT_STATUSES])
        ).limit(1)
        rows = self._rows(stmt)
        return rows[0] if rows else None

    def get(self, visit_id: int) -> VisitRow | None:
        rows = self._rows(self._row_query().where(Visit.id == visit_id))
        return rows[0] if rows else None

    def for_day(self, day: date, *, open_only: bool = False) -> list[VisitRow]:
        stmt = self._row_query().where(Visit.ticket_day == day)
        if open_only:
            stmt = stmt.where(Visit.status.in_([s.value for s in OPEN_VISIT_STATUSES]))
        return self._rows(stmt.order_by(Visit.arrived_at, Visit.id))

    # -- row mapping ---------------------------------------------------------------------------

    def _row_query(self):
        caller = aliased(Staff)
        return (
            select(
                Visit,
                Client.given_name,
                Client.family_name,
                Room.display_label,
                Room.name.label("room_name"),
                caller.display_name.label("caller_name"),
                Appointment.starts_at.label("appointment_starts_at"),
            )
            .outerjoin(Client, Client.id == Visit.client_id)
            .outerjoin(Room, Room.id == Visit.room_id)
            .outerjoin(caller, caller.id == Visit.called_by_staff_id)
            .outerjoin(Appointment, Appointment.id == Visit.appointment_id)
        )

    def _rows(self, stmt) -> list[VisitRow]:
        return [
            visit_row(
                r.Visit,
                client_name=_name(r.given_name, r.family_name),
                room_label=r.display_label or r.room_name or "",
                called_by_name=r.caller_name or "",
                appointment_starts_at=r.appointment_starts_at,
            )
            for r in self.session.execute(stmt)
        ]


def _name(given: str | None, family: str | None) -> str:
    if not given and not family:
        return ""
    return f"{family or ''}, {given or ''}".strip(", ")


def visit_row(
    v: Visit,
    *,
    client_name: str,
    room_label: str,
    called_by_name: str,
    appointment_starts_at: datetime | None,
) -> VisitRow:
    return VisitRow(
        id=v.id,
        client_id=v.client_id,
        client_name=client_name,
        service_id=v.service_id,
        ticket=format_ticket(v.ticket_prefix, v.ticket_number),
        ticket_day=v.ticket_day,
        party_size=v.party_size,
        status=VisitStatus(v.status),
        priority=Priority(v.priority),
        priority_reason=v.priority_reason,
        interpreter_language=v.interpreter_language,
        arrived_at=v.arrived_at,
        first_called_at=v.first_called_at,
        called_at=v.called_at,
        started_at=v.started_at,
        finished_at=v.finished_at,
        call_count=v.call_count,
        appointment_id=v.appointment_id,
        appointment_starts_at=appointment_starts_at,
        called_by_staff_id=v.called_by_staff_id,
        called_by_name=called_by_name,
        room_id=v.room_id,
        room_label=room_label,
        assigned_staff_id=v.assigned_staff_id,
        referred_to=v.referred_to,
    )
