"""Silent alarm: raised at one workstation, shown at the other until acknowledged; never on the display."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from desk.domain.model import Role
from desk.services.context import Actor
from desk.ui.alarm import WaitlistHooks
from desk.ui.display import DisplayWindow
from desk.ui.events import AppEvents
from desk.ui.i18n import install_language


def _workstation(qtbot, make_ui_ctx, services, name, staff_id=None):
    ctx = make_ui_ctx(services, Actor(staff_id=staff_id, name=name, role=Role.COUNSELLOR, workstation=name))
    window = QMainWindow()
    window.view_menu = window.menuBar().addMenu("View")
    qtbot.addWidget(window)
    hooks = WaitlistHooks(window, ctx)
    window.show()
    return ctx, hooks


def test_alarm_reaches_the_other_workstation_until_acknowledged(qtbot, sqlite_services, make_ui_ctx):
    install_language("en")
    with sqlite_services.uow(write=True) as uow:
        room = next(r for r in uow.reference.rooms() if "Migrationsberatung" in r.name)
        staff_id = uow.reference.add_staff(username="b", display_name="Frau B", role=Role.COUNSELLOR,
                                           password_hash=None, default_room_id=room.id)
        uow.commit()
    ctx_a, hooks_a = _workstation(qtbot, make_ui_ctx, sqlite_services, "office", staff_id)
    ctx_b, hooks_b = _workstation(qtbot, make_ui_ctx, sqlite_services, "reception")
    gong_calls = []
    display = DisplayWindow(sqlite_services, AppEvents(), gong=type("G", (), {"play": lambda s: gong_calls.append(1)})())
    qtbot.addWidget(display)
    qtbot.waitUntil(lambda: display.loaded, timeout=5000)

    hooks_a.alarm_action.trigger()
    qtbot.waitUntil(lambda: bool(hooks_a.own_alarm_ids), timeout=5000)
    for ctx in (ctx_a, ctx_b):
        ctx.events.sig_data_changed.emit(frozenset({"alarms"}))
    qtbot.waitUntil(lambda: hooks_b.toolbar.isVisible(), timeout=5000)
    assert room.name in hooks_b.banner.label.text()
    assert "ALARM" in hooks_b.banner.label.text()
    qtbot.waitUntil(lambda: ctx_a.workers_running == 0, timeout=5000)  # A has fetched the alarms too
    assert not hooks_a.toolbar.isVisible()  # the person in danger's screen stays quiet
    display.refresh()
    qtbot.waitUntil(lambda: not display.reading, timeout=5000)
    assert room.name not in "".join(label.text() for label in display.history) + display.current.text()
    assert gong_calls == []

    hooks_b.banner.ack_button.click()
    qtbot.waitUntil(lambda: not hooks_b.toolbar.isVisible(), timeout=5000)
    assert sqlite_services.alarms.open_alarms(ctx_b.actor) == []


def test_reception_s_window_closes_the_day_when_the_counsellors_have_gone(qtbot, sqlite_services, make_ui_ctx,
                                                                         ui_clock):
    """At 16:45 only the volunteer's PC is on: its window closes the tickets still open as left
    (the closing time is the centre's setting; before it, nothing happens)."""
    from datetime import UTC, datetime

    from desk.domain.model import VisitStatus
    from desk.services.checkin import CheckInRequest

    ui_clock.set(datetime(2026, 11, 25, 13, 0, tzinfo=UTC))  # 14:00 in Balingen
    head = Actor.system("test")
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    visit = sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    ctx = make_ui_ctx(sqlite_services, Actor(staff_id=None, name="Empfang", role=Role.RECEPTION,
                                             workstation="reception"))
    window = QMainWindow()
    qtbot.addWidget(window)
    hooks = WaitlistHooks(window, ctx)
    assert hooks.close_day_timer.isActive()  # reception's window runs the end of the day too
    hooks.close_day()
    qtbot.waitUntil(lambda: ctx.workers_running == 0, timeout=5000)
    assert sqlite_services.waitlist.get(head, visit.id).status is VisitStatus.WAITING  # 14:00: not yet
    ui_clock.set(datetime(2026, 11, 25, 15, 45, tzinfo=UTC))  # 16:45
    hooks.close_day()
    qtbot.waitUntil(lambda: sqlite_services.waitlist.get(head, visit.id).status is VisitStatus.LEFT, timeout=5000)
