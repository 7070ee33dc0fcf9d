"""Entry point of the built `desk` (windowed)."""

from desk.app import main

raise SystemExit(main())
