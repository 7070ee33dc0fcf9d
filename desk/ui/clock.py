"""The UI's calendar day comes from Python's clock (datetime.now), never from Qt's own
current-date functions: one clock for the whole application, the one the tests can move
(tests/unit/test_architecture.py checks that no other clock is read).

"Today" is the centre's day in Europe/Berlin, the zone every time is shown in (desk.ui.i18n):
a PC whose system clock runs in UTC (or a terminal server elsewhere) must still open the day
the people at the desk are living in, also between midnight and 01:00/02:00 Berlin time."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate

from desk.domain.tickets import BERLIN


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def centre_today() -> date:
    """Today's date at the centre (Europe/Berlin), from Python's clock."""
    return datetime.now(BERLIN).date()


def today() -> QDate:
    """Today's date at the centre as a QDate."""
    return qdate(centre_today())
