"""Polls the change probe on its own thread and turns changes into AppEvents signals.

SQLite: every 20 ms while anything changes, every 100 ms after five quiet minutes (PollPace in
desk/services/changes.py says why a poll and not a file-system watch). PostgreSQL: the probe
waits on the LISTEN connection for up to POLL_INTERVAL_S, so a notification wakes it at once.

The GUI thread never waits for the database here: a PostgreSQL server that is restarting
costs this thread a timeout, while the window stays responsive and shows the data as stale.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QThread, Signal

from desk.domain.errors import DeskError
from desk.domain.topics import Changes, Topic
from desk.services.changes import PollPace, change_probe
from desk.services.desk import DeskServices

POLL_INTERVAL_S = 0.2
"""PostgreSQL: the longest wait for a notification before the counter is read anyway."""
log = logging.getLogger(__name__)


class LiveUpdates(QThread):
    sig_changed = Signal(object)
    """The topics that changed (desk.domain.topics.Changes: a frozenset of Topic, by commit)."""

    sig_state = Signal(bool, str)
    """(reachable, message) whenever reachability changes."""

    def __init__(self, services: DeskServices, parent=None) -> None:
        super().__init__(parent)
        self._services = services
        self._stop = False

    def stop(self) -> None:
        self._stop = True
        self.wait(3000)

    def run(self) -> None:
        probe = change_probe(self._services)
        pace = PollPace()
        reachable = True
        resync = False
        try:
            while not self._stop:
                try:
                    topics = probe.poll(timeout=POLL_INTERVAL_S if not self._services.is_sqlite else 0)
                    if not reachable:
                        reachable = True
                        self.sig_state.emit(True, "")
                        topics = Changes({Topic.ANY})  # full reload after a reconnect
                    if topics:
                        self.sig_changed.emit(topics)
                except DeskError as error:
                    if reachable:
                        reachable = False
                        self.sig_state.emit(False, error.message())
                    time.sleep(1.0)
                    continue
                except Exception:  # noqa: BLE001 - this thread must outlive any surprise
                    # before, an unexpected error ended the thread, and the window silently saw no
                    # change from anywhere for the rest of the day; now: log, reconnect, reload all
                    log.exception("live updates: the change probe failed; reconnecting")
                    probe.close()
                    resync = True
                    time.sleep(1.0)
                    continue
                if resync:
                    resync = False
                    self.sig_changed.emit(Changes({Topic.ANY}))
                if self._services.is_sqlite:
                    time.sleep(pace.wait_after(bool(topics)))
        finally:
            probe.close()
