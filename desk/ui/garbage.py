"""Python's cyclic garbage collection on the GUI thread only.

CPython runs a collection in whichever thread happens to allocate when a generation is full: in a
window that is often a pool thread running a query. A collection there finds the Qt objects of a
garbage cycle - a closed dialog, a view rebuilt after a language change, a lambda connected to a
signal of its own widget - and destroys them on the wrong thread. PySide6 answers that with a
deadlock (seen: it hands the deletion to the GUI thread and waits for it) or a crash. So the automatic collector
is switched off and the GUI thread collects on a timer instead, generation by generation with
CPython's own thresholds: the well-known answer of Qt applications in Python (pyqtgraph's and
OpenCue's GarbageCollector, GitFourchette's gcHint, Anki's collection on the main thread).

Idle cost: one `gc.get_count()` per second. Memory: cyclic garbage waits for its generation's
threshold as before, and then for the next round, a second at most (reference counting frees
everything else at once, on any thread).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from desk.services.memory import take_freeze_request

INTERVAL_MS = 1000
"""How often the GUI thread looks whether a generation is due (a few microseconds when none is)."""


class GuiThreadCollector(QObject):
    """While started: no automatic collection; the GUI thread collects what is due every INTERVAL_MS."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.collections = [0, 0, 0]
        """How many collections of each generation this collector ran (for tests and diagnostics)."""
        self._was_enabled = True
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if self.active:
            return
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Collection as before start(): what is due now is collected here, on the GUI thread."""
        if not self.active:
            return
        self._timer.stop()
        gc.collect()
        if take_freeze_request():
            gc.freeze()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> None:
        """CPython's own rule, run here instead of on whichever thread allocates: once the youngest
        generation is over its threshold, collect the oldest generation that is over its own (and
        every younger one with it). And freeze what a service asked to keep out of later
        collections (desk.services.memory)."""
        if take_freeze_request():
            gc.collect()
            gc.freeze()
            self.collections[2] += 1
            return
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if not thresholds[0] or counts[0] <= thresholds[0]:
            return
        due = next(g for g in (2, 1, 0) if g == 0 or (thresholds[g] and counts[g] > thresholds[g]))
        gc.collect(due)
        self.collections[due] += 1


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """The process's one collector (a child of the application), started; call on the GUI thread
    once QApplication exists. A second call finds the first."""
    collector = app.findChild(GuiThreadCollector, _NAME)
    if collector is None:
        collector = GuiThreadCollector(app)
        collector.setObjectName(_NAME)
    collector.start()
    return collector


_NAME = "desk_gui_thread_collector"
