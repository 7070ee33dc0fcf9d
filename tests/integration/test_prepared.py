"""desk.storage.prepared: a statement run on the driver's cursor answers exactly as SQLAlchemy's
own execution does (types converted both ways, defaults filled in, fixed values bound), and a
driver error leaves it as the same SQLAlchemy exception - on both engines."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import bindparam, func, insert, literal_column, select, update
from sqlalchemy.exc import IntegrityError

from desk.domain.errors import ValidationError
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.storage.models import AuditEvent, ChangeCounter, Client, Service, Visit
from desk.storage.prepared import Prepared, session_connection
from desk.storage.repositories.visits import _insert_returning_row, _take_ticket_statement

NOW = datetime(2026, 11, 25, 9, 30, 12, 345678, tzinfo=UTC)


def _both(services, statement, params, *, skip_first=False):
    """(SQLAlchemy's rows, the prepared statement's rows), each in a transaction rolled back."""
    db = services.db
    with db.session(write=True) as session:
        expected = [tuple(row) for row in session.connection().execute(statement, params).all()]
        session.rollback()
    with db.session(write=True) as session:
        got = Prepared(statement).all(session, params)
        session.rollback()
    if skip_first:  # an id from a sequence (not rolled back on PostgreSQL)
        expected = [row[1:] for row in expected]
        got = [row[1:] for row in got]
    return expected, got


def test_rows_and_types_as_sqlalchemy_gives_them(services, reception, head):
    client = services.clients.create(reception, ClientInput(given_name="Amina", family_name="Yusuf",
                                                            language="so", interpreter_needed=True))
    service = next(s for s in services.reference.services(head) if s.code == "MBE")
    visit = services.checkin.check_in(reception, CheckInRequest(client_id=client.id, service_id=service.id), now=NOW)

    columns = select(Visit.id, Visit.ticket_day, Visit.arrived_at, Visit.first_called_at, Visit.self_service,
                     Visit.status, Client.interpreter_needed, Client.date_of_birth, Client.created_at)
    statement = columns.join(Client, Client.id == Visit.client_id).where(Visit.id == bindparam("id"))
    expected, got = _both(services, statement, {"id": visit.id})
    assert got == expected and len(got) == 1
    (row,) = got
    assert row[1] == NOW.date() and row[2] == NOW and row[2].tzinfo is UTC and row[4] is False and row[6] is True

    # an UPDATE ... RETURNING with a fixed value in the statement (value + 1)
    bump = (update(ChangeCounter).where(ChangeCounter.id == 1)
            .values(value=ChangeCounter.value + 1, changed_at=bindparam("at", type_=ChangeCounter.changed_at.type))
            .returning(ChangeCounter.value, ChangeCounter.changed_at))
    expected, got = _both(services, bump, {"at": NOW})
    assert got == expected and got[0][1] == NOW

    # the check-in's own statements: the ticket upsert, the visit's INSERT (its column defaults)
    ticket = _take_ticket_statement(services.db.engine.dialect.name).statement
    expected, got = _both(services, ticket, {"service_id": service.id, "day": date(2026, 11, 26)})
    assert got == expected == [(1, service.code, service.ticket_prefix)]
    fields = dict(client_id=None, service_id=service.id, ticket_day=date(2026, 11, 26), ticket_number=7,
                  ticket_prefix="X", status="waiting", priority="normal", arrived_at=NOW, updated_at=NOW,
                  first_visit=False, residence="unknown", status_group="unknown")
    expected, got = _both(services, _insert_returning_row().statement, fields, skip_first=True)
    assert got == expected and len(got) == 1


def test_a_row_less_answer_and_a_plain_insert(services):
    statement = select(Service.id).where(Service.id == bindparam("id"))
    expected, got = _both(services, statement, {"id": -1})
    assert got == expected == []
    entry = {"at": NOW, "actor_id": None, "actor_name": "t", "action": "visit.check_in", "entity_type": "visit",
             "entity_id": 1, "client_id": None, "details": "{}", "workstation": "w"}
    with services.db.session(write=True) as session:
        Prepared(insert(AuditEvent)).execute(session, entry)
        count = session.connection().execute(
            select(literal_column("count(*)")).select_from(AuditEvent.__table__)
            .where(AuditEvent.actor_name == "t", AuditEvent.at == NOW)).scalar_one()
        session.rollback()
    assert count == 1


def test_a_driver_error_is_sqlalchemys_and_the_session_goes_on(services, reception, head):
    service = next(s for s in services.reference.services(head) if s.code == "MBE")
    fields = dict(client_id=None, service_id=service.id, ticket_day=date(2026, 11, 26), ticket_number=1,
                  ticket_prefix="X", status="waiting", priority="normal", arrived_at=NOW, updated_at=NOW,
                  first_visit=False, residence="unknown", status_group="unknown")
    with services.db.session(write=True) as session:
        _insert_returning_row().all(session, fields)
        with pytest.raises(IntegrityError):  # the same (service, day, number) twice
            _insert_returning_row().all(session, fields)
        session.rollback()
    with services.db.session(write=True) as session:  # the next transaction, on a new connection if need be
        assert session_connection(session) is session.connection()
        assert Prepared(select(Service.id).where(Service.id == service.id)).all(session) == [(service.id,)]
        session.rollback()


@pytest.mark.parametrize("code", ["MBE", 'Ä"\\\t\x01\u2028é/'])
def test_the_check_ins_audit_entry_names_the_service_as_json_dumps_writes_it(services, reception, head, code):
    """On PostgreSQL the check-in's one statement puts the service's code into the entry's JSON
    (to_json); it must be the very text Python writes (json.dumps, as every other entry)."""
    import json

    from sqlalchemy import text

    service = next(s for s in services.reference.services(head) if s.code == "MBE")
    with services.db.session(write=True) as session:
        session.execute(text("UPDATE services SET code = :code WHERE id = :id"), {"code": code, "id": service.id})
        session.commit()
    client = services.clients.create(reception, ClientInput(given_name="Amina", family_name="Yusuf"))
    visit = services.checkin.check_in(reception, CheckInRequest(client_id=client.id, service_id=service.id,
                                                                party_size=2), now=NOW)
    with services.db.session(write=False) as session:
        details = session.execute(text("SELECT details FROM audit_events WHERE action = 'visit.check_in' "
                                       "AND entity_id = :id"), {"id": visit.id}).scalar_one()
    expected = {"service": code, "party_size": 2, "appointment_id": None, "priority": "normal"}
    assert details == json.dumps(expected, ensure_ascii=False, sort_keys=True)
    assert visit.ticket.startswith(service.ticket_prefix)


def test_an_inactive_service_gives_no_number_and_writes_nothing(services, reception, head):
    from sqlalchemy import text

    from desk.domain.errors import NotFoundError

    service = next(s for s in services.reference.services(head) if s.code == "MBE")
    with services.db.session(write=True) as session:
        session.execute(text("UPDATE services SET active = false WHERE id = :id"), {"id": service.id})
        session.commit()
    client = services.clients.create(reception, ClientInput(given_name="Amina", family_name="Yusuf"))
    with pytest.raises(NotFoundError, match="not available"):
        services.checkin.check_in(reception, CheckInRequest(client_id=client.id, service_id=service.id), now=NOW)
    with services.db.session(write=False) as session:
        counts = session.execute(text(
            "SELECT (SELECT count(*) FROM visits), (SELECT count(*) FROM ticket_counters), "
            "(SELECT count(*) FROM audit_events WHERE action = 'visit.check_in'), "
            "(SELECT last_contact_at FROM clients WHERE id = :id)"), {"id": client.id}).one()
    assert tuple(counts) == (0, 0, 0, None)


def test_a_broken_character_bound_by_a_prepared_statement_is_refused_with_a_message(services, head):
    """A lone surrogate cannot be encoded for either driver; bound by a prepared statement, the
    driver's UnicodeEncodeError comes wrapped in SQLAlchemy's StatementError (the check-in's CI
    failure of session 27). The unit of work still turns it into the user's message."""
    service = next(s for s in services.reference.services(head) if s.code == "MBE")
    fields = dict(client_id=None, service_id=service.id, ticket_day=date(2026, 11, 26), ticket_number=1,
                  ticket_prefix="\ud800", status="waiting", priority="normal", arrived_at=NOW, updated_at=NOW,
                  first_visit=False, residence="unknown", status_group="unknown")
    with pytest.raises(ValidationError, match="broken character"):
        with services.uow(write=True) as uow:
            _insert_returning_row().all(uow.session, fields)
            uow.commit()
    with services.db.session(write=False) as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 0
