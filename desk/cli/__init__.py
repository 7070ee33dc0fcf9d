"""desk-admin: the admin command line. Each feature adds its subcommands in a module of its own
here (a `register(subparsers)` function) and is listed in COMMAND_MODULES."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from desk import __version__
from desk.cli.i18n import (
    LANG_OPTION,
    LANGUAGE_VARIABLE,
    argparse_in_language,
    choose_language,
    error_text,
    set_language,
    tr,
    without_lang_option,
)
from desk.domain.errors import DeskError
from desk.domain.text import printable
from desk.services.paths import PRIVATE_UMASK

COMMAND_MODULES = (
    "desk.cli.database",
    "desk.cli.server",
    "desk.cli.config",
    "desk.cli.appointments",
    "desk.cli.calendar",  # after appointments: adds --room/--booking to its export-ics
    "desk.cli.accounts",
    "desk.cli.setup",
    "desk.cli.privacy",
    "desk.cli.audit",
    "desk.cli.backup",
    "desk.cli.waitlist",
    "desk.cli.clients",
    "desk.cli.demo",
    "desk.cli.bench",
    "desk.cli.reports",
    "desk.cli.internal",  # hidden: the children desk starts of itself (PDFs, bench probes)
    "desk.cli.reminders",
    "desk.cli.kiosk",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desk-admin", description=tr("Administration of the desk application."),
        epilog=tr("Each command says more with: desk-admin COMMAND --help. Commands that show or change "
                  "personal data, accounts, settings or backups log in as a head of department (asked, or "
                  "--user and --password-file). Exit status 0: done; any other: refused or failed, with the "
                  "reason printed (details in the log: 'desk-admin config show' names its folder). Installing, "
                  "configuring, backups and restores: docs/INSTALL.md."))
    parser.add_argument("--version", action="version", version=f"desk-admin {__version__}",
                        help=tr("show the version and exit"))
    # read before the parser is built (its help is in the chosen language); here for the help text
    parser.add_argument(LANG_OPTION, choices=("de", "en"), metavar="de|en",
                        help=tr("language of desk-admin (default: ${variable}, else the language chosen in the "
                                "window, else the user's locale; may stand anywhere)").format(
                                    variable=LANGUAGE_VARIABLE))
    subparsers = parser.add_subparsers(dest="command", metavar=tr("COMMAND"))
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    # 'desk-admin COMMAND --help' says what the command does (the line of the command list),
    # not only its usage and options
    for action in subparsers._choices_actions:
        command = subparsers.choices[action.dest]
        if command.description is None and action.help:
            command.description = action.help[0].upper() + action.help[1:] + "."
    return parser


def main(argv: list[str] | None = None) -> int:
    from desk.services.logs import LOG_ONLY, current_log_file, setup_logging

    setup_logging("desk-admin")
    argv = sys.argv[1:] if argv is None else list(argv)
    set_language(choose_language(argv))
    with argparse_in_language():
        parser = build_parser()
        args = parser.parse_args(without_lang_option(argv))
        if not getattr(args, "handler", None):
            parser.print_help()
            return 2
    previous_umask = os.umask(PRIVATE_UMASK)  # every file desk-admin writes: owner only
    try:
        return int(args.handler(args) or 0)
    except DeskError as error:
        # the class only: a message may name what the admin typed (a client's number, a file);
        # into the log only: the terminal gets the message itself, once
        logging.getLogger("desk.cli").warning("%s failed: %s", args.command, type(error).__name__,
                                              extra={LOG_ONLY: True})
        print(f"desk-admin: {printable(error_text(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # 'desk-admin audit | head': the reader has had enough, not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing more may reach the closed pipe at exit
        return 0
    except Exception as error:  # a bug: the traceback goes to the log (for whoever fixes it), not the terminal
        logging.getLogger("desk.cli").exception("%s failed unexpectedly", args.command, extra={LOG_ONLY: True})
        log = current_log_file()
        text = (tr("{command} failed unexpectedly ({error}); nothing more is shown here, the details are in the "
                   "log {log}: send that file to whoever looks after desk.") if log else
                tr("{command} failed unexpectedly ({error}); nothing more is shown here, run it again and send "
                   "its output to whoever looks after desk."))
        print("desk-admin: " + text.format(command=args.command, error=type(error).__name__, log=log),
              file=sys.stderr)
        return 1
    finally:
        os.umask(previous_umask)


if __name__ == "__main__":
    raise SystemExit(main())
