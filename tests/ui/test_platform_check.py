"""Before QApplication desk checks that Qt can load a platform plugin; when none loads it exits
with a short German/English message naming the missing packages instead of Qt's abort.

A missing library is simulated the way the loader meets a broken install: an unloadable file of
that name first on LD_LIBRARY_PATH (the process must start with it, so those tests run desk in a
child process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desk.ui.platform_check import (
    EXIT_NO_PLATFORM,
    PlatformProblem,
    check_platform,
    platform_candidates,
    problem_text,
)


def test_candidates_follow_qt_order():
    assert platform_candidates({}) == ["xcb"]
    assert platform_candidates({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}) == ["xcb"]
    assert platform_candidates({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) == ["wayland", "xcb"]
    assert platform_candidates({"QT_QPA_PLATFORM": "offscreen"}) == ["offscreen"]
    assert platform_candidates({"QT_QPA_PLATFORM": "wayland;xcb:foo=1"}) == ["wayland", "xcb"]


def test_the_installed_plugins_load():
    """CI installs resources/system-packages.txt: then both desktop plugins load."""
    assert check_platform({"QT_QPA_PLATFORM": "xcb"}) == (["xcb"], None)
    assert check_platform({"QT_QPA_PLATFORM": "wayland"}) == (["wayland"], None)
    assert check_platform({"QT_QPA_PLATFORM": "offscreen"}) == (["offscreen"], None)


def test_an_unknown_plugin_is_left_to_qt():
    assert check_platform({"QT_QPA_PLATFORM": "nosuchplugin"}) == (["nosuchplugin"], None)


def test_the_message_is_german_and_english_and_names_packages_and_the_readme():
    text = problem_text(PlatformProblem(platforms=["xcb"], errors={"xcb": "libxcb-icccm.so.4: cannot open"},
                                        missing=["libxcb-icccm.so.4"], packages=["libxcb-icccm4"]))
    assert "Bitte installieren: sudo apt-get install libxcb-icccm4" in text
    assert "Install them: sudo apt-get install libxcb-icccm4" in text
    assert "Abschnitt \u201eSystem packages\u201c" in text and "section \u201cSystem packages\u201d" in text
    assert len(text.splitlines()) <= 12


def _broken(tmp_path: Path, *sonames: str) -> dict[str, str]:
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    for soname in sonames:
        (shadow / soname).write_bytes(b"")  # "file too short": the loader cannot use it
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    env.update(LD_LIBRARY_PATH=str(shadow), DISPLAY=":98765", XDG_SESSION_TYPE="x11")
    return env


def _desk(env: dict[str, str], *args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    code = code or f"from desk.app import main; raise SystemExit(main({list(args)!r}))"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def test_desk_names_every_missing_package_and_exits(tmp_path):
    result = _desk(_broken(tmp_path, "libxcb-icccm.so.4", "libxcb-keysyms.so.1"), "--demo")
    assert result.returncode == EXIT_NO_PLATFORM, result.stderr
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in result.stderr
    assert "Es fehlen Systembibliotheken: libxcb-icccm.so.4, libxcb-keysyms.so.1" in result.stderr
    assert "README" in result.stderr and "could not be initialized" not in result.stderr  # not Qt's abort


def test_with_the_libraries_in_place_desk_goes_on_to_qt(tmp_path):
    """The same start without the broken library is not stopped by the check (Qt then fails
    to reach the display :98765 that does not exist, with its own abort)."""
    result = _desk(_broken(tmp_path), "--display")
    assert result.returncode not in (0, EXIT_NO_PLATFORM)
    assert "Systembibliotheken" not in result.stderr and "display" in result.stderr.lower()


def test_a_wayland_session_without_wayland_libraries_uses_xwayland(tmp_path):
    env = _broken(tmp_path, "libwayland-client.so.0")
    env.update(XDG_SESSION_TYPE="wayland", WAYLAND_DISPLAY="wayland-0")
    code = ("import os; from desk.ui.platform_check import prepare_platform; "
            "print(prepare_platform(), os.environ.get('QT_QPA_PLATFORM'))")
    result = _desk(env, code=code)
    assert result.stdout.split() == ["None", "xcb"], result.stderr
    assert "libwayland-client0 libwayland-cursor0 libwayland-egl1" in result.stderr


def test_a_library_every_qt_start_needs_is_named_too(tmp_path):
    """libEGL missing: PySide6's QtGui does not even import; desk says the same, not a traceback."""
    result = _desk(_broken(tmp_path, "libEGL.so.1"), "--demo")
    assert result.returncode == EXIT_NO_PLATFORM, result.stderr
    assert "Qt kann nicht geladen werden." in result.stderr and "Qt cannot be loaded." in result.stderr
    assert "sudo apt-get install libegl1" in result.stderr and "Traceback" not in result.stderr


def test_other_import_errors_are_not_taken_for_missing_packages():
    from desk.ui.platform_check import import_problem

    assert import_problem(ImportError("No module named 'PySide6'")) is None
    problem = import_problem(ImportError("libfontconfig.so.1: cannot open shared object file: No such file"))
    assert problem is not None and problem.packages == ["libfontconfig1"]


def test_the_plugin_is_found_where_qt_looks_first(tmp_path):
    from desk.ui.platform_check import platform_plugin, plugins_dir

    own = plugins_dir()
    assert platform_plugin("xcb", {}, own) == own / "platforms" / "libqxcb.so"
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "libqxcb.so").write_bytes(b"")
    assert platform_plugin("xcb", {"QT_PLUGIN_PATH": str(tmp_path)}, own) == tmp_path / "platforms" / "libqxcb.so"
    assert platform_plugin("xcb", {"QT_QPA_PLATFORM_PLUGIN_PATH": str(tmp_path / "platforms")}, own) \
        == tmp_path / "platforms" / "libqxcb.so"
    assert platform_plugin("nosuchplugin", {}, own) is None
