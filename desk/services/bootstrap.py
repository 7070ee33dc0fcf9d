"""Start-up of the data side: open, upgrade (after a backup), seed. Used by app.py and cli.py."""

from __future__ import annotations

import weakref
from pathlib import Path

from desk.domain.topics import Topic
from desk.services.clock import Clock, system_clock
from desk.services.config import DATABASE_URL_VARIABLE, check_terminal_server, load_config
from desk.services.erasures import reapply_erasures
from desk.services.paths import default_backup_dir
from desk.storage.engine import Database, open_database
from desk.storage.migrate import schema_is_current, upgrade_database
from desk.storage.uow import unit_of_work_factory

__all__ = ["DATABASE_URL_VARIABLE", "prepare_database", "resolve_database_url"]


def resolve_database_url(option: str | None) -> str:
    """--database-url, $DESK_DATABASE_URL, the user's then the machine's desk.toml, else the SQLite
    file in the user's data folder (services/config.py); refused on a terminal server when that
    would be a database of this user's own."""
    config = load_config(database_url=option)
    check_terminal_server(config)
    return config.database_url


def prepare_database(url: str, *, backup_dir: Path | None = None, role: str | None = None,
                     read_only: bool = False, clock: Clock | None = None) -> Database:
    """Open the database, bring its schema to head and seed the centre on first start.

    `read_only` (the waiting-room display): a database already at this program's schema is
    neither upgraded nor seeded (the display role on PostgreSQL may read only the display's
    table); a new or older one is prepared as usual where the role may (a single PC's first
    start) and refused with a message naming the administrator's command where it may not.
    `role`: act as this PostgreSQL role. `clock` names the copy made before an upgrade
    (services/clock.py; the system clock unless given)."""
    db = open_database(url, role=role)
    try:
        if read_only and schema_is_current(db):
            return db
        if backup_dir is None and db.sqlite_path is not None:
            backup_dir = default_backup_dir(db.sqlite_path)
        elif backup_dir is None and not db.is_sqlite and not schema_is_current(db):
            # an upgrade dumps the database first, into the server's folder (machine configuration only)
            configured = load_config().get("backup.folder")
            backup_dir = Path(configured).expanduser() if configured else None
        made = upgrade_database(db, backup_dir, (clock or system_clock)())
        if made is not None:  # said by desk-admin info/upgrade: opening upgraded it just now
            _UPGRADE_BACKUPS[db.engine] = made
        uow_factory = unit_of_work_factory(db)
        with uow_factory(write=True) as uow:
            uow.reference.serialize_seed()
            if not uow.reference.is_seeded():
                uow.reference.seed()
                uow.touch(Topic.REFERENCE)
                uow.commit()
        # after a restore: every erasure made since that backup, again, before anyone can work
        _REAPPLIED[db.engine] = reapply_erasures(db)
    except BaseException:
        db.dispose()
        raise
    return db


_REAPPLIED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_UPGRADE_BACKUPS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def upgrade_backup(db: Database) -> Path | None:
    """The backup made when opening `db` upgraded its schema (None: no upgrade)."""
    return _UPGRADE_BACKUPS.get(db.engine)


def program_schema() -> str:
    """The schema revision this program brings its databases to (Alembic's head)."""
    from desk.storage.migrate import head_revision

    return head_revision()


def reapplied_erasures(db: Database) -> list[int]:
    """The client numbers erased again when `db` was opened (erasures.py); shown on screen."""
    return list(_REAPPLIED.get(db.engine, []))
