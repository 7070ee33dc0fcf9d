"""Clients: the reception card, search keys, optimistic locking by version."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

# SQLAlchemy's own ARRAY, not sqlalchemy.dialects.postgresql's: the same statement and bind type
# on PostgreSQL, without importing that dialect (all its drivers' modules) on SQLite (issue 21)
from sqlalchemy import ARRAY, Integer, any_, bindparam, literal_column, select, update
from sqlalchemy.orm import Session

from desk.domain.errors import NotFoundError, StaleError
from desk.domain.model import OPEN_VISIT_STATUSES, ClientRow, Residence, StatusGroup, person_name
from desk.domain.tickets import format_client_number
from desk.storage.engine import read_once
from desk.storage.models import Appointment, Client, Visit
from desk.storage.prepared import Prepared

#: Fields a caller may set through add()/update(); everything else is managed here.
CLIENT_FIELDS = frozenset(
    {
        "given_name",
        "family_name",
        "search_key",
        "date_of_birth",
        "phone",
        "phone_digits",
        "language",
        "interpreter_needed",
        "residence",
        "residence_place",
        "status_group",
        "consent_date",
        "reception_note",
        "last_contact_at",
    }
)


_SEARCH_COLUMNS = (Client.id, Client.given_name, Client.family_name, Client.date_of_birth, Client.language,
                   Client.interpreter_needed)
_SEARCH_RESULTS = select(*_SEARCH_COLUMNS).where(
    Client.id.in_(bindparam("ids", expanding=True)), Client.merged_into_id.is_(None))
#: PostgreSQL: one array parameter, so one statement text for any number of hits (psycopg prepares
#: it once; an IN list is a new statement text, and a new prepared statement, per length)
_SEARCH_RESULTS_POSTGRES = select(*_SEARCH_COLUMNS).where(
    Client.id == any_(bindparam("ids", type_=ARRAY(Integer))), Client.merged_into_id.is_(None))


def client_row(c: Client) -> ClientRow:
    return ClientRow(
        id=c.id,
        client_number=format_client_number(c.id),
        given_name=c.given_name,
        family_name=c.family_name,
        date_of_birth=c.date_of_birth,
        phone=c.phone,
        language=c.language,
        interpreter_needed=c.interpreter_needed,
        residence=Residence(c.residence),
        residence_place=c.residence_place,
        status_group=StatusGroup(c.status_group),
        consent_date=c.consent_date,
        reception_note=c.reception_note,
        created_at=c.created_at,
        last_contact_at=c.last_contact_at,
        version=c.version,
    )


@dataclass(frozen=True, slots=True)
class CheckInClient:
    """What a check-in reads of its client (ClientRepository.contact_for_check_in)."""

    id: int
    display_name: str
    language: str
    interpreter_needed: bool
    residence: str
    status_group: str
    open_visit_id: int | None  # the client's open visit (waiting, called, in session), if any
    has_visits: bool  # any visit at all: the new one is not the first


@functools.cache
def _contact_statement() -> Prepared:
    open_statuses = ", ".join(f"'{s.value}'" for s in sorted(OPEN_VISIT_STATUSES, key=lambda s: s.value))
    open_visit = f"(SELECT visits.id FROM visits WHERE visits.client_id = clients.id AND visits.status IN ({open_statuses}) LIMIT 1)"  # noqa: S608, E501 - the enum's constants
    return Prepared(
        update(Client)
        .where(Client.id == bindparam("client_id"), Client.merged_into_id.is_(None))
        .values(last_contact_at=bindparam("when", type_=Client.last_contact_at.type))
        .returning(
            Client.given_name, Client.family_name, Client.language, Client.interpreter_needed, Client.residence,
            Client.status_group,
            # correlated by hand: SQLAlchemy would not correlate its own subquery in RETURNING
            literal_column(open_visit),
            literal_column("EXISTS (SELECT 1 FROM visits WHERE visits.client_id = clients.id)"),
        )
    )


class ClientRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, *, request_key: str | None = None, **fields: Any) -> int:
        """A new client (`request_key`: of the attempt, under its unique index; desk.services.once)."""
        unknown = set(fields) - CLIENT_FIELDS
        if unknown:
            raise TypeError(f"unknown client fields: {sorted(unknown)}")
        now = datetime.now(UTC)
        client = Client(created_at=now, updated_at=now, version=1, request_key=request_key, **fields)
        self.session.add(client)
        self.session.flush()
        return client.id

    def served_by(self, client_id: int, service_ids: frozenset[int]) -> bool:
        """Has the client had a visit (a hand-over makes a new visit) or an appointment with one
        of these services? (Who may see the full card.)"""
        if not service_ids:
            return False
        ids = sorted(service_ids)
        visit = select(Visit.id).where(Visit.client_id == client_id, Visit.service_id.in_(ids)).limit(1)
        appointment = select(Appointment.id).where(Appointment.client_id == client_id,
                                                   Appointment.service_id.in_(ids)).limit(1)
        return (self.session.scalar(visit) is not None) or (self.session.scalar(appointment) is not None)

    def made_by(self, request_key: str) -> int | None:
        """The client the attempt with this request key created (desk.services.once)."""
        return self.session.scalar(select(Client.id).where(Client.request_key == request_key))

    def get(self, client_id: int) -> ClientRow | None:
        client = self.session.get(Client, client_id)
        return None if client is None or client.merged_into_id is not None else client_row(client)

    def search_results(self, ids: list[int]) -> list[tuple[int, str, str, date | None, str, bool]]:
        """(id, given name, family name, date of birth, language, interpreter needed) of the live
        clients among `ids`: what a search result shows, one prepared statement, no ORM objects
        (every keystroke reads them)."""
        if not ids:
            return []
        statement = _SEARCH_RESULTS_POSTGRES if self.session.get_bind().dialect.name == "postgresql" else _SEARCH_RESULTS
        return [tuple(row) for row in read_once(self.session, statement, {"ids": ids})]  # type: ignore[misc]

    def get_many(self, ids: list[int]) -> dict[int, ClientRow]:
        if not ids:
            return {}
        rows = self.session.scalars(select(Client).where(Client.id.in_(ids), Client.merged_into_id.is_(None)))
        return {c.id: client_row(c) for c in rows}

    def update(self, client_id: int, expected_version: int, **fields: Any) -> int:
        """Save if nobody else saved since `expected_version` was read; returns the new version."""
        unknown = set(fields) - CLIENT_FIELDS
        if unknown:
            raise TypeError(f"unknown client fields: {sorted(unknown)}")
        result = self.session.execute(
            update(Client)
            .where(Client.id == client_id, Client.version == expected_version)
            .values(**fields, version=Client.version + 1, updated_at=datetime.now(UTC))
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            if self.session.get(Client, client_id) is None:
                raise NotFoundError()
            raise StaleError()
        return expected_version + 1

    def contact_for_check_in(self, client_id: int, when: datetime) -> CheckInClient | None:
        """Record the contact (last_contact_at) and return what a check-in needs of the client, its
        open visit and whether it has any visit, in ONE statement; None when the client does not
        exist or was merged (nothing changed then). A refused check-in rolls the contact back."""
        row = _contact_statement().first(self.session, {"client_id": client_id, "when": when})
        if row is None:
            return None
        given, family, language, interpreter_needed, residence, status_group, open_visit_id, has_visits = row
        return CheckInClient(id=client_id, display_name=person_name(given, family), language=language,
                             interpreter_needed=bool(interpreter_needed), residence=residence,
                             status_group=status_group, open_visit_id=open_visit_id, has_visits=bool(has_visits))

    def search_keys(self, changed_since: datetime | None = None) -> list[tuple[int, str]]:
        """(id, search_key) of every live client, or of those changed since a moment."""
        stmt = select(Client.id, Client.search_key).where(Client.merged_into_id.is_(None))
        if changed_since is not None:
            stmt = stmt.where(Client.updated_at >= changed_since)
        return [(row.id, row.search_key) for row in self.session.execute(stmt)]

    def all_ids(self) -> set[int]:
        return set(self.session.scalars(select(Client.id).where(Client.merged_into_id.is_(None))))

    def ids_by_phone(self, digits: str, limit: int = 20) -> list[int]:
        if len(digits) < 4:
            return []
        stmt = (
            select(Client.id)
            .where(Client.phone_digits.like(f"%{digits}%", escape="\\"), Client.merged_into_id.is_(None))
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def ids_by_whole_phone(self, variants: list[str], limit: int = 20) -> list[int]:
        """Clients whose whole phone number (its digits) is one of `variants`."""
        variants = [v for v in variants if len(v) >= 4]
        if not variants:
            return []
        stmt = (
            select(Client.id)
            .where(Client.phone_digits.in_(variants), Client.merged_into_id.is_(None))
            .order_by(Client.id)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def ids_by_date_of_birth(self, day: date, limit: int = 50) -> list[int]:
        stmt = select(Client.id).where(Client.date_of_birth == day, Client.merged_into_id.is_(None)).limit(limit)
        return list(self.session.scalars(stmt))

    def count(self) -> int:
        from sqlalchemy import func

        return int(self.session.scalar(select(func.count()).select_from(Client)) or 0)
