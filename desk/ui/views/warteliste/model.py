"""The waiting-list table model: today's VisitRows, updated in place (desk/ui/models.py).

`apply(rows)` shows the new list with the fewest changes (never a reset while rows stay), so a
live update keeps selection and scroll position. `data()` never touches the database.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QColor

from desk.domain.model import Priority, ServiceRow, StaffRow, VisitRow, VisitStatus
from desk.domain.waitlist import wait_level, waiting_minutes
from desk.ui import clock as ui_clock
from desk.ui.i18n import current_language, fmt_time
from desk.ui.models import ID_ROLE, OWN_ROLE, FrozenRowsModel, TableColumn, column_enum
from desk.ui.widgets.languages import language_name

VISIT_ID_ROLE = ID_ROLE
WAIT_LEVEL_ROLE = OWN_ROLE

STATUS_TEXT = {
    VisitStatus.WAITING: QT_TRANSLATE_NOOP("WaitingListModel", "waiting"),
    VisitStatus.CALLED: QT_TRANSLATE_NOOP("WaitingListModel", "called"),
    VisitStatus.IN_SESSION: QT_TRANSLATE_NOOP("WaitingListModel", "in session"),
    VisitStatus.DONE: QT_TRANSLATE_NOOP("WaitingListModel", "done"),
    VisitStatus.NO_SHOW: QT_TRANSLATE_NOOP("WaitingListModel", "no-show"),
    VisitStatus.LEFT: QT_TRANSLATE_NOOP("WaitingListModel", "left"),
    VisitStatus.HANDED_OVER: QT_TRANSLATE_NOOP("WaitingListModel", "handed over"),
    VisitStatus.REFERRED: QT_TRANSLATE_NOOP("WaitingListModel", "referred"),
}

# long waits: colour AND text (the text says it for those who cannot see the colour)
LEVEL_COLOURS = {1: QColor("#fff1c2"), 2: QColor("#ffd0cc")}
BLACK = QColor("#000000")


class WaitingListModel(FrozenRowsModel[VisitRow]):
    context = "WaitingListModel"
    columns = (
        TableColumn("ticket", QT_TRANSLATE_NOOP("WaitingListModel", "Ticket"), lambda m, r: r.ticket, width=75,
                    background=lambda m, r: m.level_colour(r), foreground=lambda m, r: m.level_text_colour(r)),
        TableColumn("name", QT_TRANSLATE_NOOP("WaitingListModel", "Name"), lambda m, r: m.name_text(r), width=260),
        # the short code keeps the table narrow; tooltip and screen reader get the full name
        TableColumn("service", QT_TRANSLATE_NOOP("WaitingListModel", "Service"), lambda m, r: m.service_name(r),
                    display=lambda m, r: m.service_code(r), width=70),
        TableColumn("appointment", QT_TRANSLATE_NOOP("WaitingListModel", "Appointment"),
                    lambda m, r: fmt_time(r.appointment_starts_at), width=105),
        TableColumn("waiting", QT_TRANSLATE_NOOP("WaitingListModel", "Waiting"), lambda m, r: m.waiting_text(r),
                    width=190, tooltip=lambda m, r: m.arrived_text(r),
                    sort=lambda m, r: r.arrived_at,
                    background=lambda m, r: m.level_colour(r), foreground=lambda m, r: m.level_text_colour(r)),
        TableColumn("interpreter", QT_TRANSLATE_NOOP("WaitingListModel", "Interpreter"),
                    lambda m, r: language_name(r.interpreter_language), width=110),  # "Arabisch", not "AR"
        TableColumn("priority", QT_TRANSLATE_NOOP("WaitingListModel", "Priority"),
                    lambda m, r: m.priority_text(r), width=80,
                    tooltip=lambda m, r: r.priority_reason if r.priority is Priority.URGENT else None),
        TableColumn("status", QT_TRANSLATE_NOOP("WaitingListModel", "Status"), lambda m, r: m.status_text(r),
                    width=110),
        TableColumn("called", QT_TRANSLATE_NOOP("WaitingListModel", "Reserved for / called by"),
                    lambda m, r: m.called_text(r), stretch=True),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services: dict[int, ServiceRow] = {}
        self._staff: dict[int, str] = {}
        self._now = ui_clock.now()
        self.warning_minutes = 20
        self.alarm_minutes = 45

    # -- feeding -----------------------------------------------------------------------------

    def set_services(self, services: list[ServiceRow]) -> None:
        self._services = {s.id: s for s in services}
        self.columns_changed("service")

    def set_staff(self, staff: list[StaffRow]) -> None:
        self._staff = {s.id: s.display_name for s in staff}
        self.columns_changed("called")

    def staff_name(self, staff_id: int | None) -> str:
        return self._staff.get(staff_id, "?") if staff_id is not None else ""

    def set_thresholds(self, warning: int, alarm: int) -> None:
        self.warning_minutes, self.alarm_minutes = int(warning), int(alarm)
        self.columns_changed("waiting", "ticket")

    def tick(self, now: datetime | None = None) -> None:
        """Advance the clock: only the waiting time (and its colour) changes."""
        self._now = now or ui_clock.now()
        self.columns_changed("waiting", "ticket")

    def apply(self, rows: list[VisitRow], now: datetime | None = None) -> tuple[list[VisitRow], list[int]]:
        """Make the model show `rows` (in this order) with the fewest changes.

        Returns (rows that are new, ids that disappeared)."""
        if now is not None:
            self._now = now
        added, gone = self.set_rows(rows)
        self.columns_changed("waiting", "ticket")
        return added, gone  # type: ignore[return-value]

    # -- reading -----------------------------------------------------------------------------

    def waiting_per_service(self) -> list[tuple[ServiceRow | None, int]]:
        """How many people wait, per service (list order of the services)."""
        counts: dict[int, int] = {}
        for row in self._rows:
            if row.status is VisitStatus.WAITING:
                counts[row.service_id] = counts.get(row.service_id, 0) + 1
        order = list(self._services)
        ordered = sorted(counts, key=lambda sid: order.index(sid) if sid in order else len(order))
        return [(self._services.get(sid), counts[sid]) for sid in ordered]

    def visit(self, row: int) -> VisitRow | None:
        return self.row_at(row)

    def own_data(self, row: VisitRow, column: int, role: int):
        return self.level(row) if role == WAIT_LEVEL_ROLE else None

    # -- cells -------------------------------------------------------------------------------

    def level(self, row: VisitRow) -> int:
        if row.status is not VisitStatus.WAITING:
            return 0
        return wait_level(waiting_minutes(row, self._now), self.warning_minutes, self.alarm_minutes)

    def level_colour(self, row: VisitRow) -> QColor | None:
        return LEVEL_COLOURS.get(self.level(row))

    def level_text_colour(self, row: VisitRow) -> QColor | None:
        return BLACK if self.level(row) else None  # readable on the light colours in the dark scheme

    def name_text(self, row: VisitRow) -> str:
        name = row.client_name or self.tr("(anonymous)")
        if row.self_service:  # took the ticket at the kiosk (issue 20)
            name = self.tr("{name} · self-service").format(name=name)
        if row.party_size == 2:
            return self.tr("{name} with 1 companion").format(name=name)
        if row.party_size > 2:
            return self.tr("{name} with {count} companions").format(name=name, count=row.party_size - 1)
        return name

    def service_name(self, row: VisitRow) -> str:
        service = self._services.get(row.service_id)
        return service.name(current_language()) if service else str(row.service_id)

    def service_code(self, row: VisitRow) -> str:
        service = self._services.get(row.service_id)
        return service.code if service else str(row.service_id)

    def arrived_text(self, row: VisitRow) -> str:
        return self.tr("Arrived at {time}").format(time=fmt_time(row.arrived_at))

    def priority_text(self, row: VisitRow) -> str:
        return self.tr("urgent") if row.priority is Priority.URGENT else ""

    def waiting_text(self, row: VisitRow) -> str:
        text = self.tr("{minutes} min").format(minutes=waiting_minutes(row, self._now))
        level = self.level(row)
        if level == 1:
            text += " – " + self.tr("long wait")
        elif level == 2:
            text += " – " + self.tr("very long wait")
        return text

    def status_text(self, row: VisitRow) -> str:
        text = self.tr(STATUS_TEXT[row.status])
        if row.call_count > 1 and row.status is VisitStatus.CALLED:
            text += " " + self.tr("({count}×)").format(count=row.call_count)
        return text

    def called_text(self, row: VisitRow) -> str:
        if row.status is VisitStatus.WAITING and row.assigned_staff_id is not None:
            return self.tr("for {name}").format(name=self.staff_name(row.assigned_staff_id))
        if row.status not in (VisitStatus.CALLED, VisitStatus.IN_SESSION) or not (row.called_by_name or row.room_label):
            return ""
        return f"{row.called_by_name} → {row.room_label}".strip(" →")


Column = column_enum("Column", WaitingListModel.columns, __name__)
