"""The audit registry (desk.domain.audit.ACTIONS) is the one list of audit actions: every action
the code writes is registered (found by reading the source, so a new action fails here; the writer
refuses an unregistered one at run time too), every registered action is written somewhere, and
the audit log's filter offers them all with their labels."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from desk.domain import audit
from desk.domain.waitlist import TRANSITIONS

ROOT = Path(__file__).resolve().parents[2] / "desk"
CODE = re.compile(r"^[a-z_]+\.[a-z_]+$")
#: functions whose string arguments are audit actions (the writer and the helpers that pass one on)
WRITERS = {"record", "audit", "_audit", "_audit_change", "_failed", "_failed_reserved", "_reserve", "_set_status"}


def _sources() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if "ui" not in p.relative_to(ROOT).parts[:1]
            and p.relative_to(ROOT).parts[0] != "domain"]


def _strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and CODE.match(n.value)}


def _written_actions() -> set[str]:
    found = {f"visit.{name}" for name in TRANSITIONS}  # record(..., f"visit.{action}")
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in WRITERS:
                    for arg in node.args:
                        found |= _strings(arg)
                for keyword in node.keywords:
                    if keyword.arg and keyword.arg.endswith("action"):
                        found |= _strings(keyword.value)
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "").endswith("action") for t in node.targets):
                found |= _strings(node.value)
    return found


def test_every_written_action_is_registered_and_every_registered_one_is_written():
    written = _written_actions()
    registered = {a.code for a in audit.ACTIONS}
    assert sorted(written - registered) == []
    assert sorted(registered - written) == []


def test_registry_entries_are_complete():
    codes = [a.code for a in audit.ACTIONS]
    assert len(codes) == len(set(codes))
    for action in audit.ACTIONS:
        assert CODE.match(action.code) and action.label and action.label[0].isupper(), action.code
        assert audit.FIELDS not in action.keeps  # kept under every action anyway
    prefixes = [a.group for a in audit.ACTIONS]
    groups = [g.prefix for g in audit.GROUPS]
    assert len(groups) == len(set(groups))
    # a group for every prefix with two or more actions, and only for those
    assert sorted(groups) == sorted({p for p in prefixes if prefixes.count(p) > 1})
    assert all(g.label.endswith("(all)") for g in audit.GROUPS)


def test_the_writer_refuses_an_unregistered_action():
    with pytest.raises(KeyError, match="not registered"):
        audit.audit_action("booking.teleport")
    with pytest.raises(KeyError):
        audit.scrub({"x": "y"}, "booking.teleport")


def test_an_action_keeps_only_its_own_text_keys():
    assert audit.scrub({"ticket": "M-004", "room": "Raum 2"}, "visit.call") == {"ticket": "M-004", "room": "Raum 2"}
    # "room" is desk's room name under a call, but not something an appointment entry keeps
    assert audit.scrub({"ticket": "M-004", "room": "Raum 2"}, "appointment.book") == {"fields": ["room", "ticket"]}
    assert audit.scrub({"fields": ["note"], "room_id": 3, "count": 2}, "booking.edit") == {
        "fields": ["note"], "room_id": 3, "count": 2}


def test_every_detail_key_has_a_label():
    tree = ast.parse((ROOT / "ui" / "views" / "verwaltung" / "models.py").read_text(encoding="utf-8"))
    labels = next({k.value for k in node.value.keys} for node in tree.body  # type: ignore[union-attr]
                  if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "DETAIL_LABELS")
    keys: set[str] = set()
    for path in (ROOT / "services").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "record":
                for keyword in node.keywords:
                    if keyword.arg == "details":
                        for sub in ast.walk(keyword.value):
                            if isinstance(sub, ast.Dict):
                                keys |= {k.value for k in sub.keys if isinstance(k, ast.Constant)}
    assert sorted(keys - labels) == []
