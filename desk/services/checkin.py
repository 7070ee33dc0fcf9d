"""Check-in: a visit with a ticket number, for a known client, a walk-in, or anonymously.

Also the reads the reception desk needs around it: today's appointments (with client names)
and the estimated wait per service from today's real service times (desk.domain.waits).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from desk.domain.errors import ConflictError, NotFoundError, ValidationError
from desk.domain.model import (
    OPEN_VISIT_STATUSES,
    AbsentToday,
    AppointmentRow,
    AppointmentStatus,
    Priority,
    VisitRow,
    VisitStatus,
)
from desk.domain.permissions import Permission
from desk.domain.text import clean_text
from desk.domain.tickets import BERLIN, local_day
from desk.domain.topics import Topic
from desk.domain.waits import WaitEstimate, estimate_wait
from desk.services.audit import ListReads, entry, record
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires, scoped_notes
from desk.services.once import checked_key, once
from desk.storage.repositories.clients import CheckInClient
from desk.storage.repositories.kiosk import KioskAppointment
from desk.storage.repositories.visits import SERVICE_CODE
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

MAX_PARTY_SIZE = 20
#: A mistaken check-in can be taken back (Ctrl+Z at reception) for this long, until it is called.
UNDO_MINUTES = 15


@dataclass(frozen=True)
class CheckInRequest:
    service_id: int | None = None  # None: the service of the appointment
    client_id: int | None = None  # None: anonymous ticket (or the client of the appointment)
    appointment_id: int | None = None
    interpreter_language: str = ""
    priority: Priority = Priority.NORMAL
    priority_reason: str = ""
    party_size: int = 1
    #: One per intention (the dialog's new_request_key), the same for its retries: a retry after a
    #: lost acknowledgement answers with the ticket of the first attempt (desk.services.once).
    request_key: str | None = None


def day_bounds(now: datetime) -> tuple[datetime, datetime]:
    """Start and end (UTC) of the centre's local day containing `now`."""
    day = local_day(now)
    start = datetime(day.year, day.month, day.day, tzinfo=BERLIN)
    end = start + timedelta(days=1)
    end = datetime(end.year, end.month, end.day, tzinfo=BERLIN)  # DST-safe midnight
    return start.astimezone(UTC), end.astimezone(UTC)


def _hhmm(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone(BERLIN).strftime("%H:%M")


def _open_visit_conflict(name: str, visit: VisitRow) -> ConflictError:
    """Refusal of a second open visit, saying where the first one stands."""
    name = name or "This person"
    if visit.status is VisitStatus.CALLED:
        if visit.room_label:
            return ConflictError("{name} is already checked in: ticket {ticket} was called at {time} to {room}.",
                                 name=name, ticket=visit.ticket, time=_hhmm(visit.called_at), room=visit.room_label)
        return ConflictError("{name} is already checked in: ticket {ticket} was called at {time}.",
                             name=name, ticket=visit.ticket, time=_hhmm(visit.called_at))
    if visit.status is VisitStatus.IN_SESSION:
        return ConflictError("{name} is already checked in: ticket {ticket} is in a session since {time}.",
                             name=name, ticket=visit.ticket, time=_hhmm(visit.started_at or visit.called_at))
    return ConflictError("{name} is already checked in: ticket {ticket}, waiting since {time}.",
                         name=name, ticket=visit.ticket, time=_hhmm(visit.arrived_at))


def _client_without_open_visit(uow: UnitOfWork, client_id: int, now: datetime) -> tuple[CheckInClient, dict]:
    """The client's contact recorded, and the facts a visit copies for the report: one statement.
    Refused when the client is gone or already has an open visit (saying where it stands; the
    refusal rolls the contact back)."""
    client = uow.clients.contact_for_check_in(client_id, now)
    if client is None:
        raise NotFoundError("Client {id} does not exist (any more).", id=client_id)
    if client.open_visit_id is not None:
        open_visit = uow.visits.get(client.open_visit_id)
        if open_visit is not None:
            raise _open_visit_conflict(client.display_name, open_visit)
    return client, {
        "residence": client.residence,
        "status_group": client.status_group,
        "client_language": client.language,
        "first_visit": not client.has_visits,
    }


def mark_arrived(uow: UnitOfWork, appointment: AppointmentRow | KioskAppointment) -> None:
    """booked -> arrived inside the check-in's transaction, or the reason it cannot be."""
    if not uow.reception.mark_appointment_arrived(appointment.id):
        if appointment.status is AppointmentStatus.ARRIVED:
            raise ConflictError("This appointment is already checked in.")
        if appointment.status is not AppointmentStatus.BOOKED:
            raise ConflictError("This appointment is already closed.")
        raise ConflictError("This appointment was changed at another desk in the meantime. Please reload.")


def add_visit(uow: UnitOfWork, actor: Actor, *, service_id: int, client_id: int | None,
              appointment: AppointmentRow | KioskAppointment | None, language: str, snapshot: dict, now: datetime,
              priority: Priority = Priority.NORMAL, reason: str = "", party_size: int = 1,
              self_service: bool = False, request_key: str | None = None) -> int:
    """The visit with its ticket number (one atomic counter per service and day), its audit
    entry and the change topics: the one place a check-in writes at the kiosk. Returns the
    visit's id: the kiosk's database role may read neither names nor every column of a visit
    (desk.storage.roles.KIOSK_GRANTS); the desk takes add_visit_row."""
    day = local_day(now)
    ticket = uow.visits.take_ticket_number(service_id, day)  # refused atomically for an inactive service
    if ticket is None:
        raise _service_not_available()
    number, service_code, ticket_prefix = ticket
    fields = _visit_fields(actor, service_id=service_id, client_id=client_id, appointment=appointment,
                           language=language, snapshot=snapshot, now=now, priority=priority, reason=reason,
                           party_size=party_size, self_service=self_service, request_key=request_key)
    audit = _check_in_entry(uow, actor, service_code=service_code, client_id=client_id, appointment=appointment,
                            priority=priority, party_size=party_size, self_service=self_service)
    visit_id = uow.visits.add(ticket_day=day, ticket_number=number, ticket_prefix=ticket_prefix, **fields)
    uow.audit.append_entry({**audit, "entity_id": visit_id})
    return visit_id


def add_visit_row(uow: UnitOfWork, actor: Actor, *, service_id: int, client_id: int | None,
                  appointment: AppointmentRow | KioskAppointment | None, language: str, snapshot: dict,
                  now: datetime, priority: Priority = Priority.NORMAL, reason: str = "",
                  party_size: int = 1, request_key: str | None = None) -> VisitRow:
    """The desk's check-in: the ticket number of an active service, the visit with it and its
    audit entry, returning the new visit as the lists show it from the INSERT's RETURNING (no
    re-read). On PostgreSQL all of it is ONE statement (the audit entry's service code is filled
    in there: VisitRepository.add_numbered_row); on SQLite three."""
    fields = _visit_fields(actor, service_id=service_id, client_id=client_id, appointment=appointment,
                           language=language, snapshot=snapshot, now=now, priority=priority, reason=reason,
                           party_size=party_size, self_service=False, request_key=request_key)
    audit = _check_in_entry(uow, actor, service_code=SERVICE_CODE, client_id=client_id, appointment=appointment,
                            priority=priority, party_size=party_size, self_service=False)
    row = uow.visits.add_numbered_row(audit, ticket_day=local_day(now), **fields)
    if row is None:  # refused atomically for an inactive service
        raise _service_not_available()
    return row


def _service_not_available() -> NotFoundError:
    return NotFoundError("This service is not available for check-in.")


def _visit_fields(actor: Actor, *, service_id: int, client_id: int | None,
                  appointment: AppointmentRow | KioskAppointment | None, language: str, snapshot: dict,
                  now: datetime, priority: Priority, reason: str, party_size: int,
                  self_service: bool, request_key: str | None) -> dict[str, Any]:
    """The new visit's columns but its day and ticket number (the request key only when there is
    one: the same statement as before without it)."""
    return dict(
        client_id=client_id,
        service_id=service_id,
        appointment_id=appointment.id if appointment else None,
        # an appointment client is reserved for the appointment's counsellor (docs/WAITING.md); the
        # appointment was read with None there for one who left or is absent today (reserved_counsellor)
        assigned_staff_id=appointment.staff_id if appointment else None,
        party_size=party_size,
        status=VisitStatus.WAITING.value,
        priority=priority.value,
        priority_reason=reason,
        interpreter_language=language,
        arrived_at=now,
        created_by=actor.staff_id,
        updated_at=now,
        self_service=self_service,
        **snapshot,
        **({"request_key": request_key} if request_key is not None else {}),
    )


def _check_in_entry(uow: UnitOfWork, actor: Actor, *, service_code: str, client_id: int | None,
                    appointment: AppointmentRow | KioskAppointment | None, priority: Priority,
                    party_size: int, self_service: bool) -> dict[str, Any]:
    """The check-in's audit entry (without the visit's id) and the change topics."""
    details = {"service": service_code, "party_size": party_size,
               "appointment_id": appointment.id if appointment else None, "priority": priority.value}
    if self_service:
        details["self_service"] = True
    audit = entry(uow, actor, "visit.check_in", entity_type="visit", client_id=client_id, details=details)
    uow.touch(Topic.VISITS, *([Topic.APPOINTMENTS] if appointment else []))
    return audit


class CheckInService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock
        self._list_reads = ListReads(uow, clock=clock)

    @requires(Permission.CHECK_IN)
    def check_in(self, actor: Actor, request: CheckInRequest, *, now: datetime | None = None) -> VisitRow:
        """Create the visit and its ticket (`M-004`); with an appointment, mark it arrived. Tried
        again with the same request key after a fault whose first attempt was saved: that
        attempt's visit (its ticket), not a second one nor "already checked in"."""
        key = checked_key(request.request_key)
        return once(self._uow, key, lambda: self._check_in(actor, request, key, now),
                    lambda uow, k: uow.visits.made_by(k), what="check-in")

    def _check_in(self, actor: Actor, request: CheckInRequest, key: str | None, now: datetime | None) -> VisitRow:
        now = now or self._clock()
        if not isinstance(request.party_size, int) or not 1 <= request.party_size <= MAX_PARTY_SIZE:
            raise ValidationError("The number of people must be between 1 and {max}.", max=MAX_PARTY_SIZE)
        reason = clean_text(request.priority_reason, field="Reason", max_length=500)
        priority = Priority(request.priority)
        if priority is Priority.URGENT and not reason:
            raise ValidationError("Please give a reason for the urgent priority.")
        if priority is Priority.NORMAL:
            reason = ""
        language = clean_text(request.interpreter_language, field="Interpreter language", max_length=16).lower()
        with self._uow(write=True) as uow:
            client_id = request.client_id
            service_id = request.service_id
            appointment = None
            if request.appointment_id is not None:
                appointment = self._appointment_for(uow, request.appointment_id, client_id, now)
                client_id = appointment.client_id
                service_id = service_id or appointment.service_id
                if not language:
                    language = appointment.interpreter_language
            if service_id is None:
                raise ValidationError("Please choose a service.")
            snapshot = {"residence": "unknown", "status_group": "unknown", "client_language": "", "first_visit": False}
            if client_id is not None:
                client, snapshot = _client_without_open_visit(uow, client_id, now)
                if not language and client.interpreter_needed:
                    language = client.language
            if appointment is not None:
                mark_arrived(uow, appointment)
            row = add_visit_row(uow, actor, service_id=service_id, client_id=client_id, appointment=appointment,
                                language=language, snapshot=snapshot, now=now, priority=priority, reason=reason,
                                party_size=request.party_size, request_key=key)
            uow.commit()
        return row

    @requires(Permission.CHECK_IN)
    def undo_check_in(self, actor: Actor, visit_id: int, *, now: datetime | None = None) -> None:
        """Take back a mistaken check-in while nobody has called the ticket yet (within
        UNDO_MINUTES): the visit goes, its appointment is booked again; the ticket number is not
        given out again (numbers only ever go up)."""
        now = now or self._clock()
        with self._uow(write=True) as uow:
            visit = uow.visits.get(visit_id)
            if visit is None:
                raise NotFoundError("This ticket does not exist (any more).")
            if visit.status is not VisitStatus.WAITING or visit.call_count:
                raise ConflictError("Ticket {ticket} has already been called; it can no longer be undone.",
                                    ticket=visit.ticket)
            if now - visit.arrived_at > timedelta(minutes=UNDO_MINUTES):
                raise ConflictError("Ticket {ticket} was given out more than {minutes} minutes ago; "
                                    "it can no longer be undone here.", ticket=visit.ticket, minutes=UNDO_MINUTES)
            if not uow.reception.delete_untouched_visit(visit_id):
                raise ConflictError("Ticket {ticket} has already been called; it can no longer be undone.",
                                    ticket=visit.ticket)
            if visit.appointment_id is not None:
                uow.reception.mark_appointment_booked_again(visit.appointment_id)
            record(uow, actor, "visit.check_in_undone", entity_type="visit", entity_id=visit_id,
                   client_id=visit.client_id, details={"ticket": visit.ticket})
            uow.touch(Topic.VISITS, *([Topic.APPOINTMENTS] if visit.appointment_id else []))
            uow.commit()

    @requires(Permission.CHECK_IN)
    def attach_client(self, actor: Actor, visit_id: int, client_id: int, *,
                      now: datetime | None = None) -> VisitRow:
        """The person with an anonymous ticket (from the kiosk, or a walk-in) comes to the desk:
        the visit gets its client and keeps its ticket, arrival time and place in the queue."""
        now = now or self._clock()
        with self._uow(write=True) as uow:
            visit = uow.visits.get(visit_id)
            if visit is None:
                raise NotFoundError("This ticket does not exist (any more).")
            if visit.client_id == client_id and visit.status in OPEN_VISIT_STATUSES:
                return visit  # tried again after a lost acknowledgement: it is attached already
            if visit.client_id is not None:
                raise ConflictError("Ticket {ticket} already belongs to a client.", ticket=visit.ticket)
            if visit.status not in OPEN_VISIT_STATUSES:
                raise ConflictError("Ticket {ticket} is already closed.", ticket=visit.ticket)
            client, snapshot = _client_without_open_visit(uow, client_id, now)
            snapshot["client_language"] = snapshot["client_language"] or visit.interpreter_language
            if not uow.visits.attach_client(visit_id, client.id, **snapshot):
                raise ConflictError("Ticket {ticket} was changed at another desk in the meantime. Please reload.",
                                    ticket=visit.ticket)
            record(uow, actor, "visit.client_attached", entity_type="visit", entity_id=visit_id,
                   client_id=client.id, details={"ticket": visit.ticket, "self_service": visit.self_service})
            row = uow.visits.get(visit_id)
            uow.touch(Topic.VISITS)
            uow.commit()
        assert row is not None
        return row

    @staticmethod
    def _appointment_for(uow: UnitOfWork, appointment_id: int, client_id: int | None,
                         now: datetime) -> AppointmentRow:
        # reserved for its counsellor only while they are active and not absent today (docs/WAITING.md)
        appointment = uow.reception.appointment_for_check_in(appointment_id, local_day(now))
        if appointment is None:
            raise NotFoundError("This appointment does not exist (any more).")
        if client_id is not None and appointment.client_id != client_id:
            raise ValidationError("This appointment belongs to another client.")
        start, end = day_bounds(now)
        if not start <= appointment.starts_at < end:
            raise ValidationError("This appointment is not today.")
        if appointment.status is AppointmentStatus.CANCELLED:
            raise ConflictError("This appointment was cancelled.")
        return appointment

    @requires(Permission.WAITLIST_READ)
    def today(self, actor: Actor, *, now: datetime | None = None, open_only: bool = True) -> list[VisitRow]:
        day = local_day(now or self._clock())
        with self._uow() as uow:
            rows = uow.visits.for_day(day, open_only=open_only)
        self._list_reads.record(actor, "visits_today", (r.client_id for r in rows), now=now)
        return rows

    @requires(Permission.APPOINTMENT_READ)
    def todays_appointments(self, actor: Actor, *, now: datetime | None = None) -> list[AppointmentRow]:
        """Today's appointments (not cancelled) with client names, earliest first; recorded as a
        list read."""
        start, end = day_bounds(now or self._clock())
        with self._uow() as uow:
            rows = uow.reception.appointments_between(start, end)
        return self._appointments_read(actor, rows, now)

    @requires(Permission.APPOINTMENT_READ)
    def absent_today(self, actor: Actor, *, now: datetime | None = None) -> list[AbsentToday]:
        """The counsellors not there today (an absence, or their account deactivated while an
        appointment of theirs today is still booked), by name: reception tells the people waiting
        for them and phones those with an appointment. No absence's reason."""
        now = now or self._clock()
        start, end = day_bounds(now)
        with self._uow() as uow:
            return uow.reception.absent(local_day(now), start, end)

    @requires(Permission.APPOINTMENT_READ)
    def appointments_and_absent_today(self, actor: Actor, *, now: datetime | None = None
                                      ) -> tuple[list[AppointmentRow], list[AbsentToday]]:
        """Reception's reload of today's appointments: todays_appointments and absent_today read in
        ONE short read transaction where the reload took two. On SQLite that is one snapshot (the
        "counsellor absent" marks agree with the rows they mark); on PostgreSQL (READ COMMITTED) each
        statement reads its own, so an absence committed between the two may be marked already - the
        rows do not depend on it, and its commit's announcement reloads the list anyway."""
        now = now or self._clock()
        start, end = day_bounds(now)
        with self._uow() as uow:
            rows = uow.reception.appointments_between(start, end)
            absent = uow.reception.absent(local_day(now), start, end)
        return self._appointments_read(actor, rows, now), absent

    def _appointments_read(self, actor: Actor, rows: list[AppointmentRow],
                           now: datetime | None) -> list[AppointmentRow]:
        """Today's appointments as the actor may see them, recorded as a list read."""
        self._list_reads.record(actor, "appointments_today", (r.client_id for r in rows), now=now)
        return scoped_notes(actor, rows)  # the counsellors' notes only for their service and the head

    @requires(Permission.CHECK_IN)
    def estimated_wait(self, actor: Actor, service_id: int, *, now: datetime | None = None) -> WaitEstimate:
        """How long a new ticket for the service will wait, from today's real service times."""
        day = local_day(now or self._clock())
        with self._uow() as uow:
            called = uow.reception.waits_called(service_id, day)
            ahead = uow.reception.waiting_count(service_id, day)
        return estimate_wait(service_id, called, ahead)
