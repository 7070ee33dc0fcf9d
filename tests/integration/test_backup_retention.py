"""Erased people do not come back through backups (issue 15), with fixed clocks:

- every kind of backup expires by the rule of desk.domain.backups (60 simulated days: nothing
  older than 35 days is left, and no file in the folder holds the erased name);
- the ledger of erasures (numbers only, beside the database) re-applies every erasure made since a
  backup after it is restored, before anyone can work, and the audit log says so;
- a restore of a backup older than the retention period needs the head's explicit confirmation.
"""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from privacy_helpers import add_client, client_field

from desk.cli import main as admin
from desk.domain.backups import LIFETIME, LONGEST, name_stamp
from desk.domain.errors import ConflictError
from desk.services.auditlog import AuditFilter
from desk.services.backup import BackupService
from desk.services.bootstrap import prepare_database, reapplied_erasures
from desk.services.desk import build_services
from desk.services.erasures import LEDGER_NAME
from desk.storage.engine import sqlite_url

DAY0 = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)  # a Monday
NAME = "Zyxwvutsrqmann"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_sixty_days_later_no_backup_of_any_kind_holds_the_erased_person(sqlite_services, head, tmp_path):
    services = sqlite_services
    folder = tmp_path / "backups"
    clock = Clock(DAY0)
    backups = BackupService(services.uow, services.db, backup_dir=folder, clock=clock)
    services.privacy._clock = clock
    client_id = add_client(services, "Erika", NAME, last_contact=DAY0, created=DAY0)
    manual = backups.backup_now(head)  # "Jetzt sichern"
    backups.run_daily_backup(head)  # daily + weekly
    # the other kinds desk writes: a pre-upgrade copy and a database replaced by a restore
    shutil.copy(manual, folder / f"desk-before-upgrade-0002-{name_stamp(DAY0)}.sqlite")
    shutil.copy(manual, folder / f"desk-replaced-{name_stamp(DAY0)}.sqlite")
    listed = {b.kind: b for b in backups.backups(head)}
    assert set(listed) == {"daily", "weekly", "manual", "before-upgrade", "replaced"}
    for kind, backup in listed.items():  # the rule is shown with every backup
        assert backup.expires_at == backup.made_at + LIFETIME[kind]
    assert all(NAME.encode() in b.path.read_bytes() for b in listed.values())

    clock.now = DAY0 + timedelta(days=1)
    services.privacy.erase_client(head, client_id)
    for day in range(2, 61):  # two months of working days, one start each morning
        clock.now = DAY0 + timedelta(days=day)
        backups.run_daily_backup(head)
        if day == 20:
            backups.backup_now(head)  # a manual backup after the erasure: expires as well
    left = backups.backups(head)
    assert left, "the daily and weekly backups go on"
    assert all(clock.now - b.made_at <= LONGEST for b in left)
    assert {b.kind for b in left} == {"daily", "weekly"}  # day 0's manual/upgrade/replaced and day 20's are gone
    for file in folder.iterdir():
        data = file.read_bytes()
        assert NAME.encode() not in data and NAME.encode("utf-16-le") not in data, file.name
    expired = services.audit_log.query(head, AuditFilter(action="backup.expire"))
    deleted = {}
    for entry in expired:
        for kind, count in json.loads(entry.details).items():
            deleted[kind] = deleted.get(kind, 0) + count
    assert deleted["manual"] == 2 and deleted["before-upgrade"] == 1 and deleted["replaced"] == 1


def _open(path: Path):
    return build_services(prepare_database(sqlite_url(path), backup_dir=path.parent / "backups"))


def test_a_restore_erases_again_everyone_erased_since_that_backup(tmp_path, head, cli_login, capsys):
    path = tmp_path / "desk.sqlite"
    services = _open(path)
    cli_login(services)
    kept = add_client(services, "Bleibt", "Gesichert", last_contact=DAY0, created=DAY0)
    gone = add_client(services, "Erika", NAME, last_contact=DAY0, created=DAY0)
    backup = services.backup.backup_now(head)
    services.privacy.erase_client(head, gone)
    services.close()
    # the ledger beside the database: numbers (and when), nothing else
    ledger = (tmp_path / LEDGER_NAME).read_text(encoding="ascii")
    assert ledger.split()[0] == str(gone) and NAME not in ledger and "Erika" not in ledger

    assert admin(["restore", str(backup), "--database-url", sqlite_url(path)]) == 0
    out = capsys.readouterr().out
    assert "erased again" in out and f"{gone:06d}" in out
    services = _open(path)  # nothing left to do at the next start
    try:
        assert reapplied_erasures(services.db) == []
        assert client_field(services, gone, "id") is None
        assert client_field(services, kept, "family_name") == "Gesichert"
        entry = services.audit_log.query(head, AuditFilter(action="erasure.reapply"))
        assert len(entry) == 1 and json.loads(entry[0].details)["client_ids"] == [gone]
        restore = services.audit_log.query(head, AuditFilter(action="backup.restore"))
        assert json.loads(restore[0].details)["erasures_reapplied"] == 1
    finally:
        services.close()
    for file in [path, Path(str(path) + "-wal")]:
        if file.exists():
            assert NAME.encode() not in file.read_bytes(), file.name


def test_the_start_after_a_restore_reapplies_before_anyone_logs_in(tmp_path, head):
    """The same through the GUI's restore (the program closes; the next start re-applies)."""
    path = tmp_path / "desk.sqlite"
    services = _open(path)
    gone = add_client(services, "Erika", NAME, last_contact=DAY0, created=DAY0)
    backup = services.backup.backup_now(head)
    services.privacy.erase_client(head, gone)
    services.backup.restore(head, backup)
    services.close()
    services = _open(path)
    try:
        assert reapplied_erasures(services.db) == [gone]
        assert client_field(services, gone, "id") is None
    finally:
        services.close()


def test_an_old_backup_needs_the_heads_explicit_confirmation(tmp_path, head, cli_login, capsys, monkeypatch):
    path = tmp_path / "desk.sqlite"
    services = _open(path)
    cli_login(services)
    clock = Clock(DAY0)
    backups = BackupService(services.uow, services.db, backup_dir=tmp_path / "backups", clock=clock)
    backup = backups.backup_now(head)
    clock.now += LONGEST + timedelta(days=1)
    assert backups.too_old(head, backup) == LONGEST.days + 1
    with pytest.raises(ConflictError, match="older than the retention period"):
        backups.restore(head, backup)
    backups.restore(head, backup, confirm_old=True)
    services.close()
    services = _open(path)
    try:
        entry = services.audit_log.query(head, AuditFilter(action="backup.restore"))[0]
        assert json.loads(entry.details)["confirmed_old"] is True
    finally:
        services.close()
    # desk-admin: refused without --confirm-old (an old file: its name says when it was made)
    old = tmp_path / "backups" / f"desk-manual-{name_stamp(DAY0 - timedelta(days=40))}.sqlite"
    shutil.copy(backup, old)
    monkeypatch.setattr("desk.cli.backup.system_clock", lambda: DAY0)  # desk-admin's "now"
    assert admin(["restore", str(old), "--database-url", sqlite_url(path)]) == 1
    assert "--confirm-old" in capsys.readouterr().err
    assert admin(["restore", str(old), "--confirm-old", "--database-url", sqlite_url(path)]) == 0


def test_backups_are_listed_with_the_rule(tmp_path, head, cli_login, capsys):
    path = tmp_path / "desk.sqlite"
    services = _open(path)
    cli_login(services)
    services.backup.backup_now(head)
    services.close()
    assert admin(["backups", "--database-url", sqlite_url(path)]) == 0
    out = capsys.readouterr().out
    assert "daily backups are deleted after 7 days" in out and "deleted 20" in out


def test_one_pc_restored_on_a_new_pc_erases_again_with_its_ledger_on_another_disk(tmp_path, head, cli_login,
                                                                                   monkeypatch, capsys):
    """One PC (SQLite) dies; its backup copy on the NAS is restored on a new PC. The ledger lay
    beside the dead PC's database, and '[erasure] ledger' of the machine file (shown by 'desk-admin
    config show') was ignored for SQLite: the person erased after that backup came back without
    a word. Now the machine file's ledger is used on one PC too, and a restore onto a computer
    with no ledger at all says what that means."""
    nas = tmp_path / "nas"
    machine = tmp_path / "desk.toml"
    machine.write_text(f"[erasure]\nledger = '{nas / LEDGER_NAME}'\n", encoding="utf-8")
    monkeypatch.setenv("DESK_MACHINE_CONFIG", str(machine))
    monkeypatch.delenv("DESK_ERASURE_LEDGER", raising=False)
    old_pc = _open(tmp_path / "old-pc" / "desk.sqlite")
    cli_login(old_pc)
    kept = add_client(old_pc, "Bleibt", "Gesichert", last_contact=DAY0, created=DAY0)
    gone = add_client(old_pc, "Erika", NAME, last_contact=DAY0, created=DAY0)
    copy = old_pc.backup.backup_now(head, nas)  # the copy kept off the PC
    old_pc.privacy.erase_client(head, gone)
    old_pc.close()
    assert (nas / LEDGER_NAME).read_text(encoding="ascii").split()[0] == str(gone)

    new_pc = tmp_path / "new-pc" / "desk.sqlite"
    capsys.readouterr()
    assert admin(["restore", str(copy), "--database-url", sqlite_url(new_pc)]) == 0
    said = capsys.readouterr()
    assert f"erased again (erasures made after that backup, from the ledger): K-{gone:06d}" in said.out, said
    assert "no ledger of erasures" not in said.err
    services = _open(new_pc)
    try:
        assert client_field(services, kept, "family_name") == "Gesichert"
        assert client_field(services, gone, "id") is None
    finally:
        services.close()

    # a machine without any ledger: the restore says that nobody could be erased again
    machine.write_text("", encoding="utf-8")
    third_pc = tmp_path / "third-pc" / "desk.sqlite"
    assert admin(["restore", str(copy), "--database-url", sqlite_url(third_pc)]) == 0
    said = capsys.readouterr()
    assert f"note: there is no ledger of erasures at {third_pc.parent / LEDGER_NAME}" in said.err, said


def test_a_ledger_that_cannot_be_read_does_not_keep_desk_from_starting(tmp_path, monkeypatch, caplog):
    """The ledger on a share (the server's backup folder, or one PC's NAS): when the share is
    away at the morning's start, reading it raised a bare OSError and desk did not start at all
    (an unexpected error); now the start goes on and the log says that nobody could be erased
    again now."""
    import logging

    unreadable = tmp_path / "share-away"
    unreadable.mkdir()  # a folder where the file should be: reading it fails like an absent share
    monkeypatch.setenv("DESK_ERASURE_LEDGER", str(unreadable))
    with caplog.at_level(logging.WARNING, logger="desk.services.erasures"):
        services = _open(tmp_path / "desk.sqlite")
    services.close()
    assert f"The ledger of erasures {unreadable} cannot be read" in caplog.text
