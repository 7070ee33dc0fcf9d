"""Raumkalender: week/day room calendar, booking dialog, list view, ICS and week plan PDF."""

from desk.ui.compat import protect_none

protect_none()  # PySide6 6.12.0 + Python 3.11: void Qt calls leak None references (see desk/ui/compat.py)

from desk.ui.views.raumkalender.view import RaumkalenderView  # noqa: E402

__all__ = ["RaumkalenderView"]
