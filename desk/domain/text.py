"""Normalising what people type, and refusing what cannot be stored.

Names are stored exactly as typed after NFC normalisation and trimming (any script, right-to-left,
combining marks, zero-width joiners that Persian names need); trimming also drops invisible wrappers
pasted around the whole text (bidi embeddings and isolates, a byte-order mark, a zero-width space). Refused: NUL and other control
characters (they cannot be printed and break exports), lone surrogates (no encoding stores them),
and text over the field's length.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from desk.domain.errors import ValidationError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 (but tab and line breaks), DEL, C1
#: bidirectional embeddings, overrides and isolates: they reorder what follows them on screen and in
#: exports ("Trojan source"); the marks U+200E/U+200F and the joiners Persian needs stay allowed
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
#: in one-line fields: also line and paragraph separators and the line breaks left after pasting
_ONE_LINE = re.compile(r"[\r\n\t\u2028\u2029\x85]")
_LINEBREAKS = re.compile(r"[\r\n\t]+")
#: invisible wrappers pasted around a whole text (WhatsApp and Windows put bidi embeddings or isolates
#: around a copied phone number or name, some programs a byte-order mark or zero-width space in front):
#: at the edges they reorder nothing and are dropped; inside the text they are still refused
_EDGE_WRAPPERS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u200b"
#: lone UTF-16 surrogates (broken text pasted from elsewhere): no encoding can store them
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: what desk-admin never prints raw (shown as \\u escapes instead)
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _trim(text: str) -> str:
    """Whitespace and invisible wrappers off both ends, however they are interleaved."""
    while text != (trimmed := text.strip().strip(_EDGE_WRAPPERS)):
        text = trimmed
    return text


def clean_text(value: str | None, *, field: str, max_length: int, multiline: bool = False) -> str:
    """NFC + trim; refuse control characters and overlong text with a message naming the field."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError("{field}: expected text.", field=field)
    text = unicodedata.normalize("NFC", value)
    if not multiline:
        text = _LINEBREAKS.sub(" ", text)  # a pasted line break or tab becomes a space
    text = _trim(text)
    if _CONTROL.search(text) or _BIDI.search(text) or (not multiline and _ONE_LINE.search(text)):
        raise ValidationError("{field} contains invisible control characters. Please retype it.", field=field)
    if _SURROGATE.search(text):
        raise ValidationError("The text contains a broken character that cannot be saved. Please retype it.")
    if len(text) > max_length:
        raise ValidationError(
            "{field} is too long ({length} characters; at most {max} are allowed).",
            field=field,
            length=len(text),
            max=max_length,
        )
    return text


def printable(text: str) -> str:
    """`text` with control, separator and bidirectional-override characters shown as \\uXXXX
    (desk-admin's output: a name must not move or hide what the terminal shows after it)."""
    return UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def digits_of(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit() and ch.isascii())


def check_birth_date(value: date | None, today: date) -> date | None:
    if value is None:
        return None
    if value > today:
        raise ValidationError("The date of birth {value} lies in the future.", value=value)
    if value.year < today.year - 120:
        raise ValidationError("The date of birth {value} is more than 120 years ago.", value=value)
    return value
