"""The waiting-room display: full screen, ticket -> room in large type, a gong, the call text in
German plus the client's language. It reads only DisplayCallRows (no name can be in them) through
a service method that needs Permission.DISPLAY_READ, acting as Actor.display(): no login."""

from desk.ui.display.window import DisplayWindow, open_display

__all__ = ["DisplayWindow", "open_display"]
