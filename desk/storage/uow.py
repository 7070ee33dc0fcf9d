"""Unit of work: one short transaction per user action ("the scope of a button push").

    with uow_factory(write=True) as uow:
        uow.clients.add(...)
        uow.commit()

Leaving the block without `commit()` rolls back. A write unit of work starts with
`BEGIN IMMEDIATE` on SQLite. `commit()` also bumps the change counter and, on PostgreSQL, sends
a NOTIFY, so every other workstation refreshes within a second (see desk.storage.changes).
Driver errors leave this module as `desk.domain.errors.DatabaseError` with a message a person
can act on; nothing above storage ever sees an SQLAlchemy exception.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, delete, insert, text, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from desk.domain.errors import AlreadyDoneError, DeskError, ValidationError
from desk.domain.topics import Topic
from desk.storage.engine import Database, translate_error
from desk.storage.models import ChangeCounter, ChangeLog
from desk.storage.prepared import Prepared, session_connection

if TYPE_CHECKING:

    from desk.storage.repositories.accounts import AccountRepository
    from desk.storage.repositories.appointments import AppointmentRepository
    from desk.storage.repositories.audit import AuditRepository
    from desk.storage.repositories.bookings import BookingRepository
    from desk.storage.repositories.clients import ClientRepository
    from desk.storage.repositories.kiosk import KioskRepository
    from desk.storage.repositories.privacy import PrivacyRepository
    from desk.storage.repositories.reception import ReceptionRepository
    from desk.storage.repositories.reference import ReferenceRepository
    from desk.storage.repositories.reminders import ReminderRepository
    from desk.storage.repositories.reports import ReportRepository
    from desk.storage.repositories.settings import SettingsRepository
    from desk.storage.repositories.visits import VisitRepository

NOTIFY_CHANNEL = "desk_changes"

CHANGE_LOG_KEEP = 1000
"""change_log rows kept: a probe further behind than this many commits reloads everything."""

_recording = threading.local()


@contextmanager
def recording_commits() -> Iterator[dict[int, frozenset[Topic]]]:
    """Collect {change counter value: topics} of every commit this thread makes inside the block,
    so the caller (a view's worker) knows which announced changes are its own."""
    made: dict[int, frozenset[Topic]] = {}
    outer = getattr(_recording, "made", None)
    _recording.made = made
    try:
        yield made
    finally:
        _recording.made = outer
        if outer is not None:
            outer.update(made)


def announce_in(session: Session, dialect: str, topics: set[Topic] | frozenset[Topic]) -> int:
    """Within a write transaction: bump the change counter, log the topics under the new value
    (change_log: the SQLite probe reads them) and, on PostgreSQL, NOTIFY "<counter>:<topics>".
    No topic named: "any". Returns the new counter value.

    The counter row is locked until commit, so counter values follow commit order; numbering
    each notification lets a listener see a commit whose notification it never got (a gap in
    the numbers) and reload everything instead of missing it (see desk.storage.changes)."""
    words = ",".join(sorted(str(t) for t in topics)) or Topic.ANY.value
    connection = session_connection(session)  # statements built and compiled once (desk.storage.prepared)
    if dialect == "postgresql":
        # one round trip instead of three (bump, log, notify): every write transaction pays it
        ((value, _notified),) = _ANNOUNCE_POSTGRES.all(connection, {
            "changed_at": datetime.now(UTC).replace(tzinfo=None), "topics": words, "channel": NOTIFY_CHANNEL,
        })
    else:
        ((value,),) = _BUMP.all(connection, {"changed_at": datetime.now(UTC)})
        _LOG.execute(connection, {"value": value, "topics": words})
    if value % 100 == 0:
        session.execute(delete(ChangeLog).where(ChangeLog.value <= value - CHANGE_LOG_KEEP))
    return value


_BUMP = Prepared(update(ChangeCounter).where(ChangeCounter.id == 1)
                  .values(value=ChangeCounter.value + 1,
                          changed_at=bindparam("changed_at", type_=ChangeCounter.changed_at.type))
                  .returning(ChangeCounter.value))
_LOG = Prepared(insert(ChangeLog))

#: PostgreSQL: bump the counter, log the topics under the new value and NOTIFY "<value>:<topics>",
#: in one statement (the data-modifying CTEs run exactly once, in the same transaction).
_ANNOUNCE_POSTGRES = Prepared(text("""
WITH bumped AS (
    UPDATE change_counter SET value = value + 1, changed_at = :changed_at WHERE id = 1 RETURNING value
), logged AS (
    INSERT INTO change_log (value, topics) SELECT value, :topics FROM bumped
)
SELECT value, pg_notify(:channel, value || ':' || :topics) FROM bumped"""))


def already_done(error: BaseException | None) -> bool:
    """The refusal of a row whose request key is stored already (uq_<table>_request_key: an
    earlier attempt of the same action was saved; desk.services.once). The driver's own message
    is looked at, not the statement's text, which may name any column."""
    return isinstance(error, sa_exc.IntegrityError) and "request_key" in str(error.orig)


class UnitOfWork:
    def __init__(self, db: Database, *, write: bool, one_read: bool = False) -> None:
        self._db = db
        self.write = write
        self.one_read = one_read
        self._session_cm = None
        self.session: Session
        self._committed = False
        self._topics: set[Topic] = set()

    # -- context manager ------------------------------------------------------------------

    def __enter__(self) -> UnitOfWork:
        self._session_cm = self._db.session(write=self.write, one_read=self.one_read)
        try:
            self.session = self._session_cm.__enter__()
        except sa_exc.DBAPIError as error:
            raise translate_error(error, self._db.display_name, path=self._db.sqlite_path) from error
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._session_cm is not None
        try:
            if self.write and not self._committed:
                self.session.rollback()
            elif not self.write:
                self.session.close()  # ends the read (its rollback) once: rollback, then close, did it twice
        except sa_exc.DBAPIError:
            pass  # the connection is gone; the transaction died with it
        finally:
            self._session_cm.__exit__(None, None, None)
        if already_done(exc):
            raise AlreadyDoneError() from exc
        if exc is not None and isinstance(exc, sa_exc.DBAPIError):
            raise translate_error(exc, self._db.display_name, path=self._db.sqlite_path) from exc
        if isinstance(exc, sa_exc.StatementError) and isinstance(exc.orig, UnicodeEncodeError):
            exc = exc.orig  # raised while the parameters were bound: wrapped by SQLAlchemy (prepared.py)
        if exc is not None and isinstance(exc, UnicodeEncodeError):
            # a lone surrogate (broken UTF-16 pasted from elsewhere) cannot be stored as UTF-8
            raise ValidationError(
                "The text contains a broken character that cannot be saved. Please retype it."
            ) from exc

    # -- transaction ------------------------------------------------------------------------

    def touch(self, *topics: Topic) -> None:
        """Name what this transaction changes (Topic.VISITS, ...): each open view reloads only for
        the topics it shows. A commit that names none is announced as Topic.ANY."""
        for topic in topics:
            if not isinstance(topic, Topic):
                raise TypeError(f"uow.touch takes desk.domain.topics.Topic, not {topic!r}")
        self._topics.update(topics)

    def commit(self, *, announce: bool = True) -> None:
        """Commit; `announce=False` for a transaction that only appends to the audit log (a list
        read): nothing another window shows changed, so the other PCs are not asked to reload."""
        if not self.write:
            raise RuntimeError("commit() on a read-only unit of work")
        try:
            self.session.flush()
            number = announce_in(self.session, self._db.engine.dialect.name, self._topics) if announce else None
            self.session.commit()
            made = getattr(_recording, "made", None)
            if made is not None and number is not None:
                made[number] = frozenset(self._topics) or frozenset({Topic.ANY})
        except DeskError:
            raise
        except sa_exc.DBAPIError as error:
            if already_done(error):
                raise AlreadyDoneError() from error
            raise translate_error(error, self._db.display_name, path=self._db.sqlite_path) from error
        self._committed = True

    @property
    def dialect(self) -> str:
        return self._db.engine.dialect.name

    @property
    def concurrent_reads(self) -> bool:
        """Whether another unit of work may read at the same time on another thread (Database)."""
        return self._db.concurrent_reads

    # -- repositories (created on first use) ----------------------------------------------

    @cached_property
    def reference(self) -> ReferenceRepository:
        from desk.storage.repositories.reference import ReferenceRepository

        return ReferenceRepository(self.session)

    @cached_property
    def settings(self) -> SettingsRepository:
        from desk.storage.repositories.settings import SettingsRepository

        return SettingsRepository(self.session)

    @cached_property
    def audit(self) -> AuditRepository:
        from desk.storage.repositories.audit import AuditRepository

        return AuditRepository(self.session)

    @cached_property
    def bookings(self) -> BookingRepository:
        from desk.storage.repositories.bookings import BookingRepository

        return BookingRepository(self.session)

    @cached_property
    def accounts(self) -> AccountRepository:
        from desk.storage.repositories.accounts import AccountRepository

        return AccountRepository(self.session)

    @cached_property
    def privacy(self) -> PrivacyRepository:
        from desk.storage.repositories.privacy import PrivacyRepository

        return PrivacyRepository(self.session)

    @cached_property
    def clients(self) -> ClientRepository:
        from desk.storage.repositories.clients import ClientRepository

        return ClientRepository(self.session)

    @cached_property
    def appointments(self) -> AppointmentRepository:
        from desk.storage.repositories.appointments import AppointmentRepository

        return AppointmentRepository(self.session)

    @cached_property
    def visits(self) -> VisitRepository:
        from desk.storage.repositories.visits import VisitRepository

        return VisitRepository(self.session)

    @cached_property
    def reception(self) -> ReceptionRepository:
        from desk.storage.repositories.reception import ReceptionRepository

        return ReceptionRepository(self.session)

    @cached_property
    def reminders(self) -> ReminderRepository:
        from desk.storage.repositories.reminders import ReminderRepository

        return ReminderRepository(self.session)

    @cached_property
    def reports(self) -> ReportRepository:
        from desk.storage.repositories.reports import ReportRepository

        return ReportRepository(self.session)

    @cached_property
    def kiosk(self) -> KioskRepository:
        from desk.storage.repositories.kiosk import KioskRepository

        return KioskRepository(self.session)


UnitOfWorkFactory = Callable[..., UnitOfWork]


def unit_of_work_factory(db: Database) -> UnitOfWorkFactory:
    def make(*, write: bool = False, one_read: bool = False) -> UnitOfWork:
        """`one_read`: a read of ONE statement, sent by a repository through `engine.read_once`
        (on PostgreSQL without BEGIN and ROLLBACK: Database.session)."""
        return UnitOfWork(db, write=write, one_read=one_read)

    return make
