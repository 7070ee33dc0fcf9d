"""Test helpers for the reception tests: appointments and called visits written directly.

The appointment service belongs to another feature; these helpers write the rows the reception
desk reads, nothing more."""

from __future__ import annotations

from datetime import datetime, timedelta

from desk.domain.topics import Topic
from desk.storage.models import Appointment, Visit


def add_appointment(services, *, client_id: int | None, service_id: int, starts_at: datetime,
                    minutes: int = 45, interpreter_language: str = "", status: str = "booked",
                    staff_id: int | None = None) -> int:
    with services.uow(write=True) as uow:
        appointment = Appointment(client_id=client_id, service_id=service_id, starts_at=starts_at, staff_id=staff_id,
                                  ends_at=starts_at + timedelta(minutes=minutes), status=status,
                                  interpreter_language=interpreter_language, created_at=starts_at,
                                  updated_at=starts_at, version=1)
        uow.session.add(appointment)
        uow.session.flush()
        appointment_id = appointment.id
        uow.touch(Topic.APPOINTMENTS)
        uow.commit()
    return appointment_id


def mark_called(services, visit_id: int, called_at: datetime, status: str = "called") -> None:
    with services.uow(write=True) as uow:
        visit = uow.session.get(Visit, visit_id)
        visit.first_called_at = called_at
        visit.called_at = called_at
        visit.status = status
        visit.call_count = 1
        uow.touch(Topic.VISITS)
        uow.commit()
