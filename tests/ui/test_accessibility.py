"""Every focusable widget of every view has a name a screen reader can speak; the help works."""

from __future__ import annotations

import importlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)

from desk.ui.a11y import accessible_name
from desk.ui.i18n import install_language
from desk.ui.main_window import MainWindow
from desk.ui.views.registry import VIEWS


def _available(spec) -> bool:
    try:
        importlib.import_module(spec.target.split(":")[0])
    except ModuleNotFoundError:
        return False
    return True


@pytest.fixture
def window(qtbot, ui_ctx):
    install_language("de")
    main = MainWindow(ui_ctx, live_updates=False)
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
        # the line edit inside a spin box / editable combo box hands its focus to its owner,
        # which is what a screen reader names
        spoken = widget.focusProxy() or widget
        if not accessible_name(spoken):
            missing.append(f"{type(widget).__name__} objectName={widget.objectName()!r}")
    return missing


def nameless_in_every_tab(root: QWidget, settle, ctx) -> list[str]:
    """The walk above, repeated for every page of every tab widget under `root` (each page's
    loading finished: a tab may load its rows when it is first shown)."""
    missing = nameless_focusable(root)
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(ctx)
            missing += [f"{tabs.tabText(index)}: {m}" for m in nameless_focusable(root)]
    return sorted(set(missing))


def tab_order_breaks(root: QWidget, tolerance: int = 8) -> list[str]:
    """Tab goes through a dialog in reading order: from the top-left field, never back up a line."""
    def tabbable(widget: QWidget) -> bool:
        return (root.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None
                and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))

    members = [w for w in root.findChildren(QWidget) if tabbable(w)]
    if not members:
        return []

    def place(widget: QWidget) -> tuple[int, int]:
        point = widget.mapTo(root, widget.rect().topLeft())
        return point.y(), point.x()

    widget = start = min(members, key=place)
    chain: list[QWidget] = []
    for _ in range(500):
        if tabbable(widget) and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    breaks = []
    for before, after in zip(chain, chain[1:], strict=False):
        if place(after)[0] < place(before)[0] - tolerance:
            breaks.append(f"{type(before).__name__} {accessible_name(before)!r} -> "
                          f"{type(after).__name__} {accessible_name(after)!r} goes back up")
    return breaks


def unnamed_table_headers(root: QWidget) -> list[str]:
    """Tables expose their column headers (a screen reader reads them with each cell)."""
    missing = []
    for view in root.findChildren(QTableView):
        model = view.model()
        if model is None or not view.isVisibleTo(root):
            continue
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            if not str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "").strip():
                missing.append(f"{view.objectName() or type(view).__name__} column {column}")
    return missing


@pytest.mark.parametrize("key", [v.key for v in VIEWS if _available(v)])
def test_every_focusable_widget_has_an_accessible_name(window, settle, key):
    window.show_view(key)
    view = window.view(key)
    settle(window.ctx)
    assert nameless_in_every_tab(view, settle, window.ctx) == []


@pytest.mark.parametrize("key", [v.key for v in VIEWS if _available(v)])
def test_tables_expose_their_headers(window, settle, key):
    window.show_view(key)
    view = window.view(key)
    settle(window.ctx)
    assert unnamed_table_headers(view) == []


def _dialogs(ctx, window):
    """The dialogs that can be built without a running desk day (name, factory)."""
    from desk.tools.demo import demo_accounts
    from desk.ui.help.dialogs import FirstDayGuide, ShortcutsDialog
    from desk.ui.login.dialogs import DemoAccount, FirstStartWizard, LoginDialog
    from desk.ui.views.empfang.card import ClientCardDialog
    from desk.ui.views.empfang.checkin_dialog import CheckInDialog
    from desk.ui.views.raumkalender.dialog import BookingDialog
    from desk.ui.views.termine.dialogs import (
        AbsenceDialog,
        AppointmentDialog,
        DialogChoices,
        InterpreterDialog,
        WorkingHoursDialog,
    )
    from desk.ui.views.verwaltung.dialogs import AccountDialog, EraseDialog, PasswordDialog
    from desk.ui.views.warteliste.dialogs import HandOverDialog, ReferDialog

    services = ctx.services.reference.services(ctx.actor)
    staff = ctx.services.reference.staff(ctx.actor)
    rooms = ctx.services.reference.rooms(ctx.actor)
    choices = DialogChoices(services=services, counsellors=list(staff), rooms=rooms, interpreters=[],
                            may_manage=True)

    def visit():
        from desk.services.checkin import CheckInRequest

        return ctx.services.checkin.check_in(ctx.actor, CheckInRequest(service_id=services[0].id))

    return [
        ("hand over", lambda: HandOverDialog(visit(), services, list(staff))),
        ("refer", lambda: ReferDialog(visit(), ["Jobcenter", "Ausländerbehörde"])),
        ("check-in", lambda: CheckInDialog(ctx, services, client=None, appointment=None)),
        ("client card", lambda: ClientCardDialog(ctx, initial_name="Test")),
        ("appointment", lambda: AppointmentDialog(ctx, choices)),
        ("absence", lambda: AbsenceDialog("Test")),
        ("booking", lambda: BookingDialog(ctx, rooms=rooms)),
        ("login", lambda: LoginDialog(ctx)),
        ("demo login", lambda: LoginDialog(ctx, demo_accounts=[DemoAccount(*a) for a in demo_accounts()])),
        ("account", lambda: AccountDialog(services)),
        ("password", lambda: PasswordDialog("Test")),
        ("first day", lambda: FirstDayGuide()),
        ("shortcuts", lambda: ShortcutsDialog(window)),
        ("interpreter", lambda: InterpreterDialog(None)),
        ("working hours", lambda: WorkingHoursDialog("Test", [])),
        ("erase", lambda: EraseDialog(1)),
        ("first start", lambda: FirstStartWizard(ctx)),
    ]


@pytest.mark.parametrize("name", ["check-in", "client card", "appointment", "absence", "booking", "login", "demo login",
                                  "account", "password", "first day", "shortcuts", "interpreter",
                                  "working hours", "erase", "first start", "hand over", "refer"])
def test_every_focusable_widget_of_the_dialogs_has_an_accessible_name(window, qtbot, settle, name):
    factory = dict(_dialogs(window.ctx, window))[name]
    dialog = factory()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(window.ctx)
    assert nameless_in_every_tab(dialog, settle, window.ctx) == []
    assert tab_order_breaks(dialog) == []
    # Enter confirms: some visible button is the default (a hidden default makes Enter do nothing)
    defaults = [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]
    assert len(defaults) == 1, [(b.text(), b.isVisible()) for b in dialog.findChildren(QPushButton) if b.isDefault()]
    # Escape closes without saving (from whatever has the focus)
    target = QApplication.focusWidget() if dialog.isAncestorOf(QApplication.focusWidget()) else dialog
    QTest.keyClick(target, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_main_window_navigation_is_named(window):
    assert nameless_focusable(window.nav) == []
    assert accessible_name(window.nav)


def test_shortcut_overview_lists_the_view_shortcuts(window):
    from desk.ui.help.dialogs import collect_shortcuts

    shortcuts = dict(collect_shortcuts(window))
    # shown the way the keyboard labels it: "Strg+1" in German
    assert shortcuts.get("Empfang") == QKeySequence("Ctrl+1").toString(QKeySequence.SequenceFormat.NativeText)
    assert "F1" in shortcuts.values()


def test_shortcut_overview_says_where_a_key_acts(window, settle):
    from desk.ui.help.dialogs import shortcut_rows

    for spec in VIEWS:
        if _available(spec):
            window.show_view(spec.key)
    settle(window.ctx)
    f4 = {where for where, _text, key in shortcut_rows(window) if key == "F4"}
    assert {"Empfang", "Warteliste"} <= f4  # Karteikarte at reception, erneut aufrufen in the waiting list
    assert ("Überall", "Tastenkürzel", "F1") in shortcut_rows(window)


def test_first_day_guide_in_both_languages(window):
    from desk.ui.help.dialogs import guide_html

    german, english = guide_html("de"), guide_html("en")
    assert "Anmelden" in german and "Check in" in english  # the words on the buttons
    assert german.count("<li>") == english.count("<li>") == 5
