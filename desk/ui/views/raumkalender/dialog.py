"""The booking dialog: one form for a new booking and for an existing one (with the three edit
scopes of a series, cancel/restore, actual participants and the history of every change)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.bookings import BookingDraft, BookingRow, SaveResult
from desk.domain.errors import ConflictError, DeskError
from desk.domain.model import BookingKind, BookingOccurrenceRow, HolidayPolicy, RoomKind, RoomRow
from desk.domain.recurrence import (
    EditScope,
    Frequency,
    RuleSpec,
    holiday_preview,
    nth_of_month,
    parse_rrule,
    place,
    to_rrule,
    validate_rule,
)
from desk.domain.tickets import BERLIN
from desk.services.context import Actor
from desk.services.desk import DeskServices
from desk.services.once import new_request_key
from desk.ui import clock as ui_clock
from desk.ui.colours import message_style
from desk.ui.context import UiContext, error_text
from desk.ui.i18n import current_language, fmt_date, fmt_datetime, local
from desk.ui.views.raumkalender.labels import action_label, frequency_label, kind_label, scope_label
from desk.ui.widgets.dates import DateEdit
from desk.ui.widgets.dialog import LockAwareDialog


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def load_occurrence(services: DeskServices, actor: Actor,
                    occurrence_id: int) -> tuple[BookingOccurrenceRow, BookingRow]:
    """What the dialog shows of an existing date (run it in a worker, then open the dialog)."""
    occurrence = services.bookings.occurrence(actor, occurrence_id)
    return occurrence, services.bookings.booking(actor, occurrence.booking_id)


def _history_value(value: object) -> str:
    """A detail of the history as a person reads it: a list of ISO days as dates."""
    if isinstance(value, list):
        try:
            return ", ".join(fmt_date(date.fromisoformat(str(v))) for v in value)
        except ValueError:
            return ", ".join(str(v) for v in value)
    return str(value)


class BookingDialog(LockAwareDialog):
    """New booking (`existing` None) or an existing occurrence of a booking (`existing` from
    load_occurrence). Saving, cancelling and restoring run in a worker while the dialog is busy."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *, rooms: Sequence[RoomRow],
                 existing: tuple[BookingOccurrenceRow, BookingRow] | None = None,
                 room_id: int | None = None, start: datetime | None = None, end: datetime | None = None,
                 scope: EditScope = EditScope.THIS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("BookingDialog")
        self.occurrence: BookingOccurrenceRow | None = None
        self.booking: BookingRow | None = None
        self.saved = False
        # the dates of a new series left out because the room was taken (saved "without the taken dates")
        self.left_out: tuple[date, ...] = ()
        # set by the view: called after one date was cancelled here, so the view can offer Ctrl+Z
        self.cancelled_one_date: Callable[[int], None] | None = None
        self._suggestion: tuple[datetime, datetime] | None = None
        self._free_dates = 0  # dates of a clashing new series that are free (the skip button's count)
        # one booking per dialog: Save again after "the server is away" sends the same key, so a
        # first attempt that was saved after all is answered with its booking, not "room taken"
        self.request_key = new_request_key()
        self.rooms: list[RoomRow] = [r for r in rooms if r.bookable and r.active]
        if existing is not None:
            self.occurrence, self.booking = existing
        self._build()
        self._fill(room_id, start, end, scope)
        self.retranslate()

    # -- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        self.room = QComboBox()
        for room in self.rooms:
            self.room.addItem(room.name, room.id)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(500)
        self.kind = QComboBox()
        for kind in BookingKind:
            self.kind.addItem("", kind.value)
        self.day = DateEdit()
        self.start_time = QTimeEdit()
        self.end_time = QTimeEdit()
        for edit in (self.start_time, self.end_time):
            edit.setDisplayFormat("HH:mm")
        self.end_next_day = QCheckBox()
        self.organiser = QLineEdit()
        self.organiser.setMaxLength(200)
        self.expected = QSpinBox()
        self.expected.setRange(0, 10_000)
        self.capacity_label = _plain(QLabel())
        self.capacity_label.setObjectName("capacityWarning")
        self.kitchen = QCheckBox()
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.actual = QSpinBox()
        self.actual.setRange(-1, 10_000)
        self.actual.setSpecialValueText("–")

        self.frequency = QComboBox()
        for frequency in Frequency:
            self.frequency.addItem("", frequency.value)
        self.nth = QComboBox()
        for value in (1, 2, 3, 4, -1):
            self.nth.addItem("", value)
        self.end_mode = QComboBox()
        for value in ("open", "until", "count"):
            self.end_mode.addItem("", value)
        self.until = DateEdit()
        self.count = QSpinBox()
        self.count.setRange(1, 520)
        self.count.setValue(10)
        self.holiday_policy = QComboBox()
        self.holiday_policy.addItem("", HolidayPolicy.SKIP.value)
        self.holiday_policy.addItem("", HolidayPolicy.FLAG.value)

        self.scope_box = QGroupBox()
        self.scope_group = QButtonGroup(self)
        scope_layout = QVBoxLayout(self.scope_box)
        self.scope_buttons: dict[EditScope, QRadioButton] = {}
        for scope in EditScope:
            button = QRadioButton()
            self.scope_group.addButton(button)
            scope_layout.addWidget(button)
            self.scope_buttons[scope] = button

        self.conflict_label = _plain(QLabel())
        self.conflict_label.setObjectName("conflictMessage")
        self.preview = _plain(QLabel())
        self.preview.setObjectName("holidayPreview")
        self._last_day: QDate | None = None
        self.use_suggestion = QPushButton()
        self.use_suggestion.clicked.connect(self._apply_suggestion)
        self.skip_taken_button = QPushButton()
        self.skip_taken_button.clicked.connect(lambda: self.save(skip_taken=True))
        self.history = QListWidget()
        self.history.setObjectName("history")
        self.history.setFixedHeight(110)

        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_booking_button = QPushButton()
        self.cancel_booking_button.clicked.connect(self.cancel_booking)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_date)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.ics_button = QPushButton()
        self.ics_button.clicked.connect(self.export_series)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save)

        self.form = QFormLayout()
        times = QHBoxLayout()
        times.addWidget(self.day)
        times.addWidget(self.start_time)
        self.dash = QLabel("–")
        times.addWidget(self.dash)
        times.addWidget(self.end_time)
        times.addWidget(self.end_next_day)
        times.addStretch(1)
        recurrence = QHBoxLayout()
        recurrence.addWidget(self.frequency)
        recurrence.addWidget(self.nth)
        recurrence.addWidget(self.end_mode)
        recurrence.addWidget(self.until)
        recurrence.addWidget(self.count)
        recurrence.addStretch(1)
        people = QHBoxLayout()
        people.addWidget(self.expected)
        people.addWidget(self.capacity_label, 1)
        self.labels = {key: _plain(QLabel()) for key in ("room", "title", "kind", "when", "organiser", "expected",
                                                          "notes", "repeat", "holidays", "actual", "history")}
        self.form.addRow(self.labels["room"], self.room)
        self.form.addRow("", self.kitchen)
        self.form.addRow(self.labels["title"], self.title_edit)
        self.form.addRow(self.labels["kind"], self.kind)
        self.form.addRow(self.labels["when"], times)
        self.form.addRow(self.labels["repeat"], recurrence)
        self.form.addRow(self.labels["holidays"], self.holiday_policy)
        self.form.addRow(self.labels["organiser"], self.organiser)
        self.form.addRow(self.labels["expected"], people)
        self.form.addRow(self.labels["actual"], self.actual)
        self.form.addRow(self.labels["notes"], self.notes)
        for key, widget in (("room", self.room), ("title", self.title_edit), ("kind", self.kind),
                            ("organiser", self.organiser), ("expected", self.expected), ("notes", self.notes),
                            ("holidays", self.holiday_policy), ("actual", self.actual)):
            self.labels[key].setBuddy(widget)

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_booking_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.ics_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.scope_box)
        layout.addWidget(self.preview)
        conflict = QHBoxLayout()
        conflict.addWidget(self.conflict_label, 1)
        conflict.addWidget(self.use_suggestion)
        conflict.addWidget(self.skip_taken_button)
        layout.addLayout(conflict)
        layout.addWidget(self.labels["history"])
        layout.addWidget(self.history)
        layout.addLayout(buttons)

        for signal in (self.room.currentIndexChanged, self.expected.valueChanged):
            signal.connect(self._update_capacity)
        self.room.currentIndexChanged.connect(self._update_kitchen)
        self.frequency.currentIndexChanged.connect(self._update_recurrence)
        self.end_mode.currentIndexChanged.connect(self._update_recurrence)
        self.day.dateChanged.connect(self._on_day_changed)
        for signal in (self.until.dateChanged, self.count.valueChanged, self.holiday_policy.currentIndexChanged,
                       self.nth.currentIndexChanged, self.start_time.timeChanged):
            signal.connect(lambda *_: self._update_preview())
        for button in self.scope_buttons.values():
            button.toggled.connect(self._update_recurrence)
        # the offer to leave out the taken dates was made for the series as it was: a change hides it
        for signal in (self.room.currentIndexChanged, self.day.dateChanged, self.start_time.timeChanged,
                       self.end_time.timeChanged, self.end_next_day.toggled, self.frequency.currentIndexChanged,
                       self.nth.currentIndexChanged, self.end_mode.currentIndexChanged, self.until.dateChanged,
                       self.count.valueChanged, self.holiday_policy.currentIndexChanged, self.kitchen.toggled):
            signal.connect(lambda *_: self.skip_taken_button.setVisible(False))
        self.setTabOrder(self.room, self.kitchen)

    # -- content ---------------------------------------------------------------------------------

    def _fill(self, room_id: int | None, start: datetime | None, end: datetime | None, scope: EditScope) -> None:
        b, o = self.booking, self.occurrence
        if b is not None and o is not None:
            room_id = o.room_id
            start, end = o.starts_at, o.ends_at
            self.title_edit.setText(o.title)
            self.kind.setCurrentIndex(self.kind.findData(b.kind.value))
            self.organiser.setText(b.organiser)
            self.expected.setValue(b.expected_participants or 0)
            self.notes.setPlainText(b.notes)
            self.kitchen.setChecked(b.linked_booking_id is not None)
            self.actual.setValue(o.actual_participants if o.actual_participants is not None else -1)
            rule = parse_rrule(b.rrule)
            self.frequency.setCurrentIndex(self.frequency.findData(rule.frequency.value))
            self.holiday_policy.setCurrentIndex(self.holiday_policy.findData(b.holiday_policy.value))
            if rule.until is not None:
                self.end_mode.setCurrentIndex(self.end_mode.findData("until"))
                self.until.setDate(QDate(rule.until.year, rule.until.month, rule.until.day))
            elif rule.count is not None:
                self.end_mode.setCurrentIndex(self.end_mode.findData("count"))
                self.count.setValue(rule.count)
            if rule.nth is not None:
                self.nth.setCurrentIndex(self.nth.findData(rule.nth))
            self._load_history()
        now = ui_clock.now().astimezone(BERLIN)
        start = start or place(datetime.combine(now.date() + timedelta(days=1), time(10)))
        end = end or start + timedelta(hours=1)
        start_local, end_local = local(start), local(end)
        self.day.setDate(QDate(start_local.year, start_local.month, start_local.day))
        self.start_time.setTime(QTime(start_local.hour, start_local.minute))
        self.end_time.setTime(QTime(end_local.hour, end_local.minute))
        self.end_next_day.setChecked(end_local.date() > start_local.date())
        if room_id is not None and self.room.findData(room_id) >= 0:
            self.room.setCurrentIndex(self.room.findData(room_id))
        if b is None:
            self.kind.setCurrentIndex(-1)  # no misleading default: the person says what it is
            self.until.setDate(self.day.date().addMonths(3))
            self.nth.setCurrentIndex(self.nth.findData(nth_of_month(start_local.date())))
        series = b is not None and b.rrule is not None
        self.scope_box.setVisible(series)
        self.scope_buttons[scope if series else EditScope.ALL].setChecked(True)
        self.cancel_booking_button.setVisible(o is not None and not o.cancelled)
        self.restore_button.setVisible(o is not None and o.cancelled)
        self.actual.setEnabled(o is not None)
        self.ics_button.setVisible(b is not None)
        if o is None:
            self.actual.setValue(-1)
        self.labels["history"].setVisible(b is not None)
        self.history.setVisible(b is not None)
        self.use_suggestion.setVisible(False)
        self.skip_taken_button.setVisible(False)
        self._update_kitchen()
        self._update_capacity()
        self._update_recurrence()

    def _load_history(self) -> None:
        assert self.booking is not None
        services, actor, booking_id = self.ctx.services, self.ctx.actor, self.booking.id
        self.ctx.run_in_worker(lambda: services.bookings.history(actor, booking_id), self._show_history,
                               lambda error: self._show_message(error_text(error), error=True), receiver=self)

    def _show_history(self, rows) -> None:
        assert self.booking is not None
        self.history.clear()
        keys = {"date": self.tr("date"), "reason": self.tr("reason"), "title": self.tr("title"),
                "new": self.tr("new"), "dates": self.tr("dates"),
                "cancelled_because_taken": self.tr("left out, the room was taken")}
        linked_room = next((r.name for r in self.rooms if r.id == self.booking.linked_room_id), "")
        for row in rows:
            details = ""
            try:
                data = json.loads(row.details or "{}")
                details = ", ".join(f"{keys[k]}: {_history_value(v)}" for k, v in data.items()
                                    if k in keys and v not in ("", None, []))
            except ValueError:
                details = row.details
            text = f"{fmt_datetime(row.at)} – {row.actor_name} – {action_label(row.action)}"
            if row.entity_id == self.booking.linked_booking_id and linked_room:
                text += f" [{linked_room}]"
            self.history.addItem(f"{text} ({details})" if details else text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Booking") if self.booking else self.tr("New booking"))
        texts = {"room": self.tr("&Room"), "title": self.tr("&Title"), "kind": self.tr("&Kind"),
                 "when": self.tr("Date and time"), "organiser": self.tr("&Organiser"),
                 "expected": self.tr("&Expected participants"), "notes": self.tr("&Notes"),
                 "repeat": self.tr("Repeat"), "holidays": self.tr("&Public holidays"),
                 "actual": self.tr("&Actual participants"), "history": self.tr("History")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        for i, kind in enumerate(BookingKind):
            self.kind.setItemText(i, kind_label(kind))
        for i, frequency in enumerate(Frequency):
            self.frequency.setItemText(i, frequency_label(frequency))
        for i, text in enumerate((self.tr("1st week"), self.tr("2nd week"), self.tr("3rd week"), self.tr("4th week"),
                                  self.tr("last week"))):
            self.nth.setItemText(i, text)
        for i, text in enumerate((self.tr("without end"), self.tr("until"), self.tr("number of dates"))):
            self.end_mode.setItemText(i, text)
        self.kind.setPlaceholderText(self.tr("– choose the kind –"))
        self.holiday_policy.setItemText(0, self.tr("Skip public holidays"))
        self.holiday_policy.setItemText(1, self.tr("Keep dates on public holidays and mark them"))
        self.kitchen.setText(self.tr("Also book the tea kitchen"))
        self.end_next_day.setText(self.tr("ends the next day"))
        self.scope_box.setTitle(self.tr("Apply changes to"))
        for scope, button in self.scope_buttons.items():
            button.setText(scope_label(scope))
            button.setAccessibleName(scope_label(scope))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_booking_button.setText(self.tr("Cancel &booking"))
        self.restore_button.setText(self.tr("&Restore date"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close without saving (Esc)"))
        self.use_suggestion.setText(self.tr("&Use suggested time"))
        self._name_skip_button()
        self.ics_button.setText(self.tr("Calendar file (ICS)"))
        self.ics_button.setToolTip(self.tr("Save all dates of this booking as a calendar file"))
        self.actual.setToolTip(self.tr("Entered after the event, for the reports"))
        for widget, name in ((self.room, self.tr("Room")), (self.title_edit, self.tr("Title")),
                             (self.kind, self.tr("Kind")), (self.day, self.tr("Date")),
                             (self.start_time, self.tr("Start")), (self.end_time, self.tr("End")),
                             (self.end_next_day, self.tr("ends the next day")),
                             (self.organiser, self.tr("Organiser")), (self.expected, self.tr("Expected participants")),
                             (self.actual, self.tr("Actual participants")), (self.notes, self.tr("Notes")),
                             (self.kitchen, self.tr("Also book the tea kitchen")),
                             (self.frequency, self.tr("Repeat")), (self.nth, self.tr("Week of the month")),
                             (self.end_mode, self.tr("End of the series")), (self.until, self.tr("Last date")),
                             (self.count, self.tr("Number of dates")),
                             (self.holiday_policy, self.tr("Public holidays")), (self.history, self.tr("History")),
                             (self.save_button, self.tr("Save")), (self.close_button, self.tr("Close")),
                             (self.cancel_booking_button, self.tr("Cancel booking")),
                             (self.restore_button, self.tr("Restore date")),
                             (self.use_suggestion, self.tr("Use suggested time")),
                             (self.skip_taken_button, self.tr("Book without the taken dates")),
                             (self.ics_button, self.tr("Calendar file (ICS)"))):
            widget.setAccessibleName(name)
        self._update_capacity()

    # -- reactions -------------------------------------------------------------------------------

    def _current_room(self) -> RoomRow | None:
        room_id = self.room.currentData()
        return next((r for r in self.rooms if r.id == room_id), None)

    def _update_capacity(self) -> None:
        room = self._current_room()
        expected = self.expected.value()
        if room is not None and room.capacity and expected > room.capacity:
            self.capacity_label.setText(self.tr("Warning: {expected} people expected, the room holds {capacity}.")
                                        .format(expected=expected, capacity=room.capacity))
        elif room is not None and room.capacity:
            self.capacity_label.setText(self.tr("The room holds {capacity} people.").format(capacity=room.capacity))
        else:
            self.capacity_label.setText("")

    def _update_kitchen(self) -> None:
        room = self._current_room()
        group = room is not None and room.kind is RoomKind.GROUP
        self.kitchen.setEnabled(group)
        if not group:
            self.kitchen.setChecked(False)

    def _scope(self) -> EditScope:
        return next((s for s, b in self.scope_buttons.items() if b.isChecked()), EditScope.ALL)

    def _update_recurrence(self) -> None:
        frequency = Frequency(self.frequency.currentData())
        series_fields = self.booking is None or self.booking.rrule is None or self._scope() is not EditScope.THIS
        recurring = frequency is not Frequency.NONE
        self.frequency.setEnabled(series_fields)
        self.nth.setVisible(recurring and frequency is Frequency.MONTHLY_NTH)
        self.end_mode.setVisible(recurring)
        self.until.setVisible(recurring and self.end_mode.currentData() == "until")
        self.count.setVisible(recurring and self.end_mode.currentData() == "count")
        # a one-off booking has no holiday option: whoever books one date on a holiday means it
        self.holiday_policy.setVisible(recurring)
        self.labels["holidays"].setVisible(recurring)
        self._update_preview()
        for widget in (self.nth, self.end_mode, self.until, self.count, self.holiday_policy, self.kind,
                       self.organiser, self.expected, self.notes, self.kitchen):
            widget.setEnabled(series_fields and (widget is not self.kitchen or self._kitchen_possible()))

    def _kitchen_possible(self) -> bool:
        room = self._current_room()
        return room is not None and room.kind is RoomKind.GROUP

    def _on_day_changed(self, day: QDate) -> None:
        # the end of the series follows the first date: moving the start by a month moves "until"
        # by a month, and "until" is never before the first date
        if self._last_day is not None and day.isValid():
            self.until.setDate(self.until.date().addDays(self._last_day.daysTo(day)))
        self._last_day = day
        self.until.setMinimumDate(day)
        if self.booking is None:
            self.nth.setCurrentIndex(self.nth.findData(nth_of_month(self.day.date().toPython())))
        self._update_preview()

    def _update_preview(self) -> None:
        """Before saving: how many dates the series gets, and which public holidays it skips."""
        if not hasattr(self, "preview"):
            return
        try:
            draft = self.draft_rule_only()
        except (DeskError, ValueError):
            self.preview.setText("")
            return
        if draft is None:
            self.preview.setText("")
            return
        rule, start, end = draft
        skipping = HolidayPolicy(self.holiday_policy.currentData()) is HolidayPolicy.SKIP
        kept, holidays = holiday_preview(rule, start, end, language=current_language())
        if not holidays:
            self.preview.setText("")
            return
        days = ", ".join(f"{fmt_date(day)} ({name})" for day, name in holidays)
        if skipping:
            self.preview.setText(self.tr("{kept} dates will be booked. Skipped because they are public holidays: "
                                         "{days}.").format(kept=kept, days=days))
        else:
            self.preview.setText(self.tr("Booked on public holidays too (marked): {days}.").format(days=days))

    def draft_rule_only(self) -> tuple[str | None, datetime, datetime] | None:
        frequency = Frequency(self.frequency.currentData())
        if frequency is Frequency.NONE:
            return None
        start, end = self.times()
        mode = self.end_mode.currentData()
        spec = RuleSpec(frequency=frequency,
                        until=self.until.date().toPython() if mode == "until" else None,
                        count=self.count.value() if mode == "count" else None,
                        nth=self.nth.currentData() if frequency is Frequency.MONTHLY_NTH else None)
        validate_rule(spec, start.astimezone(BERLIN).date())
        return to_rrule(spec, start.astimezone(BERLIN).replace(tzinfo=None)), start, end

    # -- actions ---------------------------------------------------------------------------------

    def times(self) -> tuple[datetime, datetime]:
        day: date = self.day.date().toPython()
        start = place(datetime.combine(day, self.start_time.time().toPython()))
        end_day = day + timedelta(days=1) if self.end_next_day.isChecked() else day
        end = place(datetime.combine(end_day, self.end_time.time().toPython()))
        return start, end

    def draft(self) -> BookingDraft:
        start, end = self.times()
        frequency = Frequency(self.frequency.currentData())
        mode = self.end_mode.currentData()
        rule = RuleSpec(
            frequency=frequency,
            until=self.until.date().toPython() if frequency is not Frequency.NONE and mode == "until" else None,
            count=self.count.value() if frequency is not Frequency.NONE and mode == "count" else None,
            nth=self.nth.currentData() if frequency is Frequency.MONTHLY_NTH else None,
        )
        return BookingDraft(
            room_id=self.room.currentData(), title=self.title_edit.text(), starts_at=start, ends_at=end,
            kind=BookingKind(self.kind.currentData()), organiser=self.organiser.text(),
            expected_participants=self.expected.value() or None, notes=self.notes.toPlainText(), rule=rule,
            holiday_policy=HolidayPolicy(self.holiday_policy.currentData()), with_kitchen=self._with_kitchen(),
            request_key=self.request_key,
        )

    def _with_kitchen(self) -> bool:
        """The tick for the group room; a booking linked the other way (the tea kitchen's own
        booking) keeps its group-room partner."""
        if self._kitchen_possible():
            return self.kitchen.isChecked()
        return self.booking is not None and self.booking.linked_booking_id is not None

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.save_button, self.cancel_booking_button, self.restore_button, self.close_button,
                self.skip_taken_button)

    def _run(self, work: Callable[[], object]) -> bool:
        """Run a save, cancel or restore in a worker; the dialog closes when it succeeded and
        shows the error (changing nothing) when it failed."""
        return self.run_busy(self.ctx, work, self._done, self._failed, *self._buttons())

    def _done(self, result: object = None) -> None:
        self.left_out = getattr(result, "left_out", ())
        self.saved = True
        self.accept()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, ConflictError):
            self._show_conflict(error)
        else:
            self._show_message(error_text(error), error=True)

    def save(self, *, skip_taken: bool = False) -> bool:
        """Starts saving; False when the form is refused at once (or a save is running). The
        dialog closes when the save succeeded (`saved` is then True). `skip_taken`: a new series
        is booked without its dates that are already taken (the person chose so after a conflict)."""
        if self.busy:
            return False
        self._show_message("")
        if self.kind.currentData() is None:
            self._show_message(self.tr("Please choose the kind of event."), error=True)
            self.kind.setFocus()
            return False
        try:
            draft = self.draft()
        except DeskError as error:
            self._show_message(error_text(error), error=True)
            return False
        bookings, actor = self.ctx.services.bookings, self.ctx.actor
        if self.occurrence is None:
            return self._run(lambda: bookings.create(actor, draft, skip_taken=skip_taken))
        assert self.booking is not None
        occurrence_id, version, scope = self.occurrence.id, self.booking.version, self._scope()
        changed = self._changed(draft)
        actual = self.actual.value()
        actual_value = None if actual < 0 else actual
        set_actual = actual_value != self.occurrence.actual_participants

        def work() -> SaveResult | None:
            result = None
            if changed:
                result = bookings.edit(actor, occurrence_id, draft, scope=scope, expected_version=version,
                                       skip_taken=skip_taken)
            if set_actual:
                bookings.set_actual_participants(actor, occurrence_id, actual_value)
            return result  # its left_out: the view names the dates left out

        return self._run(work)

    def _changed(self, draft: BookingDraft) -> bool:
        assert self.booking is not None and self.occurrence is not None
        b, o = self.booking, self.occurrence
        before = (o.room_id, o.title, o.starts_at, o.ends_at, b.kind, b.organiser, b.expected_participants, b.notes,
                  parse_rrule(b.rrule), b.holiday_policy, b.linked_booking_id is not None)
        after = (draft.room_id, draft.title.strip(), draft.starts_at, draft.ends_at, draft.kind, draft.organiser.strip(),
                 draft.expected_participants, draft.notes.strip(), draft.rule, draft.holiday_policy, draft.with_kitchen)
        return before != after

    def cancel_booking(self) -> None:
        if self.occurrence is None:
            return
        scope = self._scope() if self.booking is not None and self.booking.rrule else EditScope.THIS
        if scope is not EditScope.THIS and not self.confirm_series_cancel(scope):
            return  # many dates, and no Ctrl+Z for them: asked first
        bookings, actor, occurrence_id = self.ctx.services.bookings, self.ctx.actor, self.occurrence.id
        after = self.cancelled_one_date if scope is EditScope.THIS else None

        def done(_result: object) -> None:
            if after is not None:
                after(occurrence_id)  # the view offers Ctrl+Z for one cancelled date
            self._done()

        self.run_busy(self.ctx, lambda: bookings.cancel(actor, occurrence_id, scope=scope), done, self._failed,
                      *self._buttons())

    def confirm_series_cancel(self, scope: EditScope) -> bool:
        """Asks before cancelling this and the following dates, or the whole series."""
        assert self.occurrence is not None
        title = self.occurrence.title
        if scope is EditScope.ALL:
            text = self.tr("Cancel every date of “{title}” that is still to come? This cannot be undone with "
                           "Ctrl+Z.").format(title=title)
        else:
            text = self.tr("Cancel the date on {date} and every following date of “{title}”? This cannot be "
                           "undone with Ctrl+Z.").format(date=fmt_date(local(self.occurrence.starts_at).date()),
                                                        title=title)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cancel dates"), text, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the title is client-visible text, never markup
        yes = box.addButton(self.tr("Cancel the dates"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is yes

    def restore_date(self) -> None:
        if self.occurrence is None:
            return
        bookings, actor, occurrence_id = self.ctx.services.bookings, self.ctx.actor, self.occurrence.id
        self._run(lambda: bookings.restore(actor, occurrence_id))

    def export_series(self) -> None:
        if self.booking is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export calendar file"), "buchung.ics",
                                                    self.tr("Calendar files (*.ics)"))
        if path:
            self.write_series_ics(path)

    def write_series_ics(self, path: str) -> None:
        assert self.booking is not None
        bookings, actor, booking = self.ctx.services.bookings, self.ctx.actor, self.booking

        def work() -> None:
            data = bookings.export_ics(actor, start=booking.starts_at, end=booking.ends_at, booking_id=booking.id)
            with open(path, "wb") as handle:
                handle.write(data)

        self.run_busy(self.ctx, work, lambda _r: self._show_message(self.tr("Saved to {path}.").format(path=path)),
                      lambda error: self._show_message(error_text(error), error=True), self.ics_button)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.conflict_label.setText(text)
        self.conflict_label.setStyleSheet(message_style("error") if error and text else "")
        self.use_suggestion.setVisible(False)
        self.skip_taken_button.setVisible(False)
        self._suggestion = None
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """A message of several lines (a series' taken dates) must not be cut off: the dialog grows
        to the height its layout needs at its width (never shrinks, never beyond the screen)."""
        layout = self.layout()
        layout.activate()
        width = self.width()
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        screen = self.screen()
        if screen is not None:
            needed = min(needed, screen.availableGeometry().height())
        if needed > self.height():
            self.resize(width, needed)

    def _name_skip_button(self) -> None:
        self.skip_taken_button.setText(self.tr("Book the other &date") if self._free_dates == 1 else
                                       self.tr("Book the other {n} &dates").format(n=self._free_dates))
        self.skip_taken_button.setToolTip(self.tr("The taken dates are kept as cancelled dates of the series"))

    def _show_conflict(self, error: ConflictError) -> None:
        text = error_text(error)
        self.conflict_label.setStyleSheet(message_style("error"))  # a clash is an error, and looks like one
        self.skip_taken_button.setVisible(False)
        total, clashing = error.params.get("total", 1), error.params.get("conflicts", 0)
        if isinstance(total, int) and total > 1:
            # a series: the free slot of one date is no answer for all of them (it would move the
            # whole series); a new series may be booked without its taken dates
            self._suggestion = None
            self.use_suggestion.setVisible(False)
            # a new series, or a change of the whole series whose clashes are all on dates it adds
            default = total - clashing if self.occurrence is None and isinstance(clashing, int) else 0
            free = error.params.get("free_dates", default)
            if isinstance(free, int) and 0 < free < total:
                self._free_dates = free
                self._name_skip_button()
                self.skip_taken_button.setVisible(True)
                text += "\n" + self.tr("Choose another time, or book the other dates without the taken ones.")
            self.conflict_label.setText(text)
            self._grow_to_fit()
            return
        self.conflict_label.setText(text)
        start, end = error.params.get("suggested_start"), error.params.get("suggested_end")
        if isinstance(start, datetime) and isinstance(end, datetime):
            self._suggestion = (start, end)
            self.use_suggestion.setVisible(True)
        else:
            self._suggestion = None
            self.use_suggestion.setVisible(False)
        self._grow_to_fit()

    def _apply_suggestion(self) -> None:
        if self._suggestion is None:
            return
        start, end = (local(m) for m in self._suggestion)
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.start_time.setTime(QTime(start.hour, start.minute))
        self.end_time.setTime(QTime(end.hour, end.minute))
        self.end_next_day.setChecked(end.date() > start.date())
        self.use_suggestion.setVisible(False)
        self.conflict_label.setStyleSheet("")  # no longer an error: a hint what to do next
        self.conflict_label.setText(self.tr("Suggested time taken over; press Save to book it."))
