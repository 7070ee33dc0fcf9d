"""Verwaltung: accounts, business settings, audit log, data protection and backups (Leitung).

Every call goes to the services off the GUI thread; the services enforce the permissions
(this view is only shown to the head of department, but hiding is not the protection)."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk.domain import audit
from desk.domain.settings import SETTINGS, BusinessSettings, Kind, Setting
from desk.domain.tickets import BERLIN, format_client_number, parse_client_number
from desk.domain.topics import Topic
from desk.services.accounts import NewAccount
from desk.services.auditlog import AuditFilter
from desk.services.once import new_request_key
from desk.ui.clock import today as today_qdate
from desk.ui.context import UiContext, error_text, show_error
from desk.ui.i18n import fmt_datetime, translate
from desk.ui.views.base import DeskView
from desk.ui.views.verwaltung.dialogs import (
    AccountDialog,
    EraseDialog,
    PasswordDialog,
    RoomDialog,
    ServiceDialog,
)
from desk.ui.views.verwaltung.models import (
    ROW_ROLE,
    AccountsModel,
    AuditModel,
    BackupsModel,
    RoomsModel,
    ServicesModel,
    action_label,
    group_label,
)
from desk.ui.widgets.dates import DateEdit
from desk.ui.widgets.tables import set_up_columns


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _table(model, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    set_up_columns(view)  # widths from the model's columns
    view.setAlternatingRowColors(True)
    return view


def _button(text: str, shortcut: str | None, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", ""))
    if shortcut:
        button.setShortcut(QKeySequence(shortcut))
        button.setToolTip(f"{text.replace('&', '')} ({shortcut})")
    return button


class _Tab(DeskView):
    """A tab of Verwaltung is built like a view: DeskView (its `topics` reload it while it is the
    tab on show); failures show in its status line and a message box."""

    rebuild_on_language_change = True  # texts are set once; VerwaltungView is built anew

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.status = _plain()
        self.status.setObjectName("tabStatus")

    def run(self, work, done, failed=None, *, busy: str = "") -> None:
        if busy:
            self.status.setText(busy)
        super().run(work, done, failed)

    def show_failure(self, error: Exception) -> None:
        self.status.setText(error_text(error))
        show_error(self, error)

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        pass


# -- accounts --------------------------------------------------------------------------------


class AccountsTab(_Tab):
    topics = frozenset({Topic.STAFF})
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._services = []
        self._rooms = []
        self.model = AccountsModel(self._service_names, self)
        self.table = _table(self.model, "accountsTable")
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.new_button = _button(self.tr("&New account…"), "Ctrl+N", "newAccount")
        self.edit_button = _button(self.tr("&Change…"), "Ctrl+E", "editAccount")
        self.password_button = _button(self.tr("&Reset password…"), None, "resetPassword")
        self.active_button = _button(self.tr("&Deactivate"), None, "toggleActive")
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.password_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _service_names(self, ids: frozenset[int]) -> str:
        codes = {s.id: s.code for s in self._services}
        return ", ".join(codes.get(i, str(i)) for i in sorted(ids))

    def selected(self):
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for b in (self.edit_button, self.password_button, self.active_button):
            b.setEnabled(row is not None)
        self.active_button.setText(self.tr("&Activate") if row is not None and not row.active
                                   else self.tr("&Deactivate"))

    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: (services.reference.services(actor), services.reference.rooms(actor),
                          services.accounts.accounts(actor)), self._loaded)

    def _loaded(self, result) -> None:
        self._services, self._rooms, rows = result
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("{count} accounts").format(count=len(rows)))
        self._update_buttons()

    def new(self) -> None:
        accounts, actor = self.ctx.services.accounts, self.ctx.actor
        dialog = AccountDialog(self._services, None, self, rooms=self._rooms)
        # one account per dialog: Save again after "the server is away" sends the same key, so an
        # account saved after all is answered with itself, not "the user name is taken"
        key = new_request_key()

        def work():
            # one step with the room: a refused room left the account made, and Save again said
            # the user name was taken
            account = NewAccount(dialog.username.text(), dialog.display_name.text(), dialog.chosen_role(),
                                 dialog.password.text(), dialog.chosen_services(), dialog.chosen_room(),
                                 request_key=key)
            return lambda: accounts.create_account(actor, account)

        dialog.run_on_accept(self.ctx, work)
        dialog.exec()  # saved: the tab reloads through the window's announcement of the commit

    def edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        accounts, actor = self.ctx.services.accounts, self.ctx.actor
        dialog = AccountDialog(self._services, row, self, rooms=self._rooms)

        def work():
            name, role, ids = dialog.display_name.text(), dialog.chosen_role(), dialog.chosen_services()
            room = dialog.chosen_room()
            return lambda: accounts.change_account(actor, row.id, row.version, display_name=name, role=role,
                                                   service_ids=ids, default_room_id=room)

        dialog.run_on_accept(self.ctx, work)
        dialog.exec()  # saved: the tab reloads through the window's announcement of the commit

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        accounts, actor = self.ctx.services.accounts, self.ctx.actor
        one_time = row.id != actor.staff_id  # one's own reset password is one's own choice
        dialog = PasswordDialog(row.display_name, self, one_time=one_time)

        def work():
            password = dialog.password()
            return lambda: accounts.reset_password(actor, row.id, password)

        dialog.run_on_accept(self.ctx, work)
        if dialog.exec() == dialog.DialogCode.Accepted:
            self.status.setText(
                self.tr("The password of {name} was changed. It is valid once: at the next login they "
                        "choose their own.").format(name=row.display_name) if one_time
                else self.tr("The password of {name} was changed.").format(name=row.display_name))

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        services, actor = self.ctx.services, self.ctx.actor
        if row.active:  # first what the person leaves behind, then ask
            self.active_button.setEnabled(False)
            self.run(lambda: services.accounts.open_work(actor, row.id), lambda work: self._ask_deactivate(row, work),
                     self._deactivate_failed)
            return
        self.write(lambda: services.accounts.change_account(actor, row.id, row.version, active=True))

    def _deactivate_failed(self, error: Exception) -> None:
        self._update_buttons()
        self.show_failure(error)

    def deactivate_question(self, row, work) -> str:
        """The question before deactivating: what the person leaves behind, and what happens to it."""
        parts = [self.tr("Deactivate the account of {name}? They can no longer log in; everything they "
                         "entered stays.").format(name=row.display_name)]
        if work.waiting:
            parts.append(self.tr("Waiting for them now: {count}. They go back to the waiting list of their "
                                 "service, where any colleague can call them.").format(count=work.waiting))
        if work.appointments:
            parts.append(self.tr("Booked appointments from now on: {count} (the first on {date}). They stay "
                                 "booked with {name}: move them to a colleague or cancel them in the "
                                 "appointments view, which lists {name} as deactivated until then.").format(
                count=work.appointments, date=fmt_datetime(work.first_appointment), name=row.display_name))
        return "\n\n".join(parts)

    def _ask_deactivate(self, row, work) -> None:
        self._update_buttons()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Deactivate account"), self.deactivate_question(row, work),
                          parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the name is as the head typed it
        yes = box.addButton(self.tr("&Deactivate"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not yes:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.write(lambda: services.accounts.change_account(actor, row.id, row.version, active=False))


# -- services and rooms ----------------------------------------------------------------------


class SetupTab(_Tab):
    topics = frozenset({Topic.REFERENCE})
    """Services (name, ticket prefix, open hours, active) and rooms (name, kind, bookable,
    display label, active). Nothing is deleted; every change is audited and reaches the other
    workstations live (topic "reference")."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.services_model = ServicesModel(self)
        self.services_table = _table(self.services_model, "servicesTable")
        self.services_table.setAccessibleName(self.tr("Services"))
        self.services_table.doubleClicked.connect(lambda _i: self.edit_service())
        self.rooms_model = RoomsModel(self)
        self.rooms_table = _table(self.rooms_model, "roomsTable")
        self.rooms_table.setAccessibleName(self.tr("Rooms"))
        self.rooms_table.doubleClicked.connect(lambda _i: self.edit_room())
        self.new_service_button = _button(self.tr("New &service…"), None, "newService")
        self.edit_service_button = _button(self.tr("Change s&ervice…"), None, "editService")
        self.toggle_service_button = _button(self.tr("Deactivate service"), None, "toggleService")
        self.new_room_button = _button(self.tr("New &room…"), None, "newRoom")
        self.edit_room_button = _button(self.tr("Change r&oom…"), None, "editRoom")
        self.toggle_room_button = _button(self.tr("Deactivate room"), None, "toggleRoom")
        self.new_service_button.clicked.connect(self.new_service)
        self.edit_service_button.clicked.connect(self.edit_service)
        self.toggle_service_button.clicked.connect(self.toggle_service)
        self.new_room_button.clicked.connect(self.new_room)
        self.edit_room_button.clicked.connect(self.edit_room)
        self.toggle_room_button.clicked.connect(self.toggle_room)
        layout = QVBoxLayout(self)
        for title, table, buttons in (
                (self.tr("Services"), self.services_table,
                 (self.new_service_button, self.edit_service_button, self.toggle_service_button)),
                (self.tr("Rooms"), self.rooms_table,
                 (self.new_room_button, self.edit_room_button, self.toggle_room_button))):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            inner.addLayout(row)
            inner.addWidget(table, 1)
            layout.addWidget(box, 1)
        layout.addWidget(_plain(self.tr("A person's room and services are set on the Accounts tab.")))
        layout.addWidget(self.status)
        self.services_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.rooms_table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _selected(self, table: QTableView):
        index = table.currentIndex()
        return table.model().data(index, ROW_ROLE) if index.isValid() else None

    def selected_service(self):
        return self._selected(self.services_table)

    def selected_room(self):
        return self._selected(self.rooms_table)

    def _update_buttons(self) -> None:
        service, room = self.selected_service(), self.selected_room()
        for button, row in ((self.edit_service_button, service), (self.toggle_service_button, service),
                            (self.edit_room_button, room), (self.toggle_room_button, room)):
            button.setEnabled(row is not None)
        self.toggle_service_button.setText(self.tr("Activate service") if service is not None and not service.active
                                           else self.tr("Deactivate service"))
        self.toggle_room_button.setText(self.tr("Activate room") if room is not None and not room.active
                                        else self.tr("Deactivate room"))

    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        services.reference.invalidate()
        self.run(lambda: (services.reference.services(actor), services.reference.rooms(actor)), self._loaded)

    def _loaded(self, result) -> None:
        service_rows, room_rows = result
        self.services_model.set_rows(service_rows)
        self.rooms_model.set_rows(room_rows)
        for table in (self.services_table, self.rooms_table):
            table.resizeColumnsToContents()
        self.status.setText(self.tr("{services} services, {rooms} rooms").format(
            services=len(service_rows), rooms=len(room_rows)))
        self._update_buttons()

    def _dialog(self, dialog, call) -> None:
        def make():
            data = dialog.input()  # on the GUI thread; the service call runs on the worker
            return lambda: call(data)

        dialog.run_on_accept(self.ctx, make)
        dialog.exec()  # saved: the tab reloads through the window's announcement of the commit

    def new_service(self) -> None:
        setup, actor = self.ctx.services.setup, self.ctx.actor
        self._dialog(ServiceDialog(None, self), lambda data: setup.create_service(actor, data))

    def edit_service(self) -> None:
        row = self.selected_service()
        if row is not None:
            setup, actor = self.ctx.services.setup, self.ctx.actor
            self._dialog(ServiceDialog(row, self), lambda data: setup.change_service(actor, row.id, data))

    def toggle_service(self) -> None:
        row = self.selected_service()
        if row is None:
            return
        dialog = ServiceDialog(row, self)
        dialog.active.setChecked(not row.active)
        setup, actor, data = self.ctx.services.setup, self.ctx.actor, dialog.input()
        dialog.deleteLater()
        self.write(lambda: setup.change_service(actor, row.id, data))  # reloads the tab once

    def new_room(self) -> None:
        setup, actor = self.ctx.services.setup, self.ctx.actor
        self._dialog(RoomDialog(None, self), lambda data: setup.create_room(actor, data))

    def edit_room(self) -> None:
        row = self.selected_room()
        if row is not None:
            setup, actor = self.ctx.services.setup, self.ctx.actor
            self._dialog(RoomDialog(row, self), lambda data: setup.change_room(actor, row.id, data))

    def toggle_room(self) -> None:
        row = self.selected_room()
        if row is None:
            return
        dialog = RoomDialog(row, self)
        dialog.active.setChecked(not row.active)
        setup, actor, data = self.ctx.services.setup, self.ctx.actor, dialog.input()
        dialog.deleteLater()
        self.write(lambda: setup.change_room(actor, row.id, data))  # reloads the tab once


# -- settings --------------------------------------------------------------------------------


class SettingsTab(_Tab):
    """The business settings, built from the registry (desk.domain.settings.SETTINGS): one editor
    per setting on the page, by its kind and bounds; the parts of a MONTHS setting in their own box."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loaded_values: BusinessSettings | None = None
        # editor per setting key; the parts of a MONTHS setting under "key.part"
        self.editors: dict[str, QWidget] = {}
        general = QGroupBox(self.tr("Centre and desk"))
        form = QFormLayout(general)
        columns = QHBoxLayout()
        columns.addWidget(general, 3)
        forms = [form]
        for setting in SETTINGS:
            if not setting.on_page:
                continue
            if setting.kind is Kind.MONTHS:
                box = QGroupBox(translate("settings", setting.label))
                box_form = QFormLayout(box)
                for part in setting.parts:
                    box_form.addRow(translate("settings", part.label), self._editor(f"{setting.key}.{part.key}", part))
                columns.addWidget(box, 2)
                forms.append(box_form)
            else:
                form.addRow(translate("settings", setting.label), self._editor(setting.key, setting))
        for f in forms:
            for row in range(f.rowCount()):
                label = f.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
                field = f.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
                label.setBuddy(field)
                field.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        self.save_button = _button(self.tr("&Save settings"), "Ctrl+S", "saveSettings")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.status, 1)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def _editor(self, key: str, setting: Setting) -> QWidget:
        editor: QWidget
        if setting.kind is Kind.NUMBER:
            editor = QSpinBox()
            editor.setRange(setting.low, setting.high)
            editor.setSuffix({"minutes": self.tr(" min"), "months": self.tr(" months")}.get(setting.unit, ""))
        elif setting.kind is Kind.TIME:
            editor = QTimeEdit()
            editor.setDisplayFormat("HH:mm")
        elif setting.kind is Kind.NAMES:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(90)
        else:
            editor = QLineEdit()
            editor.setMaxLength(setting.high)
        editor.setObjectName(key)
        self.editors[key] = editor
        return editor

    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.reference.settings(actor), self._loaded)

    def _loaded(self, values: BusinessSettings) -> None:
        self._loaded_values = values
        for setting in SETTINGS:
            if not setting.on_page:
                continue
            stored = values.stored(setting.key)
            if setting.kind is Kind.MONTHS:
                for part in setting.parts:
                    self._set(self.editors[f"{setting.key}.{part.key}"], part, stored[part.key])
            else:
                self._set(self.editors[setting.key], setting, stored)

    @staticmethod
    def _set(editor: Any, setting: Setting, value: Any) -> None:
        if setting.kind is Kind.NUMBER:
            editor.setValue(value)
        elif setting.kind is Kind.TIME:
            editor.setTime(QTime.fromString(value, "HH:mm"))
        elif setting.kind is Kind.NAMES:
            editor.setPlainText("\n".join(value))
        else:
            editor.setText(value)

    @staticmethod
    def _get(editor: Any, setting: Setting) -> Any:
        """The editor's value in the setting's stored form."""
        if setting.kind is Kind.NUMBER:
            return editor.value()
        if setting.kind is Kind.TIME:
            return editor.time().toString("HH:mm")
        if setting.kind is Kind.NAMES:
            return [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
        return editor.text().strip()

    def current_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            if setting.kind is Kind.MONTHS:
                values[setting.key] = {part.key: self._get(self.editors[f"{setting.key}.{part.key}"], part)
                                       for part in setting.parts}
            elif setting.on_page:
                values[setting.key] = self._get(self.editors[setting.key], setting)
        return values

    def save(self) -> None:
        values = self.current_values()
        loaded = self._loaded_values
        changed = {k: v for k, v in values.items() if loaded is None or loaded.stored(k) != v}
        if not changed:
            self.status.setText(self.tr("Nothing changed."))
            return
        services, actor = self.ctx.services, self.ctx.actor

        def work() -> int:
            # all or nothing: one bad value (a partner's name too long) leaves the rest unsaved too
            return services.reference.change_settings(actor, changed)

        self.run(work, lambda n: (self.status.setText(self.tr("{count} settings saved.").format(count=n)),
                                  self.refresh()))


# -- audit log -------------------------------------------------------------------------------


class AuditTab(_Tab):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = AuditModel(self)
        self.table = _table(self.model, "auditTable")
        self.table.setAccessibleName(self.tr("Audit log"))
        self.client = QLineEdit()
        self.client.setPlaceholderText(self.tr("e.g. K-000042"))
        self.client.setAccessibleName(self.tr("Client number"))
        self.client.setMaximumWidth(160)
        self.user = QComboBox()
        self.user.setAccessibleName(self.tr("User"))
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("What"))
        today = today_qdate()
        self.since = DateEdit(today.addDays(-30))
        self.until = DateEdit(today)
        for edit, name in ((self.since, self.tr("From")), (self.until, self.tr("Until"))):
            edit.setAccessibleName(name)
        self.search_button = _button(self.tr("&Show"), "Ctrl+Return", "auditSearch")
        self.search_button.clicked.connect(self.search)
        self.client.returnPressed.connect(self.search)
        filters = QFormLayout()
        row1 = QHBoxLayout()
        row1.addWidget(self.client)
        row1.addWidget(_plain(self.tr("User:")))
        row1.addWidget(self.user, 1)
        row1.addWidget(_plain(self.tr("What:")))
        row1.addWidget(self.action, 1)
        row2 = QHBoxLayout()
        row2.addWidget(self.since)
        row2.addWidget(_plain(self.tr("until")))
        row2.addWidget(self.until)
        row2.addStretch(1)
        row2.addWidget(self.search_button)
        filters.addRow(self.tr("&Client:"), row1)
        filters.addRow(self.tr("&Period:"), row2)
        client_label = filters.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
        client_label.setBuddy(self.client)
        filters.itemAt(1, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.since)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._fill_actions()

    def _fill_actions(self) -> None:
        """Everything, then each group of the registry (desk.domain.audit) as a whole and its
        actions; an action without a group stands on its own, all in label order."""
        self.action.clear()
        self.action.addItem(self.tr("everything"), "")
        grouped = {g.prefix for g in audit.GROUPS}
        entries = [(group_label(p), f"{p}.", sorted((action_label(a.code), a.code) for a in audit.ACTIONS
                                                    if a.group == p)) for p in grouped]
        entries += [(action_label(a.code), a.code, []) for a in audit.ACTIONS if a.group not in grouped]
        for label, data, members in sorted(entries, key=lambda e: e[0].casefold()):
            self.action.addItem(label, data)
            for member, code in members:
                self.action.addItem(f"    {member}", code)  # indented under its group

    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.accounts.accounts(actor), self._users_loaded)

    def _users_loaded(self, accounts) -> None:
        current = self.user.currentData() or 0
        self.user.clear()
        self.user.addItem(self.tr("anyone"), 0)
        for account in accounts:
            self.user.addItem(f"{account.display_name} ({account.username})", account.id)
        index = self.user.findData(current)
        self.user.setCurrentIndex(max(0, index))
        self.search()

    def current_filter(self) -> AuditFilter | None:
        text = self.client.text().strip()
        client_id = None
        if text:
            client_id = parse_client_number(text)
            if client_id is None:
                self.status.setText(self.tr("{text} is not a client number.").format(text=text))
                return None
        since = datetime.combine(self.since.date().toPython(), time(0), BERLIN)
        until = datetime.combine(self.until.date().toPython(), time(0), BERLIN)
        from datetime import timedelta

        return AuditFilter(client_id=client_id, actor_id=self.user.currentData() or None,
                           action=self.action.currentData() or None,
                           since=since, until=until + timedelta(days=1), limit=2000)

    def search(self) -> None:
        where = self.current_filter()
        if where is None:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.audit_log.query(actor, where), self._found)

    def _found(self, rows) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("{count} entries (newest first, at most 2000)").format(count=len(rows)))


# -- data protection ---------------------------------------------------------------------------


class PrivacyTab(_Tab):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.client = QLineEdit()
        self.client.setPlaceholderText(self.tr("e.g. K-000042"))
        self.client.setAccessibleName(self.tr("Client number"))
        self.client.setMaximumWidth(220)
        self.export_button = _button(self.tr("E&xport all data…"), None, "exportClient")
        self.erase_button = _button(self.tr("&Erase client…"), None, "eraseClient")
        self.purge_button = _button(self.tr("Run the retention &purge now"), None, "purgeNow")
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.erase)
        self.purge_button.clicked.connect(self.purge)
        request = QGroupBox(self.tr("Request for access or erasure (Art. 15 and 17 GDPR, DSG-EKD)"))
        form = QFormLayout(request)
        form.addRow(self.tr("&Client number:"), self.client)
        form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.client)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.erase_button)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(_plain(self.tr(
            "Export writes a JSON file (complete) and a readable PDF with everything stored about the person, "
            "including who opened the card. Erasure removes the person everywhere; visits stay as anonymous "
            "statistics. Both are recorded in the audit log.")))
        retention = QGroupBox(self.tr("Retention"))
        rlayout = QVBoxLayout(retention)
        self.retention_text = _plain()
        self.retention_text.setObjectName("retentionText")
        rlayout.addWidget(self.retention_text)
        rlayout.addWidget(self.purge_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(request)
        layout.addWidget(retention)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def refresh(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.reference.settings(actor), self._settings)

    def _settings(self, values: BusinessSettings) -> None:
        months = values.retention_months
        self.retention_text.setText(self.tr(
            "The purge runs every day by itself: visits older than {visits} months and appointments older "
            "than {appointments} months are anonymised, clients without contact for {clients} months are "
            "erased, room bookings older than {bookings} months are deleted, audit entries older than "
            "{audit} months are deleted. Change these in Settings.").format(
                visits=months.visits, appointments=months.appointments,
                clients=months.inactive_clients, bookings=months.bookings,
                audit=months.audit_log))

    def _client_id(self) -> int | None:
        value = parse_client_number(self.client.text().strip())
        if value is None:
            self.status.setText(self.tr("Enter a client number (e.g. K-000042)."))
            self.client.setFocus()
        return value

    def export(self) -> None:
        client_id = self._client_id()
        if client_id is None:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the export"), str(Path.home()))
        if not folder:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.privacy.write_client_export(actor, client_id, Path(folder)),
                 lambda paths: self.status.setText(self.tr("Written: {json} and {pdf}").format(
                     json=str(paths[0]), pdf=str(paths[1]))),
                 busy=self.tr("Exporting…"))

    def erase(self) -> None:
        client_id = self._client_id()
        if client_id is None:
            return
        dialog = EraseDialog(client_id, self)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.privacy.erase_client(actor, client_id),
                 lambda counts: self._erased(client_id, counts), busy=self.tr("Erasing…"))

    def _erased(self, client_id: int, counts: dict[str, int]) -> None:
        text = self.tr("Client {number} was erased.").format(number=format_client_number(client_id))
        cancelled = counts.get("appointments cancelled", 0)
        if cancelled:  # the counsellors' slots are free again: they may want to know
            text += " " + self.tr("Appointments still to come, now cancelled: {count}.").format(count=cancelled)
        if not counts.get("wal_clean", 1):
            text += " " + self.tr("Another workstation kept reading, so the write-ahead log (desk.sqlite-wal) "
                                  "still holds the erased data. Run the purge again when the other "
                                  "workstations are idle (it also runs every morning).")
        self.status.setText(text)

    def purge(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.privacy.purge(actor), self._purged, busy=self.tr("Purging…"))

    def _purged(self, report) -> None:
        self.status.setText(self.tr(
            "Purge done: {visits} visits and {appointments} appointments anonymised, {clients} clients erased, "
            "{bookings} room bookings and {audit} audit entries deleted.").format(
                visits=report.visits_anonymised, appointments=report.appointments_anonymised,
                clients=report.clients_deleted, bookings=report.bookings_deleted,
                audit=report.audit_events_deleted))


# -- backups ------------------------------------------------------------------------------------


class BackupTab(_Tab):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = BackupsModel(self)
        self.table = _table(self.model, "backupsTable")
        self.table.setAccessibleName(self.tr("Backups"))
        self.backup_button = _button(self.tr("&Back up now"), "Ctrl+B", "backupNow")
        self.check_button = _button(self.tr("&Check the database"), None, "checkDatabase")
        self.restore_button = _button(self.tr("&Restore the selected backup…"), None, "restoreBackup")
        self.backup_button.clicked.connect(self.backup_now)
        self.check_button.clicked.connect(self.check)
        self.restore_button.clicked.connect(self.restore)
        row = QHBoxLayout()
        for b in (self.backup_button, self.check_button, self.restore_button):
            row.addWidget(b)
        row.addStretch(1)
        self.where = _plain()
        self.where.setObjectName("backupFolder")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        sqlite = ctx.services.is_sqlite
        self.restore_button.setEnabled(sqlite)
        if not sqlite:
            self.restore_button.setToolTip(self.tr("PostgreSQL: restore with pg_restore on the server (installation guide, docs/INSTALL.md: Restore for real)"))

    def refresh(self) -> None:
        folder = self.ctx.services.backup.backup_dir
        self.where.setText(self.tr(
            "Backups are made every day by themselves in: {folder}. Each is deleted on the date shown: "
            "daily backups after 7 days; weekly, manual, pre-update and replaced-database copies after "
            "35 days. Erasures made after a backup are applied again after any restore.").format(
                folder=str(folder) if folder else "—"))
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.backup.backups(actor), self._loaded)

    def _loaded(self, rows) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def backup_now(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.backup.backup_now(actor),
                 lambda path: (self.status.setText(self.tr("Backup written: {file}").format(file=str(path))),
                               self.refresh()),
                 busy=self.tr("Backing up…"))

    def check(self) -> None:
        services, actor = self.ctx.services, self.ctx.actor
        self.run(lambda: services.backup.check(actor), self._checked, busy=self.tr("Checking…"))

    def _checked(self, report) -> None:
        if report.ok:
            self.status.setText(self.tr("The database is in order (schema {revision}).").format(
                revision=report.revision))
        else:
            self.status.setText(self.tr("The database is damaged: {details}").format(
                details="; ".join(report.lines())))

    def restore(self) -> None:
        index = self.table.currentIndex()
        backup = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if backup is None:
            self.status.setText(self.tr("Select a backup first."))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore backup"), self.tr(
            "Replace the database with the backup of {time}? Everything entered since then is lost; the "
            "current database is kept beside the backups. desk closes afterwards; start it again. Other "
            "windows on this computer must be closed first.").format(time=fmt_datetime(backup.made_at)), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        yes = box.addButton(self.tr("&Restore and close"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is not yes:
            return
        backups, actor, path = self.ctx.services.backup, self.ctx.actor, backup.path
        # how old the backup is, then the restore itself: both read or replace the database, so
        # they run in a worker; the button waits meanwhile
        self.restore_button.setEnabled(False)
        self.run(lambda: backups.too_old(actor, path), lambda days: self._restore_after_asking(path, days),
                 self._restore_failed)

    def _restore_failed(self, error: Exception) -> None:
        self.restore_button.setEnabled(True)
        self.show_failure(error)

    def _restore_after_asking(self, path: Path, days: int | None) -> None:
        confirm_old = False
        if days is not None:
            old = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore backup"), self.tr(
                "This backup is {days} days old, older than the retention period of 35 days: it may hold "
                "data that should be gone. Erasures recorded since then are applied again after the "
                "restore. Restore it all the same?").format(days=days), parent=self)
            old.setTextFormat(Qt.TextFormat.PlainText)
            really = old.addButton(self.tr("Restore the &old backup"), QMessageBox.ButtonRole.AcceptRole)
            old.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
            old.exec()
            if old.clickedButton() is not really:
                self.restore_button.setEnabled(True)
                return
            confirm_old = True
        backups, actor = self.ctx.services.backup, self.ctx.actor
        self.run(lambda: backups.restore(actor, path, confirm_old=confirm_old), self._restored, self._restore_failed)

    def _restored(self, _result: object) -> None:
        done = QMessageBox(QMessageBox.Icon.Information, self.tr("Restore backup"),
                           self.tr("The backup was restored. desk closes now; start it again."), parent=self)
        done.setTextFormat(Qt.TextFormat.PlainText)
        done.exec()
        from PySide6.QtWidgets import QApplication

        QApplication.instance().quit()


# -- the view -------------------------------------------------------------------------------------


class VerwaltungView(DeskView):
    rebuild_on_language_change = True
    """The tabs set their texts once: the main window builds the view anew in the new language."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("VerwaltungView")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("verwaltungTabs")
        self.accounts = AccountsTab(ctx)
        self.setup = SetupTab(ctx)
        self.settings = SettingsTab(ctx)
        self.audit = AuditTab(ctx)
        self.privacy = PrivacyTab(ctx)
        self.backups = BackupTab(ctx)
        from desk.ui.views.verwaltung.reminders_tab import RemindersTab

        self.reminders = RemindersTab(ctx)
        self._pages = (self.accounts, self.setup, self.settings, self.audit, self.privacy, self.backups,
                       self.reminders)
        for page in self._pages:
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.tabs)
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._on_tab)
        for number in range(len(self._pages)):
            shortcut = QShortcut(QKeySequence(f"Alt+{number + 1}"), self)
            shortcut.activated.connect(lambda n=number: self.tabs.setCurrentIndex(n))
        self.retranslate()

    def retranslate(self) -> None:
        titles = (translate("VerwaltungView", "Accounts"), translate("VerwaltungView", "Services and rooms"),
                  translate("VerwaltungView", "Settings"),
                  translate("VerwaltungView", "Audit log"), translate("VerwaltungView", "Data protection"),
                  translate("VerwaltungView", "Backups"), translate("VerwaltungView", "Reminders"))
        for number, title in enumerate(titles):
            self.tabs.setTabText(number, title)
            self.tabs.setTabToolTip(number, f"{title} (Alt+{number + 1})")

    def on_shown(self) -> None:
        self._on_tab(self.tabs.currentIndex())

    def _on_tab(self, index: int) -> None:
        if 0 <= index < len(self._pages):
            self._loaded.add(index)
            self._pages[index].refresh()

    # live updates reach the tabs themselves (each a DeskView with its own topics)
