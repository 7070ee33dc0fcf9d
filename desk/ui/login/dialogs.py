"""The login dialog, the lock screen, the first-start wizard and choosing one's own password.

Passwords are checked off the GUI thread (argon2id takes ~0.1 s); after wrong passwords the
service says how long to wait and the dialog counts down instead of blocking anything.
A password the head of department set (new account, reset) is one-time: the login dialog then
asks for the person's own password (OwnPasswordDialog) before any view opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.domain.errors import DeskError
from desk.domain.model import Role
from desk.services.accounts import LoginError, NewAccount
from desk.services.config import load_config, mask_password
from desk.services.context import Actor
from desk.services.passwords import MIN_PASSWORD_LENGTH
from desk.ui.app_icon import set_window_icon
from desk.ui.context import UiContext, error_text
from desk.ui.i18n import translate
from desk.ui.widgets.dialog import LockAwareDialog

# Role names for the demo accounts.
ROLE_NAMES = {
    "leitung": QT_TRANSLATE_NOOP("login", "head of department"),
    "empfang": QT_TRANSLATE_NOOP("login", "reception"),
    "beratung": QT_TRANSLATE_NOOP("login", "counselling"),
}
DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoAccount:
    """One account `desk --demo` created; the composition root hands them in (desk.tools.demo)."""

    username: str
    role: str  # leitung | empfang | beratung
    name: str
    services: tuple[str, ...]  # service codes (IM, MBE, ...), shown for counsellors


def demo_role_text(account: DemoAccount) -> str:
    role = translate("login", ROLE_NAMES.get(account.role, account.role))
    return f"{role} \u00b7 {', '.join(account.services)}" if account.role == "beratung" else role


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class _WaitingDialog(LockAwareDialog):
    """Shared: an error line, a countdown after wrong passwords, a busy state while checking."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        set_window_icon(self)
        self._busy = False
        self._wait = 0
        self.message = _plain_label()
        self.message.setObjectName("loginMessage")
        self.message.setAccessibleName(translate("login", "Message"))
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:  # pragma: no cover - overridden
        pass

    def _show_error(self, error: BaseException) -> None:
        self._set_busy(False)
        wait = getattr(error, "wait_seconds", 0) if isinstance(error, LoginError) else 0
        if wait:
            self._wait = wait
            self._tick_text()
            self._timer.start()
        else:
            self.message.setText(error_text(error))
        self._update_buttons()

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait <= 0:
            self._timer.stop()
            self._wait = 0
            self.message.setText(translate("login", "You can try again now."))
        else:
            self._tick_text()
        self._update_buttons()

    def _tick_text(self) -> None:
        self.message.setText(translate("login", "Too many wrong passwords. Please wait {seconds} s, "
                                               "then try again.").format(seconds=self._wait))


class LoginDialog(_WaitingDialog):
    """User name and password; `actor` holds who logged in after accept()."""

    def __init__(self, ctx: UiContext, *, demo_accounts: Sequence[DemoAccount] = (),
                 parent: QWidget | None = None) -> None:
        """`demo_accounts` (`desk --demo` only): each is offered as a one-click button."""
        super().__init__(ctx, parent)
        self.setObjectName("LoginDialog")
        self.actor: Actor | None = None
        self.own_password: OwnPasswordDialog | None = None
        self.setWindowTitle(self.tr("desk – log in"))
        self.setModal(True)
        self.heading = _plain_label(self.tr("Log in with your own account."))
        self.heading.setObjectName("loginHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setMaxLength(80)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setMaxLength(200)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(label, QLabel):
                label.setBuddy(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.buttons = QDialogButtonBox()
        self.login_button = QPushButton(self.tr("&Log in"))
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.setToolTip(self.tr("Log in (Enter)"))
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Quit"))
        cancel.setToolTip(self.tr("Close desk (Esc)"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        self.demo_buttons: dict[str, QPushButton] = {}
        self.demo_label: QLabel | None = None
        if demo_accounts:
            layout.addWidget(self._demo_box(demo_accounts))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.username.textChanged.connect(self._update_buttons)
        self.password.textChanged.connect(self._update_buttons)
        chain = [*self.demo_buttons.values(), self.username, self.password, self.login_button, cancel]
        for before, after in zip(chain, chain[1:], strict=False):
            self.setTabOrder(before, after)
        self.setMinimumWidth(460 if demo_accounts else 420)
        # word-wrapped labels make Qt's minimum too low (at 200 % font it squeezed the demo
        # buttons to one line): the minimum is the height the layout needs at its width
        layout.activate()
        width = max(self.minimumWidth(), layout.minimumSize().width())
        self.setMinimumSize(width, layout.totalHeightForWidth(width))
        self._update_buttons()
        self.username.setFocus()

    def _demo_box(self, accounts: Sequence[DemoAccount]) -> QGroupBox:
        """`desk --demo`: every demo account as a button (name and role); one click logs in."""
        box = QGroupBox(self.tr("Try the demo: log in with one click"))
        box.setObjectName("demoAccounts")
        grid = QGridLayout(box)
        for index, account in enumerate(accounts):
            role = demo_role_text(account)
            button = QPushButton(f"{account.name}\n{role}")
            button.setObjectName(f"demo_{account.username}")
            button.setAutoDefault(False)
            button.setAccessibleName(self.tr("Log in as {name}, {role}").format(name=account.name, role=role))
            button.setToolTip(self.tr("User name {user}, password \u201c{password}\u201d").format(
                user=account.username, password=DEMO_PASSWORD))
            button.clicked.connect(lambda _checked=False, user=account.username: self.log_in_as_demo(user))
            grid.addWidget(button, index // 2, index % 2)
            self.demo_buttons[account.username] = button
        self.demo_label = _plain_label(self.tr("Or type a user name below; every demo account has the "
                                               "password \u201c{password}\u201d.").format(password=DEMO_PASSWORD))
        self.demo_label.setObjectName("demoHint")
        grid.addWidget(self.demo_label, (len(self.demo_buttons) + 1) // 2, 0, 1, 2)
        return box

    def log_in_as_demo(self, username: str) -> None:
        """A demo account button: its user name and the demo password, then log in."""
        if self._busy or self._wait > 0:
            return
        self.username.setText(username)
        self.password.setText(DEMO_PASSWORD)
        self._submit()

    def _update_buttons(self) -> None:
        free = not self._busy and self._wait <= 0
        self.login_button.setEnabled(free and bool(self.username.text().strip()) and bool(self.password.text()))
        for button in getattr(self, "demo_buttons", {}).values():
            button.setEnabled(free)

    def _submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        username, password = self.username.text(), self.password.text()
        self._set_busy(True)
        self.message.setText(self.tr("Checking…"))
        accounts = self.ctx.services.accounts
        self.ctx.run_in_worker(lambda: accounts.login(Actor.login_screen(), username, password),
                               self._logged_in, self._failed, receiver=self)

    def _logged_in(self, actor: Actor) -> None:
        self._set_busy(False)
        one_time = self.password.text()
        self.password.clear()
        if actor.password_one_time:
            # nothing opens with a password the head set: the person chooses their own first
            self.own_password = OwnPasswordDialog(self.ctx, actor, one_time, self)
            self.own_password.finished.connect(self._own_password_done)
            self.own_password.open()
            return
        self.actor = actor
        self.accept()

    def _own_password_done(self, result: int) -> None:
        dialog = self.own_password
        self.own_password = None
        if dialog is not None and result == dialog.DialogCode.Accepted and dialog.actor is not None:
            self.actor = dialog.actor
            self.accept()
            return
        self.message.setText(self.tr("Your password is valid only once: choose your own to log in. "
                                     "Log in again with the password you were given."))
        self.password.setFocus()

    def _failed(self, error: Exception) -> None:
        self.password.clear()
        self.password.setFocus()
        self._show_error(error)


class LockDialog(_WaitingDialog):
    """The window is locked: the same person's password unlocks it; anyone may log out instead."""

    LOGOUT = 2

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("LockDialog")
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("desk – locked"))
        self.setModal(True)
        self.heading = _plain_label(self.tr("Locked. {name} can unlock with their password.")
                                    .format(name=ctx.actor.name))
        self.heading.setObjectName("lockHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
        if isinstance(label, QLabel):
            label.setBuddy(self.password)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.setToolTip(self.tr("Unlock (Enter)"))
        self.logout_button = QPushButton(self.tr("Log &out (someone else logs in)"))
        self.logout_button.setObjectName("logoutButton")
        self.logout_button.setToolTip(self.tr("Log out; unsaved input is lost (Ctrl+Shift+L)"))
        self.logout_button.setShortcut(QKeySequence("Ctrl+Shift+L"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.logout_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.unlock_button.clicked.connect(self._submit)
        self.logout_button.clicked.connect(lambda: self.done(self.LOGOUT))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.password.textChanged.connect(self._update_buttons)
        self.setMinimumWidth(420)
        self._update_buttons()
        self.password.setFocus()

    def reject(self) -> None:
        """Escape does not unlock (a lock screen cannot be dismissed)."""

    def _update_buttons(self) -> None:
        self.unlock_button.setEnabled(not self._busy and self._wait <= 0 and bool(self.password.text()))

    def _submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        password = self.password.text()
        self._set_busy(True)
        accounts, actor = self.ctx.services.accounts, self.ctx.actor
        self.ctx.run_in_worker(lambda: accounts.unlock(actor, password), self._unlocked, self._failed,
                               receiver=self)

    def _unlocked(self, actor: Actor) -> None:
        self._set_busy(False)
        self.actor = actor
        self.password.clear()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.password.clear()
        self.password.setFocus()
        self._show_error(error)


class OwnPasswordDialog(_WaitingDialog):
    """After a login with a one-time password (one the head of department set): the person's own
    password, typed twice; `actor` holds the session (no longer one-time) after accept().
    `one_time_password` None: changing one's password any time (File menu), with the current one."""

    def __init__(self, ctx: UiContext, actor: Actor, one_time_password: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("OwnPasswordDialog")
        self._session = actor
        self._one_time = one_time_password or ""
        self.changing = one_time_password is None
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("desk – change your password") if self.changing
                            else self.tr("desk – choose your own password"))
        self.setModal(True)
        self.heading = _plain_label(self.tr("Change your password") if self.changing
                                    else self.tr("Choose your own password"))
        self.heading.setObjectName("ownPasswordHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = _plain_label(self.tr(
            "{name}: type your current password, then the new one twice.").format(name=actor.name)
            if self.changing else self.tr(
            "{name}, your password was set by the head of department and is valid only for this "
            "login. Choose your own password now; nobody else will know it. Nothing opens before.")
            .format(name=actor.name))
        self.current = QLineEdit(self)  # parented: in the one-time mode it is in no form row
        self.current.setObjectName("currentPassword")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(self.tr("Current password"))
        self.current.setMaxLength(200)
        self.intro.setObjectName("ownPasswordIntro")
        self.first = QLineEdit()
        self.first.setObjectName("newPassword")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New password"))
        self.first.setMaxLength(200)
        self.second = QLineEdit()
        self.second.setObjectName("repeatPassword")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat password"))
        self.second.setMaxLength(200)
        form = QFormLayout()
        if self.changing:
            form.addRow(self.tr("&Current password:"), self.current)
        else:
            self.current.hide()
        form.addRow(self.tr("&New password (at least {count} characters):").format(count=MIN_PASSWORD_LENGTH),
                    self.first)
        form.addRow(self.tr("&Repeat password:"), self.second)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(label, QLabel):
                label.setBuddy(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.message.setObjectName("ownPasswordMessage")
        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save") if self.changing else self.tr("&Save and continue"))
        self.save_button.setObjectName("saveOwnPassword")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Cancel"))
        cancel.setToolTip(self.tr("Keep the current password (Esc)") if self.changing
                          else self.tr("Back to the login (Esc); nothing opens"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.first.textChanged.connect(self._update_buttons)
        self.second.textChanged.connect(self._update_buttons)
        self.current.textChanged.connect(self._update_buttons)
        self.setMinimumWidth(480)
        layout.activate()
        width = max(self.minimumWidth(), layout.minimumSize().width())
        self.setMinimumSize(width, layout.totalHeightForWidth(width))
        self._update_buttons()
        (self.current if self.changing else self.first).setFocus()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self._busy and self._wait <= 0 and bool(self.first.text())
                                    and bool(self.second.text()) and (not self.changing or bool(self.current.text())))

    def _submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        if self.first.text() != self.second.text():
            self.message.setText(self.tr("The two passwords differ. Type the new password twice."))
            self.second.clear()
            self.second.setFocus()
            return
        new, session = self.first.text(), self._session
        one_time = self.current.text() if self.changing else self._one_time
        self._set_busy(True)
        self.message.setText(self.tr("Saving…"))
        accounts = self.ctx.services.accounts
        self.ctx.run_in_worker(lambda: accounts.change_own_password(session, one_time, new),
                               self._changed, self._failed, receiver=self)

    def _changed(self, actor: Actor) -> None:
        self._set_busy(False)
        self._one_time = ""
        for field in (self.current, self.first, self.second):
            field.clear()
        self.actor = actor
        self.accept()

    def _failed(self, error: Exception) -> None:
        for field in (self.current, self.first, self.second):
            field.clear()
        (self.current if self.changing else self.first).setFocus()
        self._show_error(error)

    def reject(self) -> None:
        self._one_time = ""
        super().reject()


def _machine_server(ctx: UiContext) -> str | None:
    """The server the machine configuration names, when this (first-start) database is a local
    SQLite file instead; else None."""
    if not ctx.services.database_name.startswith("SQLite"):
        return None
    try:
        config = load_config()
    except DeskError:
        return None
    if not config.machine_names_a_server:
        return None
    return mask_password(str(config.machine.get("database.url")))


class FirstStartWizard(LockAwareDialog):
    """First start on an empty database: the first head-of-department account."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstStartWizard")
        set_window_icon(self)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("desk – first start"))
        intro = _plain_label(self.tr(
            "Welcome. This database has no accounts yet. Create the account of the head of "
            "department (Leitung); with it you then create an account for every colleague "
            "(no shared logins)."))
        intro.setObjectName("wizardIntro")
        self.database_label = _plain_label(self.tr("The database being set up: {name}").format(
            name=ctx.services.database_name))
        self.database_label.setObjectName("wizardDatabase")
        self.local_warning = _plain_label()
        self.local_warning.setObjectName("wizardLocalWarning")
        self.local_warning.setStyleSheet("color: #b00020; font-weight: bold")
        server = _machine_server(ctx)
        if server is not None:
            self.local_warning.setText(self.tr(
                "Warning: this PC's machine configuration names the database server {server}, but desk "
                "is about to set up a database file of its own on this PC. Colleagues will not see "
                "what is entered here. Quit and start desk without another address (or ask the "
                "administrator) unless this is intended.").format(server=server))
        self.local_warning.setVisible(server is not None)
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(self.tr("Full name"))
        self.display_name.setMaxLength(200)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.username.setMaxLength(40)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat password"))
        form = QFormLayout()
        form.addRow(self.tr("Full &name:"), self.display_name)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password (at least 8 characters):"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.repeat)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            if isinstance(label, QLabel):
                label.setBuddy(form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.message = _plain_label()
        self.message.setObjectName("wizardMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Create account"))
        self.ok_button.setObjectName("createButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.database_label)
        layout.addWidget(self.local_warning)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.username.textEdited.connect(lambda text: self.username.setText(text.lower()))

    def _submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        account = NewAccount(username=self.username.text(), display_name=self.display_name.text(),
                             role=Role.HEAD, password=self.password.text())
        self.ok_button.setEnabled(False)
        accounts = self.ctx.services.accounts
        self.ctx.run_in_worker(lambda: accounts.create_first_head(Actor.login_screen(), account),
                               self._created, self._failed, receiver=self)

    def _created(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.ok_button.setEnabled(True)
        self.message.setText(error_text(error))
