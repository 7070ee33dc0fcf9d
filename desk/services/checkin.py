"""Check-in: a visit with a ticket number, for a known client, a walk-in, or anonymously."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desk.domain.errors import ConflictError, NotFoundError, ValidationError
from desk.domain.model import Priority, VisitRow, VisitStatus
from desk.domain.permissions import Permission
from desk.domain.text import clean_text
from desk.domain.tickets import local_day
from desk.services.audit import record
from desk.services.context import Actor
from desk.services.gate import requires
from desk.storage.uow import UnitOfWorkFactory

MAX_PARTY_SIZE = 20


@dataclass(frozen=True)
class CheckInRequest:
    service_id: int
    client_id: int | None = None  # None: anonymous ticket
    appointment_id: int | None = None
    interpreter_language: str = ""
    priority: Priority = Priority.NORMAL
    priority_reason: str = ""
    party_size: int = 1


class CheckInService:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    @requires(Permission.CHECK_IN)
    def check_in(self, actor: Actor, request: CheckInRequest, *, now: datetime | None = None) -> VisitRow:
        now = now or datetime.now(UTC)
        if not 1 <= request.party_size <= MAX_PARTY_SIZE:
            raise ValidationError("The number of people must be between 1 and {max}.", max=MAX_PARTY_SIZE)
        reason = clean_text(request.priority_reason, field="Reason", max_length=500)
        if request.priority is Priority.URGENT and not reason:
            raise ValidationError("Please give a reason for the urgent priority.")
        language = clean_text(request.interpreter_language, field="Interpreter language", max_length=16).lower()
        day = local_day(now)
        with self._uow(write=True) as uow:
            service = next((s for s in uow.reference.services() if s.id == request.service_id), None)
            if service is None or not service.active:
                raise NotFoundError("This service is not available for check-in.")
            snapshot = {"residence": "unknown", "status_group": "unknown", "client_language": "", "first_visit": False}
            if request.client_id is not None:
                client = uow.clients.get(request.client_id)
                if client is None:
                    raise NotFoundError("Client {id} does not exist (any more).", id=request.client_id)
                open_visit = uow.visits.open_visit_of_client(client.id)
                if open_visit is not None:
                    raise ConflictError(
                        "{name} is already checked in with ticket {ticket} ({status}).",
                        name=client.display_name,
                        ticket=open_visit.ticket,
                        status=open_visit.status.value,
                    )
                snapshot = {
                    "residence": client.residence.value,
                    "status_group": client.status_group.value,
                    "client_language": client.language,
                    "first_visit": not uow.visits.client_has_visits(client.id),
                }
                if not language and client.interpreter_needed:
                    language = client.language
                uow.clients.touch_contact(client.id, now)
            number = uow.visits.next_ticket_number(service.id, day)
            visit_id = uow.visits.add(
                client_id=request.client_id,
                service_id=service.id,
                appointment_id=request.appointment_id,
                ticket_day=day,
                ticket_number=number,
                ticket_prefix=service.ticket_prefix,
                party_size=request.party_size,
                status=VisitStatus.WAITING.value,
                priority=request.priority.value,
                priority_reason=reason,
                interpreter_language=language,
                arrived_at=now,
                created_by=actor.staff_id,
                updated_at=now,
                **snapshot,
            )
            record(uow, actor, "visit.check_in", entity_type="visit", entity_id=visit_id,
                   client_id=request.client_id, details={"service": service.code})
            uow.touch("visits")
            uow.commit()
            row = uow.visits.get(visit_id)
        assert row is not None
        return row

    @requires(Permission.WAITLIST_READ)
    def today(self, actor: Actor, *, now: datetime | None = None, open_only: bool = True) -> list[VisitRow]:
        day = local_day(now or datetime.now(UTC))
        with self._uow() as uow:
            return uow.visits.for_day(day, open_only=open_only)
