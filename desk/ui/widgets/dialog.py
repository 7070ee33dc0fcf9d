"""The base of desk's dialogs: a modal exec() that survives the lock.

The lock (Ctrl+L or the idle time) hides every top-level window, dialogs included. Qt ends a
dialog's exec() loop when the dialog is hidden, so a card or booking open at the lock would come
back as "cancelled" and lose what was typed. `LockAwareDialog.exec` runs the loop again when the
lock hid the dialog and showed it again after the unlock (desk.ui.shell.Session.lock marks it).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

RESUME_PROPERTY = "deskResumeAfterLock"


class LockAwareDialog(QDialog):
    def exec(self) -> int:
        while True:
            self.setProperty(RESUME_PROPERTY, False)
            result = super().exec()
            if not self.property(RESUME_PROPERTY) or not self.isVisible():
                return result
