"""The reception view (Empfang).

Layout: one search field (focus on start) over the result list, today's appointments beside it
(below it when the window is narrow for its font, e.g. 1366 px at 200 %: names stay whole),
the last ticket with print/save below. Results update as you type: the query is debounced
(SEARCH_DELAY_MS) and run on the thread pool; answers to older queries are dropped.

Keyboard flow for a known client with an appointment (see docs/RECEPTION.md):
type the name -> Down (picks the first result) -> Enter (check-in dialog, service and
interpreter preset from the appointment) -> Enter (checks in). Enter in the search field checks
in the first result directly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import DatabaseError, DeskError
from desk.domain.model import (
    AbsentToday,
    AppointmentRow,
    AppointmentStatus,
    ClientSearchHit,
    Role,
    ServiceRow,
    VisitRow,
)
from desk.domain.permissions import Permission, allowed
from desk.domain.tickets import format_client_number
from desk.domain.topics import Topic
from desk.ui import clock as ui_clock
from desk.ui.colours import message_style
from desk.ui.context import UiContext, bounded_undo_stack, error_text
from desk.ui.i18n import current_language, fmt_date, fmt_time
from desk.ui.views.base import DeskView
from desk.ui.views.empfang.models import (
    DUE_BEFORE,
    AppointmentsModel,
    SearchResultsModel,
)
from desk.ui.widgets.tables import set_up_columns

if TYPE_CHECKING:  # the dialogs and the slip are imported when first opened, not at start-up (issue 21)
    from desk.ui.views.empfang.card import ClientCardDialog
    from desk.ui.views.empfang.checkin_dialog import CheckInDialog

SEARCH_DELAY_MS = 120
# Width (in average characters of the view's font) from which the results and today's
# appointments stand side by side: 1366 px at the normal size, not at 150 % or 200 %.
SIDE_BY_SIDE_CHARS = 120
# Below the results, today's appointments show this many rows at first (the list scrolls, the
# handle moves).
APPOINTMENT_ROWS_BELOW = 3.6
SEARCH_LIMIT = 20
# The list always shows the best ALWAYS_SHOWN hits; further ones only while they score within
# RELEVANCE_SPAN points of the best (a long tail of 37-point namesakes is noise at the desk).
ALWAYS_SHOWN = 5
RELEVANCE_SPAN = 35.0


def _phone_like(query: str) -> bool:
    """Digits (4 or more) with the signs a phone number is written with, and nothing else."""
    return (sum(c.isdigit() for c in query) >= 4
            and all(c.isdigit() or c in " +()-/" for c in query))


def relevant(hits: list[ClientSearchHit]) -> list[ClientSearchHit]:
    if not hits:
        return []
    floor = hits[0].score - RELEVANCE_SPAN
    return [h for i, h in enumerate(hits) if i < ALWAYS_SHOWN or h.score >= floor]


class CheckInCommand(QUndoCommand):
    """A check-in on the view's undo stack: undo takes it back while nobody has called it yet."""

    def __init__(self, view: EmpfangView, visit: VisitRow, request) -> None:
        super().__init__(view.tr("check-in {ticket}").format(ticket=visit.ticket))
        self.view = view
        self.visit = visit
        self.request = request
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # pushing the command: the check-in has already happened
            self._pushed = True
            return
        self.view._perform_check_in(self.request, "", command=self)

    def undo(self) -> None:
        self.view._undo_check_in(self.visit)


def _appointment_rank(appointment: AppointmentRow, now: datetime) -> tuple[bool, float]:
    """Smaller is the better match for a person at the desk now: due now (15 minutes before its
    start until its end) first, then by distance from now."""
    due = appointment.starts_at - DUE_BEFORE <= now < appointment.ends_at
    return (not due, abs((appointment.starts_at - now).total_seconds()))


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    return table


class EmpfangView(DeskView):
    # REFERENCE and SETTINGS: the services offered at check-in (a service the head activates,
    # renames or closes during the day) and the centre's name on the slip
    topics = frozenset({Topic.APPOINTMENTS, Topic.VISITS, Topic.CLIENTS, Topic.REFERENCE, Topic.SETTINGS})

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("EmpfangView")
        self._search_seq = 0
        self._applied_seq = 0
        self._search_failed_for: str | None = None
        """The query whose search failed (the database away): no results are shown for it."""
        self._after_search: tuple[Callable[[], None], str] | None = None
        """A key that acts on the results, pressed while they were still being searched: (the
        action, the text it was pressed for)."""
        self._services_seq = 0
        self._outage_shown = False
        self._appointments_seq = 0
        self._appointment_of: dict[int, AppointmentRow] = {}
        self._absent: list[AbsentToday] = []
        self.last_visit: VisitRow | None = None
        self.checkin_dialog: CheckInDialog | None = None
        self.card_dialog: ClientCardDialog | None = None
        self._busy = False
        self._services: list[ServiceRow] = []
        self._centre = ""

        # -- search ---------------------------------------------------------------------------
        self.search_label = QLabel()
        self.search_label.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        big = QFont(self.search.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.search.setFont(big)
        self.search_label.setBuddy(self.search)
        self.results_model = SearchResultsModel(self)
        self.results = _table("results")
        self.results.setModel(self.results_model)
        set_up_columns(self.results)  # widths from the model's columns
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)

        self.checkin_button = QPushButton()
        self.checkin_button.setObjectName("checkin")
        self.card_button = QPushButton()
        self.card_button.setObjectName("card")
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_client")
        self.anonymous_button = QPushButton()
        self.anonymous_button.setObjectName("anonymous")
        actions_row = QHBoxLayout()
        for button in (self.checkin_button, self.card_button, self.new_button, self.anonymous_button):
            button.setAutoDefault(False)
            actions_row.addWidget(button)
        actions_row.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        # the first-day guide, visible where a new volunteer starts (Shift+F1 anywhere in the window)
        self.help_button = QPushButton()
        self.help_button.setObjectName("first_day_guide")
        self.help_button.setAutoDefault(False)
        self.help_button.clicked.connect(self.show_first_day_guide)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label, 1)
        search_row.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        left_layout.addLayout(search_row)
        left_layout.addWidget(self.search)
        left_layout.addLayout(actions_row)
        left_layout.addWidget(self.results, 1)
        left_layout.addWidget(self.hint)

        # -- today's appointments ------------------------------------------------------------
        self.appointments_label = QLabel()
        self.appointments_model = AppointmentsModel(self)
        self.appointments = _table("appointments")
        self.appointments.setModel(self.appointments_model)
        self.appointments_label.setBuddy(self.appointments)
        set_up_columns(self.appointments)  # time and status always whole; name and service share the rest
        self.appointments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.appointments_label)
        # the counsellors not there today, so the volunteer tells who waits for them and phones
        # their appointments (marked in the list); plain text: the names are typed by the head
        self.absent_label = QLabel()
        self.absent_label.setObjectName("absent_today")
        self.absent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.absent_label.setWordWrap(True)
        self.absent_label.setStyleSheet(message_style("warning"))
        self.absent_label.hide()
        right_layout.addWidget(self.absent_label)
        right_layout.addWidget(self.appointments, 1)

        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        # -- messages and the last ticket ----------------------------------------------------------
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(message_style("error"))  # own background: readable in dark mode too
        self.message.hide()
        self.ticket_frame = QFrame()
        self.ticket_frame.setObjectName("last_ticket")
        self.ticket_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.ticket_label = QLabel()
        self.ticket_label.setObjectName("ticket_label")
        self.ticket_label.setTextFormat(Qt.TextFormat.PlainText)
        ticket_font = QFont(self.ticket_label.font())
        ticket_font.setPointSizeF(ticket_font.pointSizeF() * 1.3)
        ticket_font.setBold(True)
        self.ticket_label.setFont(ticket_font)
        self.ticket_label.setWordWrap(True)
        self.ticket_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_slip")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("save_slip")
        ticket_layout = QHBoxLayout(self.ticket_frame)
        ticket_layout.addWidget(self.ticket_label, 1)
        ticket_layout.addWidget(self.print_button)
        ticket_layout.addWidget(self.pdf_button)
        self.ticket_frame.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.ticket_frame)

        # -- actions (shortcuts shown in tooltips and on the buttons) ---------------------------------
        self.action_check_in = self.add_action("F5", self.check_in_selected, name="checkin")
        self.action_card = self.add_action("F4", self.open_card_selected, name="card")
        self.action_new = self.add_action("Ctrl+N", self.new_client, name="new")
        self.action_anonymous = self.add_action("Ctrl+T", self.anonymous_ticket, name="anonymous")
        self.action_attach = self.add_action("Ctrl+Shift+T", self.attach_to_ticket, name="attach")
        self.action_focus_search = self.add_action("Ctrl+F", self.focus_search, name="focus")
        self.action_print = self.add_action("Ctrl+P", self.print_last_slip, name="print")
        self.action_pdf = self.add_action("Ctrl+Shift+S", self.save_last_slip_dialog, name="pdf")
        self.undo_stack = bounded_undo_stack(self)
        self.action_undo = self.add_action("Ctrl+Z", self.undo_last_check_in, name="undo")
        self.action_undo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.action_undo.setEnabled)
        self.undo_stack.canUndoChanged.connect(self._update_undo_texts)
        self.undo_stack.undoTextChanged.connect(self._update_undo_texts)
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undo_check_in")
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.undo_last_check_in)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.ticket_frame.layout().addWidget(self.undo_button)
        self.results.addAction(self.action_undo)
        self.appointments.addAction(self.action_undo)
        # the same actions, with their shortcuts, in the context menus of both lists
        self.results.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.results.addActions([self.action_check_in, self.action_card, self.action_new, self.action_anonymous,
                                 self.action_attach])
        self.appointments.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.action_check_in_appointment = self.add_action("Shift+F5", self.check_in_appointment_selected,
                                                           name="checkin_appointment")
        self.appointments.addActions([self.action_check_in_appointment, self.action_anonymous])
        self.checkin_button.clicked.connect(self.check_in_selected)
        self.card_button.clicked.connect(self.open_card_selected)
        self.new_button.clicked.connect(self.new_client)
        self.anonymous_button.clicked.connect(self.anonymous_ticket)
        self.print_button.clicked.connect(self.print_last_slip)
        self.pdf_button.clicked.connect(self.save_last_slip_dialog)
        self.new_button.setEnabled(allowed(ctx.actor.role, Permission.CLIENT_WRITE))
        self.action_new.setEnabled(self.new_button.isEnabled())

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self.appointments.installEventFilter(self)
        self.results.doubleClicked.connect(lambda _index: self.check_in_selected())
        self.appointments.doubleClicked.connect(lambda _index: self.check_in_appointment_selected())
        self.results.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self._clock = QTimer(self)
        self._clock.setInterval(30_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

        self.setTabOrder(self.search, self.checkin_button)
        self.setTabOrder(self.checkin_button, self.card_button)
        self.setTabOrder(self.card_button, self.new_button)
        self.setTabOrder(self.new_button, self.anonymous_button)
        self.setTabOrder(self.anonymous_button, self.results)
        self.setTabOrder(self.results, self.appointments)
        self.setTabOrder(self.appointments, self.help_button)

        self._load_services()
        self.retranslate()
        self._update_buttons()
        self.appointments_model.set_now(ui_clock.now())
        self.reload_appointments()
        self.search.setFocus()

    # -- helpers -----------------------------------------------------------------------------------

    def _load_services(self) -> None:
        """The services offered at check-in and the centre's name for the slip, from a worker."""
        reference, actor = self.ctx.services.reference, self.ctx.actor
        self._services_seq += 1
        seq = self._services_seq

        def work() -> tuple[list[ServiceRow], str]:
            services = reference.services(actor, active_only=True)
            try:
                centre = reference.settings(actor).centre_name
            except DeskError:
                centre = ""
            return services, centre

        def failed(error: Exception) -> None:
            self.show_error(error, read=True)

        self.run(work, lambda result: self._services_loaded(result) if seq == self._services_seq else None, failed)

    def _services_loaded(self, result: tuple[list[ServiceRow], str]) -> None:
        self._database_answered()
        self._services, self._centre = result
        self.appointments_model.set_services(self._services)
        self._show_last_ticket()  # the service's name as it is now

    def service(self, service_id: int | None) -> ServiceRow | None:
        return next((s for s in self._services if s.id == service_id), None)

    def show_message(self, text: str) -> None:
        self._outage_shown = False
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_error(self, error: BaseException, *, read: bool = False) -> None:
        self.show_message(error_text(error))
        # a read that found the database away (server unreachable, file unreadable) is said until a
        # read succeeds again; a refused write stays until the next action (reads may work meanwhile)
        self._outage_shown = read and isinstance(error, DatabaseError)

    def _tick(self) -> None:
        self.appointments_model.set_now(ui_clock.now())
        self._match_appointments()  # the appointment due now may have changed

    def _database_answered(self) -> None:
        """A read came back: a message that the database was away is no longer true."""
        if self._outage_shown:
            self.show_message("")

    def on_shown(self) -> None:
        self.focus_search()

    def focus_search(self) -> None:
        if self.isVisible():
            self.window().activateWindow()  # back from a dialog: the desk's window takes the keys again
        self.search.setFocus()
        self.search.selectAll()

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Search a client (name in any spelling, client no., date of birth, phone):"))
        self.search.setPlaceholderText(self.tr("e.g. moh alh  ·  K-000123  ·  24.12.1990  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search a client"))
        self.search.setToolTip(self.tr("Type a name; Down picks the first result, Enter checks in (Ctrl+F)"))
        self.search.setAccessibleDescription(self.search.toolTip())  # what the keys do, for a screen reader
        self.results.setAccessibleName(self.tr("Search results"))
        self.appointments_label.setText(self.tr("Today's &appointments"))
        self.appointments.setAccessibleName(self.tr("Today's appointments"))
        self.appointments.setToolTip(self.tr("Enter checks in the selected appointment"))
        self.appointments.setAccessibleDescription(self.appointments.toolTip())
        texts = {
            self.action_check_in: (self.tr("Check &in"), self.tr("Check in the selected person (Enter, F5)")),
            self.action_card: (self.tr("Reception &card"), self.tr("Open the reception card (F4)")),
            self.action_new: (self.tr("&New client"), self.tr("Create a new client (Ctrl+N)")),
            self.action_anonymous: (self.tr("Anonymous &ticket"), self.tr("Ticket without a name (Ctrl+T)")),
            self.action_attach: (self.tr("Attach to a self-service ticket"),
                                 self.tr("The selected person took an anonymous ticket (kiosk): it becomes theirs, "
                                         "keeping its place (Ctrl+Shift+T)")),
            self.action_focus_search: (self.tr("Search"), self.tr("Go to the search field (Ctrl+F)")),
            self.action_check_in_appointment: (self.tr("Check in this appointment"),
                                               self.tr("Check in the selected appointment (Enter, Shift+F5)")),
            self.action_print: (self.tr("&Print slip"), self.tr("Print the ticket slip (Ctrl+P)")),
            self.action_pdf: (self.tr("Save slip as PDF"), self.tr("Save the ticket slip as PDF (Ctrl+Shift+S)")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
        for button, action, key in ((self.checkin_button, self.action_check_in, "Enter"),
                                    (self.card_button, self.action_card, "F4"),
                                    (self.new_button, self.action_new, "Ctrl+N"),
                                    (self.anonymous_button, self.action_anonymous, "Ctrl+T"),
                                    (self.print_button, self.action_print, "Ctrl+P"),
                                    (self.pdf_button, self.action_pdf, "Ctrl+Shift+S")):
            native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)  # "Strg+N" in German
            # the bottom line of the results lists the keys; the ticket buttons show theirs
            button.setText(f"{action.text()}  [{native}]" if button in (self.print_button, self.pdf_button)
                           else action.text())
            button.setToolTip(action.toolTip())
            button.setAccessibleName(action.text().replace("&", ""))
        guide_key = QKeySequence("Shift+F1").toString(QKeySequence.SequenceFormat.NativeText)
        self.help_button.setText(self.tr("First day? &Guide"))
        self.help_button.setToolTip(self.tr("The first day at reception: the five things to know ({key})")
                                    .format(key=guide_key))
        self.help_button.setAccessibleName(self.tr("First day at reception: guide"))
        for model in (self.results_model, self.appointments_model):  # language and service names, statuses
            model.retranslate()
        self._show_absent()
        self._update_hint()
        self._show_last_ticket()
        self._update_undo_texts()

    def _update_undo_texts(self, *_args) -> None:
        if not shiboken6.isValid(self.undo_stack) or not shiboken6.isValid(self.undo_button):
            return  # the view is being destroyed (the stack clears itself on the way out)
        text = self.undo_stack.undoText()
        label = self.tr("Undo {what}").format(what=text) if text else self.tr("Undo check-in")
        native = QKeySequence("Ctrl+Z").toString(QKeySequence.SequenceFormat.NativeText)
        self.action_undo.setText(label)
        tip = self.tr("Take back the last check-in while it has not been called ({key})").format(key=native)
        self.action_undo.setToolTip(tip)
        undo = self.tr("&Undo")
        self.undo_button.setText(f"{undo}  [{native}]")
        self.undo_button.setToolTip(f"{label}: {tip}")
        self.undo_button.setAccessibleName(label)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._arrange()

    def side_by_side(self) -> bool:
        """Results and today's appointments beside each other only where both keep names whole:
        at a large font (or in a narrow window) the appointments move below the results, and
        both lists get the whole width."""
        return self.width() >= SIDE_BY_SIDE_CHARS * max(1, self.fontMetrics().averageCharWidth())

    def _arrange(self) -> None:
        if self.width() <= 300:
            return  # not laid out yet
        orientation = Qt.Orientation.Horizontal if self.side_by_side() else Qt.Orientation.Vertical
        if getattr(self, "_split_done", False) and self.splitter.orientation() == orientation:
            return  # the user may move the handle; only a change of arrangement resets it
        self._split_done = True
        self.splitter.setOrientation(orientation)
        # side by side the results keep their height and get 57 % of the width; below them, today's
        # appointments keep the height of a few rows and the results grow with the window
        wide = orientation == Qt.Orientation.Horizontal
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1 if wide else 0)
        QTimer.singleShot(0, self, self._share_out)  # once the splitter has its new geometry

    def _share_out(self) -> None:
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        if self.splitter.orientation() == Qt.Orientation.Horizontal:
            first = total * 57 // 100
        else:
            table = self.appointments
            rows = int(table.verticalHeader().defaultSectionSize() * APPOINTMENT_ROWS_BELOW)
            wanted = (self.appointments_label.sizeHint().height() + table.horizontalHeader().sizeHint().height()
                      + rows + 2 * table.frameWidth() + 8)
            first = max(total // 2, total - wanted)
        self.splitter.setSizes([first, total - first])

    def _update_hint(self) -> None:
        query = self.search.text().strip()
        count = self.results_model.rowCount()
        if not query:
            self.hint.setText(self.tr("Down: pick a result · Enter: check in · F4: card · Ctrl+N: new client · "
                                      "Ctrl+T: anonymous ticket"))
        elif self._search_seq != self._applied_seq:
            self.hint.setText(self.tr("Searching…"))
        elif self._search_failed_for is not None:
            self.hint.setText(self.tr("The search did not run (see the message above), so nothing is listed. "
                                      "Enter searches again."))
        elif count == 0 and _phone_like(query) and self.ctx.actor.role is not Role.HEAD:
            # part of a phone number finds only clients whose phone the reader may see (the services' rule)
            self.hint.setText(self.tr("No client found. A phone number finds the person only when typed in full "
                                      "(e.g. 0151 2345678). Ctrl+N creates a new client, Ctrl+T gives an "
                                      "anonymous ticket."))
        elif count == 0:
            self.hint.setText(self.tr("No client found. Ctrl+N creates a new client, Ctrl+T gives an anonymous ticket."))
        else:
            found = (self.tr("1 client found.") if count == 1
                     else self.tr("{count} clients found.").format(count=count))
            self.hint.setText(found + " " + self.tr("Down: pick · Enter: check in · F4: card"))

    def _update_buttons(self) -> None:
        has = self.selected_hit() is not None
        self.checkin_button.setEnabled(has)
        self.card_button.setEnabled(has)

    # -- search --------------------------------------------------------------------------------------

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_seq += 1
        self._debounce.start()
        self._update_hint()

    def _run_search(self) -> None:
        seq = self._search_seq
        query = self.search.text()
        if not query.strip():
            self._apply_results(seq, [])
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.clients.search(actor, query, limit=SEARCH_LIMIT),
                 lambda hits: self._apply_results(seq, hits, query),
                 lambda error: self._search_failed(seq, error))

    def _apply_results(self, seq: int, hits: list[ClientSearchHit], query: str = "") -> None:
        if seq != self._search_seq:
            return  # the user typed on: an answer to an older query
        self._applied_seq = seq
        self._search_failed_for = None
        self._database_answered()
        # the same query again (a live update from another desk): keep the person selected, so
        # Enter never checks in someone else because the list moved under the cursor
        keep_id = None
        if query and query == getattr(self, "_shown_query", None):
            current = self.selected_hit()
            keep_id = current.id if current is not None else None
        self._shown_query = query
        had_focus = self.results.hasFocus()
        if keep_id is None:
            self.show_message("")
        self.results_model.set_rows(relevant(hits))
        self.results_model.set_appointments(self._appointment_of)
        rows = [h.id for h in self.results_model.rows()]
        if keep_id is not None and keep_id in rows:
            self.results.selectRow(rows.index(keep_id))
        elif hits:
            self.results.selectRow(0)
        if had_focus:
            self.results.setFocus()
        self._update_buttons()
        self._update_hint()
        self._run_after_search()

    def _search_failed(self, seq: int, error: Exception) -> None:
        if seq != self._search_seq:
            return
        self._applied_seq = seq
        # the list no longer belongs to the text in the field: the previous person must not stay
        # selected for Enter (checking in the wrong person), nor "No client found" be said
        self._search_failed_for = self.search.text()
        self._shown_query = None
        self.results_model.set_rows([])
        self._update_buttons()
        self._after_search = None  # nobody to act on
        self.show_error(error, read=True)
        self._update_hint()

    def search_settled(self) -> bool:
        """True when the results belong to the text in the search field (for tests and hints)."""
        return self._applied_seq == self._search_seq and not self._debounce.isActive()

    def selected_hit(self) -> ClientSearchHit | None:
        index = self.results.currentIndex()
        return self.results_model.hit(index.row()) if index.isValid() else None

    # -- today's appointments --------------------------------------------------------------------------

    def reload_appointments(self) -> None:
        self._appointments_seq += 1
        seq = self._appointments_seq
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.checkin.appointments_and_absent_today(actor),
                 lambda result: self._apply_appointments(seq, *result),
                 lambda error: self._appointments_failed(seq, error))

    def _apply_appointments(self, seq: int, rows: list[AppointmentRow], absent: list[AbsentToday]) -> None:
        if seq != self._appointments_seq:
            return
        self._database_answered()
        self.appointments_model.set_now(ui_clock.now())
        self.appointments_model.set_absent(frozenset(a.staff_id for a in absent))
        self.appointments_model.set_rows(rows)
        self._absent = absent
        self._show_absent()
        self._match_appointments()

    def _show_absent(self) -> None:
        """Above today's appointments: who is not here today, and what reception does about it."""
        if not self._absent:
            self.absent_label.hide()
            self.absent_label.clear()
            return
        today = ui_clock.centre_today()
        names = []
        for person in self._absent:
            if person.until is None:
                names.append(self.tr("{name} (no longer at the centre)").format(name=person.name))
            elif person.until > today:
                names.append(self.tr("{name} (until {date})").format(name=person.name, date=fmt_date(person.until)))
            else:
                names.append(person.name)
        self.absent_label.setText(self.tr("Not here today: {names}. Please tell the people waiting for them and "
                                          "phone those with an appointment (marked “counsellor absent”).")
                                  .format(names=", ".join(names)))
        self.absent_label.show()

    def _match_appointments(self) -> None:
        """Each client's appointment that Enter checks them in for: of their booked ones today the
        one due now, else the one nearest to now (a 09:00 appointment nobody closed must not take
        the place of the 14:00 one of another service the person comes for at 13:55)."""
        now = ui_clock.now()
        self._appointment_of = {}
        for row in self.appointments_model.rows():
            if row.client_id is None or row.status is not AppointmentStatus.BOOKED:
                continue
            best = self._appointment_of.get(row.client_id)
            if best is None or _appointment_rank(row, now) < _appointment_rank(best, now):
                self._appointment_of[row.client_id] = row
        self.results_model.set_appointments(self._appointment_of)

    def _appointments_failed(self, seq: int, error: Exception) -> None:
        if seq == self._appointments_seq:
            self.show_error(error, read=True)

    def reload(self) -> None:
        self.on_changed(self.topics)

    def on_changed(self, topics: frozenset[Topic]) -> None:
        if topics & {Topic.REFERENCE, Topic.SETTINGS} or not self._services:
            self._load_services()  # also after a start whose read of them failed
        if not topics & {Topic.APPOINTMENTS, Topic.VISITS, Topic.CLIENTS, Topic.REFERENCE}:
            return  # the centre's name only
        self.reload_appointments()  # names, arrivals and appointments all show in today's list
        if Topic.CLIENTS in topics and self.search.text().strip():
            self._on_search_text_changed(self.search.text())

    # -- keyboard ------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.search:
            if key == Qt.Key.Key_Down and (self.results_model.rowCount() or not self.search_settled()):
                self._when_settled(self._pick_first_result)
                return True
            if enter:
                if self._search_failed_for is not None and self.search_settled():
                    self._on_search_text_changed(self.search.text())  # the search failed: Enter tries again
                    self._settle_now()
                else:
                    self.check_in_selected()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if (key == Qt.Key.Key_Z and event.modifiers() == Qt.KeyboardModifier.ControlModifier
                    and not self.search.text()):
                self.undo_last_check_in()  # with text in the field, Ctrl+Z stays the field's own undo
                return True
        elif watched is self.results:
            if enter:
                self.check_in_selected()
                return True
            if key == Qt.Key.Key_Up and self.results.currentIndex().row() <= 0:
                self.focus_search()
                return True
            if key == Qt.Key.Key_Escape:
                self.focus_search()
                return True
        elif watched is self.appointments:
            if enter:
                self.check_in_appointment_selected()
                return True
            if key == Qt.Key.Key_Escape:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def _settle_now(self) -> None:
        """A key that acts on the results: run a pending search at once instead of waiting."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._run_search()

    def _when_settled(self, action: Callable[[], None]) -> None:
        """Run `action` on the results of the text in the field. While they are still being
        searched (the volunteer typed the next name and pressed Enter at once), the list still
        shows the previous query's people: acting on it would check in, open or attach the
        wrong person. The search runs now and `action` follows its answer (the last key wins)."""
        if self.search_settled():
            self._after_search = None
            action()
            return
        self._after_search = (action, self.search.text())
        self._settle_now()

    def _run_after_search(self) -> None:
        """The results for the field's text are in: the key pressed while they were searched acts
        now (not if the text changed meanwhile: then the newer key decides)."""
        pending, self._after_search = self._after_search, None
        if pending is not None and pending[1] == self.search.text():
            pending[0]()

    def _pick_first_result(self) -> None:
        if not self.results_model.rowCount():
            return
        self.results.setFocus()
        if not self.results.currentIndex().isValid():
            self.results.selectRow(0)

    # -- actions ------------------------------------------------------------------------------------------------

    def check_in_selected(self) -> None:
        self._when_settled(self._check_in_selected_now)

    def _check_in_selected_now(self) -> None:
        hit = self.selected_hit()
        if hit is None:
            return
        self.open_check_in(hit, self._appointment_of.get(hit.id))

    def check_in_appointment_selected(self) -> None:
        index = self.appointments.currentIndex()
        appointment = self.appointments_model.appointment(index.row()) if index.isValid() else None
        if appointment is None:
            return
        if appointment.status is not AppointmentStatus.BOOKED:
            self.show_message(self.tr("This appointment is already checked in or closed."))
            return
        client = None
        if appointment.client_id is not None:
            client = ClientSearchHit(id=appointment.client_id, client_number=format_client_number(appointment.client_id),
                                     given_name="", family_name=appointment.client_name, date_of_birth=None,
                                     language="", interpreter_needed=False, score=100.0)
        self.open_check_in(client, appointment)

    def attach_to_ticket(self) -> None:
        """The selected person has an anonymous ticket (from the kiosk): choose it, attach them."""
        self._when_settled(self._attach_to_ticket_now)

    def _attach_to_ticket_now(self) -> None:
        hit = self.selected_hit()
        if hit is None or self._busy:
            return
        from desk.ui.views.empfang.attach import anonymous_open

        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: anonymous_open(services.checkin.today(actor)),
                 lambda visits: self._choose_ticket(hit, visits), self._check_in_failed)

    def _choose_ticket(self, hit: ClientSearchHit, visits: list[VisitRow]) -> None:
        if not visits:
            self.show_message(self.tr("No anonymous ticket is waiting today."))
            return
        from desk.ui.views.empfang.attach import AttachDialog

        names = {s.id: s.name(current_language()) for s in self._services}
        dialog = AttachDialog(hit, visits, names, parent=self)
        self.attach_dialog = dialog

        def chosen() -> None:
            visit_id = dialog.chosen_visit_id()
            if visit_id is None:
                return
            services, actor = self.ctx.services, self.ctx.actor
            self._busy = True
            self.write(lambda: services.checkin.attach_client(actor, visit_id, hit.id), self._attached,
                       self._check_in_failed)

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(self.focus_search)  # Esc: back to the search, as after every dialog
        dialog.open()

    def _attached(self, visit: VisitRow) -> None:
        self._busy = False
        self.show_message("")
        self.ctx.events.sig_status_message.emit(
            self.tr("Ticket {ticket} now belongs to the client; it keeps its place").format(ticket=visit.ticket))
        self.search.clear()  # the next person, as after a check-in
        self.focus_search()

    def anonymous_ticket(self) -> None:
        self.open_check_in(None, None)

    def open_check_in(self, client: ClientSearchHit | None, appointment: AppointmentRow | None) -> None:
        if self._busy:
            return
        if self.checkin_dialog is not None:
            self.checkin_dialog.deleteLater()
        from desk.ui.views.empfang.checkin_dialog import CheckInDialog

        dialog = CheckInDialog(self.ctx, self._services, client=client, appointment=appointment, parent=self)
        # the dialog checks in itself and closes when it is saved (or refused for good); a locked
        # database keeps it open with everything chosen (checkin_dialog.py)
        dialog.sig_checked_in.connect(
            lambda visit, request, d=dialog: self._checked_in(visit, d.wait.text() if d.estimate_shown else "",
                                                              request))
        dialog.sig_refused.connect(self._check_in_failed)
        dialog.rejected.connect(self.focus_search)
        self.checkin_dialog = dialog
        dialog.open()

    def _perform_check_in(self, request, wait_text: str, command: CheckInCommand | None = None) -> None:
        self._busy = True
        services, actor = self.ctx.services, self.ctx.actor
        # a write: the view reloads today's appointments once, and not again when the change comes back
        self.write(lambda: services.checkin.check_in(actor, request),
                   lambda visit: self._checked_in(visit, wait_text, request, command), self._check_in_failed)

    def _checked_in(self, visit: VisitRow, wait_text: str, request=None, command: CheckInCommand | None = None) -> None:
        self._busy = False
        if command is not None:  # a redo: the command now stands for the new ticket
            command.visit = visit
            command.setText(self.tr("check-in {ticket}").format(ticket=visit.ticket))
        elif request is not None:
            self.undo_stack.push(CheckInCommand(self, visit, request))
        self.last_visit = visit
        self._last_wait_text = wait_text
        self.show_message("")
        self._show_last_ticket()
        self.ctx.events.sig_status_message.emit(self.tr("{ticket} checked in").format(ticket=visit.ticket))
        self.search.clear()
        self.focus_search()

    def _undo_check_in(self, visit: VisitRow) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.checkin.undo_check_in(actor, visit.id),
                   lambda _result: self._check_in_undone(visit), self._undo_failed)

    def _check_in_undone(self, visit: VisitRow) -> None:
        self.show_message("")
        if self.last_visit is not None and self.last_visit.id == visit.id:
            self.last_visit = None
            self._show_last_ticket()
        self.ctx.events.sig_status_message.emit(self.tr("Check-in {ticket} taken back").format(ticket=visit.ticket))
        self.focus_search()

    def _undo_failed(self, error: Exception) -> None:
        self.undo_stack.clear()  # the stack no longer matches the database
        self.show_error(error)

    def undo_last_check_in(self) -> None:
        if self.undo_stack.canUndo() and not self._busy:
            self.undo_stack.undo()

    def _check_in_failed(self, error: Exception) -> None:
        self._busy = False
        self.show_error(error)
        self.focus_search()

    def _show_last_ticket(self) -> None:
        visit = self.last_visit
        if visit is None:
            self.ticket_frame.hide()
            return
        service = self.service(visit.service_id)
        parts = [self.tr("Ticket {ticket}").format(ticket=visit.ticket),
                 service.name(current_language()) if service else "",
                 fmt_time(visit.arrived_at)]
        if visit.party_size > 1:
            parts.append(self.tr("{count} people").format(count=visit.party_size))
        if visit.client_name:
            parts.append(visit.client_name)
        text = "  ·  ".join(p for p in parts if p)
        wait = getattr(self, "_last_wait_text", "")
        self.ticket_label.setText(f"{text}\n{wait}" if wait else text)
        self.ticket_frame.show()

    def show_first_day_guide(self) -> None:
        window = self.window()
        if callable(getattr(window, "show_first_day_guide", None)):
            window.show_first_day_guide()
        else:
            from desk.ui.help.dialogs import FirstDayGuide

            FirstDayGuide(self).exec()
        self.focus_search()

    def open_card_selected(self) -> None:
        self._when_settled(self._open_card_selected_now)

    def _open_card_selected_now(self) -> None:
        hit = self.selected_hit()
        if hit is not None:
            self.open_card(hit.id)

    def open_card(self, client_id: int) -> None:
        """Reads the card in a worker, then opens it (card_dialog)."""
        from desk.ui.views.empfang.card import ClientCardDialog

        clients, actor = self.ctx.services.clients, self.ctx.actor
        self.run(lambda: clients.card(actor, client_id),
                 lambda row: self._open_card_dialog(ClientCardDialog(self.ctx, row, parent=self)),
                 lambda error: self.show_error(error))

    def new_client(self) -> None:
        if not self.new_button.isEnabled():
            return
        query = self.search.text().strip()
        looks_like_name = bool(query) and not any(ch.isdigit() for ch in query)
        from desk.ui.views.empfang.card import ClientCardDialog, typed_date_or_phone

        # searched by date of birth or phone number and not found: the card starts with it
        birth, phone = ("", "") if looks_like_name else typed_date_or_phone(query)
        self._open_card_dialog(ClientCardDialog(self.ctx, None, initial_name=query if looks_like_name else "",
                                                initial_birth=birth, initial_phone=phone, parent=self))

    def _open_card_dialog(self, dialog: ClientCardDialog) -> None:
        if self.card_dialog is not None:
            self.card_dialog.deleteLater()
        self.card_dialog = dialog
        dialog.sig_saved.connect(self._card_saved)
        dialog.sig_open_existing.connect(self._use_existing_client)
        dialog.rejected.connect(self.focus_search)
        dialog.open()

    def _use_existing_client(self, client_id: int) -> None:
        """The person was already known (the duplicate warning): their card opens, and the search
        holds their number, so Enter checks in exactly them once the card is closed."""
        self.search.setText(format_client_number(client_id))
        QTimer.singleShot(0, lambda: self.open_card(client_id))

    def _card_saved(self, row) -> None:
        self.ctx.events.sig_status_message.emit(self.tr("Card of {name} saved").format(name=row.display_name))
        self.search.setText(row.client_number)
        self.focus_search()

    # -- ticket slip ----------------------------------------------------------------------------------------------

    def _centre_name(self) -> str:
        return self._centre  # read with the services (_load_services)

    def print_last_slip(self) -> None:
        if self.last_visit is not None:
            from desk.ui.views.empfang.slip import print_slip

            print_slip(self, self.last_visit, self.service(self.last_visit.service_id), self._centre_name())

    def save_last_slip(self, path: str | Path) -> Path | None:
        if self.last_visit is None:
            return None
        from desk.ui.views.empfang.slip import save_slip_pdf

        return save_slip_pdf(path, self.last_visit, self.service(self.last_visit.service_id), self._centre_name())

    def save_last_slip_dialog(self) -> None:
        if self.last_visit is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save ticket slip"),
                                                    f"{self.last_visit.ticket}.pdf", self.tr("PDF (*.pdf)"))
        if path:
            try:
                self.save_last_slip(path)
            except OSError as error:
                self.show_message(str(error))
