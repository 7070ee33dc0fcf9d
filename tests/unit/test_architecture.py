"""The architecture's rules, checked rather than remembered."""

from __future__ import annotations

import dataclasses
import inspect
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import desk.domain.model as model

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold():
    """ui -> services -> domain, services -> storage; SQLAlchemy only in storage; Qt only in ui."""
    lint = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([lint], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


def test_rows_handed_to_the_ui_are_immutable():
    rows = [obj for _, obj in inspect.getmembers(model, inspect.isclass)
            if dataclasses.is_dataclass(obj) and obj.__module__ == model.__name__]
    assert len(rows) >= 8
    for row in rows:
        assert row.__dataclass_params__.frozen, f"{row.__name__} must be frozen"


def test_every_package_is_shipped_in_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "desk").rglob("__init__.py")
    }
    assert found - listed == set(), "add these packages to [tool.setuptools] packages in pyproject.toml"
    assert "desk.resources" in listed


def test_migrations_and_resources_are_package_data():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]
    assert "*.mako" in data["desk.storage.migrations"]
    assert config["tool"]["setuptools"]["package-dir"]["desk.resources"] == "resources"
