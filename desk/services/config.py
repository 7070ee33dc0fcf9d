"""The effective configuration of this PC: database address, backup folder, display options.

Sources, the first that sets a value wins:

    1. the command line            (--database-url, --screen)
    2. the environment             (DESK_DATABASE_URL, DESK_DISPLAY_SCREEN)
    3. the user's file             <user config dir>/desk.toml   (platformdirs user_config_dir)
    4. the machine's file          <site config dir>/desk.toml   (ProgramData\\desk on Windows,
                                   /etc/xdg/desk on Linux; DESK_MACHINE_CONFIG names another file)
    5. the built-in default        the SQLite file in the user's data folder

The files are TOML (read with the standard library's tomllib):

    [database]
    url = "postgresql+psycopg://desk@server.example:5432/desk?sslmode=verify-full"
    [backup]
    folder = "/var/backups/desk"     # PostgreSQL backups: machine file only
    [erasure]
    ledger = "/var/backups/desk/desk-erasures.txt"   # PostgreSQL: default desk-erasures.txt in
                                     # the backup folder; every PC must reach the same file
    [display]
    screen = 1                       # the waiting-room display's monitor (0 = first)
    full_screen = true
    [machine]
    terminal_server = true           # force the terminal-server rule (else detected)

Passwords never go in a file: a database address with a password in desk.toml is refused, and
libpq's password file (pgpass) supplies it. `desk-admin config show` prints every setting with
where it came from.
"""

from __future__ import annotations

import os
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from platformdirs import site_config_path, user_config_path

from desk.domain.errors import DeskError
from desk.services.paths import APP_AUTHOR, APP_NAME, default_database_path

CONFIG_FILE = "desk.toml"
MACHINE_CONFIG_VARIABLE = "DESK_MACHINE_CONFIG"
USER_CONFIG_VARIABLE = "DESK_USER_CONFIG"
DATABASE_URL_VARIABLE = "DESK_DATABASE_URL"


@dataclass(frozen=True)
class Setting:
    key: str  # "database.url"
    kind: type
    env: str | None  # environment variable
    layers: tuple[str, ...]  # which files may set it: "user", "machine"
    help: str


SETTINGS = (
    Setting("database.url", str, DATABASE_URL_VARIABLE, ("user", "machine"), "database address"),
    Setting("backup.folder", str, None, ("machine",), "folder for PostgreSQL backups"),
    Setting("erasure.ledger", str, "DESK_ERASURE_LEDGER", ("machine",),
            "ledger of erasures (PostgreSQL default: desk-erasures.txt in backup.folder)"),
    Setting("display.screen", int, "DESK_DISPLAY_SCREEN", ("user", "machine"), "monitor of the waiting-room display"),
    Setting("display.full_screen", bool, None, ("user", "machine"), "waiting-room display fills its monitor"),
    Setting("machine.terminal_server", bool, None, ("machine",), "this computer is a terminal server"),
)
_BY_KEY = {s.key: s for s in SETTINGS}
#: a section of the machine file that another module reads (the reminder channels)
OWN_SECTIONS_ELSEWHERE = "reminders"
#: how a wrong type is told to the person editing the file (not "must be a int")
_KIND_WORDS = {int: "a whole number (without quotes)", bool: "true or false (without quotes)",
               str: "text in quotes"}
_KIND_EXAMPLES = {int: "1", bool: "true", str: '"..."'}


class ConfigError(DeskError):
    template = "The configuration {path} cannot be used: {reason}"


def machine_config_path() -> Path:
    override = os.environ.get(MACHINE_CONFIG_VARIABLE, "").strip()
    if override:
        return Path(override)
    return site_config_path(APP_NAME, appauthor=False) / CONFIG_FILE


def user_config_path_() -> Path:
    override = os.environ.get(USER_CONFIG_VARIABLE, "").strip()
    if override:
        return Path(override)
    return user_config_path(APP_NAME, APP_AUTHOR) / CONFIG_FILE


def url_password(url: str) -> str | None:
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def mask_password(url: str) -> str:
    """The address as it may be printed or logged: a password becomes ***."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
        return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return url


def _read_file(path: Path, layer: str) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(path=str(path), reason=str(error)) from error
    values: dict[str, Any] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise ConfigError(path=str(path), reason=f"'{section}' must be a [section]")
        if section == OWN_SECTIONS_ELSEWHERE:  # [reminders.smtp], [reminders.sms]: read and checked by
            if layer != "machine":             # services/reminder_channels.py (docs/REMINDERS.md)
                raise ConfigError(path=str(path), reason=f"'[{section}.*]' may only be set in the machine configuration")
            continue
        for name, value in table.items():
            key = f"{section}.{name}"
            setting = _BY_KEY.get(key)
            if setting is None:
                raise ConfigError(path=str(path), reason=f"unknown setting '{key}' (known: {', '.join(_BY_KEY)})")
            if layer not in setting.layers:
                raise ConfigError(path=str(path), reason=f"'{key}' may only be set in the machine configuration")
            if not isinstance(value, setting.kind) or (setting.kind is int and isinstance(value, bool)):
                raise ConfigError(path=str(path), reason=f"'{key}' must be {_KIND_WORDS[setting.kind]}, "
                                                         f"e.g. {key.split('.')[1]} = {_KIND_EXAMPLES[setting.kind]}")
            if key == "database.url" and url_password(value):
                raise ConfigError(path=str(path), reason="the database address contains a password; passwords "
                                  "never go in desk.toml - put it in the password file (pgpass, docs/INSTALL.md)")
            values[key] = value
    return values


@dataclass(frozen=True)
class Value:
    value: Any
    source: str  # "command line", "environment DESK_DATABASE_URL", "user file PATH", "machine file PATH", "default"

    @property
    def layer(self) -> str:
        return self.source.split(" ", 1)[0]


@dataclass(frozen=True)
class Config:
    values: dict[str, Value] = field(default_factory=dict)
    machine_file: Path | None = None
    user_file: Path | None = None
    machine: dict[str, Any] = field(default_factory=dict)  # what the machine file says

    def get(self, key: str) -> Any:
        item = self.values.get(key)
        return item.value if item else None

    def source(self, key: str) -> str:
        item = self.values.get(key)
        return item.source if item else "default"

    @property
    def database_url(self) -> str:
        return self.get("database.url")

    @property
    def machine_names_a_server(self) -> bool:
        """The machine file names a database that is not an SQLite file (a server)."""
        url = self.machine.get("database.url")
        return bool(url) and not str(url).startswith("sqlite")

    def lines(self, word: Callable[[str], str] = str) -> list[str]:
        """One line per setting; `word` translates the words of SOURCE_WORDS (desk-admin's language)."""
        width = max(len(s.key) for s in SETTINGS)
        out = []
        for setting in SETTINGS:
            item = self.values.get(setting.key)
            value = item.value if item else None
            shown = word("(not set)") if value is None else (
                mask_password(value) if setting.key == "database.url" else value)
            source = item.source if item else "default"
            prefix = next((p for p in SOURCE_WORDS if source.startswith(p)), "")
            out.append(f"{setting.key:<{width}}  {shown}  [{word(prefix) if prefix else ''}{source[len(prefix):]}]")
        return out


#: the words of `Config.lines` that are not a key, a value or a path
SOURCE_WORDS = ("(not set)", "command line", "environment", "user file", "machine file", "detected:", "default")


def load_config(*, database_url: str | None = None, screen: int | None = None) -> Config:
    """The effective configuration (command-line values given as arguments)."""
    machine_file, user_file = machine_config_path(), user_config_path_()
    layers: list[tuple[str, dict[str, Any]]] = [
        ("command line", {"database.url": database_url, "display.screen": screen}),
    ]
    env: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = os.environ.get(setting.env, "").strip() if setting.env else ""
        if raw:
            try:
                env[setting.key] = setting.kind(raw)
            except ValueError as error:
                raise ConfigError(path=f"${setting.env}", reason=f"not a {setting.kind.__name__}") from error
    layers.append(("environment", env))
    layers.append((f"user file {user_file}", _read_file(user_file, "user")))
    machine = _read_file(machine_file, "machine")
    layers.append((f"machine file {machine_file}", machine))
    values: dict[str, Value] = {}
    for source, found in layers:
        for key, value in found.items():
            if value is None or key in values:
                continue
            label = source
            if source == "environment":
                label = f"environment {_BY_KEY[key].env}"
            values[key] = Value(value, label)
    if "database.url" not in values:
        values["database.url"] = Value(f"sqlite+pysqlite:///{default_database_path()}", "default")
    if "display.full_screen" not in values:
        values["display.full_screen"] = Value(True, "default")
    if "machine.terminal_server" not in values:
        detected = detect_terminal_server()
        values["machine.terminal_server"] = Value(detected is not None, f"detected: {detected}" if detected
                                                  else "default (not detected)")
    return Config(values=values, machine_file=machine_file, user_file=user_file, machine=machine)


def detect_terminal_server() -> str | None:
    """How this session shows it runs on a terminal server (or None).

    Windows: GetSystemMetrics(SM_REMOTESESSION) in a Remote Desktop session, or SESSIONNAME
    "RDP-Tcp#N". Linux: XRDP_SESSION (xrdp) or X2GO_SESSION (X2Go). An administrator can also
    state it in the machine file ([machine] terminal_server = true), which wins.
    """
    if sys.platform == "win32":
        try:
            import ctypes

            if ctypes.windll.user32.GetSystemMetrics(0x1000):  # type: ignore[attr-defined]
                return "remote desktop session"
        except (AttributeError, OSError):
            pass
        if os.environ.get("SESSIONNAME", "").upper().startswith("RDP-"):
            return "SESSIONNAME " + os.environ["SESSIONNAME"]
        return None
    for variable in ("XRDP_SESSION", "X2GO_SESSION"):
        if os.environ.get(variable):
            return variable
    return None


class TerminalServerError(DeskError):
    template = ("This computer is a terminal server ({how}): every user must work on the one database "
                "named in the machine configuration {path} ([database] url). desk does not create a "
                "database of its own for each user. Ask the administrator to set it up (docs/INSTALL.md).")


def check_terminal_server(config: Config) -> None:
    """Refuse a per-user SQLite file (the built-in default or a user's own file) on a terminal server."""
    if not config.get("machine.terminal_server"):
        return
    url = config.database_url
    layer = config.values["database.url"].layer
    if url.startswith("sqlite") and layer in {"default", "user"}:
        raise TerminalServerError(how=config.source("machine.terminal_server"), path=str(config.machine_file))


def save_user_database_url(url: str) -> Path:
    """Write [database] url into this user's desk.toml (other settings there are kept); a
    password in the address is refused. Returns the file."""
    if url_password(url):
        raise ConfigError(path="desk.toml", reason="the database address contains a password; passwords "
                          "never go in desk.toml - put it in the password file (pgpass, docs/INSTALL.md)")
    path = user_config_path_()
    values = _read_file(path, "user")
    values["database.url"] = url
    sections: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        section, name = key.split(".", 1)
        sections.setdefault(section, {})[name] = value
    lines = ["# desk: this user's settings (desk-admin config show lists them with the machine's)"]
    for section, table in sections.items():
        lines.append(f"[{section}]")
        for name, value in table.items():
            lines.append(f"{name} = {_toml_value(value)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
