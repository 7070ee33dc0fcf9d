"""The kiosk's languages: the built-in sentences (resources/kiosk/phrases.json, the languages of
desk.domain.languages.WRITTEN in that order) merged with those the head added in the database
(KioskService.languages) - a language can be added without code. One place for the list."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from desk.domain.kiosk import validate_phrases
from desk.domain.languages import WRITTEN


@dataclass(frozen=True)
class KioskLanguage:
    code: str
    name: str  # in its own script
    rtl: bool
    texts: dict[str, str] = field(hash=False, compare=False)
    services: dict[str, str] = field(hash=False, compare=False)

    def text(self, key: str, **values: object) -> str:
        template = self.texts.get(key, "")
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template

    def service_sentence(self, code: str, fallback: str) -> str:
        return self.services.get(code.upper(), "") or fallback


@cache
def builtin_phrases() -> dict[str, dict]:
    path = resources.files("desk.resources") / "kiosk" / "phrases.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code: validate_phrases(code, value) for code, value in data.items() if not code.startswith("_")}


def kiosk_languages(added: dict[str, dict] | None = None) -> list[KioskLanguage]:
    """Built-in languages in the registry's order, then the head's; a head's entry for a built-in
    code replaces its sentences (services it does not name keep the built-in sentence)."""
    merged: dict[str, dict] = {}
    for code, data in builtin_phrases().items():
        merged[code] = data
    for code, data in (added or {}).items():
        base = merged.get(code)
        if base is not None:
            data = {**data, "services": {**base["services"], **data["services"]}}
        merged[code] = data
    order = [c for c in WRITTEN if c in merged] + sorted(c for c in merged if c not in WRITTEN)
    return [KioskLanguage(code, merged[code]["name"], merged[code]["direction"] == "rtl",
                          merged[code]["texts"], merged[code]["services"]) for code in order]
