"""Every date field writes dates as its window does: 24/12/2026 in the English window (as its
texts and messages do), 24.12.2026 in the German one, also after a language switch while it is
open; a date typed the way a volunteer types it is taken in either language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit, QTabWidget

import desk.ui
from desk.domain.model import Role
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.ui.i18n import install_language
from desk.ui.main_window import MainWindow
from desk.ui.views.registry import VIEWS
from desk.ui.widgets.dates import DateEdit

FORMAT = {"en": "dd/MM/yyyy", "de": "dd.MM.yyyy"}
MONTH = {"en": "December", "de": "Dezember"}
RECEPTION = Actor(staff_id=None, name="Empfang (test)", role=Role.RECEPTION, workstation="test")


def shows(edit: QDateEdit, language: str) -> bool:
    """The field's format, its text and its calendar's month names are the language's."""
    day = edit.date()
    written = f"{day.day():02d}{'/' if language == 'en' else '.'}{day.month():02d}" \
              f"{'/' if language == 'en' else '.'}{day.year():04d}"
    calendar_ok = not edit.calendarPopup() or edit.calendarWidget().locale().monthName(12) == MONTH[language]
    return edit.displayFormat() == FORMAT[language] and edit.text() == written and calendar_ok


def every_date_field(window: MainWindow, settle) -> list[QDateEdit]:
    """Every view opened and every tab of it shown once (a tab may build its widgets then)."""
    for spec in VIEWS:
        window.show_view(spec.key)
        view = window.view(spec.key)
        settle(window.ctx)
        for tabs in view.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle(window.ctx)
    return window.findChildren(QDateEdit)


def test_every_date_field_of_every_view_follows_the_window_s_language(qtbot, ui_ctx, settle):
    install_language("en")
    window = MainWindow(ui_ctx, live_updates=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    fields = every_date_field(window, settle)
    # Termine (day, reminder list), Raumkalender (go to), Statistik (from, to), Verwaltung (audit log from, until)
    names = {edit.objectName() for edit in fields}
    assert len(fields) >= 7 and {"date", "reminder_date"} <= names, names
    assert [e for e in fields if not shows(e, "en")] == []
    assert all(isinstance(e, DateEdit) for e in fields)

    window.set_language("de")  # the views stay open
    qtbot.waitUntil(lambda: all(shows(e, "de") for e in every_date_field(window, settle)), timeout=10000)
    assert len(every_date_field(window, settle)) == len(fields)
    window.set_language("en")
    qtbot.waitUntil(lambda: all(shows(e, "en") for e in every_date_field(window, settle)), timeout=10000)


def _dialog(name: str, ctx):
    from desk.ui.views.raumkalender.dialog import BookingDialog
    from desk.ui.views.termine.dialogs import AbsenceDialog, AppointmentDialog, DialogChoices

    services = ctx.services.reference.services(ctx.actor)
    staff = ctx.services.reference.staff(ctx.actor)
    rooms = ctx.services.reference.rooms(ctx.actor)
    if name == "appointment":
        choices = DialogChoices(services=services, counsellors=list(staff), rooms=rooms, interpreters=[],
                                may_manage=True)
        return AppointmentDialog(ctx, choices, day=date(2026, 12, 24))
    if name == "absence":
        return AbsenceDialog("Frau Müller")
    return BookingDialog(ctx, rooms=rooms)


@pytest.mark.parametrize("name, fields", [("appointment", 1), ("absence", 2), ("booking", 2)])
def test_the_dialogs_date_fields_follow_the_language_also_while_open(qtbot, ui_ctx, settle, name, fields):
    for language in ("en", "de"):
        install_language(language)
        dialog = _dialog(name, ui_ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        settle(ui_ctx)
        edits = dialog.findChildren(QDateEdit)
        assert len(edits) == fields and all(shows(e, language) for e in edits), [e.text() for e in edits]
        other = "de" if language == "en" else "en"
        install_language(other)  # switched while the dialog is open
        qtbot.waitUntil(lambda edits=edits, other=other: all(shows(e, other) for e in edits), timeout=5000)
        dialog.close()


def _type_into(qtbot, edit: QDateEdit, keys: str) -> None:
    """As a volunteer does: Tab into the field (the day is selected), type, Enter."""
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    assert edit.lineEdit().selectedText() == f"{edit.date().day():02d}"
    QTest.keyClicks(edit, keys)
    QTest.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("typed, day", [
    ("24/12/2026", date(2026, 12, 24)),  # the English window's own way
    ("24.12.2026", date(2026, 12, 24)),  # the German way, typed into either window
    ("24-12-2026", date(2026, 12, 24)),
    ("24122026", date(2026, 12, 24)),
    ("7.3.2027", date(2027, 3, 7)),  # Qt alone: 07.01.3202 (it moved on after the 7 and again at the dot)
    ("7/3/2027", date(2027, 3, 7)),
    ("1.2.2027", date(2027, 2, 1)),  # Qt alone, in the English field: 12/02 (the dot was dropped)
    ("31/1/2027", date(2027, 1, 31)),
])
def test_a_typed_date_is_taken_in_either_format(qtbot, ui_ctx, settle, language, typed, day):
    install_language(language)
    dialog = _dialog("appointment", ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(ui_ctx)
    _type_into(qtbot, dialog.date, typed)
    assert dialog.date.date() == QDate(day.year, day.month, day.day)
    assert shows(dialog.date, language)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_slash_typed_with_shift_as_on_a_german_keyboard_is_a_separator(qtbot, ui_ctx, settle, language):
    """On a German keyboard "/" is Shift+7: the key event carries Shift, and still separates."""
    install_language(language)
    dialog = _dialog("appointment", ui_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(ui_ctx)
    edit = dialog.date
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    for key in "1/2/2027":
        if key == "/":
            QTest.keyClick(edit, Qt.Key.Key_Slash, Qt.KeyboardModifier.ShiftModifier)
        else:
            QTest.keyClicks(edit, key)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date() == QDate(2027, 2, 1)


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("pasted", ["24/12/2026", "24.12.2026", "2026-12-24"])
def test_a_pasted_date_is_taken_in_either_format(qtbot, language, pasted):
    install_language(language)
    edit = DateEdit(QDate(2026, 1, 1))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=2000)
    QGuiApplication.clipboard().setText(pasted)
    edit.lineEdit().selectAll()
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert edit.date() == QDate(2026, 12, 24) and shows(edit, language)


@pytest.mark.parametrize("language, shown, hint, typed", [
    ("en", "17/05/1990", "DD/MM/YYYY (optional)", "24/12/1990"),
    ("de", "17.05.1990", "TT.MM.JJJJ (freiwillig)", "24.12.1990"),
])
def test_the_card_s_date_of_birth_is_written_and_read_back_in_the_window_s_format(
        qtbot, make_ui_ctx, sqlite_services, language, shown, hint, typed):
    """The card showed 17/05/1990 in the English window and refused to save it ("not a date, use
    DD.MM.YYYY"): a volunteer could not save any card with a date of birth in English."""
    from desk.ui.views.empfang.card import ClientCardDialog

    install_language(language)
    client = sqlite_services.clients.create(RECEPTION, ClientInput(given_name="Amal", family_name="Haddad",
                                                                   date_of_birth=date(1990, 5, 17)))
    ctx = make_ui_ctx(sqlite_services, RECEPTION)
    card = ClientCardDialog(ctx, sqlite_services.clients.card(RECEPTION, client.id))
    qtbot.addWidget(card)
    card.show()
    assert card.birth.text() == shown and card.birth.placeholderText() == hint
    card.note.setPlainText("kommt mit Sohn")  # something else changed: the date of birth is saved as shown
    with qtbot.waitSignal(card.sig_saved, timeout=20000) as saved:
        card.save_button.click()
    assert saved.args[0].date_of_birth == date(1990, 5, 17) and not card.error.isVisible()

    card = ClientCardDialog(ctx, sqlite_services.clients.card(RECEPTION, client.id))
    qtbot.addWidget(card)
    card.show()
    card.birth.setText(typed)
    with qtbot.waitSignal(card.sig_saved, timeout=20000) as saved:
        card.save_button.click()
    assert saved.args[0].date_of_birth == date(1990, 12, 24)


def test_no_date_field_or_date_format_of_its_own_in_the_window():
    """A new date field is a DateEdit (widgets/dates.py) and a date is written by i18n.fmt_date:
    a QDateEdit of its own or a hard-coded dd.MM.yyyy would be German in the English window again.
    The kiosk (its own rule: day.month.year in every language, docs/KIOSK.md), the printed
    appointment slip (German and the client's language on one sheet) and the report's PDF (written
    in the report's language, like its XLSX) keep theirs."""
    root = Path(desk.ui.__file__).parent
    own = {root / "widgets" / "dates.py", root / "i18n.py"}
    kept = {root / "kiosk" / "window.py", root / "views" / "termine" / "printing.py",
            root / "views" / "statistik" / "pdf.py"}
    found = []
    for path in sorted(root.rglob("*.py")):
        if path in own:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (r"\bQ(?:Date|DateTime)Edit\(", r"setDisplayFormat\(\s*[\"']d", r"dd\.MM\.yyyy|dd/MM/yyyy"):
            found += [f"{path.relative_to(root)}: {m.group(0)}" for m in re.finditer(pattern, text)]
        if path not in kept:
            found += [f"{path.relative_to(root)}: {m.group(0)}" for m in re.finditer(r"%d\.%m\.%Y|%d/%m/%Y", text)]
    assert found == []
