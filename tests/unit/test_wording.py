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


def test_client_numbers_are_written_one_way_everywhere():
    """K-000042 (desk.domain.tickets.format_client_number), placeholders and docs included."""
    root = Path(__file__).resolve().parents[2]
    other = re.compile(r"\bK0\d{3,}|K-\d{1,5}\b(?!\d)")
    found = []
    for path in [*root.joinpath("desk").rglob("*.py"), *root.joinpath("docs").glob("*.md"), root / "README.md",
                 *TS.glob("*.ts")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if other.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert found == [], "\n".join(found)
