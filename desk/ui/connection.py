"""At start, when the database cannot be used: what is wrong, the address, Retry — and, for the
head of department, another address.

The reasons told apart (storage/engine.py and storage/migrate.py classify libpq's errors):
server not reachable, wrong user name or password, no such database, TLS required or certificate
not trusted, the database needs an upgrade by the administrator, the database is newer than this
desk. "Change address…" asks for the new address and a head-of-department login ON THE NEW
database (the old one cannot be asked, it is not reachable): only when both work is the address
saved, in this user's desk.toml (services/config.py; the machine's file stays the
administrator's). Passwords never go in the address: they come from the password file (pgpass).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import (
    DatabaseNeedsUpgradeError,
    DatabaseTooNewError,
    DeskError,
    NoSuchDatabaseError,
    ServerUnreachableError,
    TlsError,
    WrongPasswordError,
)
from desk.services.config import mask_password
from desk.ui.context import error_text
from desk.ui.i18n import translate
from desk.ui.widgets.dialog import LockAwareDialog

# Verifier(url, username, password): a head-of-department login on the new address, or DeskError
Verifier = Callable[[str, str, str], None]


def headline(error: BaseException) -> str:
    if isinstance(error, ServerUnreachableError):
        return translate("ConnectionDialog", "The database server cannot be reached.")
    if isinstance(error, WrongPasswordError):
        return translate("ConnectionDialog", "The database server does not accept the user name or password.")
    if isinstance(error, NoSuchDatabaseError):
        return translate("ConnectionDialog", "There is no such database on the server.")
    if isinstance(error, TlsError):
        return translate("ConnectionDialog", "The server requires an encrypted connection, or its certificate is not trusted.")
    if isinstance(error, DatabaseNeedsUpgradeError):
        return translate("ConnectionDialog", "The database needs an upgrade by the administrator.")
    if isinstance(error, DatabaseTooNewError):
        return translate("ConnectionDialog", "The database is newer than this desk: install the newer desk on this PC.")
    return translate("ConnectionDialog", "The database cannot be used.")


class ConnectionDialog(LockAwareDialog):  # (no session yet at start: no lock; the base is for all dialogs)
    """exec(): Accepted = try again (self.address is the address to try, maybe a new one)."""

    def __init__(self, address: str, error: BaseException, verify: Verifier | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConnectionDialog")
        self.address = address
        self._verify = verify
        self.setWindowTitle(self.tr("desk – database"))
        self.headline = self._label(headline(error), "connectionHeadline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.where = self._label(self.tr("Address: {address}").format(address=mask_password(address)),
                                 "connectionAddress")
        self.details = self._label(error_text(error), "connectionDetails")
        buttons = QDialogButtonBox()
        self.retry_button = buttons.addButton(self.tr("&Retry"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.retry_button.setDefault(True)
        self.change_button = QPushButton(self.tr("&Change address…"))
        self.change_button.setObjectName("changeAddressButton")
        self.change_button.setToolTip(self.tr("For the head of department"))
        self.change_button.setVisible(verify is not None)
        buttons.addButton(self.change_button, QDialogButtonBox.ButtonRole.ActionRole)
        quit_button = buttons.addButton(self.tr("&Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quitButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.change_button.clicked.connect(self._show_change)

        self.change_box = QGroupBox(self.tr("Another address (head of department)"))
        self.new_address = QLineEdit(address)
        self.new_address.setAccessibleName(self.tr("New database address"))
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form = QFormLayout(self.change_box)
        form.addRow(self.tr("&Address:"), self.new_address)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(label, QLabel):
                label.setBuddy(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.change_message = self._label("", "changeMessage")
        form.addRow(self.change_message)
        self.save_button = QPushButton(self.tr("&Check and save"))
        self.save_button.setObjectName("saveAddressButton")
        self.save_button.clicked.connect(self.save_address)
        form.addRow(self.save_button)
        self.change_box.setVisible(False)

        layout = QVBoxLayout(self)
        for widget in (self.headline, self.where, self.details, self.change_box):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _show_change(self) -> None:
        self.change_box.setVisible(True)
        self.new_address.setFocus()

    def save_address(self) -> bool:
        """Check the new address with a head-of-department login there; then save it and retry."""
        from desk.services.config import save_user_database_url

        url = self.new_address.text().strip()
        try:
            if self._verify is None:
                raise DeskError("Only the head of department may change the address.")
            self._verify(url, self.username.text().strip(), self.password.text())
            saved = save_user_database_url(url)
        except DeskError as error:
            self.change_message.setText(error_text(error))
            return False
        finally:
            self.password.clear()
        self.address = url
        self.change_message.setText(self.tr("Saved in {path}.").format(path=str(saved)))
        self.accept()
        return True
