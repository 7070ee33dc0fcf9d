"""The Verwaltung (administration) view for the head of department."""

from desk.ui.views.verwaltung.view import VerwaltungView

__all__ = ["VerwaltungView"]
