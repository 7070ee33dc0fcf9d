"""Writing audit events from the services (inside the same transaction as the change).

Only actions registered in `desk.domain.audit.ACTIONS` are written (anything else is a programming
error and raises KeyError); every entry's details pass through `desk.domain.audit.scrub` with the
action's keys: the log says who did what to which record and which fields changed, never free text
or names (issue 15)."""

from __future__ import annotations

from typing import Any

from desk.domain.audit import audit_action, scrub
from desk.services.context import Actor
from desk.storage.uow import UnitOfWork


def record(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    *,
    entity_type: str = "",
    entity_id: int | None = None,
    client_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    audit_action(action)  # refuses an unregistered action before anything is written
    uow.audit.append(
        actor_id=actor.staff_id,
        actor_name=actor.name,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        client_id=client_id,
        details=scrub(details, action),
        workstation=actor.workstation,
    )
