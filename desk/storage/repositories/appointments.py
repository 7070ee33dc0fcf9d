"""Client appointments, counsellors' working hours and absences, the interpreters directory.

Conflict checks run inside the write transaction: on SQLite the unit of work already holds the
write lock (`BEGIN IMMEDIATE`), on PostgreSQL `lock_staff` / `lock_interpreter` take the row
lock (`SELECT ... FOR UPDATE`) of the counsellor / interpreter first, so two workstations
booking the same person at the same moment are serialised and the second one sees the first.
"""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, bindparam, case, delete, func, select, update
from sqlalchemy.orm import Session, aliased

from desk.domain.appointments import AbsenceRow, InterpreterRow, ReminderRow, WorkingHourRow
from desk.domain.calendar import MAX_SPAN
from desk.domain.errors import NotFoundError, StaleError
from desk.domain.kiosk import new_code
from desk.domain.model import AppointmentRow, AppointmentStatus, person_name
from desk.storage.models import (
    Absence,
    Appointment,
    Client,
    Interpreter,
    Room,
    Staff,
    UTCDateTime,
    WorkingHour,
)

#: Statuses that occupy the counsellor's (and interpreter's) time.
_OCCUPYING = [s.value for s in AppointmentStatus if s is not AppointmentStatus.CANCELLED]

APPOINTMENT_FIELDS = {
    "client_id", "service_id", "staff_id", "room_id", "interpreter_id", "interpreter_language",
    "starts_at", "ends_at", "status", "cancel_reason", "series_id", "reminded_at", "note",
    "residence", "created_by", "request_key",
}



def appointment_row(a: Appointment, given: str | None, family: str | None) -> AppointmentRow:
    return AppointmentRow(
        id=a.id,
        client_id=a.client_id,
        client_name=person_name(given, family),
        service_id=a.service_id,
        staff_id=a.staff_id,
        room_id=a.room_id,
        interpreter_id=a.interpreter_id,
        interpreter_language=a.interpreter_language,
        starts_at=a.starts_at,
        ends_at=a.ends_at,
        status=AppointmentStatus(a.status),
        cancel_reason=a.cancel_reason,
        series_id=a.series_id,
        reminded_at=a.reminded_at,
        note=a.note,
        version=a.version,
    )


def _overlapping(start: datetime, end: datetime) -> tuple:
    """Appointments overlapping [start, end). None lasts longer than MAX_SPAN (check_span), so
    the index on starts_at is read from start - MAX_SPAN only, not from the first appointment
    ever (the bare `starts_at < end` made "appointments of a day" scan ten years of them)."""
    return (Appointment.starts_at > start - MAX_SPAN, Appointment.starts_at < end, Appointment.ends_at > start)


_COLUMNS = (
    Appointment.id, Appointment.client_id, Appointment.service_id, Appointment.staff_id, Appointment.room_id,
    Appointment.interpreter_id, Appointment.interpreter_language, Appointment.starts_at, Appointment.ends_at,
    Appointment.status, Appointment.cancel_reason, Appointment.series_id, Appointment.reminded_at, Appointment.note,
    Appointment.version, Client.given_name, Client.family_name,
)
_STATUS = {s.value: s for s in AppointmentStatus}
_build_appointment_row = AppointmentRow._make  # one C-level call (a named tuple)


@functools.cache
def _between_select(by_staff: bool, include_cancelled: bool):  # noqa: ANN202 - a SQLAlchemy select
    stmt = (
        select(*_COLUMNS)
        .outerjoin(Client, Client.id == Appointment.client_id)
        .where(Appointment.starts_at > bindparam("low", type_=UTCDateTime()),
               Appointment.starts_at < bindparam("end", type_=UTCDateTime()),
               Appointment.ends_at > bindparam("start", type_=UTCDateTime()))
    )
    if by_staff:
        stmt = stmt.where(Appointment.staff_id == bindparam("staff_id"))
    if not include_cancelled:
        stmt = stmt.where(Appointment.status.in_(_OCCUPYING))
    return stmt.order_by(Appointment.starts_at, Appointment.id)


def counsellor_available(staff_id: Any, day: Any) -> ColumnElement[bool]:
    """Whether a waiting person may be reserved for the counsellor `staff_id` on `day` (both SQL
    expressions: a column and a bound parameter or a column): EXISTS the account, active, and NOT
    EXISTS an absence of theirs covering `day` - two subqueries side by side, each correlated to
    the query it is used in (nested, the inner one would not see that query's columns). NULL
    `staff_id`: false. The one condition of the check-in (reserved_counsellor) and of the call (repositories.visits: a reservation for someone absent
    that day or deactivated holds for nobody). The absence is asked through its counsellor and
    dates only (`SELECT staff_id`, never `*`), the account through its id and `active`: the kiosk's
    PostgreSQL role may read no absence's reason (desk.storage.roles.KIOSK_GRANTS). The account is
    an alias of its own, so the condition works inside a query that joins `staff` already."""
    staff = aliased(Staff)
    active = select(staff.id).where(staff.id == staff_id, staff.active.is_(True)).exists()
    absent = (select(Absence.staff_id)
              .where(Absence.staff_id == staff_id, Absence.starts_on <= day, Absence.ends_on >= day)
              .exists())
    return and_(active, ~absent)


def reserved_counsellor(day: Any) -> ColumnElement:
    """The counsellor a check-in for the appointment reserves the visit for (docs/WAITING.md), as
    the column `staff_id`: the appointment's counsellor while the account is active and no absence
    of theirs covers `day` (the check-in's local date, a bound parameter; counsellor_available),
    else NULL - reserved for nobody, so any colleague's call next takes the person: someone who
    left or is away calls no one, and colleagues could not call the person either. The one
    condition of the desk's check-in (appointment_for_check_in) and the kiosk's
    (repositories.kiosk)."""
    return case((counsellor_available(Appointment.staff_id, day), Appointment.staff_id)).label("staff_id")


@functools.cache
def _check_in_select():  # noqa: ANN202 - a SQLAlchemy select
    staff = reserved_counsellor(bindparam("day", type_=Date()))
    columns = tuple(staff if column is Appointment.staff_id else column for column in _COLUMNS)
    return (select(*columns).outerjoin(Client, Client.id == Appointment.client_id)
            .where(Appointment.id == bindparam("id")))


def appointment_for_check_in(session: Session, appointment_id: int, day: date) -> AppointmentRow | None:
    """One appointment with its client's name, as the check-in on `day` reads it: a statement
    built once, plain columns, ONE read. Its `staff_id` is whom the visit is reserved for
    (reserved_counsellor): None when that counsellor's account was deactivated or an absence of
    theirs covers `day`. Not for anything else that wants the appointment's counsellor (get)."""
    row = session.connection().execute(_check_in_select(), {"id": appointment_id, "day": day}).first()
    return None if row is None else _appointment_row_of(row)


def _appointment_row_of(r) -> AppointmentRow:  # noqa: ANN001 - a row of _between_select
    (id_, client_id, service_id, staff_id, room_id, interpreter_id, interpreter_language, starts_at, ends_at,
     status, cancel_reason, series_id, reminded_at, note, version, given, family) = r
    return _build_appointment_row((
        id_, client_id, person_name(given, family), service_id, staff_id, room_id, interpreter_id,
        interpreter_language, starts_at, ends_at, _STATUS[status], cancel_reason, series_id, reminded_at, note, version,
    ))


def _interpreter_row(i: Interpreter) -> InterpreterRow:
    languages = tuple(sorted({p.strip().lower() for p in (i.languages or "").split(",") if p.strip()}))
    return InterpreterRow(id=i.id, name=i.name, languages=languages, phone=i.phone, active=i.active)


class AppointmentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _select(self):
        return (
            select(Appointment, Client.given_name, Client.family_name)
            .outerjoin(Client, Client.id == Appointment.client_id)
        )

    # -- locks (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers) ----------

    def _for_update(self) -> bool:
        return self.session.get_bind().dialect.name == "postgresql"

    def lock_staff(self, staff_ids: list[int]) -> None:
        """Lock the counsellors' rows (sorted, so two writers never deadlock)."""
        for staff_id in sorted(set(staff_ids)):
            stmt = select(Staff.id).where(Staff.id == staff_id)
            if self._for_update():
                stmt = stmt.with_for_update()
            if self.session.scalar(stmt) is None:
                raise NotFoundError("Staff member {id} does not exist (any more).", id=staff_id)

    def lock_interpreter(self, interpreter_id: int) -> None:
        stmt = select(Interpreter.id).where(Interpreter.id == interpreter_id)
        if self._for_update():
            stmt = stmt.with_for_update()
        if self.session.scalar(stmt) is None:
            raise NotFoundError("Interpreter {id} does not exist (any more).", id=interpreter_id)

    # -- reads ------------------------------------------------------------------------------

    def get(self, appointment_id: int) -> AppointmentRow | None:
        row = self.session.execute(self._select().where(Appointment.id == appointment_id)).first()
        return None if row is None else appointment_row(row.Appointment, row.given_name, row.family_name)

    def between(
        self,
        start: datetime,
        end: datetime,
        *,
        staff_id: int | None = None,
        include_cancelled: bool = False,
    ) -> list[AppointmentRow]:
        """Appointments overlapping [start, end), by start time (a day of the calendar: a
        statement built once with bound parameters, plain columns mapped by position)."""
        params = {"low": start - MAX_SPAN, "end": end, "start": start}
        if staff_id is not None:
            params["staff_id"] = staff_id
        stmt = _between_select(staff_id is not None, include_cancelled)
        # Core on the session's connection: plain columns need no ORM result machinery
        return [_appointment_row_of(r) for r in self.session.connection().execute(stmt, params).all()]

    def overlapping(
        self,
        start: datetime,
        end: datetime,
        *,
        staff_id: int | None = None,
        interpreter_id: int | None = None,
        exclude_ids: frozenset[int] = frozenset(),
    ) -> list[AppointmentRow]:
        """Occupying appointments of the counsellor or the interpreter that overlap [start, end)."""
        stmt = self._select().where(
            *_overlapping(start, end),
            Appointment.status.in_(_OCCUPYING),
        )
        if staff_id is not None:
            stmt = stmt.where(Appointment.staff_id == staff_id)
        if interpreter_id is not None:
            stmt = stmt.where(Appointment.interpreter_id == interpreter_id)
        if exclude_ids:
            stmt = stmt.where(Appointment.id.not_in(exclude_ids))
        stmt = stmt.order_by(Appointment.starts_at, Appointment.id)
        return [appointment_row(r.Appointment, r.given_name, r.family_name) for r in self.session.execute(stmt)]

    def made_by(self, request_key: str) -> list[AppointmentRow]:
        """The appointments the booking with this request key created (desk.services.once): the
        one, or every date of its series (the key is on the series' first); [] for none."""
        found = self.session.execute(select(Appointment.id, Appointment.series_id)
                                     .where(Appointment.request_key == request_key)).first()
        if found is None:
            return []
        if found.series_id is not None:
            return self.series(found.series_id)
        row = self.get(found.id)
        return [] if row is None else [row]

    def series(self, series_id: str) -> list[AppointmentRow]:
        stmt = self._select().where(Appointment.series_id == series_id).order_by(Appointment.starts_at)
        return [appointment_row(r.Appointment, r.given_name, r.family_name) for r in self.session.execute(stmt)]

    def reminders(self, start: datetime, end: datetime) -> list[ReminderRow]:
        """Booked appointments starting in [start, end) with the client's phone and language."""
        interpreter = aliased(Interpreter)
        stmt = (
            select(Appointment, Client.given_name, Client.family_name, Client.phone, Client.language,
                   Staff.display_name, Room.name, interpreter.name.label("interpreter_name"))
            .outerjoin(Client, Client.id == Appointment.client_id)
            .outerjoin(Staff, Staff.id == Appointment.staff_id)
            .outerjoin(Room, Room.id == Appointment.room_id)
            .outerjoin(interpreter, interpreter.id == Appointment.interpreter_id)
            .where(Appointment.starts_at >= start, Appointment.starts_at < end,
                   Appointment.status == AppointmentStatus.BOOKED.value)
            .order_by(Appointment.starts_at, Appointment.id)
        )
        return [
            ReminderRow(
                appointment=appointment_row(r.Appointment, r.given_name, r.family_name),
                phone=r.phone or "",
                client_language=r.language or "",
                staff_name=r.display_name or "",
                room_name=r.name or "",
                interpreter_name=r.interpreter_name or "",
            )
            for r in self.session.execute(stmt)
        ]

    def client_contact(self, client_id: int) -> tuple[str, str, str] | None:
        """(phone, language, residence) of a client, or None."""
        row = self.session.execute(
            select(Client.phone, Client.language, Client.residence)
            .where(Client.id == client_id, Client.merged_into_id.is_(None))
        ).first()
        return None if row is None else (row.phone, row.language, row.residence)

    def kiosk_code(self, appointment_id: int) -> str:
        return self.session.scalar(select(Appointment.kiosk_code).where(Appointment.id == appointment_id)) or ""

    # -- writes -----------------------------------------------------------------------------

    def add(self, *, created_at: datetime | None = None, **fields: Any) -> int:
        """`created_at`: the services' clock (a reminder missed before the booking is no one's
        fault: desk.services.reminders compares it with the reminder windows)."""
        unknown = set(fields) - APPOINTMENT_FIELDS
        if unknown:
            raise TypeError(f"unknown appointment fields: {sorted(unknown)}")
        now = datetime.now(UTC)
        # every appointment gets the slip's short code for the kiosk (issue 20)
        appointment = Appointment(created_at=created_at or now, updated_at=now, version=1, kiosk_code=new_code(),
                                  **fields)
        self.session.add(appointment)
        self.session.flush()
        return appointment.id

    def update(self, appointment_id: int, expected_version: int, **fields: Any) -> int:
        """Change if nobody else changed it since `expected_version`; returns the new version."""
        unknown = set(fields) - APPOINTMENT_FIELDS
        if unknown:
            raise TypeError(f"unknown appointment fields: {sorted(unknown)}")
        result = self.session.execute(
            update(Appointment)
            .where(Appointment.id == appointment_id, Appointment.version == expected_version)
            .values(**fields, version=Appointment.version + 1, updated_at=datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            if self.session.get(Appointment, appointment_id) is None:
                raise NotFoundError("Appointment {id} does not exist (any more).", id=appointment_id)
            raise StaleError()
        return expected_version + 1

    # -- working hours and absences ---------------------------------------------------------

    def working_hours(self, staff_id: int) -> list[WorkingHourRow]:
        stmt = (select(WorkingHour).where(WorkingHour.staff_id == staff_id)
                .order_by(WorkingHour.weekday, WorkingHour.start_time))
        return [WorkingHourRow(h.weekday, h.start_time, h.end_time) for h in self.session.scalars(stmt)]

    def set_working_hours(self, staff_id: int, hours: list[WorkingHourRow]) -> None:
        self.session.execute(delete(WorkingHour).where(WorkingHour.staff_id == staff_id))
        for h in hours:
            self.session.add(WorkingHour(staff_id=staff_id, weekday=h.weekday, start_time=h.start, end_time=h.end))
        self.session.flush()

    def absences(self, staff_id: int, *, since: date | None = None) -> list[AbsenceRow]:
        stmt = select(Absence).where(Absence.staff_id == staff_id)
        if since is not None:
            stmt = stmt.where(Absence.ends_on >= since)
        stmt = stmt.order_by(Absence.starts_on, Absence.id)
        return [AbsenceRow(a.id, a.staff_id, a.starts_on, a.ends_on, a.reason) for a in self.session.scalars(stmt)]

    def add_absence(self, staff_id: int, starts_on: date, ends_on: date, reason: str, *,
                    request_key: str | None = None) -> int:
        """A new absence (`request_key`: of the attempt, under its unique index; desk.services.once)."""
        absence = Absence(staff_id=staff_id, starts_on=starts_on, ends_on=ends_on, reason=reason,
                          request_key=request_key)
        self.session.add(absence)
        self.session.flush()
        return absence.id

    def absence_made_by(self, request_key: str) -> AbsenceRow | None:
        """The absence the attempt with this request key created (desk.services.once), or None."""
        a = self.session.scalars(select(Absence).where(Absence.request_key == request_key)).first()
        return None if a is None else AbsenceRow(a.id, a.staff_id, a.starts_on, a.ends_on, a.reason)

    def remove_absence(self, absence_id: int) -> AbsenceRow | None:
        a = self.session.get(Absence, absence_id)
        if a is None:
            return None
        row = AbsenceRow(a.id, a.staff_id, a.starts_on, a.ends_on, a.reason)
        self.session.delete(a)
        self.session.flush()
        return row

    def booked_on_absence(self, staff_id: int, start: datetime, end: datetime) -> list[AppointmentRow]:
        """Booked appointments in [start, end) (to warn when an absence is entered over them)."""
        stmt = self._select().where(
            and_(Appointment.staff_id == staff_id, *_overlapping(start, end),
                 Appointment.status == AppointmentStatus.BOOKED.value)
        ).order_by(Appointment.starts_at)
        return [appointment_row(r.Appointment, r.given_name, r.family_name) for r in self.session.execute(stmt)]

    def booked_from(self, since: datetime, *, staff_id: int | None = None) -> dict[int, tuple[int, datetime]]:
        """Booked appointments starting at or after `since`, per counsellor: (count, first start)
        (what a deactivated counsellor leaves behind, to be moved)."""
        stmt = (select(Appointment.staff_id, func.count(), func.min(Appointment.starts_at))
                .where(Appointment.starts_at >= since, Appointment.status == AppointmentStatus.BOOKED.value,
                       Appointment.staff_id.is_not(None))
                .group_by(Appointment.staff_id))
        if staff_id is not None:
            stmt = stmt.where(Appointment.staff_id == staff_id)
        return {row[0]: (row[1], row[2]) for row in self.session.execute(stmt)}

    # -- interpreters -----------------------------------------------------------------------

    def interpreters(self, *, active_only: bool = False) -> list[InterpreterRow]:
        stmt = select(Interpreter).order_by(Interpreter.name, Interpreter.id)
        if active_only:
            stmt = stmt.where(Interpreter.active.is_(True))
        return [_interpreter_row(i) for i in self.session.scalars(stmt)]

    def interpreter(self, interpreter_id: int) -> InterpreterRow | None:
        i = self.session.get(Interpreter, interpreter_id)
        return None if i is None else _interpreter_row(i)

    def interpreter_made_by(self, request_key: str) -> InterpreterRow | None:
        """The interpreter the attempt with this request key created (desk.services.once), or None."""
        i = self.session.scalars(select(Interpreter).where(Interpreter.request_key == request_key)).first()
        return None if i is None else _interpreter_row(i)

    def save_interpreter(self, interpreter_id: int | None, *, name: str, languages: str, phone: str,
                         active: bool, request_key: str | None = None) -> int:
        """A new interpreter (`request_key`: of the attempt, under its unique index;
        desk.services.once) or the changes to one."""
        if interpreter_id is None:
            i = Interpreter(name=name, languages=languages, phone=phone, active=active, request_key=request_key)
            self.session.add(i)
        else:
            i = self.session.get(Interpreter, interpreter_id)
            if i is None:
                raise NotFoundError("Interpreter {id} does not exist (any more).", id=interpreter_id)
            i.name, i.languages, i.phone, i.active = name, languages, phone, active
        self.session.flush()
        return i.id

    # -- checks for tests and the admin -------------------------------------------------------

    def overlapping_pairs(self) -> int:
        """How many pairs of occupying appointments of one counsellor overlap (must be 0)."""
        a, b = aliased(Appointment), aliased(Appointment)
        stmt = select(a.id).join(
            b,
            and_(a.staff_id == b.staff_id, a.id < b.id, a.starts_at < b.ends_at, b.starts_at < a.ends_at),
        ).where(a.status.in_(_OCCUPYING), b.status.in_(_OCCUPYING))
        return len(self.session.execute(stmt).all())
