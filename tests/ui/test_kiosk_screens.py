"""The self-service kiosk (issue 20) driven by mouse clicks and keys through the whole flow, in
German, Arabic and Tigrinya: two kiosks and a reception PC on one database (each with its own
engine, as on three PCs), on SQLite and PostgreSQL. Never a name on a kiosk screen; tickets are
printed only once they are in the database; 30 s idle reset (shortened here); leaving needs the
head's password; a database that is away gives a clear sentence and no ticket."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from desk.domain.errors import DatabaseUnavailableError
from desk.domain.model import Role
from desk.services.accounts import NewAccount
from desk.services.bootstrap import prepare_database
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.storage.models import Appointment, ServiceHour
from desk.ui.i18n import local
from desk.ui.kiosk.phrases import kiosk_languages
from desk.ui.kiosk.window import KioskWindow, touch_pixels

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)  # 10:30 in Balingen
# the UI's and the services' clock (tests/ui/conftest.py ui_clock): a ticket taken "five minutes
# ago" must be today's on whatever day and hour the suite runs (it was not from 00:00 to 00:05)
FIXED_NOW = NOW
CODE = "K7MA4T"
PASSWORD = "kiosk-exit-2026"
OWN_PASSWORD = "kiosk-eigenes-2026"


class FakePrinter:
    """The system print queue as the kiosk sees it: what was printed, in order."""

    def __init__(self, available: bool = True) -> None:
        self.is_available = available
        self.printed: list[tuple[str, list[str], bool]] = []

    def available(self) -> bool:
        return self.is_available

    def print_ticket(self, ticket, lines, *, rtl):
        self.printed.append((ticket.ticket, lines, rtl))


@pytest.fixture
def centre(db_url, tmp_path):
    """Three PCs on one database: reception's services and two kiosks' (each its own engine)."""
    reception = build_services(prepare_database(db_url, backup_dir=tmp_path / "backups"))
    _open_mbe_at_now(reception)
    kiosks = [build_services(prepare_database(db_url, read_only=True)) for _ in range(2)]
    yield reception, kiosks
    for services in (reception, *kiosks):
        services.close()


def _open_mbe_at_now(services) -> None:
    """The seed's MBE has no consultation hours on Wednesdays (NOW): these tests take MBE tickets,
    so MBE is open 09:00-12:00 on NOW's weekday too (the kiosk gives tickets only in the hours)."""
    mbe = next(s for s in services.reference.services(Actor.system("t")) if s.code == "MBE")
    with services.uow(write=True) as uow:
        uow.session.add(ServiceHour(service_id=mbe.id, weekday=local(NOW).weekday(), start_time=time(9),
                                    end_time=time(12)))
        uow.commit()
    services.reference.invalidate()


@pytest.fixture
def open_kiosk(qtbot, make_ui_ctx):
    """`open_kiosk(services, name, printer=None, idle_ms=...)`: a kiosk window on its own PC."""
    return lambda services, name, printer=None, idle_ms=30_000: _kiosk(qtbot, make_ui_ctx, services, name, printer,
                                                                       idle_ms)


def _kiosk(qtbot, make_ui_ctx, services, name: str, printer=None, idle_ms: int = 30_000) -> KioskWindow:
    ctx = make_ui_ctx(services, dataclasses.replace(Actor.kiosk(), workstation=name))
    window = KioskWindow(ctx, printer=printer if printer is not None else FakePrinter(), idle_ms=idle_ms,
                         clock=lambda: NOW)
    qtbot.addWidget(window)
    window._may_close = False
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: ctx.workers_running == 0 and bool(window.offers), timeout=20000)
    return window


def _click(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def _shown_texts(window: KioskWindow) -> str:
    """Every text a person (or a screen reader) gets from the kiosk's visible widgets."""
    parts = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        parts += [widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QPushButton | QLineEdit):
            parts.append(widget.text())
    return "\n".join(p for p in parts if p)


def _visible_buttons(window: KioskWindow) -> list[QPushButton]:
    return [b for b in window.findChildren(QPushButton) if b.isVisible()]


def _appointment(services, *, client_name=("Muhammad", "Alhasan"), minutes=10, code=CODE, birth=date(1990, 3, 4)):
    head = Actor.system("test")
    mbe = next(s for s in services.reference.services(head) if s.code == "MBE")
    client = services.clients.create(head, ClientInput(given_name=client_name[0], family_name=client_name[1],
                                                       language="ar", interpreter_needed=True, date_of_birth=birth))
    with services.uow(write=True) as uow:
        appointment = Appointment(client_id=client.id, service_id=mbe.id, starts_at=NOW + timedelta(minutes=minutes),
                                  ends_at=NOW + timedelta(minutes=minutes + 45), status="booked", created_at=NOW,
                                  updated_at=NOW, version=1, kiosk_code=code)
        uow.session.add(appointment)
        uow.commit()
    return client, mbe


@pytest.mark.parametrize("language", ["de", "ar", "ti"])
def test_two_kiosks_and_reception_through_the_whole_flow(qtbot, open_kiosk, centre, language):
    reception_services, (services_1, services_2) = centre
    client, mbe = _appointment(reception_services)
    printer_1, printer_2 = FakePrinter(), FakePrinter(available=False)
    kiosk_1 = open_kiosk(services_1, "kiosk-entrance", printer_1)
    kiosk_2 = open_kiosk(services_2, "kiosk-hall", printer_2)
    chosen = next(x for x in kiosk_1.languages if x.code == language)

    # kiosk 1: language -> "I have a question" -> the MBE pictogram -> ticket, printed
    _click(qtbot, kiosk_1.language_buttons[language])
    assert kiosk_1.page == "choice"
    expected = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
    assert kiosk_1.layoutDirection() == expected
    assert chosen.text("question") in kiosk_1.question_button.text_shown()
    _click(qtbot, kiosk_1.question_button)
    qtbot.waitUntil(lambda: kiosk_1.page == "services" and bool(kiosk_1.service_buttons), timeout=20000)
    button = kiosk_1.service_buttons[mbe.id]
    assert chosen.service_sentence("MBE", "") in button.text_shown()
    with qtbot.waitSignal(kiosk_1.sig_ticket, timeout=20000) as taken:
        _click(qtbot, button)
    ticket = taken.args[0]
    assert kiosk_1.page == "ticket" and kiosk_1.ticket_number.text() == ticket.ticket == "M-001"
    assert [p[0] for p in printer_1.printed] == ["M-001"]
    assert printer_1.printed[0][2] == (language == "ar")
    assert chosen.text("printed") in _shown_texts(kiosk_1)

    # kiosk 2: language -> "I have an appointment" -> the slip's code typed on the screen's keys
    _click(qtbot, kiosk_2.language_buttons[language])
    _click(qtbot, kiosk_2.appointment_button)
    assert kiosk_2.page == "appointment"
    for key in "K7MA4T":
        _click(qtbot, kiosk_2.findChild(QPushButton, f"key_{key}"))
    assert kiosk_2.code_edit.text() == CODE
    with qtbot.waitSignal(kiosk_2.sig_ticket, timeout=20000):
        _click(qtbot, kiosk_2.check_in_button)
    assert kiosk_2.ticket_number.text() == "M-002"
    assert chosen.text("checked_in", time="10:40") in _shown_texts(kiosk_2)
    assert printer_2.printed == [] and chosen.text("no_printer") in _shown_texts(kiosk_2)  # on screen only
    for kiosk in (kiosk_1, kiosk_2):
        texts = _shown_texts(kiosk)
        assert "Alhasan" not in texts and "Muhammad" not in texts

    # reception: both tickets in the waiting list, marked self-service, with the chosen language
    reception = Actor(staff_id=None, name="Empfang", role=Role.RECEPTION, workstation="desk")
    visits = {v.ticket: v for v in reception_services.checkin.today(reception, now=NOW)}
    assert visits["M-001"].self_service and visits["M-001"].client_id is None
    assert visits["M-001"].interpreter_language == ("" if language == "de" else language)
    assert visits["M-002"].self_service and visits["M-002"].client_id == client.id
    # the person of M-001 comes to the desk: reception attaches the client, the place stays
    reception_services.checkin.check_in(reception, CheckInRequest(service_id=mbe.id), now=NOW + timedelta(minutes=1))
    other = reception_services.clients.create(reception, ClientInput(given_name="Selam", family_name="Tesfay"))
    reception_services.checkin.attach_client(reception, visits["M-001"].id, other.id, now=NOW + timedelta(minutes=2))
    order = [v.ticket for v in reception_services.waitlist.waiting_list(reception, now=NOW + timedelta(minutes=2))]
    assert order.index("M-001") < order.index("M-003")

    # "Done" goes back to the language choice, every input gone
    _click(qtbot, kiosk_2.done_button)
    assert kiosk_2.page == "language" and kiosk_2.code_edit.text() == ""
    assert kiosk_2.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_waiting_list_marks_self_service_tickets(qtbot, open_kiosk, centre):
    from desk.ui.views.warteliste.model import WaitingListModel

    reception_services, (services_1, _) = centre
    mbe = next(s for s in reception_services.reference.services(Actor.system("t")) if s.code == "MBE")
    services_1.kiosk.take_ticket(dataclasses.replace(Actor.kiosk(), workstation="k"), mbe.id, "ti", now=NOW)
    [row] = reception_services.checkin.today(Actor.system("t"), now=NOW)
    model = WaitingListModel.__new__(WaitingListModel)
    assert "self-service" in WaitingListModel.name_text(model, row)


def test_every_touch_target_is_at_least_15_mm_and_the_screens_are_named(qtbot, open_kiosk, centre):
    _, (services_1, _) = centre
    kiosk = open_kiosk(services_1, "k")
    side = touch_pixels(kiosk)
    assert side >= 15 / 25.4 * 96
    for page in ("language", "choice", "services", "appointment"):
        if page == "choice":
            kiosk.choose_language("ar")
        else:
            kiosk.show_page(page)
        qtbot.waitUntil(lambda: kiosk.ctx.workers_running == 0, timeout=20000)
        for button in _visible_buttons(kiosk):
            assert button.width() >= side and button.height() >= side, (page, button.objectName(), button.size())
            assert button.accessibleName(), (page, button.objectName())
        assert kiosk.title.accessibleName() == kiosk.title.text() != ""


def test_the_kiosk_is_usable_with_the_keyboard(qtbot, open_kiosk, centre):
    _, (services_1, _) = centre
    kiosk = open_kiosk(services_1, "k")
    kiosk.activateWindow()
    first = kiosk.language_buttons["de"]
    qtbot.waitUntil(first.hasFocus, timeout=5000)
    qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Tab)
    assert kiosk.focusWidget() is kiosk.language_buttons["en"]
    qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Space)
    assert kiosk.page == "choice" and kiosk.language.code == "en"
    qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Space)  # the first choice has the focus: appointment
    assert kiosk.page == "appointment" and kiosk.code_edit.hasFocus()
    qtbot.keyClicks(kiosk.code_edit, "wrong1")
    qtbot.keyClick(kiosk.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: kiosk.message.isVisible(), timeout=20000)
    assert kiosk.message.text() == kiosk.language.text("not_found")
    qtbot.keyClick(kiosk.code_edit, Qt.Key.Key_Escape)
    assert kiosk.page == "choice"


def test_wrong_codes_are_limited_and_the_kiosk_says_so(qtbot, open_kiosk, centre):
    _, (services_1, _) = centre
    kiosk = open_kiosk(services_1, "k")
    _click(qtbot, kiosk.language_buttons["de"])
    _click(qtbot, kiosk.appointment_button)
    for n in range(6):
        kiosk.code_edit.setText(f"WRONG{n}")
        _click(qtbot, kiosk.check_in_button)
        qtbot.waitUntil(lambda: kiosk.ctx.workers_running == 0 and not kiosk.busy, timeout=20000)
    assert kiosk.message.text().startswith("Zu viele Versuche")


def test_idle_for_a_while_goes_back_to_the_language_choice(qtbot, open_kiosk, centre):
    _, (services_1, _) = centre
    kiosk = open_kiosk(services_1, "k", idle_ms=300)
    _click(qtbot, kiosk.language_buttons["ar"])
    _click(qtbot, kiosk.appointment_button)
    kiosk.code_edit.setText("K7M")
    qtbot.waitUntil(lambda: kiosk.page == "language", timeout=5000)
    assert kiosk.code_edit.text() == "" and kiosk.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_leaving_needs_the_heads_password(qtbot, open_kiosk, centre):
    reception_services, (services_1, _) = centre
    head = Actor.system("test")
    reception_services.accounts.create_account(head, NewAccount("leitung", "Leitung", Role.HEAD, PASSWORD))
    reception_services.accounts.create_account(head, NewAccount("empfang", "Empfang", Role.RECEPTION, PASSWORD))
    kiosk = open_kiosk(services_1, "k")
    kiosk.close()
    assert kiosk.isVisible() and kiosk.exit_dialog is not None and kiosk.exit_dialog.isVisible()
    dialog = kiosk.exit_dialog
    for user, password in (("leitung", "wrong password"), ("empfang", PASSWORD)):
        dialog.username.setText(user)
        dialog.password.setText(password)
        _click(qtbot, dialog.ok)
        qtbot.waitUntil(lambda: dialog.message.text() != "" and dialog.ok.isEnabled(), timeout=20000)
        assert kiosk.isVisible()
        dialog.message.setText("")
    # the head's account was just created: its password is one-time and opens no exit
    dialog.username.setText("leitung")
    dialog.password.setText(PASSWORD)
    _click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: dialog.message.text() != "" and dialog.ok.isEnabled(), timeout=20000)
    assert "only once" in dialog.message.text() and kiosk.isVisible()
    # she logged in at a PC and chose her own: that one leaves the kiosk
    one_time = reception_services.accounts.login(Actor.login_screen(), "leitung", PASSWORD)
    reception_services.accounts.change_own_password(one_time, PASSWORD, OWN_PASSWORD)
    dialog.username.setText("leitung")
    dialog.password.setText(OWN_PASSWORD)
    _click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=20000)


def test_a_database_that_is_away_gives_a_clear_sentence_and_no_ticket(qtbot, open_kiosk, centre, monkeypatch):
    reception_services, (services_1, _) = centre
    printer = FakePrinter()
    kiosk = open_kiosk(services_1, "k", printer)
    real = services_1.kiosk.take_ticket

    def away(*args, **kwargs):
        raise DatabaseUnavailableError(reason="connection refused")

    monkeypatch.setattr(services_1.kiosk, "take_ticket", away)
    _click(qtbot, kiosk.language_buttons["ti"])
    _click(qtbot, kiosk.question_button)
    # the last known services stay
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons) and kiosk.ctx.workers_running == 0, timeout=20000)
    _click(qtbot, next(iter(kiosk.service_buttons.values())))
    qtbot.waitUntil(lambda: kiosk.message.isVisible(), timeout=20000)
    assert kiosk.message.text() == kiosk.language.text("offline") and kiosk.page == "services"
    assert printer.printed == [] and reception_services.checkin.today(Actor.system("t"), now=NOW) == []
    monkeypatch.setattr(services_1.kiosk, "take_ticket", real)  # the server is back
    with qtbot.waitSignal(kiosk.sig_ticket, timeout=20000):
        _click(qtbot, next(iter(kiosk.service_buttons.values())))
    assert [p[0] for p in printer.printed] == [kiosk.ticket.ticket]
    assert [v.ticket for v in reception_services.checkin.today(Actor.system("t"), now=NOW)] == [kiosk.ticket.ticket]


def test_a_ticket_whose_acknowledgement_was_lost_is_printed_once_when_touched_again(qtbot, open_kiosk, centre):
    """The connection lost right after the ticket's commit: the kiosk says it is offline; the
    person touches the service again and gets the ticket that was saved - one visit, one print.
    The next person (the kiosk reset) gets the next number."""
    from once_helpers import lost_acknowledgement

    from desk.domain.topics import Topic

    reception_services, (services_1, _) = centre
    printer = FakePrinter()
    kiosk = open_kiosk(services_1, "k", printer)
    _click(qtbot, kiosk.language_buttons["ti"])
    _click(qtbot, kiosk.question_button)
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons) and kiosk.ctx.workers_running == 0, timeout=20000)
    with lost_acknowledgement(topic=Topic.VISITS) as lost:
        _click(qtbot, next(iter(kiosk.service_buttons.values())))
        qtbot.waitUntil(lambda: bool(lost) and kiosk.message.isVisible() and not kiosk.busy, timeout=20000)
    assert kiosk.message.text() == kiosk.language.text("offline") and printer.printed == []
    with qtbot.waitSignal(kiosk.sig_ticket, timeout=20000):
        _click(qtbot, next(iter(kiosk.service_buttons.values())))
    first = kiosk.ticket.ticket
    assert first.endswith("-001") and [p[0] for p in printer.printed] == [first]
    assert [v.ticket for v in reception_services.checkin.today(Actor.system("t"), now=NOW)] == [first]
    kiosk.reset()  # the next person
    _click(qtbot, kiosk.language_buttons["ti"])
    _click(qtbot, kiosk.question_button)
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons) and kiosk.ctx.workers_running == 0, timeout=20000)
    with qtbot.waitSignal(kiosk.sig_ticket, timeout=20000):
        _click(qtbot, next(iter(kiosk.service_buttons.values())))
    assert kiosk.ticket.ticket == first.replace("-001", "-002")


def test_every_language_has_every_sentence_and_the_head_can_add_one(qtbot, open_kiosk, centre):
    from desk.domain.kiosk import TEXT_KEYS

    reception_services, (services_1, _) = centre
    languages = kiosk_languages()
    assert [x.code for x in languages] == ["de", "en", "ar", "prs", "fa", "uk", "ru", "tr", "fr", "ti"]
    assert all(set(x.texts) == set(TEXT_KEYS) for x in languages)
    assert {x.code for x in languages if x.rtl} == {"ar", "prs", "fa"}
    reception_services.kiosk.save_language(Actor.system("test"), "ku", {
        "name": "Kurmancî", "texts": {k: f"ku:{k}" for k in TEXT_KEYS}, "services": {"MBE": "Şêwirdarî."}})
    kiosk = open_kiosk(services_1, "k")
    qtbot.waitUntil(lambda: "ku" in kiosk.language_buttons, timeout=20000)
    _click(qtbot, kiosk.language_buttons["ku"])
    assert kiosk.appointment_button.caption.text() == "ku:appointment"


def test_reception_attaches_the_person_to_their_kiosk_ticket(qtbot, sqlite_services, make_ui_ctx, now):
    """The person of a kiosk ticket comes to the desk: Empfang finds them, Ctrl+Shift+T offers
    today's anonymous tickets (self-service first), the chosen one becomes theirs and keeps its place."""
    from desk.ui.views.empfang import EmpfangView

    services = sqlite_services
    system = Actor.system("test")
    _open_mbe_at_now(services)
    mbe = next(s for s in services.reference.services(system) if s.code == "MBE")
    ticket = services.kiosk.take_ticket(dataclasses.replace(Actor.kiosk(), workstation="k"), mbe.id, "ti",
                                        now=now - timedelta(minutes=5))
    services.checkin.check_in(system, CheckInRequest(service_id=mbe.id), now=now - timedelta(minutes=1))
    client = services.clients.create(system, ClientInput(given_name="Selam", family_name="Tesfay"))
    reception = Actor(staff_id=None, name="Empfang", role=Role.RECEPTION, workstation="desk")
    ctx = make_ui_ctx(services, reception)
    view = EmpfangView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitUntil(lambda: ctx.workers_running == 0, timeout=20000)
    view.search.setText("Selam Tesfay")
    qtbot.waitUntil(lambda: view.search_settled() and view.results_model.rowCount() > 0, timeout=5000)
    view.results.setFocus()
    view.results.selectRow(0)
    view.action_attach.trigger()
    qtbot.waitUntil(lambda: getattr(view, "attach_dialog", None) is not None and view.attach_dialog.isVisible(),
                    timeout=20000)
    dialog = view.attach_dialog
    assert dialog.list.count() == 2 and dialog.list.item(0).text().startswith(ticket.ticket)
    assert "self-service" in dialog.list.item(0).text()
    dialog.accept()
    qtbot.waitUntil(lambda: ctx.workers_running == 0 and not view._busy, timeout=20000)
    visits = {v.ticket: v for v in services.checkin.today(system, now=now)}
    assert visits[ticket.ticket].client_id == client.id and visits[ticket.ticket].arrived_at == ticket.arrived_at


def test_the_printed_ticket_reads_in_the_persons_language(qapp):
    from desk.ui.kiosk.printing import ticket_document

    document = ticket_document(["رقمك", "M-004", "وقت الانتظار: حوالي 20 دقيقة"], rtl=True)
    text = document.toPlainText()
    assert "M-004" in text and "رقمك" in text and "20" in text


def test_a_finger_on_the_touch_screen_takes_a_ticket(qtbot, open_kiosk, centre):
    """Touch events (not mouse clicks): Qt turns an unhandled tap into a click on the button."""
    from PySide6.QtTest import QTest

    _, (services_1, _) = centre
    printer = FakePrinter()
    kiosk = open_kiosk(services_1, "touch", printer)
    screen = QTest.createTouchDevice()

    def tap(widget: QWidget) -> None:
        window = widget.window()
        point = widget.mapTo(window, widget.rect().center())
        QTest.touchEvent(window, screen).press(0, point, window).commit()
        QTest.touchEvent(window, screen).release(0, point, window).commit()

    tap(kiosk.language_buttons["ar"])
    assert kiosk.page == "choice" and kiosk.layoutDirection() == Qt.LayoutDirection.RightToLeft
    tap(kiosk.question_button)
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons) and kiosk.ctx.workers_running == 0, timeout=20000)
    target = next(iter(kiosk.service_buttons.values()))
    with qtbot.waitSignal(kiosk.sig_ticket, timeout=20000):
        tap(target)
    assert kiosk.page == "ticket" and [p[0] for p in printer.printed] == [kiosk.ticket.ticket]


def test_the_appointment_slip_prints_the_kiosk_code(qapp, sqlite_services):
    from desk.domain.kiosk import format_code
    from desk.ui.views.termine.printing import slip_html

    services, head = sqlite_services, Actor.system("test")
    mbe = next(s for s in services.reference.services(head) if s.code == "MBE")
    client = services.clients.create(head, ClientInput(given_name="Selam", family_name="Tesfay", language="ti"))
    with services.uow(write=True) as uow:  # the one place appointments are inserted gives each its code
        appointment_id = uow.appointments.add(client_id=client.id, service_id=mbe.id, starts_at=NOW,
                                              ends_at=NOW + timedelta(minutes=30), status="booked")
        uow.commit()
    slip = services.appointments.slip(head, appointment_id)
    assert len(slip.kiosk_code) == 6
    html = slip_html(slip)
    assert format_code(slip.kiosk_code) in html and "ኮድ ንመሳርሒ ቁጽሪ" in html and "Ticket-Automaten" in html


def test_desk_kiosk_opens_the_kiosk_as_the_kiosk_role(qapp, sqlite_services, monkeypatch, tmp_path):
    """`desk --kiosk` (start_ui with kiosk=True): no login, the kiosk window, acting as Actor.kiosk()."""
    from PySide6.QtCore import QSettings, QTimer

    from desk.ui import shell
    from desk.ui.kiosk import window as kiosk_window
    from desk.ui.settings import UiSettings

    seen = {}
    monkeypatch.setattr(kiosk_window, "system_printer", lambda: FakePrinter(available=False))

    def look() -> None:
        try:
            windows = [w for w in qapp.topLevelWidgets() if isinstance(w, KioskWindow) and w.isVisible()]
            seen["windows"] = windows
            seen["role"] = windows[0].actor.role if windows else None
        finally:
            qapp.exit(0)  # quit() would ask the windows to close: the kiosk refuses

    QTimer.singleShot(0, look)
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    assert shell.start_ui(qapp, sqlite_services, settings, kiosk=True, full_screen=False) == 0
    assert len(seen["windows"]) == 1 and seen["role"] is Role.KIOSK
    for window in seen.pop("windows"):
        window._may_close = True
        window.close()
        window.deleteLater()


def test_a_locked_database_file_gives_the_sentence_and_the_ticket_comes_after(qtbot, open_kiosk, sqlite_db_url,
                                                                             tmp_path, monkeypatch):
    """Not a stand-in: another program holds the SQLite file's write lock (as a backup or a stuck PC
    would). The kiosk says so in the person's language, prints nothing, and gives the ticket once
    the lock is gone - the same ticket number sequence, nothing lost or doubled."""
    import sqlite3

    from desk.storage import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT_MS", 300)
    reception = build_services(prepare_database(sqlite_db_url, backup_dir=tmp_path / "b"))
    kiosk_services = build_services(prepare_database(sqlite_db_url, read_only=True))
    try:
        printer = FakePrinter()
        kiosk = open_kiosk(kiosk_services, "k", printer)
        _click(qtbot, kiosk.language_buttons["ar"])
        _click(qtbot, kiosk.question_button)
        qtbot.waitUntil(lambda: bool(kiosk.service_buttons) and kiosk.ctx.workers_running == 0, timeout=20000)
        path = sqlite_db_url.split("///", 1)[1]
        blocker = sqlite3.connect(path, timeout=1)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            _click(qtbot, kiosk.service_buttons[next(iter(kiosk.service_buttons))])
            qtbot.waitUntil(lambda: kiosk.message.isVisible() and not kiosk.busy, timeout=20000)
            assert kiosk.message.text() == kiosk.language.text("offline") and printer.printed == []
        finally:
            blocker.rollback()
            blocker.close()
        with qtbot.waitSignal(kiosk.sig_ticket, timeout=20000):
            _click(qtbot, kiosk.service_buttons[next(iter(kiosk.service_buttons))])
        assert [p[0] for p in printer.printed] == [kiosk.ticket.ticket]
        tickets = [v.ticket for v in reception.checkin.today(Actor.system("t"), now=NOW)]
        assert tickets == [kiosk.ticket.ticket] and kiosk.ticket.ticket.endswith("-001")
    finally:
        kiosk_services.close()
        reception.close()


def test_a_language_change_leaves_exactly_one_visible_tile_per_service(qtbot, open_kiosk, centre):
    """The tiles of the previous language go at once, not when their deleteLater runs: until then
    they stayed on screen (and touchable) under the new ones."""
    _, (services_1, _) = centre
    kiosk = open_kiosk(services_1, "k")
    for language in ("de", "ar", "ti"):
        kiosk.choose_language(language)
        kiosk.show_services()  # looked at before any event loop runs (which would delete the old ones)
        tiles = [b for b in _visible_buttons(kiosk) if b.objectName().startswith("service_")]
        assert sorted(b.objectName() for b in tiles) == sorted(f"service_{o.code}" for o in kiosk.offers), language


@pytest.mark.parametrize("language", ["de", "ar", "prs"])
def test_a_service_out_of_its_hours_is_shown_closed_with_its_next_hours(qtbot, open_kiosk, centre, language,
                                                                         tmp_path):
    """10:30 on a Wednesday: Kleiner Heuberg's hours are on Tuesdays (the seed). Its tile is
    greyed, shows a clock and the next hours (the weekday in the person's language, the times
    left to right) and gives no ticket however often it is touched; the open service's tile says
    its wait and today's hours."""
    from PySide6.QtCore import QLocale

    reception, (services_1, _) = centre
    kiosk = open_kiosk(services_1, "k")
    kiosk.choose_language(language)
    kiosk.show_services()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons) and kiosk.ctx.workers_running == 0, timeout=20000)
    by_code = {o.code: o for o in kiosk.offers}
    closed, open_ = kiosk.service_buttons[by_code["KH"].id], kiosk.service_buttons[by_code["IM"].id]
    assert not by_code["KH"].open and not closed.isEnabled() and open_.isEnabled()
    # Dari: Qt knows it as the Persian of Afghanistan (QLocale("prs") is Qt's English C locale)
    tuesday = QLocale({"prs": "fa_AF"}.get(language, language)).dayName(2, QLocale.FormatType.ShortFormat)
    assert tuesday != "Tue"
    assert f"{tuesday} \u206609:00\u201312:00\u2069" in closed.text_shown()
    assert kiosk.language.text("wait_unknown") not in closed.text_shown()  # no wait for a closed door
    assert "\u206609:00\u201312:00\u2069" in open_.text_shown() and tuesday not in open_.text_shown()
    qtbot.mouseClick(closed, Qt.MouseButton.LeftButton, pos=closed.rect().center())
    qtbot.waitUntil(lambda: kiosk.ctx.workers_running == 0, timeout=20000)
    assert kiosk.page == "services" and reception.checkin.today(Actor.system("t"), now=NOW) == []
    kiosk.grab().save(str(tmp_path / f"kiosk-closed-{language}.png"))
