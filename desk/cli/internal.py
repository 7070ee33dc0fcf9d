"""Hidden subcommands that desk starts as child processes of its own (desk/services/programs.py):

    desk-admin _render-pdf report|client-export --output FILE [--language de|en]  < data.json
    desk-admin _bench-watch URL
    desk-admin _bench-probe --database-url URL [--runs N]

They are not listed in the help. The Qt ones import the UI only inside the child.
"""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    pdf = subparsers.add_parser("_render-pdf")  # no help=: hidden from the command list
    pdf.add_argument("kind", choices=["report", "client-export"])
    pdf.add_argument("--output", required=True)
    pdf.add_argument("--language", choices=["de", "en"], default="de")
    pdf.set_defaults(handler=_render_pdf)

    watch = subparsers.add_parser("_bench-watch")
    watch.add_argument("url")
    watch.set_defaults(handler=lambda args: __import__("desk.tools.bench", fromlist=["watch"]).watch(args.url))

    probe = subparsers.add_parser("_bench-probe")
    probe.add_argument("--database-url", required=True)
    probe.add_argument("--runs", default="50")
    probe.set_defaults(handler=_bench_probe)


def _render_pdf(args: argparse.Namespace) -> int:
    from desk.ui.pdf_child import main

    return main(args.kind, args.output, args.language)


def _bench_probe(args: argparse.Namespace) -> int:
    from desk.tools.bench_probe import main

    return main(["--database-url", args.database_url, "--runs", args.runs])
