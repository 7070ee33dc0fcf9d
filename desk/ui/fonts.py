"""Fonts for client names in every script the centre meets (Arabic, Persian, Ge'ez, Cyrillic).

Qt picks a fallback font per character by itself; what it cannot do is draw a script no installed
font covers (the name shows as boxes). `uncovered_scripts()` finds those, so the app can say
which fonts to install (see docs/ACCESSIBILITY.md) instead of silently showing boxes.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

# a typical name per script, as at the centre's desk
SAMPLES: dict[str, str] = {
    "Arabic": "محمد الحسن",
    "Persian": "گلناز عزیزی",
    "Ge'ez (Tigrinya)": "ብርሃነ ወልደሚካኤል",
    "Cyrillic": "Олена Коваленко",
    "Latin": "Jürgen Öztürk",
}


def _letters(text: str) -> list[int]:
    return [ord(ch) for ch in text if not ch.isspace()]


@lru_cache(maxsize=1)
def covering_fonts() -> dict[str, str]:
    """Script -> the first installed font family that has every letter of its sample ("" if none)."""
    families = QFontDatabase.families()
    result: dict[str, str] = {}
    for script, sample in SAMPLES.items():
        letters = _letters(sample)
        result[script] = ""
        for family in families:
            raw = QRawFont.fromFont(QFont(family))  # the font itself, without Qt's fallback
            if raw.isValid() and all(raw.supportsCharacter(code) for code in letters):
                result[script] = raw.familyName()
                break
    return result


def uncovered_scripts() -> list[str]:
    return [script for script, family in covering_fonts().items() if not family]
