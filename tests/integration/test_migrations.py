"""Migrations: a frozen database of the first schema upgrades to head and then matches the models."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desk.services.bootstrap import prepare_database
from desk.storage.engine import open_database, sqlite_url
from desk.storage.migrate import current_revision, head_revision
from desk.storage.models import Base

FROZEN = Path(__file__).parents[1] / "fixtures" / "databases"


def schema_differences(db) -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


@pytest.mark.parametrize("frozen", sorted(p.name for p in FROZEN.glob("desk-*.sqlite")))
def test_frozen_database_upgrades_to_head_and_matches_the_models(frozen, tmp_path):
    path = tmp_path / frozen
    shutil.copy(FROZEN / frozen, path)
    backups = tmp_path / "backups"
    db = prepare_database(sqlite_url(path), backup_dir=backups)
    try:
        assert current_revision(db) == head_revision()
        assert schema_differences(db) == []
        with db.engine.connect() as connection:
            # the data of the old version survived the upgrade
            name = connection.exec_driver_sql("SELECT family_name FROM clients WHERE id = 1").scalar()
            visits = connection.exec_driver_sql("SELECT count(*) FROM visits").scalar()
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert name == "Коваленко"
        assert visits == 1
    finally:
        db.dispose()
    # a timestamped backup of the old file was made first, through SQLite's backup API
    made = list(backups.glob("desk-before-upgrade-*.sqlite"))
    assert len(made) == 1
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
