"""Table models of the Termine view: FrozenRowsModels (desk/ui/models.py), columns as data.

`data()` never touches the database; `set_rows` updates in place (a live update from another
workstation), so selection and scroll position stay. Every text is a plain string (client
names are never rendered as rich text).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desk.domain.appointments import AbsenceRow, InterpreterRow, ReminderRow
from desk.domain.model import AppointmentRow, AppointmentStatus, AuditRow
from desk.ui.i18n import fmt_date, fmt_datetime, fmt_time, local
from desk.ui.models import ID_ROLE, ROW_ROLE, SORT_ROLE, FrozenRowsModel, TableColumn, column_enum

__all__ = ["ID_ROLE", "ROW_ROLE", "SORT_ROLE", "AbsenceModel", "AgendaColumn", "AgendaModel", "HistoryModel",
           "InterpreterModel", "ReminderColumn", "ReminderModel"]


def tr(text: str) -> str:
    return QCoreApplication.translate("TermineModels", text)


STATUS_TEXT = {
    AppointmentStatus.BOOKED: QT_TRANSLATE_NOOP("TermineModels", "Booked"),
    AppointmentStatus.ARRIVED: QT_TRANSLATE_NOOP("TermineModels", "Arrived"),
    AppointmentStatus.DONE: QT_TRANSLATE_NOOP("TermineModels", "Done"),
    AppointmentStatus.NO_SHOW: QT_TRANSLATE_NOOP("TermineModels", "No-show"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("TermineModels", "Cancelled"),
}


def status_text(status: AppointmentStatus) -> str:
    return tr(STATUS_TEXT[status])


def _yes_no(value: object) -> str:
    return QCoreApplication.translate("TermineModels", "yes") if value else QCoreApplication.translate("TermineModels", "no")


class AgendaModel(FrozenRowsModel[AppointmentRow]):
    """A counsellor's day or week: one line per appointment (status written out, never colour only)."""

    context = "TermineModels"
    columns = (
        TableColumn("date", QT_TRANSLATE_NOOP("TermineModels", "Date"),
                    lambda m, r: fmt_date(local(r.starts_at).date()), sort=lambda m, r: r.starts_at),
        TableColumn("time", QT_TRANSLATE_NOOP("TermineModels", "Time"),
                    lambda m, r: f"{fmt_time(r.starts_at)}–{fmt_time(r.ends_at)}", sort=lambda m, r: r.starts_at),
        TableColumn("client", QT_TRANSLATE_NOOP("TermineModels", "Client"),
                    lambda m, r: r.client_name or QCoreApplication.translate("TermineModels", "(no client)")),
        TableColumn("service", QT_TRANSLATE_NOOP("TermineModels", "Service"),
                    lambda m, r: m.services.get(r.service_id, "")),
        TableColumn("room", QT_TRANSLATE_NOOP("TermineModels", "Room"),
                    lambda m, r: m.rooms.get(r.room_id, "") if r.room_id else ""),
        TableColumn("interpreter", QT_TRANSLATE_NOOP("TermineModels", "Interpreter"),
                    lambda m, r: _joined(m.language_name(r.interpreter_language),
                                         m.interpreters.get(r.interpreter_id, "") if r.interpreter_id else "")),
        TableColumn("status", QT_TRANSLATE_NOOP("TermineModels", "Status"), lambda m, r: agenda_status(r)),
        TableColumn("reminded", QT_TRANSLATE_NOOP("TermineModels", "Reminded"),
                    lambda m, r: QCoreApplication.translate("TermineModels", "yes") if r.reminded_at else ""),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.services: dict[int, str] = {}
        self.rooms: dict[int, str] = {}
        self.interpreters: dict[int, str] = {}
        self.language_name: Callable[[str], str] = lambda code: code


def _joined(*parts: str) -> str:
    return " – ".join(p for p in parts if p)


def agenda_status(row: AppointmentRow) -> str:
    text = status_text(row.status)
    if row.status is AppointmentStatus.CANCELLED and row.cancel_reason:
        text = f"{text}: {row.cancel_reason}"
    if row.series_id:
        series = QCoreApplication.translate("TermineModels", "series")
        text = f"{text} ({series})"
    return text


class ReminderModel(FrozenRowsModel[ReminderRow]):
    """Tomorrow's reminder calls; column 0 is a check box ("client was reminded")."""

    context = "TermineModels"
    columns = (
        TableColumn("reminded", QT_TRANSLATE_NOOP("TermineModels", "Reminded"),
                    lambda m, r: _yes_no(r.appointment.reminded_at), check=lambda m, r: bool(r.appointment.reminded_at)),
        TableColumn("time", QT_TRANSLATE_NOOP("TermineModels", "Time"),
                    lambda m, r: f"{fmt_time(r.appointment.starts_at)}–{fmt_time(r.appointment.ends_at)}",
                    sort=lambda m, r: r.appointment.starts_at),
        TableColumn("client", QT_TRANSLATE_NOOP("TermineModels", "Client"), lambda m, r: r.appointment.client_name),
        TableColumn("phone", QT_TRANSLATE_NOOP("TermineModels", "Phone"), lambda m, r: r.phone),
        TableColumn("language", QT_TRANSLATE_NOOP("TermineModels", "Language"),
                    lambda m, r: m.language_name(r.client_language)),
        TableColumn("interpreter", QT_TRANSLATE_NOOP("TermineModels", "Interpreter"),
                    lambda m, r: _joined(m.language_name(r.appointment.interpreter_language), r.interpreter_name)),
        TableColumn("counsellor", QT_TRANSLATE_NOOP("TermineModels", "Counsellor"), lambda m, r: r.staff_name),
        TableColumn("room", QT_TRANSLATE_NOOP("TermineModels", "Room"), lambda m, r: r.room_name),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.language_name: Callable[[str], str] = lambda code: code
        self.on_tick: Callable[[ReminderRow, bool], None] | None = None

    def key(self, row: ReminderRow) -> int:
        return row.appointment.id

    def check_changed(self, row: ReminderRow, column: TableColumn, checked: bool) -> bool:
        if self.on_tick is None:
            return False
        self.on_tick(row, checked)  # the view saves; the reload shows the result
        return True


class InterpreterModel(FrozenRowsModel[InterpreterRow]):
    context = "TermineModels"
    columns = (
        TableColumn("name", QT_TRANSLATE_NOOP("TermineModels", "Name"), lambda m, r: r.name),
        TableColumn("languages", QT_TRANSLATE_NOOP("TermineModels", "Languages"),
                    lambda m, r: ", ".join(m.language_name(code) for code in r.languages)),
        TableColumn("phone", QT_TRANSLATE_NOOP("TermineModels", "Phone"), lambda m, r: r.phone),
        TableColumn("active", QT_TRANSLATE_NOOP("TermineModels", "Active"), lambda m, r: _yes_no(r.active)),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.language_name: Callable[[str], str] = lambda code: code


class AbsenceModel(FrozenRowsModel[AbsenceRow]):
    context = "TermineModels"
    columns = (
        TableColumn("from", QT_TRANSLATE_NOOP("TermineModels", "From"), lambda m, r: fmt_date(r.starts_on),
                    sort=lambda m, r: r.starts_on),
        TableColumn("to", QT_TRANSLATE_NOOP("TermineModels", "To"), lambda m, r: fmt_date(r.ends_on),
                    sort=lambda m, r: r.ends_on),
        TableColumn("reason", QT_TRANSLATE_NOOP("TermineModels", "Reason"), lambda m, r: r.reason),
    )


ACTION_TEXT = {
    "appointment.book": QT_TRANSLATE_NOOP("TermineModels", "booked"),
    "appointment.reschedule": QT_TRANSLATE_NOOP("TermineModels", "moved"),
    "appointment.edit": QT_TRANSLATE_NOOP("TermineModels", "changed"),
    "appointment.cancel": QT_TRANSLATE_NOOP("TermineModels", "cancelled"),
    "appointment.no_show": QT_TRANSLATE_NOOP("TermineModels", "marked as no-show"),
    "appointment.done": QT_TRANSLATE_NOOP("TermineModels", "marked as done"),
    "appointment.reminded": QT_TRANSLATE_NOOP("TermineModels", "client reminded"),
    "appointment.unreminded": QT_TRANSLATE_NOOP("TermineModels", "reminder tick removed"),
}


class HistoryModel(FrozenRowsModel[AuditRow]):
    """Who changed the appointment when (the audit events of entity type "appointment")."""

    context = "TermineModels"
    columns = (
        TableColumn("when", QT_TRANSLATE_NOOP("TermineModels", "When"), lambda m, r: fmt_datetime(r.at),
                    sort=lambda m, r: r.at),
        TableColumn("who", QT_TRANSLATE_NOOP("TermineModels", "Who"), lambda m, r: r.actor_name),
        TableColumn("what", QT_TRANSLATE_NOOP("TermineModels", "What"),
                    lambda m, r: tr(ACTION_TEXT.get(r.action, r.action))),
        TableColumn("details", QT_TRANSLATE_NOOP("TermineModels", "Details"), lambda m, r: readable_details(r.details)),
    )


def readable_details(details: str) -> str:
    """The audit details as `fields: note, time; time: 26.11.2026 10:00–10:45 → 26.11.2026 11:00–11:45`
    (ids of rooms and people are left out: the dialog shows the current ones)."""
    try:
        data = json.loads(details or "{}")
    except ValueError:
        return details
    if not isinstance(data, dict):
        return str(data)
    parts = []
    for key, value in data.items():
        if key.endswith("_id"):
            continue
        if key == "fields" and isinstance(value, list):  # which fields changed (their text is not kept)
            parts.append(f"{key}: {', '.join(map(str, value))}")
            continue
        if isinstance(value, list) and len(value) == 2:
            value = f"{value[0]} → {value[1]}"
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


AgendaColumn = column_enum("AgendaColumn", AgendaModel.columns, __name__)
ReminderColumn = column_enum("ReminderColumn", ReminderModel.columns, __name__)
