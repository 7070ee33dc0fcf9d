"""Switching the language in the menu takes effect at once in every view, without a restart;
Qt's own dialogs follow; German dates are dd.MM.yyyy."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QTabWidget, QWidget

from desk.ui.i18n import fmt_date, install_language
from desk.ui.main_window import MainWindow
from desk.ui.views.registry import VIEWS


@pytest.fixture
def window(qtbot, ui_ctx):
    install_language("de")
    ctx = ui_ctx
    main = MainWindow(ctx, live_updates=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    for spec in VIEWS:  # every view built, and what it loads on a worker (the report) shown
        main.show_view(spec.key)
        settle(main, qtbot)
    assert main.view("statistik").report is not None
    main.show_view("empfang")
    settle(main, qtbot)
    yield main
    install_language("de")


def visible_texts(root: QWidget) -> set[str]:
    """What a person reads: button and label texts, tab titles (numbers and names left out)."""
    texts: set[str] = set()
    for widget in root.findChildren(QAbstractButton):
        texts.add(widget.text())
    for widget in root.findChildren(QLabel):
        texts.add(widget.text())
    for tabs in root.findChildren(QTabWidget):
        texts.update(tabs.tabText(i) for i in range(tabs.count()))
    # counts like "12 Konten" come from data loaded on a worker: not a fixed text
    return {t.replace("&", "") for t in texts if any(ch.isalpha() for ch in t) and not t[:1].isdigit()}


def settle(window: MainWindow, qtbot) -> None:
    """Wait until every worker a view started (loading, the report) has reported back."""
    qtbot.waitUntil(lambda: window.ctx.workers_running == 0, timeout=20000)


def switch(window: MainWindow, qtbot, language: str) -> None:
    window.language_actions[language].trigger()
    settle(window, qtbot)


def test_switching_language_retranslates_every_view(window, qtbot):
    german = {spec.key: visible_texts(window.view(spec.key)) for spec in VIEWS}
    assert window.nav.item(0).text() == "Empfang"
    assert window.view_menu.title().replace("&", "") == "Ansicht"

    switch(window, qtbot, "en")
    english = {spec.key: visible_texts(window.view(spec.key)) for spec in VIEWS}
    assert window.nav.item(0).text() == "Reception"
    assert window.view_menu.title().replace("&", "") == "View"
    assert "Check in" in english["empfang"] and "Anmelden" not in english["empfang"]
    assert "Call next (F2)" in english["warteliste"]
    assert "Calculate" in english["statistik"]
    assert "Accounts" in english["verwaltung"]
    for key in german:
        # at least half of the words on each view changed, and no German-only text stayed behind
        changed = german[key] - english[key]
        assert len(changed) >= len(german[key]) // 2, (key, sorted(german[key] & english[key]))

    switch(window, qtbot, "de")
    again = {spec.key: visible_texts(window.view(spec.key)) for spec in VIEWS}
    assert window.nav.item(0).text() == "Empfang"
    for key in german:
        assert again[key] == german[key], (key, sorted(again[key] ^ german[key]))


def test_qt_own_dialog_buttons_follow_the_language(window, qtbot):
    def cancel_text() -> str:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        text = box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
        box.deleteLater()
        return text

    assert cancel_text() == "Abbrechen"
    switch(window, qtbot, "en")
    assert cancel_text() == "Cancel"


def test_dates_in_the_languages_format(window, qtbot):
    assert fmt_date(date(2026, 3, 1)) == "01.03.2026"
    switch(window, qtbot, "en")
    assert fmt_date(date(2026, 3, 1)) == "01/03/2026"
