"""DeskView: the one base class of every view (and of the tabs inside Verwaltung and Termine).

What a view gets from here, so it never builds these itself:

- `self.ctx`: services, actor, events, settings (desk.ui.context.UiContext).
- `self.run(work, done)`: `work` runs on the thread pool (it calls the services), `done(result)`
  on the GUI thread; errors go to `self.show_failure` unless `failed=` is given. It is the
  UiContext's one worker machinery (ctx.run_in_worker), with the view as receiver, so a view
  deleted meanwhile never gets the callback.
- `self.write(work, done)`: the same for a call that changes data (it says so to the reader). Every
  worker's commits are announced in this window as soon as it reports back (UiContext.changed_here),
  so this view and every other view here showing one of the topics reload once, at once; the live
  update's echo of those commits is dropped (UiContext.live_changed): one reload per change, not
  two (compare Anki's OpChanges). Never call reload() after a write.
- `self.add_action(shortcut, slot)`: a QAction on the view (shortcut active while the focus is in
  the view); texts belong in `retranslate`.
- `retranslate()`: every text of the view; called once at the end of the subclass's __init__ (by
  the subclass) and once per language change (hooked here, once: no changeEvent, no second signal).
  A view whose texts are set in its constructor says `rebuild_on_language_change = True` instead;
  the main window builds it afresh.
- Live updates: a view declares `topics` (what it shows). A change that names one of them calls
  `on_changed(topics)` (default: `reload()`), throttled to one call per RELOAD_THROTTLE_MS, and only
  while the view is visible: a hidden view remembers the topics and catches up when it is shown
  (unless `live_while_hidden()`: the waiting list of a counsellor, whose reload announces arrivals).
  `Topic.ANY` reaches every view as all of its topics.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QWidget

from desk.domain.topics import Topic, topics_of
from desk.ui.context import UiContext, show_error

RELOAD_THROTTLE_MS = 250
"""At most one live-update reload per view in this time (a burst of commits becomes one reload)."""


class DeskView(QWidget):
    topics: ClassVar[frozenset[Topic]] = frozenset()
    """What this view shows: live changes naming one of these reload it."""

    rebuild_on_language_change: ClassVar[bool] = False
    """True: the main window builds the view afresh on a language change instead of retranslate()."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reload_count = 0
        """How often a live change reloaded this view (on_changed ran): for tests and diagnostics."""
        self._pending: set[Topic] = set()
        self._last_reload = 0.0  # time.monotonic() of the last live-update reload
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self._flush)
        ctx.events.sig_data_changed.connect(self._on_data_changed)
        ctx.events.sig_language_changed.connect(self._on_language_changed)

    # -- to override ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every text in the current language (idempotent)."""

    def reload(self) -> None:
        """Fetch what the view shows (through self.run)."""

    def on_changed(self, topics: frozenset[Topic]) -> None:
        """Some of `topics` (a subset of self.topics) changed: reload what shows them."""
        self.reload()

    def live_while_hidden(self) -> bool:
        """True: keep reloading while hidden (a view whose reload is also a notification)."""
        return False

    def show_failure(self, error: Exception) -> None:
        """A worker failed and no `failed=` was given: a message box (views may show it inline)."""
        show_error(self, error)

    # -- workers ------------------------------------------------------------------------------------

    def run(self, work: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[Exception], None] | None = None) -> None:
        """`work()` on the thread pool, `done(result)` or `failed(error)` back on the GUI thread."""
        self.ctx.run_in_worker(work, done, failed or self.show_failure, receiver=self)

    def write(self, work: Callable[[], Any], done: Callable[[Any], None] | None = None,
              failed: Callable[[Exception], None] | None = None) -> None:
        """run() for a call that commits: the views reload through the window's announcement of
        the commit (UiContext.changed_here), so `done` never reloads."""
        self.run(work, done or (lambda _result: None), failed)

    # -- actions --------------------------------------------------------------------------------------

    def add_action(self, shortcut: str | QKeySequence | QKeySequence.StandardKey, slot: Callable[[], Any], *,
                   name: str = "") -> QAction:
        """A QAction with its shortcut, active while the focus is inside this view."""
        action = QAction(self)
        if name:
            action.setObjectName(f"action_{name}")
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- language ---------------------------------------------------------------------------------------

    def _on_language_changed(self, _language: str) -> None:
        if not self.rebuild_on_language_change:
            self.retranslate()

    # -- live updates -------------------------------------------------------------------------------------

    def _relevant(self, topics: frozenset[Topic]) -> frozenset[Topic]:
        if Topic.ANY in topics:
            return self.topics
        return topics & self.topics

    def _on_data_changed(self, topics: frozenset[str]) -> None:
        relevant = self._relevant(topics_of(topics))
        if relevant:
            self.request_reload(relevant)

    def request_reload(self, topics: frozenset[Topic] | None = None) -> None:
        """Reload for `topics` (default: all of the view's): now-ish when visible, else when shown."""
        self._pending |= self.topics if topics is None else topics
        if not self._pending or not self._live() or self._throttle.isActive():
            return
        wait_s = self._last_reload + RELOAD_THROTTLE_MS / 1000 - time.monotonic()
        self._throttle.start(min(RELOAD_THROTTLE_MS, max(0, int(wait_s * 1000))))

    def _flush(self) -> None:
        if not self._pending:
            return
        if not self._live():
            return  # hidden meanwhile: showEvent catches up
        topics, self._pending = frozenset(self._pending), set()
        self._reload_now(topics)

    def _live(self) -> bool:
        return self.isVisible() or self.live_while_hidden()

    def _reload_now(self, topics: frozenset[Topic]) -> None:
        self._last_reload = time.monotonic()
        self.reload_count += 1
        self.on_changed(topics)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._pending:
            self.request_reload(frozenset())
