"""Migrations: a frozen database of the first schema upgrades to head and then matches the models."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desk.domain.backups import made_at_from_name
from desk.services.bootstrap import prepare_database
from desk.services.clock import FixedClock
from desk.storage.engine import open_database, sqlite_url
from desk.storage.migrate import current_revision, head_revision
from desk.storage.models import Base

FROZEN = Path(__file__).parents[1] / "fixtures" / "databases"
# The night the clocks go back: 00:30 UTC is 02:30 summer time in Balingen, the first of two 02:30s.
FALL_BACK = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def schema_differences(db) -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


@pytest.mark.parametrize("frozen", sorted(p.name for p in FROZEN.glob("desk-*.sqlite")))
def test_frozen_database_upgrades_to_head_and_matches_the_models(frozen, tmp_path):
    path = tmp_path / frozen
    shutil.copy(FROZEN / frozen, path)
    backups = tmp_path / "backups"
    # named by the services' clock, here in the hour the clocks go back (02:30 summer time)
    db = prepare_database(sqlite_url(path), backup_dir=backups, clock=FixedClock(FALL_BACK))
    try:
        assert current_revision(db) == head_revision()
        assert schema_differences(db) == []
        with db.engine.connect() as connection:
            # the data of the old version survived the upgrade
            name = connection.exec_driver_sql("SELECT family_name FROM clients WHERE id = 1").scalar()
            visits = connection.exec_driver_sql("SELECT count(*) FROM visits").scalar()
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            # 0009: the visits of the old file keep their ids, and none is given again
            table = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'visits'").scalar()
            highest = connection.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'visits'").scalar()
        assert "AUTOINCREMENT" in table and highest == 1
        assert name == "Коваленко"
        assert visits == 1
    finally:
        db.dispose()
    # a timestamped backup of the old file was made first, through SQLite's backup API
    made = list(backups.glob("desk-before-upgrade-*.sqlite"))
    assert len(made) == 1
    assert made[0].name.endswith("-20261025-023000+0200.sqlite") and made_at_from_name(made[0].name) == FALL_BACK
    old = open_database(sqlite_url(made[0]))
    try:
        assert current_revision(old) != head_revision()
    finally:
        old.dispose()


def test_fresh_database_matches_the_models(db_url, tmp_path):
    db = prepare_database(db_url, backup_dir=tmp_path)
    try:
        assert schema_differences(db) == []
    finally:
        db.dispose()


def test_partial_indexes_are_those_the_migrations_made(db_url, tmp_path):
    """Alembic's comparison above does not look at an index's WHERE: each partial index of the
    models (its condition named for the engine opened, `models.add_partial_conditions`) is
    re-created from the models in a rolled-back transaction, and the database's own definition of
    it must not change (SQLite: the CREATE statement kept; PostgreSQL: `pg_get_indexdef`)."""
    from sqlalchemy import text
    from sqlalchemy.schema import CreateIndex, DropIndex

    db = prepare_database(db_url, backup_dir=tmp_path)
    partial = [index for table in Base.metadata.sorted_tables for index in table.indexes
               if index.info.get("where")]
    assert sorted(index.name for index in partial) == ["ix_visits_appointment_id", "ix_visits_handover_arrived",
                                                      "uq_visits_one_open_per_client"]
    if db.is_sqlite:
        definition = text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :name")
    else:
        definition = text("SELECT pg_get_indexdef(to_regclass(:name))")
    try:
        with db.engine.connect() as connection:
            for index in partial:
                transaction = connection.begin()
                try:
                    migrated = connection.execute(definition, {"name": index.name}).scalar()
                    connection.execute(DropIndex(index))
                    connection.execute(CreateIndex(index))
                    modelled = connection.execute(definition, {"name": index.name}).scalar()
                finally:
                    transaction.rollback()
                assert "WHERE" in migrated
                assert modelled == migrated
    finally:
        db.dispose()


def test_downgrade_to_base_and_up_again(sqlite_db_url, tmp_path):
    """Every migration can be undone: the chain is consistent in both directions."""
    from alembic import command

    from desk.storage.migrate import _config

    db = prepare_database(sqlite_db_url, backup_dir=tmp_path)
    try:
        with db.engine.connect() as connection:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                config = _config()
                config.attributes["connection"] = connection
                command.downgrade(config, "base")
            with connection.begin():
                command.upgrade(config, "head")
        assert schema_differences(db) == []
    finally:
        db.dispose()


def test_the_shortcut_head_revision_is_alembics_head():
    """HEAD_REVISION lets an up-to-date database start without importing Alembic; keep it true."""
    from desk.storage.migrate import HEAD_REVISION

    assert HEAD_REVISION == head_revision()


# the free text that desk before issue 15 wrote into the audit log of desk-0002.sqlite
# (made with the code of main at 2a4328b: an appointment note edited, the appointment cancelled
# with a reason, an absence with a reason, a room booking with title/organiser/notes, a login
# with a typed unknown user name)
OLD_AUDIT_TEXT = ["Mietvertrag", "Jobcenter", "krank", "Bad Fixture", "Familie Коваленко", "Dolmetscherin",
                  "olena kovalenko", "Olena Kovalenko"]


def audit_rows_still_append_only(db) -> list:
    """The audit rows (id, action, details) after the upgrade; the update guard is back in force."""
    with db.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT id, action, details FROM audit_events ORDER BY id").fetchall()
        connection.rollback()
        with pytest.raises(Exception, match="append-only"), connection.begin():
            connection.exec_driver_sql("UPDATE audit_events SET details = '{}'")
    return rows


def test_upgrade_redacts_the_free_text_already_in_the_audit_log(tmp_path):
    path = tmp_path / "desk-0002.sqlite"
    shutil.copy(FROZEN / "desk-0002.sqlite", path)
    before = sqlite3.connect(path)
    old = dict(before.execute("SELECT id, details FROM audit_events").fetchall())
    before.close()
    assert any("Mietvertrag" in d for d in old.values())  # the fixture does hold the text
    db = prepare_database(sqlite_url(path), backup_dir=tmp_path / "backups")
    try:
        rows = audit_rows_still_append_only(db)
    finally:
        db.dispose()
    new = {row_id: json.loads(details) for row_id, _, details in rows}
    actions = {row_id: action for row_id, action, _ in rows}
    for text in OLD_AUDIT_TEXT:
        assert all(text not in details for _, _, details in rows), text
    # the same entries, each still saying which fields changed
    assert set(old) < set(new)
    edit = next(i for i, a in actions.items() if a == "appointment.edit")
    assert new[edit] == {"fields": ["note"]}
    cancel = next(i for i, a in actions.items() if a == "appointment.cancel")
    assert new[cancel] == {"fields": ["cancel_reason"], "from": "booked"}
    booking = next(i for i, a in actions.items() if a == "booking.create")
    assert new[booking]["fields"] == ["title"] and new[booking]["room_id"] == json.loads(old[booking])["room_id"]
    login = next(i for i, a in actions.items() if a == "login.failure")
    assert new[login] == {"fields": ["reason", "username"]}
    check_in = next(i for i, a in actions.items() if a == "visit.check_in")
    assert new[check_in] == json.loads(old[check_in])  # nothing typed: unchanged
    redact = [new[i] for i, a in actions.items() if a == "audit.redact"]
    assert redact == [{"revision": "0004_audit_redact", "rows_redacted": 5}]
    # byte by byte: the old text is not left behind in freed pages or the WAL
    for file in [path, Path(str(path) + "-wal")]:
        if file.exists():
            data = file.read_bytes()
            for text in ("Mietvertrag", "olena kovalenko"):
                for encoded in (text.encode("utf-8"), text.encode("utf-16-le")):
                    assert encoded not in data, (text, file.name)


def test_redaction_on_postgresql_lifts_the_guard_for_itself_only(pg_db_url, tmp_path):
    """The same migration on the real server: the row trigger is disabled for the redaction's
    transaction only, and refuses updates again afterwards."""
    from alembic import command

    from desk.storage.migrate import _config, upgrade_database

    db = open_database(pg_db_url)
    try:
        with db.engine.connect() as connection, connection.begin():
            config = _config()
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
            connection.exec_driver_sql(
                "INSERT INTO audit_events (at, actor_name, action, entity_type, details, workstation) VALUES "
                "(now(), 'x', 'appointment.cancel', 'appointment', "
                "'{\"cancel_reason\": \"Klientin krank\", \"from\": \"booked\"}', '')")
        upgrade_database(db, tmp_path, FALL_BACK)
        rows = audit_rows_still_append_only(db)
    finally:
        db.dispose()
    assert [(a, json.loads(d)) for _, a, d in rows] == [
        ("appointment.cancel", {"fields": ["cancel_reason"], "from": "booked"}),
        ("audit.redact", {"revision": "0004_audit_redact", "rows_redacted": 1}),
    ]


def test_desk_admin_info_says_when_opening_upgraded_the_database(tmp_path, capsys):
    """'desk-admin info' on a database an older desk left upgrades it (as every start of desk
    does, after a backup) and then reported 'schema: <head> (this program: <head>)': the IT
    volunteer never learnt that an upgrade had happened, nor where the copy from before is."""
    from desk.cli import main as admin

    path = tmp_path / "desk.sqlite"
    shutil.copy(FROZEN / "desk-0002.sqlite", path)
    assert admin(["info", "--database-url", sqlite_url(path)]) == 0
    out = capsys.readouterr().out
    line = next((x for x in out.splitlines() if x.startswith("upgraded just now")), "")
    assert line, out
    made = Path(line.split("backed up first: ", 1)[1])
    assert made.name.startswith("desk-before-upgrade-0002-") and made.exists()
    assert admin(["info", "--database-url", sqlite_url(path)]) == 0  # at head now: nothing to say
    assert "upgraded" not in capsys.readouterr().out


def test_desk_admin_restore_of_an_older_backup_says_it_was_upgraded(tmp_path, capsys, cli_login):
    """A backup an older desk wrote is upgraded when the restored database is opened; restore
    said nothing about it."""
    from desk.cli import main as admin

    url = sqlite_url(tmp_path / "desk.sqlite")
    from desk.services.desk import build_services

    services = build_services(prepare_database(url))
    cli_login(services)
    services.close()
    older = tmp_path / "from-the-old-pc.sqlite"
    shutil.copy(FROZEN / "desk-0002.sqlite", older)
    # --confirm-old: the copy's age comes from the file's real time, the run's clock may be shifted
    assert admin(["restore", str(older), "--confirm-old", "--database-url", url]) == 0
    out = capsys.readouterr().out
    assert "the backup was written by an older desk: upgraded to this program's schema, after a copy" in out, out


def test_visits_anonymised_before_0012_carry_no_marks(db_url, tmp_path):
    """0012 adds visits.person_marks: 0 on every visit that has its person or never had one, NULL
    (unknown) on a visit anonymised before it, which the yearly report then names instead of
    counting (docs/REPORTS.md, "Distinct clients after anonymisation")."""
    from alembic import command

    from desk.storage.migrate import _config

    db = prepare_database(db_url, backup_dir=tmp_path)
    try:
        with db.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
            config = _config()
            config.attributes["connection"] = connection
            with connection.begin():
                command.downgrade(config, "0011_absence_interpreter_keys")
            with connection.begin():
                service = connection.exec_driver_sql("SELECT min(id) FROM services").scalar()
                for number, anonymised in ((1, True), (2, False)):
                    connection.execute(sa.text(
                        "INSERT INTO visits (service_id, ticket_day, ticket_number, ticket_prefix, party_size, "
                        "status, priority, priority_reason, interpreter_language, arrived_at, call_count, "
                        "referred_to, residence, status_group, client_language, first_visit, anonymised, "
                        "updated_at) VALUES (:s, '2025-03-03', :n, 'M', 1, 'done', 'normal', '', '', "
                        "'2025-03-03 09:00:00', 0, '', 'balingen', 'unknown', '', false, :a, '2025-03-03 09:00:00')"),
                        {"s": service, "n": number, "a": anonymised})
            with connection.begin():
                command.upgrade(config, "head")
            with connection.begin():
                marks = dict(connection.exec_driver_sql(
                    "SELECT ticket_number, person_marks FROM visits ORDER BY ticket_number").fetchall())
        assert marks == {1: None, 2: 0}
        assert schema_differences(db) == []
    finally:
        db.dispose()
