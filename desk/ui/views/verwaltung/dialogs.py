"""Dialogs of the Verwaltung view: an account, a new password, confirming an erasure."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.domain.accounts import AccountRow
from desk.domain.errors import DeskError
from desk.domain.hours import format_hours, parse_hours
from desk.domain.model import Role, RoomKind, RoomRow, ServiceRow
from desk.domain.tickets import format_client_number, parse_client_number
from desk.services.setup import ROOM_KINDS, RoomInput, ServiceInput
from desk.ui.context import error_text
from desk.ui.i18n import current_language
from desk.ui.views.verwaltung.models import role_name, room_kind_name
from desk.ui.widgets.dialog import LockAwareDialog, WorkDialog

ROLE_CHOICES = (Role.RECEPTION, Role.COUNSELLOR, Role.HEAD)


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _buddies(form: QFormLayout) -> None:
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and field is not None and isinstance(label.widget(), QLabel):
            label.widget().setBuddy(field.widget())


class AccountDialog(WorkDialog):
    """A new account (with user name and first password) or changes to an existing one."""

    def __init__(self, services: list[ServiceRow], account: AccountRow | None = None,
                 parent: QWidget | None = None, rooms: list[RoomRow] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountDialog")
        self.account = account
        self.setWindowTitle(self.tr("New account") if account is None else self.tr("Change account"))
        self.display_name = QLineEdit(account.display_name if account else "")
        self.display_name.setAccessibleName(self.tr("Full name"))
        self.display_name.setMaxLength(200)
        self.username = QLineEdit(account.username if account else "")
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setMaxLength(40)
        self.username.setReadOnly(account is not None)
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role in ROLE_CHOICES:
            self.role.addItem(role_name(role.value), role.value)  # plain str: Qt keeps it as it is
        if account is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(account.role.value)))
        self.services = QListWidget()
        self.services.setAccessibleName(self.tr("Services"))
        self.services.setMaximumHeight(120)
        german = current_language() == "de"
        for service in services:
            item = QListWidgetItem(service.name_de if german else service.name_en)
            item.setData(Qt.ItemDataRole.UserRole, service.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = account is not None and service.id in account.service_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.room = QComboBox()
        self.room.setAccessibleName(self.tr("Room"))
        self.room.addItem(self.tr("(none)"), None)
        for room in rooms or []:
            if room.active or (account is not None and room.id == account.default_room_id):
                self.room.addItem(room.name, room.id)
        if account is not None and account.default_room_id is not None:
            self.room.setCurrentIndex(max(0, self.room.findData(account.default_room_id)))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("First password"))
        form = QFormLayout()
        form.addRow(self.tr("Full &name:"), self.display_name)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Services:"), self.services)
        form.addRow(self.tr("R&oom:"), self.room)
        if account is None:
            form.addRow(self.tr("First &password:"), self.password)
        _buddies(form)
        hint = _plain(self.tr("Reception: check-in, minimal client card, waiting list, booking appointments and "
                              "rooms. Counselling: additionally calling, appointments, full card for their "
                              "services. Head of department: everything, plus accounts, settings, reports, audit "
                              "log, export and erasure."))
        hint.setObjectName("roleHint")
        self.one_time_hint = _plain(self.tr(
            "The first password is valid once: at the first login the colleague must choose their "
            "own, which you never learn. Tell them the first password in person."))
        self.one_time_hint.setObjectName("oneTimeHint")
        self.one_time_hint.setVisible(account is None)
        self.message = _plain()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.one_time_hint)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def chosen_room(self) -> int | None:
        return self.room.currentData()

    def chosen_services(self) -> frozenset[int]:
        return frozenset(
            int(self.services.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        )


def _save_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(dialog.tr("&Save"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ServiceDialog(WorkDialog):
    """A service (Fachdienst): name, ticket prefix, open consultation hours, active."""

    def __init__(self, service: ServiceRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ServiceDialog")
        self.service = service
        self.setWindowTitle(self.tr("New service") if service is None else self.tr("Change service"))
        self.name_de = QLineEdit(service.name_de if service else "")
        self.name_de.setAccessibleName(self.tr("Name"))
        self.name_en = QLineEdit(service.name_en if service else "")
        self.name_en.setAccessibleName(self.tr("Name in English"))
        self.code = QLineEdit(service.code if service else "")
        self.code.setAccessibleName(self.tr("Code"))
        self.code.setReadOnly(service is not None)
        self.prefix = QLineEdit(service.ticket_prefix if service else "")
        self.prefix.setAccessibleName(self.tr("Ticket prefix"))
        self.prefix.setMaximumWidth(60)
        self.hours = QLineEdit(format_hours(service.hours, current_language()) if service else "")
        self.hours.setAccessibleName(self.tr("Open consultation hours"))
        self.hours.setPlaceholderText(self.tr("e.g. Mo 09:00-12:00, Th 14:00-16:00"))
        self.active = QCheckBox(self.tr("&Active (check-in possible)"))
        self.active.setChecked(service.active if service else True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_de)
        form.addRow(self.tr("Name in &English:"), self.name_en)
        form.addRow(self.tr("&Code (reports):"), self.code)
        form.addRow(self.tr("&Ticket prefix:"), self.prefix)
        form.addRow(self.tr("Open &hours:"), self.hours)
        form.addRow("", self.active)
        _buddies(form)
        hint = _plain(self.tr("The ticket prefix is one letter that no other service uses. A service that is no "
                              "longer offered is deactivated, never deleted: its visits stay in the statistics."))
        self.message = _plain()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(_save_buttons(self))
        self.setMinimumWidth(520)

    def _validate(self) -> bool:
        try:
            self._input = self.input()
        except DeskError as error:
            self.message.setText(error_text(error))
            return False
        return True

    def input(self) -> ServiceInput:
        return ServiceInput(name_de=self.name_de.text(), name_en=self.name_en.text(),
                            ticket_prefix=self.prefix.text(), code=self.code.text(),
                            hours=parse_hours(self.hours.text()), active=self.active.isChecked())


class RoomDialog(WorkDialog):
    """A room: name, kind, bookable, shown on the display as."""

    def __init__(self, room: RoomRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoomDialog")
        self.room = room
        self.setWindowTitle(self.tr("New room") if room is None else self.tr("Change room"))
        self.name = QLineEdit(room.name if room else "")
        self.name.setAccessibleName(self.tr("Name"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        kinds = list(ROOM_KINDS) + ([room.kind] if room is not None and room.kind not in ROOM_KINDS else [])
        for kind in kinds:
            self.kind.addItem(room_kind_name(kind), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(room.kind.value)) if room else 0)
        self.label = QLineEdit(room.display_label if room else "")
        self.label.setAccessibleName(self.tr("Shown on the display as"))
        self.label.setPlaceholderText(self.tr("e.g. Büro 2 (short: also used in narrow calendar columns)"))
        self.bookable = QCheckBox(self.tr("&Bookable in the room calendar"))
        self.bookable.setChecked(room.bookable if room else True)
        self.active = QCheckBox(self.tr("&Active"))
        self.active.setChecked(room.active if room else True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("Shown on the &display as:"), self.label)
        form.addRow("", self.bookable)
        form.addRow("", self.active)
        _buddies(form)
        self.message = _plain()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_plain(self.tr("A room that is no longer used is deactivated, never deleted: its "
                                        "bookings stay.")))
        layout.addWidget(self.message)
        layout.addWidget(_save_buttons(self))
        self.setMinimumWidth(480)

    def input(self) -> RoomInput:
        return RoomInput(name=self.name.text(), kind=RoomKind(self.kind.currentData()),
                         bookable=self.bookable.isChecked(), display_label=self.label.text(),
                         capacity=self.room.capacity if self.room else 0, active=self.active.isChecked())


class PasswordDialog(WorkDialog):
    """A new password, typed twice."""

    def __init__(self, name: str, parent: QWidget | None = None, *, one_time: bool = True) -> None:
        """`one_time`: someone else's account (the password is valid once; false for one's own)."""
        super().__init__(parent)
        self.setObjectName("PasswordDialog")
        self.setWindowTitle(self.tr("New password"))
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New password"))
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat password"))
        form = QFormLayout()
        form.addRow(self.tr("New &password:"), self.first)
        form.addRow(self.tr("&Repeat:"), self.second)
        _buddies(form)
        self.message = _plain()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(_plain(self.tr("New password for {name}:").format(name=name)))
        layout.addLayout(form)
        self.one_time_hint = _plain(self.tr(
            "This password is valid once: at the next login {name} must choose their own, which you "
            "never learn.").format(name=name) if one_time else "")
        self.one_time_hint.setObjectName("oneTimeHint")
        self.one_time_hint.setVisible(one_time)
        layout.addWidget(self.one_time_hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _validate(self) -> bool:
        if self.first.text() != self.second.text():
            self.message.setText(self.tr("The two passwords differ."))
            return False
        return True

    def password(self) -> str:
        return self.first.text()


class EraseDialog(LockAwareDialog):
    """Erasing is final: the client number must be typed again."""

    def __init__(self, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EraseDialog")
        self.client_id = client_id
        self.setWindowTitle(self.tr("Erase client"))
        number = format_client_number(client_id)
        text = _plain(self.tr(
            "Client {number} will be removed everywhere: card, appointments and visits lose every link "
            "to the person (anonymous statistics stay). This cannot be undone; a backup still holds the "
            "data until it is rotated away. Type the client number to confirm.").format(number=number))
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(self.tr("Client number to confirm"))
        self.confirm.setPlaceholderText(number)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Erase"))
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.confirm.textChanged.connect(
            lambda t: self.ok.setEnabled(parse_client_number(t) == client_id))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
