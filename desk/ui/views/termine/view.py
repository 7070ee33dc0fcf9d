"""The Termine view: a counsellor's day or week as an agenda table, booking, moving, cancelling,
no-show, the appointment slip, tomorrow's reminder list, interpreters, working hours and absences.

All database work runs through ctx.run_in_worker; the models only hold rows.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.appointments import ReminderRow
from desk.domain.model import AppointmentRow, AppointmentStatus, Role
from desk.domain.permissions import Permission, allowed
from desk.domain.tickets import BERLIN
from desk.domain.topics import Topic
from desk.ui.clock import today as today_qdate
from desk.ui.context import UiContext, show_error
from desk.ui.i18n import current_language, fmt_date, fmt_time
from desk.ui.views.base import DeskView
from desk.ui.views.termine import printing
from desk.ui.views.termine.dialogs import (
    AbsenceDialog,
    AppointmentDialog,
    DialogChoices,
    InterpreterDialog,
    ReasonDialog,
    WorkingHoursDialog,
    format_hours,
    pydate,
    qdate,
)
from desk.ui.views.termine.models import (
    ROW_ROLE,
    AbsenceModel,
    AgendaColumn,
    AgendaModel,
    InterpreterModel,
    ReminderModel,
)
from desk.ui.widgets.flow import FlowLayout
from desk.ui.widgets.languages import language_name
from desk.ui.widgets.tables import set_up_columns


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    return table


class TermineView(DeskView):
    topics = frozenset({Topic.APPOINTMENTS, Topic.CLIENTS, Topic.REFERENCE})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        role = ctx.actor.role
        self.may_manage = allowed(role, Permission.APPOINTMENT_MANAGE)
        self.may_book = allowed(role, Permission.APPOINTMENT_BOOK)
        self.may_interpreters = allowed(role, Permission.INTERPRETER_MANAGE)
        self._choices: DialogChoices | None = None
        self._load_seq = 0

        # -- top bar: counsellor, day/week, date ---------------------------------------------------
        self.counsellor = QComboBox()
        self.counsellor.setObjectName("counsellor")
        # shrinks to 16 characters (and elides) at large font sizes rather than widening the window
        self.counsellor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.counsellor.setMinimumContentsLength(16)
        self.counsellor_label = QLabel()
        self.counsellor_label.setBuddy(self.counsellor)
        self.span = QComboBox()
        self.span.setObjectName("span")
        self.span.addItem("", 1)
        self.span.addItem("", 7)
        # a counsellor plans her day; reception and the head look for slots across the week
        self.span.setCurrentIndex(0 if ctx.actor.role is Role.COUNSELLOR else 1)
        self.date = QDateEdit(today_qdate())
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.prev_button, self.today_button, self.next_button = QToolButton(), QToolButton(), QToolButton()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        # -- actions (shortcuts shown in tooltips and on the buttons' menus) --------------------
        self.act_book = self.add_action("Ctrl+N", self.book)
        self.act_change = self.add_action("Ctrl+E", self.change_selected)
        self.act_cancel = self.add_action("Delete", self.cancel_selected)
        self.act_no_show = self.add_action("Ctrl+Shift+N", self.no_show_selected)
        self.act_slip = self.add_action("Ctrl+P", self.print_slip)
        self.act_slip_pdf = self.add_action("Ctrl+Shift+P", self.save_slip_pdf)
        self.act_ics = self.add_action("Ctrl+Shift+E", self.export_ics)
        self.act_prev = self.add_action("Alt+Left", lambda: self.step(-1))
        self.act_next = self.add_action("Alt+Right", lambda: self.step(1))
        self.act_today = self.add_action("Ctrl+T", self.go_today)
        self.act_week = self.add_action("Ctrl+Shift+W", self.toggle_week)
        self.prev_button.setDefaultAction(self.act_prev)
        self.next_button.setDefaultAction(self.act_next)
        self.today_button.setDefaultAction(self.act_today)

        top = QHBoxLayout()
        for w in (self.counsellor_label, self.counsellor, self.span, self.prev_button, self.date,
                  self.next_button, self.today_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.title, 1)

        # -- tab 1: agenda -----------------------------------------------------------------
        self.agenda_model = AgendaModel(self)
        self.agenda_model.language_name = language_name
        self.agenda = _table("agenda")
        self.agenda.setModel(self.agenda_model)
        set_up_columns(self.agenda)
        self.agenda.doubleClicked.connect(lambda _i: self.change_selected())
        self.agenda.activated.connect(lambda _i: self.change_selected())
        self.agenda.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.agenda_buttons: list[QPushButton] = []
        buttons = FlowLayout()  # wraps at large font sizes instead of widening the window
        for action in (self.act_book, self.act_change, self.act_cancel, self.act_no_show, self.act_slip,
                       self.act_slip_pdf, self.act_ics):
            button = QPushButton()
            button.clicked.connect(action.trigger)
            self.agenda_buttons.append(button)
            buttons.addWidget(button)
        self.absence_warning = QLabel()
        self.absence_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.absence_warning.setWordWrap(True)
        self.absence_warning.setObjectName("absence_warning")
        agenda_page = QWidget()
        agenda_layout = QVBoxLayout(agenda_page)
        agenda_layout.addLayout(buttons)
        agenda_layout.addWidget(self.absence_warning)
        agenda_layout.addWidget(self.agenda, 1)

        # -- tab 2: reminders --------------------------------------------------------------
        self.reminder_model = ReminderModel(self)
        self.reminder_model.language_name = language_name
        self.reminder_model.on_tick = self.tick_reminded
        self.reminders = _table("reminders")
        self.reminders.setModel(self.reminder_model)
        set_up_columns(self.reminders)
        self.reminders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reminders.activated.connect(lambda index: self._toggle_reminder(index.row()))
        self.reminder_date = QDateEdit(today_qdate().addDays(1))
        self.reminder_date.setObjectName("reminder_date")
        self.reminder_date.setCalendarPopup(True)
        self.reminder_date.setDisplayFormat("dd.MM.yyyy")
        self.reminder_date.dateChanged.connect(lambda _d: self.load_reminders())
        self.reminder_date_label = QLabel()
        self.reminder_date_label.setBuddy(self.reminder_date)
        self.reminder_hint = QLabel()
        self.reminder_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.print_reminders_button, self.pdf_reminders_button = QPushButton(), QPushButton()
        self.print_reminders_button.clicked.connect(self.print_reminders)
        self.pdf_reminders_button.clicked.connect(self.save_reminders_pdf)
        reminder_top = QHBoxLayout()
        for w in (self.reminder_date_label, self.reminder_date, self.print_reminders_button,
                  self.pdf_reminders_button):
            reminder_top.addWidget(w)
        reminder_top.addWidget(self.reminder_hint, 1)
        reminder_page = QWidget()
        reminder_layout = QVBoxLayout(reminder_page)
        reminder_layout.addLayout(reminder_top)
        reminder_layout.addWidget(self.reminders, 1)
        # reminders by SMS/e-mail that did not go out (today and tomorrow): phone these clients
        self.reminder_problems = QLabel()
        self.reminder_problems.setObjectName("reminderProblems")
        self.reminder_problems.setTextFormat(Qt.TextFormat.PlainText)
        self.reminder_problems.setWordWrap(True)
        self.reminder_problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reminder_problems.hide()
        reminder_layout.addWidget(self.reminder_problems)

        # -- tab 3: interpreters -----------------------------------------------------------
        self.interpreter_model = InterpreterModel(self)
        self.interpreter_model.language_name = language_name
        self.interpreters = _table("interpreters")
        self.interpreters.setModel(self.interpreter_model)
        set_up_columns(self.interpreters)
        self.interpreters.activated.connect(lambda _i: self.edit_interpreter())
        self.add_interpreter_button, self.edit_interpreter_button = QPushButton(), QPushButton()
        self.add_interpreter_button.clicked.connect(lambda: self.edit_interpreter(new=True))
        self.edit_interpreter_button.clicked.connect(lambda: self.edit_interpreter())
        for b in (self.add_interpreter_button, self.edit_interpreter_button):
            b.setEnabled(self.may_interpreters)
        interpreter_page = QWidget()
        interpreter_layout = QVBoxLayout(interpreter_page)
        row = QHBoxLayout()
        row.addWidget(self.add_interpreter_button)
        row.addWidget(self.edit_interpreter_button)
        row.addStretch(1)
        interpreter_layout.addLayout(row)
        interpreter_layout.addWidget(self.interpreters, 1)

        # -- tab 4: working hours and absences ---------------------------------------------
        self.hours_label = QLabel()
        self.hours_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hours_label.setObjectName("hours_label")
        self.hours_label.setWordWrap(True)
        self.edit_hours_button, self.add_absence_button, self.remove_absence_button = (
            QPushButton(), QPushButton(), QPushButton())
        self.edit_hours_button.clicked.connect(self.edit_working_hours)
        self.add_absence_button.clicked.connect(self.add_absence)
        self.remove_absence_button.clicked.connect(self.remove_absence)
        for b in (self.edit_hours_button, self.add_absence_button, self.remove_absence_button):
            b.setEnabled(self.may_manage)
        self.absence_model = AbsenceModel(self)
        self.absences = _table("absences")
        self.absences.setModel(self.absence_model)
        set_up_columns(self.absences)
        hours_page = QWidget()
        hours_layout = QVBoxLayout(hours_page)
        row = FlowLayout()
        row.addWidget(self.edit_hours_button)
        row.addWidget(self.add_absence_button)
        row.addWidget(self.remove_absence_button)
        hours_layout.addLayout(row)
        hours_layout.addWidget(self.hours_label)
        hours_layout.addWidget(self.absences, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(agenda_page, "")
        self.tabs.addTab(reminder_page, "")
        self.tabs.addTab(interpreter_page, "")
        self.tabs.addTab(hours_page, "")
        self.tabs.currentChanged.connect(lambda _i: self.reload())

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        # reading order of the top row: counsellor, day/week, previous, date, next, today
        for first, second in ((self.counsellor, self.span), (self.span, self.prev_button),
                              (self.prev_button, self.date), (self.date, self.next_button),
                              (self.next_button, self.today_button), (self.today_button, self.tabs)):
            self.setTabOrder(first, second)

        self.counsellor.currentIndexChanged.connect(lambda _i: self.reload())
        self.span.currentIndexChanged.connect(lambda _i: self.reload())
        self.date.dateChanged.connect(lambda _d: self.reload())
        self.retranslate()
        self._update_actions()
        self.load_choices()

    # -- plumbing ------------------------------------------------------------------------------

    def _fail(self, error: Exception) -> None:
        show_error(self, error)

    def on_changed(self, topics: frozenset[Topic]) -> None:
        if Topic.REFERENCE in topics:
            self.load_choices()  # counsellors and services; reloads the tab afterwards
        else:
            self.reload()

    # -- texts -----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        def label(action: QAction, text: str, button: QPushButton | None = None) -> None:
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setText(text)
            action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
            if button is not None:
                button.setText(text)
                button.setToolTip(action.toolTip())
                button.setAccessibleName(text.replace("&", ""))

        b = self.agenda_buttons
        label(self.act_book, self.tr("&Book…"), b[0])
        label(self.act_change, self.tr("&Change / move…"), b[1])
        label(self.act_cancel, self.tr("Cance&l…"), b[2])
        label(self.act_no_show, self.tr("&No-show"), b[3])
        label(self.act_slip, self.tr("&Print slip…"), b[4])
        label(self.act_slip_pdf, self.tr("Slip as P&DF…"), b[5])
        label(self.act_ics, self.tr("E&xport ICS…"), b[6])
        label(self.act_prev, self.tr("Previous"))
        label(self.act_next, self.tr("Next"))
        label(self.act_today, self.tr("Today"))
        label(self.act_week, self.tr("Day / week"))
        self.prev_button.setText("◀")
        self.next_button.setText("▶")
        self.prev_button.setAccessibleName(self.tr("Previous day or week"))
        self.next_button.setAccessibleName(self.tr("Next day or week"))
        self.today_button.setAccessibleName(self.tr("Today"))
        self.counsellor_label.setText(self.tr("C&ounsellor:"))
        self.counsellor.setAccessibleName(self.tr("Counsellor"))
        self.span.setItemText(0, self.tr("Day"))
        self.span.setItemText(1, self.tr("Week"))
        self.span.setAccessibleName(self.tr("Show a day or a week"))
        self.span.setToolTip(self.act_week.toolTip())
        self.date.setAccessibleName(self.tr("Date"))
        self.agenda.setAccessibleName(self.tr("Appointments"))
        self.tabs.setTabText(0, self.tr("Appointments"))
        self.tabs.setTabText(1, self.tr("Reminder list"))
        self.tabs.setTabText(2, self.tr("Interpreters"))
        self.tabs.setTabText(3, self.tr("Working hours and absences"))
        self.tabs.setAccessibleName(self.tr("Parts of the appointments view"))
        self.reminder_date_label.setText(self.tr("Appointments &on:"))
        self.reminder_date.setAccessibleName(self.tr("Day of the reminder list"))
        self.reminders.setAccessibleName(self.tr("Reminder list"))
        self.reminder_hint.setText(self.tr("Space or Enter ticks “reminded”."))
        self.print_reminders_button.setText(self.tr("P&rint list…"))
        self.print_reminders_button.setAccessibleName(self.tr("Print the reminder list"))
        self.pdf_reminders_button.setText(self.tr("List as PD&F…"))
        self.pdf_reminders_button.setAccessibleName(self.tr("Save the reminder list as PDF"))
        self.interpreters.setAccessibleName(self.tr("Interpreters"))
        self.add_interpreter_button.setText(self.tr("&Add interpreter…"))
        self.add_interpreter_button.setAccessibleName(self.tr("Add interpreter"))
        self.edit_interpreter_button.setText(self.tr("&Edit interpreter…"))
        self.edit_interpreter_button.setAccessibleName(self.tr("Edit interpreter"))
        self.edit_hours_button.setText(self.tr("Edit &working hours…"))
        self.edit_hours_button.setAccessibleName(self.tr("Edit working hours"))
        self.add_absence_button.setText(self.tr("Add &absence…"))
        self.add_absence_button.setAccessibleName(self.tr("Add absence"))
        self.remove_absence_button.setText(self.tr("&Remove absence"))
        self.remove_absence_button.setAccessibleName(self.tr("Remove the selected absence"))
        self.absences.setAccessibleName(self.tr("Absences"))
        self.hours_label.setAccessibleName(self.tr("Working hours"))
        for model in (self.agenda_model, self.reminder_model, self.interpreter_model, self.absence_model):
            model.retranslate()
        self._update_title()
        if self._choices is not None:
            self._apply_choices(self._choices)

    # -- data --------------------------------------------------------------------------------

    def staff_id(self) -> int | None:
        return self.counsellor.currentData()

    def first_day(self) -> date:
        day = pydate(self.date.date())
        if self.span.currentData() == 7:
            day -= timedelta(days=day.weekday())
        return day

    def load_choices(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        may_manage = self.may_manage

        def work() -> DialogChoices:
            return DialogChoices(
                services=services.reference.services(actor),
                counsellors=services.appointments.counsellors(actor),
                rooms=services.reference.rooms(actor),
                interpreters=services.appointments.interpreters(actor),
                may_manage=may_manage,
            )

        self.ctx.run_in_worker(work, self._apply_choices, self._fail, receiver=self)

    def _apply_choices(self, choices: DialogChoices) -> None:
        self._choices = choices
        language = current_language()
        self.agenda_model.services = {s.id: s.name(language) for s in choices.services}
        self.agenda_model.rooms = {r.id: r.name for r in choices.rooms}
        self.agenda_model.interpreters = {i.id: i.name for i in choices.interpreters}
        current = self.staff_id()
        if current is None and self.ctx.actor.staff_id in {s.id for s in choices.counsellors}:
            current = self.ctx.actor.staff_id  # a counsellor sees her own calendar first
        if current is None or (self.ctx.actor.role is not Role.COUNSELLOR and current == self.ctx.actor.staff_id):
            # reception and the head start with the first counsellor (they book for others)
            current = next((s.id for s in choices.counsellors if s.role is Role.COUNSELLOR), current)
        self.counsellor.blockSignals(True)
        self.counsellor.clear()
        for s in choices.counsellors:
            self.counsellor.addItem(s.display_name, s.id)
        index = self.counsellor.findData(current)
        self.counsellor.setCurrentIndex(max(0, index))
        self.counsellor.blockSignals(False)
        self.interpreter_model.set_rows(choices.interpreters)
        self.reload()

    def reload(self) -> None:
        """Reload what the current tab shows (cheap; called on live updates too)."""
        self._update_title()
        tab = self.tabs.currentIndex()
        if tab == 0:
            self.load_agenda()
        elif tab == 1:
            self.load_reminders()
        elif tab == 2:
            self.load_interpreters()
        else:
            self.load_schedule()

    def load_agenda(self) -> None:
        staff_id = self.staff_id()
        if staff_id is None:
            self.agenda_model.set_rows([])
            return
        self._load_seq += 1
        seq = self._load_seq
        first, days = self.first_day(), int(self.span.currentData() or 1)
        services, actor = self.ctx.services, self.ctx.actor

        def work():
            rows = services.appointments.between(actor, first, days, staff_id=staff_id)
            during = services.appointments.appointments_during_absences(actor, staff_id)
            return rows, during

        def done(result) -> None:
            if seq != self._load_seq:
                return
            rows, during = result
            self.set_agenda_rows(rows)
            if during:
                listed = ", ".join(f"{fmt_date(r.starts_at.astimezone(BERLIN).date())} {fmt_time(r.starts_at)}"
                                   for r in during[:6])
                self.absence_warning.setText(
                    self.tr("{count} booked appointment(s) fall on an absence and should be moved: {list}")
                    .format(count=len(during), list=listed))
            else:
                self.absence_warning.setText("")
            self.absence_warning.setVisible(bool(during))

        self.ctx.run_in_worker(work, done, self._fail, receiver=self)

    def set_agenda_rows(self, rows: list[AppointmentRow]) -> None:
        selected = self.selected()
        self.agenda_model.set_rows(rows)
        if selected is not None:
            row = self.agenda_model.row_of(selected.id)
            if row is not None:
                self.agenda.selectRow(row)
        self._update_actions()

    def load_reminders(self) -> None:
        day = pydate(self.reminder_date.date())
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.run_in_worker(lambda: services.appointments.reminders(actor, day),
                               self.reminder_model.set_rows, self._fail, receiver=self)
        self.ctx.run_in_worker(lambda: services.reminders.problems(actor), self._show_reminder_problems,
                               self._fail, receiver=self)

    def _show_reminder_problems(self, problems) -> None:
        from desk.ui.views.termine.reminder_log import problem_line

        if not problems:
            self.reminder_problems.hide()
            return
        self.reminder_problems.setText("\n".join(
            [self.tr("Reminders that did not reach the client - please phone instead:")]
            + [problem_line(p) for p in problems]))
        self.reminder_problems.show()

    def load_interpreters(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.run_in_worker(lambda: services.appointments.interpreters(actor),
                               self.interpreter_model.set_rows, self._fail, receiver=self)

    def load_schedule(self) -> None:
        staff_id = self.staff_id()
        if staff_id is None:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.run_in_worker(lambda: services.appointments.schedule(actor, staff_id),
                               self._show_schedule, self._fail, receiver=self)

    def _show_schedule(self, schedule) -> None:
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                 self.tr("Sat"), self.tr("Sun")]
        hours = list(schedule.hours)
        lines = [f"{names[d]}: {format_hours(hours, d)}" for d in range(7) if format_hours(hours, d)]
        self.hours_label.setText("\n".join(lines) if lines else
                                 self.tr("No working hours entered: reception cannot book this counsellor."))
        today = datetime.now(BERLIN).date()
        self.absence_model.set_rows([a for a in schedule.absences if a.ends_on >= today])
        self._schedule = schedule

    def _update_title(self) -> None:
        first = self.first_day()
        if self.span.currentData() == 7:
            text = self.tr("Week {start} – {end}").format(start=fmt_date(first),
                                                          end=fmt_date(first + timedelta(days=6)))
        else:
            text = fmt_date(first)
        self.title.setText(text)
        self.title.setAccessibleName(text)

    # -- selection and navigation -------------------------------------------------------------

    def selected(self) -> AppointmentRow | None:
        rows = self.agenda.selectionModel().selectedRows() if self.agenda.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_actions(self) -> None:
        row = self.selected()
        booked = row is not None and row.status is AppointmentStatus.BOOKED
        self.act_book.setEnabled(self.may_book)
        self.act_change.setEnabled(self.may_book and booked)
        self.act_cancel.setEnabled(self.may_book and booked)
        self.act_no_show.setEnabled(self.may_manage and booked)
        self.act_slip.setEnabled(row is not None and booked)
        self.act_slip_pdf.setEnabled(row is not None and booked)
        for button, action in zip(self.agenda_buttons, (self.act_book, self.act_change, self.act_cancel,
                                                        self.act_no_show, self.act_slip, self.act_slip_pdf,
                                                        self.act_ics), strict=True):
            button.setEnabled(action.isEnabled())

    def step(self, direction: int) -> None:
        self.date.setDate(self.date.date().addDays(direction * int(self.span.currentData() or 1)))

    def go_today(self) -> None:
        self.date.setDate(today_qdate())

    def toggle_week(self) -> None:
        self.span.setCurrentIndex(1 - self.span.currentIndex())

    # -- actions --------------------------------------------------------------------------------

    def make_dialog(self, appointment: AppointmentRow | None = None) -> AppointmentDialog | None:
        if self._choices is None:
            return None
        dialog = AppointmentDialog(self.ctx, self._choices, appointment=appointment, staff_id=self.staff_id(),
                                   day=pydate(self.date.date()), parent=self)
        dialog.sig_saved.connect(self._on_saved)
        return dialog

    def _on_saved(self, result) -> None:
        rows = result if isinstance(result, list) else [result]
        if rows:
            first = rows[0]
            self.ctx.events.sig_status_message.emit(
                self.tr("Appointment saved: {when}").format(
                    when=f"{fmt_date(first.starts_at.astimezone(BERLIN).date())} {fmt_time(first.starts_at)}"))
            if first.staff_id is not None and first.staff_id != self.staff_id():
                self.counsellor.setCurrentIndex(max(0, self.counsellor.findData(first.staff_id)))
            self.date.setDate(qdate(first.starts_at.astimezone(BERLIN).date()))
        self.reload()

    def book(self) -> None:
        dialog = self.make_dialog()
        if dialog is not None:
            dialog.exec()

    def change_selected(self) -> None:
        row = self.selected()
        if row is None or not self.may_book:
            return
        if row.status is not AppointmentStatus.BOOKED:
            self.ctx.events.sig_status_message.emit(self.tr("Only booked appointments can be changed."))
            return
        dialog = self.make_dialog(row)
        if dialog is not None:
            dialog.exec()

    def cancel_selected(self) -> None:
        row = self.selected()
        if row is None or row.status is not AppointmentStatus.BOOKED:
            return
        dialog = ReasonDialog(row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = dialog.reason.text()
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.cancel(actor, row.id, row.version, reason), None, self._fail)

    def no_show_selected(self) -> None:
        row = self.selected()
        if row is None or row.status is not AppointmentStatus.BOOKED:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.mark_no_show(actor, row.id, row.version), None, self._fail)

    def tick_reminded(self, row: ReminderRow, reminded: bool) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.set_reminded(actor, row.appointment.id, reminded), None, self._fail)

    def _toggle_reminder(self, index: int) -> None:
        row = self.reminder_model.row_at(index)
        if row is not None:
            self.tick_reminded(row, row.appointment.reminded_at is None)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Space and self.reminders.hasFocus():
            self._toggle_reminder(self.reminders.currentIndex().row())
            return
        super().keyPressEvent(event)

    # -- slip, lists, export ---------------------------------------------------------------------

    def _slip(self, then) -> None:
        row = self.selected()
        if row is None:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.run_in_worker(lambda: services.appointments.slip(actor, row.id), then, self._fail, receiver=self)

    def print_slip(self) -> None:
        self._slip(lambda slip: printing.print_document(self, printing.slip_document(slip), self.tr("Appointment slip")))

    def save_slip_pdf(self) -> None:
        def save(slip) -> None:
            default = str(Path.home() / f"Termin-{slip.starts_at.astimezone(BERLIN):%Y-%m-%d-%H%M}.pdf")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save appointment slip"), default, "PDF (*.pdf)")
            if path:
                printing.save_pdf(path, printing.slip_document(slip), self.tr("Appointment slip"))
                self.ctx.events.sig_status_message.emit(self.tr("Saved: {path}").format(path=path))
        self._slip(save)

    def reminder_document(self):
        day = pydate(self.reminder_date.date())
        return printing.html_document(printing.reminder_html(fmt_date(day), self.reminder_model.rows(), language_name))

    def print_reminders(self) -> None:
        printing.print_document(self, self.reminder_document(), self.tr("Reminder list"))

    def save_reminders_pdf(self) -> None:
        day = pydate(self.reminder_date.date())
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save reminder list"),
                                              str(Path.home() / f"Erinnerungen-{day:%Y-%m-%d}.pdf"), "PDF (*.pdf)")
        if path:
            printing.save_pdf(path, self.reminder_document(), self.tr("Reminder list"), landscape=True)

    def export_ics(self) -> None:
        staff_id = self.staff_id()
        if staff_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export appointments as ICS"),
                                              str(Path.home() / "termine.ics"), "iCalendar (*.ics)")
        if not path:
            return
        first = self.first_day()
        services, actor = self.ctx.services, self.ctx.actor

        def work() -> str:
            Path(path).write_bytes(services.appointments.export_ics(actor, staff_id=staff_id, first_day=first))
            return path

        self.ctx.run_in_worker(work, lambda p: self.ctx.events.sig_status_message.emit(
            self.tr("Saved: {path}").format(path=p)), self._fail, receiver=self)

    # -- interpreters, working hours, absences ----------------------------------------------

    def edit_interpreter(self, new: bool = False) -> None:
        if not self.may_interpreters:
            return
        current = None
        if not new:
            rows = self.interpreters.selectionModel().selectedRows()
            if not rows:
                return
            current = rows[0].data(ROW_ROLE)
        dialog = InterpreterDialog(current, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = {"name": dialog.name.text(), "languages": dialog.languages.text(), "phone": dialog.phone.text(),
                  "active": dialog.active.isChecked()}
        services, actor = self.ctx.services, self.ctx.actor
        interpreter_id = current.id if current else None
        self.ctx.run_in_worker(lambda: services.appointments.save_interpreter(actor, interpreter_id, **values),
                               lambda _r: self.load_choices(), self._fail, receiver=self)

    def edit_working_hours(self) -> None:
        staff_id = self.staff_id()
        schedule = getattr(self, "_schedule", None)
        if staff_id is None or schedule is None:
            return
        dialog = WorkingHoursDialog(self.counsellor.currentText(), list(schedule.hours), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        hours = dialog.hours
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.set_working_hours(actor, staff_id, hours), None, self._fail)

    def add_absence(self) -> None:
        staff_id = self.staff_id()
        if staff_id is None:
            return
        dialog = AbsenceDialog(self.counsellor.currentText(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last, reason = dialog.values()
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.add_absence(actor, staff_id, first, last, reason), None, self._fail)

    def remove_absence(self) -> None:
        rows = self.absences.selectionModel().selectedRows()
        if not rows:
            return
        absence = rows[0].data(ROW_ROLE)
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.remove_absence(actor, absence.id), None, self._fail)


__all__ = ["TermineView", "AgendaColumn"]
