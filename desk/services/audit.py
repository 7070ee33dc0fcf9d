"""Writing audit events from the services (inside the same transaction as the change).

Only actions registered in `desk.domain.audit.ACTIONS` are written (anything else is a programming
error and raises KeyError); every entry's details pass through `desk.domain.audit.scrub` with the
action's keys: the log says who did what to which record and which fields changed, never free text
or names (issue 15)."""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from desk.domain.audit import CLIENT_IDS, audit_action, scrub
from desk.domain.tickets import BERLIN
from desk.domain.topics import Topic
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.storage.repositories.audit import audit_entry
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory


def record(uow: UnitOfWork, actor: Actor, action: str, **fields: Any) -> None:
    """Write an audit entry in the unit of work's transaction (the keywords of entry())."""
    uow.audit.append_entry(entry(uow, actor, action, **fields))


def entry(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    *,
    entity_type: str = "",
    entity_id: int | None = None,
    client_id: int | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> dict[str, Any]:
    """The audit entry record() writes, for a statement that writes it with its subject in the
    same transaction (the check-in's visit: VisitRepository.add_row)."""
    audit_action(action)  # refuses an unregistered action before anything is written
    uow.touch(Topic.AUDIT)  # an audit-only commit (a login, a card read) reloads no list anywhere
    return audit_entry(actor_id=actor.staff_id, actor_name=actor.name, action=action, entity_type=entity_type,
                       entity_id=entity_id, client_id=client_id, details=scrub(details, action),
                       workstation=actor.workstation, at=at)


#: How long the background writer gathers list reads before it writes them: a name typed into
#: the search is a few keystrokes within a second, written as one entry in one commit.
LIST_READ_DELAY = 0.5
#: Longest pause between attempts while the database refuses the write (locked, unreachable).
LIST_READ_RETRY_MAX = 30.0

_log = logging.getLogger(__name__)


class ListReads:
    """Records reads of client lists (issue 14: "who looked at whom"): one `client.list_read`
    entry per read, carrying the client numbers the list showed (`client_ids`) and which list it
    was (`list`).

    The views re-read their lists on every change another PC makes, so a read records only the
    clients this reader has not yet been recorded seeing in this list today (per process): the
    first read of the day's waiting list names everyone on it, a re-read after a check-in names
    the new arrival, a re-read that shows no one new records nothing. `every_time=True` (an
    export) records every read in full. The entry is committed without announcing a change, so
    the other PCs do not reload for it.

    With a `writer` (the search: a read per keystroke) the entry is not committed before the list
    returns but handed to the background `ListReadWriter`, which commits it within
    LIST_READ_DELAY and at the latest when the services close (logout, exit); see there."""

    def __init__(self, uow: UnitOfWorkFactory, writer: ListReadWriter | None = None, *,
                 clock: Clock = system_clock) -> None:
        self._uow = uow
        self._writer = writer
        self._clock = clock
        self._lock = threading.Lock()
        self._day: date | None = None
        self._seen: dict[tuple[Any, ...], set[int]] = {}

    def record(self, actor: Actor, kind: str, client_ids: Iterable[int | None], *,
               now: datetime | None = None, every_time: bool = False) -> None:
        ids = {i for i in client_ids if i is not None}
        if not ids:
            return
        at = now or self._clock()
        day = at.astimezone(BERLIN).date()
        key = (actor.staff_id, actor.name, actor.workstation, kind)
        deferred = self._writer is not None and not every_time
        with self._lock:
            if day != self._day:
                self._seen.clear()
                self._day = day
            new = ids if every_time else ids - self._seen.get(key, set())
            if new and deferred:  # queued now: the writer keeps it until it is written
                self._seen.setdefault(key, set()).update(new)
        if not new:
            return
        if deferred:
            assert self._writer is not None
            self._writer.put(actor, kind, new, at)
            return
        with self._uow(write=True) as uow:
            _write_list_read(uow, actor, kind, new)
            uow.commit(announce=False)
        with self._lock:
            if self._day == day:
                self._seen.setdefault(key, set()).update(new)


def _write_list_read(uow: UnitOfWork, actor: Actor, kind: str, ids: set[int] | frozenset[int],
                     at: datetime | None = None) -> None:
    record(uow, actor, "client.list_read", entity_type="client",  # LIST_READ
           client_id=next(iter(ids)) if len(ids) == 1 else None,
           details={"list": kind, CLIENT_IDS: sorted(ids)}, at=at)


class ListReadWriter:
    """Commits list reads in the background, so a keystroke's hits return without waiting for a
    durable write (an fsync on SQLite, a round trip on PostgreSQL).

    A read is queued with the moment it happened (the entry's `at`). A daemon thread writes the
    queue LIST_READ_DELAY after its first read, the reads of one reader and list gathered into one
    entry (the union of their client numbers, the first read's moment), all in one transaction.
    `write_soon()` (the window closes: logout) writes at once in the background; `flush()` writes
    on the calling thread and returns when it is committed (the audit log is read; the services
    close at exit, `DeskServices.close`); an interpreter exit flushes what is left (atexit).
    A refused write (database locked or unreachable) keeps the reads queued and is retried, with
    a growing pause up to LIST_READ_RETRY_MAX. What a crash (power cut, killed process) can lose:
    the reads of the last LIST_READ_DELAY, or of the time the database refused the write."""

    def __init__(self, uow: UnitOfWorkFactory, *, delay: float = LIST_READ_DELAY) -> None:
        self._uow = uow
        self.delay = delay
        self._cond = threading.Condition()
        self._pending: list[tuple[Actor, str, frozenset[int], datetime]] = []
        self._due: float | None = None  # monotonic time the queue is to be written
        self._write_lock = threading.Lock()  # one writer at a time: the thread or a flush
        self._thread: threading.Thread | None = None
        self._closed = False
        _WRITERS.add(self)

    @property
    def pending(self) -> int:
        """Reads queued and not yet committed."""
        with self._cond:
            return len(self._pending)

    def put(self, actor: Actor, kind: str, ids: Iterable[int], at: datetime) -> None:
        with self._cond:
            self._pending.append((actor, kind, frozenset(ids), at))
            if self._due is None:
                self._due = time.monotonic() + self.delay
            if self._thread is None and not self._closed:
                self._thread = threading.Thread(target=self._run, name="desk-list-reads", daemon=True)
                self._thread.start()
            self._cond.notify()

    def write_soon(self) -> None:
        """Write what is queued now, in the background (the window closes)."""
        with self._cond:
            if self._pending:
                self._due = time.monotonic()
                self._cond.notify()

    def flush(self) -> None:
        """Commit every queued read before returning (raises when the database refuses)."""
        self._write()

    def close(self) -> None:
        """Flush and stop the thread. A refused flush is logged: those reads are lost."""
        try:
            self.flush()
        except Exception as error:  # noqa: BLE001 - closing: say what is lost, then go on closing
            _log.error("%d list read(s) could not be written to the audit log: %s", self.pending, error)
        with self._cond:
            self._closed = True
            self._cond.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        _WRITERS.discard(self)

    def _run(self) -> None:
        pause = self.delay
        while True:
            with self._cond:
                while not self._closed and (self._due is None or time.monotonic() < self._due):
                    self._cond.wait(None if self._due is None else max(self._due - time.monotonic(), 0.0))
                if self._closed:
                    return
            try:
                self._write()
                pause = self.delay
            except Exception as error:  # noqa: BLE001 - keep the reads, try again later
                pause = min(max(pause, 0.1) * 2, LIST_READ_RETRY_MAX)
                _log.warning("list reads not yet written to the audit log (retry in %.0f s): %s", pause, error)
                with self._cond:
                    self._due = time.monotonic() + pause

    def _write(self) -> None:
        with self._write_lock:
            with self._cond:
                batch, self._pending, self._due = self._pending, [], None
            if not batch:
                return
            merged: dict[tuple[Any, ...], tuple[Actor, str, set[int], datetime]] = {}
            for actor, kind, ids, at in batch:
                key = (actor.staff_id, actor.name, actor.workstation, actor.role, kind)
                if key in merged:
                    merged[key][2].update(ids)
                else:
                    merged[key] = (actor, kind, set(ids), at)
            try:
                with self._uow(write=True) as uow:
                    for actor, kind, ids, at in merged.values():
                        _write_list_read(uow, actor, kind, ids, at)
                    uow.commit(announce=False)
            except BaseException:
                with self._cond:  # back to the front of the queue, due again
                    self._pending[:0] = batch
                    if self._due is None:
                        self._due = time.monotonic() + self.delay
                raise


_WRITERS: weakref.WeakSet[ListReadWriter] = weakref.WeakSet()


@atexit.register
def _flush_at_exit() -> None:
    """A program that never closed its services (a script) still writes its queued list reads."""
    for writer in list(_WRITERS):
        writer.close()
