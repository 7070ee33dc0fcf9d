"""The Warteliste view: in-place live updates keep the selection, actions, undo, plain-text names."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desk.domain.model import Priority, Role, VisitRow, VisitStatus
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.ui.i18n import install_language
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
    return base._replace(**changes)


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
def ctx(sqlite_services, make_ui_ctx):
    install_language("en")
    return make_ui_ctx(sqlite_services, Actor(staff_id=None, name="Frau Beraterin", role=Role.COUNSELLOR))


@pytest.fixture
def view(qtbot, ctx):
    widget = _opened(qtbot, ctx)
    widget.resize(1300, 600)
    widget.room_combo.setCurrentIndex(widget.room_combo.findText("Büro Migrationsberatung (Büro 2)"))
    return widget


def _opened(qtbot, ctx, *, show: bool = True) -> WartelisteView:
    """The view as a window opens it for `ctx.actor`: shown (or hidden behind another view), its
    rooms and its first list loaded."""
    widget = WartelisteView(ctx)
    qtbot.addWidget(widget)
    if show:
        widget.show()
    qtbot.waitUntil(lambda: widget._loaded_once and (widget.room_combo.count() > 0 or not widget.can_call),
                    timeout=5000)
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
        mbe_id = next(s.id for s in uow.reference.services() if s.code == "MBE")
        staff_id = uow.reference.add_staff(username="berater", display_name="Herr Berater", role=Role.COUNSELLOR,
                                           password_hash=None, service_ids={mbe_id})
        uow.commit()
    ctx.actor = Actor(staff_id=staff_id, name="Herr Berater", role=Role.COUNSELLOR)
    widget = _opened(qtbot, ctx, show=False)
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    visit = _check_in(ctx, "A")
    sqlite_services.waitlist.hand_over(head, visit.id, service_id=mbe.id, staff_id=staff_id)
    with qtbot.waitSignal(widget.sig_client_arrived, timeout=5000) as blocker:
        ctx.events.sig_data_changed.emit(frozenset({"visits"}))
    assert blocker.args[0].id == visit.id
    assert "is waiting for you" in widget.notice_banner.text()
    assert not widget.notice_banner.isHidden()


def _account(services, username, name, service_code="MBE"):
    head = Actor.system()
    service = next(s for s in services.reference.services(head) if s.code == service_code)
    with services.uow(write=True) as uow:
        staff_id = uow.reference.add_staff(username=username, display_name=name, role=Role.COUNSELLOR,
                                           password_hash=None, service_ids={service.id})
        uow.commit()
    return Actor(staff_id=staff_id, name=name, role=Role.COUNSELLOR, service_ids=frozenset({service.id}))


def _appointment_check_in(services, staff_id):
    from desk.storage.models import Appointment

    head = Actor.system()
    mbe = next(s for s in services.reference.services(head) if s.code == "MBE")
    client = services.clients.create(head, ClientInput(given_name="Amina", family_name="Haddad"))
    starts = services.clock() + timedelta(minutes=2)  # the check-in's clock (the UI's, `ui_clock`)
    with services.uow(write=True) as uow:
        appointment = Appointment(client_id=client.id, service_id=mbe.id, staff_id=staff_id, starts_at=starts,
                                  ends_at=starts + timedelta(minutes=45), status="booked", created_at=starts,
                                  updated_at=starts, version=1)
        uow.session.add(appointment)
        uow.session.flush()
        appointment_id = appointment.id
        uow.commit()
    return services.checkin.check_in(head, CheckInRequest(client_id=client.id, appointment_id=appointment_id))


def test_appointment_check_in_notifies_its_counsellor_visibly_and_aloud(qtbot, ctx, sqlite_services, monkeypatch):
    spoken = []
    monkeypatch.setattr("desk.ui.views.warteliste.view.announce",
                        lambda widget, text, assertive=False: spoken.append((text, assertive)))
    ctx.actor = _account(sqlite_services, "berater", "Herr Berater")
    widget = _opened(qtbot, ctx, show=False)
    visit = _appointment_check_in(sqlite_services, ctx.actor.staff_id)
    with qtbot.waitSignal(widget.sig_client_arrived, timeout=5000) as blocker:
        ctx.events.sig_data_changed.emit(frozenset({"visits"}))
    assert blocker.args[0].id == visit.id
    assert "has arrived for the appointment" in widget.notice_banner.text()
    assert not widget.notice_banner.isHidden()
    assert any("has arrived for the appointment" in text and assertive for text, assertive in spoken)


def test_a_colleague_sees_whose_client_it_is_and_takes_over_only_when_confirmed(qtbot, ctx, sqlite_services,
                                                                                 monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    owner = _account(sqlite_services, "yilmaz", "Frau Yilmaz")
    ctx.actor = _account(sqlite_services, "berg", "Herr Berg")
    widget = _opened(qtbot, ctx)
    widget.room_combo.setCurrentIndex(0)
    visit = _appointment_check_in(sqlite_services, owner.staff_id)
    _changed_elsewhere(qtbot, widget, ctx)
    row = widget.model.row_of(visit.id)
    assert widget.model.index(row, Column.CALLED).data() == "for Frau Yilmaz"
    widget.select_visit(visit.id)
    answers = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    widget.action_call.trigger()
    assert sqlite_services.waitlist.get(ctx.actor, visit.id).status is VisitStatus.WAITING
    answers.append(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(widget.sig_rows_applied, timeout=5000):
        widget.action_call.trigger()
    after = sqlite_services.waitlist.get(ctx.actor, visit.id)
    assert (after.status, after.assigned_staff_id) == (VisitStatus.CALLED, ctx.actor.staff_id)


@pytest.mark.parametrize(("language", "reserved_text"), [("en", "for Frau Kaya"), ("de", "für Frau Kaya")])
def test_a_client_of_a_counsellor_absent_today_shows_as_free_and_is_called_without_take_over(
        qtbot, ctx, sqlite_services, monkeypatch, language, reserved_text):
    """Frau Yilmaz's absence for today was saved while her client was being checked in, and the
    release missed the person: Herr Berg's list shows no "for Frau Yilmaz" (the call would not
    honour it either), and calling the person asks no take-over. Frau Kaya, present, keeps hers."""
    from PySide6.QtWidgets import QMessageBox

    from desk.domain.tickets import local_day

    install_language(language)
    owner = _account(sqlite_services, "yilmaz", "Frau Yilmaz")
    present = _account(sqlite_services, "kaya", "Frau Kaya")
    ctx.actor = _account(sqlite_services, "berg", "Herr Berg")
    widget = _opened(qtbot, ctx)
    widget.room_combo.setCurrentIndex(0)
    visit = _appointment_check_in(sqlite_services, owner.staff_id)
    kayas = _appointment_check_in(sqlite_services, present.staff_id)
    today = local_day(sqlite_services.clock())
    with sqlite_services.uow(write=True) as uow:  # saved without the release (the race)
        uow.appointments.add_absence(owner.staff_id, today, today, "krank")
        uow.commit()
    _changed_elsewhere(qtbot, widget, ctx)
    assert widget.model.index(widget.model.row_of(visit.id), Column.CALLED).data() == ""
    assert widget.model.index(widget.model.row_of(kayas.id), Column.CALLED).data() == reserved_text
    widget.select_visit(visit.id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(widget.sig_rows_applied, timeout=5000):
        widget.action_call.trigger()
    assert asked == []
    after = sqlite_services.waitlist.get(ctx.actor, visit.id)
    assert (after.status, after.called_by_staff_id) == (VisitStatus.CALLED, ctx.actor.staff_id)


def test_my_room_is_the_accounts_room_and_a_change_is_remembered(qtbot, ctx, sqlite_services):
    head = Actor.system()
    rooms = {r.name: r for r in sqlite_services.reference.rooms(head)}
    ctx.actor = _account(sqlite_services, "berater", "Herr Berater")
    with sqlite_services.uow(write=True) as uow:
        uow.reference.set_default_room(ctx.actor.staff_id, rooms["Büro Sozialbetreuung"].id)
        uow.commit()

    first = _opened(qtbot, ctx, show=False)
    # the account's own office, not the first office of the list (Büro Fachbereichsleitung)
    assert first.room_id() == rooms["Büro Sozialbetreuung"].id
    index = first.room_combo.findData(rooms["Büro Migrationsberatung"].id)
    first.room_combo.setCurrentIndex(index)
    with qtbot.waitSignal(first.sig_room_saved, timeout=5000):
        first.room_combo.activated.emit(index)
    # "restart": a new window for the same account opens on the room chosen last
    assert _opened(qtbot, ctx, show=False).room_id() == rooms["Büro Migrationsberatung"].id
    # and the silent alarm names that room, not the PC
    alarm = sqlite_services.alarms.raise_alarm(ctx.actor)
    assert alarm.room_label == "Büro Migrationsberatung"


def test_without_a_room_of_my_own_none_is_preselected(qtbot, ctx):
    widget = _opened(qtbot, ctx, show=False)
    assert widget.room_id() is None
    assert widget.room_combo.placeholderText() == "Choose your room"


def test_hand_over_offers_only_counsellors_of_the_chosen_service(qtbot, sqlite_services):
    from desk.ui.views.warteliste.dialogs import HandOverDialog

    head = Actor.system()
    services = {s.code: s for s in sqlite_services.reference.services(head)}
    with sqlite_services.uow(write=True) as uow:
        for username, name, role, codes in (("empf", "Frau Empfang", Role.RECEPTION, ("MBE", "IM")),
                                            ("chef", "Frau Leitung", Role.HEAD, ("FL",)),
                                            ("mbe", "Herr MBE", Role.COUNSELLOR, ("MBE",)),
                                            ("im", "Frau IM", Role.COUNSELLOR, ("IM",))):
            uow.reference.add_staff(username=username, display_name=name, role=role, password_hash=None,
                                    service_ids={services[c].id for c in codes})
        uow.commit()
    visit = _row(1, service_id=services["MBE"].id)
    dialog = HandOverDialog(visit, list(services.values()), sqlite_services.reference.staff(head))
    qtbot.addWidget(dialog)

    def offered() -> list[str]:
        return [dialog.staff_combo.itemText(i) for i in range(1, dialog.staff_combo.count())]

    assert offered() == ["Herr MBE"]
    dialog.service_combo.setCurrentIndex(dialog.service_combo.findData(services["IM"].id))
    assert offered() == ["Frau IM"]
    dialog.service_combo.setCurrentIndex(dialog.service_combo.findData(services["FL"].id))
    assert offered() == ["Frau Leitung"]


@pytest.mark.parametrize(("language", "mark", "line"), [
    ("en", "Frau Aydin (absent today)", "Frau Aydin is not here today: any colleague can call the person."),
    ("de", "Frau Aydin (heute abwesend)",
     "Frau Aydin ist heute nicht da: die Person kann von allen Kolleg*innen aufgerufen werden."),
])
def test_hand_over_marks_a_colleague_absent_today_lists_them_last_and_says_what_it_means(
        qtbot, sqlite_services, language, mark, line):
    """A hand-over to a colleague away today reserves the person for nobody who is here (call next
    takes them as free): the dialog marks them, after those present, and says so when chosen."""
    from desk.ui.views.warteliste.dialogs import HandOverDialog

    install_language(language)
    try:
        absent = _account(sqlite_services, "aydin", "Frau Aydin")  # first by id: present ones still go first
        _account(sqlite_services, "berg", "Herr Berg")
        _account(sqlite_services, "cem", "Herr Cem")
        head = Actor.system()
        services = sqlite_services.reference.services(head)
        mbe = next(s for s in services if s.code == "MBE")
        dialog = HandOverDialog(_row(1, service_id=mbe.id), services, sqlite_services.reference.staff(head),
                                absent=frozenset({absent.staff_id}))
        qtbot.addWidget(dialog)
        dialog.show()
        offered = [dialog.staff_combo.itemText(i) for i in range(1, dialog.staff_combo.count())]
        assert offered == ["Herr Berg", "Herr Cem", mark]
        assert not dialog.absent_hint.isVisible()
        dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findData(absent.staff_id))
        assert dialog.absent_hint.isVisible() and dialog.absent_hint.text() == line
        assert dialog.staff_id == absent.staff_id  # still a choice: the counsellor decides
        dialog.staff_combo.setCurrentIndex(1)
        assert not dialog.absent_hint.isVisible()
    finally:
        install_language("en")


def test_the_view_knows_who_is_absent_today_from_its_load_and_from_an_absence_saved_elsewhere(
        qtbot, ctx, sqlite_services):
    """The staff list and who is away today come in the same worker load; an absence saved at
    another desk (announced as an appointments change) updates the marks without a restart."""
    from desk.domain.tickets import local_day

    today = local_day(sqlite_services.clock())
    away = _account(sqlite_services, "yilmaz", "Frau Yilmaz")
    later = _account(sqlite_services, "kaya", "Frau Kaya")
    ctx.actor = _account(sqlite_services, "berg", "Herr Berg")
    sqlite_services.appointments.add_absence(Actor.system(), away.staff_id, today, today, "krank")
    widget = _opened(qtbot, ctx)
    assert widget._absent == {away.staff_id}
    sqlite_services.appointments.add_absence(Actor.system(), later.staff_id, today, today + timedelta(days=1))
    ctx.events.sig_data_changed.emit(frozenset({"appointments"}))
    qtbot.waitUntil(lambda: widget._absent == {away.staff_id, later.staff_id}, timeout=5000)


def test_names_languages_and_companions_are_spelled_out(qtbot):
    install_language("de")
    try:
        model = WaitingListModel()
        model.apply([_row(1, client_name="", party_size=3, interpreter_language="ar"),
                     _row(2, party_size=2, interpreter_language="prs")], NOW)
        assert model.index(0, Column.NAME).data() == "(anonym) mit 2 Begleitpersonen"
        assert model.index(0, Column.INTERPRETER).data() == "Arabisch"
        assert model.index(1, Column.NAME).data() == "Name 2 mit 1 Begleitperson"
        assert model.index(1, Column.INTERPRETER).data() == "Dari"
        assert model.headerData(Column.INTERPRETER, Qt.Orientation.Horizontal) == "Dolmetschung"
    finally:
        install_language("en")


def test_a_count_waiting_per_service(qtbot, view, ctx):
    _check_in(ctx, "A", code="MBE")
    _check_in(ctx, "B", code="MBE")
    _check_in(ctx, "C", code="IM")
    _changed_elsewhere(qtbot, view, ctx)
    assert "MBE 2" in view.counts_label.text() and "IM 1" in view.counts_label.text()
    full = view.counts_label.accessibleName()
    assert "Migration counselling for adult immigrants: 2" in full
    assert "Integration management / social care: 1" in full


def test_reception_sees_no_button_it_cannot_use(qtbot, sqlite_services, make_ui_ctx):
    from PySide6.QtWidgets import QAbstractButton

    install_language("en")
    reception = Actor(staff_id=None, name="Empfang", role=Role.RECEPTION)
    widget = _opened(qtbot, make_ui_ctx(sqlite_services, reception))
    visible = [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisible()]
    assert visible == []
    assert widget.action_refer.text() == "&Refer to a partner organisation…"


def test_every_button_is_an_action_in_both_languages_and_interpreters_have_one_word(qtbot, sqlite_services,
                                                                                    make_ui_ctx):
    """Each button says what it does (a verb, no bare status like "No-show" or "Übergeben" that reads
    as a state): hand-over is "Weitervermitteln", the referral to a partner organisation says so,
    and no two buttons share a label; the interpreter column is called as in the other views."""
    from PySide6.QtWidgets import QPushButton

    from desk.ui.i18n import translate
    from desk.ui.views.warteliste.dialogs import HandOverDialog, ReferDialog

    counsellor = Actor(staff_id=None, name="Herr MBE", role=Role.COUNSELLOR)
    english_verbs = {"Call", "Start", "Mark", "Put", "Hand", "Refer", "Undo", "Redo"}
    try:
        for language in ("en", "de"):
            install_language(language)
            widget = WartelisteView(make_ui_ctx(sqlite_services, counsellor))
            qtbot.addWidget(widget)
            texts = [b.defaultAction().text().replace("&", "").rstrip("…") for b in widget._buttons]
            assert len(set(texts)) == len(texts), texts
            if language == "en":
                assert all(t.split()[0] in english_verbs for t in texts), texts
            else:
                assert all(t.split()[-1].endswith("n") for t in texts), texts  # ends with its infinitive
                assert widget.action_hand_over.text().replace("&", "") == "Weitervermitteln…"
                assert widget.action_refer.text().replace("&", "") == "An Partnerorganisation verweisen…"
                visit = _row(1)
                hand_over = HandOverDialog(visit, [], [])
                refer = ReferDialog(visit, ["Caritas"])
                qtbot.addWidget(hand_over)
                qtbot.addWidget(refer)
                assert hand_over.windowTitle() == "M-001 weitervermitteln"
                assert {b.text() for b in hand_over.findChildren(QPushButton)} == {"Weitervermitteln", "Abbrechen"}
                assert {b.text() for b in refer.findChildren(QPushButton)} == {"Verweisen", "Abbrechen"}
            interpreter = WaitingListModel().headerData(Column.INTERPRETER, Qt.Orientation.Horizontal)
            assert interpreter == translate("TermineModels", "Interpreter")  # the agenda's word, too
    finally:
        install_language("en")


def test_a_hand_over_to_another_service_tells_the_new_number(qtbot, view, ctx):
    """The display will call the new number of the other service, which the person does not know:
    the counsellor reads it, to pass on. Undo names the old ticket only."""
    visit = _check_in(ctx, "A")
    _changed_elsewhere(qtbot, view, ctx)
    view.select_visit(visit.id)
    im = next(s for s in ctx.services.reference.services(Actor.system()) if s.code == "IM")
    with qtbot.waitSignal(view.sig_rows_applied, timeout=5000):
        view.hand_over(service_id=im.id)
    new = next(r for r in view.model.rows() if r.service_id == im.id)
    assert new.ticket.startswith("I-") and new.arrived_at == visit.arrived_at  # the place in the queue stays
    assert view.notice_banner.text() == (f"{visit.ticket} handed over to Integration management / social care: "
                                         f"the new number is {new.ticket}. Please tell the person.")
    with qtbot.waitSignal(view.sig_rows_applied, timeout=5000):
        view.action_undo.trigger()
    assert view.notice_banner.text() == f"Undone: {visit.ticket} handed over."
    assert ctx.services.waitlist.get(ctx.actor, visit.id).status is VisitStatus.WAITING


def test_a_hand_over_whose_acknowledgement_was_lost_shows_the_new_number_once(qtbot, view, ctx, monkeypatch):
    """The connection lost right after the hand-over's commit: the banner says the server is
    away. Tried again from the list as it was (the server still away for the reload), the same
    request key answers with the new number to pass on - one new visit, no refusal."""
    from once_helpers import lost_acknowledgement

    from desk.domain.topics import Topic

    visit = _check_in(ctx, "A")
    _changed_elsewhere(qtbot, view, ctx)
    view.select_visit(visit.id)
    im = next(s for s in ctx.services.reference.services(Actor.system()) if s.code == "IM")
    real_reload = view.reload
    monkeypatch.setattr(view, "reload", lambda *a, **k: None)  # the server is away: the list stays as it was
    with lost_acknowledgement(topic=Topic.VISITS) as lost:
        view.hand_over(service_id=im.id)
        qtbot.waitUntil(lambda: bool(lost) and view.error_banner.isVisible(), timeout=5000)
    assert view.selected_visit().id == visit.id  # still shown as it was
    monkeypatch.setattr(view, "reload", real_reload)
    view.hand_over(service_id=im.id)  # tried again
    qtbot.waitUntil(lambda: "the new number is" in view.notice_banner.text(), timeout=5000)
    assert view.notice_banner.text() == (f"{visit.ticket} handed over to Integration management / social care: "
                                         "the new number is I-001. Please tell the person.")
    rows = ctx.services.checkin.today(Actor.system(), open_only=False)
    assert sorted(r.ticket for r in rows) == ["I-001", "M-001"]


def test_a_partner_organisation_with_braces_is_text(qtbot, view, ctx):
    """The head may name a partner "Caritas {Balingen}": referring to it said nothing and left no
    undo (the braces were read as a placeholder and the message raised)."""
    ctx.services.reference.change_setting(Actor.system(), "partner_organisations", ["Caritas {Balingen}", "DRK"])
    visit = _check_in(ctx, "A")
    _changed_elsewhere(qtbot, view, ctx)
    view.select_visit(visit.id)
    with qtbot.waitSignal(view.sig_rows_applied, timeout=5000):
        view.refer(organisation="Caritas {Balingen}")
    assert view.notice_banner.text() == f"{visit.ticket} referred to Caritas {{Balingen}}."
    assert view.undo_stack.count() == 1
