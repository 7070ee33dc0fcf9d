"""Item models of the Verwaltung view: accounts, audit entries, backups.

Each is a QAbstractTableModel over an in-memory list of immutable rows; `data()` never touches
the database; plain strings only. `set_rows` updates rows in place where the id is the same,
so the selection survives live updates."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.domain import audit
from desk.domain.accounts import AccountRow
from desk.domain.hours import format_hours
from desk.domain.model import AuditRow, RoomKind, RoomRow, ServiceRow
from desk.domain.tickets import format_client_number
from desk.services.backup import BackupFile
from desk.ui.i18n import current_language, fmt_datetime, translate
from desk.ui.widgets.text import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

T = TypeVar("T")
_Index = QModelIndex | QPersistentModelIndex


def role_name(role: str) -> str:
    return {
        "empfang": translate("verwaltung", "Reception"),
        "beratung": translate("verwaltung", "Counselling"),
        "leitung": translate("verwaltung", "Head of department"),
        "display": translate("verwaltung", "Display"),
    }.get(role, role)


class _RowsModel(QAbstractTableModel, Generic[T]):
    """Shared machinery; subclasses name their columns and how a cell reads."""

    columns: type[IntEnum]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # subclasses
    def key(self, row: T) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def cell(self, row: T, column: int) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def header(self, column: int) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    # API
    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_rows(self, rows: Sequence[T]) -> None:
        new = list(rows)
        old_keys = [self.key(r) for r in self._rows]
        new_keys = [self.key(r) for r in new]
        if old_keys == new_keys:
            self._rows = new
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    # Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(str(self.cell(row, index.column()) or ""))
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == ID_ROLE:
            return self.key(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.header(section)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))


class AccountColumn(IntEnum):
    NAME = 0
    USERNAME = 1
    ROLE = 2
    SERVICES = 3
    STATE = 4


class AccountsModel(_RowsModel[AccountRow]):
    columns = AccountColumn

    def __init__(self, service_names: Callable[[frozenset[int]], str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.service_names = service_names or (lambda ids: ", ".join(str(i) for i in sorted(ids)))

    def key(self, row: AccountRow) -> int:
        return row.id

    def header(self, column: int) -> str:
        return {
            AccountColumn.NAME: translate("verwaltung", "Name"),
            AccountColumn.USERNAME: translate("verwaltung", "User name"),
            AccountColumn.ROLE: translate("verwaltung", "Role"),
            AccountColumn.SERVICES: translate("verwaltung", "Services"),
            AccountColumn.STATE: translate("verwaltung", "State"),
        }[AccountColumn(column)]

    def cell(self, row: AccountRow, column: int) -> str:
        if column == AccountColumn.NAME:
            return row.display_name
        if column == AccountColumn.USERNAME:
            return row.username
        if column == AccountColumn.ROLE:
            return role_name(row.role.value)
        if column == AccountColumn.SERVICES:
            return self.service_names(row.service_ids)
        if not row.active:
            return translate("verwaltung", "deactivated")
        if row.failed_logins == 1:
            return translate("verwaltung", "active, 1 wrong password")
        if row.failed_logins:
            return translate("verwaltung", "active, {count} wrong passwords").format(count=row.failed_logins)
        return translate("verwaltung", "active")


class AuditColumn(IntEnum):
    TIME = 0
    USER = 1
    ACTION = 2
    CLIENT = 3
    WORKSTATION = 4
    DETAILS = 5


#: The keys of an entry's details, in words (the values stay as recorded).
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
    "party_size": QT_TRANSLATE_NOOP("verwaltung", "people"), "prefix": QT_TRANSLATE_NOOP("verwaltung", "ticket prefix"),
    "priority": QT_TRANSLATE_NOOP("verwaltung", "priority"), "reason": QT_TRANSLATE_NOOP("verwaltung", "reason"),
    "records": QT_TRANSLATE_NOOP("verwaltung", "records"),
    "rehashed": QT_TRANSLATE_NOOP("verwaltung", "password hash renewed"),
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


class AuditModel(_RowsModel[AuditRow]):
    columns = AuditColumn

    def key(self, row: AuditRow) -> int:
        return row.id

    def header(self, column: int) -> str:
        return {
            AuditColumn.TIME: translate("verwaltung", "Time"),
            AuditColumn.USER: translate("verwaltung", "User"),
            AuditColumn.ACTION: translate("verwaltung", "What"),
            AuditColumn.CLIENT: translate("verwaltung", "Client"),
            AuditColumn.DETAILS: translate("verwaltung", "Details"),
            AuditColumn.WORKSTATION: translate("verwaltung", "Workstation"),
        }[AuditColumn(column)]

    def cell(self, row: AuditRow, column: int) -> str:
        if column == AuditColumn.TIME:
            return fmt_datetime(row.at)
        if column == AuditColumn.USER:
            if row.actor_id is None and row.actor_name == "login":
                return translate("verwaltung", "(login screen)")
            return row.actor_name
        if column == AuditColumn.ACTION:
            return action_label(row.action)
        if column == AuditColumn.CLIENT:
            return "" if row.client_id is None else format_client_number(row.client_id)
        if column == AuditColumn.DETAILS:
            return _details(row.details)
        return row.workstation


def _details(text: str) -> str:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return text
    if not isinstance(value, dict):
        return str(value)
    return "; ".join(f"{detail_label(k)}: {_value(v)}" for k, v in sorted(value.items()))


def detail_label(key: str) -> str:
    english = DETAIL_LABELS.get(key)
    return translate("verwaltung", english) if english else key


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return translate("verwaltung", "yes") if value else translate("verwaltung", "no")
    if value is None:
        return "–"
    return str(value)


class BackupColumn(IntEnum):
    TIME = 0
    KIND = 1
    EXPIRES = 2
    SIZE = 3
    FILE = 4


class BackupsModel(_RowsModel[BackupFile]):
    columns = BackupColumn

    def key(self, row: BackupFile) -> str:
        return str(row.path)

    def header(self, column: int) -> str:
        return {
            BackupColumn.TIME: translate("verwaltung", "Made"),
            BackupColumn.KIND: translate("verwaltung", "Kind"),
            BackupColumn.EXPIRES: translate("verwaltung", "Deleted on"),
            BackupColumn.SIZE: translate("verwaltung", "Size"),
            BackupColumn.FILE: translate("verwaltung", "File"),
        }[BackupColumn(column)]

    def cell(self, row: BackupFile, column: int) -> str:
        if column == BackupColumn.TIME:
            return fmt_datetime(row.made_at)
        if column == BackupColumn.KIND:
            return {
                "daily": translate("verwaltung", "daily"),
                "weekly": translate("verwaltung", "weekly"),
                "manual": translate("verwaltung", "by hand"),
                "before-upgrade": translate("verwaltung", "before an update"),
                "replaced": translate("verwaltung", "replaced by a restore"),
            }.get(row.kind, row.kind)
        if column == BackupColumn.EXPIRES:
            if row.expires_at is None:
                return translate("verwaltung", "not made by desk: kept")
            return fmt_datetime(row.expires_at)
        if column == BackupColumn.SIZE:
            return f"{row.size / 1e6:.1f} MB"
        return row.path.name


def room_kind_name(kind: RoomKind) -> str:
    return {
        RoomKind.OFFICE: translate("verwaltung", "office"),
        RoomKind.GROUP: translate("verwaltung", "group room"),
        RoomKind.KITCHEN: translate("verwaltung", "kitchen"),
        RoomKind.RECEPTION: translate("verwaltung", "reception"),
    }[kind]


class ServiceColumn(IntEnum):
    NAME = 0
    CODE = 1
    PREFIX = 2
    HOURS = 3
    STATE = 4


class ServicesModel(_RowsModel[ServiceRow]):
    columns = ServiceColumn

    def key(self, row: ServiceRow) -> int:
        return row.id

    def header(self, column: int) -> str:
        return {
            ServiceColumn.NAME: translate("verwaltung", "Service"),
            ServiceColumn.CODE: translate("verwaltung", "Code"),
            ServiceColumn.PREFIX: translate("verwaltung", "Ticket prefix"),
            ServiceColumn.HOURS: translate("verwaltung", "Open consultation hours"),
            ServiceColumn.STATE: translate("verwaltung", "State"),
        }[ServiceColumn(column)]

    def cell(self, row: ServiceRow, column: int) -> str:
        if column == ServiceColumn.NAME:
            return row.name(current_language())
        if column == ServiceColumn.CODE:
            return row.code
        if column == ServiceColumn.PREFIX:
            return row.ticket_prefix
        if column == ServiceColumn.HOURS:
            return format_hours(row.hours, current_language()) or translate("verwaltung", "none")
        return translate("verwaltung", "active") if row.active else translate("verwaltung", "deactivated")


class RoomColumn(IntEnum):
    NAME = 0
    KIND = 1
    BOOKABLE = 2
    LABEL = 3
    STATE = 4


class RoomsModel(_RowsModel[RoomRow]):
    columns = RoomColumn

    def key(self, row: RoomRow) -> int:
        return row.id

    def header(self, column: int) -> str:
        return {
            RoomColumn.NAME: translate("verwaltung", "Room"),
            RoomColumn.KIND: translate("verwaltung", "Kind"),
            RoomColumn.BOOKABLE: translate("verwaltung", "Bookable"),
            RoomColumn.LABEL: translate("verwaltung", "Shown on the display as"),
            RoomColumn.STATE: translate("verwaltung", "State"),
        }[RoomColumn(column)]

    def cell(self, row: RoomRow, column: int) -> str:
        if column == RoomColumn.NAME:
            return row.name
        if column == RoomColumn.KIND:
            return room_kind_name(row.kind)
        if column == RoomColumn.BOOKABLE:
            return translate("verwaltung", "yes") if row.bookable else translate("verwaltung", "no")
        if column == RoomColumn.LABEL:
            return row.display_label
        return translate("verwaltung", "active") if row.active else translate("verwaltung", "deactivated")
