"""The Verwaltung view: models (qtmodeltester), every tab loads, settings save, audit filter,
erasure and purge from the data-protection tab, backup now, plain text everywhere."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt

from desk.domain.model import Role
from desk.services.accounts import NewAccount
from desk.services.auditlog import AuditFilter
from desk.services.context import Actor
from desk.ui.views.verwaltung import VerwaltungView
from desk.ui.views.verwaltung.models import AccountsModel, AuditColumn, AuditModel, BackupsModel


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr("desk.services.passwords._HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def head_actor(sqlite_services):
    return sqlite_services.accounts.create_first_head(
        Actor.login_screen(), NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))


@pytest.fixture
def view(qtbot, sqlite_services, head_actor, make_ui_ctx, ui_clock):
    # audit entries are stamped when they are written (storage), not by the services' clock: the
    # UI's clock stands at the newest one, so the audit tab's default period (the 30 days up to
    # the UI's today) holds what the test writes, on whatever day it runs
    ui_clock.set(max(e.at for e in sqlite_services.audit_log.query(head_actor, AuditFilter())))
    ctx = make_ui_ctx(sqlite_services, head_actor)
    widget = VerwaltungView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.on_shown()
    return widget


def test_models_pass_the_model_tester(qtmodeltester, sqlite_services, head_actor) -> None:
    sqlite_services.accounts.create_account(head_actor, NewAccount("x1", "<b>Bold</b>", Role.RECEPTION, "passwort-1"))
    accounts = AccountsModel()
    accounts.set_rows(sqlite_services.accounts.accounts(head_actor))
    qtmodeltester.check(accounts)
    assert accounts.data(accounts.index(0, 0)) in {"<b>Bold</b>", "Frau Chefin"}
    audit = AuditModel()
    audit.set_rows(sqlite_services.audit_log.query(head_actor, AuditFilter()))
    qtmodeltester.check(audit)
    backups = BackupsModel()
    sqlite_services.backup.backup_now(head_actor)
    backups.set_rows(sqlite_services.backup.backups(head_actor))
    qtmodeltester.check(backups)
    assert backups.rowCount() == 1


def test_every_tab_loads(qtbot, view, settle) -> None:
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        settle(view.ctx)
    qtbot.waitUntil(lambda: view.accounts.model.rowCount() == 1, timeout=20000)
    qtbot.waitUntil(lambda: view.settings.editors["centre_name"].text() != "", timeout=20000)
    qtbot.waitUntil(lambda: view.audit.model.rowCount() >= 1, timeout=20000)


def test_settings_are_saved_and_audited(qtbot, view, sqlite_services, head_actor) -> None:
    view.tabs.setCurrentWidget(view.settings)
    qtbot.waitUntil(lambda: view.settings.editors["centre_name"].text() != "", timeout=20000)
    view.settings.editors["idle_lock_minutes"].setValue(3)
    view.settings.editors["retention_months.visits"].setValue(18)
    view.settings.save()
    qtbot.waitUntil(lambda: view.settings.status.text().startswith("2"), timeout=20000)
    settings = sqlite_services.reference.settings(head_actor)
    assert settings.idle_lock_minutes == 3
    assert settings.retention_months.visits == 18 and settings.retention_months.audit_log == 24
    rows = sqlite_services.audit_log.query(head_actor, AuditFilter(action="setting.change"))
    assert len(rows) == 2


def test_audit_filter_by_client(qtbot, view, sqlite_services, head_actor) -> None:
    from desk.services.clients import ClientInput

    client = sqlite_services.clients.create(head_actor, ClientInput(given_name="Amal", family_name="Haddad"))
    sqlite_services.clients.card(head_actor, client.id)
    view.tabs.setCurrentWidget(view.audit)
    view.audit.client.setText(f"K{client.id:05d}")
    view.audit.action.setCurrentIndex(view.audit.action.findData("client.read"))
    view.audit.search()
    qtbot.waitUntil(lambda: view.audit.model.rowCount() == 1, timeout=20000)
    view.audit.client.setText("nonsense")
    view.audit.search()
    assert "nonsense" in view.audit.status.text()


def test_erase_and_purge_from_the_data_protection_tab(qtbot, view, sqlite_services, head_actor, monkeypatch) -> None:
    from desk.services.clients import ClientInput
    from desk.ui.views.verwaltung import view as view_module

    client = sqlite_services.clients.create(head_actor, ClientInput(given_name="Weg", family_name="Damit"))
    view.tabs.setCurrentWidget(view.privacy)
    view.privacy.client.setText(str(client.id))
    monkeypatch.setattr(view_module.EraseDialog, "exec", lambda self: self.DialogCode.Accepted)
    view.privacy.erase()
    qtbot.waitUntil(lambda: "K" in view.privacy.status.text(), timeout=20000)
    assert sqlite_services.audit_log.query(head_actor, AuditFilter(action="client.erase"))
    view.privacy.purge()
    qtbot.waitUntil(lambda: view.privacy.status.text().startswith(("Purge", "Bereinigung")), timeout=20000)


def test_backup_now_lists_the_new_backup(qtbot, view) -> None:
    view.tabs.setCurrentWidget(view.backups)
    view.backups.backup_now()
    qtbot.waitUntil(lambda: view.backups.model.rowCount() == 1, timeout=20000)
    view.backups.check()
    from desk.storage.migrate import HEAD_REVISION

    qtbot.waitUntil(lambda: HEAD_REVISION in view.backups.status.text(), timeout=20000)


def test_restore_runs_in_a_worker_and_then_closes_desk(qtbot, view, sqlite_services, head_actor,
                                                       monkeypatch, settle) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk.services.clients import ClientInput

    view.tabs.setCurrentWidget(view.backups)
    view.backups.backup_now()
    qtbot.waitUntil(lambda: view.backups.model.rowCount() == 1, timeout=20000)
    sqlite_services.clients.create(head_actor, ClientInput(given_name="Nach", family_name="Sicherung"))
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:  # a person confirms every question
        asked.append(box.text())
        if box.buttons():
            box.buttons()[0].click()
        return 0

    quits: list[int] = []
    monkeypatch.setattr(QMessageBox, "exec", answer)
    monkeypatch.setattr(QApplication, "quit", lambda *_args: quits.append(1))
    view.backups.table.selectRow(0)
    view.backups.restore()
    assert not view.backups.restore_button.isEnabled()  # waits for the worker, no second restore
    qtbot.waitUntil(lambda: quits == [1], timeout=20000)
    settle(view.ctx)
    assert len(asked) == 2 and "restored" in asked[-1]
    assert sqlite_services.clients.search(head_actor, "Sicherung") == []  # the database of the backup


def test_erase_dialog_needs_the_number(qtbot) -> None:
    from desk.ui.views.verwaltung.dialogs import EraseDialog

    dialog = EraseDialog(42)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.confirm.setText("K00041")
    assert not dialog.ok.isEnabled()
    dialog.confirm.setText("k00042")
    assert dialog.ok.isEnabled()
    dialog.confirm.setText("K-000042")  # the form desk shows everywhere
    assert dialog.ok.isEnabled()


def test_time_is_shown_in_berlin(qtbot) -> None:
    from desk.domain.model import AuditRow

    model = AuditModel()
    model.set_rows([AuditRow(1, datetime(2026, 7, 1, 10, 0, tzinfo=UTC), None, "x", "login.success", "", None,
                             None, "{}", "pc")])
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole).endswith("12:00")


def test_new_account_dialog_saves_off_the_gui_thread_and_stays_open_on_error(qtbot, view, sqlite_services,
                                                                             head_actor) -> None:
    from desk.ui.views.verwaltung.dialogs import AccountDialog

    dialog = AccountDialog(sqlite_services.reference.services(head_actor), None, view)
    qtbot.addWidget(dialog)
    calls = []

    def work():
        name = dialog.username.text()
        return lambda: calls.append(name) or sqlite_services.accounts.create_account(
            head_actor, NewAccount(name, dialog.display_name.text(), dialog.chosen_role(), dialog.password.text()))

    dialog.run_on_accept(view.ctx, work)
    dialog.username.setText("neu")
    dialog.display_name.setText("Neue Kollegin")
    dialog.password.setText("kurz")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=20000)
    assert dialog.result() != dialog.DialogCode.Accepted  # stays open with the message
    dialog.password.setText("lang-genug-1")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted or len(calls) == 2 and dialog.isEnabled(),
                    timeout=20000)
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.message.text()
    assert calls == ["neu", "neu"]
    assert any(a.username == "neu" for a in sqlite_services.accounts.accounts(head_actor))


def test_account_dialog_shows_and_returns_the_role(qtbot, sqlite_services, head_actor) -> None:
    from desk.ui.views.verwaltung.dialogs import AccountDialog

    row = sqlite_services.accounts.create_account(head_actor, NewAccount("bera", "B", Role.COUNSELLOR, "passwort-1"))
    dialog = AccountDialog(sqlite_services.reference.services(head_actor), row)
    qtbot.addWidget(dialog)
    assert dialog.chosen_role() is Role.COUNSELLOR
    dialog.role.setCurrentIndex(dialog.role.findData(Role.HEAD.value))
    assert dialog.chosen_role() is Role.HEAD


def _accept_with(qtbot, monkeypatch, dialog_class, fill):
    """Replace exec(): fill the dialog, press Save, wait until it closed or shows a message."""
    def exec_(dialog):
        fill(dialog)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted or bool(dialog.message.text()),
                        timeout=20_000)
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)


def test_the_head_switches_on_a_service_renames_a_room_and_gives_a_counsellor_an_office(
        qtbot, view, sqlite_services, head_actor, monkeypatch) -> None:
    from desk.ui.views.verwaltung.dialogs import AccountDialog, RoomDialog, ServiceDialog

    view.tabs.setCurrentWidget(view.setup)
    tab = view.setup
    qtbot.waitUntil(lambda: tab.services_model.rowCount() == 5 and tab.rooms_model.rowCount() == 7, timeout=20000)
    # the planned Rückkehr- und Perspektivberatung: switched on with its hours
    rpb_row = next(i for i, s in enumerate(tab.services_model.rows()) if s.code == "RPB")
    tab.services_table.selectRow(rpb_row)

    def fill_service(dialog):
        dialog.active.setChecked(True)
        dialog.hours.setText("Di 14:00-16:00")

    _accept_with(qtbot, monkeypatch, ServiceDialog, fill_service)
    tab.edit_service_button.click()
    qtbot.waitUntil(lambda: tab.services_model.rows()[rpb_row].active, timeout=20000)
    assert tab.services_model.index(rpb_row, 3).data() in ("Di 14:00-16:00", "Tue 14:00-16:00")
    # a prefix that is taken is refused in the dialog, with the reason
    messages = []

    def taken_prefix(dialog):
        dialog.prefix.setText("I")

    def record_message(dialog):
        taken_prefix(dialog)
        dialog.accept()
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=20000)
        messages.append(dialog.message.text())
        return dialog.DialogCode.Rejected

    monkeypatch.setattr(ServiceDialog, "exec", record_message)
    tab.edit_service_button.click()
    assert messages and "already used" in messages[0]
    # the room of the planned service gets its new name
    room_row = next(i for i, r in enumerate(tab.rooms_model.rows()) if r.name == "Büro Rückkehrberatung")
    tab.rooms_table.selectRow(room_row)
    _accept_with(qtbot, monkeypatch, RoomDialog, lambda dialog: dialog.name.setText("Büro Perspektivberatung"))
    tab.edit_room_button.click()
    qtbot.waitUntil(lambda: tab.rooms_model.rows()[room_row].name == "Büro Perspektivberatung", timeout=20000)
    # a counsellor's office is chosen on the Accounts tab
    account = sqlite_services.accounts.create_account(head_actor, NewAccount("bera", "Frau Bera", Role.COUNSELLOR,
                                                                             "passwort-12"))
    view.tabs.setCurrentWidget(view.accounts)
    qtbot.waitUntil(lambda: view.accounts.model.rowCount() == 2, timeout=20000)
    view.accounts.table.selectRow(next(i for i, a in enumerate(view.accounts.model.rows()) if a.id == account.id))
    _accept_with(qtbot, monkeypatch, AccountDialog,
                 lambda dialog: dialog.room.setCurrentIndex(dialog.room.findText("Büro Perspektivberatung")))
    view.accounts.edit_button.click()
    room_id = tab.rooms_model.rows()[room_row].id
    qtbot.waitUntil(lambda: next(a for a in sqlite_services.accounts.accounts(head_actor)
                                 if a.id == account.id).default_room_id == room_id, timeout=20000)
    with sqlite_services.uow() as uow:
        actions = {e.action for e in uow.audit.query(action_prefix="")}
    assert {"service.change", "room.change", "account.change"} <= actions


def test_audit_entries_read_as_german_words(qtbot) -> None:
    from desk.domain.model import AuditRow
    from desk.ui.i18n import install_language
    from desk.ui.views.verwaltung.models import AuditColumn

    install_language("de")
    row = AuditRow(id=1, at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC), actor_id=2, actor_name="Herr Berg",
                   action="visit.take_over", entity_type="visit", entity_id=7, client_id=42,
                   details='{"from_staff": "Frau Yilmaz", "ticket": "M-004", "active": true}', workstation="pc2")
    model = AuditModel()
    model.set_rows([row])
    assert model.index(0, AuditColumn.ACTION).data() == "Person einer Kollegin/eines Kollegen übernommen"
    assert model.index(0, AuditColumn.DETAILS).data() == "aktiv: ja; Person von: Frau Yilmaz; Nummer: M-004"
    assert model.index(0, AuditColumn.CLIENT).data() == "K-000042"


def test_the_head_resets_a_forgotten_password_in_the_accounts_tab(qtbot, view, sqlite_services, head_actor,
                                                                   monkeypatch) -> None:
    from cli_head import create_with_own_password

    from desk.ui.views.verwaltung.dialogs import PasswordDialog

    account = create_with_own_password(sqlite_services, head_actor,
                                       NewAccount("empf", "Frau Empfang", Role.RECEPTION, "vergessen-1"))
    view.tabs.setCurrentWidget(view.accounts)
    view.accounts.refresh()  # made behind the view's back (no live updates in this test)
    qtbot.waitUntil(lambda: view.accounts.model.rowCount() == 2, timeout=20000)
    view.accounts.table.selectRow(next(i for i, a in enumerate(view.accounts.model.rows()) if a.id == account.id))

    assert "one-time" not in view.accounts.model.data(view.accounts.model.index(
        next(i for i, a in enumerate(view.accounts.model.rows()) if a.id == account.id),
        view.accounts.model.columnCount() - 1))
    hints = []

    def fill(dialog):
        hints.append(dialog.one_time_hint.text() if dialog.one_time_hint.isVisibleTo(dialog) else "")
        dialog.first.setText("neu-gesetzt-1")
        dialog.second.setText("neu-gesetzt-1")

    _accept_with(qtbot, monkeypatch, PasswordDialog, fill)
    view.accounts.password_button.click()
    qtbot.waitUntil(lambda: bool(sqlite_services.audit_log.query(head_actor, AuditFilter(
        action="account.password_reset"))), timeout=20000)
    assert "valid once" in hints[0] and "Frau Empfang" in hints[0]
    assert "choose their own" in view.accounts.status.text()
    one_time = sqlite_services.accounts.login(Actor.login_screen(), "empf", "neu-gesetzt-1")
    assert one_time.role is Role.RECEPTION and one_time.password_one_time
    (entry,) = sqlite_services.audit_log.query(head_actor, AuditFilter(action="account.password_reset"))
    assert entry.entity_id == account.id and entry.actor_id == head_actor.staff_id
    view.accounts.refresh()
    qtbot.waitUntil(lambda: "one-time" in view.accounts.model.data(view.accounts.model.index(
        next(i for i, a in enumerate(view.accounts.model.rows()) if a.id == account.id),
        view.accounts.model.columnCount() - 1)), timeout=20000)


def test_the_audit_filter_by_client_shows_the_lists_that_showed_the_client(qtbot, view, sqlite_services,
                                                                           head_actor) -> None:
    from desk.services.checkin import CheckInRequest
    from desk.services.clients import ClientInput

    amal = sqlite_services.clients.create(head_actor, ClientInput(given_name="Amal", family_name="Haddad"))
    other = sqlite_services.clients.create(head_actor, ClientInput(given_name="Yusuf", family_name="Demir"))
    service = sqlite_services.reference.services(head_actor)[0].id
    reception = Actor(staff_id=None, name="Empfang (test)", role=Role.RECEPTION, workstation="pc1")
    for client in (amal, other):
        sqlite_services.checkin.check_in(reception, CheckInRequest(service_id=service, client_id=client.id))
    sqlite_services.waitlist.waiting_list(reception)
    view.tabs.setCurrentWidget(view.audit)
    view.audit.client.setText(amal.client_number)
    view.audit.action.setCurrentIndex(view.audit.action.findData("client.list_read"))
    view.audit.search()
    qtbot.waitUntil(lambda: view.audit.model.rowCount() == 1, timeout=20000)
    details = view.audit.model.index(0, AuditColumn.DETAILS).data()
    assert amal.client_number in details and other.client_number in details and "waiting list" in details
    assert view.audit.model.index(0, AuditColumn.USER).data() == "Empfang (test)"


def test_every_list_a_service_records_reads_as_words() -> None:
    import re
    from pathlib import Path

    from desk.ui.views.verwaltung.models import LIST_NAMES

    root = Path(__file__).resolve().parents[2] / "desk" / "services"
    recorded = {m for path in root.rglob("*.py")
                for m in re.findall(r'_list_reads\.record\(actor, "([a-z_]+)"', path.read_text(encoding="utf-8"))}
    assert recorded and recorded <= set(LIST_NAMES)


def test_the_settings_page_is_built_from_the_registry(qtbot, view) -> None:
    """Every setting on the page has its editor with the registry's bounds and a labelled buddy."""
    from PySide6.QtWidgets import QSpinBox

    from desk.domain.settings import SETTINGS, Kind

    page = view.settings
    for setting in SETTINGS:
        parts = [(f"{setting.key}.{p.key}", p) for p in setting.parts] if setting.kind is Kind.MONTHS \
            else [(setting.key, setting)]
        for key, spec in parts:
            if not setting.on_page:
                assert key not in page.editors
                continue
            editor = page.editors[key]
            assert editor.accessibleName(), key
            if spec.kind is Kind.NUMBER:
                assert isinstance(editor, QSpinBox) and (editor.minimum(), editor.maximum()) == (spec.low, spec.high)


def test_the_audit_filter_offers_every_registered_action_and_group(qtbot, view, sqlite_services, head_actor) -> None:
    """Bookings, alarms and calls can be filtered: the list comes from desk.domain.audit."""
    from desk.domain import audit

    combo = view.audit.action
    offered = {combo.itemData(i) for i in range(combo.count())}
    assert {a.code for a in audit.ACTIONS} <= offered
    assert {f"{g.prefix}." for g in audit.GROUPS} <= offered
    assert all(combo.itemText(i).strip() != combo.itemData(i) for i in range(combo.count()))  # words, not codes
    sqlite_services.alarms.raise_alarm(head_actor)
    view.tabs.setCurrentWidget(view.audit)
    combo.setCurrentIndex(combo.findData("alarm."))
    view.audit.search()
    qtbot.waitUntil(lambda: view.audit.model.rowCount() == 1, timeout=20000)
    assert [row.action for row in view.audit.model.rows()] == ["alarm.raise"]


def test_deactivating_someone_who_left_says_what_they_leave_behind(qtbot, view, sqlite_services, head_actor,
                                                                   ui_clock, monkeypatch, tmp_path) -> None:
    """The head deactivates a counsellor who left: before, she reads how many booked appointments
    lie ahead (from when) and where to move them; Cancel changes nothing; the appointments view
    then lists the counsellor as deactivated, and a booking dialog does not offer her."""
    import sys
    from datetime import timedelta
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))
    from reception_helpers import add_appointment

    from desk.domain.tickets import BERLIN
    from desk.ui.i18n import install_language
    from desk.ui.views.termine import TermineView
    from desk.ui.views.termine.dialogs import AppointmentDialog

    mbe = next(s for s in sqlite_services.reference.services(head_actor) if s.code == "MBE")
    account = sqlite_services.accounts.create_account(
        head_actor, NewAccount("yilmaz", "Frau <b>Yilmaz</b>", Role.COUNSELLOR, "passwort-1", frozenset({mbe.id})))
    first = ui_clock() + timedelta(days=3)
    for days in (0, 7, 14):
        add_appointment(sqlite_services, client_id=None, service_id=mbe.id, starts_at=first + timedelta(days=days),
                        staff_id=account.id)
    shown: list[tuple[str, Qt.TextFormat]] = []
    answer = {"button": "Cancel"}

    def exec_(box: QMessageBox) -> int:
        shown.append((box.text(), box.textFormat()))
        next(b for b in box.buttons() if b.text().replace("&", "") == answer["button"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    install_language("de")
    try:
        view.accounts.refresh()
        qtbot.waitUntil(lambda: view.accounts.model.rowCount() == 2, timeout=20000)
        view.accounts.table.selectRow(next(i for i, a in enumerate(view.accounts.model.rows()) if a.id == account.id))
        answer["button"] = "Abbrechen"
        view.accounts.active_button.click()
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=20000)
    finally:
        install_language("en")
    text, text_format = shown[0]
    assert text_format == Qt.TextFormat.PlainText and "Frau <b>Yilmaz</b>" in text
    assert "Gebuchte Termine ab jetzt: 3" in text and "unter „Termine“" in text
    assert f"der erste am {first.astimezone(BERLIN):%d.%m.%Y %H:%M}" in text  # the centre's time
    qtbot.waitUntil(lambda: view.accounts.active_button.isEnabled(), timeout=20000)
    assert next(a for a in sqlite_services.accounts.accounts(head_actor) if a.id == account.id).active  # cancelled

    answer["button"] = "Deactivate"
    view.accounts.active_button.click()
    qtbot.waitUntil(lambda: not next(a for a in sqlite_services.accounts.accounts(head_actor)
                                     if a.id == account.id).active, timeout=20000)
    assert "Booked appointments from now on: 3" in shown[1][0]

    termine = TermineView(view.ctx)
    qtbot.addWidget(termine)
    termine.show()
    qtbot.waitUntil(lambda: termine.choices is not None, timeout=20000)
    combo = termine.counsellor
    assert combo.itemText(combo.findData(account.id)) == "Frau <b>Yilmaz</b> (deactivated)"
    assert combo.currentData() != account.id  # the view opens on someone still working
    dialog = AppointmentDialog(termine.ctx, termine.choices, staff_id=account.id)
    qtbot.addWidget(dialog)
    assert dialog.counsellor.findData(account.id) < 0 and dialog.counsellor.currentIndex() == -1
    termine.grab().save(str(tmp_path / "termine-deactivated.png"))




def test_a_bad_setting_leaves_every_setting_of_the_page_unsaved(qtbot, view, sqlite_services, head_actor,
                                                                 monkeypatch) -> None:
    """The retention changed and a partner's name of 10,000 characters pasted: Save says which
    setting is wrong and saves nothing (the retention before it in the page's order was saved)."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    view.tabs.setCurrentWidget(view.settings)
    qtbot.waitUntil(lambda: view.settings.editors["centre_name"].text() != "", timeout=20000)
    before = sqlite_services.reference.settings(head_actor)
    view.settings.editors["retention_months.visits"].setValue(18)
    view.settings.editors["partner_organisations"].setPlainText("Caritas\n" + "x" * 10_000)
    view.settings.save()
    # the setting as the page names it, not its key
    qtbot.waitUntil(lambda: view.settings.status.text().startswith("Partner organisations (one per line) is too long"),
                    timeout=20000)
    assert sqlite_services.reference.settings(head_actor) == before
    view.settings.editors["partner_organisations"].setPlainText("Caritas\nDRK")
    view.settings.editors["wait_alarm_minutes"].setValue(view.settings.editors["wait_warning_minutes"].value())
    view.settings.save()
    qtbot.waitUntil(lambda: "alarm must come after" in view.settings.status.text(), timeout=20000)
    assert sqlite_services.reference.settings(head_actor) == before


def test_a_settings_error_names_the_setting_as_the_page_does_in_german() -> None:
    from desk.domain.settings import check_setting
    from desk.ui.context import error_text
    from desk.ui.i18n import install_language

    install_language("de")
    try:
        for key, value, start in (("partner_organisations", ["x" * 101], "Partnerorganisationen (eine pro Zeile) "),
                                  ("retention_months", {"audit_log": 2}, "Die Einstellung Protokoll (mindestens 6) ")):
            with pytest.raises(Exception) as caught:
                check_setting(key, value)
            assert error_text(caught.value).startswith(start), error_text(caught.value)
    finally:
        install_language("en")


def test_the_backups_list_says_when_each_will_be_deleted() -> None:
    """The column named the day a backup is deleted 'Gelöscht am' ('deleted on'): beside a backup
    still listed, the head read it as gone already."""
    from desk.ui.i18n import install_language

    install_language("de")
    try:
        model = BackupsModel()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    finally:
        install_language("en")
    assert "Wird gelöscht am" in headers and "Gelöscht am" not in headers
