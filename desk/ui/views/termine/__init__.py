"""The appointments view (Termine): a counsellor's day and week, booking into free slots,
reminders, interpreters, working hours and absences, the appointment slip."""

from desk.ui.views.termine.view import TermineView

__all__ = ["TermineView"]
