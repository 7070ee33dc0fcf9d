"""The public holidays of Baden-Württemberg, where the centre is: which days the centre is closed,
and each holiday's name in the reader's language.

The `holidays` library knows them with German names ("Ostermontag") and English ones ("Easter
Monday"; `Germany.supported_languages` has "de" and "en_US"). Its English is American; the window's
is British ("counselling", 24/12/2026), so the few names a British reader calls otherwise are
renamed (`BRITISH_NAMES`). A name is presentation text, so it is
asked for in the language of whoever reads it, when the sentence is written: the window's German
or English (switched while running), desk-admin's, the English of logs and `str(error)`. An error
carries the holiday as `errors.Holiday` (its day) for that reason. The closed-day rule
(`is_holiday`, `centre_works`) needs no name at all.

The database keeps one name: `booking_occurrences.holiday_name` marks a room booking's date that lies
on a holiday, with the German name it was booked with (`STORED_LANGUAGE`, what every version wrote).
It is shown by its day in the reader's language (`occurrence_holiday`), so stored rows stay as they are.

The library is imported when first asked (~0.1 s, 16 MB): start-up must not wait for it
(tests/ui/test_startup_imports.py). Tables are cached per (year, language). The first import and
each table are built under one lock, each table once: the callers are the GUI thread and the
workers, and the library's lazy loading is not thread-safe (services/reports.py).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import date, datetime

from desk.domain.tickets import BERLIN

#: The language of the holiday names the database keeps and the files that leave the application
#: (ICS) carry: German, as every version wrote them.
STORED_LANGUAGE = "de"
#: The program's languages as the library names them (the English it has is American: "Labor Day").
_LIBRARY_LANGUAGES = {"de": "de", "en": "en_US"}
#: The library's American names of Baden-Württemberg's holidays that British English words otherwise
#: (the others are the same on both sides: "Easter Monday", "Corpus Christi", "German Unity Day"...):
#: - "Labour Day": the British spelling of 1 May's English name (Tag der Arbeit, "Erster Mai").
#: - "Whit Monday": the British name of Pfingstmontag (Whitsun, Whit Sunday; the UK's bank holiday
#:   until 1971); "Pentecost Monday" is American and church usage.
#: - 26 December stays "Second Day of Christmas", the Zweiter Weihnachtstag's own name, not
#:   American either (the US has no holiday that day): "Boxing Day" is the British custom and the
#:   UK's bank holiday (moved to the Monday when it falls on a weekend, which Germany's is not),
#:   "St Stephen's Day" Ireland's and the church's name; neither is the German holiday's name.
BRITISH_NAMES = {"Labor Day": "Labour Day", "Pentecost Monday": "Whit Monday"}
#: The renaming per library language: the program's English is British.
_RENAMED = {"en_US": BRITISH_NAMES}
_BUILDING = threading.Lock()
_TABLES: dict[tuple[int, str], dict[date, str]] = {}


def _library_language(language: str) -> str:
    return _LIBRARY_LANGUAGES.get(language, _LIBRARY_LANGUAGES["en"])


def _renamed(name: str, renaming: Mapping[str, str]) -> str:
    # two holidays on one day come as one name, "Ascension Day; Labor Day" (1 May 2008)
    return "; ".join(renaming.get(part, part) for part in name.split("; "))


def _holidays_of(year: int, library_language: str) -> dict[date, str]:
    """The holidays of `year` named in `library_language`, built once (the same dict every time:
    not to be changed by the caller)."""
    key = (year, library_language)
    table = _TABLES.get(key)
    if table is not None:
        return table
    with _BUILDING:
        table = _TABLES.get(key)  # another thread may have built it while this one waited
        if table is None:
            # imported when first asked: the repositories of the reception view's first load
            # reach this module, and start-up must not wait for the holiday tables
            # (test_startup_imports); the class itself, not `country_holidays` (its registry loads
            # countries lazily)
            from holidays.countries.germany import Germany  # noqa: PLC0415

            renaming = _RENAMED.get(library_language, {})
            table = {day: _renamed(name, renaming)
                     for day, name in Germany(subdiv="BW", years=year, language=library_language).items()}
            _TABLES[key] = table
        return table


def forget_tables() -> None:
    """Drop the built tables (tests: the next question builds its table anew)."""
    with _BUILDING:
        _TABLES.clear()


def is_holiday(day: date) -> bool:
    """Whether `day` is a public holiday of Baden-Württemberg (the centre is closed)."""
    return day in _holidays_of(day.year, _library_language(STORED_LANGUAGE))


def holiday_name(day: date, language: str) -> str:
    """The name of the Baden-Württemberg public holiday on `day` in `language` ("de", "en"), or ''."""
    return _holidays_of(day.year, _library_language(language)).get(day, "")


def holidays_between(first: date, last: date, language: str) -> dict[date, str]:
    """The public holidays from `first` to `last` (both included), named in `language`."""
    result: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        names = _holidays_of(year, _library_language(language))
        result.update({d: n for d, n in names.items() if first <= d <= last})
    return result


def centre_works(day: date, known: Mapping[date, str] | None = None) -> bool:
    """A day the centre works: Monday to Friday and no public holiday of Baden-Württemberg (the
    one rule for the reminders' working days, the demo's, the room calendar's closed days).
    `known`: the holidays of the days in question already at hand (the room calendar's week)."""
    return day.weekday() < 5 and not (known.get(day) if known is not None else is_holiday(day))


def occurrence_holiday(stored: str, starts_at: datetime, language: str) -> str:
    """The holiday a room booking's date is marked with, named in `language`: `stored` is the
    German name the date was booked with ('' for none), `starts_at` its start; the name of the
    holiday on its day in the centre, else (a table that changed since) what was stored."""
    if not stored:
        return ""
    return holiday_name(starts_at.astimezone(BERLIN).date(), language) or stored
