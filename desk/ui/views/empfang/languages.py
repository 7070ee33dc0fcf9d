"""Languages reception hears most at the centre (ISO 639 codes as stored), for the pickers."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from desk.ui.i18n import translate

LANGUAGES: tuple[tuple[str, str], ...] = (
    ("ar", QT_TRANSLATE_NOOP("languages", "Arabic")),
    ("fa", QT_TRANSLATE_NOOP("languages", "Farsi")),
    ("prs", QT_TRANSLATE_NOOP("languages", "Dari")),
    ("ps", QT_TRANSLATE_NOOP("languages", "Pashto")),
    ("uk", QT_TRANSLATE_NOOP("languages", "Ukrainian")),
    ("ru", QT_TRANSLATE_NOOP("languages", "Russian")),
    ("tr", QT_TRANSLATE_NOOP("languages", "Turkish")),
    ("ku", QT_TRANSLATE_NOOP("languages", "Kurdish")),
    ("ti", QT_TRANSLATE_NOOP("languages", "Tigrinya")),
    ("so", QT_TRANSLATE_NOOP("languages", "Somali")),
    ("sq", QT_TRANSLATE_NOOP("languages", "Albanian")),
    ("ro", QT_TRANSLATE_NOOP("languages", "Romanian")),
    ("en", QT_TRANSLATE_NOOP("languages", "English")),
    ("fr", QT_TRANSLATE_NOOP("languages", "French")),
    ("de", QT_TRANSLATE_NOOP("languages", "German")),
)

_NAMES = dict(LANGUAGES)


def language_name(code: str) -> str:
    """`ar` -> "Arabisch" (in the UI language); unknown codes are shown as typed."""
    if not code:
        return ""
    name = _NAMES.get(code)
    return translate("languages", name) if name else code


def fill_language_combo(combo, *, none_label: str, current: str = "") -> None:
    """Items: (none) + the list; an unknown stored code is kept as its own item."""
    combo.clear()
    combo.addItem(none_label, "")
    for code, _name in LANGUAGES:
        combo.addItem(f"{language_name(code)} ({code})", code)
    if current and current not in _NAMES:
        combo.addItem(current, current)
    index = combo.findData(current or "")
    combo.setCurrentIndex(max(0, index))
