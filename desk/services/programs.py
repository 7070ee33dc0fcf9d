"""Starting desk's own programs as child processes — the same way in the source install and in the
built (frozen) one, where there is no Python interpreter to run `python -m ...` with.

`program("desk-admin")` is the command that starts desk-admin: the executable beside this one in a
build (desk and desk-admin live side by side in one folder), else the console script beside the
Python interpreter (a virtual environment's bin/ or Scripts/), else the one on PATH. Qt work that
desk-admin hands to a child process (PDFs, the bench's window probes) runs through its hidden
subcommands (desk/cli/internal.py), so desk-admin itself never loads Qt.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from desk.domain.errors import DeskError


def is_frozen() -> bool:
    """True in the self-contained build (PyInstaller sets sys.frozen)."""
    return bool(getattr(sys, "frozen", False))


def _executable_name(name: str) -> str:
    return f"{name}.exe" if sys.platform == "win32" else name


def program(name: str) -> list[str]:
    """The command line that starts desk's program `name` ("desk" or "desk-admin")."""
    here = Path(sys.executable).parent
    candidates = [here / _executable_name(name)]
    if not is_frozen() and sys.platform == "win32":
        candidates.append(here / "Scripts" / _executable_name(name))
    for candidate in candidates:
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which(name)
    if found and not is_frozen():
        return [found]
    raise DeskError("The program {name} was not found beside {folder}. Reinstall desk.", name=name, folder=str(here))


def child_env() -> dict[str, str]:
    """The environment of a child that draws with Qt but shows no window."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def render_pdf(kind: str, data: dict, output: Path, language: str) -> Path:
    """Draw a PDF with Qt in a child desk-admin (kind: "report" or "client-export"); the data goes
    to it as JSON on its standard input."""
    result = subprocess.run(
        [*program("desk-admin"), "_render-pdf", kind, "--output", str(output), "--language", language],
        input=json.dumps(data, ensure_ascii=False), text=True, encoding="utf-8", capture_output=True,
        env=child_env(), check=False,
    )
    if result.returncode != 0 or not Path(output).is_file():
        raise DeskError("The PDF could not be written: {reason}", reason=result.stderr.strip()[-500:])
    return Path(output)
