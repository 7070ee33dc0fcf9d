#!/usr/bin/env python3
"""The system libraries Qt (as PySide6 ships it) loads directly, by group, and their Debian packages.

    python scripts/system_packages.py derive     # from the installed PySide6 (ELF DT_NEEDED) and dpkg -S
    python scripts/system_packages.py list [GROUP...]   # package names of resources/system-packages.txt
    python scripts/system_packages.py depends    # the Depends: and Recommends: lines of a .deb

resources/system-packages.txt is the one list (README "System packages", .ci/run, the .deb's
Depends, desk's start-up message). `derive` prints what it should hold; the test
tests/unit/test_system_packages.py fails when a PySide6 upgrade needs a library it lacks.

Groups: core = every start (Qt Core/Gui/Widgets/DBus/PrintSupport, PySide6's modules, SVG icons,
the compose input context); xcb = Qt's X11 platform plugin and its GL integrations; wayland = the
Wayland platform plugin with the xdg-shell, wayland-egl and decoration plugins it loads. A
library is in the first group that needs it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk.ui.platform_check import external_libraries, read_system_packages  # noqa: E402

QT_MODULES = ("Core", "Gui", "Widgets", "DBus", "PrintSupport", "Svg")
GROUPS: dict[str, tuple[str, ...]] = {
    "core": (*(f"Qt/lib/libQt6{module}.so.6" for module in QT_MODULES),
             *(f"Qt{module}.abi3.so" for module in ("Core", "Gui", "Widgets", "PrintSupport")),
             "Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
             "Qt/plugins/imageformats/libqsvg.so", "Qt/plugins/iconengines/libqsvgicon.so"),
    "xcb": ("Qt/plugins/platforms/libqxcb.so", "Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
            "Qt/plugins/xcbglintegrations/libqxcb-egl-integration.so"),
    "wayland": ("Qt/plugins/platforms/libqwayland.so", "Qt/plugins/wayland-shell-integration/libxdg-shell.so",
                "Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
                "Qt/plugins/wayland-decoration-client/libbradient.so"),
}
#: Libraries of the C runtime and of PySide6's own wheels: not Qt's system dependencies.
IGNORED_PREFIXES = ("ld-linux", "libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so",
                    "libpyside6", "libshiboken6", "libpython")


def pyside_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent


def derive_libraries(base: Path | None = None) -> dict[str, list[str]]:
    """group -> the system sonames its ELF files need directly (through Qt's own libraries too)."""
    base = base or pyside_dir()
    bundled = base / "Qt" / "lib"
    seen: set[str] = set()
    result: dict[str, list[str]] = {}
    for group, files in GROUPS.items():
        result[group] = []
        for name in files:
            for soname in external_libraries(base / name, bundled):
                if soname in seen or soname.startswith(IGNORED_PREFIXES) or (base / soname).exists():
                    continue
                seen.add(soname)
                result[group].append(soname)
    return result


def library_paths(sonames: list[str]) -> dict[str, list[str]]:
    """soname -> where the loader finds it (ldconfig -p), with its /usr twin (merged /usr)."""
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    result: dict[str, list[str]] = {}
    for line in cache.splitlines():
        name, _, path = line.strip().partition(" => ")
        name = name.split(" ", 1)[0]
        if name in sonames:
            twin = path.removeprefix("/usr") if path.startswith("/usr/") else "/usr" + path
            result.setdefault(name, []).extend([path, twin])
    return result


def owners(sonames: list[str]) -> dict[str, set[str]]:
    """soname -> the Debian packages that ship it here (dpkg -S); missing when not installed."""
    paths = library_paths(sonames)
    found = subprocess.run(["dpkg-query", "-S", *(path for group in paths.values() for path in group)],
                           capture_output=True, text=True)
    result: dict[str, set[str]] = {}
    for line in found.stdout.splitlines():
        package, _, path = line.partition(": ")
        if Path(path).name in sonames:
            result.setdefault(Path(path).name, set()).update(p.split(":", 1)[0] for p in package.split(", "))
    return result


def main(argv: list[str]) -> int:
    if argv[:1] == ["derive"]:
        derived = derive_libraries()
        found = owners([soname for sonames in derived.values() for soname in sonames])
        for group, sonames in derived.items():
            for soname in sorted(sonames):
                print(f"{','.join(sorted(found.get(soname, ['?']))):24} {group:8} {soname}")
        return 0
    if argv[:1] == ["list"]:
        groups = set(argv[1:])
        print(" ".join(p.name for p in read_system_packages() if not groups or p.group in groups))
        return 0
    if argv[:1] == ["depends"]:  # X11 (and XWayland) is required; the native Wayland plugin recommended
        packages = read_system_packages()
        print("Depends: " + ", ".join(p.name for p in packages if p.group != "wayland"))
        print("Recommends: " + ", ".join(p.name for p in packages if p.group == "wayland"))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
