"""Build desk without Python on the target: a self-contained folder with `desk` (windowed) and
`desk-admin` (console) side by side, then the platform's installer around it.

    python scripts/build.py            # Linux: dist/desk/ and dist/desk_<version>_<arch>.deb
                                       # Windows: dist\\desk\\ and (with Inno Setup) dist\\desk-<version>-setup.exe
    python scripts/build.py --no-installer    # only the folder
    python scripts/build.py --reuse-venv      # keep build/venv from a previous run

Steps: a fresh virtual environment in build/venv with exactly the tested versions
(constraints.txt) and PyInstaller; desk installed from this source tree (not editable, as a
user's install would be); PyInstaller with packaging/desk.spec (the one build definition of
both platforms); then the installer: packaging/deb.py (dpkg-deb) on Linux, Inno Setup's ISCC
with packaging/desk.iss on Windows. docs/INSTALL.md explains the choice and the install.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
VENV = BUILD / "venv"
WINDOWS = sys.platform == "win32"


def venv_program(name: str) -> Path:
    return VENV / ("Scripts" if WINDOWS else "bin") / (f"{name}.exe" if WINDOWS else name)


def run(*command: str | Path, **kwargs) -> None:
    print("+", " ".join(str(c) for c in command), flush=True)
    subprocess.run([str(c) for c in command], check=True, **kwargs)


def version() -> str:
    for line in (ROOT / "desk" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("desk/__init__.py has no __version__")


def make_venv(reuse: bool) -> None:
    if reuse and venv_program("pyinstaller").exists():
        pip = [venv_program("python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        run(*pip, "-c", ROOT / "constraints.txt", ROOT)  # dependencies added since
        run(*pip, "--no-deps", "--force-reinstall", ROOT)  # this source tree, even at the same version
        return
    shutil.rmtree(VENV, ignore_errors=True)
    run(sys.executable, "-m", "venv", VENV)
    pip = [venv_program("python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # build isolation would fetch setuptools unpinned; the tested ones are named in constraints.txt
    run(*pip, "-c", ROOT / "constraints.txt", ROOT, "pyinstaller")


def freeze() -> Path:
    shutil.rmtree(DIST / "desk", ignore_errors=True)
    run(venv_program("pyinstaller"), "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", ROOT / "packaging" / "desk.spec")
    folder = DIST / "desk"
    for name in ("desk", "desk-admin"):
        exe = folder / (f"{name}.exe" if WINDOWS else name)
        if not exe.is_file():
            raise SystemExit(f"the build lacks {exe}")
    return folder


def installer(folder: Path) -> Path | None:
    if WINDOWS:
        iscc = shutil.which("ISCC") or shutil.which("iscc")
        default = Path(os.environ.get("ProgramFiles(x86)", "C:/Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe"
        if iscc is None and default.exists():
            iscc = str(default)
        if iscc is None:
            print("Inno Setup (ISCC.exe) not found: only the folder was built. Install Inno Setup 6 "
                  "(winget install JRSoftware.InnoSetup) and run this again.")
            return None
        run(iscc, f"/DAppVersion={version()}", f"/DSourceDir={folder}", f"/O{DIST}",
            ROOT / "packaging" / "desk.iss")
        return DIST / f"desk-{version()}-setup.exe"
    sys.path.insert(0, str(ROOT / "packaging"))
    from deb import build_deb

    return build_deb(folder, DIST, version(), venv_program("python"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-installer", action="store_true", help="build only the folder dist/desk")
    parser.add_argument("--reuse-venv", action="store_true", help="reuse build/venv (only desk is reinstalled)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    make_venv(args.reuse_venv)
    folder = freeze()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"built {folder}: {size / 1e6:.0f} MB in {time.perf_counter() - started:.0f} s")
    if not args.no_installer:
        package = installer(folder)
        if package is not None:
            print(f"installer: {package} ({package.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
