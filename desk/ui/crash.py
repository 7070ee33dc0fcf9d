"""An unexpected error: logged in full, shown to the person in plain words.

`install_excepthook()` replaces sys.excepthook (and threading.excepthook): the traceback goes
into the log file (services/logs.py), and a message box says that something went wrong, where
the log is, and offers "Copy details" (the traceback, for the administrator). The program keeps
running where that is possible. Help → "Open the log folder" opens the folder in the file manager.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.services.logs import current_log_file, log_dir
from desk.ui.i18n import translate

log = logging.getLogger("desk.crash")
_showing: list[QMessageBox] = []


def open_log_folder() -> bool:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def error_box(details: str, log_file: Path | None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, "desk",
                      translate("Crash", "Something went wrong in desk. What you saved before is kept. "
                                "If it happens again, tell your administrator and give them the details."))
    box.setTextFormat(Qt.TextFormat.PlainText)
    where = str(log_file) if log_file else str(log_dir())
    box.setInformativeText(translate("Crash", "The details are in the log file {path}.").format(path=where))
    copy = box.addButton(translate("Crash", "Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    box.setDetailedText(details)
    return box


def _show(details: str) -> None:
    if QApplication.instance() is None or _showing:
        return  # no window system, or one box is enough
    box = error_box(details, current_log_file())
    _showing.append(box)
    box.finished.connect(lambda _r: _showing.clear())
    box.open()


def handle_exception(kind, value, tb) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error\n%s", details)
    app = QCoreApplication.instance()
    if app is not None:
        # a box from another thread, or in the middle of a paint event, would deadlock or recurse
        QTimer.singleShot(0, app, lambda: _show(details))


def install_excepthook() -> None:
    sys.excepthook = handle_exception
    threading.excepthook = lambda args: handle_exception(args.exc_type, args.exc_value, args.exc_traceback)
