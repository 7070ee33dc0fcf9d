"""Languages: German by default, English complete; switching takes effect without a restart.

Source strings in the code are English; `resources/translations/de/<unit>.ts` hold German
(see scripts/i18n.py).
Qt's own dialogs use Qt's `qtbase_<lang>.qm`. Dates are formatted explicitly (dd.MM.yyyy in
German, dd/MM/yyyy in English: DATE_FORMATS) because the German short format has two-digit years;
date fields use the same (widgets/dates.py:DateEdit).
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
BERLIN = ZoneInfo("Europe/Berlin")

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def translations_dir() -> Path:
    return Path(str(resources.files("desk.resources") / "translations"))


def install_language(language: str) -> str:
    """Install the translators for `language` (replacing the current ones); returns it."""
    global _current
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Qt's own dialogs first, then one file per UI unit (resources/translations/<lang>/*.qm)
    candidates = [(f"qtbase_{language}", qt_dir)]
    own = translations_dir() / language
    if own.is_dir():
        candidates += [(qm.stem, str(own)) for qm in sorted(own.glob("*.qm"))]
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English,
                               QLocale.Country.Germany if language == "de" else QLocale.Country.UnitedKingdom))
    _current = language
    return language


def current_language() -> str:
    return _current


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


DATE_FORMATS = {"de": ("%d.%m.%Y", "dd.MM.yyyy"), "en": ("%d/%m/%Y", "dd/MM/yyyy")}
"""How each language writes a day: (strftime, Qt display format). German 24.12.2026, English
24/12/2026 (as `domain/errors.py:param_text` writes them in the window); date fields the same."""


def fmt_date(value: date | None) -> str:
    if value is None:
        return ""
    return value.strftime(DATE_FORMATS[_current][0])


def qt_date_format() -> str:
    """The display format of a date field in the current language (widgets/dates.py:DateEdit)."""
    return DATE_FORMATS[_current][1]


def local(moment: datetime) -> datetime:
    return moment.astimezone(BERLIN)


def fmt_time(moment: datetime | None) -> str:
    return "" if moment is None else local(moment).strftime("%H:%M")


def fmt_datetime(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return f"{fmt_date(local(moment).date())} {fmt_time(moment)}"


def fmt_number(value: float, decimals: int = 0) -> str:
    return QLocale().toString(float(value), "f", decimals)
