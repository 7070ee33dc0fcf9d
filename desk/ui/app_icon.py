"""desk's icon (a reception desk bell) for the application and every top-level window.

Loaded from the PNG sizes in resources/icons (made from desk.svg by scripts/icons.py): a PNG needs
no Qt image plugin, so the icon shows in the source install and in the build alike.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

SIZES = (16, 24, 32, 48, 64, 128, 256)


@cache
def app_icon() -> QIcon:
    folder = resources.files("desk.resources") / "icons"
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(folder / f"desk-{size}.png"))
    return icon


def set_window_icon(window: QWidget) -> None:
    window.setWindowIcon(app_icon())
