"""Polls the change probe on its own thread and turns changes into AppEvents signals.

SQLite: every 20 ms while anything changes, every 100 ms after five quiet minutes (PollPace in
desk/services/changes.py says why a poll and not a file-system watch). PostgreSQL: the probe
waits on the LISTEN connection for up to POLL_INTERVAL_S, so a notification wakes it at once.

The GUI thread never waits for the database here: a PostgreSQL server that is restarting
costs this thread a timeout, while the window stays responsive and shows the data as stale.

The first poll of a probe only takes its baseline: the commits after it are reported, one made
before it never is. So a view must have read its data after the baseline. A window that starts
this thread hands it the BaselineGate its worker jobs wait on (desk/ui/context.py): the views'
first loads run once the baseline is taken, and load once. Without a gate (or when a job went
ahead before the baseline, or after every reconnect) the thread asks every view to reload instead
(Topic.ANY), which is all it could do before: every window loaded each view twice at start.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QThread, Signal

from desk.domain.errors import DeskError
from desk.domain.topics import Changes, Topic
from desk.services.changes import PollPace, change_probe
from desk.services.desk import DeskServices
from desk.ui.context import BaselineGate, error_text

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

    def __init__(self, services: DeskServices, parent=None, *, gate: BaselineGate | None = None) -> None:
        """`gate`: the one the window's worker jobs wait on (UiContext.baseline_gate); opened after
        the first poll, whatever it found."""
        super().__init__(parent)
        self._services = services
        self._gate = gate
        self._stop = False
        self.polls = 0
        """Polls done, failed ones included (tests wait for the first few, never for a time)."""
        # the error is put into words on the GUI thread (this QThread object lives there): the
        # banners and the status bar said "The database is not reachable right now" in English
        # inside a German sentence, from error.message()
        self._sig_reachable.connect(self._emit_state)

    def _emit_state(self, reachable: bool, error: DeskError | None) -> None:
        self.sig_state.emit(reachable, "" if error is None else error_text(error))

    def stop(self) -> None:
        self._stop = True
        self.wait(3000)
        self._open_gate()  # the thread may never have run: no job may wait for it any more

    def _open_gate(self) -> bool:
        """True when the views must load again: a job read before the baseline, or there is no gate."""
        return self._gate.open() if self._gate is not None else True

    def run(self) -> None:
        probe = change_probe(self._services)
        pace = PollPace()
        try:
            reachable = True
            first = True  # this thread's first poll: the baseline the window's jobs wait for
            # every (re)connected probe's first poll only takes its baseline, and a commit made
            # between the views' own load and that baseline would never be reported: a check-in made
            # while a counsellor's window was starting stayed missing from their list until the next
            # change. So after a baseline that views may have loaded before (after the server was
            # away, after a surprise, without a gate), they all reload once
            reload_all = False
            while not self._stop:
                try:
                    # the first poll, the baseline the views wait for, does not wait for a notification
                    topics = probe.poll(timeout=0 if first or self._services.is_sqlite else POLL_INTERVAL_S)
                    self.polls += 1
                    if not reachable:
                        reachable = True
                        self._sig_reachable.emit(True, None)
                    if first:
                        first = False
                        if self._gate is not None:
                            self._services.catch_up_caches()  # before any job reads them
                        # the views load once, after the baseline, unless a job went ahead before it
                        reload_all = self._open_gate()
                    if reload_all:
                        reload_all = False
                        topics = Changes({Topic.ANY})
                    if topics:
                        self.sig_changed.emit(topics)
                except DeskError as error:
                    self.polls += 1
                    if reachable:
                        reachable = False
                        self._sig_reachable.emit(False, error)
                    # no server at start: the views load now and show their state themselves
                    first = False
                    self._open_gate()
                    reload_all = True
                    time.sleep(1.0)
                    continue
                except Exception:  # noqa: BLE001 - this thread must outlive any surprise
                    # before, an unexpected error ended the thread, and the window silently saw no
                    # change from anywhere for the rest of the day; now: log, reconnect, reload all
                    log.exception("live updates: the change probe failed; reconnecting")
                    self.polls += 1
                    probe.close()
                    first = False
                    self._open_gate()
                    reload_all = True
                    time.sleep(1.0)
                    continue
                if self._services.is_sqlite:
                    time.sleep(pace.wait_after(bool(topics)))
        finally:
            self._open_gate()
            probe.close()
