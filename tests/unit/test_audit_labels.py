"""Every action the code records, and every detail key it writes, reads as words in the audit
log (and is offered in its filter). Found by reading the source, so a new action fails here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from desk.domain.waitlist import TRANSITIONS
from desk.services.auditlog import KNOWN_ACTIONS

ROOT = Path(__file__).resolve().parents[2] / "desk"
PREFIXES = ("absence", "account", "alarm", "appointment", "backup", "booking", "client", "interpreter", "login",
            "reminder", "report", "retention", "room", "service", "session", "setting", "visit", "working_hours")
ACTION = re.compile(r"^(" + "|".join(PREFIXES) + r")\.[a-z_]+$")
NOT_ACTIONS = {"report.csv", "backup.sqlite",  # file names
               "backup.folder"}  # a setting of services/config.py


def _labels(name: str) -> set[str]:
    tree = ast.parse((ROOT / "ui" / "views" / "verwaltung" / "models.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == name:
            return {k.value for k in node.value.keys}  # type: ignore[union-attr]
    raise AssertionError(name)


def _recorded_actions() -> set[str]:
    found = {f"visit.{name}" for name in TRANSITIONS if name != "close_day"} | {"visit.call"}
    for path in list((ROOT / "services").rglob("*.py")) + list((ROOT / "cli").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and ACTION.match(node.value):
                found.add(node.value)
    return found - NOT_ACTIONS


def _detail_keys() -> set[str]:
    keys: set[str] = set()
    for path in (ROOT / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "record":
                for keyword in node.keywords:
                    if keyword.arg == "details":
                        for sub in ast.walk(keyword.value):
                            if isinstance(sub, ast.Dict):
                                keys |= {k.value for k in sub.keys if isinstance(k, ast.Constant)}
    return keys


def test_every_recorded_action_has_a_label_and_a_filter_entry():
    recorded = _recorded_actions()
    assert sorted(recorded - KNOWN_ACTIONS) == []
    assert sorted(KNOWN_ACTIONS - _labels("ACTION_LABELS")) == []


def test_every_detail_key_has_a_label():
    assert sorted(_detail_keys() - _labels("DETAIL_LABELS")) == []
