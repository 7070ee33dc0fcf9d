"""Raw-SQL floors, query plans and set-up helpers for `desk-admin bench`.

A floor is the same question as the program's query, asked as ONE raw SQL statement on a raw
driver connection (no ORM, no row mapping, no unit of work): the ratio program/floor shows what
the layers above the driver cost.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import text

from desk.storage.engine import Database

OPEN = "('waiting', 'called', 'in_session')"

#: name -> SQL with `?` placeholders (rewritten to %s for psycopg)
FLOOR_SQL: dict[str, str] = {
    "waiting_list": (
        "SELECT v.*, c.given_name, c.family_name, r.display_label, r.name, s.display_name, a.starts_at "
        "FROM visits v LEFT JOIN clients c ON c.id = v.client_id LEFT JOIN rooms r ON r.id = v.room_id "
        "LEFT JOIN staff s ON s.id = v.called_by_staff_id LEFT JOIN appointments a ON a.id = v.appointment_id "
        "WHERE v.ticket_day = ? AND v.status IN ('waiting', 'called', 'in_session') ORDER BY v.arrived_at, v.id"
    ),
    "search_rows": "SELECT * FROM clients WHERE id IN ({ids}) AND merged_into_id IS NULL",
    "week": (
        "SELECT o.*, b.title, b.kind, b.organiser, b.expected_participants, b.rrule "
        "FROM booking_occurrences o JOIN room_bookings b ON b.id = o.booking_id "
        "WHERE o.starts_at > ? AND o.starts_at < ? AND o.ends_at > ? ORDER BY o.starts_at, o.room_id"
    ),
    "appointments_day": (
        "SELECT a.*, c.given_name, c.family_name FROM appointments a LEFT JOIN clients c ON c.id = a.client_id "
        "WHERE a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at"
    ),
    "appointments_staff_day": (
        "SELECT * FROM appointments WHERE staff_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at"
    ),
    "year_report": (
        "SELECT service_id, residence, status_group, status, first_visit, count(*), sum(party_size) "
        "FROM visits WHERE ticket_day BETWEEN ? AND ? "
        "GROUP BY service_id, residence, status_group, status, first_visit"
    ),
    # with the previous year: the year as above, and of the year before what the report shows of it
    # (the total's overview column: here only its visits and distinct clients)
    "year_report_compare": (
        "SELECT service_id, residence, status_group, status, first_visit, count(*), sum(party_size) "
        "FROM visits WHERE ticket_day BETWEEN ? AND ? "
        "GROUP BY service_id, residence, status_group, status, first_visit "
        "UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, count(*), count(DISTINCT client_id) "
        "FROM visits WHERE ticket_day BETWEEN ? AND ?"
    ),
    "client_visits": "SELECT * FROM visits WHERE client_id = ? ORDER BY arrived_at DESC LIMIT 20",
    "open_visit_of_client": f"SELECT id FROM visits WHERE client_id = ? AND status IN {OPEN} LIMIT 1",  # noqa: S608
    "audit_of_client": "SELECT * FROM audit_events WHERE client_id = ? ORDER BY at DESC LIMIT 50",
}


class RawFloor:
    """One raw driver connection; every call is one statement (and a commit for writes)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._raw = db.engine.raw_connection()
        self._sqlite = db.is_sqlite

    def close(self) -> None:
        self._raw.close()

    def value(self, moment: datetime | date) -> Any:
        """A parameter as the column stores it (SQLite: SQLAlchemy's text format; naive UTC)."""
        if isinstance(moment, datetime):
            naive = moment.astimezone(UTC).replace(tzinfo=None)
            return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if self._sqlite else naive
        return moment.isoformat() if self._sqlite else moment

    def sql(self, name: str, **format_args: str) -> str:
        statement = FLOOR_SQL[name].format(**format_args) if format_args else FLOOR_SQL[name]
        return statement if self._sqlite else statement.replace("?", "%s")

    def query(self, name: str, params: tuple = (), **format_args: str) -> tuple[float, int]:
        """(seconds, rows) of one read statement in its own transaction."""
        statement = self.sql(name, **format_args)
        cursor = self._raw.cursor()
        started = time.perf_counter()
        if self._sqlite:
            cursor.execute("BEGIN")
        cursor.execute(statement, params)
        rows = cursor.fetchall()
        if self._sqlite:
            cursor.execute("COMMIT")
        else:
            self._raw.commit()
        elapsed = time.perf_counter() - started
        cursor.close()
        return elapsed, len(rows)

    def commit_floor(self) -> float:
        """The smallest durable write transaction: bump the change counter and commit."""
        cursor = self._raw.cursor()
        started = time.perf_counter()
        if self._sqlite:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("UPDATE change_counter SET value = value + 1 WHERE id = 1")
            cursor.execute("COMMIT")
        else:
            cursor.execute("UPDATE change_counter SET value = value + 1 WHERE id = 1")
            self._raw.commit()
        elapsed = time.perf_counter() - started
        cursor.close()
        return elapsed

    def explain(self, name: str, params: tuple = (), **format_args: str) -> list[str]:
        statement = self.sql(name, **format_args)
        cursor = self._raw.cursor()
        try:
            if self._sqlite:
                cursor.execute("EXPLAIN QUERY PLAN " + statement, params)
                lines = [str(row[-1]) for row in cursor.fetchall()]
            else:
                cursor.execute("EXPLAIN " + statement, params)
                lines = [str(row[0]) for row in cursor.fetchall()]
                self._raw.rollback()
        finally:
            cursor.close()
        return lines


def database_size(db: Database) -> int:
    """Bytes on disk: the SQLite file plus its -wal, or pg_database_size."""
    path = db.sqlite_path
    if path is not None:
        total = 0
        for candidate in (path, path.with_name(path.name + "-wal")):
            if candidate.exists():
                total += candidate.stat().st_size
        return total
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


def checkpoint(db: Database) -> None:
    if db.is_sqlite:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def close_open_visits_before(db: Database, day: date) -> int:
    """Bench set-up on a reused database: visits left open on earlier days are closed."""
    with db.session(write=True) as session:
        result = session.execute(
            text(f"UPDATE visits SET status = 'done' WHERE status IN {OPEN} AND ticket_day < :day"),  # noqa: S608
            {"day": day},
        )
        session.commit()
        return int(result.rowcount or 0)


def close_newest_open_visits(db: Database, day: date, count: int) -> None:
    """Bench set-up on a reused database: the `count` newest visits open on `day` are closed (a
    run's own check-ins stay open, and the next run's waiting list would grow)."""
    with db.session(write=True) as session:
        session.execute(
            text(f"UPDATE visits SET status = 'done' WHERE id IN (SELECT id FROM visits WHERE ticket_day = :day "  # noqa: S608
                 f"AND status IN {OPEN} ORDER BY id DESC LIMIT :count)"),
            {"day": day, "count": count},
        )
        session.commit()


def clients_without_open_visit(db: Database, limit: int, *, newest_first: bool = True) -> list[int]:
    order = "DESC" if newest_first else "ASC"
    with db.session(write=False) as session:
        rows = session.execute(
            text(
                "SELECT id FROM clients WHERE merged_into_id IS NULL AND id NOT IN "  # noqa: S608
                f"(SELECT client_id FROM visits WHERE status IN {OPEN} AND client_id IS NOT NULL) "
                f"ORDER BY id {order} LIMIT :limit"
            ),
            {"limit": limit},
        )
        return [int(r[0]) for r in rows]


def open_visits_on(db: Database, day: date) -> int:
    with db.session(write=False) as session:
        return int(session.execute(
            text(f"SELECT count(*) FROM visits WHERE ticket_day = :day AND status IN {OPEN}"),  # noqa: S608
            {"day": day}).scalar_one())


def bookings_titled(db: Database, title: str) -> int:
    with db.session(write=False) as session:
        return int(session.execute(text("SELECT count(*) FROM room_bookings WHERE title = :t"), {"t": title}).scalar_one())


def family_names(db: Database, limit: int) -> list[tuple[int, str, str]]:
    with db.session(write=False) as session:
        rows = session.execute(text("SELECT id, given_name, family_name FROM clients ORDER BY id LIMIT :n"),
                               {"n": limit})
        return [(int(r[0]), r[1], r[2]) for r in rows]
