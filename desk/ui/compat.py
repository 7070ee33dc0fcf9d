"""Work-around for a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

Every call of a Qt method that returns nothing (void: QPainter.setPen, QWidget.update,
QLabel.setText, ...) hands back None without taking a reference, so each call lowers None's
reference count by one. After a few thousand such calls CPython aborts the whole process with
"Fatal Python error: none_dealloc: deallocating None". (Measured: 200 calls of
QLabel.setText lower sys.getrefcount(None) by exactly 200.) A painted calendar makes hundreds
of such calls per repaint, so the application would die within minutes of use.

CPython 3.12 made None immortal (PEP 683), which hides the bug. `protect_none()` does the same
once for 3.11: it raises None's reference count far out of reach. Harmless on fixed versions.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40


def protect_none() -> None:
    if sys.version_info >= (3, 12) or not hasattr(sys, "getrefcount"):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of PyObject
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM


def void_calls_leak_none() -> bool:
    """True when this PySide6 has the bug (for tests and the report)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(10):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 5
