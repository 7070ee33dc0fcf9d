"""The kiosk's pure rules (desk.domain.kiosk): the limit on code attempts, the slip's code, the
check of a language the head adds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desk.domain.errors import ValidationError
from desk.domain.kiosk import (
    ATTEMPT_WINDOW,
    CODE_ALPHABET,
    MAX_FAILURES_ALL_KIOSKS,
    MAX_FAILURES_PER_KIOSK,
    TEXT_KEYS,
    new_code,
    normalise_code,
    validate_phrases,
    wait_seconds,
)

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def test_a_kiosk_waits_until_its_oldest_counted_failure_leaves_the_window():
    below = [NOW - timedelta(minutes=m) for m in range(MAX_FAILURES_PER_KIOSK - 1)]
    assert wait_seconds(below, len(below), NOW) == 0
    full = [NOW - timedelta(minutes=4), *(NOW - timedelta(minutes=m) for m in range(MAX_FAILURES_PER_KIOSK - 1))]
    assert wait_seconds(full, len(full), NOW) == int((ATTEMPT_WINDOW - timedelta(minutes=4)).total_seconds()) + 1
    assert 0 < wait_seconds(full, len(full), NOW + ATTEMPT_WINDOW - timedelta(minutes=4, seconds=1)) <= 2


def test_all_kiosks_together_are_limited_too():
    assert wait_seconds([], MAX_FAILURES_ALL_KIOSKS - 1, NOW) == 0
    assert wait_seconds([], MAX_FAILURES_ALL_KIOSKS, NOW) == int(ATTEMPT_WINDOW.total_seconds())


def test_codes_use_only_letters_nobody_confuses():
    assert not set("0O1IL2Z5S8BGQ") & set(CODE_ALPHABET)  # G is read as the 6 it resembles
    for _ in range(100):
        code = new_code()
        assert len(code) == 6 and set(code) <= set(CODE_ALPHABET)
        assert normalise_code(code.lower()) == code
    assert normalise_code("k7m a4t") == normalise_code("K7M-A4T") == "K7MA4T"


def test_a_head_added_language_needs_every_sentence_and_a_name():
    texts = {k: k for k in TEXT_KEYS}
    assert validate_phrases("ti", {"texts": texts})["direction"] == "ltr"  # the registry knows Tigrinya
    assert validate_phrases("ar", {"texts": texts})["direction"] == "rtl"
    assert validate_phrases("so", {"name": "Soomaali", "texts": texts, "services": {"mbe": "x"}})["services"] == {
        "MBE": "x"}
    for code, data, words in (("ln", {"texts": texts}, "name"),  # Lingala: not in the registry ("x!", {"texts": texts}, "language code"),
                              ("so", {"name": "S", "texts": {"start": "x"}}, "lacks"),
                              ("so", {"name": "S", "direction": "up", "texts": texts}, "ltr or rtl"),
                              ("so", {"name": "S", "texts": {**texts, "start": "x" * 301}}, "too long"),
                              ("so", [], "JSON object")):
        with pytest.raises(ValidationError, match=words):
            validate_phrases(code, data)
