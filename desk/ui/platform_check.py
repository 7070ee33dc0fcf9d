"""Before QApplication: can Qt load a platform plugin here? If not, name the missing packages.

Qt aborts the whole process (qFatal) in QGuiApplication's constructor when no platform plugin
loads, with a generic message that often names the wrong library ("xcb-cursor0 is needed" for
any missing xcb library). So desk first dlopen()s the plugins Qt is about to try, in this
process (no child process: frozen builds have no Python to start), and when none loads it lists
every missing library with its Debian package and exits with a short German and English message.

The libraries and packages come from one file, resources/system-packages.txt, that the README,
.ci/run (apt-get) and the Debian package (Depends) use as well.

Costs a few milliseconds: the plugin and the Qt libraries it links are loaded anyway moments
later by QApplication (the same handles). Linux only; elsewhere nothing is checked.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

README_SECTION = "System packages"
QT_OWN = ("libQt6", "libicu")  # shipped with PySide6, never a system package
# Exit code of desk when no platform plugin can be loaded.
EXIT_NO_PLATFORM = 3


@dataclass(frozen=True)
class SystemPackage:
    name: str
    group: str  # core (every start) | xcb (X11) | wayland | fonts
    libraries: tuple[str, ...]  # sonames Qt or PySide6 load directly from this package


def packages_file() -> Path:
    return Path(str(resources.files("desk.resources") / "system-packages.txt"))


def read_system_packages(path: Path | None = None) -> list[SystemPackage]:
    """The lines `package group soname...` of resources/system-packages.txt (# starts a comment)."""
    result = []
    for line in (path or packages_file()).read_text(encoding="utf-8").splitlines():
        words = line.split("#", 1)[0].split()
        if words:
            result.append(SystemPackage(words[0], words[1], tuple(words[2:])))
    return result


def package_for_library(packages: list[SystemPackage]) -> dict[str, str]:
    return {soname: package.name for package in packages for soname in package.libraries}


# -- which plugins Qt will try ----------------------------------------------------------------------


def platform_candidates(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins QGuiApplication tries, in its order (QT_QPA_PLATFORM, else the session)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [name.split(":", 1)[0] for name in chosen.split(";") if name.strip()]
    if "wayland" in environ.get("XDG_SESSION_TYPE", "").lower() and environ.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def plugins_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))


def platform_plugin(name: str, environ: Mapping[str, str], plugins: Path) -> Path | None:
    """The file Qt loads for platform `name`: QT_QPA_PLATFORM_PLUGIN_PATH, QT_PLUGIN_PATH, then Qt's own."""
    folders = [Path(environ["QT_QPA_PLATFORM_PLUGIN_PATH"])] if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") else []
    folders += [Path(entry) / "platforms" for entry in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if entry]
    folders.append(plugins / "platforms")
    return next((folder / f"libq{name}.so" for folder in folders if (folder / f"libq{name}.so").is_file()), None)


def qt_libraries_dir() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))


# -- ELF: the libraries a file needs (DT_NEEDED) -------------------------------------------------------


def needed_libraries(path: Path) -> list[str]:
    """The sonames in the DT_NEEDED entries of a 64- or 32-bit little-endian ELF file."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[5] != 1:
        return []
    wide = data[4] == 2
    if wide:
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    else:
        shoff, = struct.unpack_from("<I", data, 0x20)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x2E)
    sections = []
    for index in range(shnum):
        base = shoff + index * shentsize
        if wide:
            _name, kind, _flags, _addr, offset, size, link = struct.unpack_from("<IIQQQQI", data, base)
        else:
            _name, kind, _flags, _addr, offset, size, link = struct.unpack_from("<IIIIIII", data, base)
        sections.append((kind, offset, size, link))
    needed = []
    for kind, offset, size, link in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][1]
        entry = 16 if wide else 8
        for position in range(offset, offset + size, entry):
            tag, value = struct.unpack_from("<qQ" if wide else "<iI", data, position)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings + value)
                needed.append(data[strings + value:end].decode())
    return needed


def external_libraries(plugin: Path, bundled: Path) -> list[str]:
    """Sonames the plugin needs from the system: its own and those of the Qt libraries it links."""
    seen: set[str] = set()
    external: list[str] = []
    todo = [plugin]
    while todo:
        for soname in needed_libraries(todo.pop()):
            if soname in seen:
                continue
            seen.add(soname)
            if (bundled / soname).exists():
                todo.append(bundled / soname)
            elif not soname.startswith(QT_OWN):  # a frozen build may keep Qt's libraries elsewhere
                external.append(soname)
    return external


# -- loading ---------------------------------------------------------------------------------------------


def _load(name: str) -> str | None:
    """None if the dynamic loader can load `name` (with what it needs); else its error text."""
    try:
        ctypes.CDLL(name, mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as error:
        return str(error)
    return None


def _soname_in(error: str) -> str:
    """'libxcb-icccm.so.4: cannot open shared object file: ...' -> 'libxcb-icccm.so.4'."""
    return os.path.basename(error.split(": ", 1)[0])


@dataclass
class PlatformProblem:
    platforms: list[str]
    errors: dict[str, str]  # plugin -> the loader's message
    missing: list[str] = field(default_factory=list)  # sonames that do not load
    packages: list[str] = field(default_factory=list)  # their Debian packages, in file order


def missing_libraries(plugin: Path, bundled: Path) -> list[str]:
    missing: list[str] = []
    for soname in external_libraries(plugin, bundled):
        error = _load(soname)
        if error is not None:
            culprit = _soname_in(error) if ".so" in _soname_in(error) else soname
            if culprit not in missing:
                missing.append(culprit)
    return missing


def check_platform(environ: Mapping[str, str] | None = None, *, plugins: Path | None = None,
                   bundled: Path | None = None) -> tuple[list[str], PlatformProblem | None]:
    """(the plugins that load, in Qt's order; a problem when none of those Qt tries loads).

    Plugins this Qt does not ship (a typo in QT_QPA_PLATFORM) are left to Qt to report.
    """
    environ = os.environ if environ is None else environ
    candidates = platform_candidates(environ)
    if not sys.platform.startswith("linux"):
        return candidates, None
    plugins = plugins or plugins_dir()
    bundled = bundled or qt_libraries_dir()
    loadable, errors = [], {}
    files = {name: platform_plugin(name, environ, plugins) for name in candidates}
    for name, plugin in files.items():
        if plugin is None:
            return candidates, None
        error = _load(str(plugin))
        if error is None:
            loadable.append(name)
        else:
            errors[name] = error
    if loadable:
        return loadable, None
    problem = PlatformProblem(platforms=candidates, errors=errors)
    for plugin in files.values():
        for soname in missing_libraries(plugin, bundled):
            if soname not in problem.missing:
                problem.missing.append(soname)
    owners = package_for_library(read_system_packages())
    problem.packages = list(dict.fromkeys(owners.get(soname, soname) for soname in problem.missing))
    if not problem.missing:  # loads alone but not as a plugin: say what the loader said
        problem.missing = [_soname_in(error) for error in errors.values()]
    return candidates, problem


def import_problem(error: ImportError) -> PlatformProblem | None:
    """PySide6 itself does not load because a system library is missing (Qt Gui needs libEGL,
    libfontconfig, libxkbcommon, ... on every start): the same message. None for other errors."""
    text = str(error)
    if ".so" not in text or ("cannot open shared object file" not in text and "file too short" not in text):
        return None
    soname = _soname_in(text)
    owners = package_for_library(read_system_packages())
    return PlatformProblem(platforms=[], errors={"PySide6": text}, missing=[soname],
                           packages=[owners.get(soname, soname)])


def problem_text(problem: PlatformProblem) -> str:
    """Short, German then English: what is missing, what to install, where the README says more."""
    libraries = ", ".join(problem.missing) or "?"
    install = "sudo apt-get install " + " ".join(problem.packages) if problem.packages else ""
    platforms = ", ".join(problem.platforms)
    if platforms:
        german = f"Die Anzeige kann nicht geöffnet werden: Qt kann kein Plattform-Plugin laden ({platforms})."
        english = f"cannot open the display: Qt cannot load a platform plugin ({platforms})."
    else:
        german, english = "Qt kann nicht geladen werden.", "Qt cannot be loaded."
    lines = [f"desk: {german}", f"  Es fehlen Systembibliotheken: {libraries}"]
    if install:
        lines.append(f"  Bitte installieren: {install}")
    lines += [
        f"  Siehe README, Abschnitt \u201e{README_SECTION}\u201c.",
        f"desk: {english}",
        f"  Missing system libraries: {libraries}",
    ]
    if install:
        lines.append(f"  Install them: {install}")
    lines.append(f"  See the README, section \u201c{README_SECTION}\u201d.")
    for name, error in problem.errors.items():
        lines.append(f"  ({name}: {error})")
    return "\n".join(lines)


def prepare_platform(environ: dict[str, str] | os._Environ[str] | None = None) -> PlatformProblem | None:
    """Called before QApplication. A problem: no plugin Qt would try loads (desk must not go on).

    On a Wayland session whose Wayland libraries are missing, Qt would try only "wayland" on
    some desktops: then desk asks for xcb (XWayland) itself and logs which packages to install.
    """
    import logging

    environ = os.environ if environ is None else environ
    candidates = platform_candidates(environ)
    loadable, problem = check_platform(environ)
    if problem is None and loadable and loadable[0] != candidates[0] and "QT_QPA_PLATFORM" not in environ:
        environ["QT_QPA_PLATFORM"] = loadable[0]
        wayland = [p.name for p in read_system_packages() if p.group == candidates[0]]
        logging.getLogger(__name__).warning(
            "Qt's %s plugin does not load (install: %s); using %s", candidates[0], " ".join(wayland), loadable[0])
    return problem
