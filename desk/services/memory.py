"""Who may run Python's cyclic garbage collector, and when long-lived objects are frozen.

In a window (desk, --display, --kiosk) only the GUI thread collects (desk.ui.garbage): a
collection on a pool thread would destroy the Qt objects it finds in a garbage cycle (a closed
dialog, a view rebuilt after a language change) on the wrong thread, which PySide6 answers with a
deadlock or a crash. There the automatic collector is off. Anywhere else (desk-admin, the bench,
the tests outside the window) it is on, and whoever builds something big may collect at once.
"""

from __future__ import annotations

import gc
import threading

_freeze_requested = threading.Event()


def settle_long_lived() -> None:
    """Something big that lives as long as the process was just built (the name index: hundreds of
    thousands of objects): keep it out of every later full collection, which would otherwise walk
    it and stall a click now and then (issue 21). Collect first, so no garbage is frozen with it.

    With the automatic collector on, this thread may collect: at once. With it off, a window's GUI
    thread owns collection: it is asked to, and does it at its next round (take_freeze_request)."""
    if gc.isenabled():
        gc.collect()
        gc.freeze()
    else:
        _freeze_requested.set()


def freeze_pending() -> bool:
    """A freeze was asked for and the GUI thread has not done it yet."""
    return _freeze_requested.is_set()


def take_freeze_request() -> bool:
    """For the GUI thread's collector: True once after settle_long_lived asked for a freeze."""
    if _freeze_requested.is_set():
        _freeze_requested.clear()
        return True
    return False
