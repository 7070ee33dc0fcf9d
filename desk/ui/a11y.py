"""Accessibility helpers: screen-reader announcements and accessible names."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader speak `text` (a new arrival, a finished call) without moving focus."""
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if assertive else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader would speak for `widget` (own name, text, or buddy label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return widget.accessibleName()
    return (interface.text(QAccessible.Text.Name) or "").strip()


def set_accessible(widget: QWidget, name: str, description: str = "") -> QWidget:
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget
