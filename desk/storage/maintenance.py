"""File-level care of the database: online backup, checks, restore, WAL checkpoint, pg_dump.

SQLite backups always go through SQLite's backup API (never a file copy of a live database).
A restore replaces the database file only after the candidate passed the integrity check and
proved to be a desk database; the replaced file is kept beside the backups.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.domain.backups import name_stamp
from desk.domain.errors import DatabaseError
from desk.storage.engine import SQLITE_BUSY_TIMEOUT_MS, Database
from desk.storage.files import private_dir, private_file

#: Tables every desk database has (a restore refuses a file without them).
DESK_TABLES = frozenset({"alembic_version", "staff", "clients", "visits", "audit_events", "services"})


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    integrity: list[str]
    foreign_keys: list[str]
    revision: str | None

    def lines(self) -> list[str]:
        return [
            f"integrity: {'ok' if self.integrity == ['ok'] else '; '.join(self.integrity[:10])}",
            f"foreign keys: {'ok' if not self.foreign_keys else '; '.join(self.foreign_keys[:10])}",
            f"schema: {self.revision or 'none'}",
        ]


# -- SQLite -----------------------------------------------------------------------------------


def _open_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


def sqlite_backup(source: Path, target: Path) -> Path:
    """Copy the live database `source` into `target` through the backup API, then verify it.

    Written to `target.partial` first and renamed only when it passed the quick check, so a
    full or read-only folder never leaves a half backup behind under a real name."""
    partial = target.with_name(target.name + ".partial")
    try:
        private_dir(target.parent)
        src = sqlite3.connect(str(source), timeout=10)
        try:
            dst = sqlite3.connect(str(partial))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                result = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if result != "ok":
            raise DatabaseError("The backup {path} failed its check ({reason}); it was not kept.",
                                path=str(target), reason=result)
        private_file(partial)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        _remove_quietly(partial)
        raise DatabaseError(
            "No backup was made: the backup folder {path} is not writable or full ({reason}). "
            "Free space or choose another folder.",
            path=str(target.parent), reason=str(error),
        ) from error
    except BaseException:
        _remove_quietly(partial)
        raise
    return target


def backup_path(backup_dir: Path, prefix: str, suffix: str, now: datetime) -> Path:
    """`<prefix>-<now in the centre's time and its UTC offset><suffix>` (domain.backups.name_stamp),
    numbered -2, -3, ... when two copies are made within a second. `now`: the services' clock."""
    stamp = name_stamp(now)
    target = backup_dir / f"{prefix}-{stamp}{suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = backup_dir / f"{prefix}-{stamp}-{counter}{suffix}"
    return target


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def check_sqlite_file(path: Path, *, quick: bool = False) -> CheckReport:
    """integrity_check (or quick_check), foreign_key_check and schema revision of a file."""
    try:
        connection = _open_ro(path)
    except sqlite3.Error as error:
        return CheckReport(False, [str(error)], [], None)
    try:
        try:
            pragma = "quick_check" if quick else "integrity_check"
            integrity = [row[0] for row in connection.execute(f"PRAGMA {pragma}")]
            fks = [f"{r[0]} row {r[1]} -> {r[2]}" for r in connection.execute("PRAGMA foreign_key_check")]
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        except sqlite3.DatabaseError as error:
            return CheckReport(False, [str(error)], [], None)
    finally:
        connection.close()
    return CheckReport(integrity == ["ok"] and not fks, integrity, fks, revision)


def desk_tables_missing(path: Path) -> set[str]:
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return set(DESK_TABLES)
    connection = _open_ro(path)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError:
        return set(DESK_TABLES)
    finally:
        connection.close()
    return set(DESK_TABLES) - tables


def ensure_not_in_use(path: Path) -> None:
    """Refuse to replace a database another program (or this one) has open for writing."""
    if not path.exists():
        return
    try:
        connection = sqlite3.connect(str(path), timeout=0.5, isolation_level=None)
        try:
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("ROLLBACK")
        finally:
            connection.close()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseError(
                "The database {path} is in use. Close desk on this computer first, then restore.",
                path=str(path),
            ) from error
        # a damaged file: it may be replaced


def restore_sqlite_file(backup: Path, target: Path, keep_dir: Path, known_revisions: set[str],
                        now: datetime) -> Path | None:
    """Replace `target` with `backup` after checking it; returns where the replaced file went
    (named by `now`, the services' clock)."""
    if not backup.is_file():
        raise DatabaseError("The backup file {path} does not exist.", path=str(backup))
    missing = desk_tables_missing(backup)
    if missing:
        raise DatabaseError(
            "{path} is not a backup of this application (missing: {missing}). Nothing was changed.",
            path=str(backup), missing=", ".join(sorted(missing)),
        )
    report = check_sqlite_file(backup)
    if not report.ok:
        raise DatabaseError("The backup {path} is damaged ({reason}). Nothing was changed. Try an older backup.",
                            path=str(backup), reason="; ".join(report.integrity[:3] + report.foreign_keys[:3]))
    if report.revision not in known_revisions:
        raise DatabaseError(
            "The backup {path} was made by a newer version of desk (schema {revision}). Nothing was changed.",
            path=str(backup), revision=str(report.revision),
        )
    ensure_not_in_use(target)
    kept: Path | None = None
    moved: list[tuple[Path, Path]] = []
    try:
        private_dir(keep_dir)
        if target.exists():
            kept = backup_path(keep_dir, "desk-replaced", ".sqlite", now)
            for suffix in ("", "-wal", "-shm"):
                src = Path(str(target) + suffix)
                if src.exists():
                    dst = Path(str(kept) + suffix)
                    shutil.move(src, dst)
                    moved.append((src, dst))
        src_conn = _open_ro(backup)
        try:
            dst_conn = sqlite3.connect(str(target))
            try:
                src_conn.backup(dst_conn)
            finally:
                dst_conn.close()
        finally:
            src_conn.close()
        if not check_sqlite_file(target, quick=True).ok:
            raise DatabaseError("The restored file {path} failed its check.", path=str(target))
    except (OSError, sqlite3.Error, DatabaseError) as error:
        # put everything back as it was
        for suffix in ("", "-wal", "-shm"):
            _remove_quietly(Path(str(target) + suffix))
        for src, dst in moved:
            shutil.move(dst, src)
        if isinstance(error, DatabaseError):
            raise
        raise DatabaseError("The restore failed ({reason}); the database was left as it was.",
                            reason=str(error)) from error
    return kept


#: How long an erasure keeps trying to empty the WAL while other PCs are reading.
CHECKPOINT_WITHIN_SECONDS = 15.0


def checkpoint(db: Database, *, within: float = CHECKPOINT_WITHIN_SECONDS, pause: float = 0.05) -> bool:
    """Move the WAL into the database file and truncate it to zero bytes (after erasing data).

    `PRAGMA wal_checkpoint(TRUNCATE)` answers (busy, frames in the WAL, frames checkpointed). While
    another connection (another PC, the live-update thread) is inside a read transaction, the
    checkpoint cannot copy the frames it might still need, answers busy=1, and the erased text stays
    in the -wal file. So: try again until the answer is (0, 0, 0) — the WAL is empty — or `within`
    seconds have passed. True when the WAL is clean; False says it could not be done (the caller
    reports it; the next checkpoint, at the latest when the last connection closes, finishes it)."""
    if not db.is_sqlite:
        return True
    deadline = time.monotonic() + within
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA busy_timeout = 100")
        try:
            while True:
                busy, log, done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if busy == 0 and log in (0, -1) and done in (0, -1):
                    return True
                if time.monotonic() >= deadline:
                    return False
                time.sleep(pause)
        finally:
            raw.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")


def compact(db: Database, tables: list[str]) -> list[str]:
    """Rewrite the files so that freed space holding erased data is gone; returns what was done.

    SQLite: VACUUM (a new file; secure_delete already zeroes freed pages) and an emptied WAL.
    PostgreSQL: VACUUM FULL of each table (a new heap file; the old one is unlinked — on an
    unencrypted disk its blocks stay until overwritten) and CHECKPOINT when the role may (WAL
    segments are recycled by the server's own retention; see docs/DATA-PROTECTION.md)."""
    done: list[str] = []
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        if db.is_sqlite:
            # on the driver's connection: through SQLAlchemy the engine's "begin" hook would open
            # a transaction first (even in AUTOCOMMIT), and SQLite "cannot VACUUM from within a transaction"
            connection.connection.driver_connection.execute("VACUUM")
            done.append("VACUUM")
        else:
            # VACUUM FULL needs the table's owner; as the application role PostgreSQL would skip
            # the table with a mere warning, so say so instead (run it as the owner role)
            owned = dict(connection.exec_driver_sql(
                "SELECT tablename, pg_has_role(tableowner, 'USAGE') FROM pg_tables "
                "WHERE schemaname = current_schema()").all())
            for table in tables:
                if table not in owned:
                    continue
                if not owned[table]:
                    done.append(f"skipped {table}: only its owner may VACUUM FULL it")
                    continue
                connection.exec_driver_sql(f'VACUUM FULL "{table}"')
                done.append(f"VACUUM FULL {table}")
            try:
                connection.exec_driver_sql("CHECKPOINT")
                done.append("CHECKPOINT")
            except Exception:  # noqa: BLE001 - needs superuser or pg_checkpoint; reported by its absence
                pass
    if db.is_sqlite:
        done.append("WAL emptied" if checkpoint(db) else "WAL busy (another PC is reading)")
    return done


def check_database(db: Database, *, quick: bool = False) -> CheckReport:
    if db.is_sqlite and db.sqlite_path is not None:
        return check_sqlite_file(db.sqlite_path, quick=quick)
    with db.engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        broken = []
        # PostgreSQL enforces foreign keys and checksums itself; count rows as a smoke test
        for table in ("staff", "clients", "visits", "audit_events"):
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()  # noqa: S608 - fixed names
    return CheckReport(True, ["ok"], broken, revision)


# -- PostgreSQL ---------------------------------------------------------------------------------


def libpq_url(url: str) -> str:
    """postgresql+psycopg://... -> postgresql://... (what pg_dump understands), WITHOUT the
    password: other users of the computer can read a program's command line (ps)."""
    parsed = make_url(url)
    return parsed.set(drivername="postgresql")._replace(password=None).render_as_string(hide_password=False)


def libpq_environment(url: str) -> dict[str, str]:
    """The environment for a PostgreSQL client program: the password (if the address has one)
    goes in PGPASSWORD, which only the process and its owner can read; else ~/.pgpass applies."""
    env = dict(os.environ)
    password = make_url(url).password
    if password:
        env["PGPASSWORD"] = str(password)
    return env


def pg_dump(url: str, target: Path) -> Path:
    program = shutil.which("pg_dump")
    if program is None:
        raise DatabaseError(
            "pg_dump was not found on this computer. Install the PostgreSQL client tools, or back "
            "up on the server with: pg_dump -Fc -f desk.dump DATABASE (installation guide, docs/INSTALL.md: "
            "Backups of the PostgreSQL database)."
        )
    partial = target.with_name(target.name + ".partial")
    try:
        private_dir(target.parent)
        # the dump holds every client's data: readable by the owner only, from its first byte
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        private_file(partial)
        result = subprocess.run(
            # --enable-row-security: the application's role is subject to the kiosk's row-level security
            # (desk.storage.roles.KIOSK_ROWS; its own policies let it see every row), and pg_dump refuses
            # such a table without it rather than dump fewer rows than there are
            [program, "--format=custom", "--no-owner", "--enable-row-security", f"--file={partial}",
             f"--dbname={libpq_url(url)}"],
            capture_output=True, text=True, timeout=3600, check=False, env=libpq_environment(url),
        )
        if result.returncode != 0:
            raise DatabaseError("pg_dump failed: {reason}", reason=result.stderr.strip()[:500])
        private_file(partial)
        os.replace(partial, target)
    except OSError as error:
        _remove_quietly(partial)
        raise DatabaseError(
            "No backup was made: the backup folder {path} is not writable or full ({reason}).",
            path=str(target.parent), reason=str(error),
        ) from error
    except BaseException:
        _remove_quietly(partial)
        raise
    return target
