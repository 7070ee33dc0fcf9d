"""Live updates: a probe that tells which topics changed since the last poll (see storage.changes),
and the pace at which a live-update loop polls it on SQLite."""

from __future__ import annotations

import time
from collections.abc import Callable

from desk.services.desk import DeskServices
from desk.storage.changes import ChangeProbe
from desk.storage.uow import recording_commits

__all__ = ["PollPace", "change_probe", "recording_commits"]

POLL_FAST_S = 0.02
"""SQLite: the wait between two polls while changes come (and for IDLE_AFTER_S after the last)."""
POLL_IDLE_S = 0.1
"""SQLite: the wait between two polls after IDLE_AFTER_S without any change (lunch, the evening)."""
IDLE_AFTER_S = 300.0


def change_probe(services: DeskServices) -> ChangeProbe:
    """A new probe for one polling thread (it holds its own connection)."""
    return ChangeProbe(services.db)


class PollPace:
    """How long a live-update loop waits before it polls SQLite's change probe again.

    Why a poll and not a file-system watch on the -wal file: a poll of `PRAGMA data_version` on the
    probe's own connection costs ~3 us (a read of the shared WAL index, no table read), so even 50
    polls a second cost well under 1 % of one core (docs/PERFORMANCE.md has the measured figure). A
    watch would save that, but it is not robust where the desk runs: on Windows (what
    QFileSystemWatcher uses there), a change of a file's size or last-write time "is detected only
    when the file is written to the disk" (Microsoft's ReadDirectoryChangesW documentation), i.e.
    late, after the cache is flushed, while every desk keeps the database and its -wal open all
    day; writes through the memory-mapped -shm are reported nowhere. So a watch would need this
    poll as a fallback anyway, and the poll alone behaves the same on every PC.

    The pace: POLL_FAST_S (a change is seen within ~20 ms plus the reload) while anything changes -
    a commit from any process, this one's included - and for IDLE_AFTER_S after the last change;
    then POLL_IDLE_S, so a window left open over lunch or overnight wakes up ten times a second,
    and the first change after such a quiet spell is seen within 100 ms, the next ones fast again.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_change: float | None = None

    def wait_after(self, changed: bool) -> float:
        """Seconds to wait before the next poll, given whether the last poll found a change."""
        now = self._clock()
        if changed or self._last_change is None:
            self._last_change = now
        return POLL_FAST_S if now - self._last_change < IDLE_AFTER_S else POLL_IDLE_S
