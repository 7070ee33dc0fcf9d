"""Visits: check-in with per-service daily ticket numbers, and the day's list.

Ticket numbers come from one atomic upsert on `ticket_counters` (INSERT ... ON CONFLICT DO
UPDATE ... RETURNING), so two workstations checking in at the same moment get different
numbers on SQLite and PostgreSQL alike; the unique constraint on (service, day, number) is the
last line of defence.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Row,
    Select,
    Text,
    and_,
    bindparam,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desk.domain.errors import AlreadyDoneError, ConflictError
from desk.domain.model import (
    OPEN_VISIT_STATUSES,
    AlarmRow,
    DisplayCallRow,
    Priority,
    VisitRow,
    VisitStatus,
    person_name,
)
from desk.domain.tickets import format_ticket
from desk.storage.models import (
    Alarm,
    Appointment,
    AuditEvent,
    Client,
    DisplayCall,
    Room,
    Service,
    Staff,
    TicketCounter,
    Visit,
)
from desk.storage.prepared import Prepared, session_connection
from desk.storage.repositories.appointments import counsellor_available
from desk.storage.repositories.audit import AuditRepository
from desk.storage.uow import already_done
from desk.storage.upsert import insert_for

#: Where the service's code goes in the details of a check-in's audit entry given to
#: VisitRepository.add_numbered_row: the statement that takes the ticket number knows the code
#: (on PostgreSQL it is filled in by that same statement). A NUL, which no text in the database
#: can hold, so it never stands for a real code.
SERVICE_CODE = "\x00service\x00"
_SERVICE_CODE_JSON = json.dumps(SERVICE_CODE)  # as it stands in the details' JSON text


def visit_is_open() -> ColumnElement[bool]:
    """The condition of an open visit (waiting, called or in session)."""
    return Visit.status.in_([s.value for s in OPEN_VISIT_STATUSES])


def visits_of_client(client_id: int, *, open_only: bool = False) -> Select:
    """The ids of a client's visits (the open ones only), to be asked `.limit(1)` or `.exists()`:
    one column, since the kiosk's role may read only some of visits' (`EXISTS (SELECT *` asks it
    for every column)."""
    stmt = select(Visit.id).where(Visit.client_id == client_id)
    return stmt.where(visit_is_open()) if open_only else stmt


class VisitRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next_ticket_number(self, service_id: int, day: date) -> int:
        dialect = self.session.get_bind().dialect.name
        insert = insert_for(dialect)
        stmt = insert(TicketCounter).values(service_id=service_id, day=day, last_number=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[TicketCounter.service_id, TicketCounter.day],
            set_={"last_number": TicketCounter.last_number + 1},
        ).returning(TicketCounter.last_number)
        return int(self.session.execute(stmt).scalar_one())

    def add(self, **fields) -> int:
        """One INSERT ... RETURNING id (no ORM object, no flush, no savepoint: a refused insert
        ends the whole unit of work with the ConflictError, nothing continues after it). The
        values may be SQL expressions."""
        with _one_open_visit():
            return int(self.session.execute(insert(Visit).values(**fields).returning(Visit.id)).scalar_one())

    def add_row(self, audit: dict[str, Any], **fields) -> VisitRow:
        """Insert the visit (plain values) and its audit entry (audit_entry(), entity_id left to
        this) and return the visit as the lists show it, from the INSERT's RETURNING (no re-read).
        PostgreSQL: visit and audit entry in ONE statement (a data-modifying CTE); SQLite, which has
        none: the audit entry is a second statement."""
        connection = session_connection(self.session)
        with _one_open_visit():
            if connection.dialect.name == "postgresql":
                params = {**fields, **{f"audit_{key}": value for key, value in audit.items() if key != "entity_id"}}
                (row,) = _insert_with_audit(tuple(fields)).all(connection, params)
            else:
                (row,) = _insert_returning_row().all(connection, fields)
                AuditRepository(self.session).append_entry({**audit, "entity_id": row[0]}, connection)
        return _visit_row_of(row)

    def add_numbered_row(self, audit: dict[str, Any], *, ticket_day: date, **fields) -> VisitRow | None:
        """The next ticket number of an ACTIVE service for `ticket_day`, the visit with it (its
        ticket prefix the service's) and its audit entry (audit_entry(), entity_id left to this;
        SERVICE_CODE in its details stands for the service's code); returns the visit as the lists
        show it, or None when the service is not active (nothing written).
        PostgreSQL: ONE statement (data-modifying CTEs: the counter upsert, the visit, the audit
        entry with the code put in its JSON by to_json, which escapes text exactly as Python's
        json.dumps(ensure_ascii=False) does). SQLite: the counter upsert, then add_row."""
        connection = session_connection(self.session)
        if connection.dialect.name != "postgresql":
            ticket = self.take_ticket_number(fields["service_id"], ticket_day)
            if ticket is None:
                return None
            number, code, prefix = ticket
            details = audit["details"].replace(_SERVICE_CODE_JSON, json.dumps(code, ensure_ascii=False))
            return self.add_row({**audit, "details": details}, ticket_day=ticket_day, ticket_number=number,
                                ticket_prefix=prefix, **fields)
        params = {**fields, "ticket_day": ticket_day, "code_placeholder": _SERVICE_CODE_JSON,
                  **{f"audit_{key}": value for key, value in audit.items() if key != "entity_id"}}
        with _one_open_visit():
            rows = _numbered_insert_with_audit(tuple(fields)).all(connection, params)
        return _visit_row_of(rows[0]) if rows else None

    def take_ticket_number(self, service_id: int, day: date) -> tuple[int, str, str] | None:
        """The next ticket number of an ACTIVE service for `day` with the service's code and ticket
        prefix, in one atomic statement (the counter upsert reads the service: a service
        deactivated meanwhile gets no number, None); the counter row stays locked until commit."""
        connection = session_connection(self.session)
        row = _take_ticket_statement(connection.dialect.name).first(connection, {"service_id": service_id, "day": day})
        return None if row is None else (int(row[0]), row[1], row[2])

    def open_visit_of_client(self, client_id: int) -> VisitRow | None:
        stmt = self._row_query().where(
            Visit.client_id == client_id, visit_is_open()
        ).limit(1)
        rows = self._rows(stmt)
        return rows[0] if rows else None

    def attach_client(self, visit_id: int, client_id: int, **snapshot) -> bool:
        """Give an anonymous open visit its client, keeping ticket, arrival and place; False when
        the visit has a client already or is closed. The partial unique index refuses a second
        open visit of the client (ConflictError)."""
        stmt = (update(Visit)
                .where(Visit.id == visit_id, Visit.client_id.is_(None), visit_is_open())
                .values(client_id=client_id, version=Visit.version + 1, **snapshot)
                .execution_options(synchronize_session=False))
        with _one_open_visit(), self.session.begin_nested():
            result = self.session.execute(stmt)
        return result.rowcount == 1

    def get(self, visit_id: int) -> VisitRow | None:
        rows = self._rows(self._row_query().where(Visit.id == visit_id))
        return rows[0] if rows else None

    def made_by(self, request_key: str) -> VisitRow | None:
        """The visit the attempt with this request key created (desk.services.once)."""
        rows = self._rows(self._row_query().where(Visit.request_key == request_key))
        return rows[0] if rows else None

    def for_day(self, day: date, *, open_only: bool = False) -> list[VisitRow]:
        return self._rows(_day_select(open_only), {"day": day})

    # -- waiting list: calls and transitions (each one conditional UPDATE, row count checked) --

    def waiting(self, day: date) -> list[VisitRow]:
        """Waiting visits of `day` (the candidates of *call next*), in arrival order."""
        stmt = self._row_query().where(Visit.ticket_day == day, Visit.status == VisitStatus.WAITING.value)
        return self._rows(stmt.order_by(Visit.arrived_at, Visit.id))

    def claim(self, visit_id: int, *, now: datetime, day: date, staff_id: int | None, caller_name: str,
              room_id: int | None, take_over: bool = False) -> bool:
        """Call a waiting visit: ONE atomic `UPDATE ... WHERE status = 'waiting' AND (not
        reserved, or reserved for me, or reserved for a counsellor not available on `day`)`;
        `take_over` drops the reservation condition (a deliberate, audited take-over of a
        colleague's client). `day`: the centre's date of the call (Europe/Berlin of `now`), a
        bound parameter - a reservation for a counsellor whose account is deactivated or who has
        an absence covering that day holds for nobody (counsellor_available), read by this same
        statement: a check-in that reserved for her while her absence or deactivation was being
        saved (PostgreSQL's READ COMMITTED lets the two overlap) leaves nobody stuck.

        True if this transaction got the person; False if another workstation was faster (its
        committed update no longer matches the WHERE clause, on SQLite and PostgreSQL alike) or
        the person is reserved for someone else."""
        stmt = update(Visit).where(Visit.id == visit_id, Visit.status == VisitStatus.WAITING.value)
        if not take_over:
            stmt = stmt.where(_claimable_by(staff_id, bindparam("claim_day", day, type_=Date())))
        result = self.session.execute(
            stmt
            .values(
                status=VisitStatus.CALLED.value,
                called_at=now,
                first_called_at=func.coalesce(Visit.first_called_at, now),
                call_count=Visit.call_count + 1,
                called_by_staff_id=staff_id,
                called_by_name=caller_name,
                room_id=room_id,
                version=Visit.version + 1,
                updated_at=now,
                **({"assigned_staff_id": staff_id} if take_over else {}),
            )
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def transition(self, visit_id: int, *, from_statuses: frozenset[VisitStatus] | None,
                   version: int, values: dict, bump_calls: bool = False) -> bool:
        """Conditional update guarded by the version read before (and the allowed statuses)."""
        stmt = update(Visit).where(Visit.id == visit_id, Visit.version == version)
        if from_statuses is not None:
            stmt = stmt.where(Visit.status.in_([s.value for s in from_statuses]))
        extra = {"call_count": Visit.call_count + 1} if bump_calls else {}
        result = self.session.execute(
            stmt.values(**values, **extra, version=Visit.version + 1)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def delete_untouched(self, visit_id: int, *, version: int) -> bool:
        """Remove a visit created by a hand-over that is being undone, if nobody touched it."""
        result = self.session.execute(
            delete(Visit)
            .where(Visit.id == visit_id, Visit.version == version, Visit.status == VisitStatus.WAITING.value)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def add_handover(self, old_id: int, *, service_id: int, ticket_number: int, ticket_prefix: str,
                     assigned_staff_id: int | None, created_by: int | None, now: datetime,
                     request_key: str | None = None) -> int:
        """A new waiting visit for another service that keeps the original arrival time (and the
        hand-over's request key: desk.services.once)."""
        old = self.session.get(Visit, old_id)
        assert old is not None
        return self.add(
            client_id=old.client_id,
            service_id=service_id,
            appointment_id=None,
            handed_over_from_id=old.id,
            ticket_day=old.ticket_day,
            ticket_number=ticket_number,
            ticket_prefix=ticket_prefix,
            party_size=old.party_size,
            status=VisitStatus.WAITING.value,
            priority=old.priority,
            priority_reason=old.priority_reason,
            interpreter_language=old.interpreter_language,
            arrived_at=old.arrived_at,
            assigned_staff_id=assigned_staff_id,
            residence=old.residence,
            status_group=old.status_group,
            client_language=old.client_language,
            first_visit=False,
            created_by=created_by,
            updated_at=now,
            **({"request_key": request_key} if request_key is not None else {}),
        )

    def display_language(self, visit_id: int) -> str:
        """The language for the display's call text: interpreter language, else the client's."""
        row = self.session.execute(
            select(Visit.interpreter_language, Visit.client_language).where(Visit.id == visit_id)
        ).one()
        return (row.interpreter_language or row.client_language or "").lower()

    def close_open(self, *, up_to_day: date, now: datetime) -> list[int]:
        """Close every open visit of `up_to_day` and before as *left* (end of day)."""
        open_values = [s.value for s in OPEN_VISIT_STATUSES]
        ids = list(self.session.scalars(
            select(Visit.id).where(Visit.ticket_day <= up_to_day, Visit.status.in_(open_values))
        ))
        if ids:
            self.session.execute(
                update(Visit)
                .where(Visit.id.in_(ids), Visit.status.in_(open_values))
                .values(status=VisitStatus.LEFT.value, finished_at=now, version=Visit.version + 1,
                        updated_at=now)
                .execution_options(synchronize_session=False)
            )
        return ids

    def waiting_for_staff(self, staff_id: int) -> int:
        """People waiting who are reserved for this staff member (their appointment, a hand-over)."""
        return int(self.session.scalar(select(func.count()).select_from(Visit).where(
            Visit.assigned_staff_id == staff_id, Visit.status == VisitStatus.WAITING.value)) or 0)

    def release_staff(self, staff_id: int, *, now: datetime, day: date | None = None) -> int:
        """Drop the reservation of everyone waiting for this staff member: any colleague of the
        service may call them - the account was deactivated (every day's), or an absence of
        theirs covering `day` was entered (that day's tickets only). One conditional UPDATE: a
        person already called or in session stays as they are. Returns how many."""
        stmt = update(Visit).where(Visit.assigned_staff_id == staff_id, Visit.status == VisitStatus.WAITING.value)
        if day is not None:
            stmt = stmt.where(Visit.ticket_day == day)
        result = self.session.execute(
            stmt.values(assigned_staff_id=None, version=Visit.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount

    # -- the waiting-room display (never a name: DisplayCall has no column that could hold one) --

    def add_display_call(self, *, called_at: datetime, ticket: str, room_label: str, language: str) -> int:
        call = DisplayCall(called_at=called_at, ticket=ticket[:12], room_label=room_label[:60],
                           language=language[:16])
        self.session.add(call)
        self.session.flush()
        return call.id

    def delete_display_call(self, call_id: int) -> None:
        self.session.execute(delete(DisplayCall).where(DisplayCall.id == call_id))

    def delete_display_calls_before(self, cutoff: datetime) -> int:
        """The end-of-day purge: the display keeps no call older than `cutoff`."""
        return self.session.execute(delete(DisplayCall).where(DisplayCall.called_at < cutoff)).rowcount or 0

    def display_calls(self, *, since: datetime, limit: int) -> list[DisplayCallRow]:
        stmt = (
            select(DisplayCall.id, DisplayCall.called_at, DisplayCall.ticket, DisplayCall.room_label,
                   DisplayCall.language)
            .where(DisplayCall.called_at >= since)
            # newest first in the order the calls were made: called_at is the calling PC's clock,
            # and a PC whose clock is behind would put its call below older ones on the display
            .order_by(DisplayCall.id.desc())
            .limit(limit)
        )
        return [DisplayCallRow(id=r.id, called_at=r.called_at, ticket=r.ticket, room_label=r.room_label,
                               language=r.language) for r in self.session.execute(stmt)]

    # -- silent alarms ---------------------------------------------------------------------------

    def raise_alarm(self, *, now: datetime, staff_id: int | None, room_id: int | None, room_label: str) -> int:
        alarm = Alarm(raised_at=now, staff_id=staff_id, room_id=room_id, room_label=room_label[:200])
        self.session.add(alarm)
        self.session.flush()
        return alarm.id

    def open_alarms(self) -> list[AlarmRow]:
        stmt = (
            select(Alarm, Staff.display_name)
            .outerjoin(Staff, Staff.id == Alarm.staff_id)
            .where(Alarm.acknowledged_at.is_(None))
            .order_by(Alarm.raised_at, Alarm.id)
        )
        return [AlarmRow(id=a.id, raised_at=a.raised_at, room_label=a.room_label, raised_by=name or "",
                         acknowledged_at=a.acknowledged_at) for a, name in self.session.execute(stmt)]

    def acknowledge_alarm(self, alarm_id: int, *, now: datetime, staff_id: int | None) -> bool:
        result = self.session.execute(
            update(Alarm)
            .where(Alarm.id == alarm_id, Alarm.acknowledged_at.is_(None))
            .values(acknowledged_at=now, acknowledged_by=staff_id)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    # -- row mapping ---------------------------------------------------------------------------

    @staticmethod
    def _row_query():
        return _row_select()

    def _rows(self, stmt, params: dict | None = None) -> list[VisitRow]:
        # Core execution on the session's connection (same transaction): plain columns need none
        # of the ORM's result machinery, which cost as much as the rows themselves; all rows in
        # one fetchall (iterating fetched them one by one)
        return [_visit_row_of(r) for r in self.session.connection().execute(stmt, params).all()]


_ROW_COLUMNS = (
    Visit.id, Visit.client_id, Visit.service_id, Visit.ticket_prefix, Visit.ticket_number, Visit.ticket_day,
    Visit.party_size, Visit.status, Visit.priority, Visit.priority_reason, Visit.interpreter_language,
    Visit.arrived_at, Visit.first_called_at, Visit.called_at, Visit.started_at, Visit.finished_at, Visit.call_count,
    Visit.appointment_id, Visit.called_by_staff_id, Visit.called_by_name, Visit.room_id, Visit.assigned_staff_id,
    Visit.referred_to, Visit.version, Visit.handed_over_from_id, Visit.self_service,
)


_STATUS = {s.value: s for s in VisitStatus}
_build_visit_row = VisitRow._make  # one C-level call (a named tuple)
_PRIORITY = {p.value: p for p in Priority}


@functools.cache
def _row_select():
    """The visit columns and the joined names, built once (the select and its alias are the
    same for every call; only the WHERE differs)."""
    caller = aliased(Staff)
    # whom a waiting visit is reserved for: on the visit's own day (the waiting list's: today)
    reserved = _reserved_for(Visit.ticket_day)
    return (
        select(
            *(reserved if column is Visit.assigned_staff_id else column for column in _ROW_COLUMNS),
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


def _reserved_for(day: Any) -> ColumnElement:
    """Whom a visit is reserved for, as the lists and call next see it: `assigned_staff_id`,
    except for a WAITING visit whose counsellor is not available on `day` (deactivated, or an
    absence covering it: counsellor_available) - reserved for nobody, as the claim treats it.
    A visit called or in session keeps whose client it is."""
    lapsed = and_(Visit.status == VisitStatus.WAITING.value, Visit.assigned_staff_id.is_not(None),
                  ~counsellor_available(Visit.assigned_staff_id, day))
    return case((lapsed, null()), else_=Visit.assigned_staff_id).label("assigned_staff_id")


def _claimable_by(staff_id: int | None, day: Any) -> ColumnElement[bool]:
    """The reservation condition of a claim: not reserved, reserved for me, or reserved for a
    counsellor not available on `day` (_reserved_for's rule, in the claim's WHERE)."""
    free = or_(Visit.assigned_staff_id.is_(None), ~counsellor_available(Visit.assigned_staff_id, day))
    return free if staff_id is None else or_(free, Visit.assigned_staff_id == staff_id)


@contextmanager
def _one_open_visit() -> Iterator[None]:
    """The partial unique index's refusal of a second open visit of a client, as a ConflictError."""
    try:
        yield
    except IntegrityError as error:
        if already_done(error):  # before the test below: the statement's text names visits.client_id
            raise AlreadyDoneError() from error
        if "uq_visits_one_open_per_client" in str(error) or "visits.client_id" in str(error):
            raise ConflictError("This person already has an open visit (checked in at another desk).") from error
        raise


#: The joined names of _row_select as correlated subqueries of an INSERT's RETURNING (SQLAlchemy
#: would not correlate its own subqueries there); NULL for a NULL key, as the outer joins give.
_RETURNED_NAMES = (
    "(SELECT given_name FROM clients WHERE clients.id = visits.client_id)",
    "(SELECT family_name FROM clients WHERE clients.id = visits.client_id)",
    "(SELECT display_label FROM rooms WHERE rooms.id = visits.room_id)",
    "(SELECT name FROM rooms WHERE rooms.id = visits.room_id)",
    "(SELECT display_name FROM staff WHERE staff.id = visits.called_by_staff_id)",
)


@functools.cache
def _insert_returning_row() -> Prepared:
    """INSERT INTO visits ... RETURNING the columns of _row_select, in its order (the columns
    inserted are the keys of the parameters given at execution)."""
    names = [literal_column(sql) for sql in _RETURNED_NAMES]
    starts = literal_column("(SELECT starts_at FROM appointments WHERE appointments.id = visits.appointment_id)",
                            type_=Appointment.starts_at.type)  # converted as the joined column is
    return Prepared(insert(Visit).returning(*_ROW_COLUMNS, *names, starts))


@functools.cache
def _insert_with_audit(keys: tuple[str, ...]) -> Prepared:
    """PostgreSQL: WITH visit AS (INSERT INTO visits ... RETURNING the columns of _row_select),
    audit AS (INSERT INTO audit_events SELECT ..., visit.id, ... FROM visit) SELECT the visit's
    columns and its joined names - one round trip for what were two. Parameters: the visit's
    columns by name (`keys`), the audit entry's as audit_<column>."""
    columns = Visit.__table__.c
    visit = (insert(Visit).values({key: bindparam(key, type_=columns[key].type) for key in keys})
             .returning(*_ROW_COLUMNS).cte("new_visit"))
    return _with_audit_and_names(visit)


def _with_audit_and_names(visit, details=None) -> Prepared:  # noqa: ANN001 - a CTE and a SQL expression
    """SELECT the columns of the `visit` CTE (INSERT ... RETURNING) and its joined names, with
    new_audit AS (INSERT INTO audit_events SELECT ..., new_visit.id, ... FROM new_visit): the
    audit entry's columns bound as audit_<column>, its details as `details` if given."""
    audit_columns = AuditEvent.__table__.c
    names = [c.name for c in audit_columns if c.name != "id"]
    audit = insert(AuditEvent).from_select(names, select(*[
        visit.c.id if name == "entity_id" else details if name == "details" and details is not None
        else bindparam(f"audit_{name}", type_=audit_columns[name].type)
        for name in names
    ])).cte("new_audit")
    joined = [literal_column(sql.replace("visits.", "new_visit.")) for sql in _RETURNED_NAMES]
    starts = literal_column("(SELECT starts_at FROM appointments WHERE appointments.id = new_visit.appointment_id)",
                            type_=Appointment.starts_at.type)
    return Prepared(select(*visit.c, *joined, starts).add_cte(audit))


@functools.cache
def _numbered_insert_with_audit(keys: tuple[str, ...]) -> Prepared:
    """PostgreSQL: WITH ticket AS (the counter upsert of an active service, as
    _take_ticket_statement), new_visit AS (INSERT INTO visits SELECT the visit's columns, the
    number and the service's prefix FROM ticket RETURNING the columns of _row_select), new_audit
    AS (INSERT INTO audit_events SELECT ..., new_visit.id, the details with the service's code
    ... FROM new_visit) SELECT the visit's columns and its joined names. No active service: no
    ticket row, so no visit and no audit entry, and no row. Parameters: the visit's columns by
    name (`keys`, the ticket day among them), the audit entry's as audit_<column>."""
    columns = Visit.__table__.c
    active = (select(Service.id, bindparam("ticket_day", type_=TicketCounter.day.type), literal(1))
              .where(Service.id == bindparam("service_id"), Service.active.is_(True)))
    ticket = (insert_for("postgresql")(TicketCounter)
              .from_select([TicketCounter.service_id, TicketCounter.day, TicketCounter.last_number], active)
              .on_conflict_do_update(index_elements=[TicketCounter.service_id, TicketCounter.day],
                                     set_={"last_number": TicketCounter.last_number + 1})
              .returning(TicketCounter.last_number, TicketCounter.service_id)).cte("ticket")
    prefix = select(Service.ticket_prefix).where(Service.id == ticket.c.service_id).scalar_subquery()
    given = [*keys, "ticket_day"]
    # the column defaults, written out: SQLAlchemy leaves them unbound in an INSERT ... SELECT in a CTE
    defaults = [c for c in columns if c.name not in given and c.name not in ("ticket_number", "ticket_prefix")
                and c.default is not None]
    if any(not c.default.is_scalar for c in defaults):
        raise ValueError("a visit column with a computed default must be given")
    values = [*(bindparam(key, type_=columns[key].type) for key in given), ticket.c.last_number, prefix,
              *(literal(c.default.arg, type_=c.type) for c in defaults)]
    names = [*given, "ticket_number", "ticket_prefix", *(c.name for c in defaults)]
    visit = (insert(Visit).from_select(names, select(*values), include_defaults=False)
             .returning(*_ROW_COLUMNS).cte("new_visit"))
    code = select(Service.code).where(Service.id == visit.c.service_id).scalar_subquery()
    details = func.replace(bindparam("audit_details", type_=AuditEvent.details.type), bindparam("code_placeholder"),
                           cast(func.to_json(code), Text))
    return _with_audit_and_names(visit, details)


@functools.cache
def _take_ticket_statement(dialect: str) -> Prepared:
    """INSERT INTO ticket_counters SELECT the service if it is active ON CONFLICT DO UPDATE
    last_number + 1 RETURNING the number, the service's code and ticket prefix."""
    upsert = insert_for(dialect)
    active = (select(Service.id, bindparam("day", type_=TicketCounter.day.type), literal(1))
              .where(Service.id == bindparam("service_id"), Service.active.is_(True)))
    return Prepared(upsert(TicketCounter)
            .from_select([TicketCounter.service_id, TicketCounter.day, TicketCounter.last_number], active)
            .on_conflict_do_update(index_elements=[TicketCounter.service_id, TicketCounter.day],
                                   set_={"last_number": TicketCounter.last_number + 1})
            .returning(TicketCounter.last_number,
                       literal_column("(SELECT code FROM services WHERE services.id = ticket_counters.service_id)"),
                       literal_column("(SELECT ticket_prefix FROM services "
                                      "WHERE services.id = ticket_counters.service_id)")))


@functools.cache
def _day_select(open_only: bool):  # noqa: ANN202 - a SQLAlchemy select
    """A day's visits (the waiting list: its open ones), built once with the day bound; the open
    statuses are literals in the SQL (`IN ('waiting', ...)`, as in the floor), not an expanding
    parameter that is re-rendered for every execution."""
    stmt = _row_select().where(Visit.ticket_day == bindparam("day", type_=Visit.ticket_day.type))
    if open_only:
        stmt = stmt.where(Visit.status.in_([literal_column(f"'{value}'") for value in sorted(OPEN_VISIT_STATUSES)]))
    return stmt.order_by(Visit.arrived_at, Visit.id)


def _visit_row_of(r: Row) -> VisitRow:
    """A VisitRow from one row of _row_select, by position (hundreds per list: the Row's
    attribute lookup by name and Enum() calls were most of the cost)."""
    (id_, client_id, service_id, prefix, number, ticket_day, party_size, status, priority, priority_reason,
     interpreter_language, arrived_at, first_called_at, called_at, started_at, finished_at, call_count,
     appointment_id, called_by_staff_id, called_by_name, room_id, assigned_staff_id, referred_to, version,
     handed_over_from_id, self_service, given, family, display_label, room_name, caller_name,
     appointment_starts_at) = r
    return _build_visit_row((
        id_, client_id, person_name(given, family), service_id, format_ticket(prefix, number), ticket_day, party_size,
        _STATUS[status], _PRIORITY[priority], priority_reason, interpreter_language, arrived_at, first_called_at,
        called_at, started_at, finished_at, call_count, appointment_id, appointment_starts_at, called_by_staff_id,
        called_by_name or caller_name or "", room_id, display_label or room_name or "", assigned_staff_id,
        referred_to, version, handed_over_from_id, bool(self_service),
    ))
