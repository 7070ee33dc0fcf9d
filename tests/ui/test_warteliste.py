"""The Warteliste view: in-place live updates keep the selection, actions, undo, plain-text names."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt

from desk.domain.model import Priority, Role, VisitRow, VisitStatus
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.ui.context import UiContext
from desk.ui.events import AppEvents
from desk.ui.i18n import install_language
from desk.ui.settings import UiSettings
from desk.ui.views.warteliste import WartelisteView
from desk.ui.views.warteliste.model import VISIT_ID_ROLE, WAIT_LEVEL_ROLE, Column, WaitingListModel

SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _row(visit_id: int, minutes_ago: int = 5, **changes) -> VisitRow:
    base = VisitRow(
        id=visit_id, client_id=visit_id, client_name=f"Name {visit_id}", service_id=1, ticket=f"M-{visit_id:03d}",
        ticket_day=NOW.date(), party_size=1, status=VisitStatus.WAITING, priority=Priority.NORMAL,
        priority_reason="", interpreter_language="", arrived_at=NOW - timedelta(minutes=minutes_ago),
        first_called_at=None, called_at=None, started_at=None, finished_at=None, call_count=0,
        appointment_id=None, appointment_starts_at=None, called_by_staff_id=None, called_by_name="",
        room_id=None, room_label="", assigned_staff_id=None, referred_to="")
    return replace(base, **changes)


def test_model_passes_the_model_tester(qtmodeltester):
    model = WaitingListModel()
    model.apply([_row(i, minutes_ago=i * 10) for i in range(1, 8)], NOW)
    qtmodeltester.check(model)
    model.apply([_row(3), _row(9), _row(1, status=VisitStatus.CALLED, called_by_name="X", room_label="Büro 2")], NOW)
    qtmodeltester.check(model)


def test_update_in_place_keeps_selection_and_never_resets(qtbot):
    from PySide6.QtWidgets import QTableView

    model = WaitingListModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    rows = [_row(i) for i in range(1, 6)]
    model.apply(rows, NOW)
    view.selectionModel().setCurrentIndex(model.index(3, 0), SELECT_ROW)
    selected_id = model.index(3, 0).data(VISIT_ID_ROLE)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), b.row())))
    # someone else calls visit 2 (it moves to the end), visit 1 is done (gone), visit 7 arrives
    new = [_row(3), _row(4), _row(5), _row(7), _row(2, status=VisitStatus.CALLED, called_by_name="Frau Y")]
    added, gone = model.apply(new, NOW)
    assert resets == []
    assert [r.id for r in added] == [7] and gone == [1]
    assert [model.index(r, 0).data(VISIT_ID_ROLE) for r in range(model.rowCount())] == [3, 4, 5, 7, 2]
    current = view.selectionModel().currentIndex()
    assert current.data(VISIT_ID_ROLE) == selected_id == 4
    assert [i.row() for i in view.selectionModel().selectedRows()] == [current.row()]
    assert model.index(4, Column.STATUS).data() == "called"
    assert "Frau Y" in model.index(4, Column.CALLED).data()


def test_long_waits_marked_by_colour_and_text():
    install_language("en")
    model = WaitingListModel()
    model.set_thresholds(20, 45)
    model.apply([_row(1, minutes_ago=5), _row(2, minutes_ago=25), _row(3, minutes_ago=50)], NOW)
    texts = [model.index(r, Column.WAITING).data() for r in range(3)]
    assert texts == ["5 min", "25 min – long wait", "50 min – very long wait"]
    assert [model.index(r, 0).data(WAIT_LEVEL_ROLE) for r in range(3)] == [0, 1, 2]
    assert model.index(0, Column.WAITING).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(2, Column.WAITING).data(Qt.ItemDataRole.BackgroundRole) is not None
    model.tick(NOW + timedelta(minutes=20))
    assert model.index(0, Column.WAITING).data() == "25 min – long wait"


# -- the view on a real database -----------------------------------------------------------------


@pytest.fixture
def ctx(sqlite_services, tmp_path):
    install_language("en")
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    actor = Actor(staff_id=None, name="Frau Beraterin", role=Role.COUNSELLOR)
    return UiContext(services=sqlite_services, actor=actor, events=AppEvents(), settings=settings)


@pytest.fixture
def view(qtbot, ctx):
    widget = WartelisteView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.room_combo.count() > 0 and not widget._loading)
    return widget


def _check_in(ctx, name=None, code="MBE", **kwargs):
    head = Actor.system()
    service = next(s for s in ctx.services.reference.services(head) if s.code == code)
    client_id = None
    if name is not None:
        client_id = ctx.services.clients.create(head, ClientInput(given_name=name, family_name="Test")).id
    return ctx.services.checkin.check_in(head, CheckInRequest(service_id=service.id, client_id=client_id, **kwargs))


def _changed_elsewhere(qtbot, view, ctx):
    with qtbot.waitSignal(view.sig_rows_applied, timeout=5000):
        ctx.events.sig_data_changed.emit(frozenset({"any"}))


def test_live_update_from_another_workstation_keeps_selection(qtbot, view, ctx):
    first = _check_in(ctx, "A")
    second = _check_in(ctx, "B")
    _changed_elsewhere(qtbot, view, ctx)
    assert view.model.rowCount() == 2
    view.select_visit(second.id)
    resets = []
    view.model.modelReset.connect(lambda: resets.append(1))
    third = _check_in(ctx, "C")
    other = Actor(staff_id=None, name="Herr Kollege", role=Role.COUNSELLOR)
    room = ctx.services.reference.rooms(other)[3].id
    ctx.services.waitlist.call(other, first.id, room_id=room)
    _changed_elsewhere(qtbot, view, ctx)
    ids = [r.id for r in view.model.rows()]
    assert ids == [second.id, third.id, first.id]
    assert view.selected_visit().id == second.id
    assert resets == []
    row = view.model.row_of(first.id)
    assert "Herr Kollege" in view.model.index(row, Column.CALLED).data()


def test_call_next_then_undo(qtbot, view, ctx):
    visit = _check_in(ctx, "A")
    _changed_elsewhere(qtbot, view, ctx)
    with qtbot.waitSignal(view.sig_rows_applied, timeout=5000):
        view.action_call_next.trigger()
    assert ctx.services.waitlist.get(ctx.actor, visit.id).status is VisitStatus.CALLED
    assert view.undo_stack.count() == 1
    assert "called into" in view.notice_banner.text()
    with qtbot.waitSignal(view.sig_rows_applied, timeout=5000):
        view.action_undo.trigger()
    assert ctx.services.waitlist.get(ctx.actor, visit.id).status is VisitStatus.WAITING
    # redo calls the same person again
    with qtbot.waitSignal(view.sig_rows_applied, timeout=5000):
        view.action_redo.trigger()
    assert ctx.services.waitlist.get(ctx.actor, visit.id).status is VisitStatus.CALLED


def test_calling_someone_already_called_elsewhere_says_by_whom(qtbot, view, ctx):
    visit = _check_in(ctx, "A")
    _changed_elsewhere(qtbot, view, ctx)
    view.select_visit(visit.id)
    other = Actor(staff_id=None, name="Herr Kollege", role=Role.COUNSELLOR)
    ctx.services.waitlist.call(other, visit.id, room_id=view.room_id())
    view.action_call.trigger()
    qtbot.waitUntil(lambda: view.error_banner.isVisible(), timeout=5000)
    assert "already called by Herr Kollege" in view.error_banner.text()


def test_html_name_shows_literally(qtbot, view, ctx):
    _check_in(ctx, "<b>Secret</b>")
    _changed_elsewhere(qtbot, view, ctx)
    assert view.model.index(0, Column.NAME).data() == "Test, <b>Secret</b>"


def test_stale_banner_and_recovery(qtbot, view, ctx):
    ctx.events.sig_database_state.emit(False, "server gone")
    assert view.stale_banner.isVisible()
    assert "since" in view.stale_banner.text()
    with qtbot.waitSignal(view.sig_rows_applied, timeout=5000):
        ctx.events.sig_database_state.emit(True, "")
    assert not view.stale_banner.isVisible()


def test_arrival_of_my_appointment_client_is_announced(qtbot, ctx, tmp_path, sqlite_services):
    head = Actor.system()
    with sqlite_services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username="berater", display_name="Herr Berater", role=Role.COUNSELLOR,
                                           password_hash=None)
        uow.commit()
    ctx.actor = Actor(staff_id=staff_id, name="Herr Berater", role=Role.COUNSELLOR)
    widget = WartelisteView(ctx)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget._loaded_once, timeout=5000)
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    visit = _check_in(ctx, "A")
    sqlite_services.waitlist.hand_over(head, visit.id, service_id=mbe.id, staff_id=staff_id)
    with qtbot.waitSignal(widget.sig_client_arrived, timeout=5000) as blocker:
        ctx.events.sig_data_changed.emit(frozenset({"visits"}))
    assert blocker.args[0].id == visit.id
    assert "is waiting for you" in widget.notice_banner.text()
    assert not widget.notice_banner.isHidden()
