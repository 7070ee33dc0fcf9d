"""Item models of the Verwaltung view: accounts, audit entries, backups, services, rooms.

FrozenRowsModels (desk/ui/models.py): columns as data, `data()` never touches the database,
plain strings only, `set_rows` updates rows in place so the selection survives live updates."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from desk.domain import audit
from desk.domain.accounts import AccountRow
from desk.domain.hours import format_hours
from desk.domain.model import AuditRow, RoomKind, RoomRow, ServiceRow
from desk.domain.tickets import format_client_number
from desk.services.backup import BackupFile
from desk.ui.i18n import current_language, fmt_datetime, translate
from desk.ui.models import ID_ROLE, ROW_ROLE, FrozenRowsModel, TableColumn, column_enum

__all__ = ["ID_ROLE", "ROW_ROLE", "AccountColumn", "AccountsModel", "AuditColumn", "AuditModel", "BackupColumn",
           "BackupsModel", "RoomColumn", "RoomsModel", "ServiceColumn", "ServicesModel"]


def _active(active: bool) -> str:
    return translate("verwaltung", "active") if active else translate("verwaltung", "deactivated")


def _yes_no(value: bool) -> str:
    return translate("verwaltung", "yes") if value else translate("verwaltung", "no")


def role_name(role: str) -> str:
    return {
        "empfang": translate("verwaltung", "Reception"),
        "beratung": translate("verwaltung", "Counselling"),
        "leitung": translate("verwaltung", "Head of department"),
        "display": translate("verwaltung", "Display"),
    }.get(role, role)


class AccountsModel(FrozenRowsModel[AccountRow]):
    context = "verwaltung"
    columns = (
        TableColumn("name", QT_TRANSLATE_NOOP("verwaltung", "Name"), lambda m, r: r.display_name, width=200),
        TableColumn("username", QT_TRANSLATE_NOOP("verwaltung", "User name"), lambda m, r: r.username, width=130),
        TableColumn("role", QT_TRANSLATE_NOOP("verwaltung", "Role"), lambda m, r: role_name(r.role.value), width=150),
        TableColumn("services", QT_TRANSLATE_NOOP("verwaltung", "Services"),
                    lambda m, r: m.service_names(r.service_ids), width=150),
        TableColumn("state", QT_TRANSLATE_NOOP("verwaltung", "State"), lambda m, r: account_state(r), stretch=True),
    )

    def __init__(self, service_names: Callable[[frozenset[int]], str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.service_names = service_names or (lambda ids: ", ".join(str(i) for i in sorted(ids)))


def account_state(row: AccountRow) -> str:
    if not row.active:
        return _active(False)
    if row.password_one_time:
        # the head set it (new account, reset) and the person has not chosen their own yet
        return translate("verwaltung", "active, one-time password (own one not chosen yet)")
    if row.failed_logins == 1:
        return translate("verwaltung", "active, 1 wrong password")
    if row.failed_logins:
        return translate("verwaltung", "active, {count} wrong passwords").format(count=row.failed_logins)
    return _active(True)


# The keys of an entry's details, in words (the values stay as recorded).
DETAIL_LABELS = {
    "absorbed": QT_TRANSLATE_NOOP("verwaltung", "taken over"), "active": QT_TRANSLATE_NOOP("verwaltung", "active"),
    "added": QT_TRANSLATE_NOOP("verwaltung", "added"),
    "already_present": QT_TRANSLATE_NOOP("verwaltung", "already there"),
    "appointment_id": QT_TRANSLATE_NOOP("verwaltung", "appointment"),
    "appointments": QT_TRANSLATE_NOOP("verwaltung", "appointments"),
    "appointments_anonymised": QT_TRANSLATE_NOOP("verwaltung", "appointments anonymised"),
    "at": QT_TRANSLATE_NOOP("verwaltung", "at"),
    "audit_events_deleted": QT_TRANSLATE_NOOP("verwaltung", "log entries deleted"),
    "bookable": QT_TRANSLATE_NOOP("verwaltung", "bookable"),
    "bookings_deleted": QT_TRANSLATE_NOOP("verwaltung", "bookings deleted"),
    "cancelled_because_taken": QT_TRANSLATE_NOOP("verwaltung", "cancelled because taken"),
    "capacity": QT_TRANSLATE_NOOP("verwaltung", "seats"),
    "clients_erased": QT_TRANSLATE_NOOP("verwaltung", "clients erased"),
    "closed": QT_TRANSLATE_NOOP("verwaltung", "closed"), "code": QT_TRANSLATE_NOOP("verwaltung", "code"),
    "consent": QT_TRANSLATE_NOOP("verwaltung", "consent"),
    "continued_as": QT_TRANSLATE_NOOP("verwaltung", "continued as"),
    "cutoffs": QT_TRANSLATE_NOOP("verwaltung", "cut-off dates"), "date": QT_TRANSLATE_NOOP("verwaltung", "date"),
    "dates": QT_TRANSLATE_NOOP("verwaltung", "dates"), "day": QT_TRANSLATE_NOOP("verwaltung", "day"),
    "display_label": QT_TRANSLATE_NOOP("verwaltung", "shown on the display as"),
    "display_name": QT_TRANSLATE_NOOP("verwaltung", "name"),
    "ends_at": QT_TRANSLATE_NOOP("verwaltung", "ends"), "ends_before": QT_TRANSLATE_NOOP("verwaltung", "ends before"),
    "erased_client_numbers": QT_TRANSLATE_NOOP("verwaltung", "erased client numbers"),
    "failed_in_a_row": QT_TRANSLATE_NOOP("verwaltung", "wrong passwords in a row"),
    "fields": QT_TRANSLATE_NOOP("verwaltung", "fields"), "file": QT_TRANSLATE_NOOP("verwaltung", "file"),
    "filled": QT_TRANSLATE_NOOP("verwaltung", "filled"), "format": QT_TRANSLATE_NOOP("verwaltung", "format"),
    "from": QT_TRANSLATE_NOOP("verwaltung", "from"),
    "from_staff": QT_TRANSLATE_NOOP("verwaltung", "client of"),
    "hours": QT_TRANSLATE_NOOP("verwaltung", "open hours"),
    "import_line": QT_TRANSLATE_NOOP("verwaltung", "import line"),
    "card": QT_TRANSLATE_NOOP("verwaltung", "card shown"),
    "query": QT_TRANSLATE_NOOP("verwaltung", "searched for"),
    "imported": QT_TRANSLATE_NOOP("verwaltung", "imported"),
    "interpreter_id": QT_TRANSLATE_NOOP("verwaltung", "interpreter"),
    "into": QT_TRANSLATE_NOOP("verwaltung", "into"), "key": QT_TRANSLATE_NOOP("verwaltung", "setting"),
    "kind": QT_TRANSLATE_NOOP("verwaltung", "kind"),
    "language": QT_TRANSLATE_NOOP("verwaltung", "language"),
    "linked_to": QT_TRANSLATE_NOOP("verwaltung", "linked to"),
    "list": QT_TRANSLATE_NOOP("verwaltung", "list"), "name": QT_TRANSLATE_NOOP("verwaltung", "name"),
    "name_de": QT_TRANSLATE_NOOP("verwaltung", "name"),
    "name_en": QT_TRANSLATE_NOOP("verwaltung", "name in English"),
    "new": QT_TRANSLATE_NOOP("verwaltung", "new"), "new_visit": QT_TRANSLATE_NOOP("verwaltung", "new visit"),
    "occurrences": QT_TRANSLATE_NOOP("verwaltung", "dates"), "old": QT_TRANSLATE_NOOP("verwaltung", "before"),
    "organisation": QT_TRANSLATE_NOOP("verwaltung", "organisation"),
    "by_code": QT_TRANSLATE_NOOP("verwaltung", "by the slip's code"),
    "self_service": QT_TRANSLATE_NOOP("verwaltung", "at the kiosk"),
    "skipped_holidays": QT_TRANSLATE_NOOP("verwaltung", "public holidays left out"),
    "party_size": QT_TRANSLATE_NOOP("verwaltung", "people"), "prefix": QT_TRANSLATE_NOOP("verwaltung", "ticket prefix"),
    "priority": QT_TRANSLATE_NOOP("verwaltung", "priority"), "reason": QT_TRANSLATE_NOOP("verwaltung", "reason"),
    "records": QT_TRANSLATE_NOOP("verwaltung", "records"),
    "rehashed": QT_TRANSLATE_NOOP("verwaltung", "password hash renewed"),
    "released_waiting": QT_TRANSLATE_NOOP("verwaltung", "people waiting for them released to their service"),
    "one_time": QT_TRANSLATE_NOOP("verwaltung", "one-time password (the person chooses their own)"),
    "one_time_password": QT_TRANSLATE_NOOP("verwaltung", "with a one-time password"),
    "replaced_one_time": QT_TRANSLATE_NOOP("verwaltung", "replaced a one-time password"),
    "rejected": QT_TRANSLATE_NOOP("verwaltung", "rejected"),
    "reminder_log_deleted": QT_TRANSLATE_NOOP("verwaltung", "reminder log entries deleted"),
    "replaced_kept_as": QT_TRANSLATE_NOOP("verwaltung", "replaced file kept as"),
    "reviewed": QT_TRANSLATE_NOOP("verwaltung", "reviewed"), "role": QT_TRANSLATE_NOOP("verwaltung", "role"),
    "room": QT_TRANSLATE_NOOP("verwaltung", "room"), "room_id": QT_TRANSLATE_NOOP("verwaltung", "room"),
    "rows": QT_TRANSLATE_NOOP("verwaltung", "rows"), "rrule": QT_TRANSLATE_NOOP("verwaltung", "repetition"),
    "rule": QT_TRANSLATE_NOOP("verwaltung", "repetition"), "series_id": QT_TRANSLATE_NOOP("verwaltung", "series"),
    "service": QT_TRANSLATE_NOOP("verwaltung", "service"), "services": QT_TRANSLATE_NOOP("verwaltung", "services"),
    "split_from": QT_TRANSLATE_NOOP("verwaltung", "split from"),
    "staff_id": QT_TRANSLATE_NOOP("verwaltung", "counsellor"),
    "starts_at": QT_TRANSLATE_NOOP("verwaltung", "starts"), "tables": QT_TRANSLATE_NOOP("verwaltung", "tables"),
    "ticket": QT_TRANSLATE_NOOP("verwaltung", "ticket"),
    "ticket_prefix": QT_TRANSLATE_NOOP("verwaltung", "ticket prefix"),
    "title": QT_TRANSLATE_NOOP("verwaltung", "title"), "to": QT_TRANSLATE_NOOP("verwaltung", "to"),
    "to_service": QT_TRANSLATE_NOOP("verwaltung", "to service"),
    "to_staff": QT_TRANSLATE_NOOP("verwaltung", "to counsellor"),
    "undone": QT_TRANSLATE_NOOP("verwaltung", "undone"), "until": QT_TRANSLATE_NOOP("verwaltung", "until"),
    "username": QT_TRANSLATE_NOOP("verwaltung", "user name"),
    "visit_ids": QT_TRANSLATE_NOOP("verwaltung", "visits"), "visits": QT_TRANSLATE_NOOP("verwaltung", "visits"),
    "visits_anonymised": QT_TRANSLATE_NOOP("verwaltung", "visits anonymised"),
    "wait_seconds": QT_TRANSLATE_NOOP("verwaltung", "waiting time (seconds)"),
    "cause": QT_TRANSLATE_NOOP("verwaltung", "cause"),
    "client_ids": QT_TRANSLATE_NOOP("verwaltung", "client numbers"),
    "display_calls_deleted": QT_TRANSLATE_NOOP("verwaltung", "display calls deleted"),
    "ledger_entries": QT_TRANSLATE_NOOP("verwaltung", "erasures in the ledger"),
    "steps": QT_TRANSLATE_NOOP("verwaltung", "steps"),
    "age_days": QT_TRANSLATE_NOOP("verwaltung", "age (days)"),
    "confirmed_old": QT_TRANSLATE_NOOP("verwaltung", "old backup confirmed"),
    "erasures_reapplied": QT_TRANSLATE_NOOP("verwaltung", "erasures applied again"),
    "rows_redacted": QT_TRANSLATE_NOOP("verwaltung", "entries redacted"),
    "revision": QT_TRANSLATE_NOOP("verwaltung", "schema"),
}


def action_label(action: str) -> str:
    """The registry's label (desk.domain.audit), translated; an unknown code as written."""
    entry = audit.BY_CODE.get(action)
    return translate("audit", entry.label) if entry else action


def group_label(prefix: str) -> str:
    entry = next((g for g in audit.GROUPS if g.prefix == prefix), None)
    return translate("audit", entry.label) if entry else prefix


class AuditModel(FrozenRowsModel[AuditRow]):
    context = "verwaltung"
    columns = (
        TableColumn("time", QT_TRANSLATE_NOOP("verwaltung", "Time"), lambda m, r: fmt_datetime(r.at), width=130,
                    sort=lambda m, r: r.at),
        TableColumn("user", QT_TRANSLATE_NOOP("verwaltung", "User"), lambda m, r: audit_user(r), width=140),
        TableColumn("action", QT_TRANSLATE_NOOP("verwaltung", "What"), lambda m, r: action_label(r.action), width=230),
        TableColumn("client", QT_TRANSLATE_NOOP("verwaltung", "Client"),
                    lambda m, r: "" if r.client_id is None else format_client_number(r.client_id), width=90),
        TableColumn("workstation", QT_TRANSLATE_NOOP("verwaltung", "Workstation"), lambda m, r: r.workstation,
                    width=110),
        TableColumn("details", QT_TRANSLATE_NOOP("verwaltung", "Details"), lambda m, r: _details(r.details),
                    stretch=True),
    )


def audit_user(row: AuditRow) -> str:
    if row.actor_id is None and row.actor_name == "login":
        return translate("verwaltung", "(login screen)")
    return row.actor_name


def _details(text: str) -> str:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return text
    if not isinstance(value, dict):
        return str(value)
    return "; ".join(f"{detail_label(k)}: {_detail_value(k, v)}" for k, v in sorted(value.items()))


# The lists a list read (`client.list_read`, detail `list`) names, in words.
LIST_NAMES = {
    "waiting_list": QT_TRANSLATE_NOOP("verwaltung", "waiting list"),
    "visits_today": QT_TRANSLATE_NOOP("verwaltung", "today's visits"),
    "appointments_today": QT_TRANSLATE_NOOP("verwaltung", "today's appointments"),
    "appointments": QT_TRANSLATE_NOOP("verwaltung", "appointment calendar"),
    "appointments_export": QT_TRANSLATE_NOOP("verwaltung", "calendar export (ICS)"),
    "reminders": QT_TRANSLATE_NOOP("verwaltung", "reminder list"),
    "reminder_problems": QT_TRANSLATE_NOOP("verwaltung", "reminders that did not go out"),
    "reminders_due": QT_TRANSLATE_NOOP("verwaltung", "reminders due (dry run, with addresses)"),
    "search": QT_TRANSLATE_NOOP("verwaltung", "search results"),
    "duplicates": QT_TRANSLATE_NOOP("verwaltung", "possible duplicates"),
}


def _detail_value(key: str, value: Any) -> str:
    if key == audit.CLIENT_IDS and isinstance(value, list):
        return ", ".join(format_client_number(i) if isinstance(i, int) else str(i) for i in value)
    if key == "list" and value in LIST_NAMES:
        return translate("verwaltung", LIST_NAMES[value])
    if key == "card" and value == "reception":  # client.read of the reception card (scoped reads)
        return translate("verwaltung", "reception card")
    return _value(value)


def detail_label(key: str) -> str:
    english = DETAIL_LABELS.get(key)
    return translate("verwaltung", english) if english else key


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return _yes_no(value)
    if value is None:
        return "–"
    return str(value)


BACKUP_KINDS = {
    "daily": QT_TRANSLATE_NOOP("verwaltung", "daily"),
    "weekly": QT_TRANSLATE_NOOP("verwaltung", "weekly"),
    "manual": QT_TRANSLATE_NOOP("verwaltung", "by hand"),
    "before-upgrade": QT_TRANSLATE_NOOP("verwaltung", "before an update"),
    "replaced": QT_TRANSLATE_NOOP("verwaltung", "replaced by a restore"),
}


class BackupsModel(FrozenRowsModel[BackupFile]):
    context = "verwaltung"
    columns = (
        TableColumn("time", QT_TRANSLATE_NOOP("verwaltung", "Made"), lambda m, r: fmt_datetime(r.made_at), width=140,
                    sort=lambda m, r: r.made_at),
        TableColumn("kind", QT_TRANSLATE_NOOP("verwaltung", "Kind"),
                    lambda m, r: translate("verwaltung", BACKUP_KINDS[r.kind]) if r.kind in BACKUP_KINDS else r.kind,
                    width=150),
        TableColumn("expires", QT_TRANSLATE_NOOP("verwaltung", "To be deleted on"), lambda m, r: backup_expiry(r), width=170),
        TableColumn("size", QT_TRANSLATE_NOOP("verwaltung", "Size"), lambda m, r: f"{r.size / 1e6:.1f} MB", width=90,
                    align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, sort=lambda m, r: r.size),
        TableColumn("file", QT_TRANSLATE_NOOP("verwaltung", "File"), lambda m, r: r.path.name, stretch=True),
    )

    def key(self, row: BackupFile) -> str:
        return str(row.path)


def backup_expiry(row: BackupFile) -> str:
    if row.expires_at is None:
        return translate("verwaltung", "not made by desk: kept")
    return fmt_datetime(row.expires_at)


def room_kind_name(kind: RoomKind) -> str:
    return {
        RoomKind.OFFICE: translate("verwaltung", "office"),
        RoomKind.GROUP: translate("verwaltung", "group room"),
        RoomKind.KITCHEN: translate("verwaltung", "kitchen"),
        RoomKind.RECEPTION: translate("verwaltung", "reception"),
    }[kind]


class ServicesModel(FrozenRowsModel[ServiceRow]):
    context = "verwaltung"
    columns = (
        TableColumn("name", QT_TRANSLATE_NOOP("verwaltung", "Service"), lambda m, r: r.name(current_language()),
                    width=260),
        TableColumn("code", QT_TRANSLATE_NOOP("verwaltung", "Code"), lambda m, r: r.code, width=70),
        TableColumn("prefix", QT_TRANSLATE_NOOP("verwaltung", "Ticket prefix"), lambda m, r: r.ticket_prefix,
                    width=90),
        TableColumn("hours", QT_TRANSLATE_NOOP("verwaltung", "Open consultation hours"),
                    lambda m, r: format_hours(r.hours, current_language()) or translate("verwaltung", "none"),
                    width=260),
        TableColumn("state", QT_TRANSLATE_NOOP("verwaltung", "State"), lambda m, r: _active(r.active), stretch=True),
    )


class RoomsModel(FrozenRowsModel[RoomRow]):
    context = "verwaltung"
    columns = (
        TableColumn("name", QT_TRANSLATE_NOOP("verwaltung", "Room"), lambda m, r: r.name, width=200),
        TableColumn("kind", QT_TRANSLATE_NOOP("verwaltung", "Kind"), lambda m, r: room_kind_name(r.kind), width=130),
        TableColumn("bookable", QT_TRANSLATE_NOOP("verwaltung", "Bookable"), lambda m, r: _yes_no(r.bookable),
                    width=90),
        TableColumn("label", QT_TRANSLATE_NOOP("verwaltung", "Shown on the display as"), lambda m, r: r.display_label,
                    width=200),
        TableColumn("state", QT_TRANSLATE_NOOP("verwaltung", "State"), lambda m, r: _active(r.active), stretch=True),
    )


AccountColumn = column_enum("AccountColumn", AccountsModel.columns, __name__)
AuditColumn = column_enum("AuditColumn", AuditModel.columns, __name__)
BackupColumn = column_enum("BackupColumn", BackupsModel.columns, __name__)
ServiceColumn = column_enum("ServiceColumn", ServicesModel.columns, __name__)
RoomColumn = column_enum("RoomColumn", RoomsModel.columns, __name__)
