"""The waiting list (Warteliste): everyone waiting today, calling into a room, live on every PC."""

from desk.ui.views.warteliste.view import WartelisteView

__all__ = ["WartelisteView"]
