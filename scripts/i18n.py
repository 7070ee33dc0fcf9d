#!/usr/bin/env python3
"""Translations: one German .ts file per UI unit, so features can be translated independently.

Units: each package under desk/ui/views/ and desk/ui/ is a unit named after it; the loose
modules of desk/ui (and desk/ui/views/registry.py) form the unit "core"; the user-facing
error templates of the lower layers and the labels of the domain's registries (audit actions,
context "audit"; business settings, context "settings") are collected into desk/ui/error_texts.py
(unit "core").

desk-admin (desk/cli, no Qt) has the unit "cli": every `tr("...")`/`tr_noop("...")` of desk/cli
and the templates of the errors it raises itself, written into cli.ts by this script (not by
lupdate; no .qm: desk-admin reads the .ts, see desk/cli/i18n.py). Its error messages are the
window's (context "errors" of core.ts), not repeated there.

A comment starting with `#:` in desk/ui is a translator note for lupdate, which attaches it to the
next translated string however far below; so it stands on the line right above that string, and a
developer's note there is a plain `#` (`check` reports a `#:` anywhere else).

    python scripts/i18n.py update            # re-scan sources, refresh every .ts, compile .qm
    python scripts/i18n.py check             # fail if any German entry is missing or unfinished
    python scripts/i18n.py translate UNIT F  # F: JSON {"English source": "Deutsch", ...}
    python scripts/i18n.py status            # unfinished entries per unit
"""

from __future__ import annotations

import ast
import builtins
import io
import json
import re
import shutil
import subprocess
import sys
import tokenize
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "desk" / "ui"
CLI = ROOT / "desk" / "cli"
CLI_UNIT = "cli"
CLI_MARKERS = {"tr", "tr_noop"}
#: modules below desk/cli that report their steps to desk-admin as say("template", **params)
SAY_SOURCES = (ROOT / "desk" / "services" / "server.py", ROOT / "desk" / "storage" / "roles.py")
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("de",)
ERROR_TEXTS = UI / "error_texts.py"
BUILTINS = set(dir(builtins))
ERROR_CLASSES = {"DeskError", "ValidationError", "NotFoundError", "ConflictError", "StaleError",
                 "PermissionDeniedError", "AuthenticationError", "DatabaseError",
                 "DatabaseUnavailableError", "DatabaseTooNewError", "LoginError", "ReservedError"}


TRANSLATION_CALL = re.compile(r"\b(tr|translate|QT_TR_NOOP|QT_TRANSLATE_NOOP3?)\(")


def stray_translator_notes(source: str) -> list[int]:
    """The first lines of the `#:` comments in `source` that lupdate would attach to a string they do
    not explain: those not on the lines right above a line with a translation call."""
    lines = source.splitlines()
    notes = sorted({token.start[0] for token in tokenize.generate_tokens(io.StringIO(source).readline)
                    if token.type == tokenize.COMMENT and token.string.startswith("#:")})
    stray = []
    for number in notes:
        if number - 1 in notes:  # a note of several lines: reported once, by its first line
            continue
        below = number + 1
        while below in notes:  # the string comes after the note's last line
            below += 1
        if below > len(lines) or not TRANSLATION_CALL.search(lines[below - 1]):
            stray.append(number)
    return stray


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def units() -> dict[str, list[Path]]:
    result: dict[str, list[Path]] = {"core": []}
    for path in sorted(UI.rglob("*.py")):
        rel = path.relative_to(UI).parts
        if len(rel) == 1 or (rel[0] == "views" and len(rel) == 2):
            result["core"].append(path)
        elif rel[0] == "views":
            result.setdefault(rel[1], []).append(path)
        else:
            result.setdefault(rel[0], []).append(path)
    return result


def collect_error_templates() -> list[str]:
    """English templates of DeskError subclasses raised or defined below the UI."""
    found: set[str] = set()
    for layer in ("domain", "services", "storage"):
        for path in (ROOT / "desk" / layer).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                    for keyword in node.keywords:  # field="Given name": field labels are translated too
                        if keyword.arg == "field" and isinstance(keyword.value, ast.Constant):
                            found.add(str(keyword.value.value))
                    if (name in ERROR_CLASSES or ((name or "").endswith("Error") and name not in BUILTINS)) and node.args:
                        first = node.args[0]
                        if isinstance(first, ast.Constant) and isinstance(first.value, str):
                            found.add(first.value)
                        elif isinstance(first, ast.JoinedStr):
                            pass
                if isinstance(node, ast.ClassDef):
                    for stmt in node.body:
                        if (isinstance(stmt, ast.Assign) and any(getattr(t, "id", "") == "template" for t in stmt.targets)
                                and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)):
                            found.add(stmt.value.value)
    found.add("An unexpected error occurred: {reason}")
    found.add("desk")
    return sorted(found)


#: Registries of the domain whose labels the UI translates: file -> (factory functions, context)
REGISTRIES = {"audit.py": (("_action", "_group"), "audit"), "settings.py": (("_setting",), "settings")}


def collect_registry_labels(module: str) -> list[str]:
    """The labels of a domain registry: the second argument of every call of its factories."""
    factories, _context = REGISTRIES[module]
    tree = ast.parse((ROOT / "desk" / "domain" / module).read_text(encoding="utf-8"))
    found = {node.args[1].value for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "id", "") in factories
             and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)}
    return sorted(found)


def write_error_texts() -> None:
    lines = [
        '"""Generated by scripts/i18n.py: the error templates of the lower layers and the labels of the registries, for lupdate.',
        "",
        'Do not edit; run `python scripts/i18n.py update`."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "ERROR_TEXTS = (",
    ]
    for text in collect_error_templates():
        lines.append(f"    QT_TRANSLATE_NOOP(\"errors\", {json.dumps(text, ensure_ascii=False)}),")
    lines.append(")")
    for module, (_factories, context) in REGISTRIES.items():
        lines.append("")
        lines.append(f"{context.upper()}_LABELS = (")
        for text in collect_registry_labels(module):
            lines.append(f"    QT_TRANSLATE_NOOP(\"{context}\", {json.dumps(text, ensure_ascii=False)}),")
        lines.append(")")
    ERROR_TEXTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _error_template(node: ast.Call) -> str | None:
    name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
    if (name in ERROR_CLASSES or ((name or "").endswith("Error") and name not in BUILTINS)) and node.args:
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def collect_cli_texts() -> list[str]:
    """desk-admin's own texts: the marked ones, and the errors desk/cli raises that the window lacks."""
    found: set[str] = set()
    window = set(collect_error_templates())
    for path in [*sorted(CLI.rglob("*.py")), *SAY_SOURCES]:
        in_cli = path.is_relative_to(CLI)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if not in_cli:
                if getattr(node.func, "id", None) == "say":
                    first = node.args[0] if node.args else None
                    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                        raise SystemExit(f"{path.relative_to(ROOT)}:{node.lineno}: say() needs a literal template")
                    found.add(first.value)
                continue
            if getattr(node.func, "id", None) in CLI_MARKERS:
                first = node.args[0] if node.args else None
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    raise SystemExit(f"{path.relative_to(ROOT)}:{node.lineno}: tr() needs a literal text "
                                     "(format it afterwards: tr('... {x}').format(x=...))")
                found.add(first.value)
            else:
                template = _error_template(node)
                if template is not None and template not in window and getattr(node.func, "id", "") != "ArgumentTypeError":
                    found.add(template)
    return sorted(found)


def write_cli_ts(language: str, translations: dict[str, str] | None = None) -> None:
    """cli.ts from the sources: kept translations, new texts unfinished, vanished ones dropped."""
    target = ts_path(CLI_UNIT, language)
    known: dict[str, tuple[str, bool]] = {}
    if target.exists():
        for message in ET.parse(target).getroot().iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text:
                known[message.findtext("source") or ""] = (translation.text, translation.get("type") is None)
    for source, text in (translations or {}).items():
        known[source] = (text, True)
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CLI_UNIT
    for source in collect_cli_texts():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        text, finished = known.get(source, ("", False))
        translation.text = text
        if not finished:
            translation.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    target.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def ts_path(unit: str, language: str) -> Path:
    return TS_DIR / language / f"{unit}.ts"


def update() -> None:
    write_error_texts()
    for language in LANGUAGES:
        (TS_DIR / language).mkdir(parents=True, exist_ok=True)
        current = units()
        for unit, files in current.items():
            target = ts_path(unit, language)
            subprocess.run([tool("pyside6-lupdate"), *map(str, files), "-no-obsolete", "-locations", "none",
                            "-target-language", language, "-ts", str(target)],
                           check=True, capture_output=True)
        write_cli_ts(language)
        for stale in (TS_DIR / language).glob("*.ts"):
            if stale.stem not in current and stale.stem != CLI_UNIT:
                stale.unlink()
    release()


def release() -> None:
    for language in LANGUAGES:
        for ts in sorted((TS_DIR / language).glob("*.ts")):
            if ts.stem == CLI_UNIT:  # read as .ts by desk-admin; the window does not load it
                continue
            subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                           check=True, capture_output=True)
        for qm in (TS_DIR / language).glob("*.qm"):
            if not qm.with_suffix(".ts").exists() or qm.stem == CLI_UNIT:
                qm.unlink()


def unfinished(ts: Path) -> list[str]:
    problems = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            problems.append(source)
            continue
        kind = translation.get("type", "")
        numerus = translation.findall("numerusform")
        text = "".join(n.text or "" for n in numerus) if numerus else (translation.text or "")
        if kind in {"unfinished", "vanished", "obsolete"} or not text.strip():
            problems.append(source)
    return problems


def check() -> int:
    """Fail when sources and .ts disagree, or when an entry lacks its German translation."""
    before = {p: p.read_bytes() for p in TS_DIR.rglob("*.ts")}
    error_texts_before = ERROR_TEXTS.read_bytes() if ERROR_TEXTS.exists() else b""
    update()
    failures = 0
    if ERROR_TEXTS.read_bytes() != error_texts_before:
        print("desk/ui/error_texts.py was out of date (run scripts/i18n.py update and commit)")
        failures += 1
    for language in LANGUAGES:
        for unit in [*units(), CLI_UNIT]:
            ts = ts_path(unit, language)
            if not ts.exists():
                print(f"{ts.relative_to(ROOT)}: missing")
                failures += 1
                continue
            missing = unfinished(ts)
            for source in missing:
                print(f"{ts.relative_to(ROOT)}: untranslated: {source!r}")
            failures += len(missing)
            if before.get(ts) is not None and before[ts] != ts.read_bytes():
                print(f"{ts.relative_to(ROOT)}: was out of date with the sources (run update and commit)")
                failures += 1
    for files in units().values():
        for path in files:
            for number in stray_translator_notes(path.read_text(encoding="utf-8")):
                print(f"{path.relative_to(ROOT)}:{number}: a '#:' comment is a translator note for the next "
                      "translated string: put it right above that string, or make it a plain '#' comment")
                failures += 1
    total = sum(len(list(ET.parse(p).getroot().iter("message"))) for p in TS_DIR.rglob("*.ts"))
    print(f"translations: {total} entries, {failures} problems")
    return 1 if failures else 0


def translate(unit: str, json_file: str, language: str = "de") -> None:
    mapping: dict[str, str] = json.loads(Path(json_file).read_text(encoding="utf-8"))
    ts = ts_path(unit, language)
    if unit == CLI_UNIT:
        write_cli_ts(language, mapping)
        print(f"{ts.relative_to(ROOT)}: {len(unfinished(ts))} still open")
        return
    tree = ET.parse(ts)
    changed = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        if source in mapping:
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.text = mapping[source]
            translation.attrib.pop("type", None)
            changed += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    files = units().get(unit, [])
    if files:  # back into lupdate's own format, so that `check` finds the committed file current
        subprocess.run([tool("pyside6-lupdate"), *map(str, files), "-no-obsolete", "-locations", "none",
                        "-target-language", language, "-ts", str(ts)], check=True, capture_output=True)
    release()
    print(f"{ts.relative_to(ROOT)}: {changed} entries translated, {len(unfinished(ts))} still open")


def status() -> None:
    for language in LANGUAGES:
        for ts in sorted((TS_DIR / language).glob("*.ts")):
            print(f"{language}/{ts.stem}: {len(unfinished(ts))} unfinished")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"update", "check", "translate", "status", "release"}:
        print(__doc__)
        return 2
    if argv[0] == "update":
        update()
    elif argv[0] == "release":
        release()
    elif argv[0] == "check":
        return check()
    elif argv[0] == "translate":
        translate(argv[1], argv[2])
    else:
        status()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
