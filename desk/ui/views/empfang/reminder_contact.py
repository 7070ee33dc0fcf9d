"""Consent to appointment reminders, per channel, with the mobile number and e-mail address
(docs/REMINDERS.md). Counsellors and the head only, like the rest of the full card."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain.model import ClientRow
from desk.domain.reminders import FALLBACK_LANGUAGE, LANGUAGES, Channel, ReminderContact
from desk.ui.colours import message_style
from desk.ui.context import UiContext, error_text
from desk.ui.i18n import fmt_date, translate
from desk.ui.widgets.dialog import LockAwareDialog
from desk.ui.widgets.languages import language_name


def channels_text(contact: ReminderContact | None) -> str:
    """The channels the client consented to ("SMS, E-Mail"), or "none": a channel without
    consent is not shown."""
    names = []
    if contact is not None and contact.consents(Channel.SMS):
        names.append(translate("ReminderContactDialog", "SMS"))
    if contact is not None and contact.consents(Channel.EMAIL):
        names.append(translate("ReminderContactDialog", "e-mail"))
    return ", ".join(names) or translate("ReminderContactDialog", "none")


class ReminderContactDialog(LockAwareDialog):
    def __init__(self, ctx: UiContext, client: ClientRow, contact: ReminderContact | None,
                 parent: QWidget | None = None) -> None:
        """`contact`: the client's reminder contact as the card loaded it (None: none yet)."""
        super().__init__(parent)
        self.setObjectName("ReminderContactDialog")
        self.ctx = ctx
        self.client = client
        self.contact = contact
        self.saved: ReminderContact | None = None

        self.intro = QLabel()
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.language_note = QLabel()  # which language the texts go out in: ask whether the client reads it
        self.language_note.setObjectName("language_note")
        self.language_note.setTextFormat(Qt.TextFormat.PlainText)
        self.language_note.setWordWrap(True)
        self.mobile = QLineEdit()
        self.mobile.setObjectName("mobile")
        self.mobile.setMaxLength(40)
        self.sms_consent = QCheckBox()
        self.sms_consent.setObjectName("sms_consent")
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.email.setMaxLength(254)
        self.email_consent = QCheckBox()
        self.email_consent.setObjectName("email_consent")
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        for label, widget in zip(self.labels, (self.mobile, self.sms_consent, self.email, self.email_consent),
                                 strict=True):
            self.form.addRow(label, widget)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(message_style("error"))
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.language_note)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self._fill()
        self.mobile.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Appointment reminders: {name}").format(name=self.client.display_name))
        self.intro.setText(self.tr(
            "Reminders go out only through a channel the client has agreed to, in the client's language. "
            "They name date, time, address, the centre's telephone and a short code, not the topic. Unticking "
            "withdraws the consent at once."))
        code = (self.client.language or "").lower()
        if code in LANGUAGES:
            note = self.tr("Reminders for this client go out in {language}.").format(language=language_name(code))
        elif code:
            note = self.tr("There are no reminder texts in {language}: reminders for this client go out in "
                           "{fallback}. Ask whether the client reads it.").format(
                language=language_name(code), fallback=language_name(FALLBACK_LANGUAGE))
        else:
            note = self.tr("No language on the card: reminders go out in {fallback}.").format(
                fallback=language_name(FALLBACK_LANGUAGE))
        self.language_note.setText(note)
        texts = [self.tr("&Mobile number:"), self.tr("&SMS:"), self.tr("&E-mail address:"), self.tr("E-&mail:")]
        for label, text, widget in zip(self.labels, texts, (self.mobile, self.sms_consent, self.email,
                                                             self.email_consent), strict=True):
            label.setText(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.mobile.setPlaceholderText(self.tr("e.g. 0171 1234567"))
        self.email.setPlaceholderText(self.tr("e.g. name@example.org"))
        self._consent_texts()

    def _consent_texts(self) -> None:
        for box, since in ((self.sms_consent, self.contact.sms_consent_on if self.contact else None),
                           (self.email_consent, self.contact.email_consent_on if self.contact else None)):
            if since is not None and box.isChecked():
                box.setText(self.tr("agreed to reminders (since {date})").format(date=fmt_date(since)))
            else:
                box.setText(self.tr("agreed to reminders"))

    def _fill(self) -> None:
        contact = self.contact
        if contact is None:
            return
        self.mobile.setText(contact.sms_number)
        self.email.setText(contact.email)
        self.sms_consent.setChecked(contact.sms_consent_on is not None)
        self.email_consent.setChecked(contact.email_consent_on is not None)
        self._consent_texts()

    def _save(self) -> None:
        """Saves in a worker (busy meanwhile); closes when saved, shows the error otherwise."""
        self.error.hide()
        reminders, actor, client_id = self.ctx.services.reminders, self.ctx.actor, self.client.id
        version = self.contact.version if self.contact else None
        values = {"sms_number": self.mobile.text(), "email": self.email.text(),
                  "sms_consent": self.sms_consent.isChecked(), "email_consent": self.email_consent.isChecked()}

        def done(saved: ReminderContact) -> None:
            self.saved = saved
            self.accept()

        def failed(error: Exception) -> None:
            self.error.setText(error_text(error))
            self.error.show()

        self.run_busy(self.ctx, lambda: reminders.save_contact(actor, client_id, version, **values), done, failed,
                      self.buttons)
