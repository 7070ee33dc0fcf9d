"""The Termine view: models pass qtmodeltester, names show literally, booking through the dialog."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from desk.domain.appointments import WorkingHourRow, local_moment
from desk.domain.model import AppointmentStatus, Role
from desk.domain.public_holidays import is_holiday
from desk.domain.tickets import BERLIN
from desk.services.appointments import AppointmentRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.ui.i18n import fmt_date
from desk.ui.views.termine import TermineView
from desk.ui.views.termine.dialogs import pydate, qdate
from desk.ui.views.termine.models import (
    AgendaColumn,
    AgendaModel,
    HistoryModel,
    InterpreterModel,
    ReminderModel,
)
from desk.ui.views.termine.printing import slip_html

HTML_NAME = "<b>Fatima</b>"


@pytest.fixture
def world(sqlite_services, head):
    services = sqlite_services
    with services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username="mueller", display_name="Frau Müller", role=Role.COUNSELLOR,
                                           password_hash=None)
        uow.commit()
    services.appointments.set_working_hours(head, staff_id, [WorkingHourRow(d, time(8), time(18)) for d in range(7)])
    client = services.clients.create(head, ClientInput(given_name=HTML_NAME, family_name="Al-Hassan",
                                                       phone="0151 1", language="ar", interpreter_needed=True))
    services.appointments.save_interpreter(head, None, name="Olena <i>K</i>", languages="uk,ru", phone="0170")
    tomorrow = services.clock().astimezone(BERLIN).date() + timedelta(days=1)  # the UI's clock too
    row = services.appointments.book(head, AppointmentRequest(
        client_id=client.id, service_id=services.reference.services(head)[0].id, staff_id=staff_id,
        starts_at=local_moment(tomorrow, time(10)), ends_at=local_moment(tomorrow, time(10, 45)),
        room_id=services.reference.rooms(head)[-1].id, interpreter_language="ar"))
    return {"services": services, "staff": staff_id, "client": client, "appointment": row, "day": tomorrow}


def make_view(qtbot, make_ui_ctx, world, role=Role.RECEPTION):
    ctx = make_ui_ctx(world["services"], Actor(staff_id=None, name="Empfang", role=role, workstation="test"))
    view = TermineView(ctx)
    qtbot.addWidget(view)
    view.show()
    return view, ctx


def wait_idle(qtbot, ctx):
    qtbot.waitUntil(lambda: not ctx._workers, timeout=20000)


def test_models_pass_the_model_tester(qtmodeltester, world):
    services, head = world["services"], Actor.system()
    agenda = AgendaModel()
    agenda.set_rows(services.appointments.between(head, world["day"], 7))
    qtmodeltester.check(agenda)
    reminders = ReminderModel()
    reminders.set_rows(services.appointments.reminders(head, world["day"]))
    qtmodeltester.check(reminders)
    interpreters = InterpreterModel()
    interpreters.set_rows(services.appointments.interpreters(head))
    qtmodeltester.check(interpreters)
    history = HistoryModel()
    history.set_rows(services.appointments.history(head, world["appointment"].id))
    qtmodeltester.check(history)
    # same rows again: updated in place, no reset
    rows = agenda.rows()
    with_reset = []
    agenda.modelReset.connect(lambda: with_reset.append(1))
    agenda.set_rows(rows)
    assert not with_reset


def test_agenda_shows_the_html_name_literally(qtbot, world, make_ui_ctx):
    view, ctx = make_view(qtbot, make_ui_ctx, world)
    view.date.setDate(view.date.date().addDays(1))
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: view.agenda.model.rowCount() == 1, timeout=20000)
    index = view.agenda.model.index(0, AgendaColumn.CLIENT)
    assert index.data() == f"Al-Hassan, {HTML_NAME}"
    assert view.agenda.model.index(0, AgendaColumn.STATUS).data() in ("Booked", "Gebucht")
    # the slip escapes it (prints literally)
    slip = world["services"].appointments.slip(ctx.actor, world["appointment"].id)
    html = slip_html(slip)
    assert "&lt;b&gt;Fatima&lt;/b&gt;" in html and "<b>Fatima</b>" not in html
    assert "dir='rtl'" in html  # the client's language is Arabic


def test_book_through_the_dialog_with_a_free_slot(qtbot, world, make_ui_ctx):
    view, ctx = make_view(qtbot, make_ui_ctx, world)
    wait_idle(qtbot, ctx)
    dialog = view.agenda.make_dialog()
    qtbot.addWidget(dialog)
    hits = world["services"].clients.search(ctx.actor, "hassan")
    dialog.set_client(hits[0])
    assert dialog.client_label.textFormat() == Qt.TextFormat.PlainText
    assert HTML_NAME in dialog.client_label.text()
    day = world["day"]
    if is_holiday(day):  # the centre is closed on a public holiday (no free slots): the next day, with 10:00 taken
        day = _next_working_day_with_ten_taken(world)
    dialog.date.setDate(qdate(day))
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.slots.count() > 0, timeout=20000)
    # 10:00-10:45 is taken: the suggestions skip it
    times = [dialog.slots.item(i).text() for i in range(dialog.slots.count())]
    assert "10:00" not in times and "10:45" in times
    # choose the taken time: a conflict message with a suggestion, nothing saved
    dialog.set_start(local_moment(day, time(10, 15)))
    dialog.save()
    assert dialog.busy and not dialog.buttons.isEnabled()  # saving in a worker: no second save meanwhile
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20000)
    assert "10:00" in dialog.message.text() and dialog.take_suggestion.isVisibleTo(dialog)
    dialog.take_suggestion.click()
    assert dialog.start.time().toString("HH:mm") == "10:45"
    with qtbot.waitSignal(dialog.sig_saved, timeout=20000) as saved:
        dialog.save()
    row = saved.args[0]
    assert row.starts_at == local_moment(day, time(10, 45))
    assert row.status is AppointmentStatus.BOOKED and row.interpreter_language == "ar"


def _next_working_day_with_ten_taken(world) -> date:
    services = world["services"]
    head = Actor.system("test")
    day = world["day"]
    while is_holiday(day):
        day += timedelta(days=1)
    services.appointments.book(head, AppointmentRequest(
        client_id=world["client"].id, service_id=world["appointment"].service_id, staff_id=world["staff"],
        starts_at=local_moment(day, time(10)), ends_at=local_moment(day, time(10, 45))))
    return day


def _series_over_a_holiday(today: date) -> tuple[date, date, str]:
    """The first public holiday (computed) at least two weeks ahead whose weekday two weeks
    before, one week before and one week after is a working day: (first date, holiday, name)."""
    from desk.domain.public_holidays import holidays_between

    for day, name in sorted(holidays_between(today + timedelta(days=15), today + timedelta(days=400), "en").items()):
        if not any(is_holiday(day + timedelta(weeks=w)) for w in (-2, -1, 1)):
            return day - timedelta(weeks=2), day, name
    raise AssertionError("no public holiday within a year")


def test_counsellor_series_over_a_public_holiday_is_shown_and_skipped(qtbot, world, make_ui_ctx, tmp_path):
    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.COUNSELLOR)
    wait_idle(qtbot, ctx)
    dialog = view.agenda.make_dialog()
    qtbot.addWidget(dialog)
    dialog.set_client(world["services"].clients.search(ctx.actor, "hassan")[0])
    first, holiday, name = _series_over_a_holiday(world["services"].clock().astimezone(BERLIN).date())
    dialog.date.setDate(qdate(first))
    dialog.set_start(local_moment(first, time(11)))
    assert not dialog.series_holidays.isVisibleTo(dialog)  # one appointment: no series note
    dialog.series_count.setValue(4)
    # before saving, the counsellor reads which date is a holiday and that it is left out
    assert dialog.series_holidays.isVisibleTo(dialog)
    assert dialog.skip_holidays.isChecked()
    text = dialog.series_holidays.text()
    assert text.startswith("3 appointments") and name in text and fmt_date(holiday) in text
    dialog.skip_holidays.setChecked(False)
    assert "Booked on public holidays too" in dialog.series_holidays.text()
    dialog.skip_holidays.setChecked(True)
    dialog.show()
    dialog.grab().save(str(tmp_path / "series-holiday-en.png"))
    said = []
    ctx.events.sig_status_message.connect(said.append)
    with qtbot.waitSignal(dialog.sig_saved, timeout=20000) as saved:
        dialog.save()
    days = [r.starts_at.astimezone(BERLIN).date() for r in saved.args[0]]
    assert days == [first, first + timedelta(weeks=1), holiday + timedelta(weeks=1)]
    # the status bar says how many were booked, from when to when
    assert f"3 appointments saved: {fmt_date(first)} 11:00 to {fmt_date(holiday + timedelta(weeks=1))} 11:00" in said


def test_reminder_tick_and_cancel_flow(qtbot, world, monkeypatch, make_ui_ctx):
    view, ctx = make_view(qtbot, make_ui_ctx, world)
    view.tabs.setCurrentIndex(1)
    view.reminder_list.date.setDate(view.reminder_list.date.date())
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: view.reminder_list.model.rowCount() == 1, timeout=20000)
    index = view.reminder_list.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert view.reminder_list.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: view.reminder_list.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole)
                    == Qt.CheckState.Checked, timeout=20000)
    reminded = world["services"].appointments.get(ctx.actor, world["appointment"].id)
    assert reminded.reminded_at is not None and reminded.reminded_at <= ctx.services.clock()
    html = view.reminder_list.document().toHtml()
    assert "&lt;b&gt;Fatima" in html
    assert "0151 1" not in html  # reception's list has no phone: full-card data (the head's has it)


def test_every_focusable_widget_has_an_accessible_name(qtbot, world, make_ui_ctx):
    from PySide6.QtWidgets import QWidget

    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.COUNSELLOR)
    wait_idle(qtbot, ctx)
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        wait_idle(qtbot, ctx)
    missing = []
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        wait_idle(qtbot, ctx)
        missing += [w.objectName() or type(w).__name__ for w in view.findChildren(QWidget)
                    if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(view) and not w.accessibleName()
                    and not w.objectName().startswith("qt_")  # Qt's own inner parts (spin box line edits)
                    and type(w).__name__ not in ("QTabBar", "QScrollBar", "QHeaderView")]
    assert missing == []


def test_every_tab_is_one_class_and_its_actions_run_off_the_gui_thread(qtbot, world, monkeypatch, tmp_path, make_ui_ctx):
    """Each tab does its work in workers (the guard in conftest fails the test otherwise)."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialog

    from desk.ui.views.termine import dialogs
    from desk.ui.views.termine.agenda import AgendaTab
    from desk.ui.views.termine.hours import HoursTab
    from desk.ui.views.termine.interpreters import InterpretersTab
    from desk.ui.views.termine.reminder_list import ReminderListTab

    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.HEAD)
    assert [type(p) for p in view.pages] == [AgendaTab, ReminderListTab, InterpretersTab, HoursTab]
    assert [view.tabs.tabText(i) for i in range(4)] == ["Appointments", "Reminder list", "Interpreters",
                                                        "Working hours and absences"]
    assert "Alt+4" in view.tabs.tabToolTip(3)
    view.date.setDate(qdate(world["day"]))
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: view.agenda.model.rowCount() == 1, timeout=20000)
    # the agenda: export, then cancel with a reason (a person confirms the dialogs)
    view.agenda.write_ics(str(tmp_path / "termine.ics"))
    qtbot.waitUntil(lambda: (tmp_path / "termine.ics").exists(), timeout=20000)
    view.agenda.table.selectRow(0)
    monkeypatch.setattr(dialogs.ReasonDialog, "exec",
                        lambda dialog: dialog.reason.setText("krank") or QDialog.DialogCode.Accepted)
    view.agenda.act_cancel.trigger()
    qtbot.waitUntil(lambda: view.agenda.model.rows()[0].status is AppointmentStatus.CANCELLED, timeout=20000)
    # working hours and an absence, on the fourth tab
    QTest.keyClick(view.date, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # Alt+4: the fourth tab
    assert view.tabs.currentWidget() is view.hours
    qtbot.waitUntil(lambda: view.hours.schedule is not None, timeout=20000)

    def hours_accepted(dialog):
        dialog.hours = [WorkingHourRow(0, time(9), time(12))]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs.WorkingHoursDialog, "exec", hours_accepted)
    view.hours.edit_working_hours()
    qtbot.waitUntil(lambda: len(view.hours.schedule.hours) == 1, timeout=20000)
    def saved(dialog):  # Save pressed: the dialog saves, and closes once the save succeeded
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
        return dialog.result()

    monkeypatch.setattr(dialogs.AbsenceDialog, "exec", saved)
    monkeypatch.setattr(dialogs.AbsenceDialog, "values",
                        lambda dialog: (world["day"], world["day"] + timedelta(days=2), "Urlaub"))
    view.hours.add_absence()
    qtbot.waitUntil(lambda: view.hours.model.rowCount() == 1, timeout=20000)
    view.hours.table.selectRow(0)
    view.hours.remove_absence()
    qtbot.waitUntil(lambda: view.hours.model.rowCount() == 0, timeout=20000)
    # a new interpreter on the third tab reaches the booking dialog's choices too
    view.tabs.setCurrentWidget(view.interpreters)

    def interpreter(dialog):
        dialog.name.setText("Dari <Hilfe>")
        dialog.languages.setText("fa")
        return saved(dialog)

    monkeypatch.setattr(dialogs.InterpreterDialog, "exec", interpreter)
    view.interpreters.edit(new=True)
    qtbot.waitUntil(lambda: any(i.name == "Dari <Hilfe>" for i in view.choices.interpreters), timeout=20000)
    assert view.interpreters.model.rowCount() == 2
    wait_idle(qtbot, ctx)


def test_an_absence_for_today_says_how_many_waiting_people_any_colleague_can_now_call(
        qtbot, world, monkeypatch, make_ui_ctx, tmp_path):
    """Frau Müller calls in sick after two of her appointment clients were checked in: the head
    enters the absence for today, and the tab (and the status bar) say that those two can now be
    called by any colleague - in German and in English, never the reason."""
    from desk.services.checkin import CheckInRequest
    from desk.ui.i18n import install_language
    from desk.ui.views.termine import dialogs

    services, head = world["services"], Actor.system("test")
    today = services.clock().astimezone(BERLIN).date()
    service_id = services.reference.services(head)[0].id
    for hour, name in ((11, "Amina"), (12, "Olena")):
        client = services.clients.create(head, ClientInput(given_name=name, family_name="Haddad"))
        appointment = services.appointments.book(head, AppointmentRequest(
            client_id=client.id, service_id=service_id, staff_id=world["staff"],
            starts_at=local_moment(today, time(hour)), ends_at=local_moment(today, time(hour, 45))))
        visit = services.checkin.check_in(head, CheckInRequest(client_id=client.id, appointment_id=appointment.id))
        assert visit.assigned_staff_id == world["staff"]
    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.HEAD)
    view.resize(1100, 600)
    view.tabs.setCurrentWidget(view.hours)
    qtbot.waitUntil(lambda: view.hours.schedule is not None, timeout=20000)
    messages = []
    ctx.events.sig_status_message.connect(messages.append)

    def saved(dialog):
        dialog.first.setDate(qdate(today))
        dialog.last.setDate(qdate(today + timedelta(days=1)))
        dialog.reason.setText("krank")
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
        return dialog.result()

    monkeypatch.setattr(dialogs.AbsenceDialog, "exec", saved)
    view.hours.add_absence()
    qtbot.waitUntil(lambda: view.hours.model.rowCount() == 1, timeout=20000)
    period = f"{fmt_date(today)} to {fmt_date(today + timedelta(days=1))}"
    english = f"Absence of Frau Müller saved: {period}. 2 people waiting can now be called by any colleague."
    assert view.hours.outcome_label.text() == english
    assert view.hours.outcome_label.isVisible() and messages == [english]
    assert "krank" not in english
    view.grab().save(str(tmp_path / "termine-absence-en.png"))
    install_language("de")
    ctx.events.sig_language_changed.emit("de")
    try:
        assert view.hours.outcome_label.text() == (
            f"Abwesenheit von Frau Müller gespeichert: {fmt_date(today)} bis {fmt_date(today + timedelta(days=1))}. "
            "2 wartende Personen sind jetzt für alle Kolleg*innen aufrufbar.")
        QApplication.sendPostedEvents()  # the layout pass that gives the buttons their German width
        view.grab().save(str(tmp_path / "termine-absence-de.png"))
    finally:
        install_language("en")
        ctx.events.sig_language_changed.emit("en")
    # the two are released: nobody is reserved for her any more
    assert all(v.assigned_staff_id is None for v in services.waitlist.waiting_list(head))
    wait_idle(qtbot, ctx)


def test_the_absence_message_counts_one_person_and_says_nothing_when_nobody_was_released(qtbot, world, make_ui_ctx):
    from desk.domain.appointments import AbsenceRow
    from desk.services.appointments import AbsenceSaved
    from desk.ui.i18n import install_language

    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.HEAD)
    absence = AbsenceRow(id=1, staff_id=world["staff"], starts_on=date(2026, 11, 25), ends_on=date(2026, 11, 25),
                         reason="krank")
    text = view.hours.saved_text
    assert text("Frau Müller", AbsenceSaved(absence, 1)) == (
        "Absence of Frau Müller saved: 25/11/2026 to 25/11/2026. 1 person waiting can now be called by any colleague.")
    assert text("Frau Müller", AbsenceSaved(absence, 0)) == "Absence of Frau Müller saved: 25/11/2026 to 25/11/2026."
    assert text("Frau Müller", AbsenceSaved(absence, None)) == text("Frau Müller", AbsenceSaved(absence, 0))
    install_language("de")
    try:
        assert text("Frau Müller", AbsenceSaved(absence, 1)).endswith(
            " 1 wartende Person ist jetzt für alle Kolleg*innen aufrufbar.")
    finally:
        install_language("en")
    wait_idle(qtbot, ctx)


def test_termine_in_german_and_english(qtbot, world, tmp_path, make_ui_ctx):
    from desk.ui.i18n import install_language

    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.HEAD)
    view.resize(1200, 700)
    view.date.setDate(qdate(world["day"]))
    wait_idle(qtbot, ctx)
    install_language("de")
    ctx.events.sig_language_changed.emit("de")  # as the main window does; every tab retranslates itself
    try:
        assert view.tabs.tabText(0) == "Termine"
        assert view.tabs.tabText(3) == "Arbeitszeiten und Abwesenheiten"
        assert view.agenda.buttons[0].text().replace("&", "") == "Buchen…"
        assert view.hours.add_absence_button.text().replace("&", "") == "Abwesenheit eintragen…"
        view.grab().save(str(tmp_path / "termine-de.png"))
        view.tabs.setCurrentWidget(view.hours)
        qtbot.waitUntil(lambda: view.hours.schedule is not None, timeout=20000)
        assert view.hours.hours_label.text().startswith("Mo")  # the week days in German
        view.grab().save(str(tmp_path / "termine-hours-de.png"))
    finally:
        install_language("en")
        ctx.events.sig_language_changed.emit("en")
    assert view.tabs.tabText(0) == "Appointments"
    view.grab().save(str(tmp_path / "termine-en.png"))


def test_a_no_show_marked_by_mistake_is_taken_back_from_the_agenda(qtbot, world, make_ui_ctx):
    services, head = world["services"], Actor.system("test")
    row = world["appointment"]
    no_show = services.appointments.mark_no_show(head, row.id, row.version, now=row.starts_at + timedelta(minutes=20))
    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.COUNSELLOR)
    view.date.setDate(qdate(world["day"]))
    qtbot.waitUntil(lambda: view.agenda.model.row_of(row.id) is not None, timeout=20000)
    view.agenda.table.selectRow(view.agenda.model.row_of(row.id))
    agenda = view.agenda
    assert agenda.act_undo_no_show.isEnabled() and not agenda.act_no_show.isEnabled()
    button = agenda.buttons[agenda.actions_in_order.index(agenda.act_undo_no_show)]
    assert button.isEnabled() and "Ctrl+Shift+U" in button.toolTip()
    button.click()
    qtbot.waitUntil(lambda: services.appointments.get(head, row.id).status is AppointmentStatus.BOOKED,
                    timeout=20000)
    assert services.appointments.get(head, row.id).version > no_show.version


def test_taking_the_suggestion_keeps_the_series_first_date(qtbot, world, make_ui_ctx):
    """A 4-week series whose third week clashes: the message names that week's next free slot.
    Taking it moved the dialog's date to the third week, so the first two appointments silently
    went; now the series keeps its first date and takes the suggested time."""
    services, head = world["services"], Actor.system("test")
    first = world["day"] + timedelta(days=1)
    while any(is_holiday(first + timedelta(weeks=w)) for w in range(4)):
        first += timedelta(days=1)
    blocked = first + timedelta(weeks=2)
    services.appointments.book(head, AppointmentRequest(
        client_id=world["client"].id, service_id=world["appointment"].service_id, staff_id=world["staff"],
        starts_at=local_moment(blocked, time(9, 30)), ends_at=local_moment(blocked, time(10, 15))))
    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.COUNSELLOR)
    wait_idle(qtbot, ctx)
    dialog = view.agenda.make_dialog()
    qtbot.addWidget(dialog)
    dialog.set_client(services.clients.search(ctx.actor, "hassan")[0])
    dialog.date.setDate(qdate(first))
    dialog.set_start(local_moment(first, time(9)))
    dialog.series_count.setValue(4)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20000)
    assert fmt_date(blocked) in dialog.message.text()  # the clashing week, named (as the window writes dates)
    assert dialog.take_suggestion.isVisibleTo(dialog)
    dialog.take_suggestion.click()
    assert pydate(dialog.date.date()) == first and dialog.start.time().toString("HH:mm") == "10:15"
    with qtbot.waitSignal(dialog.sig_saved, timeout=20000) as saved:
        dialog.save()
    assert [r.starts_at for r in saved.args[0]] == [local_moment(first + timedelta(weeks=w), time(10, 15))
                                                    for w in range(4)]


def test_a_series_over_the_counsellor_s_absence_names_those_dates(qtbot, world, make_ui_ctx):
    """A counsellor may book into her own absence (as outside her hours), so a 6-week series
    over her two weeks of leave was booked without a word; the dialog names those dates now."""
    services, head = world["services"], Actor.system("test")
    first = world["day"] + timedelta(days=1)
    while any(is_holiday(first + timedelta(weeks=w)) for w in range(6)):
        first += timedelta(days=1)
    leave = (first + timedelta(weeks=2), first + timedelta(weeks=3, days=1))
    services.appointments.add_absence(head, world["staff"], *leave, "Urlaub")
    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.COUNSELLOR)
    wait_idle(qtbot, ctx)
    dialog = view.agenda.make_dialog()
    qtbot.addWidget(dialog)
    dialog.date.setDate(qdate(first))
    dialog.series_count.setValue(6)
    qtbot.waitUntil(lambda: dialog.schedule is not None, timeout=20000)
    text = dialog.series_holidays.text()
    assert dialog.series_holidays.isVisibleTo(dialog)
    assert text == (f"Frau Müller is absent on {fmt_date(leave[0])}, {fmt_date(first + timedelta(weeks=3))}: "
                    "these appointments would fall into the absence.")
    dialog.series_count.setValue(2)  # before the leave: nothing to say
    assert not dialog.series_holidays.isVisibleTo(dialog)


@pytest.mark.parametrize(("language", "series", "closed"), [
    ("en", "2 appointments will be booked. Left out because they are public holidays: 06/04/2026 (Easter Monday).",
     "Public holiday (Easter Monday): the centre is closed."),
    ("de", "2 Termine werden gebucht. Ausgelassen, weil Feiertag: 06.04.2026 (Ostermontag).",
     "Feiertag (Ostermontag): das Zentrum ist geschlossen."),
])
def test_the_dialog_names_the_public_holidays_in_its_language(qtbot, world, make_ui_ctx, language, series, closed):
    """The series' holiday list and the line under the free slots said "Ostermontag" in the English
    dialog too; each dialog names the holiday in its own language now. Mondays 23.03., 30.03. and
    06.04.2026 (Easter Monday)."""
    from desk.ui.i18n import install_language

    install_language(language)
    try:
        view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.COUNSELLOR)
        wait_idle(qtbot, ctx)
        dialog = view.agenda.make_dialog()
        qtbot.addWidget(dialog)
        first = date(2026, 3, 23)
        dialog.date.setDate(qdate(first))
        dialog.set_start(local_moment(first, time(11)))
        dialog.series_count.setValue(3)
        assert dialog.series_holidays.text() == series
        dialog.series_count.setValue(1)
        dialog.date.setDate(qdate(date(2026, 4, 6)))
        qtbot.waitUntil(lambda: dialog.slots_label.text() == closed, timeout=20000)
        wait_idle(qtbot, ctx)
    finally:
        install_language("en")


def test_a_single_date_on_a_public_holiday_says_so_under_the_free_slots(qtbot, world, make_ui_ctx):
    """No free slots on a holiday: the dialog said 'working hours, absence or fully booked'; it
    names the holiday now (the counsellor may still book it, as outside her hours)."""
    from desk.domain.public_holidays import holidays_between

    today = world["services"].clock().astimezone(BERLIN).date()
    day, name = min(holidays_between(today + timedelta(days=1), today + timedelta(days=400), "en").items())
    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.COUNSELLOR)
    wait_idle(qtbot, ctx)
    dialog = view.agenda.make_dialog()
    qtbot.addWidget(dialog)
    dialog.date.setDate(qdate(day))
    qtbot.waitUntil(lambda: dialog.slots_label.text() == f"Public holiday ({name}): the centre is closed.",
                    timeout=20000)
    assert dialog.slots.count() == 0


@pytest.mark.parametrize("role", [Role.RECEPTION, Role.COUNSELLOR])
def test_a_day_the_counsellor_is_absent_says_so_under_the_free_slots(qtbot, world, make_ui_ctx, tmp_path, role):
    """No free slots on an absence day: the dialog said 'working hours, absence or fully booked'
    and a counsellor could book the colleague's holiday unawares; it names the absence now."""
    from desk.ui.i18n import install_language

    services, head = world["services"], Actor.system("test")
    day = world["day"] + timedelta(days=1)
    while is_holiday(day):
        day += timedelta(days=1)
    services.appointments.add_absence(head, world["staff"], day, day, "Urlaub")
    view, ctx = make_view(qtbot, make_ui_ctx, world, role=role)
    wait_idle(qtbot, ctx)
    dialog = view.agenda.make_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date.setDate(qdate(day))
    absent = "Frau Müller is absent on this day: an appointment here falls into the absence."
    qtbot.waitUntil(lambda: dialog.slots_label.text() == absent, timeout=20000)
    assert dialog.slots.count() == 0
    dialog.date.setDate(qdate(day - timedelta(days=1)))  # a working day: the free slots again
    qtbot.waitUntil(lambda: dialog.slots.count() > 0 or "holiday" in dialog.slots_label.text(), timeout=20000)
    assert "absent" not in dialog.slots_label.text()
    install_language("de")
    try:
        dialog.retranslate()
        dialog.date.setDate(qdate(day))
        qtbot.waitUntil(lambda: dialog.slots_label.text().startswith("Frau Müller ist an diesem Tag abwesend"),
                        timeout=20000)
        dialog.grab().save(str(tmp_path / f"absent-{role.value}-de.png"))
    finally:
        install_language("en")


def test_the_holiday_refusal_writes_its_dates_in_the_window_s_language(qtbot, world, make_ui_ctx):
    """The service hands the days over as dates (they were German dd.mm.yyyy inside the English
    sentence): the English window writes 24/12/2026, the German one 24.12.2026. The holiday too
    travels as its day: the English window names it in English ("Easter Monday"), the German one
    in German ("Ostermontag"); it was the German name in both."""
    from desk.domain.public_holidays import holiday_name, holidays_between
    from desk.ui.i18n import install_language

    today = world["services"].clock().astimezone(BERLIN).date()
    day, name = min(holidays_between(today + timedelta(days=2), today + timedelta(days=400), "en").items())
    german_name = holiday_name(day, "de")
    assert name and german_name and name != german_name
    view, ctx = make_view(qtbot, make_ui_ctx, world)  # reception: the centre's days only
    wait_idle(qtbot, ctx)
    dialog = view.agenda.make_dialog()
    qtbot.addWidget(dialog)
    dialog.set_client(world["services"].clients.search(ctx.actor, "hassan")[0])
    dialog.set_start(local_moment(day, time(9)))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20000)
    english = dialog.message.text()
    assert english.startswith(f"{day:%d/%m/%Y} is a public holiday ({name})"), english
    assert german_name not in english
    assert "Next free slot: " in english and f"{day:%d.%m.%Y}" not in english
    suggested = dialog.suggested.astimezone(BERLIN)  # the next free slot, after the holiday
    assert f"Next free slot: {suggested:%d/%m/%Y %H:%M}–" in english, english
    wait_idle(qtbot, ctx)
    install_language("de")
    try:
        dialog.retranslate()
        dialog.set_start(local_moment(day, time(9)))
        dialog.save()
        qtbot.waitUntil(lambda: dialog.message.text().startswith("Der "), timeout=20000)
        german = dialog.message.text()
        assert german.startswith(f"Der {day:%d.%m.%Y} ist ein Feiertag ({german_name})"), german
        assert f"Nächste freie Zeit: {suggested:%d.%m.%Y %H:%M}–" in german, german
        assert "/" not in german
    finally:
        install_language("en")


@pytest.mark.parametrize("what", ["absence", "interpreter"])
def test_an_absence_or_interpreter_saved_again_after_a_fault_is_one_row(qtbot, world, make_ui_ctx, what):
    """The server went away at the commit (saved, but the PC was not told): the dialog stays open
    with the message, as the other dialogs do, and Save again sends its request key again, so the
    head's holiday or the new interpreter is one row, not two."""
    from once_helpers import lost_acknowledgement

    from desk.domain.topics import Topic
    from desk.storage.models import Absence, Interpreter
    from desk.ui.views.termine import dialogs

    services = world["services"]
    view, ctx = make_view(qtbot, make_ui_ctx, world, role=Role.HEAD)
    wait_idle(qtbot, ctx)
    model = Absence if what == "absence" else Interpreter
    tab = view.hours if what == "absence" else view.interpreters
    view.tabs.setCurrentWidget(tab)
    wait_idle(qtbot, ctx)
    with services.uow() as uow:
        before = uow.session.query(model).count()
    opened = []

    def open_dialog(dialog):
        opened.append(dialog)
        if what == "absence":
            dialog.first.setDate(qdate(world["day"]))
            dialog.last.setDate(qdate(world["day"] + timedelta(days=4)))
            dialog.reason.setText("Urlaub")
        else:
            dialog.name.setText("Farid Rahimi")
            dialog.languages.setText("fa, prs")
        with lost_acknowledgement(topic=Topic.APPOINTMENTS) as lost:
            dialog.accept()
            qtbot.waitUntil(lambda: bool(lost) and not dialog.busy, timeout=20000)
        assert dialog.result() != QDialog.DialogCode.Accepted  # open, saying what happened
        assert dialog.message.text() and dialog.buttons.isEnabled()
        dialog.accept()  # Save again
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
        return dialog.result()

    target = dialogs.AbsenceDialog if what == "absence" else dialogs.InterpreterDialog
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(target, "exec", open_dialog)
        if what == "absence":
            tab.add_absence()
        else:
            tab.edit(new=True)
    assert opened and opened[0].message.text() == ""  # the second save succeeded
    with services.uow() as uow:
        assert uow.session.query(model).count() == before + 1
    wait_idle(qtbot, ctx)
