"""The one engine and the one session factory of a process.

SQLite (one PC): WAL, foreign keys, a busy timeout, `synchronous=FULL` (an acknowledged commit
survives a power cut), `secure_delete` (erased data does not linger in the file), and write
transactions that start with `BEGIN IMMEDIATE`, so two writers queue on the busy timeout instead
of failing half-way with "database is locked". Read transactions start with a plain `BEGIN`.

PostgreSQL (several PCs): psycopg 3, READ COMMITTED; correctness comes from atomic conditional
updates, constraints and row locks in the repositories. No pool pre-ping: a unit of work sends its
BEGIN first, and a connection found dead there is replaced (Database._begin_alive).
"""

from __future__ import annotations

import logging
import os
import random
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from desk.domain.errors import (
    DatabaseError,
    DatabaseLockedError,
    DatabaseUnavailableError,
    NoSuchDatabaseError,
    ServerUnreachableError,
    TlsError,
    WrongPasswordError,
)
from desk.storage.files import private_dir, private_file
from desk.storage.models import add_partial_conditions
from desk.storage.prepared import keep_connection

log = logging.getLogger(__name__)

#: Execution option that marks a connection as the start of a write transaction.
WRITE_OPTION = "desk_write"
SQLITE_BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class Database:
    """The engine, its session factory, and a human-readable name of where the data lives."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        db = self.engine.url.database
        return Path(db) if db and db != ":memory:" else None

    @property
    def concurrent_reads(self) -> bool:
        """Whether reads on two connections at once see the same data: every database but SQLite's
        in-memory one (a database per connection), so a service may read on a second thread."""
        return not self.is_sqlite or self.sqlite_path is not None

    @property
    def display_name(self) -> str:
        """Where the data is, for the status bar: never includes a password."""
        if self.is_sqlite:
            return f"SQLite: {self.sqlite_path}"
        url = self.engine.url
        return f"PostgreSQL: {url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"

    @contextmanager
    def session(self, *, write: bool, one_read: bool = False) -> Iterator[Session]:
        """One short transaction: committed by the caller, rolled back on any error.

        `one_read`: the caller sends ONE read statement, through `read_once` (the hits of a
        search, every keystroke). On PostgreSQL it runs without a transaction (autocommit: one
        round trip instead of three - BEGIN, the statement, ROLLBACK; a single statement sees one
        snapshot either way), and a pooled connection found dead is replaced there."""
        session = self.sessions()
        try:
            if not self.is_sqlite:
                if one_read and not write:
                    _autocommit(session)
                else:
                    self._begin_alive(session, write)
            elif write:
                keep_connection(session, session.connection(execution_options={WRITE_OPTION: True}))
            yield session
        except BaseException:
            session.rollback()
            raise
        finally:
            _end_autocommit(session)
            session.close()

    def _begin_alive(self, session: Session, write: bool) -> None:
        """PostgreSQL: check out a connection and send its BEGIN now (psycopg would send it before
        the first statement): the BEGIN proves the connection alive, where the pool's pre-ping cost
        one more round trip per unit of work (issue 21). A connection found dead - the server
        restarted, the backend was terminated, the network dropped it while idle - was sent
        nothing but that BEGIN, so nothing is lost: the pool is dropped (its other idle connections
        died the same way, most likely) and a fresh connection does the work. Never retried after
        the BEGIN: from then on a statement may have been applied, and the error reaches the user."""
        options = {WRITE_OPTION: True} if write else {}
        connection = session.connection(execution_options=options)
        if _begin_now(connection.connection.dbapi_connection):
            keep_connection(session, connection)
            return
        log.info("A database connection was found closed before its transaction began; reconnecting.")
        connection.invalidate()
        session.close()
        self.engine.dispose()
        # a new connection: its BEGIN goes with the first statement
        keep_connection(session, session.connection(execution_options=options))

    def dispose(self) -> None:
        self.engine.dispose()


_ONE_READ = "desk_one_read"


def _autocommit(session: Session) -> None:
    """Check out a connection for a one-read unit of work and put it in autocommit (client side:
    nothing is sent); `_end_autocommit` takes it out again before it goes back to the pool."""
    dbapi_connection = session.connection().connection.dbapi_connection
    dbapi_connection.autocommit = True
    session.info[_ONE_READ] = dbapi_connection


def _end_autocommit(session: Session) -> None:
    dbapi_connection = session.info.pop(_ONE_READ, None)
    if dbapi_connection is None or dbapi_connection.closed:
        return
    try:
        dbapi_connection.autocommit = False  # idle after its one statement: client side only
    except Exception:  # noqa: BLE001 - not idle (cannot be after one autocommit statement): never pool it so
        dbapi_connection.close()  # the next BEGIN finds it closed and replaces it (_begin_now)


def read_once(session: Session, statement: Any, params: dict[str, Any]) -> list[Any]:
    """The rows of the one statement of a one-read unit of work (`Database.session(one_read=True)`).
    On PostgreSQL no BEGIN proved the pooled connection alive first: a connection found dead here
    (a server restart, a terminated backend) is replaced and the statement sent again, once - a
    read applies nothing, so nothing can happen twice."""
    try:
        return session.connection().execute(statement, params).all()
    except sa_exc.DBAPIError as error:
        if not (error.connection_invalidated and _ONE_READ in session.info):
            raise
    log.info("A database connection was found closed before a read; reconnecting.")
    session.info.pop(_ONE_READ)
    session.close()
    session.get_bind().dispose()  # its other idle connections died the same way, most likely
    _autocommit(session)
    return session.connection().execute(statement, params).all()


def _begin_now(dbapi_connection) -> bool:  # noqa: ANN001 - a psycopg connection
    """Send BEGIN on an idle psycopg connection (psycopg then sends none of its own); False when
    the connection turns out to be dead. Left to psycopg (True) when the connection has its own
    transaction characteristics (isolation level, read only: psycopg's BEGIN names them)."""
    from psycopg import pq

    pgconn = dbapi_connection.pgconn
    if dbapi_connection.isolation_level is not None or dbapi_connection.read_only is not None \
            or dbapi_connection.deferrable is not None or dbapi_connection.autocommit:
        return True
    if pgconn.status == pq.ConnStatus.BAD:
        return False
    if pgconn.transaction_status != pq.TransactionStatus.IDLE:
        return True
    result = pgconn.exec_(b"BEGIN")
    return result.status == pq.ExecStatus.COMMAND_OK or pgconn.status != pq.ConnStatus.BAD


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def looks_like_network_share(path: Path) -> bool:
    """SQLite over SMB/NFS corrupts data with several writers; we warn when the path looks like one."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            best = ("", "")
            resolved = str(path.resolve())
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best[0]):
                    best = (parts[1], parts[2])
            return best[1] in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "9p"}
    except OSError:
        return False


def _prepare_sqlite_file(path: Path) -> None:
    """Fail early, with a message naming the path, when SQLite could not use the file."""
    folder = path.parent
    try:
        private_dir(folder)
    except OSError as error:
        raise DatabaseError(
            "The folder {path} for the database cannot be created ({reason}). "
            "Choose another place with --database-url or fix the folder's permissions.",
            path=str(folder),
            reason=error.strerror or str(error),
        ) from error
    if path.exists():
        if path.is_dir():
            raise DatabaseError(
                "{path} is a folder, not a database file. Choose a file name with --database-url.",
                path=str(path),
            )
        if not os.access(path, os.R_OK):
            raise DatabaseError(
                "The database file {path} cannot be read (permissions). Ask the administrator "
                "to give this user access, or start with another database.",
                path=str(path),
            )
        if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
            raise DatabaseError(
                "The database file {path} or its folder is read-only. desk needs to write there "
                "(and to create the -wal file beside it). Fix the permissions or copy the file "
                "to a writable folder.",
                path=str(path),
            )
        side = unwritable_side_file(path)
        if side is not None:
            raise DatabaseError(
                "The file {path} beside the database cannot be written (permissions, or a read-only "
                "disk). desk needs it to save. Fix its permissions; do not delete it, it may hold the "
                "latest saved changes.",
                path=str(side),
            )
        with open(path, "rb") as handle:
            header = handle.read(16)
        if header and header != b"SQLite format 3\x00":
            raise DatabaseError(
                "{path} is not a desk database (it is not an SQLite file). Choose the right file, "
                "or restore a backup with 'desk-admin restore'.",
                path=str(path),
            )
    elif not os.access(folder, os.W_OK):
        raise DatabaseError(
            "The folder {path} is read-only; the database cannot be created there.",
            path=str(folder),
        )


def _never_create_again(engine: Engine, path: Path) -> None:
    """After the engine's first connection, a new one opens the file read-write and never creates it.

    SQLite creates a missing file on open: when the database was moved, renamed or deleted under a
    running desk (Linux lets that happen to an open file), the pool's next connection made a new,
    EMPTY database in its place - the check-in then said "no such table: ticket_counters", and the
    next start greeted the volunteer with the first-start wizard on that empty file. Now it says
    the file is gone (translate_error) and nothing appears at its place."""
    uri = path.resolve().as_uri() + "?mode=rw"
    if not uri.startswith("file:///"):
        return  # a UNC path (\\server\share): SQLite refuses a URI naming another host
    _existed: dict[str, bool] = {}

    @event.listens_for(engine, "do_connect")
    def _open_existing(_dialect, _record, cargs, cparams) -> None:  # noqa: ANN001 - SQLAlchemy's hook
        if _existed.get("once"):  # the engine's first connection may create a new database, no later one
            cargs[:] = [uri]
            cparams["uri"] = True
        _existed["once"] = True


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred-only).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        if connection.get_execution_options().get(WRITE_OPTION, False):
            _begin_immediate(connection)
            return
        # on the driver's connection: every read pays this, and SQLAlchemy's execution path
        # costs ten times the statement; a failure is raised again through it (wrapped, so the
        # unit of work translates it)
        try:
            connection.connection.dbapi_connection.execute("BEGIN")
        except sqlite3.Error:
            connection.exec_driver_sql("BEGIN")


def _begin_immediate(connection) -> None:
    """`BEGIN IMMEDIATE`, waiting up to the busy timeout for the write lock, FAIRLY.

    SQLite's own busy handler backs off to 100 ms naps, so under a steady write load a process
    that has waited long polls rarely and loses to fresh writers again and again: the
    reliability suite saw 8 busy processes starve one for more than 10 s ("database is locked"
    reaching the user). Here every waiter retries every 0.5-3 ms (random), so all waiters have
    the same chance, and a write still waits at most SQLITE_BUSY_TIMEOUT_MS.
    """
    raw = connection.connection.dbapi_connection
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        while time.monotonic() < deadline:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                text = str(error).lower()
                if "locked" not in text and "busy" not in text:
                    break  # not a lock: the attempt below raises it as SQLAlchemy's error
            time.sleep(random.uniform(0.0005, 0.003))
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # begins, or raises the wrapped error
    finally:
        raw.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")


_PASSWORD_IN_URL = re.compile(r"(?P<head>^[^:/?#]*://[^:/@?#]*:).*(?P<at>@)")


def redact_url(url: str) -> str:
    """`url` with any password replaced by ***, for messages (also when the address is malformed)."""
    return _PASSWORD_IN_URL.sub(lambda m: f"{m['head']}***{m['at']}", url)


DEAD_PEER_ARGS = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3,
                  "tcp_user_timeout": 10_000}
"""libpq's own limits for a server that answers nothing at all (switched off, network cable or Wi-Fi
gone): without them a statement sent into the void waited for the operating system's TCP retry
limit (~15 minutes on Linux) and a connection waiting for notifications forever - the check-in
dialog stayed "Checking in..." and no window said the server was away. Now an unanswered statement
fails after 10 s (tcp_user_timeout; Linux) and an idle connection is found dead after ~20 s
(keepalives; on Windows libpq sets idle and interval, and Windows gives up on unacknowledged data
by itself after about a minute). A busy server is not affected: its operating system still
acknowledges. An address may set its own values (?keepalives_idle=...)."""


def open_database(url: str, *, echo: bool = False, role: str | None = None) -> Database:
    """Build the engine and the session factory for `url`; check that the database answers.
    `role` (PostgreSQL): every connection acts as that role (SET ROLE) - the owner role when
    `desk-admin setup-server` runs the migrations over a superuser's connection."""
    try:
        parsed = make_url(url)
        port = parsed.port
    except (sa_exc.ArgumentError, ValueError) as error:  # ValueError: a port that is not a number
        raise DatabaseError(
            "The database address {url} is not valid. Examples: "
            "postgresql+psycopg://user@host:5432/desk or sqlite+pysqlite:////path/desk.sqlite",
            url=redact_url(url),
        ) from None if isinstance(error, ValueError) else error
    if port is not None and not 1 <= port <= 65535:
        raise DatabaseError("The port {port} in the database address {url} is not a port (1 to 65535).",
                            port=port, url=redact_url(url))
    if parsed.drivername == "postgres":  # the short form many tools write: PostgreSQL with desk's driver
        parsed = parsed.set(drivername="postgresql+psycopg")
        url = parsed.render_as_string(hide_password=False)
    if parsed.get_backend_name() == "postgresql" and not parsed.database:
        # without it the server picks the role's own database (for postgres: the maintenance
        # database 'postgres'), and desk would set itself up in there
        raise DatabaseError("The address must name the database (…/desk).")

    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            path = Path(database).expanduser()
            _prepare_sqlite_file(path)
            if looks_like_network_share(path):
                log.warning(
                    "The database %s looks like it is on a network share. SQLite on a share is "
                    "not supported with several PCs; use PostgreSQL.",
                    path,
                )
        engine = create_engine(url, echo=echo, hide_parameters=True,
                               connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_hooks(engine)
        if database and database != ":memory:" and not database.startswith("file:"):
            _never_create_again(engine, Path(database).expanduser())
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(
            url,
            echo=echo,
            hide_parameters=True,  # no client data in error messages, tracebacks or logs
            # no pool_pre_ping: the BEGIN of each unit of work is the liveness check (Database._begin_alive)
            pool_size=5,
            max_overflow=5,
            connect_args={"connect_timeout": 5, "application_name": "desk",
                          **{k: v for k, v in DEAD_PEER_ARGS.items() if k not in parsed.query}},
        )
        if role:
            quoted = '"' + role.replace('"', '""') + '"'

            @event.listens_for(engine, "connect")
            def _set_role(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI types
                with dbapi_connection.cursor() as cursor:
                    cursor.execute(f"SET ROLE {quoted}")
                dbapi_connection.commit()
    else:
        raise DatabaseError(
            "desk works with SQLite or PostgreSQL, not {backend}.", backend=parsed.get_backend_name()
        )

    add_partial_conditions(engine.dialect.name)  # the models' partial indexes, for this engine only
    sessions = sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)
    db = Database(engine=engine, sessions=sessions, url=url)
    check_connection(db)
    if db.sqlite_path is not None:
        for suffix in ("", "-wal", "-shm"):  # owner only, also a file an older version left 0644
            side = Path(str(db.sqlite_path) + suffix)
            if side.exists():
                private_file(side)
    return db


def check_connection(db: Database) -> None:
    """A first round trip, translated into a message a person can act on."""
    try:
        with db.engine.connect() as connection:
            if db.is_sqlite:
                connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            else:
                connection.exec_driver_sql("SELECT 1").scalar()
    except sa_exc.DBAPIError as error:
        raise translate_error(error, db.display_name, path=db.sqlite_path) from error


def unwritable_side_file(path: Path) -> Path | None:
    """The `-wal` or `-shm` file beside an SQLite database that exists but cannot be written."""
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists() and not os.access(side, os.W_OK):
            return side
    return None


def _diagnose_sqlite_files(path: Path, where: str) -> DatabaseError | None:
    """Which file or folder turned read-only, when SQLite only says "readonly" or "disk I/O error".

    (A read-only mount or an immutable file stops even the administrator, so os.access is asked.)
    """
    try:
        if not path.exists():
            return DatabaseError(
                "The database file {path} is no longer there: was it moved, renamed or deleted? Nothing "
                "was saved. Put it back, or restore the latest backup with 'desk-admin restore'; then "
                "start desk again.",
                path=str(path),
            )
        if path.parent.exists() and not os.access(path.parent, os.W_OK):
            return DatabaseError(
                "The folder {path} of the database has become read-only (a read-only disk or share, "
                "or changed permissions). Nothing was saved; everything saved before is kept. Make "
                "the folder writable again, then try again.",
                path=str(path.parent),
            )
        side = unwritable_side_file(path)
        if side is not None:
            return DatabaseError(
                "The file {path} beside the database cannot be written (permissions, or a read-only "
                "disk). Nothing was saved; everything saved before is kept. Fix its permissions; do "
                "not delete it, it may hold the latest saved changes.",
                path=str(side),
            )
        if path.exists() and not os.access(path, os.W_OK):
            return DatabaseError(
                "The database {where} is read-only. Nothing was saved. Fix the permissions or free "
                "the disk, then try again.",
                where=where,
            )
    except OSError:
        return None
    return None


def translate_error(error: BaseException, where: str, *, path: Path | None = None) -> DatabaseError:
    """Map a driver error to a DatabaseError that says what happened and what to do.

    `path` (SQLite): the database file, so a read-only folder or an unwritable -wal/-shm file
    can be named instead of SQLite's bare "unable to open" or "disk I/O error".
    """
    text = str(getattr(error, "orig", error)).lower()
    if path is not None and any(
        key in text for key in ("readonly", "read-only", "unable to open", "disk i/o error")
    ):
        diagnosed = _diagnose_sqlite_files(path, where)
        if diagnosed is not None:
            return diagnosed
    if "database is locked" in text or "database is busy" in text:
        return DatabaseLockedError(where=where)
    if "readonly" in text or "read-only" in text:
        return DatabaseError(
            "The database {where} is read-only. Nothing was saved. Fix the permissions or free "
            "the disk, then try again.",
            where=where,
        )
    if "disk is full" in text or "database or disk is full" in text or "no space" in text:
        return DatabaseError(
            "The disk holding {where} is full. Nothing was saved. Free some space and try again.",
            where=where,
        )
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return DatabaseError(
            "The database {where} is damaged. Restore the latest backup with "
            "'desk-admin restore' (the damaged file is kept).",
            where=where,
        )
    if "disk i/o error" in text:
        return DatabaseError(
            "The database {where} could not be written or read (disk I/O error). Nothing was saved. "
            "Check the disk and the -wal/-shm files beside the database, then try again.",
            where=where,
        )
    if "unable to open" in text:
        return DatabaseError(
            "The database {where} cannot be opened. Check that the folder exists and is writable.",
            where=where,
        )
    server = _server_error(text, where)
    if server is not None:
        return server
    if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError) or "connection" in text:
        return DatabaseUnavailableError(reason=f"{where}: {first_line(text)}")
    return DatabaseError("The database {where} reported an error: {reason}", where=where, reason=first_line(text))


def _server_error(text: str, where: str) -> DatabaseUnavailableError | None:
    """libpq's reasons for a failed connection, told apart (the texts are libpq's, in English)."""
    if "password authentication failed" in text or "no password supplied" in text \
            or ("authentication failed" in text and "password" in text):
        return WrongPasswordError(where=where)
    if "role" in text and "does not exist" in text:  # a wrong user name: the same answer as a wrong password
        return WrongPasswordError(where=where)
    if "does not exist" in text and "database" in text and "role" not in text:
        return NoSuchDatabaseError(where=where)
    if any(key in text for key in ("ssl", "certificate", "no encryption", "tls")):
        return TlsError(where=where, reason=first_line(text))
    if any(key in text for key in ("connection refused", "could not connect", "timeout expired", "timed out",
                                   "could not translate host name", "name or service not known",
                                   "no route to host", "network is unreachable", "connection to server")):
        return ServerUnreachableError(where=where, reason=first_line(text))
    return None


def first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""
