"""Schema upgrades at start-up: back up, refuse a newer database, upgrade to head.

The migrations are Alembic scripts shipped inside the package (desk/storage/migrations).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from desk.domain.errors import DatabaseError, DatabaseNeedsUpgradeError, DatabaseTooNewError
from desk.storage.engine import WRITE_OPTION, Database

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

#: The newest migration. Lets an up-to-date database start without importing Alembic (about a
#: second on an old PC); tests/integration/test_migrations.py keeps it equal to Alembic's head.
HEAD_REVISION = "0013_checkin_pages"


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current_revision(db: Database) -> str | None:
    """The schema revision stored in the database; None for an empty database."""
    with db.engine.connect() as connection:
        try:
            with connection.begin_nested() if connection.in_transaction() else connection.begin():
                return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except sa_exc.DBAPIError:
            return None  # no alembic_version table yet


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def backup_sqlite_file(source: Path, backup_dir: Path, label: str, now: datetime) -> Path:
    """A timestamped, verified online copy (storage.maintenance.sqlite_backup: SQLite's backup
    API, written aside and renamed only after its check) — never a file copy of a live database."""
    from desk.storage.maintenance import backup_path, sqlite_backup

    return sqlite_backup(source, backup_path(backup_dir, f"desk-{label}", ".sqlite", now))


MIGRATION_LOCK = 6060602
#: PostgreSQL: migrations and the first seeding take advisory locks, so several PCs starting at
#: once on a new database do not crash. Only tests switch this off, to show the crash the locks
#: prevent (tests/integration/test_server_roles.py, the four-at-once start).
SERIALISE_FIRST_START = True


def schema_is_current(db: Database) -> bool:
    return current_revision(db) == HEAD_REVISION


def may_change_schema(db: Database) -> bool:
    """PostgreSQL: may the connected role create in the schema (the owner, a superuser)?"""
    with db.engine.connect() as connection:
        return bool(connection.exec_driver_sql(
            "SELECT has_schema_privilege(current_user, 'public', 'CREATE') "
            "OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)").scalar())


def upgrade_database(db: Database, backup_dir: Path | None, now: datetime) -> Path | None:
    """Bring the schema to head. Returns the backup file made before upgrading, if any (named
    by `now`, the services' clock)."""
    current = current_revision(db)
    if current == HEAD_REVISION:
        return None
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(where=db.display_name, found=current, known=head)
    if not db.is_sqlite and not may_change_schema(db):
        raise DatabaseNeedsUpgradeError(  # the connection dialog says "upgrade by the administrator"
            "The database {where} has schema {found}; this program needs {head}. The database role desk "
            "connects with may not change the schema (as it should be): the administrator upgrades it with "
            "'desk-admin setup-server --database-url postgresql+psycopg://SUPERUSER@HOST/DATABASE'.",
            where=db.display_name, found=current or "(empty)", head=head)
    backup = None
    path = db.sqlite_path
    if current is not None and path is not None and path.exists() and backup_dir is not None:
        backup = backup_sqlite_file(path, backup_dir, f"before-upgrade-{current}", now)
        log.info("Backed up %s to %s before upgrading", path, backup)
    elif current is not None and not db.is_sqlite:
        backup = _dump_before_upgrade(db, backup_dir, current, head, now)
    try:
        _upgrade(db)
    except sa_exc.DBAPIError as error:
        text_ = str(error.orig).lower()
        if not db.is_sqlite and ("permission denied" in text_ or "must be owner" in text_):
            raise DatabaseNeedsUpgradeError(where=db.display_name, found=current or "-", known=head) from error
        raise
    return backup


def _dump_before_upgrade(db: Database, backup_dir: Path | None, current: str, head: str, now: datetime) -> Path:
    """PostgreSQL: a pg_dump of the database as it is, before its schema changes (the same
    promise as SQLite's copy); with no backup folder named, the schema is not touched."""
    from desk.storage.maintenance import backup_path, pg_dump

    if backup_dir is None:
        raise DatabaseError(
            "The database {where} has schema {found}; this program upgrades it to {head} only after a "
            "backup, and backups of a PostgreSQL database go only to the [backup] folder of the machine "
            "configuration (desk-admin config show names the file). None is named there: name one, "
            "then upgrade again. Nothing was changed.", where=db.display_name, found=current, head=head)
    made = pg_dump(db.url, backup_path(backup_dir, f"desk-before-upgrade-{current}", ".dump", now))
    log.info("Backed up the database to %s before upgrading from %s", made, current)
    return made


def _upgrade(db: Database) -> None:
    from alembic import command

    with db.engine.connect() as connection:
        if db.is_sqlite:
            # Batch migrations re-create tables; with foreign keys on that would cascade.
            # The pragma only works outside a transaction, hence the raw driver connection.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            if not db.is_sqlite and SERIALISE_FIRST_START:
                # several PCs starting at once on a new database: one migrates, the others wait
                # here and then find the schema at head (Alembic re-reads the version)
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            config = _config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if db.is_sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
        if db.is_sqlite:
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")
