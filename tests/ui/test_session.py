"""The window session: login opens the window, Ctrl+L locks (window hidden), the same password
unlocks, a role changed elsewhere reopens the window with the new rights, a deactivated account
is logged out, the idle timer locks."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desk.domain.model import Role
from desk.services.accounts import NewAccount
from desk.services.context import Actor
from desk.ui import shell
from desk.ui.login import LockDialog, LoginDialog


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr("desk.services.passwords._HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def session(qtbot, sqlite_services, tmp_path, monkeypatch, make_ui_ctx):
    head = sqlite_services.accounts.create_first_head(
        Actor.login_screen(), NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))
    ctx = make_ui_ctx(sqlite_services, Actor.login_screen())
    ctx.settings.last_view = "verwaltung"
    messages: list[str] = []
    monkeypatch.setattr(shell, "_message", lambda _parent, text: messages.append(text))
    quits: list[bool] = []
    app = QApplication.instance()
    monkeypatch.setattr(app, "quit", lambda: quits.append(True))
    s = shell.Session(app, ctx, live_updates=False)
    s.messages, s.quits, s.head = messages, quits, head
    yield s
    s._close_window()


def _accept_login(monkeypatch, username: str, password: str) -> None:
    def fake_exec(dialog: LoginDialog) -> int:
        dialog.actor = dialog.ctx.services.accounts.login(Actor.login_screen(), username, password)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)


def test_login_lock_unlock_and_role_change(qtbot, session, monkeypatch) -> None:
    _accept_login(monkeypatch, "chefin", "geheim-123")
    assert session.log_in()
    session.open_window()
    assert session.window.isVisible() and session.ctx.actor.role is Role.HEAD
    assert session.lock_action.shortcut().toString() == "Ctrl+L"

    seen = {}

    def fake_lock_exec(dialog: LockDialog) -> int:
        seen["hidden"] = not session.window.isVisible()
        dialog.actor = dialog.ctx.services.accounts.unlock(dialog.ctx.actor, "geheim-123")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LockDialog, "exec", fake_lock_exec)
    session.lock()
    assert seen["hidden"] and session.window.isVisible() and not session.locked

    # another head of department demotes this account: the window reopens with the new rights
    services, head = session.ctx.services, session.head
    other = services.accounts.create_account(head, NewAccount("zweite", "Zweite", Role.HEAD, "passwort-2"))
    me = next(a for a in services.accounts.accounts(head) if a.id == head.staff_id)
    services.accounts.change_account(Actor(staff_id=other.id, name="Zweite", role=Role.HEAD), me.id, me.version,
                                     role=Role.RECEPTION)
    old_window = session.window
    session._on_data_changed(frozenset({"staff"}))
    qtbot.waitUntil(lambda: session.window is not old_window, timeout=5000)
    assert session.ctx.actor.role is Role.RECEPTION
    assert "verwaltung" not in [spec.key for spec in session.window._specs]
    assert session.messages

    # deactivated: logged out; the login dialog is closed -> the program quits
    me = next(a for a in services.accounts.accounts(head) if a.id == head.staff_id)
    services.accounts.change_account(Actor(staff_id=other.id, name="Zweite", role=Role.HEAD), me.id, me.version,
                                     active=False)
    monkeypatch.setattr(LoginDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    session._on_data_changed(frozenset({"staff"}))
    qtbot.waitUntil(lambda: session.window is None, timeout=5000)
    assert session.quits


def test_idle_timer_locks(qtbot, session, monkeypatch) -> None:
    _accept_login(monkeypatch, "chefin", "geheim-123")
    session.ctx.services.reference.change_setting(session.head, "idle_lock_minutes", 1)
    assert session.log_in()
    session.open_window()
    assert session.idle_timer.isActive()
    # the setting is read in a worker (never on the GUI thread, which restarts the timer at every key)
    qtbot.waitUntil(lambda: session.idle_timer.interval() == 60_000, timeout=20000)
    locked = []
    monkeypatch.setattr(session, "lock", lambda: locked.append(True))
    session.idle_timer.setInterval(10)
    session.idle_timer.start()
    qtbot.waitUntil(lambda: bool(locked), timeout=2000)


def test_a_damaged_file_found_during_login_closes_the_dialog(qtbot, session, monkeypatch) -> None:
    def exec_while_check_reports(dialog: LoginDialog) -> int:
        session.on_start_check("database disk image is malformed")
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_while_check_reports)
    assert not session.log_in()
    assert session.damaged == "database disk image is malformed"


def test_quick_check_reports_a_damaged_file(tmp_path, head) -> None:
    from desk.services.bootstrap import prepare_database
    from desk.services.clients import ClientInput
    from desk.services.desk import build_services
    from desk.storage.engine import open_database, sqlite_url

    services = build_services(prepare_database(sqlite_url(tmp_path / "d.sqlite")))
    assert shell.quick_check(services) is None
    for i in range(150):
        services.clients.create(head, ClientInput(given_name=f"N{i}", family_name=f"F{i}" * 30))
    path = services.db.sqlite_path
    services.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(len(data) - 6 * page, len(data) - 2 * page):  # data pages, not the schema
        data[offset] = 0x13
    path.write_bytes(bytes(data))
    services = build_services(open_database(sqlite_url(path)))
    try:
        assert shell.quick_check(services) is not None
    finally:
        services.close()


# every dialog of tests/ui/test_accessibility.py but the login (shown before anyone is logged in)
DIALOGS = ["check-in", "client card", "appointment", "absence", "booking", "account", "password",
           "first day", "shortcuts", "interpreter", "working hours", "erase", "first start", "hand over", "refer"]


def _logged_in_with_fake_unlock(session, monkeypatch, seen: dict) -> None:
    _accept_login(monkeypatch, "chefin", "geheim-123")
    assert session.log_in()
    session.open_window()

    def fake_lock_exec(lock_dialog: LockDialog) -> int:
        seen["visible while locked"] = [type(w).__name__ for w in QApplication.topLevelWidgets()
                                        if w.isVisible() and w is not lock_dialog]
        lock_dialog.actor = lock_dialog.ctx.services.accounts.unlock(lock_dialog.ctx.actor, "geheim-123")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LockDialog, "exec", fake_lock_exec)


@pytest.mark.parametrize("name", DIALOGS)
def test_the_lock_hides_every_window_and_each_dialog_comes_back(qtbot, session, monkeypatch, name) -> None:
    """A card (name, birth date, phone) or any other dialog open at Ctrl+L / the idle lock is
    hidden with the main window, comes back after the unlock, and its exec() goes on."""
    from test_accessibility import _dialogs

    seen: dict = {}
    _logged_in_with_fake_unlock(session, monkeypatch, seen)
    dialog = dict(_dialogs(session.ctx, session.window))[name]()
    qtbot.addWidget(dialog)

    def while_open() -> None:
        assert dialog.isVisible()
        session.lock()
        seen["after unlock"] = (dialog.isVisible(), session.window.isVisible())
        QTimer.singleShot(0, lambda: QDialog.done(dialog, 77))

    QTimer.singleShot(0, while_open)
    result = dialog.exec()
    assert seen["visible while locked"] == []
    assert seen["after unlock"] == (True, True)
    assert result == 77  # the dialog's own end, not the "cancelled" that hiding it would give


def test_ctrl_l_locks_from_inside_a_modal_dialog_and_a_message_box_is_hidden(qtbot, session, monkeypatch) -> None:
    seen: dict = {}
    _logged_in_with_fake_unlock(session, monkeypatch, seen)
    box = QMessageBox(QMessageBox.Icon.Question, "desk", "Wirklich?", parent=session.window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.show()
    from desk.ui.views.verwaltung.dialogs import EraseDialog

    dialog = EraseDialog(1)
    qtbot.addWidget(dialog)

    def press() -> None:
        QTest.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "visible while locked" in seen, timeout=2000)
        QTimer.singleShot(0, lambda: QDialog.done(dialog, 5))

    QTimer.singleShot(0, press)
    assert dialog.exec() == 5
    assert seen["visible while locked"] == []
    assert box.isVisible() and session.window.isVisible()
    box.close()


def test_every_dialog_class_survives_the_lock() -> None:
    """Every dialog of desk derives from LockAwareDialog (whose exec() goes on after the unlock)."""
    import ast
    from pathlib import Path

    import desk.ui

    plain = []
    for path in Path(desk.ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name != "LockAwareDialog":
                bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
                if bases & {"QDialog", "QMessageBox", "QFileDialog", "QInputDialog"}:
                    plain.append(f"{path.name}:{node.name}")
    assert plain == []


def test_the_restore_offer_for_a_damaged_file_finds_and_restores_the_backup_in_workers(
        qtbot, session, monkeypatch) -> None:
    services = session.ctx.services
    services.backup.backup_now(Actor.system())
    asked: list[str] = []

    def click_restore(box: QMessageBox) -> int:
        asked.append(box.text())
        box.buttons()[0].click()  # "Restore backup"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    shell.offer_restore(session.ctx, "database disk image is malformed")
    assert len(asked) == 1 and "malformed" in asked[0]
    assert session.messages and "restored" in session.messages[-1]


def test_the_file_menu_changes_ones_own_password(qtbot, session, monkeypatch) -> None:
    """Anyone logged in changes their own password (File menu): the current one, the new one twice."""
    from desk.ui.login import OwnPasswordDialog

    _accept_login(monkeypatch, "chefin", "geheim-123")
    assert session.log_in()
    session.open_window()
    assert session.password_action in session.window.file_menu.actions()
    seen = {}

    def fake_exec(dialog: OwnPasswordDialog) -> int:
        seen["fields"] = dialog.current.isVisibleTo(dialog), dialog.changing
        dialog.current.setText("falsch-123")
        dialog.first.setText("ganz-neu-2026")
        dialog.second.setText("ganz-neu-2026")
        dialog._submit()
        qtbot.waitUntil(lambda: not dialog._busy, timeout=5000)
        seen["wrong"] = dialog.message.text()
        dialog.current.setText("geheim-123")
        dialog.first.setText("ganz-neu-2026")
        dialog.second.setText("ganz-neu-2026")
        with qtbot.waitSignal(dialog.accepted, timeout=5000):
            dialog._submit()
        return dialog.result()

    monkeypatch.setattr(OwnPasswordDialog, "exec", fake_exec)
    session.password_action.trigger()
    assert seen["fields"] == (True, True) and "Wrong password" in seen["wrong"]
    assert session.messages[-1] == "Your password was changed."
    accounts = session.ctx.services.accounts
    assert accounts.login(Actor.login_screen(), "chefin", "ganz-neu-2026").staff_id == session.head.staff_id
    assert session.window.isVisible() and session.ctx.actor.staff_id == session.head.staff_id
