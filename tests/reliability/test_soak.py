"""The short soak of issue 23 (scripts/soak.py): the real reception window, checking people in
while another process plays six counsellors, must not grow and must show every change, and so
must a waiting list kept open on a third "PC" (process) all along.

The full soak (thousands of check-ins, the issue's goals: RSS <= 10 MiB and live objects <= 20,000
per 1,000 check-ins) is `python scripts/soak.py --checkins 3000`; figures in docs/PERFORMANCE.md.
This CI version is too short for those goals (the first hundreds of check-ins fill caches and the
waiting list), so it holds the growth to limits that the leak it guards against (+150 MiB and
+500,000 objects per 1,000 check-ins) exceeds many times over.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SOAK = Path(__file__).resolve().parents[2] / "scripts" / "soak.py"
CHECKINS, EVERY, WARMUP = 120, 30, 30
# fds: the connection pool may open a connection late, when the background list-read writer, a
# worker and the live-update thread first meet (3 fds on SQLite: the file, -wal, -shm; a socket on
# PostgreSQL); over these 90 counted check-ins one such step is 17-33 per 1,000, two are 67. The
# pool is bounded; a leak per check-in or per reload is 1,000 per 1,000 and more.
LIMITS = {"rss_mib_per_1000": 60.0, "objects_per_1000": 100_000, "qobjects_per_1000": 300,
          "threads_per_1000": 10, "fds_per_1000": 80}


def _soak(*extra: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(SOAK), "--checkins", str(CHECKINS), "--every", str(EVERY),
                           "--warmup", str(WARMUP), "--json", *extra],
                          capture_output=True, text=True, timeout=1500, env=env)
    print(done.stdout[-4000:], done.stderr[-2000:])
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    return summary


def _check(summary: dict) -> None:
    assert summary["changes"] > 50, summary  # the counsellors really worked meanwhile
    assert summary["missed"] == 0, f"{summary['missed']} of {summary['changes']} counsellor changes never shown"
    # the waiting list open on another PC (a third process) saw the same changes, each of them; its
    # latency is printed, not asserted (it depends on the machine's load)
    assert summary["open_changes"] == summary["changes"], summary
    assert summary["open_missed"] == 0, (f"{summary['open_missed']} of {summary['open_changes']} counsellor changes "
                                         "never shown in the open waiting list")
    assert summary["failures"] == 0, summary
    grown = {k: summary[k] for k in LIMITS if summary[k] > LIMITS[k]}
    assert not grown, f"grows per 1,000 check-ins: {grown} (limits {LIMITS})"


def test_short_soak_sqlite():
    _check(_soak())


@pytest.mark.postgres
def test_short_soak_postgres():
    url = os.environ.get("DESK_TEST_POSTGRES_URL", "").strip()
    if not url:
        pytest.skip("DESK_TEST_POSTGRES_URL is not set: no PostgreSQL server to soak against")
    _check(_soak("--database-url", url))  # unreachable: the soak fails, and so does this test
