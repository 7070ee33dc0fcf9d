"""The audit log is append-only on both engines: not through raw SQL, not through the unit of
work; the only deletion path is the retention purge for rows older than the permit cutoff,
and the database refuses a cutoff younger than six months."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, text, update

from desk.domain.errors import DatabaseError
from desk.services.audit import record
from desk.services.auditlog import AuditFilter
from desk.storage.models import AuditEvent


def _add_event(services, head, client_id: int = 7) -> int:
    with services.uow(write=True) as uow:
        record(uow, head, "client.read", entity_type="client", entity_id=client_id, client_id=client_id)
        uow.commit()
    with services.uow() as uow:
        return max(r.id for r in uow.audit.query(limit=5))


def _insert_at(services, at: datetime, action: str = "client.read") -> None:
    with services.db.engine.begin() as connection:
        connection.execute(
            AuditEvent.__table__.insert().values(at=at, actor_name="x", action=action, entity_type="client",
                                                 entity_id=1, client_id=1, details="{}", workstation="t"))


def test_audit_rows_cannot_be_updated_or_deleted_through_the_unit_of_work(services, head) -> None:
    event_id = _add_event(services, head)
    with pytest.raises(DatabaseError):
        with services.uow(write=True) as uow:
            uow.session.execute(update(AuditEvent).where(AuditEvent.id == event_id).values(action="x"))
            uow.commit()
    with pytest.raises(DatabaseError):
        with services.uow(write=True) as uow:
            uow.session.execute(delete(AuditEvent).where(AuditEvent.id == event_id))
            uow.commit()
    with pytest.raises(DatabaseError):  # the ORM path too
        with services.uow(write=True) as uow:
            uow.session.delete(uow.session.get(AuditEvent, event_id))
            uow.commit()
    rows = services.audit_log.query(head, AuditFilter(client_id=7))
    assert [r.id for r in rows] == [event_id] and rows[0].action == "client.read"


def test_audit_rows_cannot_be_changed_with_raw_sql(services, head) -> None:
    _add_event(services, head)
    statements = ["UPDATE audit_events SET actor_name = 'someone else'", "DELETE FROM audit_events"]
    if services.db.engine.dialect.name == "postgresql":
        statements.append("TRUNCATE audit_events")
    for sql in statements:
        with pytest.raises(Exception, match="append-only"):
            with services.db.engine.begin() as connection:
                connection.execute(text(sql))
    assert len(services.audit_log.query(head, AuditFilter())) == 1


def test_only_the_purge_deletes_and_only_rows_older_than_the_retention(services, head) -> None:
    now = datetime.now(UTC)
    _insert_at(services, now - timedelta(days=800))  # older than the default 24 months
    _insert_at(services, now - timedelta(days=200))  # younger: stays
    # a permit younger than six months is refused by the database itself
    with pytest.raises(Exception, match="six months"):
        with services.db.engine.begin() as connection:
            connection.execute(text("INSERT INTO audit_purge_permit (id, cutoff) VALUES (1, :c)"),
                               {"c": (now - timedelta(days=30)).replace(tzinfo=None)})
    report = services.privacy.purge(head)
    assert report.audit_events_deleted == 1
    left = services.audit_log.query(head, AuditFilter(action="client.read"))
    assert len(left) == 1
    # with the permit in place, a younger row is still refused
    with pytest.raises(Exception, match="append-only"):
        with services.db.engine.begin() as connection:
            connection.execute(text("DELETE FROM audit_events"))


def test_viewer_filters_who_opened_client_x_between_dates(services, head, reception) -> None:
    now = datetime.now(UTC)
    with services.uow(write=True) as uow:
        record(uow, reception, "client.read", entity_type="client", entity_id=5, client_id=5)
        record(uow, head, "client.read", entity_type="client", entity_id=6, client_id=6)
        record(uow, head, "client.export", entity_type="client", entity_id=5, client_id=5)
        uow.commit()
    rows = services.audit_log.query(head, AuditFilter(client_id=5, action="client.read",
                                                      since=now - timedelta(minutes=5),
                                                      until=now + timedelta(minutes=5)))
    assert [(r.actor_name, r.client_id) for r in rows] == [(reception.name, 5)]
    assert services.audit_log.query(head, AuditFilter(client_id=5, since=now + timedelta(minutes=5))) == []
    assert {r.action for r in services.audit_log.query(head, AuditFilter(action="client."))} == {
        "client.read", "client.export"}
