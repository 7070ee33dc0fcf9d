"""Every docs/FILE.md a program text or comment names exists, and a section it names
("docs/INSTALL.md: Restore for real") is a heading there: a message that sends the IT volunteer to
a page or section that is not there (as 'restore ... see docs/DATA-PROTECTION.md' did, which has no
restore steps) fails here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = re.compile(r"docs/([A-Za-z_-]+\.md)(?:: ([A-Z][^).\"\n]+))?")


def _references() -> list[tuple[str, str, str | None]]:
    found = []
    for path in sorted((ROOT / "desk").rglob("*.py")):
        for match in REFERENCE.finditer(path.read_text(encoding="utf-8")):
            found.append((str(path.relative_to(ROOT)), match.group(1), match.group(2)))
    return found


def test_the_program_names_docs_that_exist_with_their_sections():
    references = _references()
    assert any(section for _where, _doc, section in references)  # the pattern still finds sections
    wrong = []
    for where, doc, section in references:
        page = ROOT / "docs" / doc
        if not page.is_file():
            wrong.append(f"{where}: docs/{doc} does not exist")
            continue
        if section is not None:
            headings = {line.lstrip("#").strip() for line in page.read_text(encoding="utf-8").splitlines()
                        if line.startswith("#")}
            if section.strip() not in headings:
                wrong.append(f"{where}: docs/{doc} has no section '{section.strip()}'")
    assert wrong == []
