"""The multilingual call phrases of the display (resources/display_phrases.json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"  # Unicode directional isolates


@dataclass(frozen=True)
class Phrase:
    language: str
    name: str
    rtl: bool
    template: str

    def render(self, ticket: str, room: str) -> str:
        """Ticket and room are isolated runs, so "M-004" stays intact inside Arabic or Farsi."""
        return self.template.format(ticket=f"{LRI}{ticket}{PDI}", room=f"{FSI}{room}{PDI}")


@lru_cache(maxsize=1)
def _data() -> dict:
    text = (resources.files("desk.resources") / "display_phrases.json").read_text(encoding="utf-8")
    return json.loads(text)


def languages() -> list[str]:
    return [k for k in _data() if k not in ("aliases", "_comment")]


def phrase(language: str) -> Phrase | None:
    data = _data()
    code = (language or "").strip().lower()
    code = data["aliases"].get(code, code)
    if code not in data or code in ("aliases", "_comment"):
        code = code.split("-")[0]
        code = data["aliases"].get(code, code)
    entry = data.get(code)
    if not isinstance(entry, dict) or "text" not in entry:
        return None
    return Phrase(code, entry["name"], bool(entry["rtl"]), entry["text"])
