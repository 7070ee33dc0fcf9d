"""At 200 % font size the main window still fits a 1366x768 screen (views scroll or wrap
instead of pushing the window off the screen); rows of buttons wrap."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from desk.ui.i18n import install_language
from desk.ui.main_window import MainWindow
from desk.ui.views.registry import VIEWS
from desk.ui.widgets.flow import FlowLayout


@pytest.fixture
def large_font(qapp):
    normal = qapp.font()
    font = type(normal)(normal)
    font.setPointSizeF(normal.pointSizeF() * 2)
    QApplication.setFont(font)
    yield
    QApplication.setFont(normal)


def test_main_window_fits_1366x768_at_double_font_size(qtbot, ui_ctx, large_font, settle):
    install_language("de")
    ctx = ui_ctx
    window = MainWindow(ctx, live_updates=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    for spec in VIEWS:
        window.show_view(spec.key)
        settle(ctx)  # its rows are in: a loaded view is as wide as it gets
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768, hint
    assert window.width() <= 1366 and window.height() <= 768


def test_flow_layout_wraps_buttons_onto_more_lines_when_narrow(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    buttons = [QPushButton(f"Button number {n}") for n in range(8)]
    for button in buttons:
        flow.addWidget(button)
    one_line = flow.heightForWidth(10_000)
    narrow = flow.heightForWidth(buttons[0].sizeHint().width() * 2 + 20)
    assert narrow >= 3 * one_line
    host.resize(buttons[0].sizeHint().width() * 2 + 20, narrow)
    host.show()
    qtbot.waitExposed(host)
    assert all(host.rect().contains(b.geometry()) for b in buttons)  # nothing cut off
    assert flow.minimumSize().width() <= max(b.minimumSizeHint().width() for b in buttons) + 1
