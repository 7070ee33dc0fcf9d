"""After the database is ready: who is acting (login), then the main window or the display."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QApplication

from desk.domain.model import Role
from desk.services.context import Actor
from desk.services.desk import DeskServices
from desk.ui.context import UiContext
from desk.ui.events import AppEvents
from desk.ui.settings import UiSettings


def start_ui(
    app: QApplication,
    services: DeskServices,
    settings: UiSettings,
    *,
    display: bool = False,
    screen: int | None = None,
    demo: bool = False,
) -> int:
    events = AppEvents()
    if display:
        from desk.ui.display import open_display

        window = open_display(services, settings, events, screen=screen)
        return app.exec()
    actor = Actor(staff_id=None, name=getpass.getuser(), role=Role.HEAD)
    ctx = UiContext(services=services, actor=actor, events=events, settings=settings)
    from desk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    result = app.exec()
    del window
    return result
