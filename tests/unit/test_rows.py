"""The rows read by the hundred are named tuples: made from the database's values by `_make`,
equal to the ones made by keyword, immutable, and a missing value is refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desk.domain.model import AppointmentRow, BookingKind, BookingOccurrenceRow, VisitRow


def test_a_made_row_equals_the_constructed_one_and_stays_immutable() -> None:
    now = datetime(2027, 1, 5, 9, tzinfo=UTC)
    values = (1, 2, 3, "Sprachcafé", BookingKind.LANGUAGE_CAFE, "", now, now, False, "", None, 4, True)
    built = BookingOccurrenceRow._make(values)
    by_name = BookingOccurrenceRow(id=1, booking_id=2, room_id=3, title="Sprachcafé", kind=BookingKind.LANGUAGE_CAFE,
                                   organiser="", starts_at=now, ends_at=now, cancelled=False, holiday_name="",
                                   expected_participants=None, actual_participants=4, recurring=True)
    assert built == by_name and hash(built) == hash(by_name)
    assert built._replace(title="x").title == "x" and built.title == "Sprachcafé"
    with pytest.raises(AttributeError):
        built.title = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):  # every field, in order: a field added later cannot be forgotten
        BookingOccurrenceRow._make(values[:-1])


@pytest.mark.parametrize("record", [VisitRow, AppointmentRow, BookingOccurrenceRow])
def test_no_field_shadows_a_tuple_method(record: type) -> None:
    """A field called `count` or `index` would hide tuple's methods of that name."""
    assert not set(record._fields) & set(dir(tuple))
