"""SQLAlchemy 2 typed models: the whole schema of the desk.

Rules kept here:
- every time is stored in UTC (`UTCDateTime`) and handed out timezone-aware;
- every constraint has a name (the naming convention), so Alembic can alter it on SQLite;
- rows that two workstations may edit carry a `version` column (optimistic locking);
- nothing above `desk.storage` ever sees these classes: repositories return domain rows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine.processors import str_to_datetime
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def partial_index(name: str, *columns: str, where: str, unique: bool = False) -> Index:
    """An index of the rows matching `where` (SQL the same on both engines, as the migrations
    create it). The condition is kept in the index's `info` and named as `sqlite_where` or
    `postgresql_where` only for the engine opened (`add_partial_conditions`, called by
    `storage/engine.py:open_database`): SQLAlchemy checks a `postgresql_*` keyword against the
    PostgreSQL dialect at once, and that dialect's package imports every driver's module (asyncpg,
    pg8000, psycopg2, ...), ~30 ms of CPU at every start on SQLite (issue 21, cold start)."""
    return Index(name, *columns, unique=unique, info={"where": where})


def add_partial_conditions(dialect_name: str) -> None:
    """Name each partial index's condition for the dialect `dialect_name` ("sqlite",
    "postgresql"): for DDL and for comparing the models with a database. Idempotent."""
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            where = index.info.get("where")
            if where is not None and index.dialect_options[dialect_name]["where"] is None:
                index.dialect_options[dialect_name]["where"] = text(where)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, returns aware UTC. Refuses naive datetimes (ambiguous local time)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)

    def result_processor(self, dialect, coltype):  # noqa: ANN001, ANN201 - SQLAlchemy's signature
        """process_result_value fused with the driver's conversion into one call per value (a
        week of the room calendar reads a thousand of them; TypeDecorator's generic wrapper calls
        two Python functions per value).

        `datetime.replace(tzinfo=...)` costs several times the parsing itself (its keyword
        parsing; ~3 µs on the bench VM): SQLite's text is parsed with the offset appended instead
        (one `fromisoformat`, the same aware value with `UTC` as its tzinfo), PostgreSQL's naive
        value is re-made by `datetime.combine` (~0.5 µs). A text that already carries an offset
        (never written by this program) takes the general path."""
        inner = self.impl_instance.result_processor(dialect, coltype)
        utc = UTC
        if inner is None:
            combine, time_of = datetime.combine, datetime.time

            def process(value):  # noqa: ANN001, ANN202
                return None if value is None else combine(value, time_of(value), utc)
        elif inner is str_to_datetime:
            parse = datetime.fromisoformat

            def process(value):  # noqa: ANN001, ANN202
                if value is None:
                    return None
                try:
                    return parse(value + "+00:00")
                except (TypeError, ValueError):
                    return inner(value).replace(tzinfo=utc)
        else:
            def process(value):  # noqa: ANN001, ANN202
                return None if value is None else inner(value).replace(tzinfo=utc)
        return process


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _now() -> datetime:
    return datetime.now(UTC)


# --- reference data -----------------------------------------------------------------------


class Service(Base):
    """A Fachdienst: its own staff, clients, ticket prefix and open consultation hours."""

    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name_de: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    ticket_prefix: Mapped[str] = mapped_column(String(1), unique=True)
    fte: Mapped[float] = mapped_column(Float, default=0.0)
    fte_balingen: Mapped[float] = mapped_column(Float, default=0.0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class ServiceHour(Base):
    __tablename__ = "service_hours"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)


class Room(Base):
    __tablename__ = "rooms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    bookable: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    display_label: Mapped[str] = mapped_column(String(60), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Staff(Base):
    """A person with an account (no shared logins)."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    #: set by someone else (new account, reset, recovery): good for one login, then the person
    #: must choose their own (AccountService.change_own_password)
    password_one_time: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    default_room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # the account dialog's attempt that created it (docs/RELIABILITY.md, "Tried again after a fault")
    request_key: Mapped[str | None] = mapped_column(String(36))

    __table_args__ = (Index("uq_staff_request_key", "request_key", unique=True),)


class StaffService(Base):
    __tablename__ = "staff_services"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), primary_key=True
    )


class WorkingHour(Base):
    """A counsellor's working hours per weekday (appointments go into these)."""

    __tablename__ = "working_hours"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)


class Absence(Base):
    __tablename__ = "absences"
    __table_args__ = (Index("uq_absences_request_key", "request_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")
    # the dialog's key of the attempt that made it (desk.services.once; 0011)
    request_key: Mapped[str | None] = mapped_column(String(36))


class Interpreter(Base):
    """A (mostly volunteer) interpreter: languages as comma-separated ISO codes."""

    __tablename__ = "interpreters"
    __table_args__ = (Index("uq_interpreters_request_key", "request_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    languages: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # the dialog's key of the attempt that made it (desk.services.once; 0011)
    request_key: Mapped[str | None] = mapped_column(String(36))


class Setting(Base):
    """Business configuration as JSON values (personal UI preferences live in QSettings)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# --- clients and their contacts ------------------------------------------------------------


class Client(Base):
    """Reception data about a person; counselling content never enters this application."""

    __tablename__ = "clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(String(500), default="")
    family_name: Mapped[str] = mapped_column(String(500), default="")
    # Precomputed by desk.domain.search.make_search_key; never shown.
    search_key: Mapped[str] = mapped_column(Text, default="")
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(60), default="")
    phone_digits: Mapped[str] = mapped_column(String(60), default="", index=True)
    language: Mapped[str] = mapped_column(String(16), default="")
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    residence: Mapped[str] = mapped_column(String(20), default="unknown")
    residence_place: Mapped[str] = mapped_column(String(200), default="")
    status_group: Mapped[str] = mapped_column(String(20), default="unknown")
    consent_date: Mapped[date | None] = mapped_column(Date)
    reception_note: Mapped[str] = mapped_column(String(1000), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now, index=True)
    # no index: the retention purge compares coalesce(last_contact_at, created_at), which no index
    # answers, and every check-in would move the client's entry (migration 0013)
    last_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Set on the record a merge absorbed, so an old client number still leads somewhere.
    merged_into_id: Mapped[int | None] = mapped_column(Integer)
    # the attempt that created the record: a retry after a fault finds it (no second person)
    request_key: Mapped[str | None] = mapped_column(String(36))

    # AUTOINCREMENT: an erased client's number is never given to a new person (SQLite would
    # otherwise reuse the highest id); PostgreSQL sequences never reuse.
    __table_args__ = (Index("ix_clients_date_of_birth", "date_of_birth"),
                      Index("uq_clients_request_key", "request_key", unique=True), {"sqlite_autoincrement": True})


class TicketCounter(Base):
    """Running ticket number per service and local day; bumped by one atomic upsert."""

    __tablename__ = "ticket_counters"

    service_id: Mapped[int] = mapped_column(
        ForeignKey("services.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class Visit(Base):
    """One person (or family) at the desk for one service on one day.

    Client facts needed by the funder's report (residence, status group, language, new client)
    are copied at check-in, so reports still count a visit after retention has removed the
    person (client_id becomes NULL, `anonymised` true).
    """

    __tablename__ = "visits"
    __table_args__ = (
        UniqueConstraint("service_id", "ticket_day", "ticket_number", name="uq_visits_ticket"),
        CheckConstraint("party_size >= 1", name="party_size"),
        Index("ix_visits_day_status", "ticket_day", "status"),
        Index("ix_visits_client_status", "client_id", "status"),
        Index("ix_visits_arrived_at", "arrived_at"),
        # reports: the few hand-over visits of a period (docs/REPORTS.md)
        partial_index("ix_visits_handover_arrived", "arrived_at", where="handed_over_from_id IS NOT NULL"),
        # the visits of an appointment only: most visits have none, and each NULL entry cost a
        # check-in a page (migration 0013)
        partial_index("ix_visits_appointment_id", "appointment_id", where="appointment_id IS NOT NULL"),
        # A person has at most one open visit: enforced by the database, not by a check first.
        partial_index("uq_visits_one_open_per_client", "client_id", unique=True,
                      where="status IN ('waiting', 'called', 'in_session')"),
        # a retried check-in (its first commit unacknowledged) finds its visit instead of a second
        Index("uq_visits_request_key", "request_key", unique=True),
        # AUTOINCREMENT: an undone visit's id is never given to the next one (SQLite would: the
        # highest id + 1), so a list a second behind cannot act on another person by that id
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="SET NULL"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    appointment_id: Mapped[int | None] = mapped_column(ForeignKey("appointments.id", ondelete="SET NULL"))
    handed_over_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL")
    )
    ticket_day: Mapped[date] = mapped_column(Date)
    ticket_number: Mapped[int] = mapped_column(Integer)
    ticket_prefix: Mapped[str] = mapped_column(String(1))
    party_size: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="waiting")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    priority_reason: Mapped[str] = mapped_column(String(500), default="")
    interpreter_language: Mapped[str] = mapped_column(String(16), default="")
    arrived_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    call_count: Mapped[int] = mapped_column(Integer, default=0)
    called_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    assigned_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"))
    referred_to: Mapped[str] = mapped_column(String(200), default="")
    # snapshots for statistics (see class docstring)
    residence: Mapped[str] = mapped_column(String(20), default="unknown")
    status_group: Mapped[str] = mapped_column(String(20), default="unknown")
    client_language: Mapped[str] = mapped_column(String(16), default="")
    first_visit: Mapped[bool] = mapped_column(Boolean, default=False)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    # --- waitlist: the caller's name (also without a staff account) and an optimistic version ---
    called_by_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # --- the self-service kiosk (issue 20): the person took the ticket themselves ---
    self_service: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # --- the attempt that created it (docs/RELIABILITY.md, "Tried again after a fault") ---
    request_key: Mapped[str | None] = mapped_column(String(36))
    # --- what the report's distinct clients need of an anonymised visit (docs/REPORTS.md,
    # "Distinct clients after anonymisation"): PERSON_MARK_* bits set when the link is cut, no
    # link to the person; 0 on a visit that still has its person or never had one; NULL on a
    # visit anonymised without them (before migration 0012, or by the purge before its year was
    # over): its person is unknown ---
    person_marks: Mapped[int | None] = mapped_column(SmallInteger, server_default="0")


#: Bits of `visits.person_marks`, set in the statement before the link to the person is cut:
#: the visit was the last (highest id) linked visit of its person in its calendar year (Berlin)
#: at its service (SERVICE), and at the whole centre (CENTRE; implies SERVICE). The report
#: counts each marked visit of a calendar year as one person.
PERSON_MARK_SERVICE = 1
PERSON_MARK_CENTRE = 2


class DisplayCall(Base):
    """A call as the waiting-room display shows it. No client reference, no name: by design."""

    __tablename__ = "display_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    called_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ticket: Mapped[str] = mapped_column(String(12))
    room_label: Mapped[str] = mapped_column(String(60))
    language: Mapped[str] = mapped_column(String(16), default="")


class Appointment(Base):
    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="positive_length"),
        Index("ix_appointments_staff_start", "staff_id", "starts_at"),
        Index("ix_appointments_starts_at", "starts_at"),
        Index("ix_appointments_client", "client_id"),
        Index("uq_appointments_request_key", "request_key", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="SET NULL"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"))
    interpreter_id: Mapped[int | None] = mapped_column(
        ForeignKey("interpreters.id", ondelete="SET NULL"), index=True
    )
    interpreter_language: Mapped[str] = mapped_column(String(16), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="booked")
    cancel_reason: Mapped[str] = mapped_column(String(500), default="")
    series_id: Mapped[str | None] = mapped_column(String(40), index=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(String(1000), default="")
    # snapshots for statistics after anonymisation
    residence: Mapped[str] = mapped_column(String(20), default="unknown")
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # the short code on the slip: the kiosk checks the person in with it (issue 20); not unique
    # over the years, looked up among one day's appointments (desk.domain.kiosk)
    kiosk_code: Mapped[str | None] = mapped_column(String(12), index=True)
    # the booking attempt that created it (a series: its first appointment only)
    request_key: Mapped[str | None] = mapped_column(String(36))


class KioskAttempt(Base):
    """A code (or date-of-birth + time) tried at a kiosk: the rate limit counts the failures of
    the last minutes (desk.domain.kiosk). No code, no date of birth is kept - only when, where
    and whether it matched. Rows older than a day are deleted at the next attempt."""

    __tablename__ = "kiosk_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    workstation: Mapped[str] = mapped_column(String(100))
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)


class KioskLanguage(Base):
    """A language the head added to the kiosk without code (issue 20): its name in its own script,
    its direction and the kiosk's sentences as JSON (the same keys as resources/kiosk_phrases.json).
    A row with the code of a built-in language replaces that language's sentences."""

    __tablename__ = "kiosk_languages"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    phrases: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


class RoomBooking(Base):
    """A booking of a room; a recurring series keeps its RRULE here and its occurrences below."""

    __tablename__ = "room_bookings"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="positive_length"),
                      Index("uq_room_bookings_request_key", "request_key", unique=True))

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(30), default="other")
    organiser: Mapped[str] = mapped_column(String(200), default="")
    expected_participants: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(String(2000), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)  # first occurrence
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    rrule: Mapped[str | None] = mapped_column(String(500))  # RFC 5545 RRULE, local Berlin time
    holiday_policy: Mapped[str] = mapped_column(String(10), default="skip")
    linked_booking_id: Mapped[int | None] = mapped_column(
        ForeignKey("room_bookings.id", ondelete="SET NULL")
    )  # the tea kitchen booked together with the group room
    # the attempt that created it (the linked tea kitchen's booking has none)
    request_key: Mapped[str | None] = mapped_column(String(36))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)


class BookingOccurrence(Base):
    """One concrete occurrence: the unit of conflict checks and of the calendar views.

    A cancelled occurrence stays as a row (`cancelled`), so editing the series later never
    brings it back; `original_start` identifies it within its series.
    """

    __tablename__ = "booking_occurrences"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="positive_length"),
        UniqueConstraint("booking_id", "original_start", name="uq_booking_occurrences_original"),
        Index("ix_booking_occurrences_room_time", "room_id", "starts_at", "ends_at"),
        Index("ix_booking_occurrences_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("room_bookings.id", ondelete="CASCADE"))
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id"))
    original_start: Mapped[datetime] = mapped_column(UTCDateTime)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    detached: Mapped[bool] = mapped_column(Boolean, default=False)  # edited on its own
    title_override: Mapped[str | None] = mapped_column(String(500))
    holiday_name: Mapped[str] = mapped_column(String(100), default="")
    actual_participants: Mapped[int | None] = mapped_column(Integer)


# --- safety and accountability --------------------------------------------------------------


class AuditEvent(Base):
    """Append-only (enforced by triggers created in the migrations)."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_at", "at"),
        Index("ix_audit_events_client", "client_id", "at"),
        Index("ix_audit_events_entity", "entity_type", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    actor_id: Mapped[int | None] = mapped_column(Integer)  # no FK: survives staff deletion
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity_type: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    client_id: Mapped[int | None] = mapped_column(Integer)  # no FK: survives erasure as a number
    details: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(String(100), default="")


class AuditPurgePermit(Base):
    """--- audit retention: the one way old audit rows can go ---

    The delete trigger on audit_events lets a row go only when it is older than `cutoff` here;
    a trigger on this table refuses a cutoff younger than six months (AUDIT_MIN_RETENTION), so
    the application can never delete recent audit rows, even by mistake. One row (id 1).
    """

    __tablename__ = "audit_purge_permit"

    id: Mapped[int] = mapped_column(primary_key=True)
    cutoff: Mapped[datetime] = mapped_column(UTCDateTime)


class Alarm(Base):
    """Silent alarm raised from an office; shown on every workstation until acknowledged."""

    __tablename__ = "alarms"

    id: Mapped[int] = mapped_column(primary_key=True)
    raised_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"))
    room_label: Mapped[str] = mapped_column(String(200), default="")
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))


class ChangeCounter(Base):
    """One row bumped by every write transaction that other workstations must see.

    Workstations poll it (a primary-key read) as the portable change signal; SQLite's
    `PRAGMA data_version` and PostgreSQL's LISTEN/NOTIFY are the fast paths on top.
    """

    __tablename__ = "change_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ChangeLog(Base):
    """The topics each commit announced, by its change counter value (desk.domain.topics).

    Written in the commit's transaction with the counter bump; the SQLite change probe reads the
    rows after the value it saw last, so SQLite names topics as PostgreSQL's NOTIFY does (a
    missing row, from a writer that did not log, makes the probe answer "any"). Only the newest
    CHANGE_LOG_KEEP rows are kept.
    """

    __tablename__ = "change_log"

    value: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    topics: Mapped[str] = mapped_column(String(200))


# --- reminders (docs/REMINDERS.md) ----------------------------------------------------------


class ReminderContact(Base):
    """Where a client wants appointment reminders, and the consent for each channel.

    A channel is used only while its consent date is set; withdrawing clears the date. Erasure
    deletes the row (client_id), like every row about the person."""

    __tablename__ = "reminder_contacts"

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), primary_key=True)
    sms_number: Mapped[str] = mapped_column(String(20), default="")  # E.164
    email: Mapped[str] = mapped_column(String(254), default="")
    sms_consent_on: Mapped[date | None] = mapped_column(Date)
    email_consent_on: Mapped[date | None] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    version: Mapped[int] = mapped_column(Integer, default=1)


class ReminderSending(Base):
    """The sending log and the claim: one row per appointment start, channel and slot.

    The unique constraint makes the row itself the claim ticket: however many workstations plan
    the same reminder, one row exists; a conditional UPDATE (status pending/retry -> sending)
    with a checked row count lets exactly one of them send it. A moved appointment has a new
    start, so it gets a new row (a new reminder). No message text is stored."""

    __tablename__ = "reminder_sendings"
    __table_args__ = (
        UniqueConstraint("appointment_id", "channel", "slot", "starts_at", name="uq_reminder_sendings_once"),
        Index("ix_reminder_sendings_status_next", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    appointment_id: Mapped[int] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(10))
    slot: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    send_until: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str] = mapped_column(String(100), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    provider_id: Mapped[str] = mapped_column(String(100), default="")
    error: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
