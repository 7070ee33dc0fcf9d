"""Room bookings on both engines: conflicts, series edits, tea kitchen, history, bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from cli_head import said_by_desk_admin

from desk.domain.bookings import BookingDraft
from desk.domain.calendar import MAX_SPAN
from desk.domain.errors import ConflictError, PermissionDeniedError, StaleError, ValidationError
from desk.domain.model import BookingKind, HolidayPolicy, Role, RoomKind
from desk.domain.recurrence import EditScope, Frequency, RuleSpec
from desk.domain.tickets import BERLIN
from desk.services.context import Actor

# The dates below are fixed (January to March 2027) and what a series edit or a cancellation
# changes depends on "now" (only dates still to come are replanned): the services' clock is
# fixed too, before all of them (the `clock` fixture), so the tests mean the same on any day they
# run (pytest --today=...). FIXED_NOW lies in the past: a service reading the wall clock instead
# would refuse these bookings as already over.
FIXED_NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)
pytestmark = pytest.mark.usefixtures("clock")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


def room_of(services, actor, kind: RoomKind):
    return next(r for r in services.reference.rooms(actor) if r.kind is kind and r.bookable)


def draft(room_id: int, start: datetime, hours: float = 2, **kw) -> BookingDraft:
    return BookingDraft(room_id=room_id, title=kw.pop("title", "Sprachcafé"), starts_at=start,
                        ends_at=start + timedelta(hours=hours), **kw)


def test_overlap_is_refused_with_the_blocking_booking_and_the_next_slot(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    services.bookings.create(reception, draft(group.id, local(2027, 2, 2, 17), organiser="Frau Yilmaz"))
    with pytest.raises(ConflictError) as caught:
        services.bookings.create(reception, draft(group.id, local(2027, 2, 2, 18), title="Infoabend"))
    error = caught.value
    assert "Sprachcafé" in str(error) and "Frau Yilmaz" in str(error)
    assert error.params["suggested_start"].astimezone(BERLIN) == local(2027, 2, 2, 19)
    assert "2027-02-02 19:00" in str(error)
    # the days are values: desk-admin (and the window) writes them in the reader's language
    assert said_by_desk_admin(error, "en").endswith(
        " is already booked on 2027-02-02 17:00–19:00: “Sprachcafé” (organiser: Frau Yilmaz). "
        "Next free slot: 2027-02-02 19:00.")
    assert said_by_desk_admin(error, "de").endswith(
        " ist am 02.02.2027 von 17:00 bis 19:00 schon belegt: „Sprachcafé“ (Veranstalter*in: Frau Yilmaz). "
        "Nächster freier Termin: 02.02.2027 19:00.")
    # back to back is fine, and another room is fine
    services.bookings.create(reception, draft(group.id, local(2027, 2, 2, 19), title="Infoabend"))
    office = room_of(services, reception, RoomKind.OFFICE)
    services.bookings.create(reception, draft(office.id, local(2027, 2, 2, 18), title="Team"))
    assert services.bookings.count_overlaps(reception) == 0


def test_series_conflict_names_the_first_clash(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    services.bookings.create(reception, draft(group.id, local(2027, 2, 16, 18), title="Seminar"))
    with pytest.raises(ConflictError, match="2027-02-16") as caught:
        services.bookings.create(reception, draft(group.id, local(2027, 2, 2, 17),
                                                  rule=RuleSpec(Frequency.WEEKLY, count=6)))
    assert caught.value.params["conflicts"] == 1
    assert services.bookings.occurrences(reception, local(2027, 2, 1), local(2027, 4, 1)) != []
    assert len(services.bookings.occurrences(reception, local(2027, 2, 1), local(2027, 4, 1))) == 1


def test_a_series_with_taken_dates_names_them_all_and_books_the_others_only_when_asked(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    kitchen = room_of(services, reception, RoomKind.KITCHEN)
    services.bookings.create(reception, draft(group.id, local(2027, 2, 16, 18), title="Infoabend", organiser="Frau Yilmaz"))
    services.bookings.create(reception, draft(kitchen.id, local(2027, 3, 2, 16), title="Kochabend"))
    cafe = draft(group.id, local(2027, 2, 2, 17), kind=BookingKind.LANGUAGE_CAFE, with_kitchen=True,
                 rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 3, 9)))
    with pytest.raises(ConflictError) as caught:
        services.bookings.create(reception, cafe)
    error = caught.value
    # one message for the whole series: how many of how many, which dates, who is in the way
    assert error.params["conflicts"] == 1 and error.params["total"] == 6
    assert "2027-02-16" in str(error) and "Infoabend" in str(error) and "Frau Yilmaz" in str(error)
    assert "1 of the 6 dates" in str(error)
    assert "Next free slot" not in str(error)  # moving the whole series to one date's free slot is no answer
    assert error.params["free_dates"] == 4  # the kitchen's taken date counts too: what "book the others" books
    assert len(services.bookings.occurrences(reception, local(2027, 2, 1), local(2027, 4, 1))) == 2  # nothing written

    result = services.bookings.create(reception, cafe, skip_taken=True)
    assert result.occurrences == 4 and result.left_out == (date(2027, 2, 16), date(2027, 3, 2))
    for booking_id in (result.booking_id, result.linked_booking_id):
        dates = services.bookings.series(reception, booking_id)
        assert len(dates) == 6  # the taken dates are kept, cancelled: visible, and restorable later
        assert sorted(o.starts_at.astimezone(BERLIN).date() for o in dates if o.cancelled) == [
            date(2027, 2, 16), date(2027, 3, 2)]
    assert services.bookings.count_overlaps(reception) == 0
    created = [r for r in services.bookings.history(reception, result.booking_id) if r.action == "booking.create"]
    assert "2027-02-16" in created[0].details and "2027-03-02" in created[0].details
    # the left-out date comes back when the room is free again
    blocking = next(o for o in services.bookings.occurrences(reception, local(2027, 2, 16), local(2027, 2, 17))
                    if o.title == "Infoabend")
    services.bookings.cancel(reception, blocking.id)
    left_out = next(o for o in services.bookings.series(reception, result.booking_id) if o.cancelled)
    services.bookings.restore(reception, left_out.id)
    assert services.bookings.count_overlaps(reception) == 0


def test_moving_a_series_end_later_onto_a_taken_date_names_it_and_books_the_others_when_asked(services,
                                                                                                reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    kitchen = room_of(services, reception, RoomKind.KITCHEN)
    result = services.bookings.create(reception, draft(group.id, local(2027, 2, 2, 17), with_kitchen=True,
                                                       rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 2, 23))))
    services.bookings.create(reception, draft(group.id, local(2027, 3, 9, 18), title="Infoabend"))
    services.bookings.create(reception, draft(kitchen.id, local(2027, 3, 16, 16), title="Kochabend"))
    first = services.bookings.series(reception, result.booking_id)[0]
    later = draft(group.id, first.starts_at, with_kitchen=True, rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 3, 23)))
    with pytest.raises(ConflictError) as caught:  # until 23.03: four Tuesdays more, 09.03 and 16.03 taken
        services.bookings.edit(reception, first.id, later, scope=EditScope.ALL)
    assert "2027-03-09" in str(caught.value) and "Infoabend" in str(caught.value)
    assert caught.value.params["free_dates"] == 6  # 4 booked + 2 of the 4 added
    assert len(services.bookings.series(reception, result.booking_id)) == 4  # nothing changed

    saved = services.bookings.edit(reception, first.id, later, scope=EditScope.ALL, skip_taken=True)
    assert saved.left_out == (date(2027, 3, 9), date(2027, 3, 16)) and saved.occurrences == 6
    for booking_id in (result.booking_id, result.linked_booking_id):
        dates = services.bookings.series(reception, booking_id)
        assert len(dates) == 8
        assert [o.starts_at.astimezone(BERLIN).date() for o in dates if o.cancelled] == [date(2027, 3, 9),
                                                                                          date(2027, 3, 16)]
    assert services.bookings.count_overlaps(reception) == 0
    # a change that clashes on a date the series already had is not offered: it would drop a booked date
    services.bookings.create(reception, draft(group.id, local(2027, 2, 9, 20), title="Elternabend"))
    with pytest.raises(ConflictError) as caught:
        services.bookings.edit(reception, first.id, draft(group.id, first.starts_at + timedelta(hours=2),
                                                          with_kitchen=True,
                                                          rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 3, 23))),
                               scope=EditScope.ALL)
    assert "free_dates" not in caught.value.params


def test_a_cancelled_date_restored_brings_back_the_tea_kitchen_booked_with_it(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    kitchen = room_of(services, reception, RoomKind.KITCHEN)
    result = services.bookings.create(reception, draft(group.id, local(2027, 3, 2, 17), with_kitchen=True,
                                                       rule=RuleSpec(Frequency.WEEKLY, count=3)))

    def cancelled(booking_id: int) -> list[bool]:
        return [o.cancelled for o in services.bookings.series(reception, booking_id)]

    second = services.bookings.series(reception, result.booking_id)[1]
    services.bookings.cancel(reception, second.id)  # takes both rooms (Ctrl+Z in the calendar restores)
    assert cancelled(result.booking_id) == cancelled(result.linked_booking_id) == [False, True, False]
    services.bookings.restore(reception, second.id)
    assert cancelled(result.booking_id) == cancelled(result.linked_booking_id) == [False, False, False]
    # the kitchen was booked by others meanwhile: the clash is named and neither room comes back
    services.bookings.cancel(reception, second.id)
    services.bookings.create(reception, draft(kitchen.id, local(2027, 3, 9, 18), 1, title="Kochabend"))
    with pytest.raises(ConflictError, match="Kochabend"):
        services.bookings.restore(reception, second.id)
    assert cancelled(result.booking_id) == cancelled(result.linked_booking_id) == [False, True, False]
    assert services.bookings.count_overlaps(reception) == 0


def test_a_series_whose_every_date_is_taken_books_nothing(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    services.bookings.create(reception, draft(group.id, local(2027, 2, 2, 8), 12, title="Klausur",
                                              rule=RuleSpec(Frequency.WEEKLY, count=2)))
    with pytest.raises(ValidationError, match="Every date"):
        services.bookings.create(reception, draft(group.id, local(2027, 2, 2, 17),
                                                  rule=RuleSpec(Frequency.WEEKLY, count=2)), skip_taken=True)
    assert len(services.bookings.occurrences(reception, local(2027, 2, 1), local(2027, 3, 1))) == 2


@pytest.mark.parametrize("scope", [EditScope.ALL, EditScope.FOLLOWING])
def test_a_series_dragged_a_week_later_keeps_all_its_dates_and_its_end_moves(services, reception, scope) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    result = services.bookings.create(reception, draft(group.id, local(2027, 4, 27, 17),
                                                       rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 6, 1))))
    dates = services.bookings.series(reception, result.booking_id)
    assert len(dates) == 6
    fourth = dates[3]
    moved = services.bookings.move(reception, fourth.id, fourth.starts_at + timedelta(days=7),
                                   fourth.ends_at + timedelta(days=7), scope=scope)
    rows = services.bookings.occurrences(reception, local(2027, 4, 1), local(2027, 8, 1))
    days = [r.starts_at.astimezone(BERLIN).date() for r in rows if not r.cancelled]
    if scope is EditScope.ALL:
        assert days == [date(2027, 5, d) for d in (4, 11, 18, 25)] + [date(2027, 6, 1), date(2027, 6, 8)]
    else:
        assert days == [date(2027, 4, 27), date(2027, 5, 4), date(2027, 5, 11), date(2027, 5, 25),
                        date(2027, 6, 1), date(2027, 6, 8)]
    assert "UNTIL=20270608" in services.bookings.booking(reception, moved.booking_id).rrule
    # and back a week earlier: no date appears at the end that was never booked
    first_moved = next(r for r in rows if r.booking_id == moved.booking_id
                       and r.starts_at.astimezone(BERLIN).date() == date(2027, 5, 25))
    services.bookings.move(reception, first_moved.id, first_moved.starts_at - timedelta(days=7),
                           first_moved.ends_at - timedelta(days=7), scope=scope)
    rows = services.bookings.occurrences(reception, local(2027, 4, 1), local(2027, 8, 1))
    assert sum(1 for r in rows if not r.cancelled) == 6


def test_tea_kitchen_is_booked_with_the_group_room_in_one_step(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    kitchen = room_of(services, reception, RoomKind.KITCHEN)
    # the kitchen is taken: nothing at all is booked (one transaction)
    services.bookings.create(reception, draft(kitchen.id, local(2027, 3, 9, 18), 1, title="Kochabend"))
    with pytest.raises(ConflictError, match="Kochabend"):
        services.bookings.create(reception, draft(group.id, local(2027, 3, 2, 17), with_kitchen=True,
                                                  rule=RuleSpec(Frequency.WEEKLY, count=3)))
    assert len(services.bookings.occurrences(reception, local(2027, 3, 1), local(2027, 4, 1))) == 1
    result = services.bookings.create(reception, draft(group.id, local(2027, 3, 2, 17), with_kitchen=True,
                                                       expected_participants=40))
    assert result.linked_booking_id is not None and result.over_capacity
    linked = services.bookings.booking(reception, result.linked_booking_id)
    assert linked.room_id == kitchen.id and linked.linked_booking_id == result.booking_id
    # moving the group room booking moves the kitchen too
    occurrence = services.bookings.series(reception, result.booking_id)[0]
    services.bookings.move(reception, occurrence.id, local(2027, 3, 2, 15), local(2027, 3, 2, 17))
    kitchen_occurrence = services.bookings.series(reception, linked.id)[0]
    assert kitchen_occurrence.starts_at == local(2027, 3, 2, 15)
    with pytest.raises(ValidationError, match="tea kitchen"):
        office = room_of(services, reception, RoomKind.OFFICE)
        services.bookings.create(reception, draft(office.id, local(2027, 3, 3, 9), with_kitchen=True))


def test_this_following_all_and_cancelled_stays_cancelled(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    result = services.bookings.create(reception, draft(group.id, local(2027, 1, 12, 17), kind=BookingKind.LANGUAGE_CAFE,
                                                       rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 3, 30))))
    series = services.bookings.series(reception, result.booking_id)
    assert len(series) == 12
    # cancel the 3rd date, move the 4th on its own
    services.bookings.cancel(reception, series[2].id, scope=EditScope.THIS, reason="Raum renoviert")
    services.bookings.move(reception, series[3].id, local(2027, 2, 2, 18), local(2027, 2, 2, 20))
    # the whole series moves to 16:00; the cancelled date stays cancelled, the moved one keeps its time
    booking = services.bookings.booking(reception, result.booking_id)
    services.bookings.edit(reception, series[0].id, draft(group.id, local(2027, 1, 12, 16), title="Sprachcafé (neu)",
                           kind=BookingKind.LANGUAGE_CAFE, rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 3, 30))),
                           scope=EditScope.ALL, expected_version=booking.version)
    after = services.bookings.series(reception, result.booking_id)
    assert len(after) == 12
    assert after[2].cancelled and after[2].starts_at == local(2027, 1, 26, 16)
    assert after[3].starts_at == local(2027, 2, 2, 18)
    assert {o.title for o in after} == {"Sprachcafé (neu)"}
    assert all(o.starts_at.astimezone(BERLIN).hour == 16 for i, o in enumerate(after) if i != 3)
    # this and following from the 6th date: a new series on Wednesdays; the first part ends
    booking = services.bookings.booking(reception, result.booking_id)
    saved = services.bookings.edit(reception, after[5].id, draft(group.id, local(2027, 2, 17, 16), title="Sprachcafé Mi",
                                   rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 3, 30))),
                                   scope=EditScope.FOLLOWING, expected_version=booking.version)
    head = services.bookings.series(reception, result.booking_id)
    tail = services.bookings.series(reception, saved.booking_id)
    assert len(head) == 5 and len(tail) == 6  # Wednesdays 17.02.-24.03. (31.03. is after the end)
    assert {o.starts_at.astimezone(BERLIN).weekday() for o in tail} == {2}
    # cancel a date of the tail, then edit the tail as a whole: it does not come back
    services.bookings.cancel(reception, tail[1].id)
    tail_booking = services.bookings.booking(reception, saved.booking_id)
    services.bookings.edit(reception, tail[0].id, draft(group.id, local(2027, 2, 17, 18), title="Sprachcafé Mi",
                           rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 3, 30))),
                           scope=EditScope.ALL, expected_version=tail_booking.version)
    tail = services.bookings.series(reception, saved.booking_id)
    assert [o.cancelled for o in tail] == [False, True, False, False, False, False]
    # an old version is refused (another workstation was faster)
    with pytest.raises(StaleError):
        services.bookings.edit(reception, tail[0].id, draft(group.id, local(2027, 2, 17, 19)),
                               expected_version=tail_booking.version)
    # cancel this and following: the rule ends, the dates are marked
    services.bookings.cancel(reception, tail[3].id, scope=EditScope.FOLLOWING)
    tail = services.bookings.series(reception, saved.booking_id)
    assert [o.cancelled for o in tail] == [False, True, False, True, True, True]
    assert "UNTIL=20270309" in services.bookings.booking(reception, saved.booking_id).rrule
    # restore the single date (undo)
    services.bookings.restore(reception, tail[1].id)
    assert not services.bookings.occurrence(reception, tail[1].id).cancelled
    assert services.bookings.count_overlaps(reception) == 0


def test_holidays_skip_or_flag(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    start = local(2027, 3, 22, 17)  # Mondays; 29.03.2027 is Ostermontag
    skipped = services.bookings.create(reception, draft(group.id, start, rule=RuleSpec(Frequency.WEEKLY, count=3)))
    assert len(services.bookings.series(reception, skipped.booking_id)) == 2
    flagged = services.bookings.create(reception, draft(group.id, start + timedelta(hours=3),
                                                        rule=RuleSpec(Frequency.WEEKLY, count=3),
                                                        holiday_policy=HolidayPolicy.FLAG))
    names = [o.holiday_name for o in services.bookings.series(reception, flagged.booking_id)]
    assert names == ["", "Ostermontag", ""]  # stored as always: the German name marks the date
    # the room's calendar file is German, as every file that leaves the application ("Art: ..."),
    # whatever language the window or desk-admin speaks
    from icalendar import Calendar

    calendar = Calendar.from_ical(services.bookings.export_ics(reception, start=start, end=start + timedelta(days=15),
                                                               room_id=group.id))
    holidays = [str(event["description"]).split("\n")[-1] for event in calendar.walk("VEVENT")
                if "Feiertag" in str(event["description"])]
    assert holidays == ["Feiertag: Ostermontag"]


def test_open_ended_series_is_materialised_to_the_horizon_and_extended(services, reception, clock) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    now = clock().astimezone(BERLIN).replace(hour=12, minute=0, second=0, microsecond=0)
    result = services.bookings.create(reception, draft(group.id, now + timedelta(days=1), 1,
                                                       rule=RuleSpec(Frequency.WEEKLY)))
    series = services.bookings.series(reception, result.booking_id)
    assert 70 <= len(series) <= 80  # about 18 months of weeks
    far = now + timedelta(days=900)
    seen = services.bookings.occurrences(reception, far, far + timedelta(days=8), [group.id])
    assert len(seen) == 1  # extended on demand
    assert any(h.action == "booking.extend" for h in services.bookings.history(reception, result.booking_id))


def test_showing_the_week_again_seconds_later_does_not_read_the_open_series_again(services, reception, clock,
                                                                                    monkeypatch) -> None:
    """The calendar asks whether open series reach far enough before each week it shows; that
    answer holds for a minute. It was compared with a horizon that follows the clock, so it never
    held, and every week shown (each live reload, each click) read every open series again."""
    from desk.storage.repositories.bookings import BookingRepository

    group = room_of(services, reception, RoomKind.GROUP)
    now = clock().astimezone(BERLIN).replace(hour=12, minute=0, second=0, microsecond=0)
    services.bookings.create(reception, draft(group.id, now + timedelta(days=1), 1, rule=RuleSpec(Frequency.WEEKLY)))
    reads = []
    original = BookingRepository.open_series
    monkeypatch.setattr(BookingRepository, "open_series", lambda self: reads.append(1) or original(self))
    week = now - timedelta(days=now.weekday())
    for _ in range(3):
        assert services.bookings.occurrences(reception, week, week + timedelta(days=7))
        clock.advance(timedelta(seconds=5))
    assert len(reads) == 1
    clock.advance(timedelta(minutes=1))  # a series saved at another PC meanwhile is looked for again
    services.bookings.occurrences(reception, week, week + timedelta(days=7))
    assert len(reads) == 2


def test_an_open_series_with_the_tea_kitchen_extended_leaves_a_taken_date_out_in_both_rooms(services, reception,
                                                                                              clock) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    kitchen = room_of(services, reception, RoomKind.KITCHEN)
    now = clock().astimezone(BERLIN).replace(hour=12, minute=0, second=0, microsecond=0)
    result = services.bookings.create(reception, draft(group.id, now + timedelta(days=1), 1, with_kitchen=True,
                                                       rule=RuleSpec(Frequency.WEEKLY),
                                                       holiday_policy=HolidayPolicy.FLAG))  # whatever day it falls on
    far = now + timedelta(days=1 + 7 * 101)  # beyond the 18 months materialised: booked by others meanwhile
    services.bookings.create(reception, draft(kitchen.id, far, 1, title="Kochabend"))
    seen = services.bookings.occurrences(reception, far - timedelta(days=1), far + timedelta(days=1))
    ours = {o.room_id: o.cancelled for o in seen if o.booking_id in (result.booking_id, result.linked_booking_id)}
    assert ours == {group.id: True, kitchen.id: True}  # the group room did not come without its kitchen
    assert services.bookings.count_overlaps(reception) == 0


def test_history_and_actual_participants(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    result = services.bookings.create(reception, draft(group.id, local(2027, 4, 6, 10)))
    occurrence = services.bookings.series(reception, result.booking_id)[0]
    services.bookings.set_actual_participants(reception, occurrence.id, 17)
    services.bookings.move(reception, occurrence.id, local(2027, 4, 6, 11), local(2027, 4, 6, 13))
    actions = [h.action for h in services.bookings.history(reception, result.booking_id)]
    assert actions == ["booking.edit", "booking.participants", "booking.create"]
    assert all(h.actor_name == reception.name for h in services.bookings.history(reception, result.booking_id))
    assert services.bookings.occurrence(reception, occurrence.id).actual_participants == 17
    with pytest.raises(ValidationError):
        services.bookings.set_actual_participants(reception, occurrence.id, -1)


@pytest.mark.parametrize("title", ["<img src=x onerror=alert(1)>", "مقهى اللغة", "Мовне кафе", "ቡና ቋንቋ", "  Café  "])
def test_titles_in_any_script_are_stored_exactly(services, reception, title: str) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    result = services.bookings.create(reception, draft(group.id, local(2027, 5, 4, 10), title=title))
    assert services.bookings.booking(reception, result.booking_id).title == title.strip()


@pytest.mark.parametrize(("start", "end", "fragment"), [
    (local(2027, 5, 4, 10), local(2027, 5, 4, 9), "before"),
    (local(2027, 5, 4, 10), local(2027, 5, 4, 10), "no length"),
    (local(1990, 5, 4, 10), local(1990, 5, 4, 11), "past"),
    (local(2090, 5, 4, 10), local(2090, 5, 4, 11), "future"),
])
def test_bad_times_are_refused(services, reception, start, end, fragment) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    with pytest.raises(ValidationError, match=fragment):
        services.bookings.create(reception, BookingDraft(group.id, "x", start, end))


def test_across_midnight_and_dst_night_is_stored_exactly(services, reception) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    start, end = local(2027, 3, 27, 22), local(2027, 3, 28, 4)  # the clocks go forward in between
    result = services.bookings.create(reception, BookingDraft(group.id, "Nachtcafé", start, end))
    occurrence = services.bookings.series(reception, result.booking_id)[0]
    assert (occurrence.starts_at, occurrence.ends_at) == (start, end)
    assert occurrence.ends_at - occurrence.starts_at == timedelta(hours=5)
    with pytest.raises(ValidationError, match="Title"):
        services.bookings.create(reception, BookingDraft(group.id, "x\x00y", start + timedelta(days=1),
                                                         end + timedelta(days=1)))
    with pytest.raises(ValidationError, match="title"):
        services.bookings.create(reception, BookingDraft(group.id, "   ", start + timedelta(days=1),
                                                         end + timedelta(days=1)))


def test_the_longest_booking_is_found_from_any_hour_it_covers(services, reception) -> None:
    """The list reads the starts_at index from `start - MAX_SPAN` on (issue 21): a booking of
    the longest length allowed is still found from its last minute."""
    group = room_of(services, reception, RoomKind.GROUP)
    start = local(2027, 5, 4, 9)
    services.bookings.create(reception, BookingDraft(group.id, "Ganztagsseminar", start, start + MAX_SPAN))
    for seen_from in (start, start + MAX_SPAN - timedelta(minutes=1)):
        titles = [o.title for o in services.bookings.occurrences(reception, seen_from, seen_from + timedelta(minutes=1))]
        assert titles == ["Ganztagsseminar"]
    assert services.bookings.occurrences(reception, start + MAX_SPAN, start + MAX_SPAN + timedelta(hours=1)) == []


def test_permissions(services) -> None:
    display = Actor(staff_id=None, name="Anzeige", role=Role.DISPLAY, workstation="test")
    with pytest.raises(PermissionDeniedError):
        services.bookings.occurrences(display, local(2027, 1, 1), local(2027, 1, 8))


def test_export_ics_on_the_command_line(sqlite_services, sqlite_db_url, reception, tmp_path, cli_login) -> None:
    cli_login(sqlite_services)
    from icalendar import Calendar

    from desk.cli import main

    group = room_of(sqlite_services, reception, RoomKind.GROUP)
    result = sqlite_services.bookings.create(reception, draft(group.id, local(2027, 1, 12, 17), title="<b>Sprachcafé</b>",
                                                              rule=RuleSpec(Frequency.WEEKLY, count=5)))
    sqlite_services.bookings.cancel(reception, sqlite_services.bookings.series(reception, result.booking_id)[1].id)
    target = tmp_path / "raum.ics"
    assert main(["export-ics", "--database-url", sqlite_db_url, "--room", "Gruppenraum", "--from", "2027-01-01",
                 "--to", "31.01.2027", "--output", str(target)]) == 0
    events = [c for c in Calendar.from_ical(target.read_bytes()).walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["<b>Sprachcafé</b>"] * 3
    assert [str(e["status"]) for e in events] == ["CONFIRMED", "CANCELLED", "CONFIRMED"]
    assert events[0].decoded("dtstart") == local(2027, 1, 12, 17)
    series = tmp_path / "serie.ics"
    assert main(["export-ics", "--database-url", sqlite_db_url, "--booking", str(result.booking_id),
                 "--output", str(series)]) == 0
    events = Calendar.from_ical(series.read_bytes()).walk("VEVENT")  # one recurring event, its cancelled date excluded
    assert len(events) == 1 and events[0]["rrule"]["COUNT"] == [5] and len(events[0]["exdate"].dts) == 1
    assert main(["export-ics", "--database-url", sqlite_db_url, "--room", "Keller", "--output", str(series)]) == 2


def test_a_series_exports_as_one_recurring_event_in_berlin_time_that_calendars_expand_to_the_booked_dates(
        services, reception) -> None:
    """The language café every Thursday 17-19 from before the change to summer time until June,
    public holidays skipped (Ascension, Corpus Christi; Maundy Thursday is none), one date cancelled,
    one moved to 18-20 on its own: a calendar program expanding the file (RRULE in Europe/Berlin,
    EXDATE, RECURRENCE-ID) gets exactly the dates desk has booked, 17-19 local on both sides of 28 March."""
    from dateutil.rrule import rrulestr
    from icalendar import Calendar

    group = room_of(services, reception, RoomKind.GROUP)
    result = services.bookings.create(reception, draft(group.id, local(2027, 3, 18, 17), organiser="Frau Yilmaz",
                                                       rule=RuleSpec(Frequency.WEEKLY, until=date(2027, 6, 3))))
    dates = services.bookings.series(reception, result.booking_id)
    services.bookings.cancel(reception, dates[3].id)
    services.bookings.move(reception, dates[5].id, dates[5].starts_at + timedelta(hours=1),
                           dates[5].ends_at + timedelta(hours=1))
    booked = [(o.starts_at, o.ends_at) for o in services.bookings.series(reception, result.booking_id) if not o.cancelled]
    assert len(booked) == 9  # 12 Thursdays, 2 holidays skipped, 1 cancelled

    calendar = Calendar.from_ical(services.bookings.export_ics(reception, start=booked[0][0], end=booked[-1][1],
                                                               booking_id=result.booking_id))
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Europe/Berlin"]
    master, *overrides = calendar.walk("VEVENT")
    assert master["dtstart"].params["TZID"] == "Europe/Berlin"
    assert master["rrule"]["UNTIL"][0].tzinfo is not None  # UTC, as RFC 5545 wants with a TZID start
    start = master.decoded("dtstart")
    length = master.decoded("dtend") - start
    excluded = {d.dt for d in master["exdate"].dts}
    moved = {o.decoded("recurrence-id"): (o.decoded("dtstart"), o.decoded("dtend")) for o in overrides}
    assert all(str(o["uid"]) == str(master["uid"]) for o in overrides)
    expanded = [moved.get(m, (m, m + length)) for m in rrulestr(master["rrule"].to_ical().decode(), dtstart=start)
                if m not in excluded]
    assert expanded == booked
    assert [(s.astimezone(BERLIN).hour, e.astimezone(BERLIN).hour) for s, e in expanded[:3]] == [(17, 19)] * 3
    assert sorted(d.astimezone(BERLIN).date() for d in excluded) == [date(2027, 4, 8), date(2027, 5, 6),
                                                                       date(2027, 5, 27)]


def test_the_room_export_starts_on_the_centres_today_not_the_machines(sqlite_services, sqlite_db_url, reception,
                                                                        tmp_path, cli_login, monkeypatch) -> None:
    """`export-ics --room` without --from starts on today in Berlin on the services' clock: at 00:30
    in Berlin (23:30 UTC the day before, the date of a server whose clock runs in UTC) the day that
    just ended is not exported (it was, from the machine's own date)."""
    cli_login(sqlite_services)
    from icalendar import Calendar

    import desk.services.desk
    from desk.cli import main
    from desk.services.clock import FixedClock

    group = room_of(sqlite_services, reception, RoomKind.GROUP)
    for day in (6, 7):
        sqlite_services.bookings.create(reception, draft(group.id, local(2027, 1, day, 10), title=f"{day}. Januar"))
    monkeypatch.setattr(desk.services.desk, "system_clock", FixedClock(datetime(2027, 1, 6, 23, 30, tzinfo=UTC)))
    target = tmp_path / "raum.ics"
    assert main(["export-ics", "--database-url", sqlite_db_url, "--room", "all", "--output", str(target)]) == 0
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["7. Januar"]


def test_a_clash_that_began_earlier_today_never_suggests_a_time_that_has_passed(services, reception, clock) -> None:
    group = room_of(services, reception, RoomKind.GROUP)
    now = clock()  # 10:00 in Berlin
    started = now - timedelta(hours=1)
    services.bookings.create(reception, draft(group.id, started, title="Sprachcafé"))  # 9:00-11:00, still running
    with pytest.raises(ConflictError) as caught:
        services.bookings.create(reception, draft(group.id, started + timedelta(minutes=30), title="Nachtrag"))
    # not 9:30 or 10:00 (passed or taken): the first free two hours from now on, when the café ends
    assert caught.value.params["suggested_start"] == now + timedelta(hours=1)
    clock.advance(timedelta(hours=3))  # 13:00: the room is free, but not before now
    with pytest.raises(ConflictError) as caught:
        services.bookings.create(reception, draft(group.id, started + timedelta(minutes=30), title="Nachtrag"),
                                 now=started)
    assert caught.value.params["suggested_start"] == now + timedelta(hours=1)


def test_a_booking_or_a_move_into_time_already_over_is_refused_and_changes_nothing(services, reception) -> None:
    """A slot chosen by hand that lies entirely in the past (the dialog lets one type it) is refused
    with a message in both languages; a booking that is still running is fine; a past date whose
    time stays can still be edited (participants, title)."""
    group = room_of(services, reception, RoomKind.GROUP)
    now = local(2027, 2, 3, 12)  # the clock passed in, as the services take it
    yesterday, tomorrow = local(2027, 2, 2, 17), local(2027, 2, 4, 17)
    with pytest.raises(ValidationError, match="already over") as caught:
        services.bookings.create(reception, draft(group.id, yesterday), now=now)
    assert caught.value.params == {"wanted": yesterday, "end": "19:00"}
    with pytest.raises(ValidationError, match="already over"):
        services.bookings.create(reception, draft(group.id, now - timedelta(hours=2), hours=2), now=now)  # ends now
    assert services.bookings.occurrences(reception, local(2027, 2, 1), local(2027, 2, 6)) == []
    services.bookings.create(reception, draft(group.id, now - timedelta(hours=1)), now=now)  # running: fine

    # a booking made beforehand (its clock), now over: moving it into the past is refused, nothing changes
    past_id = services.bookings.create(reception, draft(group.id, yesterday, title="Infoabend", expected_participants=10),
                                       now=yesterday - timedelta(days=1)).booking_id
    [past] = services.bookings.series(reception, past_id)
    for move in (lambda: services.bookings.move(reception, past.id, yesterday - timedelta(hours=3),
                                                yesterday - timedelta(hours=1), now=now),
                 lambda: services.bookings.edit(reception, past.id, draft(group.id, yesterday - timedelta(hours=3),
                                                                          title="Infoabend"), now=now)):
        with pytest.raises(ValidationError, match="already over"):
            move()
        [unchanged] = services.bookings.series(reception, past_id)
        assert (unchanged.starts_at, unchanged.ends_at) == (past.starts_at, past.ends_at)
    # the same past date, its time kept: editing still works, and so do the participants who came
    services.bookings.edit(reception, past.id, draft(group.id, yesterday, title="Infoabend Anerkennung",
                                                     expected_participants=12), now=now)
    services.bookings.set_actual_participants(reception, past.id, 9)
    [edited] = services.bookings.series(reception, past_id)
    assert (edited.title, edited.actual_participants, edited.starts_at) == ("Infoabend Anerkennung", 9, past.starts_at)
    # moved out of the past to a time to come: allowed
    services.bookings.move(reception, past.id, tomorrow, tomorrow + timedelta(hours=2), now=now)
    assert services.bookings.series(reception, past_id)[0].starts_at == tomorrow

