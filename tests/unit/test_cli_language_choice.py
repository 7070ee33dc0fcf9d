"""desk-admin chooses its language as the user expects (desk/cli/i18n.py), and every text it
says has its German translation."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desk.cli import i18n
from desk.cli.i18n import choose_language, locale_language, without_lang_option

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "de"),
    ({"LANG": "de_AT.UTF-8"}, "de"),
    ({"LANG": "de_CH"}, "de"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "tr_TR.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, "de"),  # the messages' locale decides
    ({"LANG": "de_DE.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL overrides everything
    ({"LANG": "de_DE.UTF-8", "LANGUAGE": "en"}, "en"),  # gettext's priority list
    ({"LANG": "en_GB.UTF-8", "LANGUAGE": "fr:de:en"}, "de"),  # first of the list desk speaks
    ({"LANG": "C", "LANGUAGE": "de"}, "en"),  # gettext ignores LANGUAGE in the C locale
])
def test_the_locale_of_linux_decides(environ, expected) -> None:
    assert locale_language(environ, platform="linux") == expected
    assert choose_language([], environ) == expected


def test_windows_asks_the_display_language_of_the_account(monkeypatch) -> None:
    monkeypatch.setattr(i18n, "_windows_language", lambda: "de")
    assert locale_language({"LANG": "C"}, platform="win32") == "de"


def test_the_option_beats_the_variable_and_the_variable_beats_the_locale(tmp_path) -> None:
    german = {"LANG": "de_DE.UTF-8", "XDG_CONFIG_HOME": str(tmp_path)}
    assert choose_language(["--lang", "en", "info"], german) == "en"
    assert choose_language(["info", "--lang=en"], german) == "en"  # also after the command
    assert choose_language(["info"], {**german, "DESK_LANGUAGE": "en"}) == "en"
    assert choose_language(["--lang", "de"], {"LANG": "C", "DESK_LANGUAGE": "en"}) == "de"
    assert choose_language(["info"], {"LANG": "C", "DESK_LANGUAGE": "DE"}) == "de"
    assert choose_language(["info"], {"LANG": "C", "DESK_LANGUAGE": "fr"}) == "en"  # unknown: not a choice
    assert choose_language(["--lang", "fr"], german) == "de"  # refused by argparse, in German
    # an argument after "--" is a value, not the option
    assert choose_language(["--", "--lang", "de"], {"LANG": "C"}) == "en"


@pytest.mark.skipif(sys.platform == "win32", reason="the window's settings are in the registry there")
def test_the_language_chosen_in_the_window_beats_the_locale(tmp_path) -> None:
    """The same person switched the window to English: desk-admin follows (QSettings' file, read
    without Qt; tests/ui/test_languages.py writes it with Qt itself)."""
    folder = tmp_path / "Diakonie"
    folder.mkdir()
    (folder / "desk.conf").write_text("[ui]\ngeometry=@Variant(\\0\\0\\0\\x7f)\nlanguage=en\n", encoding="utf-8")
    environ = {"LANG": "de_DE.UTF-8", "XDG_CONFIG_HOME": str(tmp_path)}
    assert choose_language([], environ) == "en"
    assert choose_language([], {**environ, "DESK_LANGUAGE": "de"}) == "de"
    (folder / "desk.conf").write_bytes(b"\xff\xfe broken")  # a damaged file is no choice
    assert choose_language([], environ) == "de"


def test_the_option_is_taken_out_wherever_it_stands() -> None:
    assert without_lang_option(["--lang", "de", "info", "--database-url", "x"]) == ["info", "--database-url", "x"]
    assert without_lang_option(["info", "--lang=en"]) == ["info"]
    assert without_lang_option(["info", "--lang", "fr"]) == ["info", "--lang", "fr"]  # argparse refuses it
    assert without_lang_option(["info", "--", "--lang", "de"]) == ["info", "--", "--lang", "de"]


def test_dates_and_numbers_as_a_german_reader_expects() -> None:
    try:
        i18n.set_language("de")
        assert i18n.fmt_date(date(2027, 3, 28)) == "28.03.2027"
        assert i18n.fmt_datetime(datetime(2027, 3, 28, 1, 30, tzinfo=UTC)) == "28.03.2027 03:30"  # Berlin, summer
        assert i18n.fmt_number(1234.5, 1) == "1.234,5"
        i18n.set_language("en")
        assert i18n.fmt_date(date(2027, 3, 28)) == "2027-03-28"
        assert i18n.fmt_number(1234.5, 1) == "1,234.5"
    finally:
        i18n.set_language("en")


def _cli_catalogue() -> dict[str, str | None]:
    root = ET.parse(ROOT / "resources" / "translations" / "de" / "cli.ts").getroot()
    result = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        finished = translation is not None and translation.get("type") is None and (translation.text or "").strip()
        result[message.findtext("source") or ""] = translation.text if finished else None
    return result


def test_every_text_of_desk_admin_has_its_german_translation() -> None:
    """A tr("...") in desk/cli without a German entry in cli.ts fails here (and in
    `scripts/i18n.py check`): run `python scripts/i18n.py update`, then translate it."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n as tool
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    catalogue = _cli_catalogue()
    missing = [text for text in tool.collect_cli_texts() if not catalogue.get(text)]
    assert not missing, f"desk-admin texts without German (scripts/i18n.py update, then translate cli): {missing}"


def test_the_german_texts_keep_every_placeholder() -> None:
    """A translation that loses {path} or %(prog)s would raise (or say less) at the moment it is shown."""
    import re

    pattern = re.compile(r"\{[a-z_]+(?:![rs])?\}|%\([a-z_]+\)[rsd]|%[rsd]")
    for source, german in _cli_catalogue().items():
        if german is not None:
            assert sorted(pattern.findall(source)) == sorted(pattern.findall(german)), (source, german)


def _parser_texts(parser, path="desk-admin"):
    """(where, text) of every help, description and epilog of the parser and its commands."""
    import argparse

    for name in ("description", "epilog"):
        if getattr(parser, name):
            yield f"{path} {name}", getattr(parser, name)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield f"{path} {'/'.join(action.option_strings) or action.dest}", action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield f"{path} {choice.dest}", choice.help
            for name, sub in action.choices.items():
                yield from _parser_texts(sub, f"{path} {name}")


def test_every_help_text_of_every_command_is_german_in_german() -> None:
    """A command added with help="English" (not tr("English")) shows English in the German help."""
    from desk.cli import build_parser

    try:
        with i18n.argparse_in_language():  # its own "show this help message and exit" too
            i18n.set_language("en")
            english = dict(_parser_texts(build_parser()))
            i18n.set_language("de")
            german = dict(_parser_texts(build_parser()))
    finally:
        i18n.set_language("en")
    assert english.keys() == german.keys()
    same = [f"{where}: {text!r}" for where, text in english.items() if german[where] == text]
    assert not same, "help texts not marked with tr() (desk/cli/i18n.py):\n" + "\n".join(same)


def test_what_desk_admin_prints_is_marked_for_translation() -> None:
    """print(), input() and argparse's type errors in desk/cli say nothing in words that is not
    tr("..."): the bench's figures are English on purpose (docs/PERFORMANCE.md quotes them)."""
    import ast
    import re

    allowed = {"desk", "admin", "MB"}
    spoken = {"print", "input", "getpass", "ArgumentTypeError"}
    marked = {"tr", "said", "error_text", "printable"}
    found = []
    for path in sorted((ROOT / "desk" / "cli").glob("*.py")):
        if path.name in {"bench.py", "internal.py"}:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None))
                    in spoken and node.args):
                continue
            stack = [node.args[0]]
            while stack:
                part = stack.pop()
                if isinstance(part, ast.Call) and getattr(part.func, "id", None) in marked - {"printable"}:
                    continue
                if isinstance(part, ast.Subscript | ast.Compare):  # a key (hit["score"]), a comparison
                    continue
                if isinstance(part, ast.Constant) and isinstance(part.value, str) and not part.value.startswith("."):
                    words = set(re.findall(r"[A-Za-z]{2,}", part.value)) - allowed
                    if words:
                        found.append(f"{path.name}:{node.lineno}: {part.value!r}")
                    continue
                if isinstance(part, ast.FormattedValue):  # {x:<15}: the value, not its format spec
                    stack.append(part.value)
                    continue
                stack.extend(ast.iter_child_nodes(part))
    assert not found, "texts desk-admin says without tr():\n" + "\n".join(found)


def test_on_windows_the_window_s_choice_is_read_from_the_registry(monkeypatch) -> None:
    """QSettings("Diakonie", "desk") keeps ui/language under HKCU\\Software\\Diakonie\\desk\\ui."""
    import types
    from contextlib import contextmanager

    opened = []

    @contextmanager
    def open_key(root, path):
        opened.append((root, path))
        yield "key"

    fake = types.SimpleNamespace(HKEY_CURRENT_USER="HKCU", OpenKey=open_key,
                                 QueryValueEx=lambda key, name: ("en", 1) if name == "language" else None)
    monkeypatch.setitem(sys.modules, "winreg", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(i18n, "_windows_language", lambda: "de")
    assert choose_language([], {}) == "en"
    assert opened == [("HKCU", r"Software\Diakonie\desk\ui")]

    def missing(root, path):
        raise FileNotFoundError(path)

    fake.OpenKey = missing  # never switched in the window: the account's display language
    assert choose_language([], {}) == "de"
