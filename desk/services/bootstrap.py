"""Start-up of the data side: open, upgrade (after a backup), seed. Used by app.py and cli.py."""

from __future__ import annotations

import os
from pathlib import Path

from desk.services.paths import default_backup_dir, default_database_path
from desk.storage.engine import Database, open_database, sqlite_url
from desk.storage.migrate import schema_is_current, upgrade_database
from desk.storage.uow import unit_of_work_factory

DATABASE_URL_VARIABLE = "DESK_DATABASE_URL"


def resolve_database_url(option: str | None) -> str:
    """--database-url wins, then DESK_DATABASE_URL, then the SQLite file in the data directory."""
    if option:
        return option
    env = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    if env:
        return env
    return sqlite_url(default_database_path())


def prepare_database(url: str, *, backup_dir: Path | None = None, role: str | None = None,
                     read_only: bool = False) -> Database:
    """Open the database, bring its schema to head and seed the centre on first start.

    `read_only` (the waiting-room display): a database already at this program's schema is
    neither upgraded nor seeded (the display role on PostgreSQL may read only the display's
    table); a new or older one is prepared as usual where the role may (a single PC's first
    start) and refused with a message naming the administrator's command where it may not.
    `role`: act as this PostgreSQL role."""
    db = open_database(url, role=role)
    try:
        if read_only and schema_is_current(db):
            return db
        if backup_dir is None and db.sqlite_path is not None:
            backup_dir = default_backup_dir(db.sqlite_path)
        upgrade_database(db, backup_dir)
        uow_factory = unit_of_work_factory(db)
        with uow_factory(write=True) as uow:
            uow.reference.serialize_seed()
            if not uow.reference.is_seeded():
                uow.reference.seed()
                uow.touch("reference")
                uow.commit()
    except BaseException:
        db.dispose()
        raise
    return db
