"""desk's icon: every top-level window carries it (the taskbar tells desk's windows from others),
and the PNGs in resources/icons still match desk.svg (scripts/icons.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QSize

from desk.services.context import Actor
from desk.ui.app_icon import SIZES, app_icon
from desk.ui.display import DisplayWindow
from desk.ui.events import AppEvents
from desk.ui.kiosk.window import KioskWindow
from desk.ui.login import LoginDialog
from desk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


class _Silent:
    def play(self) -> None:
        pass


class _NoPrinter:
    def available(self) -> bool:
        return False


def _assert_desk_icon(window) -> None:
    icon = window.windowIcon()
    assert not icon.isNull()
    assert icon.cacheKey() == app_icon().cacheKey()  # the window's own, not the application's
    for size in (16, 32, 256):
        assert QSize(size, size) in icon.availableSizes(), size
        assert not icon.pixmap(size, size).isNull()


def test_the_icon_has_every_size():
    assert {s.width() for s in app_icon().availableSizes()} == set(SIZES)


def test_main_window_display_and_login_carry_the_icon(qtbot, ui_ctx, sqlite_services):
    main = MainWindow(ui_ctx, live_updates=False)
    qtbot.addWidget(main)
    _assert_desk_icon(main)
    display = DisplayWindow(sqlite_services, AppEvents(), gong=_Silent())
    qtbot.addWidget(display)
    display.timer.stop()
    qtbot.waitUntil(lambda: display.loaded, timeout=5000)  # its first read (in a worker) is in
    _assert_desk_icon(display)
    login = LoginDialog(ui_ctx)
    qtbot.addWidget(login)
    _assert_desk_icon(login)


def test_the_kiosk_carries_the_icon(qtbot, make_ui_ctx, sqlite_services):
    ctx = make_ui_ctx(sqlite_services, Actor.kiosk())
    kiosk = KioskWindow(ctx, printer=_NoPrinter())
    qtbot.addWidget(kiosk)
    qtbot.waitUntil(lambda: ctx.workers_running == 0, timeout=20000)
    _assert_desk_icon(kiosk)


def test_the_committed_pngs_match_the_svg(qapp, capsys):
    spec = importlib.util.spec_from_file_location("desk_icons_script", ROOT / "scripts" / "icons.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--check"]) == 0, capsys.readouterr().err
