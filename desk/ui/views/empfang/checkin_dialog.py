"""The check-in dialog: service, interpreter language, urgent with a reason, party size, and the
estimated wait from today's real service times. Enter checks in, Escape cancels.

The dialog checks in itself (LockAwareDialog.run_busy, off the GUI thread) and closes only when the
check-in is saved or refused for good: while another program holds the database (a locked SQLite
file, a server away) it stays open with everything chosen and says so; Enter tries again."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import DatabaseError, DatabaseLockedError, DeskError
from desk.domain.hours import format_hours, open_at
from desk.domain.model import AppointmentRow, ClientSearchHit, Priority, ServiceRow
from desk.domain.waits import WaitEstimate
from desk.services.checkin import MAX_PARTY_SIZE, CheckInRequest
from desk.services.once import new_request_key
from desk.ui import clock
from desk.ui.colours import message_style
from desk.ui.context import UiContext, error_text
from desk.ui.i18n import current_language, fmt_time
from desk.ui.widgets.dialog import LockAwareDialog
from desk.ui.widgets.languages import fill_language_combo


class CheckInDialog(LockAwareDialog):
    """Collects a CheckInRequest; the view performs it (off the GUI thread) when accepted."""

    sig_checked_in = Signal(object, object)
    """The VisitRow of the check-in and the CheckInRequest it came from (the dialog has closed)."""

    sig_refused = Signal(object)
    """The check-in was refused for good (already checked in, appointment cancelled, ...): the
    error; the dialog has closed."""

    def __init__(self, ctx: UiContext, services: list[ServiceRow], *, client: ClientSearchHit | None,
                 appointment: AppointmentRow | None, default_service_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheckInDialog")
        self.ctx = ctx
        self.client = client
        self.appointment = appointment
        self._services = [s for s in services if s.active]
        self._wait_seq = 0
        self._alive = True
        # one check-in per dialog: Enter after "the server is away" sends the same key, so a first
        # attempt that was saved after all gives its ticket back, not a second one
        self.request_key = new_request_key()

        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.PlainText)  # a client's name is never rich text
        self.who.setWordWrap(True)
        self.who.setObjectName("who")
        font = self.who.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.who.setFont(font)
        self.what = QLabel()
        self.what.setTextFormat(Qt.TextFormat.PlainText)
        self.what.setWordWrap(True)

        self.service = QComboBox()
        self.service.setObjectName("service")
        for service in self._services:
            self.service.addItem(f"{service.ticket_prefix} – {service.name(current_language())}", service.id)
        # no silent default: the appointment's service, the one the person named (the caller
        # passes it), or none - Enter-Enter must not queue someone in the wrong service
        wanted = appointment.service_id if appointment else default_service_id
        self.service.setCurrentIndex(self.service.findData(wanted) if wanted is not None else -1)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosen_service")
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.chosen.setWordWrap(True)

        self.language = QComboBox()
        self.language.setObjectName("interpreter_language")
        default_language = ""
        if appointment and appointment.interpreter_language:
            default_language = appointment.interpreter_language
        elif client and client.interpreter_needed:
            default_language = client.language
        fill_language_combo(self.language, none_label=self.tr("no interpreter"), current=default_language)

        self.urgent = QCheckBox()
        self.urgent.setObjectName("urgent")
        self.reason = QLineEdit()
        self.reason.setObjectName("priority_reason")
        self.reason.setMaxLength(500)
        self.reason.setEnabled(False)
        self.urgent.toggled.connect(self.reason.setEnabled)
        self.urgent.toggled.connect(lambda on: self.reason.setFocus() if on else None)

        self.party = QSpinBox()
        self.party.setObjectName("party_size")
        self.party.setRange(1, MAX_PARTY_SIZE)

        self.wait = QLabel()
        self.wait.setObjectName("estimated_wait")
        self.wait.setTextFormat(Qt.TextFormat.PlainText)
        self.wait.setWordWrap(True)
        self.estimate_shown = False
        """The estimated wait has arrived (the text is more than the 'being fetched' mark)."""

        self.problem = QLabel()
        self.problem.setObjectName("checkin_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(message_style("error"))
        self.problem.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.ok_button.setAutoDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.form_labels: list[QLabel] = []
        for widget in (self.service, self.language, self.urgent, self.reason, self.party):
            label = QLabel()  # text set in retranslate
            label.setBuddy(widget)
            self.form_labels.append(label)
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.what)
        layout.addLayout(self.form)
        layout.addWidget(self.chosen)
        layout.addWidget(self.wait)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.service, self.language)
        self.setTabOrder(self.language, self.urgent)
        self.setTabOrder(self.urgent, self.reason)
        self.setTabOrder(self.reason, self.party)
        self.setTabOrder(self.party, self.ok_button)

        self.service.currentIndexChanged.connect(self._refresh_wait)
        self.service.currentIndexChanged.connect(lambda _i: self._say_service())
        self.retranslate()
        self._refresh_wait()
        self.service.setFocus()

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check in"))
        if self.client is not None:
            self.who.setText(f"{self.client.display_name}  ·  {self.client.client_number}")
        else:
            self.who.setText(self.tr("Anonymous ticket (no name)"))
        if self.appointment is not None:
            self.what.setText(self.tr("Appointment today at {time}").format(time=fmt_time(self.appointment.starts_at)))
        elif self.client is not None:
            self.what.setText(self.tr("Walk-in: no appointment today"))
        else:
            self.what.setText(self.tr("The ticket only records the service."))
        labels = [self.tr("&Service:"), self.tr("&Interpreter:"), self.tr("&Urgent:"), self.tr("&Reason:"),
                  self.tr("&People (family):")]
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.urgent.setText(self.tr("urgent, call first"))
        self.reason.setPlaceholderText(self.tr("why it is urgent (required)"))
        self.ok_button.setText(self.tr("Check &in"))
        self.ok_button.setToolTip(self.tr("Check in and give the ticket number (Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Close without checking in (Esc)"))
        for widget, name in ((self.service, self.tr("Service")), (self.language, self.tr("Interpreter language")),
                             (self.urgent, self.tr("Urgent")), (self.reason, self.tr("Reason for urgency")),
                             (self.party, self.tr("Number of people")), (self.ok_button, self.tr("Check in"))):
            widget.setAccessibleName(name)
        self.party.setToolTip(self.tr("How many people come together on this ticket (a family)"))
        self.service.setPlaceholderText(self.tr("– choose the service –"))
        self._say_service()

    def _say_service(self) -> None:
        """Which service the ticket is for, in words - or that none is chosen yet."""
        service = next((s for s in self._services if s.id == self.service.currentData()), None)
        if service is None:
            self.chosen.setText(self.tr("No service chosen yet: which service did the person ask for?"))
        elif self.appointment is not None and service.id == self.appointment.service_id:
            self.chosen.setText(self.tr("Ticket for {service} (the service of the appointment).").format(
                service=service.name(current_language())))
        else:
            text = self.tr("Ticket for {service}.").format(service=service.name(current_language()))
            if service.hours and not open_at(service.hours, clock.now()):
                # a walk-in outside the service's open consultation hours: the volunteer can say
                # when to come back (the ticket is still possible: someone may see them anyway)
                text += " " + self.tr("No open consultation hours now ({hours}).").format(
                    hours=format_hours(service.hours, current_language()))
            self.chosen.setText(text)

    # -- the estimated wait (off the GUI thread) ------------------------------------------------

    def _refresh_wait(self) -> None:
        service_id = self.service.currentData()
        self.estimate_shown = False
        if service_id is None:
            self.wait.setText("")
            return
        self._wait_seq += 1
        seq = self._wait_seq
        self.wait.setText(self.tr("Estimated wait: …"))
        services, actor = self.ctx.services, self.ctx.actor
        self.ctx.run_in_worker(lambda: services.checkin.estimated_wait(actor, service_id),
                               lambda estimate: self._show_wait(seq, estimate),
                               lambda _error: self._show_wait(seq, None), receiver=self)

    def _show_wait(self, seq: int, estimate: WaitEstimate | None) -> None:
        if not self._alive or seq != self._wait_seq:
            return  # a stale answer, or the dialog is gone
        self.wait.setText(self.wait_text(estimate))
        self.estimate_shown = True

    def wait_text(self, estimate: WaitEstimate | None) -> str:
        if estimate is None:
            return self.tr("Estimated wait: not available")
        ahead = (self.tr("nobody waiting ahead") if estimate.ahead == 0 else self.tr("1 ticket waiting ahead")
                 if estimate.ahead == 1 else self.tr("{count} tickets waiting ahead").format(count=estimate.ahead))
        if estimate.minutes is None:
            return self.tr("Estimated wait: no one called yet today ({ahead})").format(ahead=ahead)
        if estimate.minutes == 0:
            return self.tr("Estimated wait: none ({ahead})").format(ahead=ahead)
        return self.tr("Estimated wait: about {minutes} min ({ahead})").format(minutes=estimate.minutes, ahead=ahead)

    # -- result ------------------------------------------------------------------------------

    def request(self) -> CheckInRequest:
        urgent = self.urgent.isChecked()
        return CheckInRequest(
            service_id=self.service.currentData(),
            client_id=self.client.id if self.client else None,
            appointment_id=self.appointment.id if self.appointment else None,
            interpreter_language=self.language.currentData() or "",
            priority=Priority.URGENT if urgent else Priority.NORMAL,
            priority_reason=self.reason.text() if urgent else "",
            party_size=self.party.value(),
            request_key=self.request_key,
        )

    def accept(self) -> None:
        if self.busy:
            return  # the check-in is being saved: Enter again is no second check-in
        if self.service.currentData() is None:
            self.service.setFocus()
            self.chosen.setText(self.tr("Please choose the service first: which service did the person ask for?"))
            return
        if self.urgent.isChecked() and not self.reason.text().strip():
            self.reason.setFocus()
            self.reason.setPlaceholderText(self.tr("Please give a reason for the urgent priority."))
            return
        request = self.request()
        self.problem.setText(self.tr("Checking in…"))
        self.problem.setStyleSheet("")
        self.problem.show()
        checkin, actor = self.ctx.services.checkin, self.ctx.actor
        self.run_busy(self.ctx, lambda: checkin.check_in(actor, request),
                      lambda visit: self._checked_in(visit, request), self._failed,
                      self.buttons, self.service, self.language, self.urgent, self.reason, self.party)

    def _checked_in(self, visit, request: CheckInRequest) -> None:
        self._alive = False
        super().accept()
        self.sig_checked_in.emit(visit, request)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DatabaseError) or not isinstance(error, DeskError):
            # it may work in a moment: everything chosen stays, Enter tries again with the same
            # request key (a lost connection may have come after the commit: the retry then shows
            # the ticket that was saved, never a second one)
            self.problem.setStyleSheet(message_style("error"))
            if isinstance(error, DatabaseLockedError) or type(error) is DatabaseError:
                # refused before anything was written: locked, or a fault of the database file itself
                # (read-only, full, damaged, gone), whose message says "Nothing was saved"; only a
                # connection lost at the commit may have come after it
                advice = self.tr("Not checked in yet. Enter tries again; Esc closes without checking in.")
            else:
                advice = self.tr("Perhaps the ticket was saved before the connection was lost. Enter tries "
                                 "again and shows the ticket - never a second one.")
            self.problem.setText(error_text(error) + "\n" + advice)
            self.problem.show()
            self.ok_button.setFocus()
            self.adjustSize()
            return
        self._alive = False
        super().reject()
        self.sig_refused.emit(error)

    def reject(self) -> None:
        if self.busy:
            return  # Esc while the check-in is saved: its outcome decides
        self._alive = False
        super().reject()
