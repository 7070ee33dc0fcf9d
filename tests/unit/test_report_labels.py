"""The report's presentation text lives in desk.services.report_tables (not in the domain), and
every label a table uses has its German text: a German report never falls back to English."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import desk.services.report_tables as report_tables
from desk.domain.reports import (
    BOOKING_KINDS,
    AppointmentFigures,
    Comparison,
    KindFigures,
    Period,
    Report,
    RoomFigures,
    ServiceFigures,
)

ROOT = Path(__file__).resolve().parents[2]


class _Recording(dict):
    def __init__(self, data: dict[str, str]) -> None:
        super().__init__(data)
        self.missing: set[str] = set()

    def get(self, key, default=None):
        if key not in self:
            self.missing.add(key)
        return super().get(key, default)


def _report(previous: Comparison | None = None) -> Report:
    figures = ServiceFigures(1, "IM", "Integrationsmanagement", "integration management", visits=12,
                             visits_by_place={"balingen": 10, "other": 2}, clients_by_language={"ar": 4},
                             interpreter_by_language={"fa": 2}, appointments=AppointmentFigures(done=3))
    total = ServiceFigures(None, "", "Gesamt", "Total", visits=12)
    rooms = RoomFigures(by_kind=tuple(KindFigures(kind) for kind in BOOKING_KINDS), hours_by_room={"Gruppenraum": 4.0},
                        group_room_hours=4.0, group_room_opening_hours=40.0)
    return Report(Period.quarter(2026, 2), "Beratungszentrum", datetime(2026, 7, 1, 9, tzinfo=UTC), 5,
                  (figures,), total, rooms, previous)


def test_every_label_of_every_table_has_its_german_text(monkeypatch) -> None:
    recording = _Recording(report_tables.LABELS_DE)
    monkeypatch.setattr(report_tables, "LABELS_DE", recording)
    tables = report_tables.build_tables(_report(previous=Comparison(Period.quarter(2026, 1), _report().total)), "de")
    assert {t.key for t in tables} >= {"overview", "places_visits", "status_groups", "languages", "rooms"}
    assert recording.missing == set()
    assert tables[0].title == "Überblick" and tables[0].headers[-2] == "Gesamt, Vorzeitraum"


def test_dates_and_numbers_as_each_language_writes_them() -> None:
    period = Period(date(2026, 3, 1), date(2026, 3, 31))
    assert report_tables.period_text(period, "de") == "01.03.2026 \u2013 31.03.2026"
    assert report_tables.period_text(period, "en") == "01/03/2026 \u2013 31/03/2026"
    assert report_tables.format_cell(12.5, "de") == "12,5" and report_tables.format_cell(12.5, "en") == "12.5"
    assert report_tables.labeller("en")("status:other") == "other immigrants"


def test_the_domain_holds_no_german_labels() -> None:
    """desk/domain/reports.py: records, arithmetic, the table's shape and suppression; no label
    dictionaries or date formats (they are report rendering)."""
    tree = ast.parse((ROOT / "desk" / "domain" / "reports.py").read_text(encoding="utf-8"))
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    assert not names & {"LABELS_DE", "LABELS_EN_OVERRIDES", "labeller", "fmt_day", "period_text", "format_cell",
                        "strftime"}
    assert "strftime" not in (ROOT / "desk" / "domain" / "reports.py").read_text(encoding="utf-8")
