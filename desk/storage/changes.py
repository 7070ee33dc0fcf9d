"""Cheap "what changed?" probes for live updates across workstations; both engines name topics.

SQLite: `PRAGMA data_version` on one dedicated connection changes whenever another connection
commits (no table read at all while nothing changes); then the change counter and the change_log
rows after the value seen last give each commit's topics (a missing row, from a writer that did
not log, answers "any"). PostgreSQL: LISTEN on the `desk_changes` channel (the unit of
work NOTIFYs "<counter>:<topics>" on every commit), with the change counter read after the
notifications every poll: each counter value up to it must have come with a notification,
otherwise (a notification lost, as psycopg before 3.2.4 drops those arriving during a query, or
sent by a writer without a number) the change_log rows of the missing numbers name their topics,
and only a number without a row makes the poll answer "any" as well. Before, the counter was only
looked at when no notification had come at all, so a commit whose notification was lost in the
same poll as another's was never reported. A reconnect after the server went away.
"""

from __future__ import annotations

import select as _select

from sqlalchemy import exc as sa_exc

from desk.domain.topics import Changes, Topic, topics_of
from desk.storage.engine import Database, translate_error
from desk.storage.uow import NOTIFY_CHANNEL

GAP_GRACE_S = 0.1
"""PostgreSQL: how long a poll waits for a notification the counter says was sent."""


class ChangeProbe:
    """Not thread-safe: one probe per polling thread."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._connection = None
        self._last: object = None
        self._counter: int | None = None  # SQLite: the change counter value at the last poll
        self._early: dict[int, frozenset[Topic]] = {}  # PostgreSQL: numbered notifications not yet settled
        self._unnumbered: frozenset[Topic] = frozenset()
        self._version_cursor = None  # SQLite: reads data_version on the probe's connection

    def close(self, *, lost: bool = False) -> None:
        """`lost`: the connection failed - dropped, not handed back to the pool, whose rollback on
        it would fail and log an ERROR with a traceback each time the server goes away."""
        self._version_cursor = None
        if self._connection is not None:
            try:
                if lost:
                    self._connection.invalidate()
                else:
                    self._connection.close()
            except Exception:  # noqa: BLE001 - closing a dead connection
                pass
            self._connection = None
        if self._db.is_sqlite:
            self._last = None  # data_version is per connection: a new one starts a new baseline
            self._counter = None

    def poll(self, timeout: float = 0.0) -> Changes:
        """Topics changed since the last poll, by commit (empty: nothing). Raises DatabaseError when the
        database cannot be reached; the next poll reconnects by itself."""
        try:
            if self._db.is_sqlite:
                return self._poll_sqlite()
            return self._poll_postgres(timeout)
        except sa_exc.DBAPIError as error:
            self.close(lost=True)
            raise translate_error(error, self._db.display_name) from error
        except Exception as error:
            self.close(lost=True)
            if type(error).__module__.startswith(("psycopg", "sqlite3")):
                raise translate_error(error, self._db.display_name) from error
            raise

    def _poll_sqlite(self) -> Changes:
        if self._connection is None:
            self._connection = self._db.engine.raw_connection()
            # the driver's own cursor, kept: the poll that finds nothing (50 a second, issue 21)
            # then costs one statement, without the pool's proxy or a new cursor each time
            self._version_cursor = self._connection.driver_connection.cursor()
        self._version_cursor.execute("PRAGMA data_version")
        version = self._version_cursor.fetchone()[0]
        if version == self._last:
            return Changes()
        cursor = self._connection.cursor()
        try:
            self._last = version
            cursor.execute("SELECT value FROM change_counter WHERE id = 1")
            counter = int(cursor.fetchone()[0])
            last, self._counter = self._counter, counter
            if last is None or counter == last:  # the baseline, or a commit that announced nothing
                return Changes()
            cursor.execute("SELECT value, topics FROM change_log WHERE value > ? AND value <= ?", (last, counter))
            commits = {int(number): topics_of(words.split(",")) for number, words in cursor.fetchall()}
        finally:
            cursor.close()
        missing = len(commits) < counter - last  # a writer that logged nothing, or rows already dropped
        return Changes({Topic.ANY} if missing else (), commits)

    def _poll_postgres(self, timeout: float) -> Changes:
        if self._connection is None:
            # kept at once: the pool may hand out an idle connection the outage killed, and the LISTEN
            # on it fails; close(lost=True) must then drop it. Kept only after the LISTEN, it was
            # left to the garbage collector, whose return to the pool tried a rollback on the dead
            # connection and logged it at ERROR with a traceback, once per window per outage
            raw = self._connection = self._db.engine.raw_connection()
            raw.driver_connection.autocommit = True
            raw.driver_connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._last = None
            self._early.clear()
        driver = self._connection.driver_connection
        if timeout > 0:
            _select.select([driver.fileno()], [], [], timeout)
        for notify in driver.notifies(timeout=0):
            self._note(notify.payload)
        # read the counter AFTER taking the notifications: every commit the counter shows up to
        # here is either numbered among them or its notification is late or lost (a gap)
        value = int(driver.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0])
        if self._last is not None and any(n not in self._early for n in range(int(self._last) + 1, value + 1)):
            # a commit the counter shows but whose notification has not been read: it is sent at
            # commit, so give it a moment rather than reload everything at once
            _select.select([driver.fileno()], [], [], GAP_GRACE_S)
            for notify in driver.notifies(timeout=0):
                self._note(notify.payload)
            missing = [n for n in range(int(self._last) + 1, value + 1) if n not in self._early]
            if missing:  # still not heard: the change log names the topics those commits wrote
                rows = driver.execute("SELECT value, topics FROM change_log WHERE value >= %s AND value <= %s",
                                      (missing[0], missing[-1])).fetchall()
                for number, words in rows:
                    if int(number) in missing:
                        self._early[int(number)] = topics_of(words.split(",")) or frozenset({Topic.ANY})
        return self._settle(value)

    def _note(self, payload: str) -> None:
        number, _colon, names = payload.partition(":")
        if not _colon or not number.isdigit():  # an unnumbered notification (older desk): no gap check
            number, names = "", payload
        topics = topics_of(names.split(",")) or frozenset({Topic.ANY})
        if number:
            self._early[int(number)] = topics
        else:
            self._unnumbered |= topics

    def _settle(self, value: int) -> Changes:
        """Topics of the commits (last, value]; {"any"} as well when one of them was not announced."""
        last, self._last = self._last, value
        unnumbered, self._unnumbered = self._unnumbered, frozenset()
        if last is None:  # the first poll after (re)connecting: the baseline; the caller reloads all
            self._early = {n: t for n, t in self._early.items() if n > value}
            return Changes()
        topics: set[Topic] = set(unnumbered)
        commits: dict[int, frozenset[Topic]] = {}
        missing = False
        for number in range(last + 1, value + 1):
            named = self._early.pop(number, None)
            if named is None:
                missing = True
            else:
                commits[number] = named
        # numbers beyond `value` committed after the read: kept for the next poll; older ones dropped
        self._early = {n: t for n, t in self._early.items() if n > value}
        if missing:  # a notification lost or still on its way: reload everything rather than miss it
            topics.add(Topic.ANY)
        return Changes(topics, commits)

