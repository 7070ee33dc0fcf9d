"""Entry point of the built `desk-admin` (console)."""

from desk.cli import main

raise SystemExit(main())
