"""Termine's second tab: the list of a day's appointments to remind by phone (tick "reminded"),
printable, and the reminders by SMS or e-mail that did not reach the client."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desk.domain.appointments import ReminderRow
from desk.domain.topics import Topic
from desk.ui.clock import today as today_qdate
from desk.ui.i18n import fmt_date
from desk.ui.views.termine import printing
from desk.ui.views.termine.dialogs import pydate
from desk.ui.views.termine.models import ReminderModel
from desk.ui.views.termine.tab import TermineTab, table
from desk.ui.widgets.dates import DateEdit
from desk.ui.widgets.languages import language_name
from desk.ui.widgets.tables import set_up_columns

if TYPE_CHECKING:
    from desk.ui.views.termine.view import TermineView


class ReminderListTab(TermineTab):
    topics = frozenset({Topic.APPOINTMENTS, Topic.CLIENTS})

    def __init__(self, view: TermineView) -> None:
        super().__init__(view)
        self.setObjectName("reminderListTab")
        self.model = ReminderModel(self)
        self.model.language_name = language_name
        self.model.on_tick = self.tick_reminded
        self.table = table("reminders")
        self.table.setModel(self.model)
        set_up_columns(self.table)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.activated.connect(lambda index: self._toggle(index.row()))
        self.date = DateEdit(today_qdate().addDays(1))
        self.date.setObjectName("reminder_date")
        self.date.dateChanged.connect(lambda _d: self.reload())
        self.date_label = QLabel()
        self.date_label.setBuddy(self.date)
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.print_button, self.pdf_button = QPushButton(), QPushButton()
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button.clicked.connect(self.save_pdf)
        top = QHBoxLayout()
        for widget in (self.date_label, self.date, self.print_button, self.pdf_button):
            top.addWidget(widget)
        top.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        # reminders by SMS/e-mail that did not go out (today to the next working day): phone these clients
        self.problems = QLabel()
        self.problems.setObjectName("reminderProblems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        layout.addWidget(self.problems)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Reminder list")

    def retranslate(self) -> None:
        self.date_label.setText(self.tr("Appointments &on:"))
        self.date.setAccessibleName(self.tr("Day of the reminder list"))
        self.table.setAccessibleName(self.tr("Reminder list"))
        self.hint.setText(self.tr("Space or Enter ticks “reminded”."))
        self.print_button.setText(self.tr("P&rint list…"))
        self.print_button.setAccessibleName(self.tr("Print the reminder list"))
        self.pdf_button.setText(self.tr("List as PD&F…"))
        self.pdf_button.setAccessibleName(self.tr("Save the reminder list as PDF"))
        self.model.retranslate()

    def reload(self) -> None:
        day = pydate(self.date.date())
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.appointments.reminders(actor, day), self.model.set_rows)
        self.run(lambda: services.reminders.problems(actor), self._show_problems)

    def _show_problems(self, problems) -> None:
        from desk.ui.views.termine.reminder_log import problem_line

        if not problems:
            self.problems.hide()
            return
        self.problems.setText("\n".join(
            [self.tr("Reminders that did not reach the client - please phone instead:")]
            + [problem_line(p) for p in problems]))
        self.problems.show()

    def tick_reminded(self, row: ReminderRow, reminded: bool) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.set_reminded(actor, row.appointment.id, reminded))

    def _toggle(self, index: int) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.tick_reminded(row, row.appointment.reminded_at is None)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Space and self.table.hasFocus():
            self._toggle(self.table.currentIndex().row())
            return
        super().keyPressEvent(event)

    def document(self):
        day = pydate(self.date.date())
        return printing.html_document(printing.reminder_html(fmt_date(day), self.model.rows(), language_name))

    def print_list(self) -> None:
        printing.print_document(self, self.document(), self.tr("Reminder list"))

    def save_pdf(self) -> None:
        day = pydate(self.date.date())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save reminder list"),
                                              str(Path.home() / f"Erinnerungen-{day:%Y-%m-%d}.pdf"), "PDF (*.pdf)")
        if path:
            printing.save_pdf(path, self.document(), self.tr("Reminder list"), landscape=True)
