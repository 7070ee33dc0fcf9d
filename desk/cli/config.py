"""`desk-admin config show`: the effective settings of this PC and where each came from.

    desk-admin config show [--database-url URL]

Order (first wins): command line, environment, the user's desk.toml, the machine's desk.toml,
the built-in default. See desk/services/config.py and docs/INSTALL.md.
"""

from __future__ import annotations

import argparse

from desk.cli.common import add_database_option
from desk.cli.i18n import current_language, tr
from desk.services.config import check_terminal_server, load_config
from desk.services.logs import log_dir


def register(subparsers: argparse._SubParsersAction) -> None:
    config = subparsers.add_parser("config", help=tr("the configuration of this PC (show)"))
    actions = config.add_subparsers(dest="config_command", metavar=tr("ACTION"))
    show = actions.add_parser("show", help=tr("print the effective settings and where each came from"))
    add_database_option(show)
    show.set_defaults(handler=_show)


def _source_word(text: str) -> str:
    return {"(not set)": tr("(not set)"), "command line": tr("command line"), "environment": tr("environment"),
            "user file": tr("user file"), "machine file": tr("machine file"), "detected:": tr("detected:"),
            "default": tr("default")}.get(text, text)


def _show(args: argparse.Namespace) -> int:
    config = load_config(database_url=args.database_url)
    none = tr(" (none)")
    machine = f"{config.machine_file}{'' if config.machine_file and config.machine_file.is_file() else none}"
    user = f"{config.user_file}{'' if config.user_file and config.user_file.is_file() else none}"
    print(tr("machine file: {file}").format(file=machine))
    print(tr("user file:    {file}").format(file=user))
    # where to find the logs someone asks for (this user's; every user of the PC has their own)
    print(tr("log folder:   {folder} (desk.log, desk-admin.log, faults.log of this user)").format(folder=log_dir()))
    print(tr("language:     {language} (desk-admin; docs/INSTALL.md, 'The language of desk-admin')").format(
        language=current_language()))
    for line in config.lines(word=_source_word):
        print(line)
    check_terminal_server(config)  # says so (exit 1) when this PC would refuse to start
    return 0
