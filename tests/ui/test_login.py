"""Login, growing delay without blocking, lock/unlock, first-start wizard, role change (pytest-qt)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGroupBox

from desk.domain.model import Role
from desk.services.accounts import NewAccount
from desk.services.context import Actor
from desk.tools.demo import demo_accounts
from desk.ui.login import DemoAccount, FirstStartWizard, LockDialog, LoginDialog

DEMO = [DemoAccount(*account) for account in demo_accounts()]


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    from argon2 import PasswordHasher

    monkeypatch.setattr("desk.services.passwords._HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def ctx(sqlite_services, make_ui_ctx):
    return make_ui_ctx(sqlite_services, Actor.login_screen())


@pytest.fixture
def head_account(sqlite_services):
    return sqlite_services.accounts.create_first_head(
        Actor.login_screen(), NewAccount("chefin", "Frau <b>Chefin</b>", Role.HEAD, "geheim-123"))


def test_first_start_wizard_creates_the_head(qtbot, ctx) -> None:
    wizard = FirstStartWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.display_name.setText("Frau Leitung")
    wizard.username.setText("leitung1")
    wizard.password.setText("geheim-123")
    wizard.repeat.setText("geheim-999")
    wizard._submit()
    assert wizard.message.text() and wizard.actor is None  # the passwords differ: nothing created
    assert ctx.services.accounts.needs_first_account(Actor.login_screen())
    wizard.repeat.setText("geheim-123")
    with qtbot.waitSignal(wizard.accepted, timeout=5000):
        wizard._submit()
    assert wizard.actor is not None and wizard.actor.role is Role.HEAD
    assert not ctx.services.accounts.needs_first_account(Actor.login_screen())


def test_login_wrong_then_right_and_the_wait_is_a_countdown(qtbot, ctx, head_account, ui_clock) -> None:
    dialog = LoginDialog(ctx, demo_accounts=DEMO)
    qtbot.addWidget(dialog)
    assert dialog.demo_label is not None and "demo" in dialog.demo_label.text()
    assert not dialog.login_button.isEnabled()
    dialog.username.setText("chefin")
    for _ in range(3):
        dialog.password.setText("falsch")
        dialog._submit()
        qtbot.waitUntil(lambda: not dialog._busy, timeout=5000)
    assert dialog._wait > 0  # the third wrong password starts the wait
    dialog.password.setText("geheim-123")
    assert not dialog.login_button.isEnabled()  # refused until the countdown ends, GUI stays live
    dialog._wait = 1
    dialog._tick()
    ui_clock.advance(timedelta(seconds=30))  # the services' wait is over too
    assert dialog.login_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog._submit()
    assert dialog.actor is not None and dialog.actor.staff_id == head_account.staff_id
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_lock_dialog_needs_the_same_password_and_escape_does_not_unlock(qtbot, ctx, head_account) -> None:
    ctx.actor = head_account
    dialog = LockDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "<b>Chefin</b>" in dialog.heading.text()  # plain text: shown literally
    dialog.reject()
    assert dialog.isVisible()
    dialog.password.setText("falsch")
    dialog._submit()
    qtbot.waitUntil(lambda: not dialog._busy, timeout=5000)
    assert dialog.message.text()
    dialog.password.setText("geheim-123")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog._submit()
    assert dialog.actor.staff_id == head_account.staff_id


def test_demo_login_offers_every_demo_account_as_one_click(qtbot, ctx, sqlite_services, monkeypatch) -> None:
    from desk.tools.demo import STAFF_PLAN
    from desk.tools.names import STAFF_NAMES

    monkeypatch.setattr("desk.ui.login.dialogs.DEMO_PASSWORD", "demo-pass-1")  # real demo: "demo" (too short here)
    head = sqlite_services.accounts.create_first_head(
        Actor.login_screen(), NewAccount("leitung", "Sabine Köhler", Role.HEAD, "demo-pass-1"))
    dialog = LoginDialog(ctx, demo_accounts=DEMO)
    qtbot.addWidget(dialog)
    assert list(dialog.demo_buttons) == [plan[0] for plan in STAFF_PLAN]
    leitung = dialog.demo_buttons["leitung"]
    assert leitung.text() == f"{STAFF_NAMES['leitung']}\nhead of department"  # name and role
    assert dialog.demo_buttons["mbe"].text().endswith("counselling \u00b7 MBE")
    assert leitung.accessibleName() == "Log in as Sabine Köhler, head of department"
    assert "leitung" in leitung.toolTip()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(leitung, Qt.MouseButton.LeftButton)  # one click: no typing
    assert dialog.actor is not None and dialog.actor.staff_id == head.staff_id
    assert dialog.password.text() == ""


def test_demo_buttons_wait_while_a_login_is_checked(qtbot, ctx) -> None:
    dialog = LoginDialog(ctx, demo_accounts=DEMO)
    qtbot.addWidget(dialog)
    dialog._set_busy(True)
    assert not any(button.isEnabled() for button in dialog.demo_buttons.values())
    dialog.log_in_as_demo("leitung")  # ignored while busy
    assert dialog.username.text() == ""
    dialog._set_busy(False)
    assert all(button.isEnabled() for button in dialog.demo_buttons.values())


def test_demo_login_in_german(qtbot, ctx) -> None:
    from desk.ui.i18n import install_language

    install_language("de")
    dialog = LoginDialog(ctx, demo_accounts=DEMO)
    qtbot.addWidget(dialog)
    assert dialog.demo_buttons["leitung"].text().endswith("Fachbereichsleitung")
    assert dialog.demo_buttons["im"].text().endswith("Beratung \u00b7 IM")
    assert dialog.demo_buttons["empfang"].accessibleName() == "Anmelden als Jonas Weber, Empfang"
    assert dialog.findChild(QGroupBox, "demoAccounts").title() == "Demo ausprobieren: mit einem Klick anmelden"
    assert "\u201edemo\u201c" in dialog.demo_label.text()


def test_without_demo_there_are_no_demo_accounts(qtbot, ctx) -> None:
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.demo_buttons == {} and dialog.demo_label is None
    assert dialog.findChild(QGroupBox, "demoAccounts") is None


def test_a_one_time_password_opens_nothing_until_the_person_chose_their_own(qtbot, ctx, head_account) -> None:
    """The head created the account: at the first login the colleague must choose their own
    password (typed twice) before any view opens; cancelling leads back to the login."""
    ctx.services.accounts.create_account(head_account, NewAccount("empf", "Frau <i>Empfang</i>", Role.RECEPTION,
                                                                  "vom-chef-2026"))
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("empf")
    dialog.password.setText("vom-chef-2026")
    dialog._submit()
    qtbot.waitUntil(lambda: dialog.own_password is not None and dialog.own_password.isVisible(), timeout=5000)
    own = dialog.own_password
    assert dialog.actor is None and dialog.result() != QDialog.DialogCode.Accepted  # nothing opened
    assert "<i>Empfang</i>" in own.intro.text()  # plain text
    # cancelled: back to the login, nobody logged in
    own.reject()
    qtbot.waitUntil(lambda: dialog.own_password is None, timeout=5000)
    assert dialog.actor is None and dialog.isVisible() and "valid only once" in dialog.message.text()
    dialog.username.setText("empf")
    dialog.password.setText("vom-chef-2026")
    dialog._submit()
    qtbot.waitUntil(lambda: dialog.own_password is not None and dialog.own_password.isVisible(), timeout=5000)
    own = dialog.own_password
    own.first.setText("mein-eigenes-1")
    own.second.setText("mein-eigenes-2")
    own._submit()
    assert "differ" in own.message.text() and own.isVisible()
    own.first.setText("kurz")
    own.second.setText("kurz")
    own._submit()
    qtbot.waitUntil(lambda: not own._busy and "at least" in own.message.text(), timeout=5000)
    own.first.setText("mein-eigenes-1")
    own.second.setText("mein-eigenes-1")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        own._submit()
    assert dialog.actor is not None and not dialog.actor.password_one_time
    assert dialog.actor.role is Role.RECEPTION
    accounts = ctx.services.accounts
    assert not accounts.login(Actor.login_screen(), "empf", "mein-eigenes-1").password_one_time
    from desk.services.auditlog import AuditFilter

    (change,) = ctx.services.audit_log.query(head_account, AuditFilter(action="account.password_change"))
    assert change.actor_id == dialog.actor.staff_id and "mein-eigenes" not in change.details


def test_the_own_password_dialog_in_german(qtbot, ctx, head_account) -> None:
    from desk.ui.i18n import install_language
    from desk.ui.login import OwnPasswordDialog

    install_language("de")
    one_time = Actor(staff_id=head_account.staff_id, name="Frau Chefin", role=Role.HEAD, password_one_time=True)
    dialog = OwnPasswordDialog(ctx, one_time, "geheim-123")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.heading.text() == "Eigenes Passwort wählen"
    assert "Frau Chefin" in dialog.intro.text() and "Fachbereichsleitung" in dialog.intro.text()
    assert dialog.save_button.text().replace("&", "") == "Speichern und weiter"
