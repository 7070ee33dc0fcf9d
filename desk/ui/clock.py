"""The UI's calendar day comes from Python's clock (datetime.now), never from Qt's own
current-date functions: one clock for the whole application, the one the tests can move
(tests/unit/test_architecture.py checks that no other clock is read)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def today() -> QDate:
    """Today's local date (what Qt's currentDate would give, from Python's clock)."""
    return qdate(datetime.now().date())
