"""Reading the audit log (Leitung): "who opened client X between these dates"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk.domain.audit import ACTIONS
from desk.domain.model import AuditRow
from desk.domain.permissions import Permission
from desk.services.accounts import ensure_current
from desk.services.audit import ListReadWriter
from desk.services.context import Actor
from desk.services.gate import requires
from desk.storage.uow import UnitOfWorkFactory


@dataclass(frozen=True)
class AuditFilter:
    client_id: int | None = None
    actor_id: int | None = None
    action: str | None = None  # exact ("client.read") or a prefix ending in "." ("login.")
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 1000


class AuditLogService:
    def __init__(self, uow: UnitOfWorkFactory, *, list_reads: ListReadWriter | None = None) -> None:
        self._uow = uow
        self._list_reads = list_reads

    @requires(Permission.AUDIT_READ)
    def query(self, actor: Actor, where: AuditFilter) -> list[AuditRow]:
        """Newest first. Reading the log is not itself logged (it holds no client data)."""
        prefix = where.action if where.action and where.action.endswith(".") else None
        if self._list_reads is not None:  # the log shows this process's searches up to now
            self._list_reads.flush()
        with self._uow() as uow:
            ensure_current(uow, actor, Permission.AUDIT_READ)
            return uow.audit.query(
                client_id=where.client_id, actor_id=where.actor_id,
                action=None if prefix else where.action, action_prefix=prefix,
                since=where.since, until=where.until, limit=where.limit,
            )

    @requires(Permission.AUDIT_READ)
    def actions(self, actor: Actor) -> list[str]:
        """The kinds of entries the log knows (for the filter list): the registry's codes."""
        return [a.code for a in ACTIONS]
