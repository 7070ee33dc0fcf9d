"""App-wide signals in one place (views never wire themselves to each other directly)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    sig_data_changed = Signal(object)
    """Something changed in the database (here or at another workstation): a frozenset of
    desk.domain.topics.Topic (from the live-update thread a Changes, which also says which commit
    carried which topics); {Topic.ANY} when the source cannot say. DeskView routes it to the views
    that show one of the topics (desk/ui/views/base.py)."""

    sig_language_changed = Signal(str)
    """The user switched the language ("de" or "en"); translators are already installed."""

    sig_database_state = Signal(bool, str)
    """(reachable, message): the database went away or came back; views show stale data."""

    sig_status_message = Signal(str)
    """A short message for the status bar (e.g. "M-004 checked in")."""

    sig_alarm = Signal(object)
    """A silent alarm was raised somewhere; the main window shows it until acknowledged."""
