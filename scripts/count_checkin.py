#!/usr/bin/env python3
"""Statements and round trips of one check-in of a known client (issue 21), and its CPU time.

    python scripts/count_checkin.py                        # SQLite in a temporary folder
    python scripts/count_checkin.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/scratch

Counts per check-in the statements the driver is given - SQLite: its trace callback (every
statement, PRAGMAs shown but not counted: they run in-process and are no round trip);
PostgreSQL: psycopg's cursors (every execute) - since the check-in's statements run on the
driver's cursor (desk.storage.prepared), which fires no SQLAlchemy cursor event. On PostgreSQL
the round trips a cursor does not show are counted too: BEGIN (sent by Database._begin_alive
on the raw connection: SQLAlchemy's begin event), COMMIT (its commit event), and the pool's
pre-ping (gone since issue 21: the BEGIN is the liveness check). Prints the statements of one
check-in, then the medians of CPU time (thread time) and wall time of N check-ins. The database
gets clients and visits: use a scratch database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import event

from desk.services.bootstrap import prepare_database
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.services.desk import build_services
from desk.services.once import new_request_key
from desk.storage.engine import sqlite_url


class Counter:
    def __init__(self, engine) -> None:  # noqa: ANN001 - an Engine
        self.events: list[str] = []
        self.sqlite = engine.dialect.name == "sqlite"
        engine.dispose()  # every connection from now on is made with the hooks below
        event.listen(engine, "connect", self._hook)
        if not self.sqlite:  # SQLite: BEGIN IMMEDIATE and COMMIT are statements its trace shows
            event.listen(engine, "begin", lambda _c: self.events.append("BEGIN"))
            event.listen(engine, "commit", lambda _c: self.events.append("COMMIT"))
        dialect = engine.dialect
        ping = dialect.do_ping

        def counted_ping(dbapi_connection):  # noqa: ANN001, ANN202
            self.events.append("ping (pool pre-ping)")
            return ping(dbapi_connection)

        dialect.do_ping = counted_ping

    def _hook(self, dbapi_connection, _record) -> None:  # noqa: ANN001
        if self.sqlite:
            dbapi_connection.set_trace_callback(self._statement)
            return
        counter = self

        class CountingCursor(dbapi_connection.cursor_factory):
            def execute(self, query, params=None, **kwargs):  # noqa: ANN001, ANN003, ANN202
                counter._statement(query if isinstance(query, str) else str(query))
                return super().execute(query, params, **kwargs)

        dbapi_connection.cursor_factory = CountingCursor

    def _statement(self, statement: str) -> None:
        if statement.strip().upper().startswith("PRAGMA"):
            return  # in-process, no round trip (the busy timeout around BEGIN IMMEDIATE)
        self.events.append(" ".join(statement.split())[:150])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("-n", "--count", type=int, default=200)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="desk-count-") as folder:
        url = args.database_url or sqlite_url(Path(folder) / "count.sqlite")
        services = build_services(prepare_database(url, backup_dir=Path(folder)))
        actor = Actor(staff_id=None, name="bench", role=Actor.system().role, workstation="bench")
        try:
            service_id = next(s.id for s in services.reference.services(actor, active_only=True))
            stamp = int(time.time())
            clients = [services.clients.create(actor, ClientInput(given_name=f"Count{i}", family_name=f"Run{stamp}")).id
                       for i in range(args.count + 1)]
            day = datetime(2031, 1, 1, 8, 0, tzinfo=UTC) + timedelta(days=stamp % 3000)
            counter = Counter(services.db.engine)
            cpu, wall, counts = [], [], []
            for i, client_id in enumerate(clients):
                counter.events.clear()
                started, started_cpu = time.perf_counter(), time.thread_time()
                # with a request key, as the check-in dialog sends it (docs/RELIABILITY.md)
                services.checkin.check_in(actor, CheckInRequest(service_id=service_id, client_id=client_id,
                                                                request_key=new_request_key()),
                                          now=day + timedelta(seconds=i))
                cpu.append((time.thread_time() - started_cpu) * 1000)
                wall.append((time.perf_counter() - started) * 1000)
                counts.append(len(counter.events))
                if i == 1:
                    print(f"{services.db.engine.dialect.name}: one check-in of a known client")
                    for n, text in enumerate(counter.events, 1):
                        print(f"  {n:2}. {text}")
            if counter.sqlite:
                print(f"statements per check-in: {statistics.median(counts[1:])} (BEGIN IMMEDIATE and COMMIT included)")
            else:
                print(f"round trips per check-in: {statistics.median(counts[1:])} (statements, BEGIN, COMMIT, ping)")
            print(f"CPU (thread time) median {statistics.median(cpu[1:]):.2f} ms; "
                  f"wall median {statistics.median(wall[1:]):.2f} ms over {args.count}")
        finally:
            services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
