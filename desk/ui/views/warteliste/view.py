"""The Warteliste view: today's queue, calling into a room, and every follow-up action.

Data flow: a change naming one of `topics` (any workstation committed; DeskView throttles and
waits while the view is hidden) -> one reload on a worker thread -> `WaitingListModel.apply()` diffs by visit id, so the table changes in place and the
selection and scroll position stay. Actions run on a worker too and go onto a QUndoStack whose
undo is the service's conditional inverse transition.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.model import (
    AbsentToday,
    Role,
    RoomKind,
    RoomRow,
    ServiceRow,
    StaffRow,
    VisitRow,
    VisitStatus,
)
from desk.domain.permissions import Permission, allowed
from desk.domain.topics import Topic
from desk.domain.waitlist import TRANSITIONS
from desk.services.once import new_request_key
from desk.services.waitlist import ActionResult, UndoToken
from desk.ui import clock as ui_clock
from desk.ui.a11y import announce
from desk.ui.context import UiContext, bounded_undo_stack, error_text
from desk.ui.i18n import current_language, fmt_time
from desk.ui.views.base import DeskView
from desk.ui.views.warteliste.dialogs import HandOverDialog, ReferDialog
from desk.ui.views.warteliste.model import WaitingListModel
from desk.ui.widgets.flow import FlowLayout
from desk.ui.widgets.tables import set_up_columns

TICK_MS = 15_000


def _literal(text: str) -> str:
    """Text from the settings or the reference data inside a message template that is formatted
    later: its braces are kept as braces ("Caritas {Balingen}" is no placeholder)."""
    return text.replace("{", "{{").replace("}", "}}")
FILTER_MINE, FILTER_ALL = "mine", "all"


class _ActionCommand(QUndoCommand):
    """One desk action on the undo stack. Undo = the service's inverse transition; redo = the
    same action again (both conditional, so a change made elsewhere meanwhile is refused)."""

    def __init__(self, view: WartelisteView, text: str, token: UndoToken,
                 again: Callable[[], ActionResult]) -> None:
        super().__init__(text)
        self._view = view
        self.token = token
        self._again = again
        self._first = True

    def redo(self) -> None:
        if self._first:  # the action itself already ran when the command was pushed
            self._first = False
            return
        self._view._run(self._again, lambda result: setattr(self, "token", result.undo))

    def undo(self) -> None:
        token = self.token
        view = self._view
        view._run(lambda: view.ctx.services.waitlist.undo(view.ctx.actor, token),
                  lambda row: view._say(view.undone_text(self.text())))


class WartelisteView(DeskView):
    # appointments: an absence today (who is away, marked in the hand-over)
    topics = frozenset({Topic.VISITS, Topic.REFERENCE, Topic.SETTINGS, Topic.APPOINTMENTS})

    sig_rows_applied = Signal()
    """The table shows a fresh load (after the model was updated in place)."""

    sig_room_saved = Signal(int)
    """The chosen room was remembered with the account."""

    sig_client_arrived = Signal(object)
    """A visit reserved for me (my appointment, or handed over to me) appeared: the VisitRow."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = WaitingListModel(self)
        self.undo_stack = bounded_undo_stack(self)
        self._services: list[ServiceRow] = []
        self._rooms: list[RoomRow] = []
        self._staff: list[StaffRow] = []
        self._absent: frozenset[int] = frozenset()  # counsellors not here today (the hand-over marks them)
        self._partners: list[str] = []
        # the last hand-over's request key, for the same visit (as shown), service and counsellor:
        # tried again after "the server is away" it answers with the new number, not a refusal
        self._handover_key: tuple[tuple, str] | None = None
        self._loading = False
        self._dirty = False
        self._loaded_once = False
        self._stale_since: datetime | None = None
        self._tray: QSystemTrayIcon | None = None
        self.can_call = allowed(ctx.actor.role, Permission.VISIT_CALL)

        # -- widgets --
        self.filter_label = QLabel()
        self.filter_combo = QComboBox()
        self.filter_label.setBuddy(self.filter_combo)
        self.room_label = QLabel()
        self.room_combo = QComboBox()
        self.room_label.setBuddy(self.room_combo)
        for combo in (self.filter_combo, self.room_combo):  # long names elide rather than widen the window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.call_next_button = QPushButton()
        self.call_next_button.setObjectName("callNext")
        self.call_next_button.setMinimumHeight(36)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("waitingCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label.setWordWrap(True)
        self.stale_banner = self._banner("staleBanner", "#fff4c2", "#7a5b00")
        self.notice_banner = self._banner("noticeBanner", "#dcecff", "#0b3d75")
        self.error_banner = self._banner("errorBanner", "#ffd9d6", "#8a1c12")
        self.table = QTableView()
        self.table.setObjectName("waitingList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.table.doubleClicked.connect(lambda _index: self.action_call.trigger())
        self.table.horizontalHeader().setStretchLastSection(True)
        set_up_columns(self.table)  # widths from the model's columns, grown with the font

        # -- actions (buttons, context menu and shortcuts share them) --
        make = self.add_action
        self.action_call_next = make("F2", self.call_next)
        self.action_call = make("F3", self.call_selected)
        self.action_call_again = make("F4", self.call_again)
        self.action_start = make("F6", self.start)
        self.action_done = make("F7", self.done)
        self.action_no_show = make("F8", self.no_show)
        self.action_back = make("F9", self.back_to_waiting)
        self.action_hand_over = make("Ctrl+Shift+H", self.hand_over)
        self.action_refer = make("Ctrl+Shift+R", self.refer)
        self.action_undo = make("Ctrl+Z", self.undo_stack.undo)
        self.action_redo = make("Ctrl+Shift+Z", self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.action_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.action_redo.setEnabled)
        self.action_undo.setEnabled(False)
        self.action_redo.setEnabled(False)
        self.call_next_button.clicked.connect(self.action_call_next.trigger)
        self._visit_actions = [self.action_call, self.action_call_again, self.action_start, self.action_done,
                               self.action_no_show, self.action_back, self.action_hand_over, self.action_refer]
        self._buttons: list[QToolButton] = []
        buttons = FlowLayout()  # wraps onto a second line at large font sizes instead of widening the window
        for action in [*self._visit_actions, self.action_undo]:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
            self._buttons.append(button)

        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo, 1)
        top.addSpacing(12)
        top.addWidget(self.room_label)
        top.addWidget(self.room_combo, 1)
        top.addSpacing(12)
        top.addWidget(self.call_next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stale_banner)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.notice_banner)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.filter_combo, self.room_combo)
        self.setTabOrder(self.room_combo, self.call_next_button)
        self.setTabOrder(self.call_next_button, self.table)

        # reception sees no button it cannot use (undo included: it undoes calls and hand-overs)
        for widget in (self.room_label, self.room_combo, self.call_next_button, *self._buttons):
            widget.setVisible(self.can_call)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.room_combo.activated.connect(self._on_room_chosen)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._update_actions())
        self.model.rowsInserted.connect(lambda *_: self._update_actions())
        self.model.dataChanged.connect(lambda *_: self._update_actions())
        ctx.events.sig_database_state.connect(self._on_database_state)

        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(lambda: self.model.tick())
        self.ticker.start()

        self.retranslate()
        self._update_actions()
        self._load_reference()

    # -- building helpers -------------------------------------------------------------------------

    def _banner(self, name: str, background: str, foreground: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setStyleSheet(f"QLabel#{name} {{ background: {background}; color: {foreground}; "
                            "padding: 6px; border-radius: 3px; font-weight: bold; }")
        label.setVisible(False)
        return label

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("&Show:"))
        self.room_label.setText(self.tr("My &room:"))
        self.filter_combo.setAccessibleName(self.tr("Which services to show"))
        self.room_combo.setAccessibleName(self.tr("Room you call into"))
        self.room_combo.setPlaceholderText(self.tr("Choose your room"))
        self.table.setAccessibleName(self.tr("Waiting list"))
        self.table.setAccessibleDescription(self.tr("F2 calls the next person, F3 the selected one; F6 starts the "
                                                    "session, F7 done, F8 no-show, Ctrl+Z undoes."))
        texts = [
            (self.action_call_next, self.tr("Call &next"), "F2"),
            (self.action_call, self.tr("&Call this one"), "F3"),
            (self.action_call_again, self.tr("Call &again"), "F4"),
            (self.action_start, self.tr("&Start the session"), "F6"),
            (self.action_done, self.tr("Mark as &done"), "F7"),
            (self.action_no_show, self.tr("Mark as no-sho&w"), "F8"),
            (self.action_back, self.tr("Put &back on the waiting list"), "F9"),
            (self.action_hand_over, self.tr("&Hand over…"), "Ctrl+Shift+H"),
            (self.action_refer, self.tr("&Refer to a partner organisation…"), "Ctrl+Shift+R"),
            (self.action_undo, self.tr("&Undo"), "Ctrl+Z"),
            (self.action_redo, self.tr("Red&o"), "Ctrl+Shift+Z"),
        ]
        for action, text, shortcut in texts:
            action.setText(text)
            action.setToolTip(f"{text.replace('&', '')} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        for button in self._buttons:
            button.setAccessibleName(button.defaultAction().text().replace("&", ""))
        self.call_next_button.setText(self.tr("Call next (F2)"))
        self.call_next_button.setToolTip(self.action_call_next.toolTip())
        self.call_next_button.setAccessibleName(self.tr("Call next"))
        self._fill_filter()
        self.model.retranslate()
        if self._stale_since is not None:
            self._show_stale()

    def _fill_filter(self) -> None:
        current = self.filter_combo.currentData()
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        if self.ctx.actor.service_ids:
            self.filter_combo.addItem(self.tr("My services"), FILTER_MINE)
        self.filter_combo.addItem(self.tr("All services"), FILTER_ALL)
        for service in self._services:
            if service.active:
                self.filter_combo.addItem(service.name(current_language()), service.id)
        if current is None:
            # first fill: counsellors start with their services, the head of department and
            # reception (who coordinate the whole house) with all of them
            current = FILTER_ALL if self.ctx.actor.role in (Role.HEAD, Role.RECEPTION) else FILTER_MINE
        index = self.filter_combo.findData(current)
        self.filter_combo.setCurrentIndex(max(index, 0))
        self.filter_combo.blockSignals(False)

    def _fill_rooms(self) -> None:
        """"Mein Raum": the account's room (remembered with the account); without one, no room
        is chosen (never someone else's office) and *call next* asks for one. A room chosen here
        stays chosen when the lists are reloaded (a room renamed at another desk)."""
        chosen = self.room_combo.currentData()
        self.room_combo.blockSignals(True)
        self.room_combo.clear()
        for room in self._rooms:
            if room.active and room.kind in (RoomKind.OFFICE, RoomKind.GROUP, RoomKind.RECEPTION):
                self.room_combo.addItem(f"{room.name} ({room.display_label})" if room.display_label != room.name
                                        else room.name, room.id)
        me = next((s for s in self._staff if s.id == self.ctx.actor.staff_id), None)
        index = self.room_combo.findData(me.default_room_id) if me and me.default_room_id is not None else -1
        if chosen is not None and self.room_combo.findData(chosen) >= 0:
            index = self.room_combo.findData(chosen)
        self.room_combo.setCurrentIndex(index)
        self.room_combo.blockSignals(False)

    def _on_room_chosen(self, index: int) -> None:
        """Remember the chosen room with the account (the next start, the silent alarm)."""
        room_id = self.room_combo.itemData(index)
        if room_id is None or self.ctx.actor.staff_id is None:
            return
        me = next((s for s in self._staff if s.id == self.ctx.actor.staff_id), None)
        if me is not None and me.default_room_id == room_id:
            return
        accounts, actor = self.ctx.services.accounts, self.ctx.actor
        self.write(lambda: accounts.set_own_room(actor, room_id), lambda _result: self.sig_room_saved.emit(room_id),
                   self._fail)

    # -- loading ---------------------------------------------------------------------------------

    def _load_reference(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor

        can_call = self.can_call

        def load() -> dict[str, Any]:
            return {"services": services.reference.services(actor), "rooms": services.reference.rooms(actor),
                    "staff": services.reference.staff(actor), "settings": services.reference.settings(actor),
                    # who is away today, with the staff names: only those who hand over need it
                    "absent": services.checkin.absent_today(actor) if can_call else []}

        self.run(load, self._on_reference_loaded, self._on_load_failed)

    def _on_reference_loaded(self, data: dict[str, Any]) -> None:
        self._services, self._rooms, self._staff = data["services"], data["rooms"], data["staff"]
        self._on_absent_loaded(data["absent"])
        settings = data["settings"]
        self._partners = list(settings.partner_organisations)
        self.model.set_services(self._services)
        self.model.set_staff(self._staff)
        self.model.set_thresholds(settings.wait_warning_minutes, settings.wait_alarm_minutes)
        self._fill_filter()
        self._fill_rooms()
        self.reload()

    def selected_filter(self) -> frozenset[int] | None:
        data = self.filter_combo.currentData()
        if data == FILTER_MINE:
            return frozenset(self.ctx.actor.service_ids)
        if data in (FILTER_ALL, None):
            return None
        return frozenset({int(data)})

    def reload(self) -> None:
        """Fetch the list on a worker; several triggers while loading coalesce into one more load."""
        if self._loading:
            self._dirty = True
            return
        self._loading = True
        self._dirty = False
        services, actor, service_ids = self.ctx.services, self.ctx.actor, self.selected_filter()
        self.run(lambda: services.waitlist.waiting_list(actor, service_ids=service_ids),
                 self._on_loaded, self._on_load_failed)

    def _on_loaded(self, rows: list[VisitRow]) -> None:
        self._loading = False
        if self._dirty:
            self.reload()
        added, _gone = self.model.apply(rows, ui_clock.now())
        if self._stale_since is not None:
            self._stale_since = None
            self.stale_banner.setVisible(False)
        if self._loaded_once:
            me = self.ctx.actor.staff_id
            others = []
            for row in added:
                if me is not None and row.assigned_staff_id == me and row.status is VisitStatus.WAITING:
                    self._notify_arrival(row)
                elif row.status is VisitStatus.WAITING:
                    others.append(row)
            if others:  # a screen reader hears that the list grew, without losing its place
                announce(self.table, self.tr("{ticket} is new in the waiting list.").format(ticket=others[0].ticket)
                         if len(others) == 1
                         else self.tr("{count} new arrivals in the waiting list.").format(count=len(others)))
        self._loaded_once = True
        self._show_counts()
        self._update_actions()
        self.sig_rows_applied.emit()

    def _show_counts(self) -> None:
        """"Waiting: IM 4 · MBE 2" - how many people wait per service, in words for a screen reader."""
        counts = self.model.waiting_per_service()
        short = " · ".join(f"{service.code if service else '?'} {count}" for service, count in counts)
        full = " · ".join(f"{service.name(current_language()) if service else '?'}: {count}"
                          for service, count in counts)
        if not counts:
            short = full = self.tr("Nobody is waiting.")
        else:
            short = self.tr("Waiting per service – {counts}").format(counts=short)
            full = self.tr("Waiting per service – {counts}").format(counts=full)
        self.counts_label.setText(short)  # one line at 200 % too; the full names for tooltip and screen reader
        self.counts_label.setToolTip(full)
        self.counts_label.setAccessibleName(full)

    def _on_load_failed(self, error: Exception) -> None:
        self._loading = False
        if self._stale_since is None:
            self._stale_since = ui_clock.now()
        self._show_stale(error_text(error))
        QTimer.singleShot(2000, self.reload)

    def live_while_hidden(self) -> bool:
        # a counsellor hears "your client has arrived" from this reload, whichever view is on show
        return self.can_call and self.ctx.actor.staff_id is not None

    def on_changed(self, topics: frozenset[Topic]) -> None:
        if Topic.SETTINGS in topics or Topic.REFERENCE in topics:
            self._load_reference()  # reloads the list when it is back
            return
        if Topic.APPOINTMENTS in topics and self.can_call:
            self._load_absent()  # an absence added or removed today: the hand-over's marks
        if Topic.VISITS in topics:
            self.reload()

    def _load_absent(self) -> None:
        checkin, actor = self.ctx.services.checkin, self.ctx.actor
        self.run(lambda: checkin.absent_today(actor), self._on_absent_loaded, lambda _error: None)

    def _on_absent_loaded(self, absent: list[AbsentToday]) -> None:
        self._absent = frozenset(a.staff_id for a in absent)

    def _on_database_state(self, reachable: bool, message: str) -> None:
        if reachable:
            self.reload()  # a full reload after a reconnect; the banner goes when it arrives
            return
        if self._stale_since is None:
            self._stale_since = ui_clock.now()
        self._show_stale(message)

    def _show_stale(self, message: str = "") -> None:
        assert self._stale_since is not None
        text = self.tr("Not up to date: the database has not been reachable since {time}. The list updates "
                       "by itself when it is back.").format(time=fmt_time(self._stale_since))
        self.stale_banner.setText(f"{text} {message}".strip() if message else text)
        self.stale_banner.setVisible(True)

    # -- notifications -------------------------------------------------------------------------

    def _notify_arrival(self, row: VisitRow) -> None:
        if row.appointment_starts_at is not None:
            text = self.tr("{ticket} {name} has arrived for the appointment at {time}.").format(
                ticket=row.ticket, name=row.client_name, time=fmt_time(row.appointment_starts_at))
        else:
            text = self.tr("{ticket} {name} is waiting for you.").format(ticket=row.ticket, name=row.client_name)
        text = " ".join(text.split())
        self.sig_client_arrived.emit(row)
        self.notice_banner.setText(text)
        self.notice_banner.setVisible(True)
        self.ctx.events.sig_status_message.emit(text)
        announce(self.table, text, assertive=True)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation), self)
                self._tray.show()
            self._tray.showMessage(self.tr("Waiting list"), text, QSystemTrayIcon.MessageIcon.Information, 10_000)
        QApplication.alert(self.window(), 0)

    def undone_text(self, action: str) -> str:
        return self.tr("Undone: {action}").format(action=action)

    def _say(self, text: str) -> None:
        self.error_banner.setVisible(False)
        self.notice_banner.setText(text)
        self.notice_banner.setVisible(True)
        self.ctx.events.sig_status_message.emit(text)
        announce(self.table, text)  # a finished call, done, undo: spoken without moving the focus

    def _fail(self, error: Exception) -> None:
        self.error_banner.setText(error_text(error))
        self.error_banner.setVisible(True)
        announce(self.table, self.error_banner.text(), assertive=True)
        self.reload()

    # -- actions ---------------------------------------------------------------------------------

    def selected_visit(self) -> VisitRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.visit(index.row()) if index.isValid() else None

    def select_visit(self, visit_id: int) -> None:
        row = self.model.row_of(visit_id)
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def room_id(self) -> int | None:
        return self.room_combo.currentData()

    def _update_actions(self) -> None:
        visit = self.selected_visit()
        status = visit.status if visit else None
        for action, name in ((self.action_call, "call"), (self.action_call_again, "call_again"),
                             (self.action_start, "start"), (self.action_done, "done"),
                             (self.action_no_show, "no_show"), (self.action_back, "back_to_waiting"),
                             (self.action_hand_over, "hand_over"), (self.action_refer, "refer")):
            action.setEnabled(self.can_call and status in TRANSITIONS[name][0])
        self.action_call_next.setEnabled(self.can_call)

    def _run(self, function: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """A desk action: a write; the list reloads once through the window's announcement of the commit."""
        def done(result: Any) -> None:
            self.error_banner.setVisible(False)
            on_done(result)

        self.write(function, done, self._fail)

    def _act(self, label: str, function: Callable[[], ActionResult | None],
             again: Callable[[], ActionResult] | None = None, *, undo_label: str | None = None) -> None:
        """`undo_label`: the action's name on the undo stack ("Undone: …") when the message says
        more than what is undone."""
        def done(result: ActionResult | None) -> None:
            if result is None:
                self._say(self.tr("Nobody is waiting for these services."))
                return
            visit = result.visit
            message = label.format(ticket=visit.ticket, room=visit.room_label)
            self._say(message)
            redo = again or (lambda: function())
            name = message if undo_label is None else undo_label.format(ticket=visit.ticket, room=visit.room_label)
            self.undo_stack.push(_ActionCommand(self, name, result.undo, redo))

        self._run(function, done)

    def call_next(self) -> None:
        wl, actor, room, ids = self.ctx.services.waitlist, self.ctx.actor, self.room_id(), self.selected_filter()

        def run() -> ActionResult | None:
            return wl.call_next(actor, room_id=room, service_ids=ids)

        def done(result: ActionResult | None) -> None:
            if result is None:
                self._say(self.tr("Nobody is waiting for these services."))
                return
            visit_id = result.visit.id
            message = self.tr("{ticket} called into {room}.").format(ticket=result.visit.ticket,
                                                                     room=result.visit.room_label)
            self._say(message)
            self.select_visit(visit_id)  # F6 / F7 act on the person just called
            self.undo_stack.push(_ActionCommand(self, message, result.undo,
                                                lambda: wl.call(actor, visit_id, room_id=room)))

        self._run(run, done)

    def _visit_action(self, label: str, call: Callable[[int], ActionResult]) -> None:
        visit = self.selected_visit()
        if visit is None:
            return
        self._act(label, lambda: call(visit.id))

    def call_selected(self) -> None:
        wl, actor, room = self.ctx.services.waitlist, self.ctx.actor, self.room_id()
        visit = self.selected_visit()
        take_over = False
        if visit is not None and visit.status is VisitStatus.WAITING and visit.assigned_staff_id not in (
                None, actor.staff_id):
            # a colleague's appointment or hand-over: only a deliberate take-over (audited)
            name = self.model.staff_name(visit.assigned_staff_id)
            answer = QMessageBox.question(
                self, self.tr("Take over?"),
                self.tr("{ticket} is reserved for {name}. Take this person over and call them into your room? "
                        "The take-over is recorded.").format(ticket=visit.ticket, name=name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
            take_over = True
        self._visit_action(self.tr("{ticket} called into {room}."),
                           lambda v: wl.call(actor, v, room_id=room, take_over=take_over))

    def call_again(self) -> None:
        wl, actor, room = self.ctx.services.waitlist, self.ctx.actor, self.room_id()
        self._visit_action(self.tr("{ticket} called again into {room}."),
                           lambda v: wl.call_again(actor, v, room_id=room))

    def start(self) -> None:
        wl, actor = self.ctx.services.waitlist, self.ctx.actor
        self._visit_action(self.tr("{ticket} in session."), lambda v: wl.start(actor, v))

    def done(self) -> None:
        wl, actor = self.ctx.services.waitlist, self.ctx.actor
        self._visit_action(self.tr("{ticket} done."), lambda v: wl.done(actor, v))

    def no_show(self) -> None:
        wl, actor = self.ctx.services.waitlist, self.ctx.actor
        self._visit_action(self.tr("{ticket} did not come (no-show)."), lambda v: wl.no_show(actor, v))

    def back_to_waiting(self) -> None:
        wl, actor = self.ctx.services.waitlist, self.ctx.actor
        self._visit_action(self.tr("{ticket} is back on the waiting list."), lambda v: wl.back_to_waiting(actor, v))

    def hand_over(self, *, service_id: int | None = None, staff_id: int | None = None) -> None:
        visit = self.selected_visit()
        if visit is None:
            return
        if service_id is None:
            dialog = HandOverDialog(visit, self._services, self._staff, self, absent=self._absent)
            if dialog.exec() != HandOverDialog.DialogCode.Accepted:
                return
            service_id, staff_id = dialog.service_id, dialog.staff_id
        wl, actor = self.ctx.services.waitlist, self.ctx.actor
        service = next((s for s in self._services if s.id == service_id), None)
        if service is None or service_id == visit.service_id:
            label = self.tr("{ticket} handed over.")  # within the service: the number stays
        else:
            # another service gives a new number, which the display will call: the person only
            # knows the old one, so the counsellor is told to pass it on
            label = self.tr("{old} handed over to {service}: the new number is {ticket}. Please tell the person.")
            label = label.replace("{old}", visit.ticket).replace(
                "{service}", _literal(service.name(current_language())))
        intention = (visit.id, visit.version, service_id, staff_id)
        if self._handover_key is None or self._handover_key[0] != intention:
            self._handover_key = (intention, new_request_key())
        key = self._handover_key[1]
        self._act(label, lambda: wl.hand_over(actor, visit.id, service_id=service_id, staff_id=staff_id,
                                              request_key=key),
                  undo_label=self.tr("{ticket} handed over.").replace("{ticket}", visit.ticket))

    def refer(self, *, organisation: str | None = None) -> None:
        visit = self.selected_visit()
        if visit is None:
            return
        if organisation is None:
            dialog = ReferDialog(visit, self._partners, self)
            if dialog.exec() != ReferDialog.DialogCode.Accepted:
                return
            organisation = dialog.organisation
        wl, actor = self.ctx.services.waitlist, self.ctx.actor
        label = self.tr("{ticket} referred to {organisation}.").replace("{organisation}", _literal(organisation))
        self._act(label, lambda: wl.refer(actor, visit.id, organisation))

    def _on_table_context_menu(self, position) -> None:
        index: QModelIndex = self.table.indexAt(position)
        if index.isValid():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        if self.can_call:
            menu.addAction(self.action_call_next)
            menu.addSeparator()
            for action in self._visit_actions:
                menu.addAction(action)
            menu.addSeparator()
            menu.addAction(self.action_undo)
            menu.addAction(self.action_redo)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def on_shown(self) -> None:
        # no reload here: changes made while the view was hidden are caught up by DeskView.showEvent
        if not self.isAncestorOf(QApplication.focusWidget()):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # keyboard users land on the list
