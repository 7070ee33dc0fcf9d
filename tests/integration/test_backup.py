"""Backup and restore (SQLite): online backup, rotation, check, restore refusing a foreign or
damaged file and keeping the replaced one, a full/read-only backup folder, the CLI."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from privacy_helpers import add_client, client_field

from desk.cli import main as admin
from desk.domain.errors import DatabaseError
from desk.services.backup import BackupService
from desk.services.bootstrap import prepare_database
from desk.services.desk import build_services
from desk.storage.engine import sqlite_url

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
# The night the clocks go back: 02:30 comes twice in Balingen, first in summer time (00:30 UTC,
# +0200), an hour later in winter time (01:30 UTC, +0100).
FALL_BACK = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_daily_backup_with_rotation_7_daily_4_weekly(sqlite_services, head, tmp_path: Path) -> None:
    folder = tmp_path / "rotation"
    clock = Clock(datetime(2026, 11, 1, 10, tzinfo=UTC))
    service = BackupService(sqlite_services.uow, sqlite_services.db, backup_dir=folder, clock=clock)
    for _ in range(40):
        service.run_daily_backup(head)
        assert service.run_daily_backup(head) is None  # once a day
        clock.now += timedelta(days=1)
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if n.startswith("desk-daily-")]) == 7
    assert len([n for n in names if n.startswith("desk-weekly-")]) == 4
    assert "desk-daily-20261210.sqlite" in names and "desk-daily-20261203.sqlite" not in names
    assert not [n for n in names if n.endswith(".partial")]


def test_backup_is_a_checked_copy_made_while_the_database_is_open(sqlite_services, head) -> None:
    client_id = add_client(sqlite_services, "Backup", "Person", last_contact=NOW, created=NOW)
    path = sqlite_services.backup.backup_now(head)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT family_name FROM clients WHERE id = ?", (client_id,)).fetchone() == ("Person",)
    finally:
        connection.close()
    assert sqlite_services.backup.check(head).ok


def test_read_only_backup_folder_is_a_clear_error_and_leaves_nothing(sqlite_services, head, tmp_path: Path,
                                                                    mount) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() == 0:  # root (CI) writes through folder permissions, not through a read-only mount
        mount("--bind", str(folder), str(folder), target=folder)
        mount("-o", "remount,ro,bind", str(folder), target=folder, remount=True)
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseError, match="not writable or full"):
            sqlite_services.backup.backup_now(head, folder)
        assert list(folder.iterdir()) == []
    finally:
        if os.geteuid() != 0:
            folder.chmod(0o700)  # (the mount is undone by the fixture)


def test_unwritable_backup_target_is_a_clear_error(sqlite_services, head, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseError, match="No backup was made"):
        sqlite_services.backup.backup_now(head, blocker / "sub")


def _fresh(tmp_path: Path, name: str):
    db = prepare_database(sqlite_url(tmp_path / name), backup_dir=tmp_path / "backups")
    return build_services(db)


def test_restore_checks_the_file_and_keeps_the_replaced_database(tmp_path: Path, head, cli_login) -> None:
    services = _fresh(tmp_path, "desk.sqlite")
    cli_login(services)
    kept_id = add_client(services, "Vorher", "Gesichert", last_contact=NOW, created=NOW)
    backup = services.backup.backup_now(head)
    later_id = add_client(services, "Nachher", "Verloren", last_contact=NOW, created=NOW)
    db_path = services.db.sqlite_path
    services.close()

    url = sqlite_url(db_path)
    # not a desk database: refused, nothing changed
    foreign = tmp_path / "foreign.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    assert admin(["restore", str(foreign), "--database-url", url]) == 1
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("hello")
    assert admin(["restore", str(text_file), "--database-url", url]) == 1
    # a damaged backup: refused
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(backup.read_bytes())
    for offset in range(4096 * 2, min(len(data), 4096 * 6)):
        data[offset] = 0x55
    damaged.write_bytes(bytes(data))
    assert admin(["restore", str(damaged), "--database-url", url]) == 1
    services = _fresh(tmp_path, "desk.sqlite")
    assert client_field(services, later_id, "family_name") == "Verloren"  # untouched so far
    services.close()

    # the real backup: restored, the replaced file kept
    assert admin(["restore", str(backup), "--database-url", url]) == 0
    services = _fresh(tmp_path, "desk.sqlite")
    assert client_field(services, kept_id, "family_name") == "Gesichert"
    assert client_field(services, later_id, "id") is None
    replaced = [b for b in services.backup.backups(head) if b.kind == "replaced"]
    services.close()
    assert len(replaced) == 1
    connection = sqlite3.connect(replaced[0].path)
    try:
        assert connection.execute("SELECT count(*) FROM clients WHERE family_name = 'Verloren'").fetchone() == (1,)
    finally:
        connection.close()
    assert admin(["check", "--database-url", url]) == 0


def test_restore_refuses_while_the_database_is_in_use(tmp_path: Path, head) -> None:
    services = _fresh(tmp_path, "desk.sqlite")
    backup = services.backup.backup_now(head)
    path = services.db.sqlite_path
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        from desk.storage.maintenance import restore_sqlite_file
        from desk.storage.migrate import known_revisions

        with pytest.raises(DatabaseError, match="in use"):
            restore_sqlite_file(backup, path, tmp_path / "keep", known_revisions(), FALL_BACK)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        services.close()


def test_check_reports_a_damaged_database(tmp_path: Path, capsys) -> None:
    services = _fresh(tmp_path, "desk.sqlite")
    for i in range(200):
        add_client(services, f"Name{i}", f"Family{i}" * 20, last_contact=NOW, created=NOW)
    path = services.db.sqlite_path
    services.close()
    data = bytearray(path.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 8192):
        data[offset] = 0x13
    path.write_bytes(bytes(data))
    Path(str(path) + "-wal").unlink(missing_ok=True)
    assert admin(["check", "--database-url", sqlite_url(path)]) == 1
    assert "DAMAGED" in capsys.readouterr().out


def test_a_full_disk_during_backup_leaves_no_half_file(sqlite_services, head, tmp_path: Path, monkeypatch) -> None:
    import errno

    import desk.storage.maintenance as maintenance

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(maintenance.os, "replace", full)
    folder = tmp_path / "full"
    with pytest.raises(DatabaseError, match="not writable or full"):
        sqlite_services.backup.backup_now(head, folder)
    assert list(folder.iterdir()) == []  # the .partial file was removed


def test_backups_are_listed_in_the_centres_time_like_their_file_names(tmp_path: Path, head, cli_login,
                                                                       capsys) -> None:
    """`desk-admin backups` printed UTC: the daily backup made at 00:05 on 5 January (file name
    desk-daily-20990105) was listed as 4 January 23:05, beside a file name saying the 5th."""
    services = _fresh(tmp_path, "desk.sqlite")
    cli_login(services)
    made = services.backup.backup_now(head)
    path = services.db.sqlite_path
    services.close()
    made.rename(made.with_name("desk-manual-20990105-000500.sqlite"))
    assert admin(["backups", "--database-url", sqlite_url(path)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "desk-manual-20990105-000500" in x)
    assert line.startswith("2099-01-05 00:05  manual"), line
    assert "deleted 2099-02-09" in line, line


def test_check_says_what_is_wrong_with_a_file_desk_cannot_open(tmp_path: Path, capsys) -> None:
    """`desk-admin check` answered 'integrity ok', exit 0, for a database a newer desk wrote
    (which desk then refused to open) and for an empty file, and 'DAMAGED: restore the latest
    good backup' (after 'foreign keys: ok') for a folder or a file that is no database at all."""
    services = _fresh(tmp_path, "desk.sqlite")
    path = services.db.sqlite_path
    services.close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_future'")
    assert admin(["check", "--database-url", sqlite_url(path)]) == 1
    out = capsys.readouterr().out
    assert "NEWER" in out and "0099_future" in out and "Install the newer version of desk" in out, out

    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert admin(["check", "--database-url", sqlite_url(empty)]) == 1
    assert "EMPTY: this file holds no desk database" in capsys.readouterr().out

    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    assert admin(["check", "--database-url", sqlite_url(folder)]) == 1
    said = capsys.readouterr()
    assert "is a folder, not a database file" in said.err and "DAMAGED" not in said.out, said

    text = tmp_path / "notes.sqlite"
    text.write_text("not a database\n", encoding="utf-8")
    assert admin(["check", "--database-url", sqlite_url(text)]) == 1
    said = capsys.readouterr()
    assert "not an SQLite file" in said.err and "foreign keys: ok" not in said.out, said


def test_the_replaced_database_is_named_in_the_centres_time(tmp_path: Path, head, cli_login, monkeypatch) -> None:
    """Backup names carry the centre's time and its UTC offset (the list and the expiry read them
    so). The copy a restore keeps was named in the computer's time zone (on a server running in
    UTC, listed an hour or two before the restore that made it), and by the wall clock alone: in
    the hour the clocks go back, two restores an hour apart got the same name."""
    import time as time_module

    from desk.services.clock import FixedClock

    monkeypatch.setenv("TZ", "UTC")
    time_module.tzset()
    try:
        services = _fresh(tmp_path, "desk.sqlite")
        services.clock = FixedClock(FALL_BACK - timedelta(hours=1))
        cli_login(services)
        backup = services.backup.backup_now(head)
        path = services.db.sqlite_path
        services.close()
        restores = (FALL_BACK, FALL_BACK + timedelta(hours=1))  # 02:30 in summer time, 02:30 in winter time
        for moment in restores:
            monkeypatch.setattr("desk.cli.backup.system_clock", FixedClock(moment))
            assert admin(["restore", str(backup), "--database-url", sqlite_url(path)]) == 0
        services = _fresh(tmp_path, "desk.sqlite")
        replaced = [b for b in services.backup.backups(head) if b.kind == "replaced"]
        services.close()
        assert [b.path.name for b in replaced] == ["desk-replaced-20261025-023000+0100.sqlite",
                                                   "desk-replaced-20261025-023000+0200.sqlite"]
        assert [b.made_at for b in replaced] == list(reversed(restores))
    finally:
        monkeypatch.undo()
        time_module.tzset()


def test_backups_made_in_the_hour_the_clocks_go_back_keep_their_order(tmp_path: Path, head) -> None:
    """"Jetzt sichern" at 02:30 summer time and again at 02:30 winter time: two names, listed in
    the order they were made, each expiring 35 days after its own moment; a third copy within
    the same second is numbered, not written over the second."""
    from desk.services.clock import FixedClock

    services = _fresh(tmp_path, "desk.sqlite")
    try:
        services.clock = FixedClock(FALL_BACK)
        first = services.backup.backup_now(head)
        services.clock.advance(timedelta(hours=1))
        second = services.backup.backup_now(head)
        third = services.backup.backup_now(head)
        listed = [b for b in services.backup.backups(head) if b.kind == "manual"]
    finally:
        services.close()
    assert (first.name, second.name, third.name) == (
        "desk-manual-20261025-023000+0200.sqlite", "desk-manual-20261025-023000+0100.sqlite",
        "desk-manual-20261025-023000+0100-2.sqlite")
    assert [b.path for b in listed][-1] == first
    assert [b.made_at for b in listed] == [FALL_BACK + timedelta(hours=1)] * 2 + [FALL_BACK]
    assert listed[-1].expires_at == FALL_BACK + timedelta(days=35)


def test_a_name_desk_wrote_before_the_offset_is_still_read_in_the_centres_time() -> None:
    from desk.domain.backups import made_at_from_name

    assert made_at_from_name("desk-manual-20261205-103000.sqlite") == datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
    assert made_at_from_name("desk-replaced-20260705-103000-2.sqlite") == datetime(2026, 7, 5, 8, 30, tzinfo=UTC)
    assert made_at_from_name("desk-before-upgrade-0002-20261025-023000+0100.dump") == FALL_BACK + timedelta(hours=1)
