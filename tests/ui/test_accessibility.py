"""Every focusable widget of every view has a name a screen reader can speak; the help works."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from desk.domain.model import Role
from desk.services.context import Actor
from desk.ui.a11y import accessible_name
from desk.ui.context import UiContext
from desk.ui.events import AppEvents
from desk.ui.i18n import install_language
from desk.ui.main_window import MainWindow
from desk.ui.settings import UiSettings
from desk.ui.views.registry import VIEWS


def _available(spec) -> bool:
    try:
        importlib.import_module(spec.target.split(":")[0])
    except ModuleNotFoundError:
        return False
    return True


@pytest.fixture
def window(qtbot, sqlite_services, tmp_path):
    install_language("de")
    ctx = UiContext(services=sqlite_services, actor=Actor(staff_id=None, name="Test", role=Role.HEAD),
                    events=AppEvents(), settings=UiSettings())
    main = MainWindow(ctx, live_updates=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    return main


def nameless_focusable(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QAbstractScrollArea) and widget is widget.parent().viewport():
            continue
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} objectName={widget.objectName()!r}")
    return missing


@pytest.mark.parametrize("key", [v.key for v in VIEWS if _available(v)])
def test_every_focusable_widget_has_an_accessible_name(window, qtbot, key):
    window.show_view(key)
    view = window.view(key)
    qtbot.wait(10)
    assert nameless_focusable(view) == []


def test_main_window_navigation_is_named(window):
    assert nameless_focusable(window.nav) == []
    assert accessible_name(window.nav)


def test_shortcut_overview_lists_the_view_shortcuts(window):
    from desk.ui.help.dialogs import collect_shortcuts

    shortcuts = dict(collect_shortcuts(window))
    assert shortcuts.get("Empfang") == "Ctrl+1"
    assert "F1" in shortcuts.values()


def test_first_day_guide_in_both_languages(window):
    from desk.ui.help.dialogs import guide_html

    german, english = guide_html("de"), guide_html("en")
    assert "Einchecken" in german and "Check in" in english
    assert german.count("<li>") == english.count("<li>") == 5
