"""The smoke test of .ci/run (scripts/smoke_display.py, desk on a real X server) can fail: with a
library of Qt's xcb plugin missing it fails, and the log carries desk's and Qt's messages.

The library is made unloadable for the whole run (an empty file of its name first on
LD_LIBRARY_PATH), as on a machine that lacks the package. .ci/run runs the passing case."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="no xvfb-run (.ci/run installs xvfb)")
def test_the_smoke_test_fails_when_a_library_of_the_xcb_plugin_is_missing(tmp_path):
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "libxcb-icccm.so.4").write_bytes(b"")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["LD_LIBRARY_PATH"] = str(shadow)
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 800x600x24", sys.executable, str(ROOT / "scripts" / "smoke_display.py"),
         "--only", "login", "--timeout", "90", "--out", str(tmp_path / "shots"),
         "--desk", str(Path(sys.executable).with_name("desk"))],
        env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    log = result.stdout
    assert "smoke login: FAILED" in log and "desk exited with 3" in log
    assert "Bitte installieren: sudo apt-get install libxcb-icccm4" in log  # desk's message
    assert 'Could not load the Qt platform plugin "xcb"' in log  # Qt's own
