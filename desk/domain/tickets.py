"""Ticket numbers (`M-004`) and client numbers (`K-000123`)."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")

_CLIENT_NUMBER = re.compile(r"^\s*[Kk]?-?\s*0*(\d{1,9})\s*$")


def format_ticket(prefix: str, number: int) -> str:
    return f"{prefix}-{number:03d}"


def format_client_number(client_id: int) -> str:
    return f"K-{client_id:06d}"


def parse_client_number(text: str) -> int | None:
    """`K-000123`, `k123`, `000123` -> 123; anything else -> None."""
    match = _CLIENT_NUMBER.match(text)
    if not match or not (text.strip().lower().startswith("k") or text.strip().isdigit()):
        return None
    return int(match.group(1))


def local_day(moment: datetime) -> date:
    """The centre's calendar day of an aware moment (tickets restart every local day)."""
    return moment.astimezone(BERLIN).date()
