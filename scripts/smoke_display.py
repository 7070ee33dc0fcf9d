#!/usr/bin/env python3
"""Smoke test on a real X server: desk starts with Qt's default platform plugin and draws.

    xvfb-run -a -s "-screen 0 1366x768x24" python scripts/smoke_display.py [--out DIR]

For `desk --demo` (the login), `desk --demo --display` and `desk --display` on a new database
(the waiting-room display), with QT_QPA_PLATFORM unset: start desk, wait until its window with
the expected title is mapped (xwininfo) and a screenshot of the real screen (ImageMagick
`import -window root`) shows it drawn (the window's area is not one colour), save the
screenshot, quit desk.

Fails (exit 1) when desk exits early or never shows the window; then it prints desk's output
and what Qt itself says when it starts a bare QApplication here (QT_DEBUG_PLUGINS=1), so a
missing system library shows in the log with Qt's own message. Needs (Debian): xvfb, xauth,
x11-utils, imagemagick.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: (name, desk's arguments, window title) — the language is fixed so the title is known.
CASES = (
    ("login", ["--demo", "--language", "de"], "desk – Anmeldung"),
    ("display", ["--demo", "--display", "--language", "de"], "Wartezimmer-Anzeige"),
    # a new SQLite file in a fresh data folder (no demo data): the display of a first start
    ("display-new", ["--display", "--language", "de"], "Wartezimmer-Anzeige"),
)
MIN_COLOURS = 8  # an empty or unpainted window is one colour; the login has text and fields


def window_geometry(title: str) -> tuple[int, int, int, int] | None:
    """(width, height, x, y) of the mapped top-level window called `title`, from xwininfo."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    for line in tree.splitlines():
        if f'"{title}"' in line:
            match = re.search(r"(\d+)x(\d+)[+-]-?\d+[+-]-?\d+\s+\+(-?\d+)\+(-?\d+)", line)
            if match:
                width, height, x, y = map(int, match.groups())
                if width > 10 and height > 10:
                    return width, height, x, y
    return None


def colours(png: Path, geometry: tuple[int, int, int, int] | None = None) -> int:
    args = ["convert", str(png)]
    if geometry is not None:
        width, height, x, y = geometry
        args += ["-crop", f"{width}x{height}+{max(0, x)}+{max(0, y)}", "+repage"]
    output = subprocess.run([*args, "-format", "%k", "info:"], capture_output=True, text=True, check=True).stdout
    return int(output.strip().splitlines()[0])


def qt_says() -> str:
    """What a bare QApplication says here with the default plugin (Qt's own message on failure)."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_DEBUG_PLUGINS"] = "1"
    result = subprocess.run([sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"],
                            env=env, capture_output=True, text=True, timeout=60)
    lines = [line for line in result.stderr.splitlines()
             if "qt.qpa" in line or "Could not" in line or "could not" in line or "Cannot load" in line
             or "failed to start" in line or "Available platform plugins" in line]
    return f"exit {result.returncode}\n" + "\n".join(lines[-15:])


def run_case(desk: str, name: str, args: list[str], title: str, out: Path, timeout: float) -> bool:
    home = Path(tempfile.mkdtemp(prefix=f"desk-smoke-{name}-"))
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    log = home / "desk.log"
    started = time.monotonic()
    with log.open("w") as stream:
        process = subprocess.Popen([desk, *args], env=env, stdout=stream, stderr=subprocess.STDOUT)
    shot = out / f"smoke-{name}.png"
    ok, seen = False, "never mapped"
    try:
        while time.monotonic() - started < timeout:
            if process.poll() is not None:
                seen = f"desk exited with {process.returncode} before showing {title!r}"
                break
            geometry = window_geometry(title)
            if geometry is not None:
                subprocess.run(["import", "-window", "root", str(shot)], check=True, capture_output=True)
                count = colours(shot, geometry)
                seen = f"window {geometry}, {count} colours"
                if count >= MIN_COLOURS and colours(shot) >= MIN_COLOURS:
                    ok = True
                    break
            time.sleep(0.5)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    seconds = time.monotonic() - started
    if ok:
        print(f"smoke {name}: ok, {title!r} shown after {seconds:.1f} s ({seen}); screenshot {shot}")
        return True
    print(f"smoke {name}: FAILED after {seconds:.1f} s: {seen}")
    print(f"---- desk {' '.join(args)} said:")
    print("\n".join(log.read_text(errors="replace").splitlines()[-30:]))
    print("---- a bare QApplication with the default platform plugin says:")
    print(qt_says())
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desk", default=str(Path(sys.executable).with_name("desk")), help="the desk program")
    parser.add_argument("--out", default="/tmp/desk-smoke", help="folder for the screenshots")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per case")
    parser.add_argument("--only", choices=[case[0] for case in CASES], help="run one case")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY"):
        print("smoke: no DISPLAY; run under xvfb-run")
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    results = [run_case(args.desk, name, desk_args, title, out, args.timeout)
               for name, desk_args, title in CASES if args.only in (None, name)]
    failed = len(results) - sum(results)
    print(f"smoke: all {len(results)} windows shown" if not failed else f"smoke: {failed} of {len(results)} FAILED")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
