"""Keyboard only, on the real main window: check-in at reception -> call -> done in the waiting
list, without a single mouse event; Escape closes dialogs without saving; the screen reader hears
the arrival and the finished call."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desk.domain.model import Role, VisitStatus
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.storage.models import Appointment
from desk.ui.i18n import install_language
from desk.ui.main_window import MainWindow


class Keyboard:
    """Sends keys to whatever has the focus, like a person at the keyboard, and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.focus(), key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        """Typed text, one key event per character (QKeyEvent with text=, safe for any script)."""
        for char in text:
            widget = self.focus()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def desk_day(qtbot, sqlite_services, tmp_path, monkeypatch, make_ui_ctx):
    """A counsellor at a workstation; a client with an appointment with that counsellor today."""
    install_language("en")
    with sqlite_services.uow(write=True) as uow:
        office = next(r.id for r in uow.reference.rooms() if r.name == "Büro Migrationsberatung")
        staff_id = uow.reference.add_staff(username="beraterin", display_name="Frau Beraterin",
                                           role=Role.COUNSELLOR, password_hash=None, default_room_id=office)
        uow.commit()
    counsellor = Actor(staff_id=staff_id, name="Frau Beraterin", role=Role.COUNSELLOR)
    mbe = next(s for s in sqlite_services.reference.services(counsellor) if s.code == "MBE")
    client = sqlite_services.clients.create(counsellor, ClientInput(given_name="Олена", family_name="Коваленко",
                                                                    language="uk"))
    with sqlite_services.uow(write=True) as uow:
        starts = sqlite_services.clock()  # the UI's clock too (`ui_clock`)
        uow.session.add(Appointment(client_id=client.id, service_id=mbe.id, staff_id=staff_id, starts_at=starts,
                                    ends_at=starts + timedelta(minutes=45), status="booked", version=1))
        uow.commit()
    spoken: list[tuple[str, bool]] = []
    monkeypatch.setattr("desk.ui.views.warteliste.view.announce",
                        lambda _widget, text, assertive=False: spoken.append((text, assertive)))
    ctx = make_ui_ctx(sqlite_services, counsellor)
    window = MainWindow(ctx, live_updates=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window, client, spoken
    install_language("de")


def test_check_in_call_done_with_the_keyboard_only(qtbot, desk_day):
    window, client, spoken = desk_day
    keys = Keyboard(qtbot)
    empfang = window.view("empfang")
    # the waiting list was opened once today (Ctrl+2) and the counsellor went back to reception (Ctrl+1)
    keys.press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    warteliste = window.view("warteliste")
    assert window.current_view() is warteliste
    qtbot.waitUntil(lambda: warteliste._loaded_once and warteliste.room_combo.count() > 0, timeout=5000)
    keys.press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is empfang
    qtbot.waitUntil(lambda: empfang.search.hasFocus() and empfang.appointments_model.rowCount() == 1,
                    timeout=5000)

    # -- check-in: type the name, then at most four keys ------------------------------------------------
    keys.type("Коваленко")
    qtbot.waitUntil(lambda: empfang.search_settled() and empfang.results_model.rowCount() > 0, timeout=5000)
    keys.count = 0
    keys.press(Qt.Key.Key_Down)  # pick the first result
    assert empfang.selected_hit().id == client.id
    keys.press(Qt.Key.Key_Return)  # the check-in dialog, preset from the appointment
    dialog = empfang.checkin_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow(), timeout=3000)
    assert dialog.appointment is not None
    keys.press(Qt.Key.Key_Return)  # Enter confirms the default button: checked in
    qtbot.waitUntil(lambda: empfang.last_visit is not None, timeout=5000)
    assert keys.count <= 4
    visit = empfang.last_visit
    assert visit.client_id == client.id

    # -- the waiting list hears of it (the live update of the real app) and says so ------------------------
    window.ctx.events.sig_data_changed.emit(frozenset({"visits"}))
    qtbot.waitUntil(lambda: warteliste.model.row_of(visit.id) is not None, timeout=5000)
    assert any(visit.ticket in text for text, _assertive in spoken), spoken

    # -- call and done --------------------------------------------------------------------------------------
    qtbot.waitUntil(lambda: empfang.search.hasFocus(), timeout=3000)
    keys.press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: warteliste.isAncestorOf(QApplication.focusWidget()), timeout=3000)
    spoken.clear()
    keys.press(Qt.Key.Key_F2)  # call next
    waitlist, actor = window.ctx.services.waitlist, window.ctx.actor
    qtbot.waitUntil(lambda: bool(spoken), timeout=5000)
    assert waitlist.get(actor, visit.id).status is VisitStatus.CALLED
    assert visit.ticket in spoken[0][0] and not spoken[0][1]  # the finished call, spoken politely
    qtbot.waitUntil(lambda: warteliste.selected_visit() is not None
                    and warteliste.selected_visit().id == visit.id
                    and warteliste.action_done.isEnabled(), timeout=5000)
    spoken.clear()
    keys.press(Qt.Key.Key_F7)  # done
    qtbot.waitUntil(lambda: bool(spoken), timeout=5000)
    assert visit.ticket in spoken[0][0]
    assert waitlist.get(actor, visit.id).status is VisitStatus.DONE


def test_escape_closes_the_check_in_dialog_without_checking_in(qtbot, desk_day):
    window, client, _spoken = desk_day
    keys = Keyboard(qtbot)
    empfang = window.view("empfang")
    qtbot.waitUntil(lambda: empfang.search.hasFocus(), timeout=3000)
    keys.type("Коваленко")
    qtbot.waitUntil(lambda: empfang.search_settled() and empfang.results_model.rowCount() > 0, timeout=5000)
    keys.press(Qt.Key.Key_Return)  # Enter in the search field: check in the first result
    dialog = empfang.checkin_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.isActiveWindow(), timeout=3000)
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert empfang.last_visit is None
    assert window.ctx.services.waitlist.waiting_list(window.ctx.actor, service_ids=None) == []
    qtbot.waitUntil(lambda: empfang.search.hasFocus(), timeout=3000)  # back where the volunteer was


def test_escape_closes_the_new_client_card_without_saving(qtbot, desk_day):
    window, _client, _spoken = desk_day
    keys = Keyboard(qtbot)
    empfang = window.view("empfang")
    qtbot.waitUntil(lambda: empfang.search.hasFocus(), timeout=3000)
    keys.type("Neu")
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = empfang.card_dialog
    qtbot.waitUntil(lambda: card is not None and card.isVisible() and card.isActiveWindow(), timeout=3000)
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not card.isVisible(), timeout=3000)
    assert card.saved is None


def test_first_day_guide_is_one_key_away_from_reception(qtbot, desk_day, monkeypatch):
    window, _client, _spoken = desk_day
    shown: list[str] = []
    monkeypatch.setattr("desk.ui.help.dialogs.FirstDayGuide.exec",
                        lambda dialog: shown.append(dialog.browser.toPlainText()) or 0)
    keys = Keyboard(qtbot)
    empfang = window.view("empfang")
    qtbot.waitUntil(lambda: empfang.search.hasFocus(), timeout=3000)
    assert empfang.help_button.isVisible() and "Shift+F1" in empfang.help_button.toolTip()
    keys.press(Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert len(shown) == 1 and "Check in" in shown[0]
    qtbot.waitUntil(lambda: empfang.search.hasFocus(), timeout=3000)
    # the visible button, reached by Tab like every other control
    empfang.help_button.setFocus()
    keys.press(Qt.Key.Key_Space)
    assert len(shown) == 2


def test_enter_saves_a_new_client_card(qtbot, desk_day):
    window, _client, _spoken = desk_day
    keys = Keyboard(qtbot)
    empfang = window.view("empfang")
    qtbot.waitUntil(lambda: empfang.search.hasFocus(), timeout=3000)
    keys.type("Ivanova Мария")  # given name(s) first, family name last, as typed at the desk
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = empfang.card_dialog
    qtbot.waitUntil(lambda: card is not None and card.isVisible() and card.isActiveWindow(), timeout=3000)
    assert card.family.text() == "Мария" and card.given.text() == "Ivanova"
    keys.press(Qt.Key.Key_Return)  # Enter: the default button (Save)
    qtbot.waitUntil(lambda: card.saved is not None, timeout=5000)
    assert card.saved is not None and card.saved.family_name == "Мария"
