"""The language pickers and names of every view (Empfang, Termine, Warteliste, Verwaltung), over
the one registry `desk.domain.languages`."""

from __future__ import annotations

from desk.domain import languages as registry
from desk.ui.i18n import current_language


def language_name(code: str) -> str:
    """`ar` -> "Arabisch" (in the UI language); unknown codes are shown as stored."""
    return registry.language_name(code, current_language())


def fill_language_combo(combo, *, none_label: str, current: str = "") -> None:
    """Items: (none) + the registry in its order; an unknown stored code is kept as its own item."""
    combo.clear()
    combo.addItem(none_label, "")
    for entry in registry.LANGUAGES:
        combo.addItem(f"{entry.name(current_language())} ({entry.code})", entry.code)
    if current and current not in registry.BY_CODE:
        combo.addItem(current, current)
    index = combo.findData(current or "")
    combo.setCurrentIndex(max(0, index))
