"""How long each kind of backup lives (issue 15: an erased person must not survive in a backup).

Every file desk writes into the backup folder expires by one rule, shown where backups are
listed (Verwaltung → Datensicherung, `desk-admin backups`) and documented in
docs/DATA-PROTECTION.md:

| kind             | made                                          | deleted                    |
|------------------|-----------------------------------------------|----------------------------|
| daily            | at the first start of each day                | 7 days after it was made   |
| weekly           | the first backup of each ISO week             | 35 days after it was made  |
| manual           | "Jetzt sichern", `desk-admin backup`          | 35 days after it was made  |
| before-upgrade   | before a schema upgrade                       | 35 days after it was made  |
| replaced         | the database a restore replaced               | 35 days after it was made  |

So no backup desk made is older than `LONGEST` (35 days): an erasure is complete in every
backup in the folder 35 days after it was made, and a restore of an older file is refused
unless the head of department confirms it (the ledger of erasures re-applies them anyway).

A name's time (`name_stamp`) is the centre's wall time with its UTC offset,
`YYYYMMDD-HHMMSS+0100`: in the hour the clocks go back, 02:30 comes twice, and the offset tells
the two apart (`+0200`, then `+0100`). Names desk wrote before carry no offset and are read as
the centre's time.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from desk.domain.tickets import BERLIN

LIFETIME: dict[str, timedelta] = {
    "daily": timedelta(days=7),
    "weekly": timedelta(days=35),
    "manual": timedelta(days=35),
    "before-upgrade": timedelta(days=35),
    "replaced": timedelta(days=35),
}
#: No backup desk made lives longer than this.
LONGEST = max(LIFETIME.values())

_STAMPS = (
    (re.compile(r"^desk-daily-(\d{8})\."), "%Y%m%d"),
    (re.compile(r"^desk-weekly-(\d{4}-W\d{2})\."), "%G-W%V-%u"),
    (re.compile(r"^desk-(?:manual|replaced)-(\d{8}-\d{6}(?:[+-]\d{4})?)"), "%Y%m%d-%H%M%S"),
    (re.compile(r"^desk-before-upgrade-.*?-(\d{8}-\d{6}(?:[+-]\d{4})?)"), "%Y%m%d-%H%M%S"),
)


def name_stamp(moment: datetime) -> str:
    """The time in a backup's name: the centre's wall time and its UTC offset (unambiguous in
    the hour the clocks go back). `moment` is aware (the services' clock)."""
    return moment.astimezone(BERLIN).strftime("%Y%m%d-%H%M%S%z")


def kind_of(name: str) -> str:
    for kind in ("daily", "weekly", "manual", "before-upgrade", "replaced"):
        if name.startswith(f"desk-{kind}-"):
            return kind
    return "other"


def made_at_from_name(name: str) -> datetime | None:
    """The moment in the file name (written in the centre's time), in UTC; None when the name has
    none. UTC, because Python never finds an aware time in the repeated hour equal to one in
    another zone (PEP 495)."""
    for pattern, fmt in _STAMPS:
        match = pattern.match(name)
        if match:
            stamp = match.group(1) + ("-1" if fmt.endswith("-%u") else "")
            try:
                if len(stamp) > 15:  # with its UTC offset: the exact moment
                    return datetime.strptime(stamp, fmt + "%z").astimezone(UTC)
                return datetime.strptime(stamp, fmt).replace(tzinfo=BERLIN).astimezone(UTC)  # an older name
            except ValueError:
                return None
    return None


def expires_at(kind: str, made_at: datetime) -> datetime | None:
    """When a backup of this kind made at `made_at` is deleted; None: not one desk made (kept)."""
    lifetime = LIFETIME.get(kind)
    return None if lifetime is None else made_at + lifetime


def rule_text() -> str:
    """The rule in one line (English; the UI translates its own wording)."""
    return ("daily backups are deleted after 7 days; weekly, manual, pre-upgrade and replaced-database "
            "copies after 35 days")
