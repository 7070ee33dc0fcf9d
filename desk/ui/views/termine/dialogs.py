"""Dialogs of the Termine view: book / change an appointment (client search, free slots,
interpreter, series, history), cancel with a reason, working hours, absence, interpreter.

Every dialog: Enter saves (Ctrl+Return in multi-line places), Escape closes without saving;
client text is shown as plain text only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.appointments import (
    InterpreterRow,
    Schedule,
    WorkingHourRow,
    local_moment,
    parse_hours,
    series_holidays,
    weekly_series,
)
from desk.domain.errors import ConflictError, DeskError, ValidationError
from desk.domain.model import (
    AppointmentRow,
    AppointmentStatus,
    ClientSearchHit,
    RoomRow,
    ServiceRow,
    StaffRow,
)
from desk.domain.public_holidays import holiday_name
from desk.services.appointments import AppointmentChange, AppointmentRequest
from desk.services.once import new_request_key
from desk.ui.clock import centre_today, qdate
from desk.ui.clock import today as today_qdate
from desk.ui.context import UiContext, error_text
from desk.ui.i18n import current_language, fmt_date, fmt_time, local
from desk.ui.views.termine.models import HistoryModel
from desk.ui.widgets.dates import DateEdit
from desk.ui.widgets.dialog import LockAwareDialog, WorkDialog
from desk.ui.widgets.languages import fill_language_combo, language_name
from desk.ui.widgets.tables import set_up_columns

DURATIONS = (15, 30, 45, 60, 90, 120)
SEARCH_DELAY_MS = 180


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


@dataclass(frozen=True)
class DialogChoices:
    """Reference data the dialog offers (loaded by the view, not by the dialog)."""

    services: list[ServiceRow]
    counsellors: list[StaffRow]
    rooms: list[RoomRow]
    interpreters: list[InterpreterRow]
    may_manage: bool


class AppointmentDialog(LockAwareDialog):
    """Book a new appointment (optionally a weekly series) or change an existing one."""

    sig_saved = Signal(object)
    """The saved AppointmentRow (or the list of rows of a new series)."""

    def __init__(self, ctx: UiContext, choices: DialogChoices, *, appointment: AppointmentRow | None = None,
                 staff_id: int | None = None, day: date | None = None, start: time | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AppointmentDialog")
        self.ctx = ctx
        self.choices = choices
        self.appointment = appointment
        # one booking per dialog: Save again after "the server is away" sends the same key, so a
        # first attempt that was saved after all is answered with its appointment (services/once.py)
        self.request_key = new_request_key()
        self.client: ClientSearchHit | None = None
        self.suggested: datetime | None = None
        self.schedule: Schedule | None = None  # the chosen counsellor's absences, for a series
        self._schedule_seq = 0
        self._search_seq = 0
        self._slot_seq = 0
        self._alive = True

        # -- client --------------------------------------------------------------------------
        self.client_search = QLineEdit()
        self.client_search.setObjectName("client_search")
        self.client_hits = QListWidget()
        self.client_hits.setObjectName("client_hits")
        self.client_hits.setMaximumHeight(110)
        self.client_label = _plain(QLabel())
        self.client_label.setObjectName("client_label")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.client_search.textEdited.connect(lambda _t: self._search_timer.start())
        self.client_search.returnPressed.connect(self._take_first_hit)
        self.client_hits.itemActivated.connect(self._on_hit_activated)
        self.client_hits.currentItemChanged.connect(lambda item, _old: item and self._on_hit_activated(item))

        # -- what, who, where ------------------------------------------------------------------
        self.service = QComboBox()
        self.service.setObjectName("service")
        for s in choices.services:
            if s.active:
                self.service.addItem(s.name(current_language()), s.id)
        self.counsellor = QComboBox()
        self.counsellor.setObjectName("counsellor")
        for s in choices.counsellors:
            if s.active:  # nothing new is booked with someone who left
                self.counsellor.addItem(s.display_name, s.id)
        self.room = QComboBox()
        self.room.setObjectName("room")
        self.room.addItem("", None)
        for r in choices.rooms:
            if r.active:
                self.room.addItem(r.name, r.id)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.interpreter = QComboBox()
        self.interpreter.setObjectName("interpreter")

        # -- when ----------------------------------------------------------------------------
        self.date = DateEdit()
        self.date.setObjectName("date")
        self.start = QTimeEdit()
        self.start.setObjectName("start")
        self.start.setDisplayFormat("HH:mm")
        self.duration = QComboBox()
        self.duration.setObjectName("duration")
        for minutes in DURATIONS:
            self.duration.addItem("", minutes)
        self.slots = QListWidget()
        self.slots.setObjectName("slots")
        self.slots.setFlow(QListWidget.Flow.LeftToRight)
        self.slots.setWrapping(True)
        self.slots.setMaximumHeight(76)
        self.slots.itemActivated.connect(self._on_slot_activated)
        self.slots.itemClicked.connect(self._on_slot_activated)
        self.slots_label = _plain(QLabel())

        # -- series (new appointments, counsellors only) --------------------------------------
        self.series_count = QSpinBox()
        self.series_count.setObjectName("series_count")
        self.series_count.setRange(1, 52)
        self.series_interval = QSpinBox()
        self.series_interval.setObjectName("series_interval")
        self.series_interval.setRange(1, 8)
        # a series over a public holiday (the centre is closed): left out unless unticked, and
        # the dates named before saving
        self.skip_holidays = QCheckBox()
        self.skip_holidays.setObjectName("skip_holidays")
        self.skip_holidays.setChecked(True)
        self.series_holidays = _plain(QLabel())
        self.series_holidays.setObjectName("series_holidays")
        self.series_holidays.setWordWrap(True)
        self.series_holidays.setVisible(False)

        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setMaxLength(1000)

        # -- message and buttons ---------------------------------------------------------------
        self.message = _plain(QLabel())
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setWordWrap(True)
        self.take_suggestion = QPushButton()
        self.take_suggestion.setObjectName("take_suggestion")
        self.take_suggestion.setVisible(False)
        self.take_suggestion.clicked.connect(self._take_suggestion)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)

        form = QFormLayout()
        self.client_row_label = QLabel()
        if appointment is None:
            form.addRow(self.client_row_label, self.client_search)
            form.addRow("", self.client_hits)
        form.addRow("", self.client_label)
        self.service_label, self.counsellor_label, self.room_label = QLabel(), QLabel(), QLabel()
        self.language_label, self.interpreter_label = QLabel(), QLabel()
        self.date_label, self.start_label, self.duration_label = QLabel(), QLabel(), QLabel()
        self.slot_row_label, self.note_label = QLabel(), QLabel()
        self.series_label, self.interval_label = QLabel(), QLabel()
        form.addRow(self.service_label, self.service)
        form.addRow(self.counsellor_label, self.counsellor)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.start_label)
        when.addWidget(self.start)
        when.addWidget(self.duration_label)
        when.addWidget(self.duration)
        when.addStretch(1)
        form.addRow(self.date_label, when)
        form.addRow(self.slot_row_label, self.slots)
        form.addRow("", self.slots_label)
        form.addRow(self.room_label, self.room)
        form.addRow(self.language_label, self.language)
        form.addRow(self.interpreter_label, self.interpreter)
        if appointment is None and choices.may_manage:
            series = QHBoxLayout()
            series.addWidget(self.series_count)
            series.addWidget(self.interval_label)
            series.addWidget(self.series_interval)
            series.addWidget(self.skip_holidays)
            series.addStretch(1)
            form.addRow(self.series_label, series)
            form.addRow("", self.series_holidays)
        form.addRow(self.note_label, self.note)
        for label, buddy in ((self.client_row_label, self.client_search), (self.service_label, self.service),
                             (self.counsellor_label, self.counsellor), (self.date_label, self.date),
                             (self.start_label, self.start), (self.duration_label, self.duration),
                             (self.slot_row_label, self.slots), (self.room_label, self.room),
                             (self.language_label, self.language), (self.interpreter_label, self.interpreter),
                             (self.series_label, self.series_count), (self.interval_label, self.series_interval),
                             (self.note_label, self.note)):
            label.setBuddy(buddy)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.take_suggestion)
        layout.addLayout(message_row)
        self.history: QTableView | None = None
        self.history_model: HistoryModel | None = None
        if appointment is not None:
            self.history_title = _plain(QLabel())
            self.history_model = HistoryModel(self)
            self.history = QTableView()
            self.history.setObjectName("history")
            self.history.setModel(self.history_model)
            self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            set_up_columns(self.history)
            self.history.horizontalHeader().setStretchLastSection(True)
            self.history.verticalHeader().setVisible(False)
            self.history.setMaximumHeight(150)
            layout.addWidget(self.history_title)
            layout.addWidget(self.history)
            # the reminders' sending log (time, channel, status, provider's id; never the text)
            self.reminder_log = _plain(QLabel())
            self.reminder_log.setObjectName("reminderLog")
            layout.addWidget(self.reminder_log)
        layout.addWidget(self.buttons)

        # -- initial values ------------------------------------------------------------------
        if appointment is not None:
            self._select(self.service, appointment.service_id)
            self.service.setEnabled(False)
            self._select(self.counsellor, appointment.staff_id)
            if self.counsellor.findData(appointment.staff_id) < 0:
                self.counsellor.setCurrentIndex(-1)  # theirs left: the person picks who takes it over
            self._select(self.room, appointment.room_id)
            start_local = local(appointment.starts_at)
            self.date.setDate(qdate(start_local.date()))
            self.start.setTime(QTime(start_local.hour, start_local.minute))
            minutes = int((appointment.ends_at - appointment.starts_at).total_seconds() // 60)
            if self.duration.findData(minutes) < 0:
                self.duration.addItem("", minutes)
            self._select(self.duration, minutes)
            self.note.setText(appointment.note)
            self.client_label.setText(appointment.client_name)
            self._load_history()
        else:
            if staff_id is not None:
                self._select(self.counsellor, staff_id)
                if self.counsellor.findData(staff_id) < 0:
                    self.counsellor.setCurrentIndex(-1)  # that counsellor left: the person picks another
            self.date.setDate(qdate(day or centre_today()))
            self.start.setTime(QTime((start or time(9)).hour, (start or time(9)).minute))
            self._select(self.duration, 45)
        self._fill_languages(appointment.interpreter_language if appointment else "")
        self._fill_interpreters(appointment.interpreter_id if appointment else None)
        self.language.currentIndexChanged.connect(lambda _i: self._fill_interpreters(self._interpreter_id()))
        for signal in (self.counsellor.currentIndexChanged, self.duration.currentIndexChanged,
                       self.interpreter.currentIndexChanged):
            signal.connect(lambda _i: self.load_slots())
        # the absences: named under the free slots, and in a counsellor's series before saving
        self.counsellor.currentIndexChanged.connect(lambda _i: self.load_schedule())
        self.load_schedule()
        self.date.dateChanged.connect(lambda _d: self.load_slots())
        for signal in (self.date.dateChanged, self.start.timeChanged, self.series_count.valueChanged,
                       self.series_interval.valueChanged, self.skip_holidays.toggled):
            signal.connect(lambda _v: self._show_series_holidays())
        self.retranslate()
        self.load_slots()
        (self.client_search if appointment is None else self.start).setFocus()

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Book appointment") if self.appointment is None else self.tr("Change appointment"))
        self.client_row_label.setText(self.tr("&Client:"))
        self.client_search.setPlaceholderText(self.tr("Name, client number, date of birth or phone"))
        self.client_search.setAccessibleName(self.tr("Search client"))
        self.client_hits.setAccessibleName(self.tr("Clients found"))
        self.client_label.setAccessibleName(self.tr("Chosen client"))
        if self.client is None and self.appointment is None:
            self.client_label.setText(self.tr("No client chosen yet."))
        self.service_label.setText(self.tr("&Service:"))
        self.service.setAccessibleName(self.tr("Service"))
        self.counsellor_label.setText(self.tr("C&ounsellor:"))
        self.counsellor.setAccessibleName(self.tr("Counsellor"))
        self.date_label.setText(self.tr("&Date:"))
        self.date.setAccessibleName(self.tr("Date"))
        self.start_label.setText(self.tr("S&tart:"))
        self.start.setAccessibleName(self.tr("Start time"))
        self.duration_label.setText(self.tr("D&uration:"))
        self.duration.setAccessibleName(self.tr("Duration"))
        for i in range(self.duration.count()):
            self.duration.setItemText(i, self.tr("{minutes} min").format(minutes=self.duration.itemData(i)))
        self.slot_row_label.setText(self.tr("&Free slots:"))
        self.slots.setAccessibleName(self.tr("Free slots of the counsellor on this day"))
        self.slots.setToolTip(self.tr("Enter or click takes the time"))
        self.room_label.setText(self.tr("&Room:"))
        self.room.setAccessibleName(self.tr("Room"))
        self.room.setItemText(0, self.tr("(no room)"))
        self.language_label.setText(self.tr("Interpreter &language:"))
        self.language.setAccessibleName(self.tr("Interpreter language"))
        self.interpreter_label.setText(self.tr("&Interpreter:"))
        self.interpreter.setAccessibleName(self.tr("Booked interpreter"))
        self.series_label.setText(self.tr("Se&ries:"))
        self.series_count.setSuffix(self.tr(" appointment(s)"))
        self.series_count.setAccessibleName(self.tr("Number of appointments in the series"))
        self.interval_label.setText(self.tr("every"))
        self.series_interval.setSuffix(self.tr(" week(s)"))
        self.series_interval.setAccessibleName(self.tr("Weeks between the appointments of the series"))
        self.skip_holidays.setText(self.tr("Skip public holidays"))
        self.skip_holidays.setToolTip(self.tr("The centre is closed on public holidays of Baden-Württemberg"))
        self.series_holidays.setAccessibleName(self.tr("Public holidays in the series"))
        self._show_series_holidays()
        self.note_label.setText(self.tr("&Note:"))
        self.note.setAccessibleName(self.tr("Note"))
        self.take_suggestion.setText(self.tr("&Take the suggestion"))
        self.take_suggestion.setAccessibleName(self.tr("Take the suggested free slot"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(self.tr("Save (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            self.tr("Close without saving (Escape)"))
        if self.history is not None:
            self.history_title.setText(self.tr("History"))
            self.history.setAccessibleName(self.tr("History of this appointment"))

    # -- helpers -----------------------------------------------------------------------------

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _fill_languages(self, current: str) -> None:
        fill_language_combo(self.language, none_label=self.tr("(no interpreter needed)"), current=current)

    def _interpreter_id(self) -> int | None:
        return self.interpreter.currentData()

    def _fill_interpreters(self, current: int | None) -> None:
        language = self.language.currentData() or ""
        self.interpreter.blockSignals(True)
        self.interpreter.clear()
        self.interpreter.addItem(self.tr("(none booked)"), None)
        for i in self.choices.interpreters:
            if i.active and i.speaks(language) or i.id == current:
                self.interpreter.addItem(f"{i.name} ({', '.join(i.languages)})", i.id)
        self._select(self.interpreter, current)
        self.interpreter.blockSignals(False)
        self.load_slots()

    def starts_at(self) -> datetime:
        t = self.start.time()
        return local_moment(pydate(self.date.date()), time(t.hour(), t.minute()))

    def minutes(self) -> int:
        return int(self.duration.currentData() or 45)

    def series_spans(self) -> list[tuple[datetime, datetime]]:
        """The dates the series would get (before holidays are left out); [] for one appointment."""
        count = self.series_count.value()
        if self.appointment is not None or not self.choices.may_manage or count <= 1:
            return []
        try:
            start = self.starts_at()
            return weekly_series(start, start + timedelta(minutes=self.minutes()), count=count,
                                 interval_weeks=self.series_interval.value())
        except ValidationError:
            return []  # an impossible time: the save says why

    def _show_series_holidays(self) -> None:
        """Before saving: which dates of the series are public holidays, and what happens to them."""
        spans = self.series_spans()
        self.skip_holidays.setEnabled(self.series_count.value() > 1)
        holidays = series_holidays(spans, current_language())
        lines = []
        if holidays:
            days = ", ".join(f"{fmt_date(day)} ({name})" for day, name in holidays)
            if self.skip_holidays.isChecked():
                lines.append(self.tr("{kept} appointments will be booked. Left out because they are public "
                                     "holidays: {days}.").format(kept=len(spans) - len(holidays), days=days))
            else:
                lines.append(self.tr("Booked on public holidays too (the centre is closed): {days}.").format(
                    days=days))
        # the counsellor's own absences (holidays, training): a counsellor may book into them, so
        # the series names those dates before it is saved (the agenda would list them afterwards)
        skipped = {day for day, _name in holidays} if self.skip_holidays.isChecked() else set()
        absent = [day for day in (local(start).date() for start, _end in spans)
                  if day not in skipped and self.schedule is not None and self.schedule.absence_on(day)]
        if absent:
            lines.append(self.tr("{counsellor} is absent on {days}: these appointments would fall into the "
                                 "absence.").format(counsellor=self.counsellor.currentText(),
                                                    days=", ".join(fmt_date(day) for day in absent)))
        self.series_holidays.setText("\n".join(lines))
        self.series_holidays.setVisible(bool(lines))
        if lines and self.isVisible():  # grow to show every line (a dialog keeps its size otherwise)
            self.layout().activate()
            needed = self.layout().totalHeightForWidth(self.width()) if self.layout().hasHeightForWidth() \
                else self.sizeHint().height()
            if needed > self.height():
                self.resize(self.width(), needed)

    def load_schedule(self) -> None:
        """The chosen counsellor's absences (off the GUI thread), for the series' note and the
        line under the free slots."""
        staff_id = self.counsellor.currentData()
        self._schedule_seq += 1
        seq = self._schedule_seq
        self.schedule = None
        if staff_id is None:
            return
        services, actor = self.ctx.services, self.ctx.actor

        def take(schedule: Schedule) -> None:
            if seq == self._schedule_seq and self._alive:
                self.schedule = schedule
                self._show_series_holidays()
                self._show_slots_label()

        self.ctx.run_in_worker(lambda: services.appointments.schedule(actor, staff_id), take, self._show_error,
                               receiver=self)

    # -- client search -----------------------------------------------------------------------

    def _run_search(self) -> None:
        query = self.client_search.text()
        self._search_seq += 1
        seq = self._search_seq
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.run_in_worker(lambda: services.clients.search(actor, query),
                               lambda hits: self._show_hits(seq, hits), self._show_error, receiver=self)

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        self._alive = False  # late worker answers are dropped from now on
        super().done(result)

    def _show_hits(self, seq: int, hits: list[ClientSearchHit]) -> None:
        if seq != self._search_seq or not self._alive:
            return  # an older answer arriving late
        self.client_hits.clear()
        for hit in hits:
            born = fmt_date(hit.date_of_birth) if hit.date_of_birth else ""
            text = "  ".join(p for p in (hit.display_name, hit.client_number, born, language_name(hit.language)) if p)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.client_hits.addItem(item)

    def _take_first_hit(self) -> None:
        self._search_timer.stop()
        if self.client_hits.count():
            self.client_hits.setCurrentRow(0)
            self.service.setFocus()
        else:
            self._run_search()

    def _on_hit_activated(self, item: QListWidgetItem) -> None:
        hit = item.data(Qt.ItemDataRole.UserRole)
        if hit is not None:
            self.set_client(hit)

    def set_client(self, hit: ClientSearchHit) -> None:
        self.client = hit
        self.client_label.setText(f"{hit.display_name}  {hit.client_number}")
        if hit.interpreter_needed and not self.language.currentData():
            self._fill_languages(hit.language)
            self._fill_interpreters(None)

    # -- free slots --------------------------------------------------------------------------

    def load_slots(self) -> None:
        staff_id = self.counsellor.currentData()
        if staff_id is None:
            return
        self._slot_seq += 1
        seq = self._slot_seq
        day, duration = pydate(self.date.date()), timedelta(minutes=self.minutes())
        interpreter_id = self._interpreter_id()
        exclude = self.appointment.id if self.appointment else None
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.run_in_worker(
            lambda: services.appointments.free_slots(actor, staff_id, day, duration,
                                                     interpreter_id=interpreter_id, exclude_id=exclude),
            lambda starts: self._show_slots(seq, starts), self._show_error, receiver=self)

    def _show_slots(self, seq: int, starts: list[datetime]) -> None:
        if seq != self._slot_seq or not self._alive:
            return
        self.slots.clear()
        for start in starts:
            item = QListWidgetItem(fmt_time(start))
            item.setData(Qt.ItemDataRole.UserRole, start)
            self.slots.addItem(item)
        self._show_slots_label()

    def _show_slots_label(self) -> None:
        """How many free slots, or why there are none (a holiday, the counsellor's absence)."""
        starts = self.slots.count()
        day = pydate(self.date.date())
        holiday = holiday_name(day, current_language())
        # None while the chosen counsellor's schedule loads (load_schedule drops the previous one)
        absence = self.schedule.absence_on(day) if self.schedule is not None else None
        if holiday and not starts:
            self.slots_label.setText(self.tr("Public holiday ({holiday}): the centre is closed.").format(
                holiday=holiday))
        elif absence is not None and not starts:
            # a counsellor may still book it (as outside the hours): nobody should do so unawares
            self.slots_label.setText(self.tr("{counsellor} is absent on this day: an appointment here falls "
                                             "into the absence.").format(counsellor=self.counsellor.currentText()))
        else:
            self.slots_label.setText(
                self.tr("{count} free slots on this day.").format(count=starts) if starts
                else self.tr("No free slot on this day (working hours, absence or fully booked)."))

    def _on_slot_activated(self, item: QListWidgetItem) -> None:
        start = item.data(Qt.ItemDataRole.UserRole)
        if start is not None:
            self.set_start(start)

    def set_start(self, start: datetime) -> None:
        moment = local(start)
        self.date.setDate(qdate(moment.date()))
        self.start.setTime(QTime(moment.hour, moment.minute))

    def _take_suggestion(self) -> None:
        if self.suggested is not None:
            self.set_start(self.suggested)
            self.take_suggestion.setVisible(False)
            self.message.clear()

    # -- save --------------------------------------------------------------------------------

    def save(self) -> None:
        """Validate, then book/change off the GUI thread; on success emit sig_saved and close."""
        if self.busy:
            return
        self.message.clear()
        self.take_suggestion.setVisible(False)
        try:
            start = self.starts_at()
        except ValidationError as error:
            self._show_error(error)
            return
        end = start + timedelta(minutes=self.minutes())
        staff_id = self.counsellor.currentData()
        if staff_id is None:
            self.message.setText(self.tr("Please choose a counsellor."))
            return
        services, actor = self.ctx.services, self.ctx.actor
        language = self.language.currentData() or ""
        interpreter_id = self._interpreter_id()
        if self.appointment is None:
            if self.client is None:
                self.message.setText(self.tr("Please choose a client first (search by name)."))
                self.client_search.setFocus()
                return
            request = AppointmentRequest(
                client_id=self.client.id, service_id=self.service.currentData(), staff_id=staff_id,
                starts_at=start, ends_at=end, room_id=self.room.currentData(),
                interpreter_language=language, interpreter_id=interpreter_id, note=self.note.text(),
                request_key=self.request_key)
            count, interval = self.series_count.value(), self.series_interval.value()
            skip = self.skip_holidays.isChecked()
            if count > 1 and self.choices.may_manage:
                def work():
                    return services.appointments.book_series(actor, request, count=count, interval_weeks=interval,
                                                             skip_holidays=skip)
            else:
                def work():
                    return services.appointments.book(actor, request)
        else:
            change = AppointmentChange(starts_at=start, ends_at=end, staff_id=staff_id,
                                       room_id=self.room.currentData(), interpreter_language=language,
                                       interpreter_id=interpreter_id, note=self.note.text())
            appointment = self.appointment

            def work():
                return services.appointments.change(actor, appointment.id, appointment.version, change)
        # busy until the outcome is back: buttons disabled, no second save, Esc waits
        self.run_busy(self.ctx, work, self._saved, self._save_failed, self.buttons)

    def _saved(self, result) -> None:
        self.sig_saved.emit(result)
        if self._alive:
            self.accept()

    def _save_failed(self, error: Exception) -> None:
        self._show_error(error)
        if isinstance(error, ConflictError):
            self.load_slots()

    def _show_error(self, error: Exception) -> None:
        if not self._alive:
            return
        self.message.setText(error_text(error))
        self.suggested = error.params.get("next_start") if isinstance(error, DeskError) else None
        if self.suggested is not None and self.series_spans():
            # a series clashing in a later week: the suggestion is that week's next free slot.
            # Taking it must not move the series' first date to that week (the weeks before
            # would silently go): the series keeps its first date and takes the suggested time
            # when it is on the series' weekday; otherwise there is nothing to take.
            first = pydate(self.date.date())
            moment = local(self.suggested)
            try:
                self.suggested = (local_moment(first, moment.time().replace(second=0, microsecond=0))
                                  if moment.weekday() == first.weekday() else None)
            except ValidationError:
                self.suggested = None
        self.take_suggestion.setVisible(self.suggested is not None)

    def _load_history(self) -> None:
        assert self.appointment is not None and self.history_model is not None
        services, actor, appointment_id = self.ctx.services, self.ctx.actor, self.appointment.id
        model = self.history_model
        self.ctx.run_in_worker(lambda: services.appointments.history(actor, appointment_id),
                               model.set_rows, self._show_error, receiver=self)
        from desk.ui.views.termine.reminder_log import log_text

        self.ctx.run_in_worker(lambda: services.reminders.log(actor, appointment_id),
                               lambda rows: self.reminder_log.setText(log_text(rows)), self._show_error,
                               receiver=self)


class ReasonDialog(LockAwareDialog):
    """Cancel an appointment: a reason is required."""

    def __init__(self, appointment: AppointmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReasonDialog")
        self.setWindowTitle(self.tr("Cancel appointment"))
        what = _plain(QLabel(f"{fmt_date(local(appointment.starts_at).date())} {fmt_time(appointment.starts_at)}"
                             f"–{fmt_time(appointment.ends_at)}  {appointment.client_name}"))
        what.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(500)
        self.reason.setAccessibleName(self.tr("Reason for the cancellation"))
        self.reason.setPlaceholderText(self.tr("e.g. client ill, client called, counsellor absent"))
        label = QLabel(self.tr("&Reason:"))
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel appointment"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Keep appointment"))
        self.buttons.accepted.connect(self._accept_if_reason)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.reason, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)

    def _accept_if_reason(self) -> None:
        if self.reason.text().strip():
            self.accept()
        else:
            self.reason.setFocus()


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_hours(hours: list[WorkingHourRow], weekday: int) -> str:
    return ", ".join(f"{h.start:%H:%M}-{h.end:%H:%M}" for h in hours if h.weekday == weekday)


class WorkingHoursDialog(LockAwareDialog):
    """A counsellor's weekly working hours as one line per weekday (`09:00-12:00, 13:00-16:00`)."""

    def __init__(self, name: str, hours: list[WorkingHourRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkingHoursDialog")
        self.setWindowTitle(self.tr("Working hours of {name}").format(name=name))
        grid = QGridLayout()
        hint = _plain(QLabel(self.tr("One line per weekday, e.g. 09:00-12:00, 13:00-16:00. Empty: not working.")))
        hint.setWordWrap(True)
        self.lines: list[QLineEdit] = []
        names = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                 self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday")]
        for weekday, day_name in enumerate(names):
            edit = QLineEdit(format_hours(hours, weekday))
            edit.setObjectName(f"hours_{weekday}")
            edit.setAccessibleName(self.tr("Working hours on {day}").format(day=day_name))
            label = QLabel(f"&{day_name}:" if weekday < 5 else f"{day_name}:")
            label.setBuddy(edit)
            grid.addWidget(label, weekday, 0)
            grid.addWidget(edit, weekday, 1)
            self.lines.append(edit)
        self.message = _plain(QLabel())
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.hours: list[WorkingHourRow] = []

    def _accept_if_valid(self) -> None:
        try:
            self.hours = [h for weekday, edit in enumerate(self.lines) for h in parse_hours(weekday, edit.text())]
        except ValidationError as error:
            self.message.setText(error_text(error))
            return
        self.accept()


class AbsenceDialog(WorkDialog):
    """A counsellor's absence: Save stores it (the tab's `run_on_accept`), the dialog closes only
    then; after a fault it stays open and Save again sends the same request key (one absence)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AbsenceDialog")
        self.request_key = new_request_key()  # one absence per dialog, however often Save is pressed
        self.setWindowTitle(self.tr("Absence of {name}").format(name=name))
        today = today_qdate()
        self.first = DateEdit(today)
        self.last = DateEdit(today)
        for edit, name_ in ((self.first, self.tr("First day of the absence")),
                            (self.last, self.tr("Last day of the absence"))):
            edit.setAccessibleName(name_)
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setAccessibleName(self.tr("Reason (optional)"))
        self.reason.setPlaceholderText(self.tr("e.g. holiday, training"))
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.first)
        form.addRow(self.tr("&To:"), self.last)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.message = _plain(QLabel())
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def values(self) -> tuple[date, date, str]:
        return pydate(self.first.date()), pydate(self.last.date()), self.reason.text()


class InterpreterDialog(WorkDialog):
    """An interpreter of the directory, new or changed: Save stores it (the tab's `run_on_accept`),
    the dialog closes only then; a new one saved again after a fault sends the same request key."""

    def __init__(self, interpreter: InterpreterRow | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InterpreterDialog")
        # one new entry per dialog, however often Save is pressed (a change needs none)
        self.request_key = new_request_key() if interpreter is None else None
        self.setWindowTitle(self.tr("Interpreter"))
        self.name = QLineEdit(interpreter.name if interpreter else "")
        self.name.setMaxLength(200)
        self.name.setAccessibleName(self.tr("Name"))
        self.languages = QLineEdit(", ".join(interpreter.languages) if interpreter else "")
        self.languages.setAccessibleName(self.tr("Languages as codes"))
        self.languages.setPlaceholderText(self.tr("language codes, e.g. ar, fa, uk"))
        self.phone = QLineEdit(interpreter.phone if interpreter else "")
        self.phone.setMaxLength(60)
        self.phone.setAccessibleName(self.tr("Phone"))
        self.active = QCheckBox(self.tr("&Active"))
        self.active.setChecked(interpreter.active if interpreter else True)
        self.active.setAccessibleName(self.tr("Active"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Languages:"), self.languages)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow("", self.active)
        self.message = _plain(QLabel())
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)


def may_change(appointment: AppointmentRow) -> bool:
    return appointment.status is AppointmentStatus.BOOKED
