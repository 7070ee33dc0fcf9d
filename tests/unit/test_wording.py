"""One word for one thing across every view (German): the need for an interpreter is
"Dolmetschung", its language "Sprache der Dolmetschung"; the person is "Dolmetscher*in"."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "de"
OTHER_WORDS = re.compile(r"Dolmetschen\b|Dolmetsch-|Dolm\.|Dolmetscher(?!\*)")


def test_interpreting_has_one_german_word_in_every_view():
    found = []
    for ts in sorted(TS.glob("*.ts")):
        for message in ET.parse(ts).iter("message"):
            text = message.findtext("translation") or ""
            if OTHER_WORDS.search(text.replace("&", "")):
                found.append(f"{ts.name}: {message.findtext('source')!r} -> {text!r}")
    assert found == [], "\n".join(found)
