"""What an audit entry may hold, and the one registry of audit actions.

An entry says who did what to which record and which fields changed — never free text, and never
a client's name. Every action the code writes is registered in `ACTIONS` below with its label (English,
translated in the UI: scripts/i18n.py collects it) and the keys whose *text* the entry may keep;
the writer (services/audit.py) refuses an unregistered action, and the audit log's filter and its
labels are built from this list.

Every entry passes through `scrub` before it is written, with the action's own keys; migration 0004
ran the same rule (with every action's keys) over the entries written before it. The rule:

- numbers, booleans and empty values are kept under any key (ids, counts, flags);
- keys ending in `_id`/`_ids` and `fields` (the names of changed fields) are kept under any action;
- text is kept only under the keys the action declares (`AuditAction.keeps`), whose values desk
  makes itself (dates and times, status and kind codes, ticket numbers, file names of backups; the
  names of staff accounts where the actor column has them too: `via`, `from_staff`);
- any other key that holds text (a note, a cancel reason, a booking title, an organiser, a typed
  user name, a setting's text value …) is dropped, and its name is added to `fields`, so the
  entry still says *that* it changed, not *what* it said.

Adding an action: one `_action(...)` line here (its prefix in `GROUPS` when the prefix is new and has
two or more actions), then `python scripts/i18n.py update` and translate the label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AuditAction:
    code: str  # "booking.create": group prefix, a dot, the verb
    label: str  # English; translated in the UI (context "audit")
    keeps: frozenset[str] = frozenset()  # keys whose text values this entry may keep

    @property
    def group(self) -> str:
        return self.code.split(".", 1)[0]


@dataclass(frozen=True)
class AuditGroup:
    prefix: str
    label: str  # English, "... (all)": the filter's entry for every action of the group


def _action(code: str, label: str, *keeps: str) -> AuditAction:
    return AuditAction(code, label, frozenset(keeps))


def _group(prefix: str, label: str) -> AuditGroup:
    return AuditGroup(prefix, label)


#: The groups the audit filter offers as a whole (the prefixes with two or more actions).
GROUPS: tuple[AuditGroup, ...] = (
    _group("login", "Logins (all)"),
    _group("session", "Locking and unlocking (all)"),
    _group("account", "Accounts (all)"),
    _group("client", "Clients (all)"),
    _group("visit", "Waiting list (all)"),
    _group("alarm", "Silent alarm (all)"),
    _group("appointment", "Appointments (all)"),
    _group("absence", "Absences (all)"),
    _group("interpreter", "Interpreters (all)"),
    _group("reminder", "Reminders (all)"),
    _group("booking", "Room bookings (all)"),
    _group("service", "Services (all)"),
    _group("room", "Rooms (all)"),
    _group("backup", "Backups (all)"),
    _group("retention", "Retention (all)"),
    _group("kiosk", "Self-service kiosk (all)"),
)

#: Every action desk writes into the audit log.
ACTIONS: tuple[AuditAction, ...] = (
    # logging in and the session
    _action("login.success", "Logged in", "via"),
    _action("login.failure", "Wrong password or user name", "cause"),
    _action("login.refused", "Login refused (waiting)", "cause"),
    _action("session.lock", "Window locked"),
    _action("session.unlock", "Window unlocked"),
    _action("session.unlock_failure", "Wrong password at unlock"),
    _action("session.unlock_refused", "Unlock refused (waiting)", "cause"),
    # accounts
    _action("account.create", "Account created", "role"),
    _action("account.create_first", "First account created", "role"),
    _action("account.change", "Account changed", "role"),
    _action("account.permissions_change", "Role or services changed", "role"),
    _action("account.password_reset", "Password reset"),
    _action("account.password_recover", "Head of department's forgotten password recovered (desk-admin recover-head)"),
    _action("account.password_change", "Own password changed"),
    _action("account.password_change_failure", "Wrong old password when changing it"),
    _action("account.own_room", "Own room chosen", "room"),
    # clients and their data
    _action("client.read", "Client card opened", "card"),  # which card: "reception" (scoped), never its content
    _action("client.list_read", "Client list shown", "list"),  # LIST_READ: which list, the client numbers
    _action("client.lookup", "Client looked up by number"),
    _action("client.search_number", "Client searched by client number"),
    _action("client.create", "Client created"),
    _action("client.update", "Client changed"),
    _action("client.import", "Clients imported"),
    _action("client.merge", "Clients merged", "filled"),
    _action("client.merged_away", "Client merged into another"),
    _action("client.export", "Client data exported", "tables", "rows"),
    _action("client.erase", "Client erased"),
    _action("retention.purge", "Retention purge", "cutoffs"),
    _action("retention.compact", "Database files compacted"),
    # reception and the waiting list (visit.<transition> of desk.domain.waitlist.TRANSITIONS)
    _action("visit.check_in", "Checked in", "ticket", "service", "priority"),
    _action("visit.check_in_undone", "Check-in taken back", "ticket"),
    _action("visit.client_attached", "Client attached to an anonymous ticket", "ticket"),
    _action("visit.call", "Called", "ticket", "room"),
    _action("visit.call_again", "Called again", "ticket", "room"),
    _action("visit.start", "Session started", "ticket"),
    _action("visit.done", "Visit finished", "ticket"),
    _action("visit.no_show", "Did not come (no-show)", "ticket"),
    _action("visit.back_to_waiting", "Back on the waiting list", "ticket"),
    _action("visit.hand_over", "Handed over", "ticket", "to_service"),
    _action("visit.refer", "Referred elsewhere", "ticket"),
    _action("visit.take_over", "Colleague's client taken over", "ticket", "from_staff"),
    _action("visit.undo", "Waiting-list action undone", "ticket", "undone"),
    _action("visit.close_day", "End of day: open visits closed", "day"),
    _action("alarm.raise", "Silent alarm raised", "room"),
    _action("alarm.acknowledge", "Silent alarm acknowledged"),
    # appointments, working hours, interpreters, reminders
    _action("appointment.create", "Appointment created"),  # the demo's history
    _action("appointment.book", "Appointment booked", "at", "skipped_holidays"),
    _action("appointment.edit", "Appointment changed", "time", "interpreter_language"),
    _action("appointment.reschedule", "Appointment moved", "time", "interpreter_language"),
    _action("appointment.cancel", "Appointment cancelled", "from"),
    _action("appointment.done", "Appointment marked done", "from"),
    _action("appointment.no_show", "Appointment marked no-show", "from"),
    _action("appointment.no_show_undone", "No-show taken back", "from"),
    _action("appointment.reminded", "Client reminded of the appointment"),
    _action("appointment.unreminded", "Reminder tick removed"),
    _action("working_hours.set", "Working hours set", "hours"),
    _action("absence.add", "Absence entered", "from", "to"),
    _action("absence.remove", "Absence removed", "from", "to"),
    _action("interpreter.create", "Interpreter added"),
    _action("interpreter.update", "Interpreter changed"),
    _action("reminder.contact", "Reminder consent or contact changed", "consent"),
    _action("reminder.template", "Reminder text changed", "language"),
    # rooms
    _action("booking.create", "Room booked", "starts_at", "ends_at", "rule", "rrule", "cancelled_because_taken"),
    _action("booking.edit", "Room booking changed", "kind", "starts_at", "ends_at", "rrule", "holiday_policy"),
    _action("booking.edit_occurrence", "One date of a room booking changed", "date"),
    _action("booking.split", "Booking series split", "ends_before"),
    _action("booking.extend", "Open booking series extended", "until", "cancelled_because_taken"),
    _action("booking.cancel", "Room booking cancelled", "from"),
    _action("booking.cancel_occurrence", "One date of a room booking cancelled", "date"),
    _action("booking.restore_occurrence", "Cancelled date restored", "date"),
    _action("booking.participants", "Participants entered", "date"),
    # setting up the centre, reports, backups
    _action("service.create", "Service created", "hours"),
    _action("service.change", "Service changed", "hours"),
    _action("room.create", "Room created", "kind"),
    _action("room.change", "Room changed", "room", "kind"),
    _action("setting.change", "Setting changed", "key"),
    _action("report.export", "Report exported", "format", "from", "to"),
    _action("backup.create", "Backup made", "file"),
    _action("backup.daily", "Daily backup", "file"),
    _action("backup.restore", "Backup restored", "file", "replaced_kept_as", "kept_as", "backup_taken_at"),
    _action("backup.expire", "Expired backups deleted"),
    # the self-service kiosk (issue 20): its check-ins are visit.check_in with self_service
    _action("kiosk.code_failed", "Kiosk: wrong appointment code", "cause"),
    _action("kiosk.code_refused", "Kiosk: appointment check-in refused", "cause"),
    _action("kiosk.language_saved", "Kiosk language added or changed", "language"),
    _action("kiosk.language_removed", "Kiosk language removed", "language"),
    # erasure (issue 15)
    _action("audit.redact", "Free text removed from the audit log (upgrade)", "revision"),
    _action("privacy.wal_not_clean", "Write-ahead log not yet emptied after erasure"),
    _action("erasure.reapply", "Erasures applied again after a restore"),
)

BY_CODE: dict[str, AuditAction] = {a.code: a for a in ACTIONS}

#: One entry for a read of a list of clients (the waiting list, a day's appointments, search
#: results, an export): `client_ids` holds the client numbers the list showed, `list` which list
#: it was (services/audit.py:ListReads).
LIST_READ = "client.list_read"
#: The detail key of entries about several clients at once (list reads, erasures re-applied);
#: the audit query for one client finds them too (storage/repositories/audit.py).
CLIENT_IDS = "client_ids"

#: Keys kept under any action: the names of the changed fields (desk's own words).
FIELDS = "fields"
#: Text keys only entries of earlier versions carry (migration 0004 kept them).
FORMER_TEXT_KEYS = frozenset({"status"})
#: Every key some action may keep text under: the rule migration 0004 ran over old entries.
SYSTEM_TEXT_KEYS = frozenset({FIELDS} | FORMER_TEXT_KEYS).union(*(a.keeps for a in ACTIONS))


def audit_action(code: str) -> AuditAction:
    """The registered action; KeyError names an action nobody registered (a programming error)."""
    try:
        return BY_CODE[code]
    except KeyError:
        raise KeyError(f"audit action {code!r} is not registered in desk.domain.audit.ACTIONS") from None




def _has_text(value: Any) -> bool:
    if isinstance(value, str):
        return value != ""
    if isinstance(value, dict):
        return any(_has_text(v) for v in value.values())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_has_text(v) for v in value)
    return False


def scrub(details: dict[str, Any] | None, action: str | None = None) -> dict[str, Any]:
    """The details with every free-text value removed (its key listed under `fields`): text is kept
    under `action`'s keys (without an action, under any action's keys — migration 0004)."""
    if not details:
        return {}
    keeps = SYSTEM_TEXT_KEYS if action is None else audit_action(action).keeps | {FIELDS}
    kept: dict[str, Any] = {}
    dropped: list[str] = []
    for key, value in details.items():
        if str(key) in keeps or str(key).endswith(("_id", "_ids")) or not _has_text(value):
            kept[key] = value
        else:
            dropped.append(str(key))
    if dropped:
        existing = kept.get(FIELDS)
        names = [str(n) for n in existing] if isinstance(existing, list) else []
        kept[FIELDS] = sorted(set(names) | set(dropped))
    return kept
