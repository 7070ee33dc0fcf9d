"""Backups: the automatic daily online backup with rotation, backup on demand, checks, restore.

SQLite: SQLite's backup API into the backup folder (`<data dir>/backups` by default):
`desk-daily-YYYYMMDD.sqlite` (the newest 7 kept) and `desk-weekly-YYYY-Www.sqlite` (the newest
4 kept). Every kind expires by the rule in desk.domain.backups (daily 7 days, everything else 35
days), applied whenever a backup is made; a restore of a backup older than that is refused unless
the head of department confirms it.
PostgreSQL: `pg_dump --format=custom` (files 0600) ONLY into the folder named in the machine
configuration (`[backup] folder` in desk.toml, docs/INSTALL.md), rotated and expired by the same
rule; never into a user's profile. The server's scheduled task runs `desk-admin backup --daily` there.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desk.domain.backups import LONGEST, expires_at, kind_of, made_at_from_name
from desk.domain.errors import ConflictError, DatabaseError, ValidationError
from desk.domain.permissions import Permission
from desk.domain.tickets import BERLIN
from desk.services.accounts import ensure_current
from desk.services.audit import record
from desk.services.clock import system_clock
from desk.services.context import Actor
from desk.services.gate import requires
from desk.services.paths import default_backup_dir
from desk.storage.engine import Database, sqlite_url
from desk.storage.maintenance import (
    CheckReport,
    backup_path,
    check_database,
    check_sqlite_file,
    pg_dump,
    restore_sqlite_file,
    sqlite_backup,
)
from desk.storage.migrate import known_revisions
from desk.storage.uow import UnitOfWorkFactory

KEEP_DAILY = 7
KEEP_WEEKLY = 4
_DAILY = re.compile(r"^desk-daily-(\d{8})\.(sqlite|dump)$")
_WEEKLY = re.compile(r"^desk-weekly-(\d{4}-W\d{2})\.(sqlite|dump)$")


def backup_too_old(backup: Path, now: datetime) -> int | None:
    """The age in days of a backup older than the longest retention (35 days); else None."""
    made = made_at_from_name(backup.name)
    if made is None:
        try:
            made = datetime.fromtimestamp(backup.stat().st_mtime, UTC)
        except OSError:
            return None
    age = now - made
    return age.days if age > LONGEST else None


def check_file(path: Path) -> CheckReport:
    """`desk-admin check` on an SQLite file: works on the file, so also when it is too damaged
    for desk to open."""
    if not Path(path).exists():
        raise DatabaseError("The database file {path} does not exist.", path=str(path))
    if Path(path).is_dir():  # not "damaged: restore a backup" over a folder
        raise DatabaseError("{path} is a folder, not a database file. Choose a file name with --database-url.",
                            path=str(path))
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header and header != b"SQLite format 3\x00":  # the wrong file, not a damaged database
        raise DatabaseError("{path} is not a desk database (it is not an SQLite file). Choose the right file, "
                            "or restore a backup with 'desk-admin restore'.", path=str(path))
    return check_sqlite_file(Path(path))


def written_by_newer_desk(revision: str | None) -> bool:
    """A schema revision this program does not know: the database was written by a newer desk."""
    return revision is not None and revision not in known_revisions()


@contextmanager
def checked_copy(backup: Path) -> Iterator[str]:
    """The address of a temporary copy of `backup`, checked first (DatabaseError when damaged):
    `desk-admin restore` logs in with an account of the backup when the database in use cannot
    be opened. The copy is deleted afterwards; the backup itself is never opened for writing."""
    if not check_sqlite_file(Path(backup)).ok:
        raise DatabaseError("The backup {path} is damaged; nothing was restored.", path=str(backup))
    with tempfile.TemporaryDirectory(prefix="desk-restore-") as folder:
        copy = Path(folder) / "backup.sqlite"
        shutil.copyfile(backup, copy)
        yield sqlite_url(copy)


def restore_file(backup: Path, target: Path, now: datetime) -> Path | None:
    """`desk-admin restore`: replace the SQLite file `target` with `backup` (checked first) while
    no desk has it open; works when the database in use is damaged or missing. Returns where the
    replaced file was kept (in its backup folder). The caller logged in a head of department and
    asked about the age (`backup_too_old`) before; opening the file afterwards upgrades it and
    erases again what the ledger of erasures holds, then `BackupService.record_restore`. `now`
    (the caller's clock) names the replaced file."""
    return restore_sqlite_file(Path(backup), Path(target), default_backup_dir(Path(target)), known_revisions(), now)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # daily, weekly, manual, before-upgrade, replaced, other
    made_at: datetime
    size: int
    expires_at: datetime | None = None  # deleted then (desk.domain.backups); None: not made by desk


class BackupService:
    def __init__(self, uow: UnitOfWorkFactory, db: Database, *, backup_dir: Path | None = None, clock=None) -> None:
        self._uow = uow
        self._db = db
        self._clock = clock or system_clock
        if backup_dir is None and db.sqlite_path is not None:
            backup_dir = default_backup_dir(db.sqlite_path)
        self._dir = backup_dir

    @property
    def backup_dir(self) -> Path | None:
        return self._dir

    def _folder(self) -> Path:
        if self._dir is None:
            if not self._db.is_sqlite:
                from desk.services.config import machine_config_path

                raise ValidationError(
                    "Backups of the PostgreSQL database go only to the folder named in the machine "
                    "configuration ([backup] folder in {path}); none is named there.",
                    path=str(machine_config_path()))
            from desk.services.paths import data_dir

            self._dir = data_dir() / "backups"
        return self._dir

    def _suffix(self) -> str:
        return ".sqlite" if self._db.is_sqlite else ".dump"

    def _make(self, target: Path) -> Path:
        if self._db.is_sqlite:
            if self._db.sqlite_path is None:
                raise ValidationError("An in-memory database cannot be backed up.")
            return sqlite_backup(self._db.sqlite_path, target)
        return pg_dump(self._db.url, target)

    # -- backups -----------------------------------------------------------------------------

    @requires(Permission.BACKUP)
    def backup_now(self, actor: Actor, folder: Path | None = None) -> Path:
        if folder and not self._db.is_sqlite and Path(folder).resolve() != self._folder().resolve():
            raise ValidationError("Backups of the PostgreSQL database go only to the folder named in the "
                                  "machine configuration ({path}), not to another one.", path=str(self._folder()))
        folder = Path(folder) if folder else self._folder()
        made = self._make(backup_path(folder, "desk-manual", self._suffix(), self._clock()))
        self._audit(actor, "backup.create", {"file": str(made)})
        self._expire(actor)
        return made

    @requires(Permission.BACKUP)
    def run_daily_backup(self, actor: Actor) -> Path | None:
        """Today's backup if there is none yet, the week's copy, and rotation. None: nothing due."""
        local = self._clock().astimezone(BERLIN)
        folder = self._folder()
        daily = folder / f"desk-daily-{local:%Y%m%d}{self._suffix()}"
        made = None
        if not daily.exists():
            made = self._make(daily)
        year, week, _ = local.isocalendar()
        weekly = folder / f"desk-weekly-{year}-W{week:02d}{self._suffix()}"
        if not weekly.exists():
            self._make(weekly)
        self._rotate(folder)
        if made is not None:
            self._audit(actor, "backup.daily", {"file": str(made)})
        self._expire(actor)
        return made

    def _expire(self, actor: Actor) -> dict[str, int]:
        """Delete every backup whose time has come (desk.domain.backups); audited with counts."""
        now = self._clock()
        deleted: dict[str, int] = {}
        for backup in self._list():
            if backup.expires_at is not None and backup.expires_at <= now:
                try:
                    backup.path.unlink()
                except OSError:
                    continue
                deleted[backup.kind] = deleted.get(backup.kind, 0) + 1
        if deleted:
            self._audit(actor, "backup.expire", deleted)
        return deleted

    def _rotate(self, folder: Path) -> None:
        for pattern, keep in ((_DAILY, KEEP_DAILY), (_WEEKLY, KEEP_WEEKLY)):
            files = sorted((p for p in folder.iterdir() if pattern.match(p.name)), key=lambda p: p.name)
            for old in files[:-keep]:
                try:
                    old.unlink()
                except OSError:
                    pass

    @requires(Permission.BACKUP)
    def backups(self, actor: Actor) -> list[BackupFile]:
        """Newest first, each with the time it will be deleted (desk.domain.backups)."""
        return self._list()

    def _list(self) -> list[BackupFile]:
        folder = self._folder()
        if not folder.is_dir():
            return []
        found = []
        for path in folder.iterdir():
            if not path.is_file() or path.name.endswith(".partial") or path.suffix not in {".sqlite", ".dump"}:
                continue
            kind = kind_of(path.name)
            stat = path.stat()
            made = (made_at_from_name(path.name) or datetime.fromtimestamp(stat.st_mtime, UTC)).astimezone(UTC)
            found.append(BackupFile(path, kind, made, stat.st_size, expires_at(kind, made)))
        return sorted(found, key=lambda b: b.made_at, reverse=True)

    @requires(Permission.BACKUP)
    def latest_good_backup(self, actor: Actor) -> Path | None:
        for backup in self.backups(actor):
            if backup.kind != "replaced" and backup.path.suffix == ".sqlite" and check_sqlite_file(backup.path, quick=True).ok:
                return backup.path
        return None

    # -- checks and restore ------------------------------------------------------------------

    @requires(Permission.BACKUP)
    def check(self, actor: Actor, *, quick: bool = False) -> CheckReport:
        return check_database(self._db, quick=quick)

    @requires(Permission.BACKUP)
    def too_old(self, actor: Actor, backup: Path) -> int | None:
        """Days of age of a backup older than the retention period (it needs a confirmation)."""
        return backup_too_old(Path(backup), self._clock())

    @requires(Permission.BACKUP)
    def restore(self, actor: Actor, backup: Path, *, confirm_old: bool = False) -> Path | None:
        """Replace the SQLite database with `backup` (checked first); returns where the replaced
        file was kept. The program must be restarted afterwards (the caller closes the services);
        at that start every erasure in the ledger is applied again (services/erasures.py).

        A backup older than the retention period (35 days) may hold people erased long ago and
        data past its time: it is refused unless the head of department confirms (`confirm_old`)."""
        if not self._db.is_sqlite or self._db.sqlite_path is None:
            raise ValidationError("Restore a PostgreSQL database with pg_restore on the server (installation guide, docs/INSTALL.md: Restore for real).")
        days = backup_too_old(Path(backup), self._clock())
        if days is not None and not confirm_old:
            raise ConflictError("This backup is {days} days old, older than the retention period of {limit} days: "
                                "it may hold data that should be gone. Only the head of department can "
                                "restore it, confirming explicitly.", days=days, limit=LONGEST.days)
        target = self._db.sqlite_path
        with self._uow() as uow:
            ensure_current(uow, actor, Permission.BACKUP)  # a demoted head of department: refused here
        self._db.dispose()  # our own connections must not hold the file
        kept = restore_sqlite_file(Path(backup), target, self._folder(), known_revisions(), self._clock())
        try:
            self._audit(actor, "backup.restore", {"file": str(backup), "replaced_kept_as": str(kept),
                                                  "age_days": days, "confirmed_old": confirm_old})
        except DatabaseError:
            pass  # the restored database is fine; the entry is best effort
        return kept

    @requires(Permission.BACKUP)
    def record_restore(self, actor: Actor, backup: Path, *, kept: Path | None, age_days: int | None,
                       confirmed_old: bool) -> list[int]:
        """After `restore_file` and opening the restored database: the audit entry, with how many
        erasures the opening applied again; returns their client numbers."""
        from desk.services.bootstrap import reapplied_erasures

        again = reapplied_erasures(self._db)
        self._audit(actor, "backup.restore", {"file": str(backup), "replaced_kept_as": str(kept),
                                              "age_days": age_days, "confirmed_old": bool(confirmed_old),
                                              "erasures_reapplied": len(again)})
        return again

    def _audit(self, actor: Actor, action: str, details: dict) -> None:
        with self._uow(write=True) as uow:
            record(uow, actor, action, entity_type="backup", details=details)
            uow.commit()
