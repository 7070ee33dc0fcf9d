"""The estimated wait shown at check-in, from today's real service times.

Definition (also in docs/RECEPTION.md):

* *time per ticket* of a service = the median gap between successive first calls of that
  service today (the last ``RECENT`` gaps; gaps over ``BREAK`` are lunch or a meeting and are
  left out). With only one call so far, the median observed wait (first call - arrival) of
  today stands in for it. Without any call today there is no estimate (the desk says so
  instead of guessing).
* *estimated wait* = time per ticket x (tickets still waiting for the service + 1): everyone
  ahead, plus the person being seen right now. Rounded up to 5 minutes.

Only today's visits count: yesterday's pace says little about today's staffing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import median

RECENT = 10
BREAK = timedelta(minutes=90)
ROUND_MINUTES = 5


@dataclass(frozen=True, slots=True)
class WaitEstimate:
    service_id: int
    ahead: int  # tickets of the service still waiting
    minutes: int | None  # None: no call today yet, no estimate
    per_ticket_minutes: float | None
    samples: int  # calls today the estimate rests on


def estimate_wait(service_id: int, called: Iterable[tuple[datetime, datetime]], ahead: int) -> WaitEstimate:
    """`called`: (arrived_at, first_called_at) of today's called visits of the service."""
    pairs = sorted(called, key=lambda p: p[1])
    per_ticket: float | None = None
    if len(pairs) >= 2:
        calls = [p[1] for p in pairs]
        gaps = [b - a for a, b in zip(calls, calls[1:], strict=False) if b - a <= BREAK]
        gaps = gaps[-RECENT:]
        if gaps:
            per_ticket = median(g.total_seconds() for g in gaps) / 60
    if per_ticket is None and pairs:
        waits = [max(0.0, (c - a).total_seconds()) for a, c in pairs[-RECENT:]]
        per_ticket = median(waits) / 60
    if per_ticket is None:
        return WaitEstimate(service_id, ahead, None, None, 0)
    raw = per_ticket * (ahead + 1)
    minutes = int(math.ceil(raw / ROUND_MINUTES) * ROUND_MINUTES) if raw > 0 else 0
    return WaitEstimate(service_id, ahead, minutes, round(per_ticket, 1), len(pairs))
