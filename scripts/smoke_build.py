"""Smoke test of the BUILT programs (not the source): run by CI on the Linux build and on the
installed .deb; runs the same way on Windows against the built folder.

    python scripts/smoke_build.py FOLDER     # FOLDER holds desk and desk-admin (dist/desk, /usr/bin)

Checks: desk-admin --version is this source's version; desk-admin --lang de speaks German; a new database is created and migrated
to the newest schema; demo data, then the report as PDF (German text, checked with pdftotext
where installed) and as xlsx (a valid workbook); the client-data export PDF; `desk --demo`
starts (offscreen) and shows German text; the waiting-room display starts; both windows carry
desk's icon, and the icon files are in the build (and, installed from the .deb, in the icon theme
and named by the start-menu entries). Prints one line per check and the start-up times.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if sys.platform == "win32" else ""


def source_version() -> str:
    return re.search(r'__version__ = "([^"]+)"', (ROOT / "desk" / "__init__.py").read_text(encoding="utf-8")).group(1)


def run(program: Path, *args: str, env: dict[str, str], timeout: int = 300) -> tuple[str, float]:
    started = time.perf_counter()
    result = subprocess.run([str(program), *args], capture_output=True, text=True, encoding="utf-8", env=env,
                            timeout=timeout, check=False)
    took = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"FAILED: {program.name} {' '.join(args)} -> {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result.stdout, took


def check_icon_files(desk: Path) -> None:
    """The icon's files in the build; where desk is installed from the .deb (/usr/bin/desk -> /opt/desk),
    also in the hicolor icon theme, named by every start-menu entry (Icon=desk)."""
    folder = desk.resolve().parent
    icons = folder / "_internal" / "desk" / "resources" / "icons"
    missing = [name for name in ("desk-16.png", "desk-256.png", "desk.ico") if not (icons / name).is_file()]
    assert not missing, f"the build lacks {missing} in {icons}"
    print(f"ok  the icon files are in the build ({icons.relative_to(folder)})")
    if desk.parent == Path("/usr/bin"):
        check_installed_icon(Path("/usr/share"))


def check_installed_icon(share: Path) -> None:
    themed = [share / "icons/hicolor/scalable/apps/desk.svg",
              *(share / f"icons/hicolor/{s}x{s}/apps/desk.png" for s in (16, 32, 48, 256))]
    missing = [str(p) for p in themed if not p.is_file()]
    assert not missing, f"the package did not install {missing}"
    entries = [share / "applications" / f"{name}.desktop" for name in ("desk", "desk-display", "desk-kiosk")]
    for entry in entries:
        assert "Icon=desk" in entry.read_text(encoding="utf-8").splitlines(), f"{entry} names no Icon=desk"
    print(f"ok  the icon is installed in the hicolor theme and named by {', '.join(e.name for e in entries)}")


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "dist" / "desk"
    desk, admin = folder / f"desk{EXE}", folder / f"desk-admin{EXE}"
    work = Path(tempfile.mkdtemp(prefix="desk-smoke-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(work / "data"),
           "XDG_STATE_HOME": str(work / "state"), "XDG_CONFIG_HOME": str(work / "config"),
           "DESK_LOG_DIR": str(work / "logs"),
           "DESK_LANGUAGE": "en"}  # the checks below read desk-admin's English, whatever this PC's language
    env.pop("DESK_DATABASE_URL", None)
    url = f"sqlite+pysqlite:///{(work / 'centre.sqlite').as_posix()}"

    out, took = run(admin, "--version", env=env)
    assert out.strip() == f"desk-admin {source_version()}", out
    print(f"ok  desk-admin --version: {out.strip()} ({took:.2f} s)")

    # desk-admin makes no SQLite file it is pointed at by mistake: it names the missing file
    missing = subprocess.run([str(admin), "info", "--database-url", url], env=env, capture_output=True,
                             text=True, encoding="utf-8", timeout=300, check=False)
    assert missing.returncode != 0 and "does not exist" in missing.stderr, missing
    assert not (work / "centre.sqlite").exists()
    print("ok  desk-admin info on a missing database file names it and makes none")

    # the translations are in the build (desk-admin reads the .ts files: cli.ts, core.ts' errors)
    out, _ = run(admin, "--lang", "de", "--help", env=env)
    assert out.startswith("Aufruf: desk-admin") and "Verwaltung der Anwendung desk." in out, out[:300]
    german = subprocess.run([str(admin), "--lang", "de", "info", "--database-url", url], env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
    assert "gibt es nicht" in german.stderr, german
    print("ok  desk-admin speaks German with --lang de (help, and the window's error sentences)")

    run(admin, "demo-data", "--database-url", url, "--years", "1", "--clients", "400", "--visits", "3000",
        "--appointments", "300", "--bookings", "100", env=env, timeout=900)
    out, _ = run(admin, "info", "--database-url", url, env=env)
    schema = re.search(r"schema:\s+(\S+) \(this program: (\S+)\)", out)
    assert schema and schema.group(1) == schema.group(2), out
    print(f"ok  demo-data created the database, migrated to schema {schema.group(1)}")
    secret = work / "leitung.password"  # the demo accounts' password, for desk-admin's head login
    secret.write_text("demo\n", encoding="utf-8")
    secret.chmod(0o600)
    login = ["--user", "leitung", "--password-file", str(secret)]
    year = time.localtime().tm_year
    pdf, xlsx = work / "bericht.pdf", work / "bericht.xlsx"
    run(admin, "report", "--from", f"{year - 1}-01-01", "--to", f"{year}-12-31", "--format", "pdf",
        "--output", str(pdf), "--database-url", url, *login, env=env)
    assert pdf.read_bytes().startswith(b"%PDF"), "the report is not a PDF"
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "Statistischer Bericht" in text, text[:300]
    run(admin, "report", "--from", f"{year - 1}-01-01", "--to", f"{year}-12-31", "--format", "xlsx",
        "--output", str(xlsx), "--database-url", url, *login, env=env)
    with zipfile.ZipFile(xlsx) as book:
        assert "xl/workbook.xml" in book.namelist() and book.testzip() is None
    print(f"ok  report as PDF ({pdf.stat().st_size // 1024} KB, German) and xlsx ({xlsx.stat().st_size // 1024} KB)")

    run(admin, "export-client", "1", "--to", str(work / "auskunft"), "--database-url", url, *login, env=env)
    exported = sorted(p.suffix for p in (work / "auskunft").iterdir())
    assert exported == [".json", ".pdf"], exported
    print("ok  client-data export (JSON + PDF)")

    out, took = run(desk, "--demo", "--smoke-test", env=env)
    report = json.loads(next(line for line in out.splitlines() if line.startswith('{"shown"')))
    shown = report["shown"]
    assert any("Anmeldung" in t for t in shown) and any("Passwort" in t for t in shown), shown
    assert {16, 32, 256} <= set(report["icon_sizes"]), report["icon_sizes"]
    print(f"ok  desk --demo shows German text: {shown[0]!r}, {shown[2]!r} ({took:.1f} s with the demo data)")

    out, took = run(desk, "--smoke-test", "--database-url", url, env=env)
    print(f"ok  desk starts on the centre's database ({took:.1f} s to the first window and out)")

    out, took = run(desk, "--display", "--smoke-test", "--database-url", url, env=env)
    report = json.loads(next(line for line in out.splitlines() if line.startswith('{"shown"')))
    assert "Wartezimmer-Anzeige" in report["shown"], report["shown"]
    assert {16, 32, 256} <= set(report["icon_sizes"]), report["icon_sizes"]
    print(f"ok  the waiting-room display starts ({took:.1f} s); login and display carry desk's icon "
          f"({', '.join(map(str, report['icon_sizes']))} px)")
    check_icon_files(desk)
    shutil.rmtree(work, ignore_errors=True)
    print("smoke test of the build: all checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
