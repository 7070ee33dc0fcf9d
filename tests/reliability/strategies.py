"""Hostile text, dates and numbers for the hypothesis tests (what people paste into a desk)."""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# "ci": the same 200 examples every run (derandomize: seeded from each test's code), so a CI run's
# result never depends on the draw - an unlucky draw once failed CI for a bug two sessions old;
# "full" draws afresh each time to find new ones
settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True,
    derandomize=True,
)
settings.register_profile(
    "full", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
#: applied by the tests of this suite only (never loaded globally: other suites keep their settings)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")

ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B)) + "٠١٢٣٤٥٦٧٨٩"
FARSI = "پچژگکیۀ" + "\u200c"  # ZWNJ is part of Persian spelling
GEEZ = "".join(chr(c) for c in range(0x1200, 0x1260))
CYRILLIC = "".join(chr(c) for c in range(0x0410, 0x0450)) + "ЁёЇїЄєҐґ"
COMBINING = "".join(chr(c) for c in range(0x0300, 0x0370))
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
EMOJI = ["😀", "👩🏽‍⚕️", "🇩🇪", "🏳️‍🌈", "👨‍👩‍👧‍👦", "🤲🏿", "\U0001fae0"]
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f"
WHITESPACE = " \t\r\n\u00a0\u2003\u3000"
FRAGMENTS = [
    "<img src=x onerror=alert(1)>", "<b>", "</b>", "<b>X</b>", "'; DROP TABLE clients; --", "%_", "%", "_",
    "\\", "\"", "'", "`", "${x}", "{0}", "{name}", "=1+1", "@SUM(A1)", "Şükrü", "Nguyễn", "Øre", "ß", "İı",
    "محمد", "فاطمه‌زهرا", "\ud800", "a\udfffb", "ብርሃን", "Олена", "e\u0301", "\u1e9b\u0323", "Å", "Ａｂｃ",
]
ALPHABET = ARABIC + FARSI + GEEZ + CYRILLIC + COMBINING + BIDI + ZERO_WIDTH + CONTROL + WHITESPACE + "aZ09-,.'"

_piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(EMOJI),
    st.text(alphabet=ALPHABET, max_size=12),
    st.text(max_size=8),  # anything hypothesis can think of (all of Unicode but surrogates)
)
short_text = st.lists(_piece, max_size=8).map("".join)
long_text = st.tuples(st.sampled_from(FRAGMENTS + EMOJI + [ARABIC, GEEZ]), st.integers(9_990, 10_010)).map(
    lambda pair: (pair[0] * (pair[1] // max(len(pair[0]), 1) + 1))[: pair[1]])
hostile_text = st.one_of(short_text, short_text, short_text, long_text, st.just(""), st.just("\x00"))

# the moment the hostile-input services run at (their clock): "today" for the boundary dates and
# for the oracle alike, whatever day the tests run on (a wall clock read here and one read by the
# service could fall on both sides of midnight); 6 January 2027 is a public holiday in Baden-Württemberg
FIXED_NOW = datetime(2027, 1, 6, 9, 0, tzinfo=UTC)  # 10:00 in Balingen
FIXED_TODAY = date(2027, 1, 6)

boundary_dates = st.one_of(
    st.dates(),
    st.sampled_from([date.min, date.max, date(1900, 1, 1), date(1970, 1, 1), date(2000, 2, 29),
                     date(2038, 1, 19), FIXED_TODAY, FIXED_TODAY + timedelta(days=1),
                     FIXED_TODAY - timedelta(days=365 * 120 + 30)]),
)
boundary_numbers = st.one_of(
    st.integers(-3, 25), st.sampled_from([0, -1, 2**31 - 1, 2**31, -(2**31), 2**63 - 1, -(2**63), 2**64]),
    st.integers(),
)
boundary_datetimes = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)),
    st.sampled_from([datetime(2027, 3, 28, 1, 30, tzinfo=UTC), datetime(2027, 10, 31, 0, 30, tzinfo=UTC),
                     datetime(1970, 1, 1, tzinfo=UTC), datetime(2038, 1, 19, 3, 14, 8, tzinfo=UTC)]),
)

# issue 14: C0 (but tab and line breaks), DEL, C1 and the bidirectional embeddings/overrides/isolates;
# in one-line fields also line and paragraph separators and NEL
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ONE_LINE_RE = re.compile(r"[\r\n\t\u2028\u2029\x85]")
_BREAKS = re.compile(r"[\r\n\t]+")
_EDGE_WRAPPERS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u200b"


def normalised(value: str, *, multiline: bool = False) -> str:
    """The documented normalisation (desk/domain/text.py): NFC, line breaks to spaces in one-line
    fields, trimmed. Written out again here so the test does not trust the code it tests."""
    text = unicodedata.normalize("NFC", value)
    if not multiline:
        text = _BREAKS.sub(" ", text)
    # invisible wrappers around the whole text (a pasted WhatsApp number) are dropped, not refused
    while text != (trimmed := text.strip().strip(_EDGE_WRAPPERS)):
        text = trimmed
    return text


def acceptable(value: str, max_length: int, *, multiline: bool = False) -> bool:
    """Would a correct desk store this text? (no control characters, not overlong, encodable)"""
    text = normalised(value, multiline=multiline)
    refused = _CONTROL_RE.search(text) or (not multiline and _ONE_LINE_RE.search(text))
    return not refused and len(text) <= max_length and _encodable(text)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
