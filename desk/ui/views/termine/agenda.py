"""Termine's first tab: the counsellor's day or week as an agenda table; booking, changing,
cancelling, no-show, the appointment slip and the ICS export of the shown period."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPushButton, QVBoxLayout

from desk.domain.model import AppointmentRow, AppointmentStatus
from desk.domain.permissions import Permission, allowed
from desk.domain.tickets import BERLIN
from desk.domain.topics import Topic
from desk.ui.i18n import current_language, fmt_date, fmt_time
from desk.ui.views.termine import printing
from desk.ui.views.termine.dialogs import AppointmentDialog, DialogChoices, ReasonDialog, pydate, qdate
from desk.ui.views.termine.models import ROW_ROLE, AgendaModel
from desk.ui.views.termine.tab import TermineTab, table
from desk.ui.widgets.flow import FlowLayout
from desk.ui.widgets.languages import language_name
from desk.ui.widgets.tables import set_up_columns

if TYPE_CHECKING:
    from desk.ui.views.termine.view import TermineView


class AgendaTab(TermineTab):
    topics = frozenset({Topic.APPOINTMENTS, Topic.CLIENTS})

    def __init__(self, view: TermineView) -> None:
        super().__init__(view)
        self.setObjectName("agendaTab")
        role = self.ctx.actor.role
        self.may_manage = allowed(role, Permission.APPOINTMENT_MANAGE)
        self.may_book = allowed(role, Permission.APPOINTMENT_BOOK)
        self._load_seq = 0
        self.model = AgendaModel(self)
        self.model.language_name = language_name
        self.table = table("agenda")
        self.table.setModel(self.model)
        set_up_columns(self.table)
        self.table.doubleClicked.connect(lambda _i: self.change_selected())
        self.table.activated.connect(lambda _i: self.change_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        # the shortcuts work anywhere in Termine (the actions sit on the view too)
        self.act_book = self.add_action("Ctrl+N", self.book)
        self.act_change = self.add_action("Ctrl+E", self.change_selected)
        self.act_cancel = self.add_action("Delete", self.cancel_selected)
        self.act_no_show = self.add_action("Ctrl+Shift+N", self.no_show_selected)
        self.act_undo_no_show = self.add_action("Ctrl+Shift+U", self.undo_no_show_selected)
        self.act_slip = self.add_action("Ctrl+P", self.print_slip)
        self.act_slip_pdf = self.add_action("Ctrl+Shift+P", self.save_slip_pdf)
        self.act_ics = self.add_action("Ctrl+Shift+E", self.export_ics)
        self.actions_in_order = (self.act_book, self.act_change, self.act_cancel, self.act_no_show,
                                 self.act_undo_no_show, self.act_slip, self.act_slip_pdf, self.act_ics)
        view.addActions(list(self.actions_in_order))
        self.buttons: list[QPushButton] = []
        buttons = FlowLayout()  # wraps at large font sizes instead of widening the window
        for action in self.actions_in_order:
            button = QPushButton()
            button.clicked.connect(action.trigger)
            self.buttons.append(button)
            buttons.addWidget(button)
        self.absence_warning = QLabel()
        self.absence_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.absence_warning.setWordWrap(True)
        self.absence_warning.setObjectName("absence_warning")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.absence_warning)
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._update_actions()

    def title(self) -> str:
        return self.tr("Appointments")

    def retranslate(self) -> None:
        texts = (self.tr("&Book…"), self.tr("&Change / move…"), self.tr("Cance&l…"), self.tr("&No-show"),
                 self.tr("Not a no-sho&w"), self.tr("&Print slip…"), self.tr("Slip as P&DF…"),
                 self.tr("E&xport ICS…"))
        for action, button, text in zip(self.actions_in_order, self.buttons, texts, strict=True):
            label_action(action, text, button)
        self.table.setAccessibleName(self.tr("Appointments"))
        self.model.retranslate()

    def apply_choices(self, choices: DialogChoices) -> None:
        language = current_language()
        self.model.services = {s.id: s.name(language) for s in choices.services}
        self.model.rooms = {r.id: r.name for r in choices.rooms}
        self.model.interpreters = {i.id: i.name for i in choices.interpreters}

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        staff_id = self.view.staff_id()
        if staff_id is None:
            self.model.set_rows([])
            return
        self._load_seq += 1
        seq = self._load_seq
        first, days = self.view.first_day(), self.view.span_days()
        services, actor = self.ctx.services, self.ctx.actor

        def work():
            rows = services.appointments.between(actor, first, days, staff_id=staff_id)
            during = services.appointments.appointments_during_absences(actor, staff_id)
            return rows, during

        def done(result) -> None:
            if seq != self._load_seq:
                return
            rows, during = result
            self.set_rows(rows)
            if during:
                listed = ", ".join(f"{fmt_date(r.starts_at.astimezone(BERLIN).date())} {fmt_time(r.starts_at)}"
                                   for r in during[:6])
                self.absence_warning.setText(
                    self.tr("{count} booked appointment(s) fall on an absence and should be moved: {list}")
                    .format(count=len(during), list=listed))
            else:
                self.absence_warning.setText("")
            self.absence_warning.setVisible(bool(during))

        self.run(work, done)

    def set_rows(self, rows: list[AppointmentRow]) -> None:
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            row = self.model.row_of(selected.id)
            if row is not None:
                self.table.selectRow(row)
        self._update_actions()

    # -- selection -----------------------------------------------------------------------------

    def selected(self) -> AppointmentRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_actions(self) -> None:
        row = self.selected()
        booked = row is not None and row.status is AppointmentStatus.BOOKED
        self.act_book.setEnabled(self.may_book)
        self.act_change.setEnabled(self.may_book and booked)
        self.act_cancel.setEnabled(self.may_book and booked)
        self.act_no_show.setEnabled(self.may_manage and booked)
        self.act_undo_no_show.setEnabled(self.may_manage and row is not None
                                         and row.status is AppointmentStatus.NO_SHOW)
        self.act_slip.setEnabled(row is not None and booked)
        self.act_slip_pdf.setEnabled(row is not None and booked)
        for button, action in zip(self.buttons, self.actions_in_order, strict=True):
            button.setEnabled(action.isEnabled())

    # -- actions --------------------------------------------------------------------------------

    def make_dialog(self, appointment: AppointmentRow | None = None) -> AppointmentDialog | None:
        choices = self.view.choices
        if choices is None:
            return None
        dialog = AppointmentDialog(self.ctx, choices, appointment=appointment, staff_id=self.view.staff_id(),
                                   day=pydate(self.view.date.date()), parent=self)
        dialog.sig_saved.connect(self._on_saved)
        return dialog

    def _on_saved(self, result) -> None:
        rows = result if isinstance(result, list) else [result]
        if rows:
            first = rows[0]
            when = f"{fmt_date(first.starts_at.astimezone(BERLIN).date())} {fmt_time(first.starts_at)}"
            if len(rows) > 1:  # a series: how many were booked (public holidays may have been left out)
                last = rows[-1]
                self.ctx.events.sig_status_message.emit(
                    self.tr("{count} appointments saved: {first} to {last}").format(
                        count=len(rows), first=when,
                        last=f"{fmt_date(last.starts_at.astimezone(BERLIN).date())} {fmt_time(last.starts_at)}"))
            else:
                self.ctx.events.sig_status_message.emit(self.tr("Appointment saved: {when}").format(when=when))
            if first.staff_id is not None and first.staff_id != self.view.staff_id():
                self.view.counsellor.setCurrentIndex(max(0, self.view.counsellor.findData(first.staff_id)))
            self.view.date.setDate(qdate(first.starts_at.astimezone(BERLIN).date()))
        # the agenda reloads through the window's announcement of the commit (or the date change)

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
        self.write(lambda: services.appointments.cancel(actor, row.id, row.version, reason))

    def no_show_selected(self) -> None:
        row = self.selected()
        if row is None or row.status is not AppointmentStatus.BOOKED:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.mark_no_show(actor, row.id, row.version))

    def undo_no_show_selected(self) -> None:
        """Take back a no-show marked by mistake: booked again (reception can then check in)."""
        row = self.selected()
        if row is None or row.status is not AppointmentStatus.NO_SHOW:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.appointments.undo_no_show(actor, row.id, row.version))

    # -- slip and export -------------------------------------------------------------------------

    def _slip(self, then) -> None:
        row = self.selected()
        if row is None:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.appointments.slip(actor, row.id), then)

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

    def export_ics(self) -> None:
        staff_id = self.view.staff_id()
        if staff_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export appointments as ICS"),
                                              str(Path.home() / "termine.ics"), "iCalendar (*.ics)")
        if path:
            self.write_ics(path)

    def write_ics(self, path: str) -> None:
        staff_id, first = self.view.staff_id(), self.view.first_day()
        services, actor = self.ctx.services, self.ctx.actor

        def work() -> str:
            Path(path).write_bytes(services.appointments.export_ics(actor, staff_id=staff_id, first_day=first))
            return path

        self.run(work, lambda p: self.ctx.events.sig_status_message.emit(self.tr("Saved: {path}").format(path=p)))


def label_action(action: QAction, text: str, button: QPushButton | None = None) -> None:
    """An action's text, its tooltip with the shortcut, and the button showing it."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setText(text)
    action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
    if button is not None:
        button.setText(text)
        button.setToolTip(action.toolTip())
        button.setAccessibleName(text.replace("&", ""))
