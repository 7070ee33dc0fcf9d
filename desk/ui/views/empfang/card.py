"""The client's reception card: only what reception needs, a duplicate warning for new clients,
merging a duplicate record (keeps every visit and appointment), and lost-update protection
(the card is saved only if nobody else saved it since it was opened)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import DeskError, StaleError, ValidationError
from desk.domain.model import ClientRow, ClientSearchHit, Residence, StatusGroup
from desk.domain.permissions import Permission, allowed
from desk.domain.text import digits_of
from desk.domain.tickets import parse_client_number
from desk.domain.topics import Topic
from desk.services.clients import (
    NAME_MAX,
    NOTE_MAX,
    PHONE_QUERY,
    ClientInput,
    parse_birth_date,
    parse_consent_date,
    parse_date,
)
from desk.services.once import new_request_key
from desk.ui.colours import message_style
from desk.ui.context import UiContext, error_text
from desk.ui.i18n import fmt_date
from desk.ui.widgets.dialog import LockAwareDialog
from desk.ui.widgets.languages import fill_language_combo, language_name
from desk.ui.widgets.text import refuse_overlong

RESIDENCE_LABELS = {
    Residence.UNKNOWN: QT_TRANSLATE_NOOP("ClientCardDialog", "not known"),
    Residence.BALINGEN: QT_TRANSLATE_NOOP("ClientCardDialog", "Balingen"),
    Residence.KLEINER_HEUBERG: QT_TRANSLATE_NOOP("ClientCardDialog", "Kleiner Heuberg"),
    Residence.OTHER: QT_TRANSLATE_NOOP("ClientCardDialog", "other place"),
}
STATUS_LABELS = {
    StatusGroup.UNKNOWN: QT_TRANSLATE_NOOP("ClientCardDialog", "not known"),
    StatusGroup.ASYLUM_SEEKER: QT_TRANSLATE_NOOP("ClientCardDialog", "asylum seeker"),
    StatusGroup.RECOGNISED: QT_TRANSLATE_NOOP("ClientCardDialog", "recognised refugee"),
    StatusGroup.TOLERATED: QT_TRANSLATE_NOOP("ClientCardDialog", "tolerated (Duldung)"),
    StatusGroup.EU_CITIZEN: QT_TRANSLATE_NOOP("ClientCardDialog", "EU citizen"),
    StatusGroup.LATE_RESETTLER: QT_TRANSLATE_NOOP("ClientCardDialog", "late resettler"),
    StatusGroup.OTHER: QT_TRANSLATE_NOOP("ClientCardDialog", "other immigrant"),
}


def hit_text(hit: ClientSearchHit) -> str:
    parts = [hit.display_name, hit.client_number]
    if hit.date_of_birth:
        parts.append(fmt_date(hit.date_of_birth))
    if hit.language:
        parts.append(language_name(hit.language))
    return "  ·  ".join(parts)


def split_typed_name(text: str) -> tuple[str, str]:
    """(given, family) from the name typed into the search: "Family, Given" (the lists' own form)
    when there is a comma, else the last word is the family name ("Mohammed Al-Hassan")."""
    if "," in text:
        family, _comma, given = text.partition(",")
        given = " ".join(given.replace(",", " ").split())
        family = " ".join(family.split())
        if family and given:
            return given, family
        return "", family or given
    parts = text.split()
    if len(parts) >= 2:
        return " ".join(parts[:-1]), parts[-1]
    return "", parts[0] if parts else ""


def typed_date_or_phone(text: str) -> tuple[str, str]:
    """(date of birth, phone) as typed into the search, when it was one of them (a client number
    or anything else: neither)."""
    text = text.strip()
    if text[:1] in "kK" and parse_client_number(text) is not None:
        return "", ""  # a client number (bare digits may be a phone number too: the search takes both)
    try:
        if parse_date(text) is not None:
            return text, ""
    except DeskError:  # an impossible date: the card says so when it is saved
        return text, ""
    if PHONE_QUERY.match(text) and len(digits_of(text)) >= 4:
        return "", text
    return "", ""


class ClientCardDialog(LockAwareDialog):
    """New client (row None) or an existing client's card."""

    sig_saved = Signal(object)
    """The saved ClientRow."""

    sig_open_existing = Signal(int)
    """The user chose an existing client instead of creating a duplicate."""

    def __init__(self, ctx: UiContext, row: ClientRow | None = None, *, initial_name: str = "",
                 initial_birth: str = "", initial_phone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ClientCardDialog")
        self.ctx = ctx
        self.row = row
        self._duplicates_shown_for: ClientInput | None = None
        self.saved: ClientRow | None = None
        # one new client per card: Save again after "the server is away" sends the same key, so a
        # record saved after all is answered with itself, not a duplicate person (services/once.py)
        self.request_key = new_request_key() if row is None else None
        self.reminder_contact = None
        """The client's reminder contact (ReminderContact or None), loaded in a worker."""

        self.number = QLabel()
        self.number.setTextFormat(Qt.TextFormat.PlainText)
        self.given = QLineEdit()
        self.family = QLineEdit()
        self.birth = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.language = QComboBox()
        self.interpreter = QCheckBox()
        self.residence = QComboBox()
        self.place = QLineEdit()
        self.place.setMaxLength(200)
        self.status = QComboBox()
        self.consent = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(70)
        for name in ("given", "family", "birth", "phone", "language", "interpreter", "residence", "place",
                     "status", "consent", "note"):
            getattr(self, name).setObjectName(name)

        self.form = QFormLayout()
        self.form_labels: list[tuple[QLabel, QWidget]] = []
        for widget in (self.number, self.given, self.family, self.birth, self.phone, self.language, self.interpreter,
                       self.residence, self.place, self.status, self.consent, self.note):
            label = QLabel()  # text set in retranslate
            self.form_labels.append((label, widget))
            self.form.addRow(label, widget)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(message_style("error"))  # own background: readable in dark mode too
        self.error.hide()
        # a pasted 10,000-character name is not cut silently: it stays, the card says the limit
        for edit, field in ((self.given, self.tr("Given name(s)")), (self.family, self.tr("Family name"))):
            refuse_overlong(edit, NAME_MAX, field, self._show_length_problem)

        # duplicate warning (new client) / merge (existing client)
        self.duplicates_frame = QFrame()
        self.duplicates_frame.setObjectName("duplicates")
        self.duplicates_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicates_label = QLabel()
        self.duplicates_label.setTextFormat(Qt.TextFormat.PlainText)
        self.duplicates_label.setWordWrap(True)
        self.duplicates_list = QListWidget()
        self.duplicates_list.setObjectName("duplicates_list")
        self.duplicates_list.setMaximumHeight(110)
        # the warning puts the focus on the known record: Enter (or a double click) there takes it; it
        # must never fall through to the dialog's default button and save the duplicate
        self._duplicates_for_new = False
        self.duplicates_list.installEventFilter(self)
        self.duplicates_list.itemDoubleClicked.connect(lambda _item: self._use_existing_if_offered())
        self.open_existing_button = QPushButton()
        self.open_existing_button.setObjectName("open_existing")
        self.open_existing_button.clicked.connect(self._open_existing)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("merge")
        self.merge_button.clicked.connect(self._merge_selected)
        frame_layout = QVBoxLayout(self.duplicates_frame)
        frame_layout.addWidget(self.duplicates_label)
        frame_layout.addWidget(self.duplicates_list)
        frame_buttons = QHBoxLayout()
        frame_buttons.addWidget(self.open_existing_button)
        frame_buttons.addWidget(self.merge_button)
        frame_buttons.addStretch(1)
        frame_layout.addLayout(frame_buttons)
        self.duplicates_frame.hide()

        self.find_duplicates_button = QPushButton()
        self.find_duplicates_button.setObjectName("find_duplicates")
        self.find_duplicates_button.clicked.connect(self._look_for_duplicates)
        self.can_merge = allowed(ctx.actor.role, Permission.CLIENT_MERGE)

        # parented to the dialog before setDefault: only then is Save the dialog's default (Enter saves);
        # otherwise Qt picks the first auto-default button in the focus chain, a hidden one here
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        for button in (self.open_existing_button, self.merge_button):
            button.setAutoDefault(False)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.find_duplicates_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.find_duplicates_button.setVisible(row is not None and self.can_merge)
        # appointment reminders: consent and contact (counsellors and the head; docs/REMINDERS.md)
        self.reminders_button = QPushButton()
        self.reminders_button.setObjectName("reminders")
        self.reminders_button.setAutoDefault(False)
        self.reminders_button.clicked.connect(self._edit_reminders)
        self.buttons.addButton(self.reminders_button, QDialogButtonBox.ButtonRole.ActionRole)
        # the reminder contact (mobile number, e-mail) is full-card data: not on the reception card
        self.can_remind = row is not None and row.full and allowed(ctx.actor.role, Permission.CLIENT_CARD_FULL)
        self.reminders_button.setVisible(self.can_remind)
        self.reminders_button.setEnabled(False)  # until the contact is loaded

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # the warning never squeezes the form
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.duplicates_frame)
        layout.addWidget(self.buttons)

        self.erased = False
        """The client was erased while the card was open (here or at another workstation)."""
        self.retranslate()
        self._fill(row, initial_name)
        if row is None:
            self.birth.setText(initial_birth)
            self.phone.setText(initial_phone)
        self.given.setFocus()
        if self.can_remind:
            self.load_reminder_contact()
        ctx.events.sig_data_changed.connect(self._on_data_changed)

    # -- erased meanwhile -------------------------------------------------------------------------

    def _on_data_changed(self, topics) -> None:
        """Clients changed somewhere: an erasure must not leave the person on this screen."""
        if self.row is None or self.erased or not ({Topic.CLIENTS, Topic.ANY} & set(topics)):
            return
        clients, actor, client_id = self.ctx.services.clients, self.ctx.actor, self.row.id
        self.ctx.run_in_worker(lambda: clients.still_exists(actor, client_id),
                               lambda there: there or self._show_erased(), lambda _error: None, receiver=self)

    def _show_erased(self) -> None:
        """Empty every field, allow nothing but closing, and say why."""
        self.erased = True
        for edit in (self.given, self.family, self.birth, self.phone, self.place, self.consent):
            edit.clear()
        self.note.clear()
        self.number.clear()
        for combo in (self.language, self.residence, self.status):
            combo.setCurrentIndex(0)
        self.interpreter.setChecked(False)
        self.duplicates_list.clear()
        self.duplicates_frame.hide()
        for widget in (*(field for _label, field in self.form_labels), self.save_button,
                       self.find_duplicates_button, self.reminders_button):
            widget.setEnabled(False)
        self.error.setText(self.tr("This client was erased meanwhile (data protection): nothing of the card "
                                   "is kept. Close the card."))
        self.error.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setFocus()
        self._grow()

    # -- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reception card") if self.row else self.tr("New client"))
        labels = [self.tr("Client no.:"), self.tr("&Given name(s):"), self.tr("&Family name:"),
                  self.tr("Date of &birth:"), self.tr("&Phone:"), self.tr("&Language:"), self.tr("&Interpreter:"),
                  self.tr("&Residence:"), self.tr("Pla&ce:"), self.tr("S&tatus group:"), self.tr("C&onsent on:"),
                  self.tr("&Note for reception:")]
        for (label, field), text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
            if field is not self.number:
                label.setBuddy(field)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        date_hint = self.tr("DD/MM/YYYY (optional)")
        self.birth.setPlaceholderText(date_hint)
        self.consent.setPlaceholderText(date_hint)
        self.given.setPlaceholderText(self.tr("as given, any script"))
        self.family.setPlaceholderText(self.tr("as given, any script"))
        self.interpreter.setText(self.tr("needs an interpreter"))
        self.note.setPlaceholderText(self.tr("short, for reception only (no counselling content)"))
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the card (Ctrl+S)"))
        self.save_button.setShortcut("Ctrl+S")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(self.tr("Close without saving (Esc)"))
        self.find_duplicates_button.setText(self.tr("&Duplicates…"))
        self.find_duplicates_button.setToolTip(self.tr("Look for other records of this person (Alt+D)"))
        self.open_existing_button.setText(self.tr("&Use the existing record"))
        self.open_existing_button.setToolTip(self.tr("Do not create a new record; open the selected one"))
        self.merge_button.setText(self.tr("&Merge into this record"))
        self.merge_button.setToolTip(self.tr("The selected record's visits and appointments move to this record"))
        self.duplicates_list.setAccessibleName(self.tr("Similar records"))
        self._reminders_text()
        current_residence = self.residence.currentData()
        self.residence.clear()
        for value, text in RESIDENCE_LABELS.items():
            self.residence.addItem(self.tr(text), value.value)
        self.residence.setCurrentIndex(max(0, self.residence.findData(current_residence)))
        current_status = self.status.currentData()
        self.status.clear()
        for value, text in STATUS_LABELS.items():
            self.status.addItem(self.tr(text), value.value)
        self.status.setCurrentIndex(max(0, self.status.findData(current_status)))

    def _fill(self, row: ClientRow | None, initial_name: str) -> None:
        if row is None:
            self.number.setText(self.tr("(new)"))
            given, family = split_typed_name(initial_name)
            self.given.setText(given)
            self.family.setText(family)
            fill_language_combo(self.language, none_label=self.tr("not known"))
            return
        self.number.setText(row.client_number)
        self.given.setText(row.given_name)
        self.family.setText(row.family_name)
        self.birth.setText(fmt_date(row.date_of_birth) if row.date_of_birth else "")
        self.phone.setText(row.phone)
        fill_language_combo(self.language, none_label=self.tr("not known"), current=row.language)
        self.interpreter.setChecked(row.interpreter_needed)
        self.residence.setCurrentIndex(max(0, self.residence.findData(row.residence.value)))
        self.place.setText(row.residence_place)
        self.status.setCurrentIndex(max(0, self.status.findData(row.status_group.value)))
        self.consent.setText(fmt_date(row.consent_date) if row.consent_date else "")
        self.note.setPlainText(row.reception_note)
        if not row.full:  # the reception card: phone, status group and consent are not shown (nor saved)
            for widget in (self.phone, self.status, self.consent):
                self.form.setRowVisible(widget, False)

    # -- reminders ------------------------------------------------------------------------------

    def load_reminder_contact(self) -> None:
        """Read the reminder contact in a worker; the button is enabled once it is known."""
        assert self.row is not None
        reminders, actor, client_id = self.ctx.services.reminders, self.ctx.actor, self.row.id
        self.ctx.run_in_worker(lambda: reminders.contact(actor, client_id), self._contact_loaded,
                               self._show_error, receiver=self)

    def _contact_loaded(self, contact) -> None:
        if self.erased:
            return
        self.reminder_contact = contact
        self.reminders_button.setEnabled(True)
        self._reminders_text()

    def _reminders_text(self) -> None:
        """The button names the channels the client consented to (only those)."""
        if not getattr(self, "can_remind", False):
            return
        from desk.ui.views.empfang.reminder_contact import channels_text

        self.reminders_button.setText(self.tr("&Reminders: {channels}…").format(
            channels=channels_text(self.reminder_contact)))
        self.reminders_button.setToolTip(self.tr("Consent to appointment reminders by SMS and e-mail"))

    def _edit_reminders(self) -> None:
        from desk.ui.views.empfang.reminder_contact import ReminderContactDialog

        dialog = ReminderContactDialog(self.ctx, self.row, self.reminder_contact, parent=self)
        if dialog.exec():
            self._contact_loaded(dialog.saved)

    # -- reading the form ---------------------------------------------------------------------

    def client_input(self) -> ClientInput:
        note = self.note.toPlainText()
        if len(note) > NOTE_MAX:
            raise ValidationError("{field} is too long ({length} characters; at most {max} are allowed).",
                                  field="Reception note", length=len(note), max=NOTE_MAX)
        return ClientInput(
            given_name=self.given.text(),
            family_name=self.family.text(),
            date_of_birth=parse_birth_date(self.birth.text()),
            phone=self.phone.text(),
            language=self.language.currentData() or "",
            interpreter_needed=self.interpreter.isChecked(),
            residence=Residence(self.residence.currentData()),
            residence_place=self.place.text(),
            status_group=StatusGroup(self.status.currentData()),
            consent_date=parse_consent_date(self.consent.text()),
            reception_note=note,
            request_key=self.request_key,
        )

    def _show_length_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self._grow()

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        self.error.show()
        self._grow()

    def _grow(self) -> None:
        """Make room for a warning or an error instead of squeezing the form."""
        hint = self.sizeHint()
        self.resize(max(self.width(), hint.width()), max(self.height(), hint.height()))

    # -- saving ------------------------------------------------------------------------------

    def _busy_controls(self) -> tuple[QWidget, ...]:
        return (self.buttons, self.duplicates_frame)

    def _save(self) -> None:
        """Saves in a worker (the dialog busy meanwhile); a new client is first compared with the
        known ones, once per entered data. Closes only when the card was saved."""
        if self.busy:
            return
        self.error.hide()
        services, actor, row = self.ctx.services, self.ctx.actor, self.row
        try:
            data = self.client_input()
        except DeskError as error:
            self._show_error(error)
            return
        look_first = row is None and self._duplicates_shown_for != data

        def work() -> tuple[str, object]:
            if row is None:
                if look_first:
                    duplicates = services.clients.find_duplicates(actor, data)
                    if duplicates:
                        return "duplicates", duplicates
                return "saved", services.clients.create(actor, data)
            return "saved", services.clients.update(actor, row.id, row.version, data)

        def done(result: tuple[str, object]) -> None:
            kind, value = result
            if kind == "duplicates":
                self._show_duplicates(value, new_client=True)
                self._duplicates_shown_for = data
                return
            self.saved = value
            self.sig_saved.emit(value)
            self.accept()

        def failed(error: Exception) -> None:
            self._show_error(error)
            if isinstance(error, StaleError):
                self._offer_reload()

        self.run_busy(self.ctx, work, done, failed, *self._busy_controls())

    def _offer_reload(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Reception card"),
                          self.tr("Load the current version of the card? Your changes in this window are lost."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("reload_question")
        box.finished.connect(lambda result: self._reload() if result == QMessageBox.StandardButton.Yes else None)
        box.open()

    def _reload(self) -> None:
        if self.row is None:
            return
        clients, actor, client_id = self.ctx.services.clients, self.ctx.actor, self.row.id

        def done(row: ClientRow) -> None:
            self.row = row
            self._fill(row, "")
            self.error.hide()

        self.run_busy(self.ctx, lambda: clients.card(actor, client_id), done, self._show_error,
                      *self._busy_controls())

    # -- duplicates and merge -----------------------------------------------------------------

    def _show_duplicates(self, hits: list[ClientSearchHit], *, new_client: bool) -> None:
        self.duplicates_list.clear()
        for hit in hits:
            item = QListWidgetItem(hit_text(hit))  # plain text item
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, hit)
            self.duplicates_list.addItem(item)
        self.duplicates_list.setCurrentRow(0)
        if new_client:
            self.duplicates_label.setText(self.tr(
                "⚠ This person may already be known. Enter uses the selected existing record; Save "
                "(Ctrl+S) creates a new one anyway."))
            self.save_button.setText(self.tr("&Save as new client"))
        else:
            self.duplicates_label.setText(self.tr("Records that may belong to the same person:")
                                          if hits else self.tr("No similar records found."))
        self._duplicates_for_new = new_client and bool(hits)
        self.open_existing_button.setVisible(new_client)
        self.merge_button.setVisible(not new_client and self.can_merge and bool(hits))
        self.duplicates_list.setVisible(bool(hits))
        self.duplicates_frame.show()
        self._grow()
        if hits:
            self.duplicates_list.setFocus()

    def _look_for_duplicates(self) -> None:
        if self.row is None:
            return
        try:
            data = self.client_input()
        except DeskError as error:
            self._show_error(error)
            return
        clients, actor, client_id = self.ctx.services.clients, self.ctx.actor, self.row.id
        self.run_busy(self.ctx, lambda: clients.find_duplicates(actor, data, exclude_id=client_id),
                      lambda hits: self._show_duplicates(hits, new_client=False), self._show_error,
                      *self._busy_controls())

    def _selected_hit(self) -> ClientSearchHit | None:
        item = self.duplicates_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole + 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (watched is self.duplicates_list and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier and self._duplicates_for_new):
            self._use_existing_if_offered()
            return True  # never the default button: that would save the duplicate
        return super().eventFilter(watched, event)

    def _use_existing_if_offered(self) -> None:
        if self._duplicates_for_new and not self.busy:
            self._open_existing()

    def _open_existing(self) -> None:
        hit = self._selected_hit()
        if hit is not None:
            self.sig_open_existing.emit(hit.id)
            self.reject()

    def _merge_selected(self) -> None:
        hit = self._selected_hit()
        if hit is None or self.row is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Merge records"),
                          self.tr("Merge {other} into {this}? All visits and appointments of {other} move to "
                                  "{this}; the number {number} then leads to {this}. This cannot be undone.")
                          .format(other=hit.display_name, this=self.row.display_name, number=hit.client_number),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("merge_question")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self.merge(hit.id) if result == QMessageBox.StandardButton.Yes else None)
        box.open()

    def merge(self, absorb_id: int) -> bool:
        """Merge `absorb_id` into this card's client (after the confirmation), in a worker;
        False when nothing was started."""
        if self.row is None:
            return False
        clients, actor, keep_id = self.ctx.services.clients, self.ctx.actor, self.row.id
        return self.run_busy(self.ctx, lambda: clients.merge(actor, keep_id, absorb_id), self._merged,
                             self._show_error, *self._busy_controls())

    def _merged(self, result) -> None:
        self.row = result.keep
        self._fill(self.row, "")
        self.duplicates_frame.hide()
        self.ctx.events.sig_status_message.emit(
            self.tr("Merged: {visits} visits and {appointments} appointments moved.")
            .format(visits=result.visits_moved, appointments=result.appointments_moved))
        self.sig_saved.emit(result.keep)
