"""Dialogs of the Verwaltung view: an account, a new password, confirming an erasure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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
from desk.domain.model import Role, ServiceRow
from desk.domain.tickets import format_client_number, parse_client_number
from desk.ui.context import error_text
from desk.ui.i18n import current_language
from desk.ui.views.verwaltung.models import role_name
from desk.ui.widgets.dialog import LockAwareDialog

ROLE_CHOICES = (Role.RECEPTION, Role.COUNSELLOR, Role.HEAD)


class _WorkDialog(LockAwareDialog):
    """OK runs the service call off the GUI thread (password hashing takes ~0.1 s); the dialog
    closes when it succeeded and stays open with the message when it failed."""

    message: QLabel

    def run_on_accept(self, ctx, make_work: Callable[[], Callable[[], Any]]) -> None:
        self._ctx = ctx
        self._make_work = make_work

    def accept(self) -> None:
        make = getattr(self, "_make_work", None)
        if make is None:
            super().accept()
            return
        if not self._validate():
            return
        self.setEnabled(False)
        self._ctx.run_in_worker(make(), self._done, self._failed, receiver=self)

    def _validate(self) -> bool:
        return True

    def _done(self, _result: Any) -> None:
        self.setEnabled(True)
        QDialog.accept(self)

    def _failed(self, error: Exception) -> None:
        self.setEnabled(True)
        self.message.setText(error_text(error))


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


class AccountDialog(_WorkDialog):
    """A new account (with user name and first password) or changes to an existing one."""

    def __init__(self, services: list[ServiceRow], account: AccountRow | None = None,
                 parent: QWidget | None = None) -> None:
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
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("First password"))
        form = QFormLayout()
        form.addRow(self.tr("Full &name:"), self.display_name)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Services:"), self.services)
        if account is None:
            form.addRow(self.tr("First &password:"), self.password)
        _buddies(form)
        hint = _plain(self.tr("Reception: check-in, minimal client card, waiting list, booking appointments and "
                              "rooms. Counselling: additionally calling, appointments, full card for their "
                              "services. Head of department: everything, plus accounts, settings, reports, audit "
                              "log, export and erasure."))
        hint.setObjectName("roleHint")
        self.message = _plain()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def chosen_role(self) -> Role:
        return Role(self.role.currentData())

    def chosen_services(self) -> frozenset[int]:
        return frozenset(
            int(self.services.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        )


class PasswordDialog(_WorkDialog):
    """A new password, typed twice."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
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
