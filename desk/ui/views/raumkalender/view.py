"""Raumkalender: the week (days across, one room or all rooms side by side) or the day (rooms as
columns), painted over the OccurrenceModel, with a plain list of the same bookings for keyboard
and screen-reader users. Drag over free time to book, drag a booking to move it, drag its lower
edge to resize it, double click (or Enter) to open it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.model import RoomKind, RoomRow
from desk.domain.permissions import Permission, allowed
from desk.domain.recurrence import EditScope, place
from desk.domain.topics import Topic
from desk.ui.clock import centre_today
from desk.ui.context import UiContext, bounded_undo_stack, error_text
from desk.ui.i18n import fmt_date
from desk.ui.views.base import DeskView
from desk.ui.views.raumkalender.canvas import CalendarCanvas
from desk.ui.views.raumkalender.dialog import BookingDialog, load_occurrence
from desk.ui.views.raumkalender.labels import scope_label
from desk.ui.views.raumkalender.model import OCCURRENCE_ID_ROLE, OccurrenceModel
from desk.ui.widgets.dates import DateEdit
from desk.ui.widgets.flow import FlowLayout
from desk.ui.widgets.tables import set_up_columns

ALL_ROOMS = 0
SHARED_ROOMS = -1  # the group room and the tea kitchen: what staff book most


class RaumkalenderView(DeskView):
    topics = frozenset({Topic.BOOKINGS, Topic.REFERENCE})

    sig_loaded = Signal()
    """The bookings of the shown period arrived from the database and are on screen."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.can_book = allowed(ctx.actor.role, Permission.ROOM_BOOK)
        self.anchor: date = centre_today()
        self.day_mode = False
        self._generation = 0
        self.room_rows: list[RoomRow] = []
        """Every room (the booking dialog's choice); None of them until the first load is back."""
        self.rooms: list[tuple[int, str]] = []
        self.shared_room_ids: list[int] = []

        self.model = OccurrenceModel(self)
        self.canvas = CalendarCanvas(self.model)
        self.canvas.setObjectName("calendarCanvas")
        self.canvas.read_only = not self.can_book
        self.table = QTableView()
        self.table.setObjectName("bookingList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        set_up_columns(self.table)  # widths from the model's columns
        self.table.activated.connect(self._on_table_activated)
        self.stack = QStackedWidget()
        # narrow columns (a week of every room) scroll sideways instead of shrinking to "Gr…"
        self.canvas_scroll = QScrollArea()
        self.canvas_scroll.setObjectName("calendarScroll")
        self.canvas_scroll.setAccessibleName(self.tr("Room calendar"))
        self.canvas_scroll.setWidgetResizable(True)
        self.canvas_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.canvas_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas_scroll.setWidget(self.canvas)
        self.stack.addWidget(self.canvas_scroll)
        self.stack.addWidget(self.table)

        self.period_label = QLabel()
        self.period_label.setTextFormat(Qt.TextFormat.PlainText)
        self.period_label.setObjectName("periodLabel")
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("statusLabel")
        self.room_filter = QComboBox()
        self.room_filter.addItem("", ALL_ROOMS)
        self.room_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.room_filter.setMinimumContentsLength(24)
        self.room_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.mode = QComboBox()
        self.mode.addItem("", "week")
        self.mode.addItem("", "day")
        self.mode.currentIndexChanged.connect(self._on_mode_changed)
        self.go_date = DateEdit()
        self.go_date.setDate(QDate(self.anchor.year, self.anchor.month, self.anchor.day))
        self.go_date.dateChanged.connect(self._on_go_date)

        action = self.add_action
        self.today_action = action("Ctrl+T", self.go_today)
        self.previous_action = action("Alt+Left", self.go_previous)
        self.next_action = action("Alt+Right", self.go_next)
        self.goto_action = action("Ctrl+G", self._focus_go_date)
        self.new_action = action("Ctrl+N", self.new_booking)
        self.new_action.setEnabled(self.can_book)
        self.open_action = action("Ctrl+O", self.open_selected)
        self.list_action = action("Ctrl+L", self.toggle_list)
        self.list_action.setCheckable(True)
        self.mode_action = action("Ctrl+M", self._toggle_mode)
        self.room_action = action("Ctrl+R", lambda: self.room_filter.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.pdf_action = action("Ctrl+Shift+P", self.save_pdf)
        self.print_action = action("Ctrl+P", self.print_plan)
        self.ics_action = action("Ctrl+E", self.export_ics)
        self.undo_stack = bounded_undo_stack(self)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        for item in (self.undo_action, self.redo_action):
            item.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(item)
        self.buttons: dict[QAction, QToolButton] = {}
        toolbar = FlowLayout()  # wraps at large font sizes instead of widening the window
        for item in (self.today_action, self.previous_action, self.next_action):
            toolbar.addWidget(self._button(item))
        toolbar.addWidget(self.go_date)
        toolbar.addWidget(self.mode)
        toolbar.addWidget(self.room_filter)
        for item in (self.undo_action, self.list_action, self.new_action, self.ics_action, self.pdf_action,
                     self.print_action):
            toolbar.addWidget(self._button(item))
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        heading = self.period_label.font()
        heading.setPointSizeF(heading.pointSizeF() * 1.15)
        heading.setBold(True)
        self.period_label.setFont(heading)
        layout.addWidget(self.period_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status_label)

        self.canvas.sig_create_requested.connect(self._on_create_requested)
        self.canvas.sig_move_requested.connect(self._on_move_requested)
        self.canvas.sig_open_requested.connect(self.open_occurrence)
        self.retranslate()
        self._load_rooms()

    def _load_rooms(self) -> None:
        """The rooms arrive from a worker; then the filter is filled and the first week loaded."""
        reference, actor = self.ctx.services.reference, self.ctx.actor

        def failed(error: Exception) -> None:
            self.status_label.setText(error_text(error))
            self.sig_loaded.emit()

        self.run(lambda: reference.rooms(actor), self._set_rooms, failed)

    def _set_rooms(self, all_rooms: list[RoomRow]) -> None:
        self.room_rows = list(all_rooms)
        rooms = [r for r in all_rooms if r.active and r.bookable]
        self.rooms = [(r.id, r.display_label or r.name) for r in rooms]
        self.shared_room_ids = [r.id for r in rooms if r.kind in (RoomKind.GROUP, RoomKind.KITCHEN)]
        self.model.set_rooms({r.id: r.name for r in all_rooms})
        self.room_filter.blockSignals(True)
        if self.shared_room_ids:
            self.room_filter.addItem("", SHARED_ROOMS)
            self.room_filter.setCurrentIndex(1)
        for room in rooms:
            self.room_filter.addItem(room.name, room.id)
        self.room_filter.blockSignals(False)
        self.retranslate()
        self.reload()

    def _button(self, item: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(item)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons[item] = button
        return button

    # -- period -------------------------------------------------------------------------------------

    def days(self) -> list[date]:
        if self.day_mode:
            return [self.anchor]
        monday = self.anchor - timedelta(days=self.anchor.weekday())
        return [monday + timedelta(days=i) for i in range(7)]

    def shown_rooms(self) -> list[tuple[int, str]]:
        room_id = self.room_filter.currentData()
        if self.day_mode or room_id in (None, ALL_ROOMS):
            return list(self.rooms)
        if room_id == SHARED_ROOMS:
            return [r for r in self.rooms if r[0] in self.shared_room_ids]
        return [r for r in self.rooms if r[0] == room_id]

    def go_today(self) -> None:
        self.set_anchor(centre_today())

    def go_previous(self) -> None:
        self.set_anchor(self.anchor - timedelta(days=1 if self.day_mode else 7))

    def go_next(self) -> None:
        self.set_anchor(self.anchor + timedelta(days=1 if self.day_mode else 7))

    def set_anchor(self, day: date) -> None:
        self.anchor = day
        self.go_date.blockSignals(True)
        self.go_date.setDate(QDate(day.year, day.month, day.day))
        self.go_date.blockSignals(False)
        self.reload()

    def _on_go_date(self, value: QDate) -> None:
        self.anchor = value.toPython()
        self.reload()

    def _focus_go_date(self) -> None:
        self.go_date.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.go_date.selectAll()

    def _on_mode_changed(self, _index: int) -> None:
        self.day_mode = self.mode.currentData() == "day"
        self.room_filter.setEnabled(not self.day_mode)
        self.reload()

    def _toggle_mode(self) -> None:
        self.mode.setCurrentIndex(1 - self.mode.currentIndex())

    def toggle_list(self) -> None:
        showing_list = self.stack.currentWidget() is self.table
        self.stack.setCurrentWidget(self.canvas_scroll if showing_list else self.table)
        self.list_action.setChecked(not showing_list)
        (self.canvas if showing_list else self.table).setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- loading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        if not self.rooms:
            return  # the rooms are still on their way; their arrival loads the week
        days = self.days()
        rooms = self.shown_rooms()
        start = place(datetime.combine(days[0], time(0)))
        end = place(datetime.combine(days[-1] + timedelta(days=1), time(0)))
        self._update_period_label()
        self._generation += 1
        generation = self._generation
        room_ids = [r[0] for r in rooms]
        services, actor = self.ctx.services, self.ctx.actor

        def load():
            return services.bookings.occurrences(actor, start, end, room_ids)

        def done(rows) -> None:
            if generation != self._generation:
                return  # a newer request is on its way
            self.canvas.set_range(days, rooms)
            self.model.set_rows(rows)
            self.sig_loaded.emit()

        def failed(error: Exception) -> None:
            if generation == self._generation:
                self.status_label.setText(error_text(error))
                self.sig_loaded.emit()

        self.run(load, done, failed)

    def on_shown(self) -> None:
        self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- actions ------------------------------------------------------------------------------------

    def new_booking(self) -> None:
        if not self.can_book:
            return
        day = self.anchor
        start = place(datetime.combine(day, time(10)))
        room_id = self.room_filter.currentData()
        room_id = room_id if room_id and room_id > 0 else None
        self._run_dialog(BookingDialog(self.ctx, self, rooms=self.room_rows, room_id=room_id, start=start,
                                       end=start + timedelta(hours=1)))

    def _on_create_requested(self, room_id: int, start: datetime, end: datetime) -> None:
        self._run_dialog(BookingDialog(self.ctx, self, rooms=self.room_rows, room_id=room_id, start=start, end=end))

    def open_occurrence(self, occurrence_id: int) -> None:
        """Loads the date in a worker, then opens the dialog (sig_loaded when it could not)."""
        services, actor = self.ctx.services, self.ctx.actor

        def failed(error: Exception) -> None:
            self.status_label.setText(error_text(error))
            self.reload()

        self.run(lambda: load_occurrence(services, actor, occurrence_id), self._open_loaded, failed)

    def _open_loaded(self, existing) -> None:
        dialog = BookingDialog(self.ctx, self, rooms=self.room_rows, existing=existing)
        if not self.can_book:
            dialog.save_button.setEnabled(False)
            dialog.cancel_booking_button.setEnabled(False)
            dialog.restore_button.setEnabled(False)
        self._run_dialog(dialog)

    def open_selected(self) -> None:
        if self.stack.currentWidget() is self.table:
            index = self.table.currentIndex()
            if index.isValid():
                self.open_occurrence(index.data(OCCURRENCE_ID_ROLE))
        elif self.canvas.selected_id:
            self.open_occurrence(self.canvas.selected_id)

    def _on_table_activated(self, index) -> None:
        self.open_occurrence(index.data(OCCURRENCE_ID_ROLE))

    def _run_dialog(self, dialog: BookingDialog) -> None:
        dialog.cancelled_one_date = self._cancelled  # one cancelled date can be undone with Ctrl+Z
        dialog.exec()
        if dialog.saved and dialog.left_out:
            self.status_label.setText(self.tr("Saved. Left out because the room was already booked: {dates}.")
                                      .format(dates=", ".join(fmt_date(day) for day in dialog.left_out)))
        elif dialog.saved:  # the calendar reloads through the window's announcement of the commit
            self.status_label.setText(self.tr("Saved."))

    def ask_scope(self) -> EditScope | None:
        box = QMessageBox(self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Change a series"))
        box.setText(self.tr("This date belongs to a series. What should change?"))
        buttons = {box.addButton(scope_label(scope), QMessageBox.ButtonRole.AcceptRole): scope for scope in EditScope}
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return buttons.get(box.clickedButton())

    def _on_move_requested(self, occurrence_id: int, start: datetime, end: datetime, room_id: int) -> None:
        row = self.model.find(occurrence_id)
        scope = EditScope.THIS
        if row is not None and row.recurring:
            chosen = self.ask_scope()
            if chosen is None:
                self.reload()
                return
            scope = chosen
        self.move_occurrence(occurrence_id, start, end, room_id, scope)

    def move_occurrence(self, occurrence_id: int, start: datetime, end: datetime, room_id: int,
                        scope: EditScope = EditScope.THIS) -> None:
        """Moves in a worker; then says so, offers Ctrl+Z for one date and reloads (sig_loaded)."""
        before = self.model.find(occurrence_id)
        bookings, actor = self.ctx.services.bookings, self.ctx.actor

        def done(_result: object) -> None:
            self.status_label.setText(self.tr("Moved."))
            if before is not None and scope is EditScope.THIS:  # one date: undoable (Ctrl+Z)
                self.undo_stack.push(_DoneCommand(
                    self, self.tr("move"),
                    redo=lambda: bookings.move(actor, occurrence_id, start, end, room_id=room_id),
                    undo=lambda: bookings.move(actor, occurrence_id, before.starts_at, before.ends_at,
                                               room_id=before.room_id)))

        # a write: the views reload once through the window's announcement, not again for the echo
        self.write(lambda: bookings.move(actor, occurrence_id, start, end, room_id=room_id, scope=scope),
                   done, self._failed)

    def _failed(self, error: Exception) -> None:
        self.status_label.setText(error_text(error))
        self.reload()

    def cancel_occurrence(self, occurrence_id: int) -> None:
        """Cancel one date in a worker (undoable with Ctrl+Z); reloads afterwards (sig_loaded)."""
        bookings, actor = self.ctx.services.bookings, self.ctx.actor
        self.write(lambda: bookings.cancel(actor, occurrence_id, scope=EditScope.THIS),
                   lambda _result: self._cancelled(occurrence_id), self._failed)

    def _cancelled(self, occurrence_id: int) -> None:
        bookings, actor = self.ctx.services.bookings, self.ctx.actor
        self.status_label.setText(self.tr("Cancelled."))
        self.undo_stack.push(_DoneCommand(self, self.tr("cancel"),
                                          redo=lambda: bookings.cancel(actor, occurrence_id, scope=EditScope.THIS),
                                          undo=lambda: bookings.restore(actor, occurrence_id)))

    # -- export -------------------------------------------------------------------------------------

    def _plan_room(self) -> tuple[int | None, str]:
        rooms = self.shown_rooms()
        if len(rooms) == 1:
            return rooms[0][0], self.room_filter.currentText()
        return None, ", ".join(name for _id, name in rooms) if len(rooms) <= 3 else self.tr("all rooms")

    def export_ics(self) -> None:
        room_id, name = self._plan_room()
        days = self.days()
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export calendar file"),
                                                    f"raumkalender-{days[0].isoformat()}.ics",
                                                    self.tr("Calendar files (*.ics)"))
        if path:
            self.write_ics(path, room_id)

    def write_ics(self, path: str, room_id: int | None) -> None:
        days = self.days()
        start = place(datetime.combine(days[0], time(0)))
        end = place(datetime.combine(days[-1] + timedelta(days=1), time(0)))
        bookings, actor = self.ctx.services.bookings, self.ctx.actor

        def work() -> None:
            data = bookings.export_ics(actor, start=start, end=end, room_id=room_id)
            with open(path, "wb") as handle:
                handle.write(data)

        self.run(work, lambda _r: self.status_label.setText(self.tr("Saved to {path}.").format(path=path)),
                 lambda error: self.status_label.setText(error_text(error)))

    def save_pdf(self) -> None:
        days = self.days()
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save week plan as PDF"),
                                                    f"wochenplan-{days[0].isoformat()}.pdf", self.tr("PDF (*.pdf)"))
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> None:
        from desk.ui.views.raumkalender.printing import save_week_plan_pdf

        try:
            save_week_plan_pdf(path, **self._plan_arguments())
        except OSError as error:
            self.status_label.setText(error_text(error))
            return
        self.status_label.setText(self.tr("Saved to {path}.").format(path=path))

    def _plan_arguments(self) -> dict:
        from desk.ui.views.raumkalender.printing import week_title

        days = self.days()
        _room_id, name = self._plan_room()
        return {
            "title": week_title(name, days[0]) if not self.day_mode else f"{name}: {fmt_date(days[0])}",
            "days": days, "rooms": self.shown_rooms(), "rows": self.model.rows(),
            "footer": self.tr("Printed {date} by {name}").format(date=fmt_date(centre_today()),
                                                                  name=self.ctx.actor.name),
        }

    def print_plan(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from desk.ui.views.raumkalender.printing import paint_week_plan

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            paint_week_plan(printer, **self._plan_arguments())

    # -- language -----------------------------------------------------------------------------------

    def _update_period_label(self) -> None:
        days = self.days()
        if self.day_mode:
            self.period_label.setText(fmt_date(days[0]))
        else:
            self.period_label.setText(self.tr("Week {week}: {first} – {last}").format(
                week=days[0].isocalendar().week, first=fmt_date(days[0]), last=fmt_date(days[-1])))

    def retranslate(self) -> None:
        texts = (
            (self.today_action, self.tr("&Today"), self.tr("Go to today")),
            (self.previous_action, self.tr("◀ &Previous"), self.tr("Previous week or day")),
            (self.next_action, self.tr("&Next ▶"), self.tr("Next week or day")),
            (self.goto_action, self.tr("Go to date"), self.tr("Go to a date")),
            (self.new_action, self.tr("New &booking"), self.tr("Book a room")),
            (self.open_action, self.tr("Open"), self.tr("Open the selected booking")),
            (self.list_action, self.tr("&List"), self.tr("Show the bookings as a list")),
            (self.mode_action, self.tr("Week/day"), self.tr("Switch between week and day")),
            (self.room_action, self.tr("Room"), self.tr("Choose the room")),
            (self.pdf_action, self.tr("P&DF"), self.tr("Save the week plan as PDF")),
            (self.print_action, self.tr("Pr&int"), self.tr("Print the week plan")),
            (self.ics_action, self.tr("&ICS"), self.tr("Export a calendar file (ICS)")),
            (self.undo_action, self.tr("&Undo"), self.tr("Undo the last move or cancellation")),
            (self.redo_action, self.tr("&Redo"), self.tr("Redo")),
        )
        for item, text, tip in texts:
            shortcut = item.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            item.setText(text)
            item.setToolTip(f"{tip} ({shortcut})")
            button = self.buttons.get(item)
            if button is not None:
                button.setAccessibleName(text.replace("&", ""))
        self.room_filter.setItemText(0, self.tr("All rooms"))
        if self.shared_room_ids:
            self.room_filter.setItemText(1, self.tr("Group room and tea kitchen"))
        self.mode.setItemText(0, self.tr("Week"))
        self.mode.setItemText(1, self.tr("Day"))
        self.mode.setToolTip(self.tr("Week or day view ({shortcut})").format(
            shortcut=self.mode_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        self.room_filter.setToolTip(self.tr("Room ({shortcut})").format(
            shortcut=self.room_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        self.go_date.setToolTip(self.tr("Go to date ({shortcut})").format(
            shortcut=self.goto_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        self.canvas.setToolTip(self.tr("Drag over free time to book; drag a booking to move it, its lower edge to "
                                       "resize it; double click or Enter opens it; arrow keys select."))
        self.canvas.setAccessibleName(self.tr("Room calendar"))
        self.table.setAccessibleName(self.tr("Bookings as a list"))
        self.room_filter.setAccessibleName(self.tr("Room"))
        self.mode.setAccessibleName(self.tr("Week or day view"))
        self.go_date.setAccessibleName(self.tr("Go to date"))
        self._update_period_label()
        self.model.retranslate()  # the list's headers and status words
        self.canvas.retranslate()  # the holidays' names, the blocks' words


class _DoneCommand(QUndoCommand):
    """An action that already happened when it is pushed (the first redo does nothing)."""

    def __init__(self, view: RaumkalenderView, text: str, *, redo, undo) -> None:
        super().__init__(text)
        self._view = view
        self._redo = redo
        self._undo = undo
        self._done = True

    def redo(self) -> None:
        if self._done:
            return
        self._run(self._redo)
        self._done = True

    def undo(self) -> None:
        self._run(self._undo)
        self._done = False

    def _run(self, step) -> None:
        """In a worker, like every write. A step that fails says why; the undo history no longer
        matches the bookings then (someone changed them meanwhile) and is cleared."""
        view = self._view

        def failed(error: Exception) -> None:
            view.status_label.setText(error_text(error))
            view.undo_stack.clear()
            view.reload()

        view.write(step, None, failed)
