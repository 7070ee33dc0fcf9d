"""The language registry (desk.domain.languages) is the one list: every written language has its
texts, directions agree with the shipped texts, and every view reads the registry."""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

from desk.domain import languages
from desk.domain.reminders import default_templates

ROOT = Path(__file__).resolve().parents[2]


def _json(*parts: str) -> dict:
    return json.loads((resources.files("desk.resources").joinpath(*parts)).read_text(encoding="utf-8"))


def test_every_entry_is_complete_and_unique():
    codes = [entry.code for entry in languages.LANGUAGES]
    assert len(codes) == len(set(codes))
    for entry in languages.LANGUAGES:
        assert re.fullmatch(r"[a-z]{2,3}", entry.code)
        assert entry.native and entry.name_de and entry.name_en
        assert entry.name("de") == entry.name_de and entry.name("en") == entry.name_en
    assert set(languages.WRITTEN) <= set(codes)
    assert languages.FALLBACK in languages.WRITTEN


def test_native_names_are_in_their_own_script():
    rtl_scripts = ("ARABIC", "HEBREW")
    for entry in languages.LANGUAGES:
        letters = [unicodedata.name(c) for c in entry.native if c.isalpha()]
        assert letters
        assert entry.rtl == all(name.startswith(rtl_scripts) for name in letters), entry.code


def test_kiosk_order_in_own_script():
    assert [entry.native for entry in languages.written_languages()] == [
        "Deutsch", "English", "العربية", "دری", "فارسی", "Українська", "Русский", "Türkçe", "Français", "ትግርኛ"]


def test_written_languages_have_reminder_texts_and_slips_in_the_right_direction():
    assert set(default_templates()) == set(languages.WRITTEN)
    slips = {k: v for k, v in _json("slips", "appointment_slip.json").items() if not k.startswith("_")}
    assert set(slips) == set(languages.WRITTEN)
    for code, phrases in slips.items():
        assert (phrases["dir"] == "rtl") == languages.is_rtl(code), code
    display = _json("display_phrases.json")
    for code in languages.WRITTEN:
        entry = display.get(display["aliases"].get(code, code))
        assert entry is not None and bool(entry["rtl"]) == languages.is_rtl(code), code


def test_names_and_unknown_codes():
    assert languages.language_name("ar", "de") == "Arabisch"
    assert languages.language_name("AR", "en") == "Arabic"
    assert languages.language_name("xx", "de") == "xx"
    assert languages.language_name("", "de") == ""
    assert languages.language("prs").locale == "fa_AF"


def test_no_second_language_list_in_the_code():
    """Lists of language codes live only in the registry (a second list drifts)."""
    pattern = re.compile(r'\(\s*"(?:ar|de)",\s*"(?:fa|en|prs)",\s*"')
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "desk").rglob("*.py")
                 if p.name != "languages.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_language_the_demo_centre_speaks_has_a_name():
    """The report's language tables said "hr" and "am" (the demo's Croatian and Amharic
    speakers): a language reaching the desk is named in German and English, not as a code."""
    from desk.tools.names import ORIGINS

    spoken = {code for origin in ORIGINS for code in origin.languages}
    assert sorted(code for code in spoken if languages.language(code) is None) == []
