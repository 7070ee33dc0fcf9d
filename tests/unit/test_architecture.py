"""The architecture's rules, checked rather than remembered."""

from __future__ import annotations

import dataclasses
import inspect
import re
import shutil
import subprocess
import sys
import tomllib
from enum import Enum
from pathlib import Path

import pytest

import desk.domain.model as model

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold():
    """ui -> services -> domain, services -> storage; SQLAlchemy only in storage; Qt only in ui."""
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([lint], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


#: The contracts docs/ARCHITECTURE.md promises; lint-imports (CI and the test above) checks them.
CONTRACTS = {
    "Layers run one way: ui -> services -> domain, services -> storage": "layers",
    "Only storage imports SQLAlchemy and Alembic": "forbidden",
    "Only ui (and the composition root) imports PySide6": "forbidden",
    "ui never reaches into storage": "forbidden",
    "cli never imports storage (it goes through the services)": "forbidden",
    "Only desk.app and desk.cli import the demo and bench tools": "forbidden",
    "Inside desk.tools: bench_probe -> bench -> demo -> bulk, benchsql -> names": "layers",
    "The tools' names are plain data: no services, storage or ui": "forbidden",
}


def test_every_promised_contract_is_configured():
    """A contract cannot be dropped from pyproject.toml silently; the product layers never import
    desk.tools, not even through another module."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    contracts = {c["name"]: c for c in config["contracts"]}
    for name, kind in CONTRACTS.items():
        assert name in contracts, f"contract missing: {name}"
        assert contracts[name]["type"] == kind, name
    tools = contracts["Only desk.app and desk.cli import the demo and bench tools"]
    assert set(tools["source_modules"]) == {"desk.domain", "desk.storage", "desk.services", "desk.ui"}
    assert not tools.get("allow_indirect_imports", False)


def test_ui_and_cli_never_reach_past_the_services_into_the_database():
    """The import contracts cannot see `ctx.services.db.is_sqlite` or `services.uow()`: the ui and
    the cli ask DeskServices (is_sqlite, reapplied_erasures(), schema_revision()) or a service."""
    reach = re.compile(r"services\.(db|uow)\b")
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for folder in ("ui", "cli") for path in sorted((ROOT / "desk" / folder).rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if reach.search(line)]
    assert found == []


def test_rows_handed_to_the_ui_are_immutable():
    """Every record class of desk.domain.model is a frozen dataclass or a named tuple (the rows
    read by the hundred: built by one C-level call); nothing else, and neither kind can be changed
    after it was made (a named tuple has no instance dict: no field set, no attribute added)."""
    classes = [obj for _, obj in inspect.getmembers(model, inspect.isclass)
               if obj.__module__ == model.__name__ and not issubclass(obj, Enum)]
    rows = [obj for obj in classes if dataclasses.is_dataclass(obj)]
    records = [obj for obj in classes if issubclass(obj, tuple) and hasattr(obj, "_fields")]
    assert sorted(c.__name__ for c in classes) == sorted(c.__name__ for c in rows + records)
    assert len(rows) >= 8 and len(records) >= 3
    for row in rows:
        assert row.__dataclass_params__.frozen, f"{row.__name__} must be frozen"
    for record in records:
        assert record.__slots__ == (), f"{record.__name__} must not have an instance dict"
        made = record._make([None] * len(record._fields))
        with pytest.raises(AttributeError):
            made.id = 1
        with pytest.raises(AttributeError):
            made.extra = 1


def test_packages_are_found_not_listed_and_the_version_lives_in_one_place():
    """Every package under desk/ is found by setup.py (a new one cannot be forgotten); the version
    is desk.__version__ only. (CI builds the wheel and checks that resources and migrations ship.)"""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "packages" not in config["tool"]["setuptools"], "packages are found by setup.py, not listed"
    assert "version" not in config["project"] and "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "desk.__version__"}
    setup_py = (ROOT / "setup.py").read_text(encoding="utf-8")
    assert 'find_packages(include=["desk", "desk.*"])' in setup_py
    assert '{"desk.resources": "resources"}' in setup_py
    data = config["tool"]["setuptools"]["package-data"]
    assert "*.mako" in data["desk.storage.migrations"]
    assert "**/*" in data["desk.resources"]


def test_no_file_names_a_path_of_a_developers_machine():
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.split()
    if not tracked:  # not a git checkout (an unpacked sdist): look at the text files themselves
        tracked = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.suffix in {".py", ".md", ".toml"}]
    patterns = ["/" + "work/", "/" + "home/", "/" + "Users/", "C:" + "\\\\Users"]
    offenders = []
    for name in tracked:
        path = ROOT / name
        if path.suffix not in {".py", ".md", ".toml", ".txt", ".cfg", ".iss", ".sh", ".desktop", ".spec", ""}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        offenders += [f"{name}: {p}" for p in patterns if p in text]
    assert offenders == []


def test_the_ui_reads_the_date_from_pythons_clock_not_qts():
    """One clock: QDate.currentDate() and friends read the system clock behind Python's back, so
    `pytest --today=...` (time-machine) could not move them. The UI uses desk.ui.clock.today()."""
    qt_clock = ("QDate.currentDate", "QDateTime.currentDateTime", "QTime.currentTime",
                "QDateTime.currentMSecsSinceEpoch", "QDateTime.currentSecsSinceEpoch")
    found = [f"{path.relative_to(ROOT)}: {name}" for path in (ROOT / "desk").rglob("*.py")
             for name in qt_clock if name in path.read_text(encoding="utf-8")]
    assert found == []


def test_the_ui_reads_now_from_its_clock_not_the_wall_clock():
    """One clock for the UI (ui/clock.py): a view that depends on the moment asks `ui_clock.now()`
    or `centre_today()`, so the UI tests' `ui_clock` fixture (`set_clock`) moves every view at
    once, to the same moment as their services. The wall clock may be read only on a line that
    says why (a comment naming "the wall clock": the start-up figure's stamp)."""
    wall = re.compile(r"\b(datetime\.now|datetime\.utcnow|datetime\.today|date\.today|time\.time)\(")
    found = []
    for path in sorted((ROOT / "desk" / "ui").rglob("*.py")):
        if path.name == "clock.py" and path.parent.name == "ui":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if wall.search(line) and "the wall clock" not in line:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_the_services_read_now_from_their_clock_not_the_wall_clock():
    """One clock for the services (services/clock.py): a rule that depends on the moment asks
    `self._clock()` (or the `now=` it was given), so `build_services(clock=...)` and the tests'
    `clock` fixture move every service at once. The wall clock may be read only on a line that
    says why (a comment naming "the wall clock": a stamp compared with the database's own, or
    merely recorded)."""
    wall = re.compile(r"\b(datetime\.now|datetime\.utcnow|datetime\.today|date\.today|time\.time)\(")
    found = []
    for path in sorted((ROOT / "desk" / "services").rglob("*.py")):
        if path.name == "clock.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if wall.search(line) and "the wall clock" not in line:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []
