"""What every view gets: the services, who is acting, the app-wide events, preferences,
and two helpers every view needs (run slow work off the GUI thread; show an error)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desk.domain.errors import DeskError
from desk.services.context import Actor
from desk.services.desk import DeskServices
from desk.ui.events import AppEvents
from desk.ui.i18n import current_language, translate
from desk.ui.settings import UiSettings


class _WorkerSignals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Worker(QRunnable):
    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self.function = function
        self.signals = _WorkerSignals()

    def run(self) -> None:
        try:
            result = self.function()
        except Exception as error:  # reported to the GUI thread, never lost
            outcome, value = self.signals.failed, error
        else:
            outcome, value = self.signals.done, result
        try:
            outcome.emit(value)
        except RuntimeError:
            pass  # the application is quitting and the receiver is gone: nobody is left to tell


@dataclass
class UiContext:
    services: DeskServices
    actor: Actor
    events: AppEvents
    settings: UiSettings
    pool: QThreadPool = field(default_factory=QThreadPool.globalInstance)
    _workers: set[_Worker] = field(default_factory=set)

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

        Each worker uses its own short session (the services open one per call)."""
        worker = _Worker(function)
        self._workers.add(worker)
        worker.setAutoDelete(False)

        def gone() -> bool:
            # the widget that asked was deleted meanwhile (view closed, window reopened after a
            # role change): its callbacks must not touch it
            return receiver is not None and not shiboken6.isValid(receiver)

        def finished_ok(result: Any) -> None:
            self._workers.discard(worker)
            if not gone():
                on_done(result)

        def finished_error(error: Exception) -> None:
            self._workers.discard(worker)
            if not gone():
                (on_error or (lambda e: show_error(None, e)))(error)

        worker.signals.done.connect(finished_ok)
        worker.signals.failed.connect(finished_error)
        self.pool.start(worker)


def error_text(error: BaseException) -> str:
    """A DeskError in the user's language; anything else as a generic sentence plus its text."""
    if isinstance(error, DeskError):
        template = translate("errors", error.template)
        # string parameters that are labels (field="Given name") are translated as well
        params = {k: translate("errors", v) if k == "field" and isinstance(v, str) else v
                  for k, v in error.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return error.message()
    return translate("errors", "An unexpected error occurred: {reason}").format(reason=str(error))


def show_error(parent: QWidget | None, error: BaseException) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, translate("errors", "desk"), error_text(error), parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # client text must never render as HTML
    box.exec()
