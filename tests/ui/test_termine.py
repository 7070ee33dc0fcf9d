"""The Termine view: models pass qtmodeltester, names show literally, booking through the dialog."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from desk.domain.appointments import WorkingHourRow, local_moment
from desk.domain.model import AppointmentStatus, Role
from desk.domain.tickets import BERLIN
from desk.services.appointments import AppointmentRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.ui.context import UiContext
from desk.ui.events import AppEvents
from desk.ui.settings import UiSettings
from desk.ui.views.termine import TermineView
from desk.ui.views.termine.dialogs import qdate
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
    tomorrow = datetime.now(BERLIN).date() + timedelta(days=1)
    row = services.appointments.book(head, AppointmentRequest(
        client_id=client.id, service_id=services.reference.services(head)[0].id, staff_id=staff_id,
        starts_at=local_moment(tomorrow, time(10)), ends_at=local_moment(tomorrow, time(10, 45)),
        room_id=services.reference.rooms(head)[-1].id, interpreter_language="ar"))
    return {"services": services, "staff": staff_id, "client": client, "appointment": row, "day": tomorrow}


def make_view(qtbot, world, role=Role.RECEPTION):
    actor = Actor(staff_id=None, name="Empfang", role=role, workstation="test")
    ctx = UiContext(services=world["services"], actor=actor, events=AppEvents(), settings=UiSettings())
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


def test_agenda_shows_the_html_name_literally(qtbot, world):
    view, ctx = make_view(qtbot, world)
    view.date.setDate(view.date.date().addDays(1))
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: view.agenda_model.rowCount() == 1, timeout=20000)
    index = view.agenda_model.index(0, AgendaColumn.CLIENT)
    assert index.data() == f"Al-Hassan, {HTML_NAME}"
    assert view.agenda_model.index(0, AgendaColumn.STATUS).data() in ("Booked", "Gebucht")
    # the slip escapes it (prints literally)
    slip = world["services"].appointments.slip(ctx.actor, world["appointment"].id)
    html = slip_html(slip)
    assert "&lt;b&gt;Fatima&lt;/b&gt;" in html and "<b>Fatima</b>" not in html
    assert "dir='rtl'" in html  # the client's language is Arabic


def test_book_through_the_dialog_with_a_free_slot(qtbot, world):
    view, ctx = make_view(qtbot, world)
    wait_idle(qtbot, ctx)
    dialog = view.make_dialog()
    qtbot.addWidget(dialog)
    hits = world["services"].clients.search(ctx.actor, "hassan")
    dialog.set_client(hits[0])
    assert dialog.client_label.textFormat() == Qt.TextFormat.PlainText
    assert HTML_NAME in dialog.client_label.text()
    dialog.date.setDate(qdate(world["day"]))
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.slots.count() > 0, timeout=20000)
    # 10:00-10:45 is taken: the suggestions skip it
    times = [dialog.slots.item(i).text() for i in range(dialog.slots.count())]
    assert "10:00" not in times and "10:45" in times
    # choose the taken time: a conflict message with a suggestion, nothing saved
    dialog.set_start(local_moment(world["day"], time(10, 15)))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20000)
    assert "10:00" in dialog.message.text() and dialog.take_suggestion.isVisibleTo(dialog)
    dialog.take_suggestion.click()
    assert dialog.start.time().toString("HH:mm") == "10:45"
    with qtbot.waitSignal(dialog.sig_saved, timeout=20000) as saved:
        dialog.save()
    row = saved.args[0]
    assert row.starts_at == local_moment(world["day"], time(10, 45))
    assert row.status is AppointmentStatus.BOOKED and row.interpreter_language == "ar"


def test_reminder_tick_and_cancel_flow(qtbot, world, monkeypatch):
    view, ctx = make_view(qtbot, world)
    view.tabs.setCurrentIndex(1)
    view.reminder_date.setDate(view.reminder_date.date())
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: view.reminder_model.rowCount() == 1, timeout=20000)
    index = view.reminder_model.index(0, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert view.reminder_model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: view.reminder_model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole)
                    == Qt.CheckState.Checked, timeout=20000)
    reminded = world["services"].appointments.get(ctx.actor, world["appointment"].id)
    assert reminded.reminded_at is not None and reminded.reminded_at <= datetime.now(UTC)
    html = view.reminder_document().toHtml()
    assert "0151 1" in html and "&lt;b&gt;Fatima" in html


def test_every_focusable_widget_has_an_accessible_name(qtbot, world):
    from PySide6.QtWidgets import QWidget

    view, ctx = make_view(qtbot, world, role=Role.COUNSELLOR)
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
