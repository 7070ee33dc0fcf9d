"""What a restore looks like on screen (issue 15): the start after a restore says which clients
were erased again from the ledger of erasures (numbers only), and a backup older than the
retention period is restored from Verwaltung only after the head confirms it a second time."""

from __future__ import annotations

import shutil
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.domain.model import Role
from desk.domain.tickets import BERLIN
from desk.services.accounts import NewAccount
from desk.services.auditlog import AuditFilter
from desk.services.bootstrap import prepare_database
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.ui.i18n import install_language
from desk.ui.shell import announce_reapplied_erasures
from desk.ui.views.verwaltung import VerwaltungView


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr("desk.services.passwords._HASHER",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


class Boxes:
    """Stands in for QMessageBox.exec: records each box and presses the button `answer` names
    (by the start of its text, '&' removed); without an answer it just closes."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, Qt.TextFormat]] = []
        self.answers: list[tuple[str, str]] = []  # (fragment of the box's text, button text)

    def exec_(self, box: QMessageBox) -> int:
        self.shown.append((box.text(), box.textFormat()))
        for fragment, button_text in self.answers:
            if fragment in box.text():
                for button in box.buttons():
                    if button.text().replace("&", "").startswith(button_text):
                        button.click()
                        return 0
                raise AssertionError(f"no button {button_text!r} in {box.text()!r}")
        return 0

    def texts(self) -> list[str]:
        return [text for text, _ in self.shown]


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    recorder = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorder.exec_(box))
    monkeypatch.setattr(QApplication, "quit", lambda *a: None)  # "desk closes now" (not the test run)
    return recorder


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_first_start_after_a_restore_names_the_clients_erased_again(qapp, tmp_path, boxes, language) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'desk.sqlite'}"
    head = Actor.system("test")
    services = build_services(prepare_database(url))
    stays = services.clients.create(head, ClientInput(given_name="Bleibt", family_name="Hier"))
    erased = services.clients.create(head, ClientInput(given_name="Amal", family_name="Gelöscht"))
    backup = services.backup.backup_now(head)
    services.privacy.erase_client(head, erased.id)
    services.backup.restore(head, backup)  # the backup still holds her
    services.close()

    services = build_services(prepare_database(url))  # the next start of desk
    try:
        install_language(language)
        announce_reapplied_erasures(services)
        (text, text_format), = boxes.shown
        assert f"K-{erased.id:06d}" in text and f"K-{stays.id:06d}" not in text
        assert "Amal" not in text and "Gelöscht" not in text  # numbers, never names
        assert ("erneut gelöscht" if language == "de" else "erased again") in text
        assert text_format is Qt.TextFormat.PlainText
        assert services.clients.search(head, "Amal Gelöscht") == []
    finally:
        services.close()
    # the start after that has nothing to say
    boxes.shown.clear()
    services = build_services(prepare_database(url))
    try:
        announce_reapplied_erasures(services)
        assert boxes.shown == []
    finally:
        services.close()


@pytest.fixture
def head_actor(sqlite_services):
    return sqlite_services.accounts.create_first_head(
        Actor.login_screen(), NewAccount("chefin", "Frau Chefin", Role.HEAD, "geheim-123"))


@pytest.fixture
def old_backup(sqlite_services, head_actor, now):
    """A backup made 60 days ago (its name carries the time, as desk names them)."""
    fresh = sqlite_services.backup.backup_now(head_actor)
    made = now.astimezone(BERLIN) - timedelta(days=60)
    old = fresh.with_name(f"desk-manual-{made:%Y%m%d-%H%M%S}.sqlite")
    shutil.copy2(fresh, old)
    fresh.unlink()
    return old


@pytest.fixture
def backups_tab(qtbot, sqlite_services, head_actor, old_backup, make_ui_ctx):
    view = VerwaltungView(make_ui_ctx(sqlite_services, head_actor))
    qtbot.addWidget(view)
    view.show()
    view.on_shown()
    view.tabs.setCurrentWidget(view.backups)
    tab = view.backups
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20000)
    tab.table.selectRow(0)
    return tab


def _restores(services, head) -> list[str]:
    return [r.details for r in services.audit_log.query(head, AuditFilter(action="backup.restore"))]


def test_an_old_backup_is_not_restored_when_the_head_does_not_confirm_it(qtbot, backups_tab, boxes,
                                                                          sqlite_services, head_actor) -> None:
    boxes.answers = [("Replace the database", "Restore and close"), ("days old", "Cancel")]
    backups_tab.restore()
    qtbot.waitUntil(lambda: len(boxes.shown) == 2 and backups_tab.restore_button.isEnabled(), timeout=20000)
    question = boxes.texts()[1]
    assert "60 days old" in question and "35 days" in question
    assert _restores(sqlite_services, head_actor) == []


def test_an_old_backup_is_restored_after_the_heads_second_confirmation(qtbot, backups_tab, boxes,
                                                                        sqlite_services, head_actor) -> None:
    boxes.answers = [("Replace the database", "Restore and close"), ("days old", "Restore the old backup")]
    backups_tab.restore()
    qtbot.waitUntil(lambda: any("was restored" in t for t in boxes.texts()), timeout=20000)
    (details,) = _restores(sqlite_services, head_actor)
    assert '"confirmed_old": true' in details and '"age_days": 60' in details
