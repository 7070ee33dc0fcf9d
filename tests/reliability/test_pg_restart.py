"""3b. PostgreSQL server restart during a write load (`pg_ctlcluster ... restart`).

Every acknowledged check-in is there afterwards; the app reconnects by itself (the BEGIN of each unit of work finds a dead pooled
connection before anything else was sent, and a fresh connection does the work):
each writer's first attempt after the server is back succeeds, and so does the next action of a
DeskServices opened before the restart. Attempts during the restart are refused with a
DatabaseError (never another exception).

The restart disturbs every other PostgreSQL test running at that moment, so this test only runs
when DESK_TEST_PG_RESTART=1 (set by .ci/run, and by `scripts/reliability.py --full`); it needs
root (pg_ctlcluster) and starts the server again in any case.
"""

from __future__ import annotations

import os

import pytest

from desk.domain.errors import DatabaseError
from reliability.harness import PG_RESTART_VARIABLE, run_pg_restart


def _database_error_names() -> set[str]:
    """DatabaseError and every subclass (ServerUnreachableError, ...): the refusals a person may see."""
    names, todo = set(), [DatabaseError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


@pytest.mark.postgres
def test_server_restart_under_load_loses_nothing_and_the_app_reconnects(pg_db_url):
    if os.environ.get(PG_RESTART_VARIABLE) != "1":
        pytest.skip(f"{PG_RESTART_VARIABLE}=1 not set: restarting PostgreSQL would disturb other tests")
    outcome = run_pg_restart(pg_db_url)
    print(outcome.figures())
    assert not outcome.crashes, outcome.crashes[0]
    assert outcome.acked > 20
    assert outcome.missing == []
    refused_as = {message.split(":")[0] for message in outcome.errors_during}
    assert refused_as <= _database_error_names(), refused_as
    assert outcome.first_after_restart_ok == [True, True]
    assert outcome.in_process_next_action == "ok"
