#!/usr/bin/env python3
"""What report figures kept up to date at every write would add to a check-in (issue 21).

    python scripts/checkin_with_tallies.py plain   sqlite+pysqlite:////tmp/copy/bench10.sqlite --runs 200
    python scripts/checkin_with_tallies.py tallies sqlite+pysqlite:////tmp/copy/bench10.sqlite --runs 200

A measurement, not a feature. The yearly report reaches 3x its floor only if its figures are
not computed from the year's visits but kept at every write (docs/PERFORMANCE.md, "What is left
of issue 21"). The least such a design writes at a check-in is two things: the visit's count in a
table of counters (one upsert: service, month, the chain and yes/no flags, place, status group,
interpreter language) and the client's previous visit of the year losing its "latest visit"
mark (one update: the distinct clients are the marked visits). `tallies` runs
scripts/bench_checkin_figure.py (the bench's own check-in figure and floor) with those two
statements added to every unit of work that announces visits - as separate statements, also on
PostgreSQL, where a real design would put them into the check-in's one statement (so there it
overstates the round trips, not the pages). `plain` runs the same figure without them. It
writes: use a copy of a bench database; run the two modes in turn, several times (the figure
moves with the disk's sync).
"""

from __future__ import annotations

import runpy
import sys
import tempfile
from pathlib import Path

from sqlalchemy import text

import desk.storage.uow as uow
from desk.domain.topics import Topic
from desk.storage.prepared import Prepared, session_connection

_TABLE = "CREATE TABLE IF NOT EXISTS tally_probe (k INTEGER PRIMARY KEY, n INTEGER NOT NULL)"
# the newest visit stands for the one just written (a real design would know its id)
_COUNT = Prepared(text("INSERT INTO tally_probe (k, n) SELECT max(id) % 2000, 1 FROM visits WHERE true "
                       "ON CONFLICT (k) DO UPDATE SET n = tally_probe.n + 1"))  # ~2,000 cells, as a year has
# the client's previous visit: its mark changes value, so the page is written (SQLite skips an
# UPDATE that leaves a row's bytes as they were)
_UNMARK = Prepared(text("""
UPDATE visits SET person_marks = 1 - coalesce(person_marks, 0) WHERE id = (
  SELECT max(p.id) FROM visits p, (SELECT id, client_id FROM visits ORDER BY id DESC LIMIT 1) AS n_
  WHERE p.client_id = n_.client_id AND p.id < n_.id)"""))


def main() -> int:
    mode = sys.argv.pop(1) if len(sys.argv) > 1 else ""
    if mode not in ("plain", "tallies"):
        print(__doc__)
        return 2
    if mode == "tallies":
        announce = uow.announce_in

        def announce_with_tallies(session, dialect, topics):  # noqa: ANN001, ANN202
            if Topic.VISITS in topics:
                connection = session_connection(session)
                _COUNT.execute(connection)
                _UNMARK.execute(connection)
            return announce(session, dialect, topics)

        uow.announce_in = announce_with_tallies
        from desk.services.bootstrap import prepare_database  # noqa: PLC0415 - after the patch

        with tempfile.TemporaryDirectory(prefix="desk-tallies-") as folder:
            engine = prepare_database(sys.argv[1], backup_dir=Path(folder)).engine
            with engine.begin() as connection:
                connection.execute(text(_TABLE))
            engine.dispose()
    sys.argv = ["bench_checkin_figure.py", *sys.argv[1:]]
    runpy.run_path(str(Path(__file__).with_name("bench_checkin_figure.py")), run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
