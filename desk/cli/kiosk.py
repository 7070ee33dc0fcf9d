"""The self-service kiosk's languages (issue 20), added by the head without code.

    desk-admin kiosk-languages                  lists the built-in and the added languages
    desk-admin kiosk-language add CODE FILE     adds CODE (or replaces its sentences) from a JSON file:
                                                {"name": ..., "direction": "ltr"|"rtl", "texts": {...},
                                                 "services": {"MBE": ...}} (see resources/kiosk/phrases.json)
    desk-admin kiosk-language remove CODE       removes an added language
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desk.cli.common import add_database_option, admin_session
from desk.cli.i18n import tr
from desk.domain.errors import ValidationError
from desk.domain.kiosk import TEXT_KEYS


def register(subparsers: argparse._SubParsersAction) -> None:
    listing = subparsers.add_parser("kiosk-languages", help=tr("the self-service kiosk's languages"))
    add_database_option(listing)
    listing.set_defaults(handler=_list)
    language = subparsers.add_parser("kiosk-language", help=tr("add or remove a language of the self-service kiosk"))
    add_database_option(language)
    actions = language.add_subparsers(dest="action", required=True, metavar=tr("ACTION"))
    add = actions.add_parser("add", help=tr("add CODE from a JSON file with every text ({keys}, ...)").format(
        keys=", ".join(TEXT_KEYS[:3])))
    add.add_argument("code", metavar=tr("CODE"), help=tr("the language's code, e.g. ti or prs"))
    add.add_argument("file", type=Path, metavar=tr("FILE"), help=tr("the JSON file (see resources/kiosk/phrases.json)"))
    remove = actions.add_parser("remove", help=tr("remove an added language"))
    remove.add_argument("code", metavar=tr("CODE"), help=tr("the language's code, e.g. ti or prs"))
    language.set_defaults(handler=_change)


def _list(args: argparse.Namespace) -> int:
    from desk.domain.languages import WRITTEN, language

    with admin_session(args) as (services, actor):
        added = services.kiosk.languages(actor)
    for code in WRITTEN:
        entry = language(code)
        replaced = tr("  (sentences replaced)") if code in added else ""
        print(f"{code:<6} {entry.native if entry else code:<14} {tr('built in')}{replaced}")
    for code, data in sorted(added.items()):
        if code not in WRITTEN:
            print(f"{code:<6} {data['name']:<14} " + tr("added ({direction})").format(direction=data["direction"]))
    return 0


def _change(args: argparse.Namespace) -> int:
    with admin_session(args) as (services, actor):
        if args.action == "remove":
            services.kiosk.remove_language(actor, args.code)
            print(tr("kiosk language {code} removed").format(code=args.code))
            return 0
        try:
            data = json.loads(args.file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValidationError("{file} is not a readable JSON file: {reason}", file=str(args.file),
                                  reason=str(error)) from error
        checked = services.kiosk.save_language(actor, args.code, data)
        print(tr("kiosk language {code} ({name}) saved; the kiosks show it within a minute").format(
            code=args.code.lower(), name=checked["name"]))
    return 0
