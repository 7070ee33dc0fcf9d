"""The Qt side of PDFs that desk-admin writes: `desk-admin _render-pdf KIND --output FILE` runs this
in a child process (desk/services/programs.py) and hands the data as JSON on standard input.

    report          the statistics report (desk/ui/views/statistik/pdf.py)
    client-export   the readable listing of an access request (services/privacy.export_document)

Every PDF of desk is drawn by Qt: its text shaping (Arabic, Persian), bidirectional layout and
font fallback (Ge'ez through the system's Noto fonts) are the same as on screen.
"""

from __future__ import annotations

import json
import os
import sys
from html import escape
from pathlib import Path


def client_export_html(document: dict) -> str:
    """Title, introduction, then per section a heading and one block of lines per row."""
    parts = [f"<h2>{escape(document['title'])}</h2>", f"<p style='font-size:9pt'>{escape(document['intro'])}</p>"]
    for section in document["sections"]:
        parts.append(f"<h3>{escape(section['heading'])}</h3>")
        if not section["rows"]:
            parts.append("<p style='font-size:9pt'>(none)</p>")
        for row in section["rows"]:
            lines = "<br>".join(escape(line) for line in row)
            parts.append(f"<p style='font-size:9pt; margin-bottom:6px'>{lines}</p>")
    return "<html><body style='font-family:\"DejaVu Sans\"'>" + "".join(parts) + "</body></html>"


def main(kind: str, output: str, language: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    data = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    if kind == "report":
        from desk.domain.reports import report_from_dict
        from desk.ui.views.statistik.pdf import render_pdf

        render_pdf(report_from_dict(data), output, language)
    else:
        from desk.ui.views.statistik.pdf import _load_fonts
        from desk.ui.views.termine.printing import html_document, save_pdf

        _load_fonts()
        save_pdf(Path(output), html_document(client_export_html(data)), data["title"])
    del app
    return 0
