"""Termine's fourth tab: the counsellor's working hours (reception books only inside them) and
absences (appointments that fall on one are listed on the agenda tab)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout

from desk.domain.permissions import Permission, allowed
from desk.domain.topics import Topic
from desk.services.appointments import AbsenceSaved
from desk.ui import clock as ui_clock
from desk.ui.i18n import fmt_date
from desk.ui.views.termine.dialogs import AbsenceDialog, WorkingHoursDialog, format_hours
from desk.ui.views.termine.models import ROW_ROLE, AbsenceModel
from desk.ui.views.termine.tab import TermineTab, table
from desk.ui.widgets.flow import FlowLayout
from desk.ui.widgets.tables import set_up_columns

if TYPE_CHECKING:
    from desk.ui.views.termine.view import TermineView


class HoursTab(TermineTab):
    topics = frozenset({Topic.APPOINTMENTS})

    def __init__(self, view: TermineView) -> None:
        super().__init__(view)
        self.setObjectName("hoursTab")
        self.may_manage = allowed(self.ctx.actor.role, Permission.APPOINTMENT_MANAGE)
        self.schedule = None
        """The shown counsellor's ScheduleRow (working hours and absences), once loaded."""
        self.hours_label = QLabel()
        self.hours_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hours_label.setObjectName("hours_label")
        self.hours_label.setWordWrap(True)
        self.outcome_label = QLabel()  # what the last absence saved here did (plain: the name as typed)
        self.outcome_label.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome_label.setObjectName("absence_outcome")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setVisible(False)
        self._saved: tuple[str, AbsenceSaved] | None = None  # shown in outcome_label, again after a language change
        self.edit_hours_button, self.add_absence_button, self.remove_absence_button = (
            QPushButton(), QPushButton(), QPushButton())
        self.edit_hours_button.clicked.connect(self.edit_working_hours)
        self.add_absence_button.clicked.connect(self.add_absence)
        self.remove_absence_button.clicked.connect(self.remove_absence)
        for button in (self.edit_hours_button, self.add_absence_button, self.remove_absence_button):
            button.setEnabled(self.may_manage)
        self.model = AbsenceModel(self)
        self.table = table("absences")
        self.table.setModel(self.model)
        set_up_columns(self.table)
        row = FlowLayout()
        row.addWidget(self.edit_hours_button)
        row.addWidget(self.add_absence_button)
        row.addWidget(self.remove_absence_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hours_label)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Working hours and absences")

    def retranslate(self) -> None:
        self.edit_hours_button.setText(self.tr("Edit &working hours…"))
        self.edit_hours_button.setAccessibleName(self.tr("Edit working hours"))
        self.add_absence_button.setText(self.tr("Add &absence…"))
        self.add_absence_button.setAccessibleName(self.tr("Add absence"))
        self.remove_absence_button.setText(self.tr("&Remove absence"))
        self.remove_absence_button.setAccessibleName(self.tr("Remove the selected absence"))
        self.table.setAccessibleName(self.tr("Absences"))
        self.hours_label.setAccessibleName(self.tr("Working hours"))
        self.model.retranslate()
        if self._saved is not None:
            self.outcome_label.setText(self.saved_text(*self._saved))
        if self.schedule is not None:
            self._show(self.schedule)

    def reload(self) -> None:
        staff_id = self.view.staff_id()
        if staff_id is None:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.appointments.schedule(actor, staff_id), self._show)

    def _show(self, schedule) -> None:
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun")]
        hours = list(schedule.hours)
        lines = [f"{names[d]}: {format_hours(hours, d)}" for d in range(7) if format_hours(hours, d)]
        self.hours_label.setText("\n".join(lines) if lines else
                                 self.tr("No working hours entered: reception cannot book this counsellor."))
        today = ui_clock.centre_today()
        self.model.set_rows([a for a in schedule.absences if a.ends_on >= today])
        self.schedule = schedule

    def edit_working_hours(self) -> None:
        staff_id = self.view.staff_id()
        if staff_id is None or self.schedule is None:
            return
        dialog = WorkingHoursDialog(self.view.counsellor.currentText(), list(self.schedule.hours), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        hours = dialog.hours
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.set_working_hours(actor, staff_id, hours))

    def add_absence(self) -> None:
        staff_id = self.view.staff_id()
        if staff_id is None:
            return
        dialog = AbsenceDialog(self.view.counsellor.currentText(), self)
        services, actor, key = self.ctx.services, self.ctx.actor, dialog.request_key

        def work():
            first, last, reason = dialog.values()
            return lambda: services.appointments.add_absence(actor, staff_id, first, last, reason, request_key=key)

        # saved in the dialog, which stays open after a fault (Save again: the same key, one absence);
        # the tab reloads through the window's announcement of the commit
        dialog.run_on_accept(self.ctx, work)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome is not None:
            self.show_saved(self.view.counsellor.currentText(), dialog.outcome)

    def saved_text(self, name: str, saved: AbsenceSaved) -> str:
        """What saving an absence did, in the user's language: the days, and how many people
        waiting today it released to every colleague's call next. Never the reason."""
        absence = saved.absence
        text = self.tr("Absence of {name} saved: {first} to {last}.").format(
            name=name, first=fmt_date(absence.starts_on), last=fmt_date(absence.ends_on))
        released = saved.released_waiting or 0
        if released == 1:
            text += " " + self.tr("1 person waiting can now be called by any colleague.")
        elif released > 1:
            text += " " + self.tr("{count} people waiting can now be called by any colleague.").format(
                count=released)
        return text

    def show_saved(self, name: str, saved: AbsenceSaved) -> None:
        self._saved = (name, saved)
        text = self.saved_text(name, saved)
        self.outcome_label.setText(text)
        self.outcome_label.setVisible(True)
        self.ctx.events.sig_status_message.emit(text)

    def remove_absence(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        absence = rows[0].data(ROW_ROLE)
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.remove_absence(actor, absence.id))
