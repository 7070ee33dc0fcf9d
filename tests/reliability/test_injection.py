"""6. Rich text and injection: names like `<b>X</b>`, `<img src=x>`, `'; DROP TABLE`, `%_` show
literally everywhere, and no SQL is built from strings.

- Every view of desk/ui/views/registry.py that exists is shown with such a client in the data
  (checked in, on the waiting list, with an appointment-free booking titled the same way); every
  QLabel showing client text must use Qt.PlainText, and every item model must hand plain strings.
- The privacy export (JSON) carries the name literally.
- desk/ never builds SQL from strings: every f-string that starts like SQL may only interpolate
  module constants (UPPER_CASE) or the few fixed schema names listed below; ruff S608 is on.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk.domain.model import Role, RoomKind
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.clock import FixedClock
from desk.services.context import Actor

ROOT = Path(__file__).resolve().parents[2]
GIVEN = "<b>X</b>"
FAMILY = "<img src=x>'; DROP TABLE clients; --%_"
MARKERS = ("<b>X</b>", "<img src=x>", "DROP TABLE")


def _available(spec) -> bool:
    try:
        importlib.import_module(spec.target.split(":")[0])
    except ModuleNotFoundError:
        return False
    return True


# the services and the UI run at this moment (one FixedClock): the check-in is on today's list and the
# booking an hour later in the week every view shows, whatever day (or late hour) the test runs at
FIXED_NOW = datetime(2027, 1, 6, 9, 0, tzinfo=UTC)  # Wednesday, 10:00 in Balingen


@pytest.fixture
def hostile_world(sqlite_services) -> Iterator[tuple]:
    from desk.ui.clock import set_clock

    clock = FixedClock(FIXED_NOW)
    sqlite_services.clock = clock
    me = Actor(staff_id=None, name="<b>Empfang</b>", role=Role.HEAD)
    services = sqlite_services
    client = services.clients.create(me, ClientInput(given_name=GIVEN, family_name=FAMILY, phone="0151 <b>",
                                                     reception_note="<i>note</i> ' OR 1=1 --"))
    service_id = services.reference.services(me)[0].id
    services.checkin.check_in(me, CheckInRequest(service_id=service_id, client_id=client.id,
                                                 priority="urgent", priority_reason="<b>dringend</b>"))
    room = next(r for r in services.reference.rooms(me) if r.bookable and r.kind is RoomKind.GROUP)
    start = FIXED_NOW + timedelta(hours=1)
    from desk.domain.bookings import BookingDraft

    services.bookings.create(me, BookingDraft(room.id, f"{GIVEN} {FAMILY}", start, start + timedelta(hours=1),
                                              organiser=GIVEN))
    previous = set_clock(clock)
    yield services, me, client
    set_clock(previous)


def _client_text(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def test_every_view_shows_client_text_literally(qtbot, hostile_world):
    from PySide6 import QtGui
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractItemView, QLabel

    from desk.ui.context import UiContext
    from desk.ui.events import AppEvents
    from desk.ui.main_window import MainWindow
    from desk.ui.settings import UiSettings
    from desk.ui.views.registry import VIEWS

    services, me, _ = hostile_world
    ctx = UiContext(services=services, actor=me, events=AppEvents(), settings=UiSettings())
    window = MainWindow(ctx, live_updates=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    rich_labels: list[str] = []
    rich_models: list[str] = []
    seen_client_text = 0
    for spec in [v for v in VIEWS if _available(v)]:
        window.show_view(spec.key)
        view = window.view(spec.key)
        qtbot.waitUntil(lambda: ctx.workers_running == 0, timeout=20000)  # workers delivered their rows
        for label in view.findChildren(QLabel):
            if _client_text(label.text()):
                seen_client_text += 1
                if label.textFormat() != Qt.TextFormat.PlainText:
                    rich_labels.append(f"{spec.key}: {type(label).__name__} {label.objectName()!r} {label.text()!r}")
        for item_view in view.findChildren(QAbstractItemView):
            model = item_view.model()
            if model is None:
                continue
            for row in range(min(model.rowCount(QModelIndex()), 200)):
                for column in range(model.columnCount(QModelIndex())):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(model.index(row, column), role)
                        if value is None or isinstance(value, (int, float)):
                            continue
                        if not isinstance(value, str):
                            rich_models.append(f"{spec.key}: {type(model).__name__} gives {type(value).__name__}")
                        elif _client_text(value):
                            seen_client_text += 1
                            if role == Qt.ItemDataRole.ToolTipRole and QtGui.Qt.mightBeRichText(value):
                                # Qt renders this tooltip as HTML: it is fine only if what a person
                                # then sees is the text itself (escaped), never markup taking effect
                                document = QtGui.QTextDocument()
                                document.setHtml(value)
                                shown = document.toPlainText()
                                if not (_client_text(shown) and "<" in shown and "&lt;" not in shown):
                                    rich_models.append(f"{spec.key}: tooltip renders {value!r} as rich text")
    problems = rich_labels + sorted(set(rich_models))
    assert problems == [], "\n".join(problems)
    assert seen_client_text > 0, "no view showed the hostile client at all: the test checked nothing"


def test_privacy_export_carries_the_name_literally(hostile_world):
    services, me, client = hostile_world
    exported = json.loads(services.privacy.export_client(me, client.id).as_json())
    assert GIVEN in json.dumps(exported, ensure_ascii=False)
    assert FAMILY in json.dumps(exported, ensure_ascii=False)


def test_search_treats_like_wildcards_and_quotes_literally(hostile_world):
    services, me, client = hostile_world
    services.clients.create(me, ClientInput(given_name="Anna", family_name="Normal"))
    for query in ("%", "_", "%_", "'", "'; DROP TABLE clients; --", "\\"):
        hits = services.clients.search(me, query)
        assert all(h.id == client.id for h in hits), (query, hits)
    assert services.clients.card(me, client.id).family_name == FAMILY  # the table is still there


# -- no SQL from strings --------------------------------------------------------------------------

SQL_START = ("SELECT", "INSERT", "UPDATE", "DELETE", "PRAGMA", "LISTEN", "NOTIFY", "CREATE", "DROP", "ALTER",
             "WITH", "VACUUM", "ATTACH")
SQL_SHAPE = re.compile(
    r"^\s*(SELECT\s.*\sFROM\s|SELECT\s+\w+\(|INSERT\s+INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s|PRAGMA\s|"
    r"LISTEN\s|NOTIFY\s|CREATE\s+(TABLE|INDEX|UNIQUE|TRIGGER|VIEW)\s|DROP\s+(TABLE|INDEX|TRIGGER|SCHEMA)\s|"
    r"ALTER\s+TABLE\s|WITH\s+\w+\s+AS\s|VACUUM|ATTACH\s)", re.DOTALL)
#: (file, interpolated name): fixed schema names or fixed pragma names, never user text.
KNOWN_FIXED = {
    ("desk/storage/maintenance.py", "pragma"),  # "quick_check" or "integrity_check"
    ("desk/storage/maintenance.py", "table"),  # loop over a literal tuple of table names
    ("desk/tools/bulk.py", "table"),  # count_rows: schema table names (callers pass TABLES)
    ("desk/tools/bulk.py", "name"),  # fix_sequences: names from TABLES
    ("desk/tools/benchsql.py", "order"),  # "DESC" or "ASC"
    ("desk/storage/roles.py", "table"),  # _row_security: the keys of KIOSK_ROWS
    # the report's one statement (issue 21): fragments built from constants, column and
    # bind-parameter names in ReportRepository.visit_figures (the values are bound parameters)
    *(("desk/storage/repositories/reports.py", name) for name in (
        "kind", "ranks", "per_service", "per_client", "b0", "e1", "period", "month", "greatest", "first_called",
        "arrived", "appointment_start", "finished", "started", "waits_key", "sessions_key", "latest_per_service",
        "latest_per_client", "cells_key", "months_key", "waits", "sessions",
        # and in visit_totals and the helpers both share (_durations_sql, _percentiles_sql)
        "c0", "flags", "wait", "session", "services",
        # the person a visit counts as among the distinct clients (_person_sql)
        "person", "centre")),
}


def _sql_fstrings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        if SQL_SHAPE.match(literal):
            yield node


def test_no_sql_is_built_from_strings():
    offending = []
    for path in sorted((ROOT / "desk").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if "/migrations/versions/" in rel:
            continue  # fixed DDL of the migrations
        for node in _sql_fstrings(path):
            for value in node.values:
                if not isinstance(value, ast.FormattedValue):
                    continue
                expr = value.value
                if isinstance(expr, ast.Name) and (expr.id.isupper() or (rel, expr.id) in KNOWN_FIXED):
                    continue
                offending.append(f"{rel}:{node.lineno}: {ast.unparse(expr)}")
        text = path.read_text(encoding="utf-8")
        if ".format(" in text:
            for number, line in enumerate(text.splitlines(), 1):
                if ".format(" in line and any(f'"{k} ' in line.upper() for k in SQL_START):
                    offending.append(f"{rel}:{number}: str.format SQL")
    assert offending == []


def test_the_sql_check_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('q = f"SELECT * FROM clients WHERE name = \'{name}\'"\nok = f"Created {when}"\n', encoding="utf-8")
    found = list(_sql_fstrings(bad))
    assert len(found) == 1 and found[0].lineno == 1


def test_ruff_s608_guards_sql_strings():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "S608" in config["tool"]["ruff"]["lint"]["select"]
