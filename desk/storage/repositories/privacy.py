"""Data protection at the row level: export everything about a person, erase a person,
the retention purge. Driven by the schema itself: every table with a foreign key to
`clients.id` or a column named `client_id` is covered, including tables added later."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Column,
    Table,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    insert,
    literal_column,
    not_,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desk.domain.audit import CLIENT_IDS
from desk.domain.model import OPEN_VISIT_STATUSES
from desk.domain.reports import FIRST_REPORT_DAY
from desk.domain.tickets import BERLIN
from desk.storage.models import (
    PERSON_MARK_CENTRE,
    PERSON_MARK_SERVICE,
    Appointment,
    AuditEvent,
    AuditPurgePermit,
    Base,
    BookingOccurrence,
    Client,
    RoomBooking,
    UTCDateTime,
    Visit,
)
from desk.storage.repositories.audit import client_ids_in, names_client
from desk.storage.repositories.visits import visit_is_open

#: Free-text columns that may name or describe the person: blanked when a row is anonymised.
PERSONAL_TEXT_COLUMNS = frozenset({"note", "notes", "priority_reason", "cancel_reason", "reception_note",
                                   "comment", "reason_text"})


def client_references() -> list[tuple[Table, Column]]:
    """(table, column) for every column pointing at a client (FK to clients.id or named client_id)."""
    found: list[tuple[Table, Column]] = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            points_at_client = any(fk.column.table.name == "clients" for fk in column.foreign_keys)
            if table.name == "clients" and column.name == "merged_into_id":
                points_at_client = True
            if points_at_client or column.name == "client_id":
                found.append((table, column))
    return found


def erasure_tables() -> list[str]:
    """Every table an erasure or the purge writes to (the ones `desk-admin purge --compact` rewrites)."""
    names = {table.name for table, _ in client_references()}
    return sorted(names | {"clients", "audit_events", "room_bookings", "booking_occurrences", "display_calls"})


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


class PrivacyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- export ---------------------------------------------------------------------------

    def person_ids(self, client_id: int) -> list[int]:
        """The client and every record that was merged into it (the same person), transitively."""
        ids = [client_id]
        frontier = [client_id]
        while frontier:
            more = list(self.session.scalars(select(Client.id).where(Client.merged_into_id.in_(frontier))))
            more = [i for i in more if i not in ids]
            ids.extend(more)
            frontier = more
        return ids

    def with_merged(self, client_ids: list[int]) -> list[int]:
        """These clients and every record merged into one of them (transitively), sorted."""
        found = set(client_ids)
        frontier = list(client_ids)
        while frontier:
            more: list[int] = []
            for start in range(0, len(frontier), 500):
                more.extend(self.session.scalars(
                    select(Client.id).where(Client.merged_into_id.in_(frontier[start:start + 500]))))
            frontier = [i for i in more if i not in found]
            found.update(frontier)
        return sorted(found)

    def exists(self, client_id: int) -> bool:
        return self.session.get(Client, client_id) is not None

    def present(self, ids: list[int]) -> list[int]:
        """Which of these client ids have a row (after a restore: erased people come back)."""
        found: list[int] = []
        for start in range(0, len(ids), 500):
            found.extend(self.session.scalars(select(Client.id).where(Client.id.in_(ids[start:start + 500]))))
        return sorted(found)

    def export(self, client_id: int) -> dict[str, list[dict[str, Any]]]:
        ids = self.person_ids(client_id)
        data: dict[str, list[dict[str, Any]]] = {}
        clients = Client.__table__
        data["clients"] = self._rows(select(clients).where(clients.c.id.in_(ids)).order_by(clients.c.id))
        for table, column in client_references():
            if table.name == "clients":
                continue
            key = table.name if column.name == "client_id" else f"{table.name}.{column.name}"
            pk = list(table.primary_key.columns)
            rows = self._rows(select(table).where(column.in_(ids)).order_by(*pk))
            data.setdefault(key, []).extend(rows)
        # the lists that showed the person among others (client.list_read: the waiting list, the
        # calendar, search results ...) name the client in `client_ids`, not in the column
        events = AuditEvent.__table__
        seen = {row["id"] for row in data.get("audit_events", [])}
        named = self._rows(select(events).where(or_(*(names_client(i) for i in ids))).order_by(events.c.id))
        for row in named:
            shown = [i for i in client_ids_in(row["details"]) if i in ids]
            if row["id"] in seen or not shown:
                continue
            # the others on that list are no part of this person's data: only their own number stays
            details = json.loads(row["details"])
            details[CLIENT_IDS] = shown
            data.setdefault("audit_events", []).append({**row, "details": json.dumps(details, sort_keys=True)})
        data["audit_events"].sort(key=lambda r: r["id"])
        return data

    def _rows(self, stmt) -> list[dict[str, Any]]:
        return [{k: _jsonable(v) for k, v in row._mapping.items()} for row in self.session.execute(stmt)]

    # -- erasure --------------------------------------------------------------------------

    def has_open_visit(self, ids: list[int]) -> bool:
        return bool(self.session.scalar(
            select(func.count()).select_from(Visit).where(
                Visit.client_id.in_(ids), visit_is_open())))

    def cancel_future_appointments(self, ids: list[int], now: datetime) -> int:
        """Booked appointments of the persons `ids` that have not ended: cancelled (an erased person
        will not come; the slot is free again and no no-show is counted later)."""
        result = self.session.execute(
            update(Appointment)
            .where(Appointment.client_id.in_(ids), Appointment.status == "booked", Appointment.ends_at > now)
            .values(status="cancelled", version=Appointment.version + 1))
        return result.rowcount

    def erase(self, ids: list[int]) -> dict[str, int]:
        """Remove the persons `ids` everywhere; rows kept for statistics lose every link to them."""
        counts: dict[str, int] = {}
        # the report's distinct clients keep the person (no link to them): docs/DATA-PROTECTION.md
        # (every year: the person's card goes, so no later visit of theirs can join these)
        latest = self.session.scalar(select(func.max(Visit.arrived_at)).where(Visit.client_id.in_(ids)))
        if latest is not None:
            self.mark_last_links(Visit.client_id.in_(ids), kept=None, until=latest)
        for table, column in client_references():
            if table.name in {"clients", "audit_events"}:
                continue  # clients go last; the audit log keeps only a number (no name)
            if "anonymised" in table.columns:
                values: dict[str, Any] = {column.name: None, "anonymised": True}
                for name in PERSONAL_TEXT_COLUMNS & set(table.columns.keys()):
                    values[name] = ""
                result = self.session.execute(update(table).where(column.in_(ids)).values(**values))
                counts[f"{table.name} anonymised"] = counts.get(f"{table.name} anonymised", 0) + result.rowcount
            elif column.nullable and any(fk.ondelete and fk.ondelete.upper() == "SET NULL"
                                         for fk in column.foreign_keys) and table.name != "clients":
                # a link only (the row belongs to something else): cut it, blank personal text
                values = {column.name: None}
                for name in PERSONAL_TEXT_COLUMNS & set(table.columns.keys()):
                    values[name] = ""
                result = self.session.execute(update(table).where(column.in_(ids)).values(**values))
                counts[f"{table.name} unlinked"] = counts.get(f"{table.name} unlinked", 0) + result.rowcount
            else:
                result = self.session.execute(delete(table).where(column.in_(ids)))
                counts[f"{table.name} deleted"] = counts.get(f"{table.name} deleted", 0) + result.rowcount
        self.session.execute(update(Client).where(Client.merged_into_id.in_(ids)).values(merged_into_id=None))
        result = self.session.execute(delete(Client).where(Client.id.in_(ids)))
        counts["clients deleted"] = result.rowcount
        self.session.flush()
        return counts

    # -- retention purge --------------------------------------------------------------------

    def anonymise_visits_before(self, cutoff: datetime, *, now: datetime) -> int:
        """Remove the person from the closed visits before `cutoff` and blank their priority reason.
        Only a visit that had a person becomes `anonymised`: an anonymous ticket never had one and
        stays an anonymous ticket (the reports count the two apart; last year's anonymous tickets
        turned into 'anonymised visits' once retention passed).

        First the marks the yearly report counts persons by (mark_last_links), for the visits of
        the years that are over at `now` (Berlin): a visit of the running year (a retention under
        12 months) gets none, NULL like a visit anonymised before the marks, since its person may
        still come back this year and be counted by that visit's link as well."""
        closed = [s.value for s in OPEN_VISIT_STATUSES]
        this_year = datetime(now.astimezone(BERLIN).year, 1, 1, tzinfo=BERLIN)

        def cut(visits: Table) -> ColumnElement[bool]:
            return and_(visits.c.arrived_at < cutoff, visits.c.status.not_in(closed), visits.c.client_id.is_not(None))

        visits = Visit.__table__
        self.mark_last_links(and_(cut(visits), visits.c.arrived_at < this_year), kept=lambda other: not_(cut(other)),
                             until=min(cutoff, this_year))
        values: dict[str, Any] = {"client_id": None, "priority_reason": "",
                                  # SET reads the row as it was (SQLite and PostgreSQL alike)
                                  "anonymised": or_(Visit.anonymised, Visit.client_id.is_not(None)),
                                  "person_marks": case((and_(Visit.client_id.is_not(None),
                                                             Visit.arrived_at >= this_year), None),
                                                       else_=Visit.person_marks)}
        result = self.session.execute(
            update(Visit).where(Visit.arrived_at < cutoff, Visit.status.not_in(closed),
                                or_(Visit.client_id.is_not(None), Visit.priority_reason != ""))
            .values(**values)
        )
        return result.rowcount

    def mark_last_links(self, chosen: ColumnElement[bool],
                        kept: Callable[[Table], ColumnElement[bool]] | None, *, until: datetime) -> int:
        """Before the link to the person is cut from the linked visits `chosen` (a condition on
        `visits`; all of them arrived before `until`): mark each that is its person's last link in
        its calendar year (Berlin), per service and at the centre (models.PERSON_MARK_*), so the
        yearly report still counts every person once (docs/REPORTS.md, "Distinct clients after
        anonymisation"). `kept(other)`: whether another visit of the same person keeps its link
        (None: none does, an erasure).

        A chosen visit is marked when no other visit of the same person in the same year (at the
        same service, for the service's mark) either keeps its link or has a higher id: so exactly
        one visit carries the mark once the person's last link of that year is cut, and none while
        one is left (that one still counts the person). One UPDATE of the chosen visits; its own
        SET changes neither the links nor the columns it reads, so both engines see the same rows;
        the caller cuts the links in the next statement of the same transaction. Returns the number
        of chosen visits."""
        visits = Visit.__table__
        other = visits.alias("other_")
        first = FIRST_REPORT_DAY.year + 1
        last = until.astimezone(BERLIN).year + 1
        edges = [bindparam(f"year_{year}", datetime(year, 1, 1, tzinfo=BERLIN), type_=UTCDateTime())
                 for year in range(first, last + 1)]

        def year(column, low: int = 0, high: int = len(edges)):
            """The number of year starts at or before `column` (a binary search of CASEs)."""
            if low == high:
                return literal_column(str(low))
            middle = (low + high) // 2
            return case((column < edges[middle], year(column, low, middle)), else_=year(column, middle + 1, high))

        def last_link(*same):
            return not_(exists().where(
                other.c.client_id == visits.c.client_id, other.c.id != visits.c.id, *same,
                year(other.c.arrived_at) == year(visits.c.arrived_at),
                or_(other.c.id > visits.c.id, *([kept(other)] if kept is not None else []))))

        marks = (case((last_link(other.c.service_id == visits.c.service_id), PERSON_MARK_SERVICE), else_=0)
                 + case((last_link(), PERSON_MARK_CENTRE), else_=0))
        result = self.session.execute(
            update(visits).where(chosen, visits.c.client_id.is_not(None)).values(person_marks=marks))
        return result.rowcount

    def anonymise_appointments_before(self, cutoff: datetime) -> int:
        result = self.session.execute(
            update(Appointment).where(Appointment.ends_at < cutoff,
                                      or_(Appointment.client_id.is_not(None), Appointment.anonymised.is_(False)))
            .values(client_id=None, anonymised=True, note="", cancel_reason="")
        )
        return result.rowcount

    def inactive_client_ids(self, cutoff: datetime, now: datetime) -> list[int]:
        """Clients without contact since `cutoff`, without an open visit or a future appointment."""
        last = func.coalesce(Client.last_contact_at, Client.created_at)
        open_visit = select(Visit.id).where(Visit.client_id == Client.id, visit_is_open()).exists()
        future = select(Appointment.id).where(Appointment.client_id == Client.id,
                                              Appointment.ends_at >= now).exists()
        recent_visit = select(Visit.id).where(Visit.client_id == Client.id, Visit.arrived_at >= cutoff).exists()
        return list(self.session.scalars(
            select(Client.id).where(last < cutoff, ~open_visit, ~future, ~recent_visit).order_by(Client.id)))

    def delete_bookings_before(self, cutoff: datetime) -> int:
        """Room bookings whose every occurrence ended before `cutoff` (series included)."""
        last_end = (select(func.max(BookingOccurrence.ends_at))
                    .where(BookingOccurrence.booking_id == RoomBooking.id).scalar_subquery())
        ids = list(self.session.scalars(
            select(RoomBooking.id).where(RoomBooking.ends_at < cutoff,
                                         or_(last_end.is_(None), last_end < cutoff))))
        if not ids:
            return 0
        # bookings linked to these (tea kitchen with the group room) keep existing, unlinked
        self.session.execute(update(RoomBooking).where(RoomBooking.linked_booking_id.in_(ids),
                                                       RoomBooking.id.not_in(ids)).values(linked_booking_id=None))
        self.session.execute(delete(BookingOccurrence).where(BookingOccurrence.booking_id.in_(ids)))
        result = self.session.execute(delete(RoomBooking).where(RoomBooking.id.in_(ids)))
        return result.rowcount

    def purge_audit_before(self, cutoff: datetime) -> int:
        """Delete audit rows older than `cutoff` through the purge permit (the database refuses a
        cutoff younger than six months). On a server set up with roles (desk-admin setup-server) the
        application may not delete audit rows itself: the owner's function does it, the same way."""
        bind = self.session.get_bind()
        if bind.dialect.name == "postgresql" and self.session.execute(
                text("SELECT to_regprocedure('desk_purge_audit(timestamptz)')")).scalar() is not None:
            return int(self.session.execute(text("SELECT desk_purge_audit(:cutoff)"), {"cutoff": cutoff}).scalar() or 0)
        permit = self.session.get(AuditPurgePermit, 1)
        if permit is None:
            self.session.execute(insert(AuditPurgePermit).values(id=1, cutoff=cutoff))
        else:
            self.session.execute(update(AuditPurgePermit).where(AuditPurgePermit.id == 1).values(cutoff=cutoff))
        result = self.session.execute(delete(AuditEvent).where(and_(AuditEvent.at < cutoff)))
        return result.rowcount
