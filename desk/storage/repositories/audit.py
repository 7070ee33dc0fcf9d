"""The audit log: append and read. The database refuses updates and deletes (triggers)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select
from sqlalchemy.orm import Session

from desk.domain.audit import CLIENT_IDS
from desk.domain.model import AuditRow
from desk.storage.models import AuditEvent
from desk.storage.prepared import Prepared

_INSERT = Prepared(insert(AuditEvent))


def audit_entry(*, actor_id: int | None, actor_name: str, action: str, entity_type: str = "",
                entity_id: int | None = None, client_id: int | None = None, details: dict[str, Any] | None = None,
                workstation: str = "", at: datetime | None = None) -> dict[str, Any]:
    """The column values of one audit entry (AuditRepository.append_entry, or a statement that
    inserts it together with its subject: VisitRepository.add_row)."""
    return {
        "at": at or datetime.now(UTC),
        "actor_id": actor_id,
        "actor_name": actor_name,
        "action": action,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "client_id": client_id,
        "details": json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str),
        "workstation": workstation,
    }


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def append(
        self,
        *,
        actor_id: int | None,
        actor_name: str,
        action: str,
        entity_type: str = "",
        entity_id: int | None = None,
        client_id: int | None = None,
        details: dict[str, Any] | None = None,
        workstation: str = "",
        at: datetime | None = None,
    ) -> None:
        self.append_entry(audit_entry(actor_id=actor_id, actor_name=actor_name, action=action,
                                      entity_type=entity_type, entity_id=entity_id, client_id=client_id,
                                      details=details, workstation=workstation, at=at))

    def append_entry(self, entry: dict[str, Any], connection: Connection | None = None) -> None:
        """Insert an entry made by audit_entry() (on `connection`, the session's, when the caller
        has it at hand)."""
        # a plain INSERT, built once and compiled once (desk.storage.prepared)
        _INSERT.execute(connection or self.session, entry)

    def query(
        self,
        *,
        client_id: int | None = None,
        actor_id: int | None = None,
        action: str | None = None,
        action_prefix: str | None = None,
        entity_type: str | None = None,
        entity_id: int | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 500,
    ) -> list[AuditRow]:
        stmt = select(AuditEvent)
        if client_id is not None:  # its own entries, and the entries about several clients naming it
            stmt = stmt.where(or_(AuditEvent.client_id == client_id, names_client(client_id)))
        if actor_id is not None:
            stmt = stmt.where(AuditEvent.actor_id == actor_id)
        if action:
            stmt = stmt.where(AuditEvent.action == action)
        if action_prefix:
            stmt = stmt.where(AuditEvent.action.startswith(action_prefix, autoescape=True))
        if entity_type:
            stmt = stmt.where(AuditEvent.entity_type == entity_type)
        if entity_id is not None:
            stmt = stmt.where(AuditEvent.entity_id == entity_id)
        if since is not None:
            stmt = stmt.where(AuditEvent.at >= since)
        if until is not None:
            stmt = stmt.where(AuditEvent.at < until)
        stmt = stmt.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)
        rows = [
            AuditRow(
                id=e.id,
                at=e.at,
                actor_id=e.actor_id,
                actor_name=e.actor_name,
                action=e.action,
                entity_type=e.entity_type,
                entity_id=e.entity_id,
                client_id=e.client_id,
                details=e.details,
                workstation=e.workstation,
            )
            for e in self.session.scalars(stmt)
        ]
        if client_id is None:
            return rows
        return [r for r in rows if r.client_id == client_id or client_id in client_ids_in(r.details)]


def names_client(client_id: int):
    """Entries whose `client_ids` list holds `client_id` (the JSON text is written with
    json.dumps' ", " separators and sorted keys); a LIKE narrows, _client_ids decides."""
    key = f'%"{CLIENT_IDS}": ['
    return and_(
        AuditEvent.client_id.is_(None),
        or_(*(AuditEvent.details.like(f"{key}{pattern}%") for pattern in
              (f"{client_id}]", f"{client_id},", f"%, {client_id},", f"%, {client_id}]"))),
    )


def client_ids_in(details: str) -> list[int]:
    try:
        value = json.loads(details or "{}").get(CLIENT_IDS)
    except (ValueError, AttributeError):
        return []
    return [i for i in value if isinstance(i, int)] if isinstance(value, list) else []
