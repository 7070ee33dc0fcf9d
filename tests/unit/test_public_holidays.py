"""Public holidays of Baden-Württemberg named in the reader's language: the English window, desk-admin
in English and the logs said "Ostermontag" inside English sentences (the holiday table was asked in
German only). 6 April 2026 is Easter Monday."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, date, datetime

import pytest

from desk.domain import public_holidays
from desk.domain.errors import ConflictError, Holiday, param_text
from desk.domain.public_holidays import (
    BRITISH_NAMES,
    STORED_LANGUAGE,
    centre_works,
    holiday_name,
    holidays_between,
    is_holiday,
    occurrence_holiday,
)

EASTER_MONDAY = date(2026, 4, 6)


def german(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def test_a_holiday_has_its_name_in_each_language_of_the_program() -> None:
    assert holiday_name(EASTER_MONDAY, "de") == "Ostermontag"
    assert holiday_name(EASTER_MONDAY, "en") == "Easter Monday"
    assert holiday_name(date(2026, 5, 1), "de") == "Erster Mai"
    assert holiday_name(date(2026, 4, 7), "de") == holiday_name(date(2026, 4, 7), "en") == ""
    # a language the library has no names in (a kiosk language): English rather than nothing
    assert holiday_name(EASTER_MONDAY, "ar") == "Easter Monday"
    week = (date(2026, 4, 6), date(2026, 4, 12))
    assert holidays_between(*week, "de") == {EASTER_MONDAY: "Ostermontag"}
    assert holidays_between(*week, "en") == {EASTER_MONDAY: "Easter Monday"}
    # across a new year: each year's table, in the language asked for
    assert holidays_between(date(2026, 12, 24), date(2027, 1, 6), "en") == {
        date(2026, 12, 25): "Christmas Day", date(2026, 12, 26): "Second Day of Christmas",
        date(2027, 1, 1): "New Year's Day", date(2027, 1, 6): "Epiphany"}


def test_the_english_names_are_british_as_the_rest_of_the_english_window() -> None:
    """The library's English is American ("Labor Day"); the window says "counselling" and
    24/12/2026. 26 December keeps its own name (see BRITISH_NAMES)."""
    assert holiday_name(date(2026, 5, 1), "en") == "Labour Day"
    assert holiday_name(date(2026, 5, 25), "en") == "Whit Monday"
    assert holiday_name(date(2026, 5, 25), "de") == "Pfingstmontag"  # the German names as they were
    assert holiday_name(date(2026, 12, 26), "en") == "Second Day of Christmas"
    assert holidays_between(date(2026, 5, 1), date(2026, 5, 31), "en") == {
        date(2026, 5, 1): "Labour Day", date(2026, 5, 14): "Ascension Day", date(2026, 5, 25): "Whit Monday"}
    # two holidays on one day: each part named the British way
    assert holiday_name(date(2008, 5, 1), "en") == "Ascension Day; Labour Day"
    assert holiday_name(date(2008, 5, 1), "de") == "Christi Himmelfahrt; Erster Mai"
    # the renaming keeps up with the library: no American name left in any year a booking may have
    english = {name for year in range(1990, 2061) for name in holidays_between(
        date(year, 1, 1), date(year, 12, 31), "en").values()}
    assert not {name for name in english for american in BRITISH_NAMES if american in name}
    assert {"Labour Day", "Whit Monday"} <= english


def test_the_closed_days_need_no_name() -> None:
    assert is_holiday(EASTER_MONDAY) and not is_holiday(date(2026, 4, 7))
    assert is_holiday(date(2026, 6, 4))  # Fronleichnam: Baden-Württemberg, not every state
    assert not centre_works(EASTER_MONDAY) and centre_works(date(2026, 4, 7))


def test_a_stored_date_is_named_by_its_day_in_the_reader_s_language() -> None:
    """booking_occurrences.holiday_name keeps the German name a date was booked with; the reader
    sees the holiday on the date's day in the centre in their language, and what was stored when
    the table names none on that day (a library that changed since)."""
    assert STORED_LANGUAGE == "de"
    evening = datetime(2026, 4, 6, 15, 0, tzinfo=UTC)  # 17:00 in Balingen
    assert occurrence_holiday("Ostermontag", evening, "en") == "Easter Monday"
    assert occurrence_holiday("Ostermontag", evening, "de") == "Ostermontag"
    assert occurrence_holiday("", evening, "en") == ""  # not marked: nothing, even on the holiday
    # the day is the centre's: 23:30 UTC on 5 April is 01:30 on Easter Monday in Balingen
    assert occurrence_holiday("Ostermontag", datetime(2026, 4, 5, 23, 30, tzinfo=UTC), "en") == "Easter Monday"
    assert occurrence_holiday("Buß- und Bettag", datetime(2026, 11, 18, 17, 0, tzinfo=UTC), "en") == "Buß- und Bettag"


def test_an_error_carries_the_holiday_as_its_day_and_each_reader_names_it() -> None:
    error = ConflictError("{date} is a public holiday ({holiday}): the centre is closed.",
                          date=EASTER_MONDAY, holiday=Holiday(EASTER_MONDAY))
    assert str(error) == "2026-04-06 is a public holiday (Easter Monday): the centre is closed."  # the logs
    assert error.params["holiday"] == Holiday(EASTER_MONDAY)  # the value stays for the window to name
    assert param_text(Holiday(EASTER_MONDAY), german, "de") == "Ostermontag"
    assert param_text(Holiday(EASTER_MONDAY), german, "en") == "Easter Monday"
    assert param_text((Holiday(EASTER_MONDAY), Holiday(date(2026, 5, 14))), german, "de") == (
        "Ostermontag, Christi Himmelfahrt")
    # no holiday on that day (the table changed): the day itself rather than an empty "()"
    assert param_text(Holiday(date(2026, 4, 7)), german, "de") == "07.04.2026"


def test_the_tables_are_built_once_per_year_and_language_also_from_many_threads_at_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's thread and the workers ask at the same time (the first table built imports
    the library): every thread gets the whole table, and each table is built once. Other threads
    (a worker left over from an earlier test) may ask for other years meanwhile: only the tables
    of 2026 are counted."""
    import holidays.countries.germany as library  # noqa: PLC0415 - the class the tables are built with

    built: Counter[tuple[int, str]] = Counter()
    germany = library.Germany

    def counting_germany(*, years: int, language: str, **kwargs: object) -> object:
        built[(years, language)] += 1
        time.sleep(0.05)  # a table takes a moment: the other threads ask meanwhile
        return germany(years=years, language=language, **kwargs)

    monkeypatch.setattr(library, "Germany", counting_germany)
    public_holidays.forget_tables()
    start = threading.Barrier(8)
    found: list[str] = []

    def ask(language: str) -> None:
        start.wait()
        found.append(holiday_name(EASTER_MONDAY, language))

    threads = [threading.Thread(target=ask, args=("de" if i % 2 else "en",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(found) == ["Easter Monday"] * 4 + ["Ostermontag"] * 4
    assert built[(2026, "de")] == built[(2026, "en_US")] == 1
    # and asked again: from the table, not built anew
    assert holiday_name(EASTER_MONDAY, "de") == "Ostermontag"
    assert built[(2026, "de")] == 1
