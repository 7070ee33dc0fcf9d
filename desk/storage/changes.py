"""Cheap "did anything change?" probes for live updates across workstations.

SQLite: `PRAGMA data_version` on one dedicated connection changes whenever another connection
commits (no table read at all). PostgreSQL: LISTEN on the `desk_changes` channel (the unit of
work NOTIFYs on every commit, naming topics), with the change counter read as the safety net
every poll, and a reconnect after the server went away.
"""

from __future__ import annotations

import select as _select

from sqlalchemy import exc as sa_exc

from desk.storage.engine import Database, translate_error
from desk.storage.uow import NOTIFY_CHANNEL


class ChangeProbe:
    """Not thread-safe: one probe per polling thread."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._connection = None
        self._last: object = None

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # noqa: BLE001 - closing a dead connection
                pass
            self._connection = None

    def poll(self, timeout: float = 0.0) -> frozenset[str]:
        """Topics changed since the last poll (empty: nothing). Raises DatabaseError when the
        database cannot be reached; the next poll reconnects by itself."""
        try:
            if self._db.is_sqlite:
                return self._poll_sqlite()
            return self._poll_postgres(timeout)
        except sa_exc.DBAPIError as error:
            self.close()
            raise translate_error(error, self._db.display_name) from error
        except Exception as error:
            self.close()
            if type(error).__module__.startswith(("psycopg", "sqlite3")):
                raise translate_error(error, self._db.display_name) from error
            raise

    def _poll_sqlite(self) -> frozenset[str]:
        if self._connection is None:
            self._connection = self._db.engine.raw_connection()
        cursor = self._connection.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            value = cursor.fetchone()[0]
        finally:
            cursor.close()
        return self._compare(value, frozenset({"any"}))

    def _poll_postgres(self, timeout: float) -> frozenset[str]:
        if self._connection is None:
            raw = self._db.engine.raw_connection()
            raw.driver_connection.autocommit = True
            raw.driver_connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
            self._connection = raw
            self._last = None
        driver = self._connection.driver_connection
        topics: set[str] = set()
        if timeout > 0:
            _select.select([driver.fileno()], [], [], timeout)
        for notify in driver.notifies(timeout=0):
            topics.update(t for t in notify.payload.split(",") if t)
        value = driver.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0]
        counter_topics = self._compare(value, frozenset({"any"}))
        return frozenset(topics) if topics else counter_topics

    def _compare(self, value: object, topics: frozenset[str]) -> frozenset[str]:
        first = self._last is None
        changed = value != self._last
        self._last = value
        if first:
            return frozenset()
        return topics if changed else frozenset()

