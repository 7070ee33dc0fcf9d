"""Raumkalender: week/day room calendar, booking dialog, list view, ICS and week plan PDF."""

from desk.ui.views.raumkalender.view import RaumkalenderView

__all__ = ["RaumkalenderView"]
