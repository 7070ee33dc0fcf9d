"""The audit rule (desk.domain.audit.scrub): who did what to which record and which fields
changed, never free text or names."""

from __future__ import annotations

from desk.domain.audit import scrub


def test_free_text_goes_and_its_field_is_named():
    assert scrub({"note": ["alt", "neu"], "time": ["a", "b"], "fields": ["note", "time"]}) == {
        "fields": ["note", "time"], "time": ["a", "b"]}
    assert scrub({"cancel_reason": "Klientin krank", "from": "booked"}) == {
        "fields": ["cancel_reason"], "from": "booked"}
    assert scrub({"title": "Familie X", "room_id": 3, "starts_at": "04.03.2030 18:00"}) == {
        "fields": ["title"], "room_id": 3, "starts_at": "04.03.2030 18:00"}


def test_nested_and_listed_text_goes_too():
    details = {"organiser": {"old": "Frau A", "new": "Herr B"}, "expected_participants": {"old": 3, "new": 5},
               "display_name": ["Olena", "Olena K."], "services": [1, 2]}
    assert scrub(details) == {"expected_participants": {"old": 3, "new": 5}, "services": [1, 2],
                              "fields": ["display_name", "organiser"]}


def test_numbers_flags_ids_and_empty_values_are_kept():
    details = {"wait_seconds": 5, "rehashed": True, "series_id": "a1b2", "reason": "", "linked_to": None}
    assert scrub(details) == details
    assert scrub(None) == {} and scrub({}) == {}


def test_any_unknown_key_with_text_is_dropped():
    """New code that passes text under a new key cannot leak it: only known system keys keep text."""
    assert scrub({"whatever": "Олена Коваленко"}) == {"fields": ["whatever"]}
