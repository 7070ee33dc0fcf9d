"""The views of the main window, in navigation order.

A view is a `desk.ui.views.base.DeskView` subclass `View(ctx: UiContext, parent=None)`; it is
imported and built the first time it is shown (start-up loads only the first view). The main
window calls its optional `on_shown()` when it becomes the current view (focus); everything else
(retranslation, live-update topics, reload on show) comes from DeskView.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.domain.permissions import Permission


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str  # English source; translated in context "views"
    target: str  # "module:Class"
    permission: Permission
    shortcut: str


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec("empfang", QT_TRANSLATE_NOOP("views", "Reception"), "desk.ui.views.empfang:EmpfangView",
             Permission.CHECK_IN, "Ctrl+1"),
    ViewSpec("warteliste", QT_TRANSLATE_NOOP("views", "Waiting list"), "desk.ui.views.warteliste:WartelisteView",
             Permission.WAITLIST_READ, "Ctrl+2"),
    ViewSpec("termine", QT_TRANSLATE_NOOP("views", "Appointments"), "desk.ui.views.termine:TermineView",
             Permission.APPOINTMENT_READ, "Ctrl+3"),
    ViewSpec("raumkalender", QT_TRANSLATE_NOOP("views", "Room calendar"),
             "desk.ui.views.raumkalender:RaumkalenderView", Permission.ROOM_READ, "Ctrl+4"),
    ViewSpec("statistik", QT_TRANSLATE_NOOP("views", "Statistics"), "desk.ui.views.statistik:StatistikView",
             Permission.REPORTS, "Ctrl+5"),
    ViewSpec("verwaltung", QT_TRANSLATE_NOOP("views", "Administration"),
             "desk.ui.views.verwaltung:VerwaltungView", Permission.SETTINGS_MANAGE, "Ctrl+6"),
)
