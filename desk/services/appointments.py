"""Client appointments: book, move, cancel, no-show, series; working hours, absences,
interpreters; tomorrow's reminder list; the data of the appointment slip; ICS export.

Rules (see docs/APPOINTMENTS.md):
- a counsellor never has two overlapping appointments, and a booked interpreter is never
  double-booked: checked inside the write transaction after locking the counsellor's and the
  interpreter's rows (PostgreSQL) / under SQLite's `BEGIN IMMEDIATE` write lock;
- reception (APPOINTMENT_BOOK without APPOINTMENT_MANAGE) books and moves only into free
  slots: inside the counsellor's working hours, not on an absence day, no overlap;
- edits carry the version they were made on (StaleError when someone else was faster);
- every change is audited (entity_type "appointment"); the dialog shows that history.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from desk.domain.appointments import (
    AbsenceRow,
    InterpreterRow,
    ReminderRow,
    Schedule,
    SlipData,
    WorkingHourRow,
    busy_intervals,
    check_appointment_span,
    check_working_hours,
    describe_span,
    free_starts,
    next_free_start,
    weekly_series,
    without_holidays,
)
from desk.domain.errors import ConflictError, Holiday, NotFoundError, Span, ValidationError
from desk.domain.model import AppointmentRow, AppointmentStatus, AuditRow, Role, StaffRow
from desk.domain.permissions import Permission, allowed, appointment_note_visible, full_card
from desk.domain.public_holidays import is_holiday
from desk.domain.text import clean_text
from desk.domain.tickets import BERLIN, format_client_number
from desk.domain.topics import Topic
from desk.services import ical
from desk.services.audit import ListReads, record
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.services.gate import requires, scoped_notes
from desk.services.once import checked_key, once
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

ENTITY = "appointment"
REASON_MAX = 500
NOTE_MAX = 1000


@dataclass(frozen=True)
class AppointmentRequest:
    """What the booking dialog sends (times aware; the dialog converts from Berlin time)."""

    client_id: int | None
    service_id: int
    staff_id: int
    starts_at: datetime
    ends_at: datetime
    room_id: int | None = None
    interpreter_language: str = ""
    interpreter_id: int | None = None
    note: str = ""
    #: One per booking dialog, the same for its retries: a retry after a lost acknowledgement
    #: answers with what the first attempt booked, not "already booked" (desk.services.once).
    request_key: str | None = None


@dataclass(frozen=True)
class AbsenceSaved:
    """What saving an absence did: the absence, and how many people waiting today who were reserved
    for the counsellor it released to all colleagues (None: a retry answered with what its first
    attempt saved, whose count is not known)."""

    absence: AbsenceRow
    released_waiting: int | None = 0


def _saved_before(absence: AbsenceRow | None) -> AbsenceSaved | None:
    return None if absence is None else AbsenceSaved(absence=absence, released_waiting=None)


@dataclass(frozen=True)
class AppointmentChange:
    """A reschedule or edit: every field given is the new value."""

    starts_at: datetime
    ends_at: datetime
    staff_id: int
    room_id: int | None = None
    interpreter_language: str = ""
    interpreter_id: int | None = None
    note: str = ""


MAX_LIST_DAYS = 31
#: an ICS export covers at most a quarter (the counsellor's calendar ahead)
MAX_EXPORT_DAYS = 92


def _may_manage(actor: Actor) -> bool:
    return allowed(actor.role, Permission.APPOINTMENT_MANAGE)


def _local_day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=BERLIN).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=BERLIN).astimezone(UTC)
    return start, end


class AppointmentService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock
        self._list_reads = ListReads(uow, clock=clock)

    # -- reads ------------------------------------------------------------------------------

    @requires(Permission.APPOINTMENT_READ)
    def get(self, actor: Actor, appointment_id: int) -> AppointmentRow:
        with self._uow() as uow:
            return _noted(actor, _load(uow, appointment_id))

    @requires(Permission.APPOINTMENT_READ)
    def between(self, actor: Actor, first_day: date, days: int = 1, *, staff_id: int | None = None,
                include_cancelled: bool = True) -> list[AppointmentRow]:
        """Appointments of the local days [first_day, first_day + days), one counsellor or all;
        at most MAX_LIST_DAYS days (the calendar shows a week; a bulk read is refused)."""
        if days > MAX_LIST_DAYS:
            raise ValidationError("At most {days} days of appointments can be listed at once.", days=MAX_LIST_DAYS)
        start, _ = _local_day_bounds(first_day)
        _, end = _local_day_bounds(first_day + timedelta(days=max(1, days) - 1))
        with self._uow() as uow:
            rows = uow.appointments.between(start, end, staff_id=staff_id, include_cancelled=include_cancelled)
        self._list_reads.record(actor, "appointments", (r.client_id for r in rows))
        return _noted(actor, rows)

    @requires(Permission.APPOINTMENT_READ)
    def today(self, actor: Actor, *, now: datetime | None = None, staff_id: int | None = None) -> list[AppointmentRow]:
        """Today's (Berlin) appointments that still count (not cancelled), with client names."""
        day = (now or self._clock()).astimezone(BERLIN).date()
        start, end = _local_day_bounds(day)
        with self._uow() as uow:
            rows = uow.appointments.between(start, end, staff_id=staff_id)
        self._list_reads.record(actor, "appointments", (r.client_id for r in rows), now=now)
        return _noted(actor, rows)

    @requires(Permission.APPOINTMENT_READ)
    def series(self, actor: Actor, series_id: str) -> list[AppointmentRow]:
        with self._uow() as uow:
            rows = uow.appointments.series(series_id)
        self._list_reads.record(actor, "appointments", (r.client_id for r in rows))
        return _noted(actor, rows)

    @requires(Permission.APPOINTMENT_READ)
    def history(self, actor: Actor, appointment_id: int) -> list[AuditRow]:
        """Who changed the appointment when (newest first)."""
        with self._uow() as uow:
            return uow.audit.query(entity_type=ENTITY, entity_id=appointment_id, limit=200)

    @requires(Permission.APPOINTMENT_READ)
    def counsellors(self, actor: Actor, *, now: datetime | None = None) -> list[StaffRow]:
        """Staff who give appointments (counsellors and the head of department): the active ones,
        and a deactivated one while booked appointments of theirs lie ahead, so that the calendar
        still shows those and they can be moved (`active` tells; nothing new is booked with them)."""
        with self._uow() as uow:
            staff = [s for s in uow.reference.staff() if s.role in (Role.COUNSELLOR, Role.HEAD)]
            left = uow.appointments.booked_from(now or self._clock()) if not all(s.active for s in staff) else {}
        return [s for s in staff if s.active or s.id in left]

    @requires(Permission.APPOINTMENT_READ)
    def schedule(self, actor: Actor, staff_id: int) -> Schedule:
        with self._uow() as uow:
            return _schedule(uow, staff_id)

    @requires(Permission.APPOINTMENT_READ)
    def free_slots(self, actor: Actor, staff_id: int, day: date, duration: timedelta, *,
                   now: datetime | None = None, interpreter_id: int | None = None,
                   exclude_id: int | None = None) -> list[datetime]:
        """Starts on `day` where an appointment of `duration` fits the counsellor's free time
        (and the interpreter's, when one is given)."""
        if duration <= timedelta(0):
            raise ValidationError("The end must be after the start (the booking has no length).")
        start, end = _local_day_bounds(day)
        with self._uow() as uow:
            schedule = _schedule(uow, staff_id)
            busy = busy_intervals(uow.appointments.between(start, end, staff_id=staff_id), exclude_id=exclude_id)
            if interpreter_id is not None:
                busy += busy_intervals(uow.appointments.overlapping(start, end, interpreter_id=interpreter_id),
                                       exclude_id=exclude_id)
        return free_starts(schedule, busy, day, duration, not_before=now or self._clock())

    @requires(Permission.APPOINTMENT_READ)
    def next_free(self, actor: Actor, staff_id: int, duration: timedelta, not_before: datetime, *,
                  interpreter_id: int | None = None) -> datetime | None:
        with self._uow() as uow:
            return _next_free(uow, staff_id, duration, not_before, interpreter_id=interpreter_id,
                              strict=not _may_manage(actor))

    @requires(Permission.APPOINTMENT_READ)
    def reminders(self, actor: Actor, day: date | None = None, *, now: datetime | None = None) -> list[ReminderRow]:
        """Booked appointments of `day` (default: tomorrow, Berlin) with language and phone — the
        phone (full-card data) only where the reader may see the full card (`full_card`: the head,
        the counsellors of the appointment's service); recorded as a list read."""
        if day is None:
            day = (now or self._clock()).astimezone(BERLIN).date() + timedelta(days=1)
        start, end = _local_day_bounds(day)
        with self._uow() as uow:
            rows = uow.appointments.reminders(start, end)
        self._list_reads.record(actor, "reminders", (r.appointment.client_id for r in rows), now=now)
        return [dataclasses.replace(
                    r, appointment=_noted(actor, r.appointment),
                    phone=r.phone if full_card(actor.role, r.appointment.service_id in actor.service_ids) else "")
                for r in rows]

    @requires(Permission.APPOINTMENT_READ)
    def slip(self, actor: Actor, appointment_id: int) -> SlipData:
        with self._uow() as uow:
            row = _load(uow, appointment_id)
            services = {s.id: s for s in uow.reference.services()}
            rooms = {r.id: r for r in uow.reference.rooms()}
            staff = uow.reference.staff_row(row.staff_id) if row.staff_id else None
            contact = uow.appointments.client_contact(row.client_id) if row.client_id else None
            settings = uow.settings.business()
            kiosk_code = uow.appointments.kiosk_code(row.id)

        service = services.get(row.service_id)
        return SlipData(
            appointment_id=row.id,
            client_name=row.client_name,
            client_number=format_client_number(row.client_id) if row.client_id else "",
            client_language=(contact[1] if contact else "") or row.interpreter_language,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            room_name=rooms[row.room_id].name if row.room_id in rooms else "",
            staff_name=staff.display_name if staff else "",
            service_name_de=service.name_de if service else "",
            service_name_en=service.name_en if service else "",
            centre_name=settings.centre_name,
            centre_address=settings.centre_address,
            interpreter_language=row.interpreter_language,
            kiosk_code=kiosk_code,
        )

    # -- booking ----------------------------------------------------------------------------

    @requires(Permission.APPOINTMENT_BOOK)
    def book(self, actor: Actor, request: AppointmentRequest, *, now: datetime | None = None) -> AppointmentRow:
        """Book one appointment; ConflictError names what is in the way and the next free slot.
        Tried again with the same request key after a fault whose first attempt was saved: that
        appointment (not a clash with itself)."""
        key = checked_key(request.request_key)
        return once(self._uow, key, lambda: self._book(actor, request, key, now),
                    lambda uow, k: next(iter(_noted(actor, uow.appointments.made_by(k))), None),
                    what="appointment")

    def _book(self, actor: Actor, request: AppointmentRequest, key: str | None,
              now: datetime | None) -> AppointmentRow:
        fields = self._validated(request.starts_at, request.ends_at, request.interpreter_language,
                                 request.note, now=now)
        with self._uow(write=True) as uow:
            self._check_references(uow, request.service_id, request.room_id, request.client_id)
            residence = "unknown"
            if request.client_id is not None:
                contact = uow.appointments.client_contact(request.client_id)
                if contact is None:
                    raise NotFoundError("Client {id} does not exist (any more).", id=request.client_id)
                residence = contact[2]
            self._check_slot(uow, actor, request.staff_id, request.interpreter_id, fields["starts_at"],
                             fields["ends_at"], fields["interpreter_language"], exclude=frozenset())
            appointment_id = uow.appointments.add(
                client_id=request.client_id, service_id=request.service_id, staff_id=request.staff_id,
                room_id=request.room_id, interpreter_id=request.interpreter_id,
                status=AppointmentStatus.BOOKED.value, residence=residence, created_by=actor.staff_id,
                request_key=key, created_at=now or self._clock(), **fields,
            )
            record(uow, actor, "appointment.book", entity_type=ENTITY, entity_id=appointment_id,
                   client_id=request.client_id,
                   details={"at": describe_span(fields["starts_at"], fields["ends_at"]),
                            "staff_id": request.staff_id, "room_id": request.room_id,
                            "interpreter_id": request.interpreter_id})
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            return _noted(actor, _load(uow, appointment_id))

    @requires(Permission.APPOINTMENT_MANAGE)
    def book_series(self, actor: Actor, request: AppointmentRequest, *, count: int, interval_weeks: int = 1,
                    skip_holidays: bool = True, now: datetime | None = None) -> list[AppointmentRow]:
        """`count` weekly dates every `interval_weeks` weeks, all or none (one series_id).

        A date on a public holiday of Baden-Württemberg (the centre is closed) is left out unless
        `skip_holidays` is False (the counsellor chose to meet the client on the holiday anyway);
        the booking dialog lists those dates before saving (`series_holidays`). A series whose
        every date is a holiday books nothing and says so. Tried again with the same request key
        after a fault whose first attempt was saved: that series."""
        key = checked_key(request.request_key)
        return once(self._uow, key,
                    lambda: self._book_series(actor, request, key, count=count, interval_weeks=interval_weeks,
                                              skip_holidays=skip_holidays, now=now),
                    lambda uow, k: _noted(actor, uow.appointments.made_by(k)) or None, what="appointment series")

    def _book_series(self, actor: Actor, request: AppointmentRequest, key: str | None, *, count: int,
                     interval_weeks: int, skip_holidays: bool, now: datetime | None) -> list[AppointmentRow]:
        now = now or self._clock()
        fields = self._validated(request.starts_at, request.ends_at, request.interpreter_language,
                                 request.note, now=now)
        spans = weekly_series(fields["starts_at"], fields["ends_at"], count=count, interval_weeks=interval_weeks)
        skipped = [day for day in (s.astimezone(BERLIN).date() for s, _e in spans) if is_holiday(day)] \
            if skip_holidays else []
        if skipped:
            spans = without_holidays(spans)
            if not spans:
                raise ValidationError("Every date of this series falls on a public holiday; nothing was booked.")
        for start, end in spans:
            check_appointment_span(start, end, now=now)
        series_id = uuid.uuid4().hex
        with self._uow(write=True) as uow:
            self._check_references(uow, request.service_id, request.room_id, request.client_id)
            residence = "unknown"
            if request.client_id is not None:
                contact = uow.appointments.client_contact(request.client_id)
                if contact is None:
                    raise NotFoundError("Client {id} does not exist (any more).", id=request.client_id)
                residence = contact[2]
            ids = []
            for start, end in spans:
                self._check_slot(uow, actor, request.staff_id, request.interpreter_id, start, end,
                                 fields["interpreter_language"], exclude=frozenset())
                appointment_id = uow.appointments.add(
                    client_id=request.client_id, service_id=request.service_id, staff_id=request.staff_id,
                    room_id=request.room_id, interpreter_id=request.interpreter_id,
                    interpreter_language=fields["interpreter_language"], note=fields["note"],
                    starts_at=start, ends_at=end, status=AppointmentStatus.BOOKED.value,
                    series_id=series_id, residence=residence, created_by=actor.staff_id,
                    request_key=None if ids else key,  # the key once, on the first date
                    created_at=now,
                )
                record(uow, actor, "appointment.book", entity_type=ENTITY, entity_id=appointment_id,
                       client_id=request.client_id,
                       details={"at": describe_span(start, end), "series_id": series_id,
                                "staff_id": request.staff_id,
                                **({"skipped_holidays": [d.isoformat() for d in skipped]} if skipped else {})})
                ids.append(appointment_id)
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            return _noted(actor, [_load(uow, i) for i in ids])

    @requires(Permission.APPOINTMENT_BOOK)
    def change(self, actor: Actor, appointment_id: int, expected_version: int, change: AppointmentChange, *,
               now: datetime | None = None) -> AppointmentRow:
        """Reschedule and/or change counsellor, room, interpreter, note."""
        fields = self._validated(change.starts_at, change.ends_at, change.interpreter_language, change.note, now=now)
        with self._uow(write=True) as uow:
            before = _load(uow, appointment_id)
            if before.status is not AppointmentStatus.BOOKED:
                raise ConflictError("Only a booked appointment can be changed (this one is {status}).",
                                    status=before.status.value)
            self._check_references(uow, before.service_id, change.room_id, None)
            self._check_slot(uow, actor, change.staff_id, change.interpreter_id, fields["starts_at"],
                             fields["ends_at"], fields["interpreter_language"],
                             exclude=frozenset({appointment_id}), also_lock=before.staff_id)
            values = dict(fields, staff_id=change.staff_id, room_id=change.room_id,
                          interpreter_id=change.interpreter_id)
            if not _note_visible(actor, before):
                values["note"] = before.note  # reception does not see the note, so cannot change it
            if (before.starts_at, before.ends_at) != (fields["starts_at"], fields["ends_at"]):
                values["reminded_at"] = None  # the client must hear about the new time
            uow.appointments.update(appointment_id, expected_version, **values)
            changed = {k: [str(getattr(before, k)), str(v)] for k, v in values.items()
                       if k != "reminded_at" and getattr(before, k) != v}
            if "starts_at" in changed or "ends_at" in changed:
                changed.pop("starts_at", None)
                changed.pop("ends_at", None)
                changed["time"] = [describe_span(before.starts_at, before.ends_at),
                                   describe_span(fields["starts_at"], fields["ends_at"])]
            action = "appointment.reschedule" if "time" in changed or "staff_id" in changed else "appointment.edit"
            # which fields changed; the note's text is not kept (scrub drops it)
            record(uow, actor, action, entity_type=ENTITY, entity_id=appointment_id,
                   client_id=before.client_id, details={"fields": sorted(changed), **changed})
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            return _noted(actor, _load(uow, appointment_id))

    @requires(Permission.APPOINTMENT_BOOK)
    def cancel(self, actor: Actor, appointment_id: int, expected_version: int, reason: str) -> AppointmentRow:
        reason = clean_text(reason, field="Reason", max_length=REASON_MAX)
        if not reason:
            raise ValidationError("Please give a reason for the cancellation.")
        return self._set_status(actor, appointment_id, expected_version, AppointmentStatus.CANCELLED,
                                "appointment.cancel", cancel_reason=reason)

    @requires(Permission.APPOINTMENT_MANAGE)
    def cancel_series(self, actor: Actor, series_id: str, reason: str, *, from_start: datetime | None = None) -> int:
        """Cancel every booked appointment of a series (from `from_start` on); returns how many."""
        reason = clean_text(reason, field="Reason", max_length=REASON_MAX)
        if not reason:
            raise ValidationError("Please give a reason for the cancellation.")
        count = 0
        with self._uow(write=True) as uow:
            for row in uow.appointments.series(series_id):
                if row.status is not AppointmentStatus.BOOKED:
                    continue
                if from_start is not None and row.starts_at < from_start:
                    continue
                uow.appointments.update(row.id, row.version, status=AppointmentStatus.CANCELLED.value,
                                        cancel_reason=reason)
                record(uow, actor, "appointment.cancel", entity_type=ENTITY, entity_id=row.id,
                       client_id=row.client_id, details={"fields": ["cancel_reason"], "series_id": series_id})
                count += 1
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
        return count

    @requires(Permission.APPOINTMENT_MANAGE)
    def mark_no_show(self, actor: Actor, appointment_id: int, expected_version: int, *,
                     now: datetime | None = None) -> AppointmentRow:
        with self._uow() as uow:
            row = _load(uow, appointment_id)
        if row.starts_at > (now or self._clock()):
            raise ValidationError("An appointment that has not started yet cannot be marked as a no-show.")
        return self._set_status(actor, appointment_id, expected_version, AppointmentStatus.NO_SHOW,
                                "appointment.no_show")

    @requires(Permission.APPOINTMENT_MANAGE)
    def undo_no_show(self, actor: Actor, appointment_id: int, expected_version: int) -> AppointmentRow:
        """A no-show marked by mistake (the wrong row, or the client came late after all): the
        appointment is booked again, so reception can check the client in for it. Audited."""
        with self._uow(write=True) as uow:
            before = _load(uow, appointment_id)
            if before.status is not AppointmentStatus.NO_SHOW:
                raise ConflictError("Only an appointment marked as a no-show can be taken back (this one is {status}).",
                                    status=before.status.value)
            uow.appointments.update(appointment_id, expected_version, status=AppointmentStatus.BOOKED.value)
            record(uow, actor, "appointment.no_show_undone", entity_type=ENTITY, entity_id=appointment_id,
                   client_id=before.client_id, details={"from": before.status.value})
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            return _noted(actor, _load(uow, appointment_id))

    @requires(Permission.APPOINTMENT_MANAGE)
    def mark_done(self, actor: Actor, appointment_id: int, expected_version: int) -> AppointmentRow:
        return self._set_status(actor, appointment_id, expected_version, AppointmentStatus.DONE, "appointment.done")

    @requires(Permission.APPOINTMENT_BOOK)
    def set_reminded(self, actor: Actor, appointment_id: int, reminded: bool, *,
                     now: datetime | None = None) -> AppointmentRow:
        """Tick (or untick) "client was reminded"; last writer wins (a tick, not an edit)."""
        with self._uow(write=True) as uow:
            row = _load(uow, appointment_id)
            when = (now or self._clock()) if reminded else None
            uow.appointments.update(appointment_id, row.version, reminded_at=when)
            record(uow, actor, "appointment.reminded" if reminded else "appointment.unreminded",
                   entity_type=ENTITY, entity_id=appointment_id, client_id=row.client_id)
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            return _noted(actor, _load(uow, appointment_id))

    def _set_status(self, actor: Actor, appointment_id: int, expected_version: int, status: AppointmentStatus,
                    action: str, **extra: str) -> AppointmentRow:
        with self._uow(write=True) as uow:
            before = _load(uow, appointment_id)
            if before.status is AppointmentStatus.CANCELLED:
                raise ConflictError("This appointment has already been cancelled.")
            uow.appointments.update(appointment_id, expected_version, status=status.value, **extra)
            record(uow, actor, action, entity_type=ENTITY, entity_id=appointment_id, client_id=before.client_id,
                   details={"from": before.status.value, **extra})
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            return _noted(actor, _load(uow, appointment_id))

    # -- working hours and absences ---------------------------------------------------------

    @requires(Permission.APPOINTMENT_MANAGE)
    def set_working_hours(self, actor: Actor, staff_id: int, hours: list[WorkingHourRow]) -> list[WorkingHourRow]:
        valid = check_working_hours(hours)
        with self._uow(write=True) as uow:
            uow.appointments.lock_staff([staff_id])
            uow.appointments.set_working_hours(staff_id, valid)
            record(uow, actor, "working_hours.set", entity_type="staff", entity_id=staff_id,
                   details={"hours": [f"{h.weekday} {h.start:%H:%M}-{h.end:%H:%M}" for h in valid]})
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            return uow.appointments.working_hours(staff_id)

    @requires(Permission.APPOINTMENT_MANAGE)
    def add_absence(self, actor: Actor, staff_id: int, starts_on: date, ends_on: date, reason: str = "", *,
                    request_key: str | None = None, now: datetime | None = None) -> AbsenceSaved:
        """Add an absence (whole days). Booked appointments in it stay; the view lists them to move.
        One covering today (the centre's date, from `now` or the services' clock) releases, in the
        same transaction, the people checked in today and still waiting who are reserved for the
        counsellor: any colleague's call next takes them (docs/WAITING.md). Saved again with the
        same request key after a fault whose first attempt was saved: that absence, not a second
        one (its release was committed with it; how many it released is not known then)."""
        key = checked_key(request_key)
        moment = now or self._clock()
        return once(self._uow, key, lambda: self._add_absence(actor, staff_id, starts_on, ends_on, reason, key, moment),
                    lambda uow, k: _saved_before(uow.appointments.absence_made_by(k)), what="absence")

    def _add_absence(self, actor: Actor, staff_id: int, starts_on: date, ends_on: date, reason: str,
                     key: str | None, now: datetime) -> AbsenceSaved:
        reason = clean_text(reason, field="Reason", max_length=200)
        if ends_on < starts_on:
            raise ValidationError("The end lies before the start.")
        if (ends_on - starts_on).days > 366:
            raise ValidationError("An absence may last at most a year.")
        with self._uow(write=True) as uow:
            uow.appointments.lock_staff([staff_id])
            absence_id = uow.appointments.add_absence(staff_id, starts_on, ends_on, reason, request_key=key)
            released, today = 0, now.astimezone(BERLIN).date()
            if starts_on <= today <= ends_on:
                # away today calls nobody today: the people waiting for them go to their service's
                # list (the one statement of a deactivation, for today's tickets only)
                released = uow.visits.release_staff(staff_id, now=now, day=today)
                if released:
                    uow.touch(Topic.VISITS)
            # the reason is never kept (it may be an illness): desk.domain.audit drops its text
            record(uow, actor, "absence.add", entity_type="staff", entity_id=staff_id,
                   details={"from": starts_on.isoformat(), "to": ends_on.isoformat(), "reason": reason,
                            **({"released_waiting": released} if released else {})})
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            absence = next(a for a in uow.appointments.absences(staff_id) if a.id == absence_id)
            return AbsenceSaved(absence=absence, released_waiting=released)

    @requires(Permission.APPOINTMENT_MANAGE)
    def remove_absence(self, actor: Actor, absence_id: int) -> None:
        with self._uow(write=True) as uow:
            removed = uow.appointments.remove_absence(absence_id)
            if removed is None:
                raise NotFoundError()
            record(uow, actor, "absence.remove", entity_type="staff", entity_id=removed.staff_id,
                   details={"from": removed.starts_on.isoformat(), "to": removed.ends_on.isoformat()})
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()

    @requires(Permission.APPOINTMENT_READ)
    def appointments_during_absences(self, actor: Actor, staff_id: int, *, now: datetime | None = None) -> list[AppointmentRow]:
        """Booked appointments that now fall on an absence day (to be moved)."""
        today = (now or self._clock()).astimezone(BERLIN).date()
        with self._uow() as uow:
            result: list[AppointmentRow] = []
            for a in uow.appointments.absences(staff_id, since=today):
                start, _ = _local_day_bounds(a.starts_on)
                _, end = _local_day_bounds(a.ends_on)
                result += uow.appointments.booked_on_absence(staff_id, start, end)
        rows = sorted({r.id: r for r in result}.values(), key=lambda r: r.starts_at)
        self._list_reads.record(actor, "appointments", (r.client_id for r in rows), now=now)
        return _noted(actor, rows)

    # -- interpreters -----------------------------------------------------------------------

    @requires(Permission.APPOINTMENT_READ)
    def interpreters(self, actor: Actor, *, language: str = "", active_only: bool = False) -> list[InterpreterRow]:
        with self._uow() as uow:
            rows = uow.appointments.interpreters(active_only=active_only)
        return [r for r in rows if r.speaks(language)]

    @requires(Permission.INTERPRETER_MANAGE)
    def save_interpreter(self, actor: Actor, interpreter_id: int | None, *, name: str, languages: str,
                         phone: str = "", active: bool = True, request_key: str | None = None) -> InterpreterRow:
        """A new interpreter (`interpreter_id` None) or the changes to one. A new one saved again
        with the same request key after a fault whose first attempt was saved: that interpreter,
        not a second entry."""
        key = checked_key(request_key) if interpreter_id is None else None
        return once(self._uow, key,
                    lambda: self._save_interpreter(actor, interpreter_id, name, languages, phone, active, key),
                    lambda uow, k: uow.appointments.interpreter_made_by(k), what="new interpreter")

    def _save_interpreter(self, actor: Actor, interpreter_id: int | None, name: str, languages: str,
                          phone: str, active: bool, key: str | None) -> InterpreterRow:
        name = clean_text(name, field="Name", max_length=200)
        if not name:
            raise ValidationError("Please enter a name.")
        codes = sorted({p.strip().lower() for p in clean_text(languages, field="Languages", max_length=200)
                        .replace(";", ",").replace(" ", ",").split(",") if p.strip()})
        for code in codes:
            if not (2 <= len(code) <= 16 and all(c.isascii() and (c.isalpha() or c == "-") for c in code)):
                raise ValidationError("{code} is not a language code (use e.g. ar, fa, uk).", code=code)
        phone = clean_text(phone, field="Phone", max_length=60)
        with self._uow(write=True) as uow:
            new_id = uow.appointments.save_interpreter(interpreter_id, name=name, languages=",".join(codes),
                                                       phone=phone, active=active, request_key=key)
            record(uow, actor, "interpreter.create" if interpreter_id is None else "interpreter.update",
                   entity_type="interpreter", entity_id=new_id)
            uow.touch(Topic.APPOINTMENTS)
            uow.commit()
            row = uow.appointments.interpreter(new_id)
        assert row is not None
        return row

    @requires(Permission.APPOINTMENT_READ)
    def overlapping_pairs(self, actor: Actor) -> int:
        """How many pairs of one counsellor's occupying appointments overlap (must be 0; a count,
        no personal data: `desk-admin check-appointments`)."""
        with self._uow() as uow:
            return uow.appointments.overlapping_pairs()

    # -- export -----------------------------------------------------------------------------

    @requires(Permission.APPOINTMENT_READ)
    def export_ics(self, actor: Actor, *, staff_id: int | None = None, series_id: str | None = None,
                   first_day: date | None = None, days: int = MAX_EXPORT_DAYS, include_names: bool = False,
                   include_notes: bool = False) -> bytes:
        """An iCalendar file of a counsellor's appointments (from `first_day`, at most
        MAX_EXPORT_DAYS days) or of a series. Client names only with `include_names` (default:
        client number only); the counsellors' notes only with `include_notes` and only those the
        reader may see (`appointment_note_visible`: the head, that service's counsellors)."""
        if (staff_id is None) == (series_id is None):
            raise ValidationError("Export either a counsellor's appointments or a series.")
        if days > MAX_EXPORT_DAYS:
            raise ValidationError("At most {days} days of appointments can be exported at once.",
                                  days=MAX_EXPORT_DAYS)
        with self._uow() as uow:
            if series_id is not None:
                rows = [r for r in uow.appointments.series(series_id) if r.status is not AppointmentStatus.CANCELLED]
                if not rows:
                    raise NotFoundError("The series {id} has no appointments.", id=series_id)
            else:
                first = first_day or self._clock().astimezone(BERLIN).date()
                start, _ = _local_day_bounds(first)
                _, end = _local_day_bounds(first + timedelta(days=max(1, days) - 1))
                rows = uow.appointments.between(start, end, staff_id=staff_id)
            services = {s.id: s for s in uow.reference.services()}
            rooms = {r.id: r for r in uow.reference.rooms()}
            staff = {s.id: s for s in uow.reference.staff()}
        rows = _noted(actor, rows)
        self._list_reads.record(actor, "appointments_export", (r.client_id for r in rows), every_time=True)
        return ical.appointments_ics(rows, services=services, rooms=rooms, staff=staff,
                                     include_names=include_names, include_notes=include_notes)

    # -- helpers ----------------------------------------------------------------------------

    def _validated(self, starts_at: datetime, ends_at: datetime, language: str, note: str, *,
                   now: datetime | None) -> dict:
        check_appointment_span(starts_at, ends_at, now=now or self._clock())
        return {
            "starts_at": starts_at.astimezone(UTC),
            "ends_at": ends_at.astimezone(UTC),
            "interpreter_language": clean_text(language, field="Interpreter language", max_length=16).lower(),
            "note": clean_text(note, field="Note", max_length=NOTE_MAX, multiline=True),
        }

    def _check_references(self, uow: UnitOfWork, service_id: int, room_id: int | None, client_id: int | None) -> None:
        if not any(s.id == service_id for s in uow.reference.services()):
            raise NotFoundError("This service does not exist (any more).")
        if room_id is not None and not any(r.id == room_id for r in uow.reference.rooms()):
            raise NotFoundError("This room does not exist (any more).")

    def _check_slot(self, uow: UnitOfWork, actor: Actor, staff_id: int, interpreter_id: int | None,
                    start: datetime, end: datetime, language: str, *, exclude: frozenset[int],
                    also_lock: int | None = None) -> None:
        """Lock, then check the counsellor's and the interpreter's time (inside the write)."""
        uow.appointments.lock_staff([staff_id] + ([also_lock] if also_lock else []))
        if interpreter_id is not None:
            uow.appointments.lock_interpreter(interpreter_id)
            interpreter = uow.appointments.interpreter(interpreter_id)
            assert interpreter is not None
            if not interpreter.active:
                raise ValidationError("The interpreter {name} is no longer active.", name=interpreter.name)
            if language and not interpreter.speaks(language):
                raise ValidationError("The interpreter {name} does not speak {language}.",
                                      name=interpreter.name, language=language)
        staff = uow.reference.staff_row(staff_id)
        if staff is None or not staff.active:
            raise NotFoundError("This counsellor does not exist (any more).")
        duration = end - start
        strict = not _may_manage(actor)
        if strict:
            schedule = _schedule(uow, staff_id)
            day = start.astimezone(BERLIN).date()
            if is_holiday(day):
                raise ConflictError(  # the holiday as its day: each reader's language names it
                    "{date} is a public holiday ({holiday}): the centre is closed. Next free slot: {suggestion}.",
                    date=day, holiday=Holiday(day),
                    **_suggest(uow, staff_id, duration, start, interpreter_id, exclude, strict),
                )
            absence = schedule.absence_on(start.astimezone(BERLIN).date())
            if absence is not None:
                raise ConflictError(
                    "{counsellor} is absent on {date}. Next free slot: {suggestion}.",
                    counsellor=staff.display_name, date=start.astimezone(BERLIN).date(),
                    **_suggest(uow, staff_id, duration, start, interpreter_id, exclude, strict),
                )
            if not schedule.inside_working_hours(start, end):
                raise ConflictError(
                    "{time} is outside the working hours of {counsellor}. Next free slot: {suggestion}.",
                    time=Span(start, end), counsellor=staff.display_name,
                    **_suggest(uow, staff_id, duration, start, interpreter_id, exclude, strict),
                )
        clash = uow.appointments.overlapping(start, end, staff_id=staff_id, exclude_ids=exclude)
        if clash:
            raise ConflictError(
                "{counsellor} already has an appointment at {time}. Next free slot: {suggestion}.",
                counsellor=staff.display_name, time=Span(clash[0].starts_at, clash[0].ends_at),
                **_suggest(uow, staff_id, duration, start, interpreter_id, exclude, strict),
                appointment_id=clash[0].id,
            )
        if interpreter_id is not None:
            clash = uow.appointments.overlapping(start, end, interpreter_id=interpreter_id, exclude_ids=exclude)
            if clash:
                raise ConflictError(
                    "The interpreter {name} is already booked at {time}. Next free slot: {suggestion}.",
                    name=interpreter.name, time=Span(clash[0].starts_at, clash[0].ends_at),
                    **_suggest(uow, staff_id, duration, start, interpreter_id, exclude, strict),
                    appointment_id=clash[0].id,
                )


def _note_visible(actor: Actor, row: AppointmentRow) -> bool:
    return appointment_note_visible(actor.role, row.service_id in actor.service_ids)


def _noted(actor: Actor, rows: Any) -> Any:
    """The counsellor's note only for the head and the counsellors of the appointment's service."""
    if isinstance(rows, list):
        return scoped_notes(actor, rows)
    return scoped_notes(actor, [rows])[0]


def _load(uow: UnitOfWork, appointment_id: int) -> AppointmentRow:
    row = uow.appointments.get(appointment_id)
    if row is None:
        raise NotFoundError("Appointment {id} does not exist (any more).", id=appointment_id)
    return row


def _schedule(uow: UnitOfWork, staff_id: int) -> Schedule:
    return Schedule(hours=tuple(uow.appointments.working_hours(staff_id)),
                    absences=tuple(uow.appointments.absences(staff_id)))


def _next_free(uow: UnitOfWork, staff_id: int, duration: timedelta, not_before: datetime, *,
               interpreter_id: int | None = None, exclude: frozenset[int] = frozenset(),
               strict: bool = False) -> datetime | None:
    """Strict (reception): only inside working hours. Otherwise, without working hours entered,
    any daytime 07:00-20:00 counts."""
    schedule = _schedule(uow, staff_id)
    horizon_end = not_before + timedelta(days=63)
    busy = busy_intervals(r for r in uow.appointments.between(not_before, horizon_end, staff_id=staff_id)
                          if r.id not in exclude)
    if interpreter_id is not None:
        busy += busy_intervals(r for r in uow.appointments.overlapping(not_before, horizon_end,
                                                                       interpreter_id=interpreter_id)
                               if r.id not in exclude)
    return next_free_start(schedule if (schedule.hours or strict) else None, busy, duration, not_before)


def _suggest(uow: UnitOfWork, staff_id: int, duration: timedelta, start: datetime,
             interpreter_id: int | None, exclude: frozenset[int], strict: bool) -> dict:
    """Params for a conflict message: `suggestion` (a Span, or "–") and `next_start` (aware or None)."""
    found = _next_free(uow, staff_id, duration, start, interpreter_id=interpreter_id, exclude=exclude,
                       strict=strict)
    return {"suggestion": Span(found, found + duration) if found else "–", "next_start": found}
