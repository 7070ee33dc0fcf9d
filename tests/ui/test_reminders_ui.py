"""Reminders in the window: consent on the card (counsellors only), the Verwaltung tab with the
SMS length while typing, the sending log on the appointment, the list reception phones, the
no-show figures in Statistik."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta

import pytest

from desk.domain.appointments import local_moment
from desk.domain.model import Role
from desk.domain.reminders import NoShowFigures, SendStatus
from desk.services.appointments import AppointmentRequest
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor

RECEPTION = Actor(staff_id=None, name="Empfang (test)", role=Role.RECEPTION, workstation="test")
COUNSELLOR = Actor(staff_id=None, name="Beratung (test)", role=Role.COUNSELLOR, workstation="test")
HEAD = Actor(staff_id=None, name="Leitung (test)", role=Role.HEAD, workstation="test")


def test_consent_on_the_card_for_counsellors_only(qtbot, sqlite_services, tmp_path, make_ui_ctx):
    from desk.ui.views.empfang.card import ClientCardDialog
    from desk.ui.views.empfang.reminder_contact import ReminderContactDialog

    client = sqlite_services.clients.create(HEAD, ClientInput(given_name="Amal", family_name="Haddad",
                                                              phone="07433 12345", language="ar"))
    first, second = (s.id for s in sqlite_services.reference.services(HEAD)[:2])
    sqlite_services.checkin.check_in(RECEPTION, CheckInRequest(service_id=first, client_id=client.id))
    reception_card = ClientCardDialog(make_ui_ctx(sqlite_services, RECEPTION),
                                      sqlite_services.clients.card(RECEPTION, client.id))
    qtbot.addWidget(reception_card)
    assert reception_card.reminders_button.isHidden()  # contact for reminders is full-card data
    # a counsellor of another service gets the reception card: no reminder contact either
    other = dataclasses.replace(COUNSELLOR, service_ids=frozenset({second}))
    other_card = ClientCardDialog(make_ui_ctx(sqlite_services, other), sqlite_services.clients.card(other, client.id))
    qtbot.addWidget(other_card)
    assert other_card.reminders_button.isHidden()

    counsellor = dataclasses.replace(COUNSELLOR, service_ids=frozenset({first}))  # the client came to this service
    ctx = make_ui_ctx(sqlite_services, counsellor)
    card = ClientCardDialog(ctx, sqlite_services.clients.card(counsellor, client.id))
    qtbot.addWidget(card)
    assert not card.reminders_button.isHidden()
    qtbot.waitUntil(card.reminders_button.isEnabled, timeout=20000)  # the contact is read in a worker
    assert card.reminders_button.text() == "&Reminders: none…"
    dialog = ReminderContactDialog(ctx, client, card.reminder_contact)
    qtbot.addWidget(dialog)
    dialog.mobile.setText("07433 12345")  # the landline on the card
    dialog.sms_consent.setChecked(True)

    def save() -> None:
        dialog._save()
        assert dialog.busy and not dialog.buttons.isEnabled()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)

    save()
    assert "not a mobile number" in dialog.error.text() and not dialog.error.isHidden()
    assert sqlite_services.reminders.contact(counsellor, client.id) is None  # nothing saved
    dialog.mobile.setText("0171 1234567")
    dialog.email.setText("amal@example")
    save()
    assert "no domain" in dialog.error.text()
    dialog.email.setText("")
    save()
    assert dialog.saved is not None and dialog.result() == 1
    saved = sqlite_services.reminders.contact(counsellor, client.id)
    assert saved.sms_number == "+491711234567" and saved.sms_consent_on is not None
    assert saved.email_consent_on is None
    card.load_reminder_contact()
    qtbot.waitUntil(lambda: card.reminders_button.text() == "&Reminders: SMS…", timeout=20000)  # only the consented channel
    again = ReminderContactDialog(ctx, client, card.reminder_contact)
    qtbot.addWidget(again)
    assert again.mobile.text() == "+491711234567" and "since" in again.sms_consent.text()


def open_reminders_tab(qtbot, services, settle, make_ui_ctx):
    """Verwaltung -> Erinnerungen as the head opens it, loaded."""
    from desk.ui.views.verwaltung.reminders_tab import RemindersTab

    ctx = make_ui_ctx(services, HEAD)
    tab = RemindersTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    settle(ctx)
    return tab, ctx


def test_verwaltung_tab_counts_the_sms_and_refuses_bad_texts(qtbot, sqlite_services, tmp_path, settle, make_ui_ctx):
    tab, ctx = open_reminders_tab(qtbot, sqlite_services, settle, make_ui_ctx)
    assert tab.language.count() == 10
    assert all("not reviewed" in tab.language.itemText(i) for i in range(10))
    assert "not set up" in tab.machine.text()
    tab.language.setCurrentIndex(tab.language.findData("de"))
    assert tab.count.text().startswith("GSM-7:")
    tab.language.setCurrentIndex(tab.language.findData("ar"))
    assert tab.count.text().startswith("UCS-2:") and tab.sms.layoutDirection().name == "RightToLeft"
    assert "\u2068" in tab.preview.text()  # the values isolated in the right-to-left text
    tab.sms.setPlainText(tab.sms.toPlainText().replace("{time}", ""))
    tab.save_template()
    settle(ctx)
    assert "has no {time}" in tab.status.text()
    assert "{time}" in sqlite_services.reminders.templates(HEAD)["ar"].sms  # nothing saved
    tab.sms.setPlainText("{date} {time} {code} " + "ب" * 200)
    assert "4 SMS part(s)" in tab.count.text()
    tab.save_template()
    settle(ctx)
    assert "needs 4 parts" in tab.status.text()
    tab._show_language()  # back to the stored text
    tab.reviewed.setChecked(True)
    tab.save_template()
    settle(ctx)
    assert sqlite_services.reminders.templates(HEAD)["ar"].reviewed
    assert "not reviewed" not in tab.language.currentText()
    tab.enabled.setChecked(True)
    tab.hours_before.setValue(2)
    tab.save_schedule()
    settle(ctx)
    schedule = sqlite_services.reminders.schedule(HEAD)
    assert schedule.enabled and schedule.hours_before == 2 and schedule.day_before


@pytest.fixture
def reminded(sqlite_services, head):
    services = sqlite_services
    with services.uow(write=True) as uow:
        staff = uow.reference.add_staff(username="m", display_name="M", role=Role.COUNSELLOR, password_hash=None)
        uow.commit()
    client = services.clients.create(head, ClientInput(given_name="Olena", family_name="Kovalenko",
                                                       phone="0176 1234567", language="uk"))
    start = local_moment(date(2030, 3, 5), time(9, 30))
    appointment = services.appointments.book(head, AppointmentRequest(
        client_id=client.id, service_id=services.reference.services(head)[0].id, staff_id=staff,
        starts_at=start, ends_at=start + timedelta(minutes=45)), now=datetime(2030, 3, 1, tzinfo=UTC))
    due = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
    with services.uow(write=True) as uow:  # one reminder that failed: the provider refused the number
        uow.reminders.plan([dict(appointment_id=appointment.id, client_id=client.id, channel="sms",
                                 slot="day_before", starts_at=appointment.starts_at, due_at=due,
                                 send_until=start - timedelta(hours=1), status="pending", attempts=0,
                                 next_attempt_at=due, claimed_by="", provider_id="", error="", updated_at=due)])
        [sending_id] = uow.reminders.claimable(due, 10, channels=["sms"])
        assert uow.reminders.claim(sending_id, due, "pc1")
        uow.reminders.finish(sending_id, "pc1", due, status=SendStatus.FAILED, error="number rejected (202)")
        uow.commit()
    return services, appointment


def test_a_reminder_held_back_for_a_counsellor_who_left_says_why_in_both_languages(qapp):
    """The list reception phones says why the reminder did not go out (the counsellor left, the
    appointment is to be moved), in the user's language, not the stored English reason."""
    from desk.domain.reminders import COUNSELLOR_GONE, Channel, ProblemRow, SendingRow, Slot
    from desk.ui.i18n import install_language
    from desk.ui.views.termine.reminder_log import log_text, problem_line

    start = local_moment(date(2030, 3, 5), time(9, 30))
    sending = SendingRow(id=1, appointment_id=7, channel=Channel.SMS, slot=Slot.DAY_BEFORE, starts_at=start,
                         status=SendStatus.FAILED, attempts=0, due_at=start - timedelta(days=1), sent_at=None,
                         updated_at=start - timedelta(days=1), provider_id="", error=COUNSELLOR_GONE, workstation="")
    problem = ProblemRow(sending=sending, client_id=3, client_name="Kovalenko, Olena", phone="", language="uk",
                         appointment_starts_at=start)
    assert "SMS not sent: the counsellor has left - please phone" in problem_line(problem)
    assert "the counsellor has left" in log_text([sending]) and COUNSELLOR_GONE not in log_text([sending])
    install_language("de")
    line = problem_line(problem)
    assert "Kovalenko, Olena" in line and "die Berater*in ist nicht mehr da – bitte anrufen" in line
    assert "deactivated" not in line and "deaktiviert" not in log_text([sending])


def test_sending_log_on_the_appointment_and_the_list_to_phone(qtbot, reminded, tmp_path, head, make_ui_ctx):
    from desk.ui.views.termine.reminder_log import log_text, problem_line

    services, appointment = reminded
    [row] = services.reminders.log(RECEPTION, appointment.id)
    text = log_text([row])
    assert "SMS, day before: failed - please phone" in text and "number rejected" in text
    assert log_text([]) == "No reminder sent for this appointment."
    own = dataclasses.replace(COUNSELLOR, service_ids=frozenset({appointment.service_id}))
    [problem] = services.reminders.problems(own, date(2030, 3, 5), 1)  # a counsellor of that service
    line = problem_line(problem)
    assert "Kovalenko, Olena" in line and "0176 1234567" in line and "T-000" in line
    [seen_at_reception] = services.reminders.problems(RECEPTION, date(2030, 3, 5), 1)
    assert "0176" not in problem_line(seen_at_reception)  # the phone is full-card data
    [other_service] = services.reminders.problems(COUNSELLOR, date(2030, 3, 5), 1)
    assert "0176" not in problem_line(other_service)  # ... of the appointment's service only
    [head_sees] = services.reminders.problems(head, date(2030, 3, 5), 1)
    assert "0176" in problem_line(head_sees)

    from desk.ui.views.termine import TermineView

    ctx = make_ui_ctx(services, RECEPTION)
    view = TermineView(ctx)
    qtbot.addWidget(view)
    view.reminder_list._show_problems([problem])
    assert not view.reminder_list.problems.isHidden()
    assert "please phone instead" in view.reminder_list.problems.text() and "Kovalenko" in view.reminder_list.problems.text()
    view.reminder_list._show_problems([])
    assert view.reminder_list.problems.isHidden()


def test_no_show_figures_in_statistik(qtbot, sqlite_services, tmp_path, make_ui_ctx):
    from desk.ui.views.statistik.view import StatistikView

    view = StatistikView(make_ui_ctx(sqlite_services, HEAD))
    qtbot.addWidget(view)
    view._show_no_shows(NoShowFigures(with_total=40, with_no_show=4, without_total=10, without_no_show=None,
                                      threshold=3))
    text = view.reminder_label.text()
    assert "with a reminder by SMS/e-mail 10.0 % of 40" in text.replace(",", ".")
    assert "without < 3 of 10" in text
    view.reminder_label.clear()
    view.compute(now=datetime(2030, 3, 15, 12, 0, tzinfo=UTC))  # computed together with the report
    qtbot.waitUntil(lambda: "(no-show)" in view.reminder_label.text(), timeout=20000)
    assert view.reminder_label.text().endswith("with a reminder by SMS/e-mail \u2013; without \u2013")


def test_every_running_window_sends_due_reminders_off_the_gui_thread(qtbot, qapp, sqlite_services, tmp_path,
                                                                      monkeypatch, make_ui_ctx):
    import os
    import threading

    from desk.services.reminders import RunReport
    from desk.ui import shell

    calls = []

    def run_due(actor, **kwargs):
        calls.append((actor, threading.current_thread() is threading.main_thread()))
        return RunReport(sent=1)

    monkeypatch.setattr(sqlite_services.reminders, "run_due", run_due)
    ctx = make_ui_ctx(sqlite_services, HEAD)
    session = shell.Session(qapp, ctx, live_updates=False)
    assert session.reminder_timer.interval() == 60_000
    session.run_reminders()
    session.run_reminders()  # still running: not started twice
    qtbot.waitUntil(lambda: not session._reminders_running, timeout=5000)
    [(actor, on_gui_thread)] = calls
    assert not on_gui_thread and actor.role is Role.HEAD and actor.workstation.endswith(f"/{os.getpid()}")
    session.run_reminders()
    qtbot.waitUntil(lambda: len(calls) == 2 and not session._reminders_running, timeout=5000)


@pytest.mark.parametrize("language,english,german", [
    ("ar", "Reminders for this client go out in Arabic.", "Erinnerungen an diese Person werden auf Arabisch verschickt."),
    ("ku", "There are no reminder texts in Kurdish: reminders for this client go out in German. Ask whether the "
           "client reads it.", "Auf Kurdisch gibt es keine Erinnerungstexte: Erinnerungen an diese Person werden auf "
                               "Deutsch verschickt. Fragen Sie, ob sie das lesen kann."),
    ("", "No language on the card: reminders go out in German.",
     "Keine Sprache auf der Karte: Erinnerungen werden auf Deutsch verschickt."),
])
def test_the_consent_dialog_names_the_language_the_reminders_go_out_in(qtbot, sqlite_services, tmp_path, make_ui_ctx,
                                                                        language, english, german):
    """A client whose language has no reminder text gets German: the counsellor recording the
    consent is told, so she can ask whether the client reads it."""
    from desk.ui.i18n import install_language
    from desk.ui.views.empfang.reminder_contact import ReminderContactDialog

    client = sqlite_services.clients.create(HEAD, ClientInput(given_name="Rojda", family_name="Amed",
                                                              language=language))
    dialog = ReminderContactDialog(make_ui_ctx(sqlite_services, HEAD), client, None)
    qtbot.addWidget(dialog)
    assert dialog.language_note.text() == english
    dialog.grab().save(str(tmp_path / f"consent-{language or 'none'}-en.png"))
    install_language("de")
    try:
        dialog.retranslate()
        assert dialog.language_note.text() == german
        dialog.grab().save(str(tmp_path / f"consent-{language or 'none'}-de.png"))
    finally:
        install_language("en")


def test_the_verwaltung_tab_sums_up_the_last_days_and_names_the_last_error(qtbot, reminded, settle, ui_clock,
                                                                           tmp_path, make_ui_ctx):
    """The head saw failures only as reception's list to phone, without the cause (a refused
    login, an empty credit): the tab sums up the last seven days per channel with the last error."""
    from desk.ui.i18n import install_language

    services, _appointment = reminded
    ui_clock.set(datetime(2030, 3, 4, 12, 0, tzinfo=UTC))
    tab, ctx = open_reminders_tab(qtbot, services, settle, make_ui_ctx)
    assert tab.recent.text() == ("SMS, last 7 days: 0 sent, 1 failed, 0 unclear, 0 to be tried again. "
                                 "Last error (04/03/2030 10:00): number rejected (202)")
    tab.grab().save(str(tmp_path / "verwaltung-reminders-en.png"))
    install_language("de")
    try:
        tab.refresh()
        settle(ctx)
        assert tab.recent.text().startswith("SMS, letzte 7 Tage: 0 verschickt, 1 fehlgeschlagen")
    finally:
        install_language("en")
    ui_clock.set(datetime(2030, 3, 20, 12, 0, tzinfo=UTC))  # a week later: nothing new
    tab.refresh()
    settle(ctx)
    assert tab.recent.text() == "No reminders in the last 7 days."
