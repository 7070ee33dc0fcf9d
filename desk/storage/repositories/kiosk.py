"""The self-service kiosk's reads and writes (issue 20), and nothing more.

Every query here names its columns: on PostgreSQL the kiosk connects as `<prefix>_kiosk`, which
may read only these columns (desk.storage.roles) - no name, phone or note of a client, of a staff
account only whether it is active, of an absence only whose it is and its dates (never its
reason). A query that reached for more would fail there, not leak.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import case, delete, func, select, text, update
from sqlalchemy.orm import Session

from desk.domain.model import AppointmentStatus, ServiceHours
from desk.storage.models import (
    Appointment,
    Client,
    KioskAttempt,
    KioskLanguage,
    Service,
    ServiceHour,
    Staff,
    Visit,
)
from desk.storage.repositories.appointments import reserved_counsellor
from desk.storage.repositories.visits import visits_of_client


@dataclass(frozen=True, slots=True)
class KioskAppointment:
    id: int
    client_id: int | None
    service_id: int
    staff_id: int | None
    starts_at: datetime
    status: AppointmentStatus
    interpreter_language: str


@dataclass(frozen=True, slots=True)
class KioskClientFacts:
    """What check-in copies onto the visit for the funder's report, and whether the client has a
    visit at all (else this one is their first) and one still open (no second ticket); no name."""

    residence: str
    status_group: str
    language: str
    interpreter_needed: bool
    has_visits: bool
    open_visit: bool


def _appointments(day: date, absences: bool):  # noqa: ANN202 - a SQLAlchemy select
    """Appointments with whom a check-in on `day` reserves the visit for: the counsellor while
    active and not absent that day, as at the desk (reserved_counsellor). `absences`: whether the
    kiosk role may read the absences' counsellor and dates; a server whose rights were set before
    that grant reserves for an active counsellor as before (desk-admin setup-server again)."""
    staff = (reserved_counsellor(day) if absences
             else case((Staff.active.is_(True), Appointment.staff_id)).label("staff_id"))
    stmt = select(Appointment.id, Appointment.client_id, Appointment.service_id, staff, Appointment.starts_at,
                  Appointment.status, Appointment.interpreter_language)
    # reserved_counsellor asks the account itself; only the older rule reads it through a join
    return stmt if absences else stmt.outerjoin(Staff, Staff.id == Appointment.staff_id)


def _appointment(r) -> KioskAppointment:
    return KioskAppointment(r.id, r.client_id, r.service_id, r.staff_id, r.starts_at, AppointmentStatus(r.status),
                            r.interpreter_language or "")


class KioskRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def services(self) -> list[tuple[int, str, str, str, str]]:
        """(id, code, name_de, name_en, ticket prefix) of the active services, in their order."""
        stmt = (select(Service.id, Service.code, Service.name_de, Service.name_en, Service.ticket_prefix)
                .where(Service.active.is_(True)).order_by(Service.sort_order, Service.id))
        return [tuple(r) for r in self.session.execute(stmt)]

    def service_hours(self) -> dict[int, tuple[ServiceHours, ...]] | None:
        """The services' open consultation hours. None where the kiosk role may not read them yet
        (a server whose rights were set before this column's grant: `desk-admin setup-server`
        again): the kiosk then offers every service, as it did before."""
        if self.session.get_bind().dialect.name == "postgresql" and not self.session.execute(
                text("SELECT has_table_privilege('service_hours', 'SELECT')")).scalar():
            return None
        hours: dict[int, list[ServiceHours]] = {}
        stmt = select(ServiceHour.service_id, ServiceHour.weekday, ServiceHour.start_time, ServiceHour.end_time)
        for service_id, weekday, start, end in self.session.execute(stmt):
            hours.setdefault(service_id, []).append(ServiceHours(weekday, start, end))
        return {k: tuple(sorted(v, key=lambda h: (h.weekday, h.start))) for k, v in hours.items()}

    @functools.cached_property
    def _rights(self) -> tuple[bool, bool, bool]:
        """(may this connection read clients' dates of birth and statistics facts, may it read the
        absences' counsellor and dates, does the owner's client-facts function say whether the client
        has visits), asked once per unit of work in ONE statement: everyone on SQLite; on PostgreSQL
        the kiosk's role reads no client (it asks the owner's functions for just the fact), since
        that grant absences' counsellor and dates, never their reason, and since its row-level
        security no visit of an earlier day (desk.storage.roles.KIOSK_GRANTS, KIOSK_ROWS). A kiosk
        check-in asked the first two, one round trip each."""
        if self.session.get_bind().dialect.name != "postgresql":
            return True, True, False
        clients, absences, visits = self.session.execute(text(
            "SELECT has_column_privilege('clients', 'date_of_birth', 'SELECT'), "
            "has_column_privilege('absences', 'staff_id', 'SELECT') "
            "AND has_column_privilege('absences', 'starts_on', 'SELECT') "
            "AND has_column_privilege('absences', 'ends_on', 'SELECT'), "
            "EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'desk_kiosk_client_facts' "
            "AND 'open_visit' = ANY (proargnames))")).one()
        return bool(clients), bool(absences), bool(visits)

    def _reads_absences(self) -> bool:
        return self._rights[1]

    def _facts_tell_visits(self) -> bool:
        return self._rights[2]

    def _appointments(self, day: date):  # noqa: ANN202 - a SQLAlchemy select
        return _appointments(day, self._reads_absences())

    def appointments_by_code(self, code: str, start: datetime, end: datetime, day: date) -> list[KioskAppointment]:
        """Appointments in [start, end) with the slip's code; `day`: the check-in's local date
        (whom it reserves the visit for: _appointments)."""
        stmt = self._appointments(day).where(
            Appointment.kiosk_code == code, Appointment.starts_at >= start, Appointment.starts_at < end)
        return [_appointment(r) for r in self.session.execute(stmt)]

    def _reads_clients(self) -> bool:
        return self._rights[0]

    def appointments_by_birth(self, birth: date, start: datetime, end: datetime, day: date,
                              workstation: str = "") -> tuple[list[KioskAppointment], bool]:
        """Today's appointments of clients born on `birth`, and whether a find of none was already
        recorded as a wrong try (the kiosk role's lookup function records it itself); `day` as in
        appointments_by_code."""
        if self._reads_clients():
            stmt = (self._appointments(day).join(Client, Client.id == Appointment.client_id)
                    .where(Client.date_of_birth == birth, Appointment.starts_at >= start, Appointment.starts_at < end))
            return [_appointment(r) for r in self.session.execute(stmt)], False
        utc = [moment.astimezone(UTC).replace(tzinfo=None) for moment in (start, end)]  # stored naive UTC
        found = list(self.session.scalars(text("SELECT * FROM desk_kiosk_appointments_by_birth(:b, :s, :e, :w)"),
                                          {"b": birth, "s": utc[0], "e": utc[1], "w": workstation[:100]}))
        if not found:
            return [], True
        stmt = self._appointments(day).where(Appointment.id.in_(found))
        return [_appointment(r) for r in self.session.execute(stmt)], False

    def client_facts(self, client_id: int, appointment_id: int) -> KioskClientFacts | None:
        """The statistics facts of the client of a booked appointment today (no name), and whether
        they have visits, one of them open: one statement (the kiosk's role: the owner's function,
        since it sees no visit of an earlier day; a server whose function is older: the visits
        read here, as before, which such a server's rights still allow)."""
        visits = (visits_of_client(client_id).exists().label("has_visits"),
                  visits_of_client(client_id, open_only=True).exists().label("open_visit"))
        if self._reads_clients():
            row = self.session.execute(
                select(Client.residence, Client.status_group, Client.language, Client.interpreter_needed, *visits)
                .where(Client.id == client_id)
            ).first()
        elif self._facts_tell_visits():
            row = self.session.execute(
                text("SELECT residence, status_group, language, interpreter_needed, has_visits, open_visit "
                     "FROM desk_kiosk_client_facts(:a)"), {"a": appointment_id}).first()
        else:
            row = self.session.execute(
                text("SELECT residence, status_group, language, interpreter_needed FROM desk_kiosk_client_facts(:a)"),
                {"a": appointment_id}).first()
            row = None if row is None else (*row, *self.session.execute(select(*visits)).one())
        if row is None:
            return None
        residence, status_group, language, interpreter_needed, has_visits, open_visit = row
        return KioskClientFacts(residence, status_group, language or "", bool(interpreter_needed),
                                bool(has_visits), bool(open_visit))

    def writes_check_in(self) -> bool:
        """May this connection mark an appointment arrived and a client's contact itself? Not the
        kiosk's PostgreSQL role (desk.storage.roles): check_in_by_function does both."""
        if self.session.get_bind().dialect.name != "postgresql":
            return True
        return bool(self.session.scalar(text("SELECT has_column_privilege('appointments', 'status', 'UPDATE')")))

    def check_in_by_function(self, appointment_id: int) -> bool:
        """booked -> arrived and the client's last contact now, by the owner's function (only for
        an appointment within a day of the server's clock); False when it was not booked any more."""
        return bool(self.session.scalar(text("SELECT desk_kiosk_check_in(:a)"), {"a": appointment_id}))

    def touch_contact(self, client_id: int, when: datetime) -> None:
        self.session.execute(update(Client).where(Client.id == client_id).values(last_contact_at=when)
                             .execution_options(synchronize_session=False))

    def ticket_of(self, visit_id: int) -> tuple[str, int, date]:
        """(prefix, number, day) of the visit just added."""
        row = self.session.execute(select(Visit.ticket_prefix, Visit.ticket_number, Visit.ticket_day)
                                   .where(Visit.id == visit_id)).one()
        return row.ticket_prefix, row.ticket_number, row.ticket_day

    def visit_made_by(self, request_key: str) -> tuple[int, int, datetime, datetime | None] | None:
        """(id, service, arrival, the appointment's start) of the visit the attempt with this
        request key created (desk.services.once), or None."""
        row = self.session.execute(
            select(Visit.id, Visit.service_id, Visit.arrived_at, Appointment.starts_at)
            .outerjoin(Appointment, Appointment.id == Visit.appointment_id)
            .where(Visit.request_key == request_key)).first()
        return None if row is None else (row[0], row[1], row[2], row[3])

    # -- the rate limit ------------------------------------------------------------------------

    def lock_attempts(self) -> None:
        """Serialise code attempts of all kiosks until the end of the transaction (SQLite's write
        transaction already does; PostgreSQL: a transaction-scoped advisory lock)."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SELECT pg_advisory_xact_lock(20020)"))

    def failures_since(self, since: datetime, workstation: str | None = None) -> list[datetime]:
        stmt = select(KioskAttempt.attempted_at).where(KioskAttempt.attempted_at >= since,
                                                       KioskAttempt.succeeded.is_(False))
        if workstation is not None:
            stmt = stmt.where(KioskAttempt.workstation == workstation)
        return list(self.session.execute(stmt).scalars())

    def count_failures_since(self, since: datetime) -> int:
        return int(self.session.scalar(
            select(func.count()).select_from(KioskAttempt)
            .where(KioskAttempt.attempted_at >= since, KioskAttempt.succeeded.is_(False))) or 0)

    def add_attempt(self, workstation: str, at: datetime, *, succeeded: bool) -> None:
        self.session.add(KioskAttempt(workstation=workstation[:100], attempted_at=at, succeeded=succeeded))
        self.session.flush()

    def forget_attempts_before(self, cutoff: datetime) -> None:
        if self.session.get_bind().dialect.name == "postgresql" and not self.session.scalar(
                text("SELECT has_table_privilege('kiosk_attempts', 'DELETE')")):
            # the kiosk role may not delete tries (its brake would go with them): the owner's
            # function forgets those older than a day by the server's clock
            self.session.execute(text("SELECT desk_kiosk_forget_attempts()"))
            return
        self.session.execute(delete(KioskAttempt).where(KioskAttempt.attempted_at < cutoff)
                             .execution_options(synchronize_session=False))

    # -- languages the head added ----------------------------------------------------------------

    def languages(self) -> dict[str, str]:
        """code -> the JSON text of its phrases."""
        return {r.code: r.phrases for r in self.session.execute(select(KioskLanguage.code, KioskLanguage.phrases))}

    def save_language(self, code: str, phrases: str, now: datetime) -> None:
        row = self.session.get(KioskLanguage, code)
        if row is None:
            self.session.add(KioskLanguage(code=code, phrases=phrases, updated_at=now))
        else:
            row.phrases, row.updated_at = phrases, now
        self.session.flush()

    def remove_language(self, code: str) -> bool:
        result = self.session.execute(delete(KioskLanguage).where(KioskLanguage.code == code)
                                      .execution_options(synchronize_session=False))
        return result.rowcount == 1
