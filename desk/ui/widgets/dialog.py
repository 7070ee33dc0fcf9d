"""The base of desk's dialogs: a modal exec() that survives the lock.

The lock (Ctrl+L or the idle time) hides every top-level window, dialogs included. Qt ends a
dialog's exec() loop when the dialog is hidden, so a card or booking open at the lock would come
back as "cancelled" and lose what was typed. `LockAwareDialog.exec` runs the loop again when the
lock hid the dialog and showed it again after the unlock (desk.ui.shell.Session.lock marks it).

`run_busy` is how a dialog saves: the service call runs in a worker (a write can wait for the
SQLite busy timeout or a PostgreSQL lock; the window must not freeze meanwhile), the dialog is
busy until its outcome is back (the given controls disabled, a second submit refused), and the
outcome arrives on the GUI thread: the dialog closes only after the save succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QLabel, QWidget

if TYPE_CHECKING:
    from desk.ui.context import UiContext

RESUME_PROPERTY = "deskResumeAfterLock"


class LockAwareDialog(QDialog):
    def exec(self) -> int:
        while True:
            self.setProperty(RESUME_PROPERTY, False)
            result = super().exec()
            if not self.property(RESUME_PROPERTY) or not self.isVisible():
                return result

    _saving = False

    def reject(self) -> None:
        if self._saving:
            return  # Esc while saving: the outcome decides whether the dialog closes
        super().reject()

    @property
    def busy(self) -> bool:
        """A save started by run_busy has not reported back yet."""
        return self._saving

    def run_busy(self, ctx: UiContext, work: Callable[[], Any], done: Callable[[Any], None],
                 failed: Callable[[Exception], None], *controls: QWidget) -> bool:
        """Run `work` in a worker while the dialog is busy; False (and nothing runs) when a
        previous save is still running. `controls` are disabled meanwhile and get their
        enabled state back before `done` or `failed` runs on the GUI thread."""
        if self._saving:
            return False
        self._saving = True
        states = [(control, control.isEnabled()) for control in controls]
        for control, _enabled in states:
            control.setEnabled(False)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._saving = False
            for control, enabled in states:
                control.setEnabled(enabled)
            callback(value)

        ctx.run_in_worker(work, lambda value: finish(done, value), lambda error: finish(failed, error),
                          receiver=self)
        return True


class WorkDialog(LockAwareDialog):
    """OK/Save runs the service call off the GUI thread (`run_on_accept`); the dialog closes when
    it succeeded and stays open with the message, in the user's language, when it failed (Save
    again tries again, with what the dialog holds, e.g. its request key). Without a call set it is
    a plain dialog whose accept() closes it. A subclass has a `message` label."""

    message: QLabel
    outcome: Any = None
    """What the service call returned, once the dialog closed after a successful Save (the caller
    reports it: how many, what else happened)."""

    def run_on_accept(self, ctx: UiContext, make_work: Callable[[], Callable[[], Any]]) -> None:
        """`make_work()` is called at each Save, on the GUI thread (it reads the fields); the call
        it returns runs in a worker."""
        self._ctx = ctx
        self._make_work = make_work

    def accept(self) -> None:
        make = getattr(self, "_make_work", None)
        if make is None:
            super().accept()
            return
        if self.busy or not self._validate():
            return
        self.message.clear()
        # the whole dialog is disabled while the call runs (LockAwareDialog.run_busy)
        self.run_busy(self._ctx, make(), self._done, self._failed, self)

    def _validate(self) -> bool:
        return True

    def _done(self, result: Any) -> None:
        self.outcome = result
        QDialog.accept(self)

    def _failed(self, error: Exception) -> None:
        from desk.ui.context import error_text

        self.message.setText(error_text(error))
