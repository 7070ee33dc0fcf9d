"""3. Crashes: a writer is SIGKILLed at random moments (the PC loses power mid-commit).

The child checks people in and reports each visit id on a pipe only AFTER the commit returned.
After every kill: `PRAGMA integrity_check` is ok, the last acknowledged visit is in the file,
and no half-written check-in exists (each visit has its audit event and vice versa: both are
written in one transaction). Quick: 25 kills; `scripts/reliability.py --full`: 200.
"""

from __future__ import annotations

import random

from desk.services.bootstrap import prepare_database
from desk.storage.engine import sqlite_url
from reliability.harness import crash_context, kill_round

KILLS = 25


def test_sigkill_at_random_moments_never_loses_an_acknowledged_commit(tmp_path):
    path = tmp_path / "desk.sqlite"
    url = sqlite_url(path)
    prepare_database(url, backup_dir=tmp_path / "backups").dispose()
    ctx = crash_context()
    rnd = random.Random(20240610)
    rounds = [kill_round(url, path, ctx, rnd) for _ in range(KILLS)]
    acked = sum(r.acked for r in rounds)
    print(f"{KILLS} kills, {acked} acknowledged check-ins, all present")
    assert [r.exit_code for r in rounds] == [-9] * KILLS, "a writer died by itself instead of being killed"
    assert all(r.acked > 0 for r in rounds), "a child never started writing"
    assert [r.integrity for r in rounds] == ["ok"] * KILLS
    assert all(r.last_present for r in rounds), [r for r in rounds if not r.last_present]
    assert [r.orphans for r in rounds] == [0] * KILLS
