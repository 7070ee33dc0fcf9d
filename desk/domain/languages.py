"""The languages desk knows — the one registry for every picker, label and text per language.

A language is stored on the card and the visit as its ISO 639 code (`ar`, `prs` for Dari). Each
entry has its name in its own script (what a client recognises: the kiosk, the language lists a
client sees), its German and English names (what staff read in the UI and the exports), and
whether it is written right to left.

`WRITTEN` are the languages desk writes *to* clients — reminder texts, the second half of an
appointment slip, the kiosk — in the order a client is offered them; the rest are languages
reception hears and books interpreters for. Adding a language is one line here (plus, for a
written one, its texts in resources/reminders/templates.json and resources/slips/).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639 code as stored
    native: str  # its own name in its own script
    name_de: str
    name_en: str
    rtl: bool = False
    babel: str = ""  # Babel locale for dates and times when it is not the code itself

    def name(self, ui_language: str) -> str:
        """German or English name, for staff (`ui_language` is "de" or "en")."""
        return self.name_en if ui_language == "en" else self.name_de

    @property
    def written(self) -> bool:
        return self.code in WRITTEN

    @property
    def locale(self) -> str:
        return self.babel or self.code


#: In the order reception hears them most (the pickers' order).
LANGUAGES: tuple[Language, ...] = (
    Language("ar", "العربية", "Arabisch", "Arabic", rtl=True),
    Language("fa", "فارسی", "Farsi", "Farsi", rtl=True),
    Language("prs", "دری", "Dari", "Dari", rtl=True, babel="fa_AF"),  # Persian as written in Afghanistan
    Language("ps", "پښتو", "Paschtu", "Pashto", rtl=True),
    Language("uk", "Українська", "Ukrainisch", "Ukrainian"),
    Language("ru", "Русский", "Russisch", "Russian"),
    Language("tr", "Türkçe", "Türkisch", "Turkish"),
    Language("ku", "Kurdî", "Kurdisch", "Kurdish"),
    Language("ckb", "کوردی", "Kurdisch (Sorani)", "Kurdish (Sorani)", rtl=True),  # Iraq and Iran, Arabic script
    Language("ti", "ትግርኛ", "Tigrinya", "Tigrinya"),
    Language("so", "Soomaali", "Somali", "Somali"),
    Language("sq", "Shqip", "Albanisch", "Albanian"),
    Language("ro", "Română", "Rumänisch", "Romanian"),
    Language("en", "English", "Englisch", "English"),
    Language("fr", "Français", "Französisch", "French"),
    # further languages the centre's clients come with (Georgia, Pakistan, Latin America, the EU's
    # east and the Western Balkans): reception notes an interpreter for them like for any other
    Language("ka", "ქართული", "Georgisch", "Georgian"),
    Language("ur", "اردو", "Urdu", "Urdu", rtl=True),
    Language("es", "Español", "Spanisch", "Spanish"),
    Language("pl", "Polski", "Polnisch", "Polish"),
    Language("bg", "Български", "Bulgarisch", "Bulgarian"),
    Language("sr", "Српски", "Serbisch", "Serbian"),
    Language("hr", "Hrvatski", "Kroatisch", "Croatian"),
    Language("am", "አማርኛ", "Amharisch", "Amharic"),  # Ethiopia; many Eritreans speak it too
    Language("de", "Deutsch", "Deutsch", "German"),
)

#: The languages desk writes to clients (reminders, slips, kiosk), in the order they are offered.
WRITTEN: tuple[str, ...] = ("de", "en", "ar", "prs", "fa", "uk", "ru", "tr", "fr", "ti")

#: The language a client text falls back to when none is known or written.
FALLBACK = "de"

BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}


def language(code: str) -> Language | None:
    """The registry entry for a stored code (case and surrounding spaces ignored); None if unknown."""
    return BY_CODE.get((code or "").strip().lower())


def written_languages() -> tuple[Language, ...]:
    """The languages desk writes to clients, in the order a client is offered them."""
    return tuple(BY_CODE[code] for code in WRITTEN)


def language_name(code: str, ui_language: str) -> str:
    """`ar` -> "Arabisch"/"Arabic"; an unknown code is shown as stored, no code as ""."""
    entry = language(code)
    return entry.name(ui_language) if entry else (code or "")


def is_rtl(code: str) -> bool:
    entry = language(code)
    return bool(entry and entry.rtl)
