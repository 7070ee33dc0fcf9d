"""Reads and writes the reception desk needs beyond single clients and visits.

Today's appointments (joined with client names), the samples for the estimated wait, the
rows a client merge moves, and the identity lookup the CSV import uses to stay idempotent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from desk.domain.model import AbsentToday, AppointmentRow, AppointmentStatus, VisitStatus
from desk.storage.models import Absence, Appointment, Client, ReminderContact, ReminderSending, Staff, Visit
from desk.storage.repositories.appointments import appointment_for_check_in, appointment_row
from desk.storage.repositories.visits import visits_of_client


class ReceptionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- today's appointments ------------------------------------------------------------

    def appointments_between(self, start: datetime, end: datetime) -> list[AppointmentRow]:
        """Appointments starting in [start, end) that are not cancelled, with client names."""
        stmt = (
            select(Appointment, Client.given_name, Client.family_name)
            .outerjoin(Client, Client.id == Appointment.client_id)
            .where(
                Appointment.starts_at >= start,
                Appointment.starts_at < end,
                Appointment.status != AppointmentStatus.CANCELLED.value,
            )
            .order_by(Appointment.starts_at, Appointment.id)
        )
        return [appointment_row(r.Appointment, r.given_name, r.family_name)
                for r in self.session.execute(stmt)]

    def absent(self, day: date, start: datetime, end: datetime) -> list[AbsentToday]:
        """Counsellors not there on `day`: active accounts with an absence covering it (until its
        last day), and deactivated ones with an appointment in [start, end) still booked. Names
        only, never an absence's reason."""
        absent = self.session.execute(
            select(Staff.id, Staff.display_name, func.max(Absence.ends_on))
            .join(Absence, Absence.staff_id == Staff.id)
            .where(Absence.starts_on <= day, Absence.ends_on >= day, Staff.active.is_(True))
            .group_by(Staff.id, Staff.display_name))
        left = self.session.execute(
            select(Staff.id, Staff.display_name).distinct()
            .join(Appointment, Appointment.staff_id == Staff.id)
            .where(Staff.active.is_(False), Appointment.status == AppointmentStatus.BOOKED.value,
                   Appointment.starts_at >= start, Appointment.starts_at < end))
        rows = [AbsentToday(i, name, until) for i, name, until in absent]
        rows += [AbsentToday(i, name, None) for i, name in left]
        return sorted(rows, key=lambda r: (r.name.casefold(), r.staff_id))

    def appointment_for_check_in(self, appointment_id: int, day: date) -> AppointmentRow | None:
        """The appointment as the check-in on `day` reads it: `staff_id` is whom the visit is
        reserved for (None: a counsellor who left or is absent that day; appointment_for_check_in)."""
        return appointment_for_check_in(self.session, appointment_id, day)

    def mark_appointment_arrived(self, appointment_id: int) -> bool:
        """booked -> arrived; False when it was not booked any more (someone else was faster)."""
        result = self.session.execute(
            update(Appointment)
            .where(Appointment.id == appointment_id, Appointment.status == AppointmentStatus.BOOKED.value)
            .values(status=AppointmentStatus.ARRIVED.value, version=Appointment.version + 1,
                    updated_at=datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def delete_untouched_visit(self, visit_id: int) -> bool:
        """Remove a visit nobody has called yet (undo of a mistaken check-in); False otherwise."""
        result = self.session.execute(
            delete(Visit).where(Visit.id == visit_id, Visit.status == VisitStatus.WAITING.value,
                                Visit.call_count == 0)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def mark_appointment_booked_again(self, appointment_id: int) -> None:
        """arrived -> booked (the check-in for it was undone)."""
        self.session.execute(
            update(Appointment)
            .where(Appointment.id == appointment_id, Appointment.status == AppointmentStatus.ARRIVED.value)
            .values(status=AppointmentStatus.BOOKED.value, version=Appointment.version + 1,
                    updated_at=datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )

    # -- the estimated wait --------------------------------------------------------------

    def waits_called(self, service_id: int, day: date) -> list[tuple[datetime, datetime]]:
        """(arrived_at, first_called_at) of the service's visits of `day` that were called."""
        stmt = select(Visit.arrived_at, Visit.first_called_at).where(
            Visit.service_id == service_id, Visit.ticket_day == day, Visit.first_called_at.is_not(None)
        )
        return [(r.arrived_at, r.first_called_at) for r in self.session.execute(stmt)]

    def waiting_count(self, service_id: int, day: date) -> int:
        """Tickets of the service still waiting (not yet called) on `day`."""
        stmt = select(func.count()).select_from(Visit).where(
            Visit.service_id == service_id, Visit.ticket_day == day, Visit.status == VisitStatus.WAITING.value
        )
        return int(self.session.scalar(stmt) or 0)

    # -- merge -------------------------------------------------------------------------------

    def has_open_visit(self, client_id: int) -> bool:
        return self.session.scalar(visits_of_client(client_id, open_only=True).limit(1)) is not None

    def move_client_rows(self, absorb_id: int, keep_id: int) -> tuple[int, int]:
        """Re-point every visit and appointment of `absorb_id` (with their reminders) to `keep_id`;
        returns the counts."""
        now = datetime.now(UTC)
        visits = self.session.execute(
            update(Visit).where(Visit.client_id == absorb_id).values(client_id=keep_id, updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        appointments = self.session.execute(
            update(Appointment).where(Appointment.client_id == absorb_id)
            .values(client_id=keep_id, version=Appointment.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        # the reminders of those appointments follow them, and so does the person's consent to
        # reminders when the kept record has none (else the moved appointments went unreminded)
        self.session.execute(
            update(ReminderSending).where(ReminderSending.client_id == absorb_id).values(client_id=keep_id)
            .execution_options(synchronize_session=False))
        if self.session.get(ReminderContact, keep_id) is None:
            self.session.execute(
                update(ReminderContact).where(ReminderContact.client_id == absorb_id)
                .values(client_id=keep_id, version=ReminderContact.version + 1, updated_at=now)
                .execution_options(synchronize_session=False))
        return int(visits or 0), int(appointments or 0)

    def mark_merged(self, absorb_id: int, keep_id: int, expected_version: int | None = None) -> bool:
        """Set merged_into_id on the absorbed record (bumping its version so open cards go stale)."""
        stmt = update(Client).where(Client.id == absorb_id, Client.merged_into_id.is_(None))
        if expected_version is not None:
            stmt = stmt.where(Client.version == expected_version)
        result = self.session.execute(
            stmt.values(merged_into_id=keep_id, version=Client.version + 1, updated_at=datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def merged_into(self, client_id: int) -> int | None:
        """Where an absorbed record went (following chains), or None for a live record."""
        seen: set[int] = set()
        current = client_id
        target = None
        while current not in seen:
            seen.add(current)
            nxt = self.session.scalar(select(Client.merged_into_id).where(Client.id == current))
            if nxt is None:
                break
            target = current = nxt
        return target

    def changed_since(self, since: datetime) -> list[tuple[int, str, bool]]:
        """(id, search_key, merged) of every client changed since a moment (merged included)."""
        stmt = select(Client.id, Client.search_key, Client.merged_into_id).where(Client.updated_at >= since)
        return [(r.id, r.search_key, r.merged_into_id is not None) for r in self.session.execute(stmt)]

    # -- import ----------------------------------------------------------------------------------

    def identities(self) -> set[tuple]:
        """(given, family, date of birth, phone, language, place) of every live client, for the
        CSV import's "identical in every field" check without a query per row."""
        stmt = select(Client.given_name, Client.family_name, Client.date_of_birth, Client.phone, Client.language,
                      Client.residence_place).where(Client.merged_into_id.is_(None))
        return {tuple(row) for row in self.session.execute(stmt)}

    def identical_client(self, fields: dict) -> int | None:
        """A live client equal in every given field (the CSV import does not add it twice)."""
        stmt = select(Client.id).where(Client.merged_into_id.is_(None))
        for name in ("given_name", "family_name", "date_of_birth", "phone", "language", "residence",
                     "residence_place"):
            if name not in fields:
                continue
            value = fields[name]
            column = getattr(Client, name)
            stmt = stmt.where(column.is_(None) if value is None else column == value)
        return self.session.scalar(stmt.limit(1))
