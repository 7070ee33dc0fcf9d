"""Fast bulk inserts of plain rows (dicts) for demo and benchmark data.

No ORM objects: `session.execute(insert(Model), rows)` in batches, one write transaction per
batch (so SQLite's write lock is held only briefly and memory stays flat). Callers assign the
primary keys themselves (`next_id`), so rows that refer to each other can be built in Python
first; on PostgreSQL `fix_sequences` moves the id sequences past the inserted ids afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import func, insert, select, text, update

from desk.storage import models as m
from desk.storage.engine import Database
from desk.storage.uow import announce_in

#: The tables the demo generator fills, by the names it uses.
TABLES: dict[str, type[m.Base]] = {
    "staff": m.Staff,
    "staff_services": m.StaffService,
    "working_hours": m.WorkingHour,
    "absences": m.Absence,
    "interpreters": m.Interpreter,
    "clients": m.Client,
    "visits": m.Visit,
    "ticket_counters": m.TicketCounter,
    "display_calls": m.DisplayCall,
    "appointments": m.Appointment,
    "room_bookings": m.RoomBooking,
    "booking_occurrences": m.BookingOccurrence,
    "audit_events": m.AuditEvent,
    "reminder_contacts": m.ReminderContact,
    "reminder_sendings": m.ReminderSending,
}

DEFAULT_BATCH = 5_000


def _model(table: str) -> type[m.Base]:
    try:
        return TABLES[table]
    except KeyError:
        raise ValueError(f"bulk inserts are not set up for table {table!r}") from None


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def insert_rows(db: Database, table: str, rows: Iterable[dict[str, Any]], *, batch: int = DEFAULT_BATCH) -> int:
    """Insert `rows` (dicts with column keys; every dict of a batch with the same keys).

    One write transaction per batch. Returns the number of rows inserted."""
    model = _model(table)
    count = 0
    for chunk in _batches(rows, batch):
        with db.session(write=True) as session:
            session.execute(insert(model), chunk)
            session.commit()
        count += len(chunk)
    return count


def insert_together(db: Database, rows_by_table: dict[str, list[dict[str, Any]]]) -> int:
    """Insert rows of several tables in ONE write transaction, in the dict's order (parents
    first: clients before appointments before visits). Returns the number of rows."""
    count = 0
    with db.session(write=True) as session:
        for table, rows in rows_by_table.items():
            if rows:
                session.execute(insert(_model(table)), rows)
                count += len(rows)
        session.commit()
    return count


def refresh_last_contact(db: Database) -> None:
    """clients.last_contact_at = the latest arrival of the client's visits (after a bulk fill)."""
    with db.session(write=True) as session:
        # one aggregate joined in (UPDATE ... FROM), not a subquery per client: on freshly
        # bulk-loaded PostgreSQL tables without statistics the correlated form scanned all
        # visits once per client (minutes at 10 years)
        latest = (
            select(m.Visit.client_id, func.max(m.Visit.arrived_at).label("last"))
            .where(m.Visit.client_id.is_not(None))
            .group_by(m.Visit.client_id)
            .subquery()
        )
        session.execute(
            update(m.Client)
            .where(m.Client.id == latest.c.client_id)
            .values(last_contact_at=latest.c.last)
            .execution_options(synchronize_session=False)
        )
        session.commit()


def next_id(db: Database, table: str) -> int:
    """The first free primary key of `table` (ids are assigned by the caller)."""
    model = _model(table)
    with db.session(write=False) as session:
        return int(session.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1  # type: ignore[attr-defined]


def count_rows(db: Database, table: str) -> int:
    model = _model(table) if table in TABLES else None
    with db.session(write=False) as session:
        if model is None:
            return int(session.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())  # noqa: S608
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def fix_sequences(db: Database, tables: Iterable[str] | None = None) -> None:
    """PostgreSQL: move each id sequence past the largest id (rows got explicit ids)."""
    if db.is_sqlite:
        return
    names = [t for t in (tables or TABLES) if "id" in _model(t).__table__.c]
    with db.session(write=True) as session:
        for name in names:
            session.execute(
                text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), coalesce((SELECT max(id) FROM \"{name}\"), 0) + 1, false)"),  # noqa: S608, E501
                {"table": name},
            )
        session.commit()


def reference_ids(db: Database) -> tuple[dict[str, tuple[int, str]], dict[str, int]]:
    """({service code: (id, ticket prefix)}, {room name: id}) of the seeded reference data."""
    with db.session(write=False) as session:
        services = {row.code: (row.id, row.ticket_prefix)
                    for row in session.execute(select(m.Service.id, m.Service.code, m.Service.ticket_prefix))}
        rooms = {row.name: row.id for row in session.execute(select(m.Room.id, m.Room.name))}
    return services, rooms


def room_labels(db: Database) -> dict[int, str]:
    """{room id: what the waiting-room display shows for it} (its display label, else its name),
    as a call made at a workstation writes it."""
    with db.session(write=False) as session:
        return {row.id: row.display_label or row.name
                for row in session.execute(select(m.Room.id, m.Room.name, m.Room.display_label))}


def password_hashes(db: Database) -> list[str | None]:
    """Every account's password hash (the bench's check that a database holds no real accounts)."""
    with db.session(write=False) as session:
        return list(session.scalars(select(m.Staff.password_hash)))


def staff_ids(db: Database) -> dict[str, int]:
    with db.session(write=False) as session:
        return {row.username: row.id for row in session.execute(select(m.Staff.id, m.Staff.username))}


def announce_change(db: Database, topics: Iterable[str]) -> None:
    """Bump the change counter (and NOTIFY), so running workstations reload after a bulk fill."""
    with db.session(write=True) as session:
        announce_in(session, db.engine.dialect.name, set(topics))
        session.commit()


def analyze(db: Database) -> None:
    """Refresh the planner statistics after a large fill."""
    with db.engine.connect() as connection:
        if db.is_sqlite:
            connection.exec_driver_sql("ANALYZE")
            connection.exec_driver_sql("PRAGMA optimize")
        else:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
        connection.commit()
