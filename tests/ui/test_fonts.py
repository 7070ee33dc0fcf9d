"""Client names in Arabic, Persian, Tigrinya (Ge'ez) and Cyrillic render with real glyphs on
screen and in PDFs (Linux: fonts-noto-core, which CI installs; see docs/ACCESSIBILITY.md)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desk.ui.fonts import SAMPLES, covering_fonts, uncovered_scripts


def test_every_script_of_the_centre_has_a_font(qapp):
    assert uncovered_scripts() == [], (
        "no installed font covers these scripts; install fonts-noto-core (Linux) — "
        f"found: {covering_fonts()}")


@pytest.mark.skipif(shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
                    reason="poppler-utils (pdffonts, pdftotext) not installed")
def test_names_in_a_pdf_keep_their_letters(qapp, tmp_path):
    from desk.ui.views.termine.printing import html_document, save_pdf

    names = " · ".join(SAMPLES.values())
    path = save_pdf(tmp_path / "names.pdf", html_document(f"<p>{names}</p>"), "names")
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "yes" in fonts  # the fonts are embedded: the PDF prints the same on any PC
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for script in ("Ge'ez (Tigrinya)", "Cyrillic", "Latin"):  # left-to-right: extractable as typed
        assert SAMPLES[script] in text, (script, text)
    # Arabic script comes back in presentation forms; its letters must be there, not boxes
    assert sum(1 for ch in text if "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff") >= 10
