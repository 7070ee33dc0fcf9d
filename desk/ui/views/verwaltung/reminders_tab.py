"""Verwaltung → Erinnerungen: when reminders go out, through which channels, and the texts per
language with an honest SMS length while typing (docs/REMINDERS.md)."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.reminders import (
    LANGUAGES,
    PROBLEM_STATUSES,
    RTL_LANGUAGES,
    SAMPLE_START,
    Channel,
    ReminderSchedule,
    SendingRow,
    SendStatus,
    Template,
    budget_phone,
    render,
    sms_length,
)
from desk.ui import clock
from desk.ui.context import UiContext, error_text
from desk.ui.i18n import fmt_datetime
from desk.ui.views.base import DeskView
from desk.ui.widgets.languages import language_name

# The stretch of the sending log the tab sums up (at most RECENT_LIMIT reminders).
RECENT_DAYS = timedelta(days=7)
RECENT_LIMIT = 500


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class RemindersTab(DeskView):
    rebuild_on_language_change = True  # texts are set once; VerwaltungView is built anew

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("RemindersTab")
        self.templates: dict[str, Template] = {}
        self.address = ""
        self.phone = ""
        self.schedule = ReminderSchedule()

        # -- when --------------------------------------------------------------------------
        self.enabled = QCheckBox(self.tr("Send appointment reminders"))
        self.enabled.setObjectName("remindersEnabled")
        self.day_before = QCheckBox(self.tr("the working day before, at"))
        self.day_before.setToolTip(self.tr("Monday to Friday, not on a public holiday: a Monday appointment is "
                                           "reminded on Friday."))
        self.day_before_time = QTimeEdit()
        self.day_before_time.setDisplayFormat("HH:mm")
        self.hours_before = QSpinBox()
        self.hours_before.setRange(0, 48)
        self.hours_before.setSuffix(self.tr(" h before (0: no)"))
        self.budget = QSpinBox()
        self.budget.setRange(1, 6)
        self.budget.setSuffix(self.tr(" SMS parts at most"))
        self.channel_sms = QCheckBox(self.tr("SMS"))
        self.channel_email = QCheckBox(self.tr("e-mail"))
        self.machine = _plain()
        self.machine.setObjectName("machineChannels")
        self.recent = _plain()  # what went out lately and why not: a refused login shows here first
        self.recent.setObjectName("recentSendings")
        self.save_schedule_button = QPushButton(self.tr("Save sche&dule"))
        self.save_schedule_button.setObjectName("saveSchedule")
        self.save_schedule_button.clicked.connect(self.save_schedule)
        when = QGroupBox(self.tr("When and how"))
        form = QFormLayout(when)
        form.addRow(self.enabled)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_before)
        day_row.addWidget(self.day_before_time)
        day_row.addStretch(1)
        form.addRow(self.tr("Reminder:"), day_row)
        form.addRow(self.tr("and &also:"), self.hours_before)
        channels = QHBoxLayout()
        channels.addWidget(self.channel_sms)
        channels.addWidget(self.channel_email)
        channels.addStretch(1)
        form.addRow(self.tr("Channels:"), channels)
        form.addRow(self.tr("SMS &budget:"), self.budget)
        form.addRow(self.machine)
        form.addRow(self.recent)
        form.addRow(self.save_schedule_button)

        # -- texts -------------------------------------------------------------------------
        self.language = QComboBox()
        self.language.setObjectName("templateLanguage")
        self.language.currentIndexChanged.connect(self._show_language)
        self.sms = QPlainTextEdit()
        self.sms.setObjectName("smsText")
        self.sms.setTabChangesFocus(True)
        self.sms.setMaximumHeight(90)
        self.sms.textChanged.connect(self._count)
        self.count = _plain()
        self.count.setObjectName("smsCount")
        self.subject = QLineEdit()
        self.subject.setObjectName("emailSubject")
        self.body = QPlainTextEdit()
        self.body.setObjectName("emailBody")
        self.body.setTabChangesFocus(True)
        self.reviewed = QCheckBox(self.tr("reviewed by a native speaker"))
        self.reviewed.setObjectName("reviewed")
        self.preview = _plain()
        self.preview.setObjectName("smsPreview")
        self.save_text_button = QPushButton(self.tr("Save &text"))
        self.save_text_button.setObjectName("saveTemplate")
        self.save_text_button.clicked.connect(self.save_template)
        texts = QGroupBox(self.tr("Texts per language"))
        tform = QFormLayout(texts)
        tform.addRow(self.tr("&Language:"), self.language)
        tform.addRow(_plain(self.tr("Placeholders: {date} {time} {address} {phone} {code} (date, time and code "
                                    "are needed); {service} names the service - only if you want that. The "
                                    "address and the telephone number are set under Settings; a line whose "
                                    "placeholders are all empty is left out.")))
        tform.addRow(self.tr("&SMS:"), self.sms)
        tform.addRow("", self.count)
        tform.addRow(self.tr("E-mail s&ubject:"), self.subject)
        tform.addRow(self.tr("E-mail te&xt:"), self.body)
        tform.addRow("", self.reviewed)
        tform.addRow(self.tr("Example:"), self.preview)
        tform.addRow(self.save_text_button)
        for f in (form, tform):
            for row in range(f.rowCount()):
                label_item = f.itemAt(row, QFormLayout.ItemRole.LabelRole)
                field_item = f.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if label_item and field_item and label_item.widget() and field_item.widget():
                    label_item.widget().setBuddy(field_item.widget())
                    field_item.widget().setAccessibleName(label_item.widget().text().replace("&", "").rstrip(":"))

        self.status = _plain()
        self.status.setObjectName("tabStatus")
        columns = QHBoxLayout()
        columns.addWidget(when, 2)
        columns.addWidget(texts, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor

        since = clock.now() - RECENT_DAYS

        def work():
            return (services.reminders.schedule(actor), services.reminders.templates(actor),
                    services.reminders.centre_address(actor), services.reminders.centre_phone(actor),
                    services.reminders.channel_status(actor),
                    services.reminders.recent_log(actor, since=since, limit=RECENT_LIMIT))

        self.run(work, self._loaded, self._failed)

    def _failed(self, error: Exception) -> None:
        self.status.setText(error_text(error))

    def _loaded(self, values) -> None:
        schedule, templates, address, phone, machine, recent = values
        self.recent.setText(self.recent_text(recent))
        self.schedule, self.templates, self.address, self.phone = schedule, templates, address, phone
        self.enabled.setChecked(schedule.enabled)
        self.day_before.setChecked(schedule.day_before)
        self.day_before_time.setTime(QTime(schedule.day_before_time.hour, schedule.day_before_time.minute))
        self.hours_before.setValue(schedule.hours_before)
        self.budget.setValue(schedule.sms_max_segments)
        self.channel_sms.setChecked(Channel.SMS in schedule.channels)
        self.channel_email.setChecked(Channel.EMAIL in schedule.channels)
        none = self.tr("not set up")
        text = self.tr("This computer sends SMS: {sms}; e-mail: {email} (machine configuration {file}).").format(
            sms=machine.sms or none, email=machine.email or none, file=machine.source or "-")
        if machine.error:
            text = machine.error
        self.machine.setText(text)
        current = self.language.currentData() or "de"
        self.language.blockSignals(True)
        self.language.clear()
        for code in LANGUAGES:
            name = language_name(code)
            marker = "" if templates[code].reviewed else self.tr(" - not reviewed")
            self.language.addItem(f"{name} ({code}){marker}", code)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.blockSignals(False)
        self._show_language()

    def recent_text(self, rows: list[SendingRow]) -> str:
        """Per channel: what the last days' reminders came to, and the latest error (the head
        sees a refused login or an empty SMS credit here, not only reception's list to phone)."""
        if not rows:
            return self.tr("No reminders in the last {days} days.").format(days=RECENT_DAYS.days)
        lines = []
        for channel, name in ((Channel.SMS, self.tr("SMS")), (Channel.EMAIL, self.tr("e-mail"))):
            mine = [r for r in rows if r.channel is channel]
            if not mine:
                continue
            count = {status: sum(1 for r in mine if r.status is status) for status in SendStatus}
            line = self.tr("{channel}, last {days} days: {sent} sent, {failed} failed, {unknown} unclear, "
                           "{retry} to be tried again.").format(
                channel=name, days=RECENT_DAYS.days, sent=count[SendStatus.SENT], failed=count[SendStatus.FAILED],
                unknown=count[SendStatus.UNKNOWN], retry=count[SendStatus.RETRY])
            errors = [r for r in mine if r.error and r.status in PROBLEM_STATUSES | {SendStatus.RETRY}]
            if errors:
                last = max(errors, key=lambda r: r.updated_at)  # the provider's words (English)
                line += " " + self.tr("Last error ({when}): {error}").format(when=fmt_datetime(last.updated_at),
                                                                            error=last.error)
            lines.append(line)
        return "\n".join(lines)

    def _show_language(self) -> None:
        code = self.language.currentData()
        if not code or code not in self.templates:
            return
        template = self.templates[code]
        direction = Qt.LayoutDirection.RightToLeft if code in RTL_LANGUAGES else Qt.LayoutDirection.LeftToRight
        for widget in (self.sms, self.subject, self.body, self.preview):
            widget.setLayoutDirection(direction)
        for editor in (self.sms, self.body):  # a text editor follows its document, not its layout
            option = QTextOption(editor.document().defaultTextOption())
            option.setTextDirection(direction)
            option.setAlignment(Qt.AlignmentFlag.AlignRight if code in RTL_LANGUAGES else Qt.AlignmentFlag.AlignLeft)
            editor.document().setDefaultTextOption(option)
        self.sms.setPlainText(template.sms)
        self.subject.setText(template.email_subject)
        self.body.setPlainText(template.email_body)
        self.reviewed.setChecked(template.reviewed)
        self._count()

    def _count(self) -> None:
        """The SMS as it would go out (the longest date, the address), its encoding and parts."""
        code = self.language.currentData() or "de"
        try:
            # counted as the service checks it on saving (a sample number while none is set)
            text = render(self.sms.toPlainText(), code, SAMPLE_START, address=self.address, code="T-ZZZZZ",
                          service="", phone=budget_phone(self.phone))
        except (KeyError, IndexError, ValueError):
            self.count.setText(self.tr("Unknown or broken placeholder."))
            self.preview.setText("")
            return
        length = sms_length(text)
        budget = self.budget.value()
        self.count.setText(self.tr("{encoding}: {units} characters, {parts} SMS part(s) of at most {budget}; "
                                   "{left} left in this part").format(
            encoding=length.encoding, units=length.units, parts=length.segments, budget=budget,
            left=length.remaining))
        self.count.setProperty("over", length.segments > budget)
        self.preview.setText(text)

    # -- saving -----------------------------------------------------------------------------

    def current_schedule(self) -> ReminderSchedule:
        t = self.day_before_time.time()
        channels = tuple(c for c, box in ((Channel.SMS, self.channel_sms), (Channel.EMAIL, self.channel_email))
                         if box.isChecked())
        return ReminderSchedule(enabled=self.enabled.isChecked(), day_before=self.day_before.isChecked(),
                                day_before_time=time(t.hour(), t.minute()), hours_before=self.hours_before.value(),
                                sms_max_segments=self.budget.value(), channels=channels)

    def _save(self, button: QPushButton, work, done) -> None:
        """A save in a worker; its button is disabled until the outcome is back (no double save)."""
        if not button.isEnabled():
            return
        button.setEnabled(False)

        def finish(callback, value) -> None:
            button.setEnabled(True)
            callback(value)

        self.run(work, lambda value: finish(done, value),
                 lambda error: finish(lambda e: self.status.setText(error_text(e)), error))

    def save_schedule(self) -> None:
        reminders, actor, schedule = self.ctx.services.reminders, self.ctx.actor, self.current_schedule()
        self._save(self.save_schedule_button, lambda: reminders.save_schedule(actor, schedule), self._schedule_saved)

    def _schedule_saved(self, schedule: ReminderSchedule) -> None:
        self.schedule = schedule
        self.status.setText(self.tr("Schedule saved."))
        self._count()

    def save_template(self) -> None:
        code = self.language.currentData()
        template = Template(language=code, sms=self.sms.toPlainText(), email_subject=self.subject.text(),
                            email_body=self.body.toPlainText(), reviewed=self.reviewed.isChecked())
        reminders, actor = self.ctx.services.reminders, self.ctx.actor
        self._save(self.save_text_button, lambda: reminders.save_template(actor, template),
                   lambda saved: self._template_saved(code, saved))

    def _template_saved(self, code: str, saved: Template) -> None:
        self.templates[code] = saved
        self.status.setText(self.tr("Text saved ({language}).").format(language=code))
        marker = "" if saved.reviewed else self.tr(" - not reviewed")
        name = language_name(code)
        self.language.setItemText(self.language.currentIndex(), f"{name} ({code}){marker}")
