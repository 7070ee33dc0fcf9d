"""The Debian package around the built folder (scripts/build.py runs it on Linux).

    /opt/desk/                          the built folder (desk, desk-admin, _internal)
    /usr/bin/desk, /usr/bin/desk-admin  links into it
    /usr/share/applications/            start-menu entries: desk, desk – Wartezimmeranzeige, desk – Ticket-Automat
    /usr/share/icons/hicolor/           desk's icon (resources/icons: the SVG and its PNG sizes), Icon=desk
    /etc/xdg/desk/desk.toml             not shipped: the machine configuration is the admin's
                                        (docs/INSTALL.md); an upgrade never touches it

Depends/Recommends: from resources/system-packages.txt, the one list of the system libraries
Qt loads (core, xcb; Wayland recommended) and the fonts, through scripts/system_packages.py.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def control_relations(python: Path) -> str:
    """The Depends: and Recommends: lines (python: an interpreter that has desk installed)."""
    # desk is imported from the build's installed copy first (the script would put the source tree,
    # where resources/ is not yet desk.resources, in front of it)
    code = ("import sys, desk.ui.platform_check; sys.path.insert(0, sys.argv[1]); import system_packages; "
            "raise SystemExit(system_packages.main(['depends']))")
    result = subprocess.run([str(python), "-c", code, str(ROOT / "scripts")], capture_output=True, text=True,
                            check=True, cwd=str(HERE))
    lines = [line for line in result.stdout.splitlines() if line.startswith(("Depends:", "Recommends:"))]
    if not lines or not lines[0].startswith("Depends: "):
        raise SystemExit(f"scripts/system_packages.py depends gave no Depends line: {result.stdout!r}")
    return "\n".join(lines) + "\n"


def _arch() -> str:
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def desktop_entry(name: str, comment: str, exec_line: str, keywords: str) -> str:
    return ("[Desktop Entry]\nType=Application\n"
            f"Name={name}\nComment={comment}\nExec={exec_line}\nIcon=desk\nTerminal=false\n"
            f"Categories=Office;\nKeywords={keywords}\n")


def build_deb(folder: Path, dist: Path, version: str, python: Path) -> Path:
    stage = dist / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(folder, stage / "opt" / "desk", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    for name in ("desk", "desk-admin"):
        os.symlink(f"/opt/desk/{name}", stage / "usr" / "bin" / name)
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "desk.desktop").write_text(desktop_entry(
        "desk", "Empfang und Termine der Beratungsstelle", "/opt/desk/desk", "Empfang;Termine;Warteliste;"),
        encoding="utf-8")
    (apps / "desk-display.desktop").write_text(desktop_entry(
        "desk – Wartezimmeranzeige", "Aufrufe im Wartezimmer anzeigen", "/opt/desk/desk --display",
        "Wartezimmer;Anzeige;Aufruf;"), encoding="utf-8")
    (apps / "desk-kiosk.desktop").write_text(desktop_entry(
        "desk – Ticket-Automat", "Nummern selbst ziehen, in der eigenen Sprache", "/opt/desk/desk --kiosk",
        "Kiosk;Automat;Nummer;Ticket;"), encoding="utf-8")
    icons, hicolor = ROOT / "resources" / "icons", stage / "usr" / "share" / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy(icons / "desk.svg", hicolor / "scalable" / "apps" / "desk.svg")
    for png in icons.glob("desk-*.png"):  # desk-16.png ... desk-256.png (scripts/icons.py)
        size = png.stem.removeprefix("desk-")
        (hicolor / f"{size}x{size}" / "apps").mkdir(parents=True)
        shutil.copy(png, hicolor / f"{size}x{size}" / "apps" / "desk.png")
    size_kb = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        "Package: desk\n"
        f"Version: {version}\n"
        f"Architecture: {_arch()}\n"
        "Maintainer: desk <desk@localhost>\n"
        f"Installed-Size: {size_kb}\n"
        + control_relations(python) +
        "Section: misc\nPriority: optional\n"
        "Description: Reception and appointment desk of a migration counselling centre\n"
        " desk (window) and desk-admin (command line), self-contained: no Python needed.\n",
        encoding="utf-8")
    target = dist / f"desk_{version}_{_arch()}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build", str(stage), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    return target
