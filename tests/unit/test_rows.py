"""desk.storage.rows: the fast builder makes exactly the record the dataclass would."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from desk.domain.model import BookingKind, BookingOccurrenceRow
from desk.storage.rows import row_builder


def test_a_built_row_equals_the_constructed_one_and_stays_frozen() -> None:
    now = datetime(2027, 1, 5, 9, tzinfo=UTC)
    values = (1, 2, 3, "Sprachcafé", BookingKind.LANGUAGE_CAFE, "", now, now, False, "", None, 4, True)
    built = row_builder(BookingOccurrenceRow)(values)
    assert built == BookingOccurrenceRow(*values)
    assert hash(built) == hash(BookingOccurrenceRow(*values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.title = "x"  # type: ignore[misc]
    with pytest.raises(ValueError):  # every field, in order: a field added later cannot be forgotten
        row_builder(BookingOccurrenceRow)(values[:-1])


def test_only_slotted_rows_without_post_init() -> None:
    @dataclasses.dataclass(frozen=True)
    class Plain:
        a: int

    with pytest.raises(TypeError):
        row_builder(Plain)
