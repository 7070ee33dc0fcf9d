"""resources/system-packages.txt is the one list of system packages: complete for what Qt's
plugins load (derived from their ELF files), owned by the packages it says, and the README
shows exactly it."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from desk.ui.platform_check import needed_libraries, read_system_packages

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("system_packages", ROOT / "scripts" / "system_packages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_library_qt_loads_directly_is_listed_in_its_group():
    listed = {soname: package.group for package in read_system_packages() for soname in package.libraries}
    derived = _script().derive_libraries()
    assert derived["xcb"] and derived["wayland"] and derived["core"]
    missing = {soname: group for group, sonames in derived.items() for soname in sonames
               if listed.get(soname) != group}
    assert not missing, f"add to resources/system-packages.txt (scripts/system_packages.py derive): {missing}"
    # and nothing stale: every listed library is still needed
    needed = {soname for sonames in derived.values() for soname in sonames}
    assert set(listed) <= needed


def test_the_xcb_plugin_needs_the_libraries_of_issue_22():
    """The ELF reader against known facts of Qt 6.5+'s xcb plugin (libQt6XcbQpa links them)."""
    base = _script().pyside_dir()
    qpa = needed_libraries(base / "Qt" / "lib" / "libQt6XcbQpa.so.6")
    for soname in ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-xkb.so.1"):
        assert soname in qpa
    assert "libQt6XcbQpa.so.6" in needed_libraries(base / "Qt" / "plugins" / "platforms" / "libqxcb.so")


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system: no dpkg to ask")
def test_each_library_belongs_to_the_package_the_list_names():
    packages = read_system_packages()
    found = _script().owners([soname for package in packages for soname in package.libraries])
    wrong = {soname: (package.name, sorted(found.get(soname, ())))
             for package in packages for soname in package.libraries if package.name not in found.get(soname, ())}
    assert not wrong, "not installed (apt-get install them; .ci/run does) or owned by another package"


def _readme_block(marker: str) -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split(f"<!-- {marker} -->", 1)[1].split("```", 2)[1]
    words = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", block)) - {"sudo", "apt-get", "install"}
    return words


def test_the_readme_lists_exactly_the_packages_of_the_list():
    packages = read_system_packages()
    assert _readme_block("system-packages") == {p.name for p in packages if p.group != "wayland"} | {"python3-venv"}
    assert _readme_block("wayland-packages") == {p.name for p in packages if p.group == "wayland"}
    assert "## System packages" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_list_has_the_groups_ci_and_the_debian_package_read():
    groups = {p.group for p in read_system_packages()}
    assert groups == {"core", "xcb", "wayland", "fonts"}
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", p.name) for p in read_system_packages())


def test_the_debian_control_lines_depend_on_x11_and_recommend_wayland(capsys):
    assert _script().main(["depends"]) == 0
    depends, recommends = capsys.readouterr().out.splitlines()
    packages = read_system_packages()
    assert depends.removeprefix("Depends: ").split(", ") == [p.name for p in packages if p.group != "wayland"]
    assert recommends == "Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1"
    assert "libxcb-icccm4" in depends and "libxcb-keysyms1" in depends and "libxcb-cursor0" in depends
