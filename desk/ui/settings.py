"""One typed gateway to QSettings: window state and personal preferences only.

Business configuration (rooms, services, hours, thresholds) lives in the database.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desk.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings("Diakonie", "desk")

    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("ui/geometry", value)

    @property
    def last_view(self) -> str:
        return str(self._s.value("ui/last_view", "empfang"))

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._s.setValue("ui/last_view", value)

    @property
    def display_screen(self) -> int:
        return int(self._s.value("display/screen", 0))

    @display_screen.setter
    def display_screen(self, value: int) -> None:
        self._s.setValue("display/screen", int(value))

    def sync(self) -> None:
        self._s.sync()
