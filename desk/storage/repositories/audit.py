"""The audit log: append and read. The database refuses updates and deletes (triggers)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.domain.model import AuditRow
from desk.storage.models import AuditEvent


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
    ) -> None:
        self.session.add(
            AuditEvent(
                at=datetime.now(UTC),
                actor_id=actor_id,
                actor_name=actor_name,
                action=action,
                entity_type=entity_type,
                entity_id=entity_id,
                client_id=client_id,
                details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str),
                workstation=workstation,
            )
        )

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
        if client_id is not None:
            stmt = stmt.where(AuditEvent.client_id == client_id)
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
        return [
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
