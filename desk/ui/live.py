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
from desk.ui.context import error_text

POLL_INTERVAL_S = 0.2
"""PostgreSQL: the longest wait for a notification before the counter is read anyway."""
log = logging.getLogger(__name__)


class LiveUpdates(QThread):
    sig_changed = Signal(object)
    """The topics that changed (desk.domain.topics.Changes: a frozenset of Topic, by commit)."""

    sig_state = Signal(bool, str)
    """(reachable, message) whenever reachability changes; the message in the user's language."""

    _sig_reachable = Signal(bool, object)
    """From the thread: (reachable, the DeskError or None), put into words on the GUI thread."""

    def __init__(self, services: DeskServices, parent=None) -> None:
        super().__init__(parent)
        self._services = services
        self._stop = False
        # the error is put into words on the GUI thread (this QThread object lives there): the
        # banners and the status bar said "The database is not reachable right now" in English
        # inside a German sentence, from error.message()
        self._sig_reachable.connect(self._emit_state)

    def _emit_state(self, reachable: bool, error: DeskError | None) -> None:
        self.sig_state.emit(reachable, "" if error is None else error_text(error))

    def stop(self) -> None:
        self._stop = True
        self.wait(3000)

    def run(self) -> None:
        probe = change_probe(self._services)
        pace = PollPace()
        try:
            reachable = True
            # every (re)connected probe's first poll only takes its baseline, and a commit made between
            # the views' own load and that baseline would never be reported: a check-in made while a
            # counsellor's window was starting stayed missing from their list until the next change.
            # So after every baseline (the first, after the server was away, after a surprise) the
            # views reload once
            reload_all = True
            while not self._stop:
                try:
                    topics = probe.poll(timeout=POLL_INTERVAL_S if not self._services.is_sqlite else 0)
                    if not reachable:
                        reachable = True
                        self._sig_reachable.emit(True, None)
                    if reload_all:
                        reload_all = False
                        topics = Changes({Topic.ANY})
                    if topics:
                        self.sig_changed.emit(topics)
                except DeskError as error:
                    if reachable:
                        reachable = False
                        self._sig_reachable.emit(False, error)
                    reload_all = True
                    time.sleep(1.0)
                    continue
                except Exception:  # noqa: BLE001 - this thread must outlive any surprise
                    # before, an unexpected error ended the thread, and the window silently saw no
                    # change from anywhere for the rest of the day; now: log, reconnect, reload all
                    log.exception("live updates: the change probe failed; reconnecting")
                    probe.close()
                    reload_all = True
                    time.sleep(1.0)
                    continue
                if self._services.is_sqlite:
                    time.sleep(pace.wait_after(bool(topics)))
        finally:
            probe.close()
