"""What every view gets: the services, who is acting, the app-wide events, preferences,
and two helpers every view needs (run slow work off the GUI thread; show an error)."""

from __future__ import annotations

import itertools
import threading
import weakref
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.domain.errors import DeskError, param_text
from desk.domain.settings import BY_KEY
from desk.domain.topics import Changes, Topic
from desk.services.changes import recording_commits
from desk.services.context import Actor
from desk.services.desk import DeskServices
from desk.ui.events import AppEvents
from desk.ui.i18n import current_language, fmt_date, translate
from desk.ui.permission_words import in_words
from desk.ui.settings import UiSettings

OWN_COMMITS_KEPT = 256
"""Commit numbers this window made, remembered until the live update brings them back."""

UNDO_LIMIT = 20
"""Steps every view's undo stack keeps: an all-day session must not keep every action alive."""


WORKERS_AT_EXIT_MS = 30_000
"""How long the end of the program waits for the background jobs still running (a read or a write
of the database each): longer than any such statement, shorter than a user's patience."""


def finish_background_work(timeout_ms: int = WORKERS_AT_EXIT_MS) -> bool:
    """At the end of the program, before the services close: let the pool's running jobs end while
    the application and the connections still exist. Otherwise the interpreter's teardown destroys
    QApplication, whose destructor waits for the pool while a job's thread still runs Python and
    emits into objects already gone: a crash at exit (seen as SIGSEGV after closing the window a
    moment after start, while the name index was built), and a write of that job left unfinished.
    Queued jobs run too: one may be the write of the last click before the window closed. True if
    the pool was empty in time."""
    done = QThreadPool.globalInstance().waitForDone(timeout_ms)
    if not done:
        import logging

        logging.getLogger("desk").warning("background work still running after %d ms at exit", timeout_ms)
    return done


BASELINE_WAIT_S = 1.0
"""How long a worker job waits for the live-update thread's baseline (BaselineGate) at most."""


class BaselineGate:
    """Holds a window's worker jobs until its live-update thread has taken the change probe's
    baseline, so that a view's first load reads the database AFTER it and needs no second load.

    The probe reports the commits after its baseline; one made between a view's load and that
    baseline would be reported by nobody (a check-in missing from a counsellor's list who had just
    logged in). Before, the thread therefore asked every view to load again after its first poll:
    every window loaded each visible view twice at every start. Now a job waits on its pool thread
    (never the GUI thread: the first frame does not wait for it) until the thread has taken the
    baseline, or found the database unreachable (then the views load and show that themselves, and
    everything reloads once it is back), or until BASELINE_WAIT_S: a job that goes ahead before the
    baseline is remembered (the jobs after it wait no more), and `open` then says so, and every
    view reloads as before."""

    def __init__(self) -> None:
        self._open = threading.Event()
        self._lock = threading.Lock()
        self._early = False

    @property
    def is_open(self) -> bool:
        return self._open.is_set()

    def wait(self) -> None:
        """On a pool thread, before a job runs. Once a job went ahead before the baseline, the views
        load again after it anyway: the jobs after that one no longer wait (each waited
        BASELINE_WAIT_S, one after another on the pool's few threads, while the baseline was late)."""
        if self._open.is_set() or self._early or self._open.wait(BASELINE_WAIT_S):
            return
        with self._lock:
            if not self._open.is_set():  # this job reads before the baseline
                self._early = True

    def open(self) -> bool:
        """The baseline is taken (or will not be): the jobs go ahead. True when a job went ahead
        before it, so what the views show may miss a commit and they must load again."""
        with self._lock:
            self._open.set()
            return self._early


def bounded_undo_stack(parent: QObject) -> QUndoStack:
    stack = QUndoStack(parent)
    stack.setUndoLimit(UNDO_LIMIT)  # only possible while the stack is empty
    return stack


class _Dispatcher(QObject):
    """One per UiContext, living on the GUI thread: carries every job's outcome back to it."""

    finished = Signal(object, bool, object, object)
    """(job id, succeeded, result or exception, {commit number: topics} the job committed),
    emitted on a pool thread, delivered queued."""


def _weak_delivery(ctx: UiContext) -> Callable[..., None]:
    """The dispatcher's slot: delivers to `ctx` while it lives. It holds the context weakly, so
    an outcome still queued when the context is collected reaches nobody: the collector clears
    the weak reference before it clears the context's attributes, and the slot never calls into
    a context being torn down (a bound method did: "'UiContext' object has no attribute
    '_workers'" in the event loop, CI's --today run of df9ca00)."""
    ref = weakref.ref(ctx)

    def deliver(job_id: int, ok: bool, value: Any, made: dict[int, frozenset[Topic]]) -> None:
        target = ref()
        if target is not None:
            target._deliver(job_id, ok, value, made)

    return deliver


@dataclass
class _Job:
    function: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[Exception], None] | None
    receiver: QObject | None


@dataclass
class UiContext:
    services: DeskServices
    actor: Actor
    events: AppEvents
    settings: UiSettings
    pool: QThreadPool = field(default_factory=QThreadPool.globalInstance)
    _workers: dict[int, _Job] = field(default_factory=dict)
    """Jobs started and not yet reported back to the GUI thread (empty when everything is done)."""
    _queue: deque[int] = field(default_factory=deque)
    _next_id: itertools.count = field(default_factory=itertools.count)
    _dispatcher: _Dispatcher | None = None
    _runner: Callable[[], None] | None = None
    _own_commits: OrderedDict[int, None] = field(default_factory=OrderedDict)
    baseline_gate: BaselineGate | None = None
    """Set by a window that starts a live-update thread: its jobs wait for the thread's baseline."""

    @property
    def language(self) -> str:
        return current_language()

    @property
    def workers_running(self) -> int:
        """How many run_in_worker calls have not reported back yet (tests wait for none)."""
        return len(self._workers)

    def run_in_worker(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        receiver: QObject | None = None,
    ) -> None:
        """Run `function` on the thread pool; `on_done`/`on_error` run on the GUI thread.

        Each worker uses its own short session (the services open one per call).

        Changes: the commits a job makes are recorded (their change counter values and topics).
        When it reports back, this window announces them at once on `events.sig_data_changed`
        (every view showing one of the topics reloads, here and now), and `live_changed` drops
        them when the live-update thread brings the same commits back: one reload per change in
        this window, not two (compare Anki's OpChanges).

        Memory: a job (its function, callbacks and all they capture) is referenced only from
        `_workers` and dropped the moment its outcome reaches the GUI thread. The pool is always
        handed the same callable (`_runner`), which takes the next job id from a queue, so it does
        not matter whether the binding's QThreadPool keeps a reference to what it was given
        (PySide6 keeps a QRunnable with autoDelete off for the pool's lifetime, and with autoDelete
        on may delete its signals before the outcome is delivered: tests/ui/test_workers.py)."""
        if self._dispatcher is None:
            self._dispatcher = _Dispatcher()  # on the GUI thread, where the first call comes from
            self._dispatcher.finished.connect(_weak_delivery(self), Qt.ConnectionType.QueuedConnection)
            self._runner = self._run_next
        job_id = next(self._next_id)
        self._workers[job_id] = _Job(function, on_done, on_error, receiver)
        self._queue.append(job_id)
        self.pool.start(self._runner)

    def _run_next(self) -> None:
        """On a pool thread: run the oldest queued job (one pool.start per queued job), once the
        live-update thread's baseline is taken (BaselineGate)."""
        gate = self.baseline_gate
        if gate is not None:
            gate.wait()
        job_id = self._queue.popleft()
        job = self._workers.get(job_id)
        if job is None:
            return
        function = job.function
        del job
        with recording_commits() as made:
            try:
                value = function()
            except Exception as error:  # reported to the GUI thread, never lost
                ok, value = False, error
            else:
                ok = True
        del function
        dispatcher = self._dispatcher
        try:
            if dispatcher is not None:
                dispatcher.finished.emit(job_id, ok, value, made)
        except RuntimeError:
            pass  # the application is quitting and the receiver is gone: nobody is left to tell

    def _deliver(self, job_id: int, ok: bool, value: Any, made: dict[int, frozenset[Topic]]) -> None:
        job = self._workers.pop(job_id, None)
        if job is None:
            return
        try:
            if job.receiver is not None and not shiboken6.isValid(job.receiver):
                # the widget that asked was deleted meanwhile (view closed, window reopened after a
                # role change): its callbacks must not touch it
                return
            if ok:
                job.on_done(value)
            else:
                (job.on_error or (lambda e: show_error(None, e)))(value)
        finally:
            if made:  # committed, whatever the callbacks did: this window hears of it now
                self.changed_here(made)

    # -- changes ---------------------------------------------------------------------------

    def changed_here(self, made: dict[int, frozenset[Topic]]) -> None:
        """Commits made by this window's workers: caches first, then every view, at once."""
        for number in made:
            self._own_commits[number] = None
        while len(self._own_commits) > OWN_COMMITS_KEPT:
            self._own_commits.popitem(last=False)
        changes = Changes(commits=made)
        self._refresh_caches(changes, own=True)
        self.events.sig_data_changed.emit(changes)

    def live_changed(self, changes: frozenset[Topic]) -> None:
        """What the live-update thread found: caches, then the views, without this window's own
        commits (already announced by changed_here)."""
        if isinstance(changes, Changes) and changes.commits:
            own = [n for n in changes.commits if n in self._own_commits]
            for number in own:
                del self._own_commits[number]
            if own:
                changes = Changes(changes.loose, {n: t for n, t in changes.commits.items() if n not in own})
        if changes:
            self._refresh_caches(changes, own=False)
            self.events.sig_data_changed.emit(changes)

    def _refresh_caches(self, topics: frozenset[Topic], *, own: bool) -> None:
        if not own and (Topic.CLIENTS in topics or Topic.ANY in topics):
            # pulls other workstations' new and changed clients into the name index (a query; this
            # window's own writes update its index themselves)
            self.run_in_worker(self.services.clients.sync, lambda _result: None, lambda _error: None)
        if topics & {Topic.REFERENCE, Topic.SETTINGS, Topic.ANY}:
            self.services.reference.invalidate()  # services and rooms are read again on next use


def setting_words(value: object) -> str | None:
    """A business setting's key ("retention_months.visits" for a part) as the settings page labels
    it, in the user's language, without its mnemonic and colon; None for anything else."""
    if not isinstance(value, str):
        return None
    key, _, part = value.partition(".")
    setting = BY_KEY.get(key)
    if setting is not None and part:
        setting = next((p for p in setting.parts if p.key == part), None)
    if setting is None:
        return None
    return translate("settings", setting.label).replace("&", "").rstrip(": ")


def error_text(error: BaseException) -> str:
    """A DeskError in the user's language; anything else as a generic sentence plus its text."""
    if isinstance(error, DeskError):
        template = translate("errors", error.template)
        # string parameters that are labels (field="Given name") are translated as well; a
        # setting's key (field/key="partner_organisations") reads as its label on the settings page;
        # days and moments are written as this window writes them (German 24.12.2026, English 24/12/2026),
        # a public holiday is named in its language ("Ostermontag", "Easter Monday")
        language = current_language()
        params = {k: setting_words(v) or (translate("errors", v) if k == "field" and isinstance(v, str)
                                          else in_words(k, v)) if k in ("field", "key")
                  else param_text(in_words(k, v), fmt_date, language)
                  for k, v in error.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return error.message()
    # the technical text of an unexpected error is English (driver, Python): it goes behind
    # "Details" (error_box), never into the sentence a person reads
    return translate("errors", "Something unexpected went wrong; nothing was changed by this step. Please try "
                               "again; if it happens again, tell the head of department (the details are below).")


def technical_detail(error: BaseException) -> str:
    """What an administrator needs: the exception and its cause, as Python wrote them."""
    lines = []
    current: BaseException | None = error
    while current is not None and len(lines) < 5:
        lines.append(f"{type(current).__module__}.{type(current).__name__}: {current}")
        current = current.__cause__ or current.__context__
    return "\n".join(lines)


def error_box(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """German (or English) through and through; the technical text only behind "Details"."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("errors", "desk"), error_text(error), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # client text must never render as HTML
    if not isinstance(error, DeskError) or error.__cause__ is not None:
        box.setDetailedText(technical_detail(error))
    return box


def show_error(parent: QWidget | None, error: BaseException) -> None:
    error_box(parent, error).exec()
