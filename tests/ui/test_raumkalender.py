"""Raumkalender: the model, the painted canvas (drag to create, move, resize), keyboard
navigation, the list view, the dialog's conflict suggestion, and titles that look like HTML."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtTest import QTest

from desk.domain.bookings import BookingDraft
from desk.domain.model import BookingKind, BookingOccurrenceRow, Role, RoomKind
from desk.domain.recurrence import EditScope, Frequency, RuleSpec, place
from desk.domain.tickets import BERLIN
from desk.services.context import Actor
from desk.ui.i18n import install_language
from desk.ui.views.raumkalender import RaumkalenderView
from desk.ui.views.raumkalender.dialog import BookingDialog
from desk.ui.views.raumkalender.model import OCCURRENCE_ID_ROLE, Column, OccurrenceModel

HTML_TITLE = "<img src=x onerror=alert(1)><b>Fett</b>"


def row(occurrence_id: int, hour: int, title: str = "Sprachcafé", **kw) -> BookingOccurrenceRow:
    start = datetime(2027, 3, 2, hour, tzinfo=BERLIN)
    values = dict(id=occurrence_id, booking_id=occurrence_id, room_id=2, title=title, kind=BookingKind.LANGUAGE_CAFE,
                  organiser="", starts_at=start, ends_at=start + timedelta(hours=1), cancelled=False, holiday_name="",
                  expected_participants=None, actual_participants=None, recurring=False)
    values.update(kw)
    return BookingOccurrenceRow(**values)


def test_model_passes_the_model_tester_and_updates_in_place(qtmodeltester, qapp) -> None:
    install_language("en")
    model = OccurrenceModel()
    model.set_rooms({2: "Gruppenraum"})
    model.set_rows([row(1, 9), row(2, 11, cancelled=True, holiday_name="Ostermontag"), row(3, 13, title=HTML_TITLE)])
    qtmodeltester.check(model)
    assert model.index(2, Column.TITLE).data() == HTML_TITLE  # plain text, exactly
    assert "Cancelled" in model.index(1, Column.STATUS).data()
    assert "Ostermontag" in model.index(1, Column.STATUS).data()
    from PySide6.QtCore import QPersistentModelIndex

    keep = QPersistentModelIndex(model.index(2, Column.TITLE))
    model.set_rows([row(1, 9, title="neu"), row(3, 13, title=HTML_TITLE), row(4, 15)])
    qtmodeltester.check(model)
    assert keep.isValid() and keep.row() == 1  # the row moved up, its index followed
    assert [model.index(r, 0).data(OCCURRENCE_ID_ROLE) for r in range(model.rowCount())] == [1, 3, 4]
    assert model.index(0, Column.TITLE).data() == "neu"


@pytest.fixture
def ctx(sqlite_services, make_ui_ctx):
    install_language("en")
    return make_ui_ctx(sqlite_services, Actor(staff_id=None, name="Frau Schmid", role=Role.RECEPTION,
                                              workstation="test"))


@pytest.fixture
def group(ctx):
    return next(r for r in ctx.services.reference.rooms(ctx.actor) if r.kind is RoomKind.GROUP)


@pytest.fixture
def view(qtbot, ctx):
    widget = RaumkalenderView(ctx)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.sig_loaded, timeout=20000):
        widget.resize(1200, 800)
        widget.show()
    widget.room_filter.setCurrentIndex(widget.room_filter.findData(
        next(r for r in ctx.services.reference.rooms(ctx.actor) if r.kind is RoomKind.GROUP).id))
    qtbot.waitUntil(lambda: len(widget.canvas.rooms) == 1, timeout=20000)
    with qtbot.waitSignal(widget.sig_loaded, timeout=20000):
        widget.go_next()  # next week: every day to come, whatever weekday the test runs on (no booking in the past)
    return widget


def book(ctx, room_id: int, start: datetime, hours: float = 1, title: str = "Sprachcafé") -> int:
    result = ctx.services.bookings.create(ctx.actor, BookingDraft(room_id, title, start, start + timedelta(hours=hours)))
    return result.booking_id


def rooms(ctx):
    return ctx.services.reference.rooms(ctx.actor)


def opened(ctx, occurrence_id: int):
    """What the view hands the dialog for an existing date (the view loads it in a worker with
    load_occurrence)."""
    occurrence = ctx.services.bookings.occurrence(ctx.actor, occurrence_id)
    return occurrence, ctx.services.bookings.booking(ctx.actor, occurrence.booking_id)


def reload(qtbot, view) -> None:
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.reload()


def test_drag_over_free_time_opens_the_dialog_and_books(qtbot, view, ctx, group, monkeypatch) -> None:
    canvas = view.canvas
    day = view.days()[2]
    start, end = place(datetime.combine(day, time(10))), place(datetime.combine(day, time(12)))
    opened: list[BookingDialog] = []

    def run(dialog: BookingDialog) -> None:  # instead of exec(): fill in and save, as a person would
        opened.append(dialog)
        dialog.title_edit.setText("Seminar <Mietrecht>")
        assert dialog.kind.currentData() is None  # no misleading default for "Kind"
        assert not dialog.save() and "kind" in dialog.conflict_label.text()  # refused at once
        dialog.kind.setCurrentIndex(0)
        assert dialog.save()  # saving in a worker: the dialog is busy, then closes
        assert dialog.busy and not dialog.save_button.isEnabled() and not dialog.save()  # no double submit
        qtbot.waitUntil(lambda: dialog.saved, timeout=20000)
        assert not dialog.busy and dialog.save_button.isEnabled()
        view.reload()

    monkeypatch.setattr(view, "_run_dialog", run)
    with qtbot.waitSignal(canvas.sig_create_requested, timeout=2000) as signal:
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         canvas.point_for(2, 0, start + timedelta(minutes=2)).toPoint())
        QTest.mouseMove(canvas, canvas.point_for(2, 0, start + timedelta(minutes=60)).toPoint())
        QTest.mouseMove(canvas, canvas.point_for(2, 0, end).toPoint())
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           canvas.point_for(2, 0, end).toPoint())
    assert signal.args == [group.id, start, end]
    assert len(opened) == 1
    rows = ctx.services.bookings.occurrences(ctx.actor, start - timedelta(hours=1), end + timedelta(hours=1))
    assert [(r.title, r.starts_at, r.ends_at) for r in rows] == [("Seminar <Mietrecht>", start, end)]


def test_drag_moves_and_resizes_a_booking(qtbot, view, ctx, group) -> None:
    canvas = view.canvas
    day = view.days()[1]
    start = place(datetime.combine(day, time(9)))
    booking_id = book(ctx, group.id, start, 1)
    reload(qtbot, view)
    occurrence_id = ctx.services.bookings.series(ctx.actor, booking_id)[0].id
    # move: grab the middle, drop two hours later
    grab = canvas.point_for(1, 0, start + timedelta(minutes=30)).toPoint()
    drop = canvas.point_for(1, 0, start + timedelta(hours=2, minutes=30)).toPoint()
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab)
        QTest.mouseMove(canvas, grab + QPoint(0, 10))
        QTest.mouseMove(canvas, drop)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, drop)
    moved = ctx.services.bookings.occurrence(ctx.actor, occurrence_id)
    assert (moved.starts_at, moved.ends_at) == (start + timedelta(hours=2), start + timedelta(hours=3))
    # resize: drag the lower edge down by an hour
    block = next(b for b in canvas.blocks() if b.row.id == occurrence_id)
    edge = QPoint(int(block.rect.center().x()), int(block.rect.bottom()) - 2)
    target = canvas.point_for(1, 0, start + timedelta(hours=4)).toPoint()
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
        QTest.mouseMove(canvas, edge + QPoint(0, 10))
        QTest.mouseMove(canvas, target)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    resized = ctx.services.bookings.occurrence(ctx.actor, occurrence_id)
    assert (resized.starts_at, resized.ends_at) == (start + timedelta(hours=2), start + timedelta(hours=4))


def test_move_onto_a_taken_slot_is_refused_with_the_blocking_booking(qtbot, view, ctx, group) -> None:
    day = view.days()[3]
    first = place(datetime.combine(day, time(9)))
    book(ctx, group.id, first, 1, title="Team")
    other = book(ctx, group.id, first + timedelta(hours=3), 1, title="Infoabend")
    reload(qtbot, view)
    occurrence_id = ctx.services.bookings.series(ctx.actor, other)[0].id
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.move_occurrence(occurrence_id, first, first + timedelta(hours=1), group.id)
    assert "Team" in view.status_label.text() and "Next free slot" in view.status_label.text()


def test_keyboard_navigation(qtbot, view, ctx, group) -> None:
    monday = view.days()[0]
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        QTest.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.days()[0] == monday + timedelta(days=7)
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        QTest.keyClick(view.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        QTest.keyClick(view.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.days()[0] == monday - timedelta(days=7)
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        QTest.keyClick(view.canvas, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.days()[0] == monday - timedelta(days=7)  # this week (the fixture shows the next one)
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        QTest.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    # every toolbar action names its shortcut in the tooltip
    assert "Alt+Right" in view.next_action.toolTip() and "Ctrl+T" in view.today_action.toolTip()
    assert "Ctrl+G" in view.go_date.toolTip()
    # arrow keys select bookings, Enter opens the selected one
    start = place(datetime.combine(view.days()[1], time(10)))
    booking_id = book(ctx, group.id, start)
    reload(qtbot, view)
    view.canvas.setFocus()
    QTest.keyClick(view.canvas, Qt.Key.Key_Down)
    occurrence_id = ctx.services.bookings.series(ctx.actor, booking_id)[0].id
    assert view.canvas.selected_id == occurrence_id
    with qtbot.waitSignal(view.canvas.sig_open_requested, timeout=1000) as signal:
        view.canvas.sig_open_requested.disconnect(view.open_occurrence)
        QTest.keyClick(view.canvas, Qt.Key.Key_Return)
    assert signal.args == [occurrence_id]
    # the list view shows the same bookings, for keyboard and screen-reader users
    QTest.keyClick(view.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert view.stack.currentWidget() is view.table
    assert view.table.model().index(0, Column.TITLE).data() == "Sprachcafé"


def test_titles_that_look_like_html_are_drawn_literally(qtbot, view, ctx, group) -> None:
    start = place(datetime.combine(view.days()[0], time(9)))
    book(ctx, group.id, start, 2, title=HTML_TITLE)
    reload(qtbot, view)
    block = view.canvas.blocks()[0]
    assert HTML_TITLE in view.canvas.block_text(block.row).split("\n")
    assert view.model.index(0, Column.TITLE).data() == HTML_TITLE
    image = view.canvas.grab()  # paints without touching rich text
    assert not image.isNull()


@pytest.mark.parametrize("language", ["en", "de"])
def test_dialog_shows_conflict_and_takes_over_the_suggestion(qtbot, ctx, group, now, language) -> None:
    """The clash names the booking in the way and the next free slot, their days written as the
    window writes dates (the service hands them over as dates: they were German in English)."""
    install_language(language)
    start = place(datetime.combine(now.astimezone(BERLIN).date() + timedelta(days=3), time(17)))
    book(ctx, group.id, start, 2, title="Sprachcafé")
    dialog = BookingDialog(ctx, None, rooms=rooms(ctx), room_id=group.id, start=start + timedelta(hours=1),
                           end=start + timedelta(hours=2))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Infoabend")
    dialog.kind.setCurrentIndex(0)
    dialog.expected.setValue(40)
    assert "40" in dialog.capacity_label.text() and "24" in dialog.capacity_label.text()
    assert dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert not dialog.saved and dialog.save_button.isEnabled()  # refused: nothing changed, the dialog stays
    assert "Sprachcafé" in dialog.conflict_label.text()
    assert "background" in dialog.conflict_label.styleSheet()  # styled as an error
    day = start.astimezone(BERLIN)
    if language == "de":
        assert (f"ist am {day:%d.%m.%Y} von 17:00 bis 19:00 schon belegt: „Sprachcafé“" in dialog.conflict_label.text()
                and f"Nächster freier Termin: {day:%d.%m.%Y} 19:00." in dialog.conflict_label.text()), \
            dialog.conflict_label.text()
    else:
        assert (f"is already booked on {day:%d/%m/%Y} 17:00–19:00: “Sprachcafé”" in dialog.conflict_label.text()
                and f"Next free slot: {day:%d/%m/%Y} 19:00." in dialog.conflict_label.text()), \
            dialog.conflict_label.text()
    install_language("en")
    assert not dialog.use_suggestion.isHidden()
    dialog.use_suggestion.click()
    assert dialog.times() == (start + timedelta(hours=2), start + timedelta(hours=3))
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.saved, timeout=20000)
    history = ctx.services.bookings.history(ctx.actor, ctx.services.bookings.occurrences(
        ctx.actor, start + timedelta(hours=2), start + timedelta(hours=3))[0].booking_id)
    assert [h.action for h in history] == ["booking.create"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_series_with_a_taken_date_is_booked_without_it_only_when_the_person_chooses_so(
        qtbot, view, ctx, group, monkeypatch, language) -> None:
    install_language(language)
    tuesday = view.days()[1]
    taken = place(datetime.combine(tuesday + timedelta(days=14), time(18)))
    book(ctx, group.id, taken, 2, title="Infoabend Wohnen")
    texts: dict[str, str] = {}

    def fill(dialog: BookingDialog) -> int:  # instead of exec(): what a person does in the dialog
        dialog.title_edit.setText("Sprachcafé")
        dialog.kind.setCurrentIndex(dialog.kind.findData(BookingKind.LANGUAGE_CAFE.value))
        dialog.day.setDate(QDate(tuesday.year, tuesday.month, tuesday.day))
        dialog.start_time.setTime(QTime(17, 0))
        dialog.end_time.setTime(QTime(19, 0))
        dialog.frequency.setCurrentIndex(dialog.frequency.findData(Frequency.WEEKLY.value))
        dialog.end_mode.setCurrentIndex(dialog.end_mode.findData("count"))
        dialog.count.setValue(4)
        assert dialog.save()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
        assert not dialog.saved
        texts["conflict"], texts["button"] = dialog.conflict_label.text(), dialog.skip_taken_button.text()
        # the free slot of one date would move the whole series there: not offered for a series
        assert dialog.use_suggestion.isHidden() and not dialog.skip_taken_button.isHidden()
        dialog.end_time.setTime(QTime(18, 30))  # the offer was for the series as it was
        assert dialog.skip_taken_button.isHidden()
        dialog.end_time.setTime(QTime(19, 0))
        assert dialog.save()
        qtbot.waitUntil(lambda: not dialog.skip_taken_button.isHidden(), timeout=20000)
        dialog.skip_taken_button.click()
        qtbot.waitUntil(lambda: dialog.saved, timeout=20000)
        return 1

    monkeypatch.setattr(BookingDialog, "exec", fill)
    view.new_booking()
    day = taken.strftime("%d.%m.%Y")
    if language == "de":
        assert texts["conflict"].startswith("Gruppen- und Besprechungsraum ist an 1 der 4 Termine schon belegt: "
                                            f"{day}. Zuerst am {day} von 18:00 bis 20:00: „Infoabend Wohnen“")
        assert "übrigen 3 Termine" in texts["button"].replace("&", "")
        assert view.status_label.text() == f"Gespeichert. Ausgelassen, weil der Raum schon belegt war: {day}."
    else:
        assert (f" is already booked on 1 of the 4 dates: {taken:%d/%m/%Y}. The first: {taken:%d/%m/%Y} 18:00–20:00, "
                "“Infoabend Wohnen”") in texts["conflict"], texts["conflict"]
        assert texts["button"].replace("&", "") == "Book the other 3 dates"
        assert view.status_label.text() == f"Saved. Left out because the room was already booked: {taken:%d/%m/%Y}."
    rows = ctx.services.bookings.occurrences(ctx.actor, place(datetime.combine(tuesday, time(0))),
                                             taken + timedelta(days=14))
    cafe = [r for r in rows if r.title == "Sprachcafé"]
    assert [r.cancelled for r in cafe] == [False, False, True, False]
    assert ctx.services.bookings.count_overlaps(ctx.actor) == 0


def test_a_booking_across_midnight_is_readable_on_both_days_outside_the_hours_shown(qtbot, view, ctx, group) -> None:
    """23:00-01:00 lies wholly outside 07-22 on both days: each part is pinned to the edge it lies
    beyond, two lines high, with an arrow and its time (it was a 6-pixel sliver with no text, the
    morning one looking like a booking at 07:00)."""
    from PySide6.QtGui import QFontMetricsF

    start = place(datetime.combine(view.days()[1], time(23)))
    book(ctx, group.id, start, 2, title="Nachtcafé")
    reload(qtbot, view)
    canvas = view.canvas
    parts = sorted((b for b in canvas.blocks() if b.row.title == "Nachtcafé"), key=lambda b: b.day_index)
    assert [(b.day_index, b.outside) for b in parts] == [(1, "below"), (2, "above")]
    line = QFontMetricsF(canvas.small_font()).height()
    for part in parts:
        column = canvas.column_rect(part.day_index, 0)
        assert part.rect.height() >= 2 * line and column.contains(part.rect)
    assert parts[0].rect.bottom() >= canvas.column_rect(1, 0).bottom() - 2  # at the 22:00 edge
    assert parts[1].rect.top() <= canvas.column_rect(2, 0).top() + 2  # at the 07:00 edge
    assert canvas.stub_text(parts[0]).startswith("▼\u00a023:00–01:00")
    assert canvas.stub_text(parts[1]).startswith("▲\u00a023:00–01:00")
    view.canvas.grab()  # paints them


def test_the_history_of_a_series_says_which_dates_were_left_out_because_the_room_was_taken(qtbot, ctx, group,
                                                                                           now) -> None:
    tuesday = now.astimezone(BERLIN).date() + timedelta(days=8 - now.astimezone(BERLIN).weekday())
    taken = place(datetime.combine(tuesday + timedelta(days=7), time(18)))
    book(ctx, group.id, taken, 2, title="Infoabend")
    start = place(datetime.combine(tuesday, time(17)))
    result = ctx.services.bookings.create(ctx.actor, BookingDraft(group.id, "Sprachcafé", start, start + timedelta(hours=2),
                                                                  rule=RuleSpec(Frequency.WEEKLY, count=3)),
                                          skip_taken=True)
    left_out = next(o for o in ctx.services.bookings.series(ctx.actor, result.booking_id) if o.cancelled)
    for language, words in (("en", "left out, the room was taken: {day:%d/%m/%Y}"),
                            ("de", "ausgelassen, der Raum war belegt: {day:%d.%m.%Y}")):
        install_language(language)
        dialog = BookingDialog(ctx, None, rooms=rooms(ctx), existing=opened(ctx, left_out.id))
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda d=dialog: d.history.count() > 0, timeout=20000)
        texts = [dialog.history.item(i).text() for i in range(dialog.history.count())]
        assert any(words.format(day=taken) in t for t in texts), texts
        assert not dialog.restore_button.isHidden()  # the date can be booked once the room is free
    install_language("en")


def test_moving_the_end_of_a_series_onto_a_taken_date_offers_to_leave_it_out(qtbot, ctx, group, now) -> None:
    tuesday = now.astimezone(BERLIN).date() + timedelta(days=8 - now.astimezone(BERLIN).weekday())
    start = place(datetime.combine(tuesday, time(17)))
    result = ctx.services.bookings.create(ctx.actor, BookingDraft(group.id, "Sprachcafé", start, start + timedelta(hours=2),
                                                                  rule=RuleSpec(Frequency.WEEKLY, count=2)))
    taken = place(datetime.combine(tuesday + timedelta(days=21), time(18)))
    book(ctx, group.id, taken, 2, title="Infoabend")
    first = ctx.services.bookings.series(ctx.actor, result.booking_id)[0]
    dialog = BookingDialog(ctx, None, rooms=rooms(ctx), existing=opened(ctx, first.id), scope=EditScope.ALL)
    qtbot.addWidget(dialog)
    dialog.count.setValue(5)  # three Tuesdays more; the third of them is taken
    assert dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    assert not dialog.saved and "Infoabend" in dialog.conflict_label.text()
    assert not dialog.skip_taken_button.isHidden() and dialog.skip_taken_button.text().replace("&", "") == (
        "Book the other 4 dates")
    dialog.skip_taken_button.click()
    qtbot.waitUntil(lambda: dialog.saved, timeout=20000)
    assert dialog.left_out == (taken.astimezone(BERLIN).date(),)
    dates = ctx.services.bookings.series(ctx.actor, result.booking_id)
    assert [o.cancelled for o in dates] == [False, False, False, True, False]


@pytest.mark.parametrize("scope", [EditScope.ALL, EditScope.FOLLOWING])
def test_cancelling_the_whole_series_or_the_following_dates_asks_first(qtbot, ctx, group, now, monkeypatch,
                                                                       scope) -> None:
    tuesday = now.astimezone(BERLIN).date() + timedelta(days=8 - now.astimezone(BERLIN).weekday())
    start = place(datetime.combine(tuesday, time(17)))
    result = ctx.services.bookings.create(ctx.actor, BookingDraft(group.id, "<b>Sprachcafé</b>", start,
                                                                  start + timedelta(hours=2),
                                                                  rule=RuleSpec(Frequency.WEEKLY, count=4)))
    second = ctx.services.bookings.series(ctx.actor, result.booking_id)[1]
    asked: list[str] = []

    def answer(reply: bool):
        def exec_box(box) -> int:  # instead of the modal loop: read it, press a button
            asked.append(box.text())
            assert box.textFormat() == Qt.TextFormat.PlainText
            wanted = "Cancel the dates" if reply else "Keep them"
            next(b for b in box.buttons() if b.text() == wanted).click()
            return 0
        return exec_box

    from PySide6.QtWidgets import QMessageBox

    for reply in (False, True):
        monkeypatch.setattr(QMessageBox, "exec", answer(reply))
        dialog = BookingDialog(ctx, None, rooms=rooms(ctx), existing=opened(ctx, second.id), scope=scope)
        qtbot.addWidget(dialog)
        dialog.cancel_booking_button.click()
        if reply:
            qtbot.waitUntil(lambda d=dialog: d.saved, timeout=20000)
        else:
            assert not dialog.busy and not dialog.saved
        cancelled = [o.cancelled for o in ctx.services.bookings.series(ctx.actor, result.booking_id)]
        assert cancelled == ([False] * 4 if not reply else
                             [False, True, True, True] if scope is EditScope.FOLLOWING else [True] * 4)
    assert len(asked) == 2 and "<b>Sprachcafé</b>" in asked[0]
    assert ("every date" in asked[0]) == (scope is EditScope.ALL)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_long_conflict_message_is_shown_whole(qtbot, ctx, group, now, language) -> None:
    """The message of a series with taken dates runs over four lines: the dialog grows to show it
    (it stayed at its first height and cut the message off at top and bottom)."""
    install_language(language)
    tuesday = now.astimezone(BERLIN).date() + timedelta(days=8 - now.astimezone(BERLIN).weekday())
    book(ctx, group.id, place(datetime.combine(tuesday + timedelta(days=28), time(18))), 2,
         title="Infoabend Wohnen: Mietrecht, Nebenkosten und Kaution")
    start = place(datetime.combine(tuesday, time(17)))
    dialog = BookingDialog(ctx, None, rooms=rooms(ctx), room_id=group.id, start=start, end=start + timedelta(hours=2))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.title_edit.setText("Sprachcafé")
    dialog.kind.setCurrentIndex(dialog.kind.findData(BookingKind.LANGUAGE_CAFE.value))
    dialog.frequency.setCurrentIndex(dialog.frequency.findData(Frequency.WEEKLY.value))
    dialog.end_mode.setCurrentIndex(dialog.end_mode.findData("count"))
    dialog.count.setValue(12)
    assert dialog.save()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
    label = dialog.conflict_label
    assert "Mietrecht" in label.text()
    layout = dialog.layout()
    # the dialog is as tall as its content needs at its width, so nothing is squeezed or cut
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=5000)
    install_language("en")


def test_german_labels(qtbot, ctx) -> None:
    install_language("de")
    try:
        widget = RaumkalenderView(ctx)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(widget.sig_loaded, timeout=20000):
            widget.show()
        assert widget.today_action.text().replace("&", "") == "Heute"
    finally:
        install_language("en")


def test_undo_and_redo_a_move_and_a_cancellation(qtbot, view, ctx, group) -> None:
    start = place(datetime.combine(view.days()[4], time(9)))
    booking_id = book(ctx, group.id, start, 1)
    reload(qtbot, view)
    occurrence_id = ctx.services.bookings.series(ctx.actor, booking_id)[0].id
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.move_occurrence(occurrence_id, start + timedelta(hours=3), start + timedelta(hours=4), group.id)
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        QTest.keyClick(view.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.services.bookings.occurrence(ctx.actor, occurrence_id).starts_at == start
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.redo_action.trigger()
    assert ctx.services.bookings.occurrence(ctx.actor, occurrence_id).starts_at == start + timedelta(hours=3)
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.cancel_occurrence(occurrence_id)
    assert ctx.services.bookings.occurrence(ctx.actor, occurrence_id).cancelled
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.undo_action.trigger()
    assert not ctx.services.bookings.occurrence(ctx.actor, occurrence_id).cancelled
    assert "Ctrl+Z" in view.undo_action.toolTip()


def test_dialog_exports_a_series_as_ics(qtbot, ctx, group, tmp_path) -> None:
    from icalendar import Calendar

    from desk.domain.recurrence import Frequency, RuleSpec

    # a fixed week with no public holiday in four weeks (a date relative to today is not: from early
    # December the fourth Tuesday can fall on 26 December, and only three would be booked), booked
    # on a fixed clock the week before (a booking for a time already over is refused)
    start = place(datetime(2027, 3, 2, 17))
    result = ctx.services.bookings.create(ctx.actor, BookingDraft(group.id, HTML_TITLE, start, start + timedelta(hours=2),
                                                                  rule=RuleSpec(Frequency.WEEKLY, count=4)),
                                          now=start - timedelta(days=7))
    assert result.occurrences == 4
    occurrence = ctx.services.bookings.series(ctx.actor, result.booking_id)[0]
    dialog = BookingDialog(ctx, None, rooms=rooms(ctx), existing=opened(ctx, occurrence.id))
    qtbot.addWidget(dialog)
    assert not dialog.scope_box.isHidden()
    dialog.write_series_ics(str(tmp_path / "serie.ics"))
    qtbot.waitUntil(lambda: "serie.ics" in dialog.conflict_label.text(), timeout=20000)
    events = Calendar.from_ical((tmp_path / "serie.ics").read_bytes()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [HTML_TITLE]  # one recurring event, the title exactly
    assert events[0]["rrule"]["COUNT"] == [4]


def test_editing_the_kitchen_side_keeps_the_group_room(qtbot, ctx, group, now) -> None:
    start = place(datetime.combine(now.astimezone(BERLIN).date() + timedelta(days=2), time(17)))
    result = ctx.services.bookings.create(ctx.actor, BookingDraft(group.id, "Kochabend", start, start + timedelta(hours=2),
                                                                  with_kitchen=True))
    kitchen_occurrence = ctx.services.bookings.series(ctx.actor, result.linked_booking_id)[0]
    dialog = BookingDialog(ctx, None, rooms=rooms(ctx), existing=opened(ctx, kitchen_occurrence.id))
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Kochabend international")
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.saved, timeout=20000)
    group_side = ctx.services.bookings.series(ctx.actor, result.booking_id)[0]
    assert not group_side.cancelled and group_side.title == "Kochabend international"


def test_series_end_follows_the_start_and_one_off_has_no_holiday_option(qtbot, ctx, group) -> None:
    start = place(datetime(2026, 4, 7, 17, 0))
    dialog = BookingDialog(ctx, None, rooms=rooms(ctx), room_id=group.id, start=start, end=start + timedelta(hours=2))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.frequency.currentData() == Frequency.NONE.value
    assert dialog.holiday_policy.isHidden() and dialog.labels["holidays"].isHidden()
    dialog.frequency.setCurrentIndex(dialog.frequency.findData(Frequency.WEEKLY.value))
    dialog.end_mode.setCurrentIndex(dialog.end_mode.findData("until"))
    assert not dialog.holiday_policy.isHidden()
    assert dialog.until.date().toPython() == date(2026, 7, 7)
    dialog.day.setDate(QDate(2026, 9, 1))  # the first date moves 147 days on: "until" comes along
    assert dialog.until.date().toPython() == date(2026, 12, 1)
    assert dialog.until.date() >= dialog.day.date()


@pytest.mark.parametrize(("language", "booked", "holiday", "other"),
                         [("en", "3 dates will be booked", "14/05/2026 (Ascension Day)", "Christi Himmelfahrt"),
                          ("de", "3 Termine werden gebucht", "14.05.2026 (Christi Himmelfahrt)", "Ascension Day")])
def test_weekly_four_dates_across_a_holiday_says_which_is_skipped_before_saving(qtbot, ctx, group, language, booked,
                                                                                holiday, other) -> None:
    """The skipped holiday is named in the dialog's language (English said "Christi Himmelfahrt")."""
    start = place(datetime(2026, 4, 30, 17, 0))  # Thursdays; 14 May 2026 is Ascension Day
    install_language(language)
    try:
        dialog = BookingDialog(ctx, None, rooms=rooms(ctx), room_id=group.id, start=start,
                               end=start + timedelta(hours=2))
        qtbot.addWidget(dialog)
        dialog.frequency.setCurrentIndex(dialog.frequency.findData(Frequency.WEEKLY.value))
        dialog.end_mode.setCurrentIndex(dialog.end_mode.findData("count"))
        dialog.count.setValue(4)
        text = dialog.preview.text()
    finally:
        install_language("en")
    assert booked in text
    assert holiday in text and other not in text


@pytest.mark.parametrize("scale", [1, 2])
def test_a_week_of_all_rooms_stays_readable_at_100_and_200_percent(qtbot, view, ctx, group, scale) -> None:
    from PySide6.QtGui import QFont

    font = QFont(view.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    view.setFont(font)
    view.room_filter.setCurrentIndex(view.room_filter.findData(0))  # all rooms
    qtbot.waitUntil(lambda: len(view.canvas.rooms) > 2, timeout=20000)
    canvas = view.canvas
    metrics = canvas.fontMetrics()
    column = canvas.column_rect(0, 0)
    # short room names (display labels from the room settings) and a time range fit a column:
    # the week scrolls sideways instead of squeezing the headers to "Gr… Te… Bü…"
    for _room_id, name in canvas.rooms:
        assert metrics.horizontalAdvance(name) <= column.width() - 4, (name, column.width())
    assert metrics.horizontalAdvance("10:15–11:45") <= column.width() - 4
    assert view.canvas_scroll.horizontalScrollBar().maximum() > 0


def test_block_text_puts_the_title_first_and_never_breaks_a_word(qtbot, view, ctx, group) -> None:
    day = view.days()[1]
    start = place(datetime.combine(day, time(9)))
    book(ctx, group.id, start, 0.75, title="Teambesprechung")
    reload(qtbot, view)
    [row] = [r for r in view.model.rows() if r.title == "Teambesprechung"]
    assert view.canvas.block_text(row, title_first=True).split("\n")[0] == "Teambesprechung"
    assert view.canvas.block_text(row).split("\n")[0].startswith("09:00")  # the tooltip keeps its order


def test_opening_a_date_and_cancelling_it_in_the_dialog_runs_off_the_gui_thread(qtbot, view, ctx, group,
                                                                                  monkeypatch) -> None:
    start = place(datetime.combine(view.days()[2], time(14)))
    booking_id = book(ctx, group.id, start, 1, title="Beratung Recht")
    reload(qtbot, view)
    occurrence_id = ctx.services.bookings.series(ctx.actor, booking_id)[0].id
    shown: list[BookingDialog] = []

    def run(dialog: BookingDialog) -> int:  # instead of the modal loop: what a person does
        shown.append(dialog)
        assert dialog.title_edit.text() == "Beratung Recht"
        dialog.cancel_booking_button.click()
        assert dialog.busy and not dialog.close_button.isEnabled()
        dialog.reject()  # Esc while cancelling does not close the dialog
        assert not dialog.saved and dialog.result() == 0
        qtbot.waitUntil(lambda: dialog.saved, timeout=20000)
        return dialog.result()

    monkeypatch.setattr(BookingDialog, "exec", run)
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.open_occurrence(occurrence_id)
    assert len(shown) == 1 and ctx.services.bookings.occurrence(ctx.actor, occurrence_id).cancelled
    assert view.status_label.text() == "Saved."
    view.undo_action.trigger()  # one cancelled date can be undone from the view
    qtbot.waitUntil(lambda: not ctx.services.bookings.occurrence(ctx.actor, occurrence_id).cancelled, timeout=20000)
    qtbot.waitUntil(lambda: ctx.workers_running == 0, timeout=20000)
    # a date deleted meanwhile: the view says so instead of opening an empty dialog
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.open_occurrence(10 ** 6)
    assert len(shown) == 1 and view.status_label.text()


def test_every_booking_kind_has_one_german_word_in_calendar_ics_and_reports(qapp) -> None:
    """The calendar, the exported ICS and the reports name a kind the same way ("Teambesprechung",
    the word of the demo's series and the reports, not "Teamsitzung" in one place and the other in another)."""
    from desk.services.ical import KIND_NAMES_DE
    from desk.services.report_tables import labeller
    from desk.ui.views.raumkalender.labels import kind_label

    report = labeller("de")
    install_language("de")
    try:
        for kind in BookingKind:
            report_key = "kind:other" if kind is BookingKind.OTHER else kind.value
            assert kind_label(kind) == KIND_NAMES_DE[kind] == report(report_key), kind
        assert kind_label(BookingKind.TEAM_MEETING) == "Teambesprechung"
    finally:
        install_language("en")


def test_a_slot_already_over_is_refused_in_the_dialog_but_a_past_date_takes_its_participants(qtbot, ctx, group,
                                                                                             now) -> None:
    """Typing a time that lies entirely in the past into the dialog: the service refuses it, the dialog
    shows why in German, stays open and nothing is booked. The participants of a date that is over
    are still entered through the same dialog."""
    yesterday = place(datetime.combine(now.astimezone(BERLIN).date() - timedelta(days=1), time(17)))
    install_language("de")
    try:
        dialog = BookingDialog(ctx, None, rooms=rooms(ctx), room_id=group.id, start=yesterday,
                               end=yesterday + timedelta(hours=2))
        qtbot.addWidget(dialog)
        dialog.title_edit.setText("Infoabend")
        dialog.kind.setCurrentIndex(0)
        assert dialog.save()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=20000)
        assert not dialog.saved and dialog.save_button.isEnabled()
        assert "Diese Zeit ist schon vorbei" in dialog.conflict_label.text()
        assert "background" in dialog.conflict_label.styleSheet()  # shown as an error
        assert dialog.use_suggestion.isHidden()  # no slot in the past offered either
        assert ctx.services.bookings.occurrences(ctx.actor, yesterday - timedelta(hours=1),
                                                 yesterday + timedelta(hours=3)) == []
    finally:
        install_language("en")
    # booked beforehand (its own clock), now over: the actual participants are entered afterwards
    booking_id = ctx.services.bookings.create(ctx.actor, BookingDraft(group.id, "Sprachcafé", yesterday,
                                                                      yesterday + timedelta(hours=2)),
                                              now=yesterday - timedelta(days=2)).booking_id
    occurrence = ctx.services.bookings.series(ctx.actor, booking_id)[0]
    dialog = BookingDialog(ctx, None, rooms=rooms(ctx), existing=opened(ctx, occurrence.id))
    qtbot.addWidget(dialog)
    dialog.actual.setValue(14)
    dialog.expected.setValue(20)
    assert dialog.save()
    qtbot.waitUntil(lambda: dialog.saved, timeout=20000)
    after = ctx.services.bookings.series(ctx.actor, booking_id)[0]
    assert (after.actual_participants, after.expected_participants, after.starts_at) == (14, 20, yesterday)


def test_the_week_names_its_public_holiday_in_the_window_s_language(qtbot, ctx, group, ui_clock, tmp_path) -> None:
    """The English week said "Public holiday: Ostermontag" (the header, the block of a date booked on
    the holiday, its tooltip, the list's status): the holidays were named in German only. Now each
    window names them in its language, also after switching while the week is on show; the
    database keeps the German name it always kept."""
    from desk.ui.views.raumkalender.canvas import CalendarCanvas

    ui_clock.set(datetime(2026, 3, 31, 8, 0, tzinfo=BERLIN))  # the Tuesday before Easter
    easter_monday = date(2026, 4, 6)
    start = place(datetime(2026, 4, 6, 17, 0))
    booked = ctx.services.bookings.create(ctx.actor, BookingDraft(group.id, "Sprachcafé", start,
                                                                  start + timedelta(hours=2)))
    stored = next(o for o in ctx.services.bookings.occurrences(ctx.actor, start, start + timedelta(hours=2),
                                                               [group.id]) if o.booking_id == booked.booking_id)
    assert stored.holiday_name == "Ostermontag"  # what the database keeps, as it always did
    view = RaumkalenderView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.resize(1200, 800)
        view.show()
    view.room_filter.setCurrentIndex(view.room_filter.findData(group.id))
    qtbot.waitUntil(lambda: len(view.canvas.rooms) == 1, timeout=20000)
    with qtbot.waitSignal(view.sig_loaded, timeout=20000):
        view.go_next()  # the week of Easter Monday
    assert view.days()[0] == easter_monday
    canvas: CalendarCanvas = view.canvas

    def shown() -> tuple[str, str, str]:
        position = next(r for r in range(view.model.rowCount())
                        if view.model.index(r, Column.STATUS).data(OCCURRENCE_ID_ROLE) == stored.id)
        block = next(b for b in canvas.blocks() if b.row.id == stored.id)
        return (canvas.holiday_text(easter_monday), canvas.block_text(block.row),
                view.model.index(position, Column.STATUS).data())

    header, block, status = shown()
    assert header == "Public holiday: Easter Monday"
    assert block.startswith("Public holiday: Easter Monday\n17:00–19:00\nSprachcafé")  # also the tooltip
    assert status == "Public holiday: Easter Monday"
    assert canvas.holiday_text(easter_monday + timedelta(days=1)) == ""
    canvas.grab().save(str(tmp_path / "raumkalender-holiday-en.png"))
    install_language("de")
    try:
        ctx.events.sig_language_changed.emit("de")  # as the window's language menu does
        header, block, status = shown()
        assert header == "Feiertag: Ostermontag"
        assert block.startswith("Feiertag: Ostermontag\n17:00–19:00\nSprachcafé")
        assert status == "Feiertag: Ostermontag"
        canvas.grab().save(str(tmp_path / "raumkalender-holiday-de.png"))
    finally:
        install_language("en")
        ctx.events.sig_language_changed.emit("en")
    assert shown()[0] == "Public holiday: Easter Monday"
