"""desk-admin in the user's language: German, or English (the source texts).

Which language, the first that names one wins:

    1. the option  --lang de|en            (anywhere on the command line)
    2. the environment variable            DESK_LANGUAGE=de|en
    3. the language this user chose in the window (desk's own settings, see ui/settings.py:
       ~/.config/Diakonie/desk.conf on Linux, the registry key HKCU\\Software\\Diakonie\\desk on Windows)
    4. the user's locale: on Linux and macOS LANGUAGE, LC_ALL, LC_MESSAGES, LANG as gettext reads
       them (the C locale is English); on Windows the display language of the user's account
    5. English

Texts: the command line's own sentences are marked `tr("English")` in desk/cli (context "cli" of
resources/translations/de/cli.ts, kept by `scripts/i18n.py update`, checked by its `check`); the
error templates of the services are the window's own translations (context "errors" of core.ts),
so each sentence has one translation. The .ts files are read with the standard library: no Qt in
the command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from importlib import resources

from desk.domain.errors import DeskError, param_text
from desk.domain.tickets import BERLIN

LANGUAGES = ("de", "en")
LANGUAGE_VARIABLE = "DESK_LANGUAGE"
LANG_OPTION = "--lang"
#: the contexts desk-admin reads: its own, and the window's error templates
CONTEXTS = ("cli", "errors")
CLI_UNIT = "cli"

_current = "en"
_catalogue: dict[tuple[str, str], str] | None = None


def tr(text: str) -> str:
    """`text` (English, a sentence of desk-admin) in the current language."""
    return _lookup("cli", text)


def _cli_text(text: str) -> str:  # tr() of a text marked elsewhere (scripts/i18n.py wants tr's literals)
    return _lookup("cli", text)


def said(template: str, /, **params: object) -> str:
    """A step a service reports as `say(template, **params)` (scripts/i18n.py collects them, SAY_SOURCES)."""
    return _lookup("cli", template).format(**params)


def tr_noop(text: str) -> str:
    """Marks `text` for translation where it is defined; `tr` it where it is shown."""
    return text


def current_language() -> str:
    return _current


def set_language(language: str) -> str:
    global _current
    _current = language if language in LANGUAGES else "en"
    return _current


def _lookup(context: str, text: str) -> str:
    if _current == "en":
        return text
    return _load().get((context, text), text)


def _catalogue_if_german() -> dict[tuple[str, str], str]:
    return {} if _current == "en" else _load()


def _load() -> dict[tuple[str, str], str]:
    global _catalogue
    if _catalogue is None:
        import xml.etree.ElementTree as ET  # only when German is spoken

        catalogue: dict[tuple[str, str], str] = {}
        folder = resources.files("desk.resources") / "translations" / "de"
        for unit in (CLI_UNIT, "core"):
            try:
                root = ET.fromstring((folder / f"{unit}.ts").read_bytes())
            except (OSError, ET.ParseError):  # a broken install: English rather than a crash
                continue
            for context in root.iter("context"):
                name = context.findtext("name") or ""
                if name not in CONTEXTS:
                    continue
                for message in context.iter("message"):
                    translation = message.find("translation")
                    if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
                        continue
                    if translation.text:
                        catalogue[(name, message.findtext("source") or "")] = translation.text
        _catalogue = catalogue
    return _catalogue


def error_text(error: DeskError) -> str:
    """A DeskError in the current language: the same sentence the window shows (ui/context.py)."""
    context = "errors" if ("errors", error.template) in _catalogue_if_german() else "cli"  # cli: desk-admin's own
    template = _lookup(context, error.template)
    params = {key: _param(key, value) for key, value in error.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return error.message()


def _param(key: str, value: object) -> object:
    if key == "field" and isinstance(value, str):
        return _lookup("errors", value)
    return param_text(value, fmt_date, _current)  # days, moments and holidays as the reader expects them (below)


# -- dates and numbers as the reader expects them: German as the window writes them (ui/i18n.py);
# English with ISO dates, as desk-admin always printed them (scripts read them) --


def fmt_date(value: date | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d.%m.%Y") if _current == "de" else value.isoformat()


def fmt_datetime(moment: datetime | None) -> str:
    """The centre's time (moments are stored in UTC)."""
    if moment is None:
        return ""
    local = moment.astimezone(BERLIN) if moment.tzinfo is not None else moment
    return f"{fmt_date(local.date())} {local:%H:%M}"


def fmt_number(value: float, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    if _current == "de":  # 1,234.5 -> 1.234,5
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def whole_number(text: str) -> int:
    """A whole number as typed (argparse type; its own message says "invalid int value")."""
    try:
        return int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(tr("{text!r} is not a whole number").format(text=text)) from None


def parse_day(text: str) -> date:
    """A day as typed: 2027-12-31 or 31.12.2027 (argparse type)."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(tr("not a date (use YYYY-MM-DD or DD.MM.YYYY): {text}").format(text=text))


# -- choosing the language --


def choose_language(argv: Sequence[str], environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """The language of this run (see the module text); `argv` as given to desk-admin."""
    environ = os.environ if environ is None else environ
    asked = _option_value(argv)
    if asked in LANGUAGES:
        return asked
    # a wrong --lang value: argparse refuses it, in the language the other sources name
    named = environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    if named in LANGUAGES:
        return named
    return _window_language(environ) or locale_language(environ)


def _option_value(argv: Sequence[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == LANG_OPTION and index + 1 < len(argv):
            return argv[index + 1].strip().lower()
        if arg.startswith(LANG_OPTION + "="):
            return arg.split("=", 1)[1].strip().lower()
    return None


def without_lang_option(argv: Sequence[str]) -> list[str]:
    """`argv` without --lang X: it may stand anywhere, also after the command."""
    result: list[str] = []
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg == "--":
            result += argv[index:]
            break
        # a value that is not a language stays, for argparse to refuse
        if arg == LANG_OPTION and index + 1 < len(argv) and argv[index + 1].strip().lower() in LANGUAGES:
            skip = True
            continue
        if arg.startswith(LANG_OPTION + "=") and arg.split("=", 1)[1].strip().lower() in LANGUAGES:
            continue
        result.append(arg)
    return result


def _window_language(environ) -> str | None:
    """The language this user set in the window (QSettings("Diakonie", "desk"), key ui/language)."""
    import configparser

    try:
        if sys.platform == "win32":
            import winreg

            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, r"Software\Diakonie\desk\ui") as key:
                value = str(winreg.QueryValueEx(key, "language")[0])
        else:
            base = environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
            parser = configparser.ConfigParser(interpolation=None)
            if not parser.read(os.path.join(base, "Diakonie", "desk.conf"), encoding="utf-8"):
                return None
            value = parser.get("ui", "language", fallback="")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    value = value.strip().lower()
    return value if value in LANGUAGES else None


def locale_language(environ, platform: str | None = None) -> str:
    """German when the user's locale is German, else English."""
    if (platform or sys.platform) == "win32":
        return _windows_language()
    # gettext's order; LANGUAGE (a list, first of de/en wins) only counts outside the C locale
    locale = next((environ.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    if _base(locale) in {"", "c", "posix"}:
        return "en"
    for entry in [*environ.get("LANGUAGE", "").split(":"), locale]:
        if _base(entry) in LANGUAGES:
            return _base(entry)
    return "en"


def _base(locale: str) -> str:
    """'de_DE.UTF-8@euro' -> 'de'."""
    return locale.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].strip().lower()


def _windows_language() -> str:
    try:
        import ctypes

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return "en"
    return "de" if langid & 0x3FF == 0x07 else "en"  # LANG_GERMAN, any country


# -- argparse's own words (usage:, options, error: ...) --

ARGPARSE_TEXTS = (
    tr_noop("usage: "),
    tr_noop("positional arguments"),
    tr_noop("options"),
    tr_noop("show this help message and exit"),
    tr_noop("%(prog)s: error: %(message)s\n"),
    tr_noop("argument %(argument_name)s: %(message)s"),
    tr_noop("the following arguments are required: %s"),
    tr_noop("one of the arguments %s is required"),
    tr_noop("unrecognized arguments: %s"),
    tr_noop("not allowed with argument %s"),
    tr_noop("expected one argument"),
    tr_noop("expected at most one argument"),
    tr_noop("expected at least one argument"),
    tr_noop("ambiguous option: %(option)s could match %(matches)s"),
    tr_noop("invalid %(type)s value: %(value)r"),
    tr_noop("invalid choice: %(value)r (choose from %(choices)s)"),
    tr_noop("ignored explicit argument %r"),
    tr_noop("can't open '%(filename)s': %(error)s"),
    tr_noop("expected %s argument"),
    tr_noop("expected %s arguments"),
)


@contextmanager
def argparse_in_language() -> Iterator[None]:
    """argparse's own texts in the current language, while desk-admin parses its command line."""
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = _cli_text  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, n: _cli_text(one if n == 1 else many)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]
