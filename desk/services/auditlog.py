"""Reading the audit log (Leitung): "who opened client X between these dates"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk.domain.model import AuditRow
from desk.domain.permissions import Permission
from desk.services.accounts import ensure_current
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
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    @requires(Permission.AUDIT_READ)
    def query(self, actor: Actor, where: AuditFilter) -> list[AuditRow]:
        """Newest first. Reading the log is not itself logged (it holds no client data)."""
        prefix = where.action if where.action and where.action.endswith(".") else None
        with self._uow() as uow:
            ensure_current(uow, actor, Permission.AUDIT_READ)
            return uow.audit.query(
                client_id=where.client_id, actor_id=where.actor_id,
                action=None if prefix else where.action, action_prefix=prefix,
                since=where.since, until=where.until, limit=where.limit,
            )

    @requires(Permission.AUDIT_READ)
    def actions(self, actor: Actor) -> list[str]:
        """The kinds of entries the log knows (for the filter list)."""
        return sorted(KNOWN_ACTIONS)


KNOWN_ACTIONS = frozenset({
    # logging in and the session
    "login.success", "login.failure", "login.refused", "session.lock", "session.unlock", "session.unlock_failure",
    "session.unlock_refused",
    # accounts
    "account.create", "account.create_first", "account.change", "account.permissions_change",
    "account.password_reset", "account.password_change", "account.password_change_failure", "account.own_room",
    # clients and their data
    "client.read", "client.lookup", "client.search_number", "client.create", "client.update", "client.import", "client.merge",
    "client.merged_away", "client.export", "client.erase", "retention.purge",
    # reception and the waiting list (visit.<transition> of desk.domain.waitlist.TRANSITIONS, and call)
    "visit.check_in", "visit.check_in_undone", "visit.call", "visit.call_again", "visit.start", "visit.done",
    "visit.no_show", "visit.back_to_waiting", "visit.hand_over", "visit.refer", "visit.take_over", "visit.undo",
    "visit.close_day", "alarm.raise", "alarm.acknowledge",
    # appointments, working hours, interpreters, reminders
    "appointment.create", "appointment.book", "appointment.edit", "appointment.reschedule", "appointment.cancel",
    "appointment.done", "appointment.no_show", "appointment.reminded", "appointment.unreminded",
    "working_hours.set", "absence.add", "absence.remove", "interpreter.create", "interpreter.update",
    "reminder.contact", "reminder.template",
    # rooms
    "booking.create", "booking.edit", "booking.edit_occurrence", "booking.split", "booking.extend",
    "booking.cancel", "booking.cancel_occurrence", "booking.restore_occurrence", "booking.participants",
    # setting up the centre, reports, backups
    "service.create", "service.change", "room.create", "room.change", "setting.change", "report.export",
    "backup.create", "backup.daily", "backup.restore", "backup.expire",
    # erasure (issue 15)
    "audit.redact", "privacy.wal_not_clean", "erasure.reapply", "retention.compact",
})
