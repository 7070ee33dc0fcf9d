"""Accounts: the login record, the growing delay after wrong passwords, user-name rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from anyascii import anyascii

from desk.domain.errors import ValidationError
from desk.domain.model import Role

#: Wrong passwords allowed before the delay starts.
FREE_ATTEMPTS = 3
#: First delay (after the FREE_ATTEMPTS-th wrong password); doubles with every further one.
FIRST_DELAY = timedelta(seconds=5)
MAX_DELAY = timedelta(minutes=15)

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


@dataclass(frozen=True, slots=True)
class StaffAuth:
    """What the login needs about an account (the hash never leaves the services layer)."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    password_hash: str | None
    failed_logins: int
    locked_until: datetime | None
    version: int
    service_ids: frozenset[int] = field(default_factory=frozenset)
    default_room_id: int | None = None
    password_one_time: bool = False


@dataclass(frozen=True, slots=True)
class AccountRow:
    """An account as the Verwaltung view lists it."""

    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    service_ids: frozenset[int]
    failed_logins: int
    locked_until: datetime | None
    has_password: bool
    version: int
    default_room_id: int | None = None
    password_one_time: bool = False


def delay_after(failed_logins: int) -> timedelta:
    """How long the next attempt must wait after `failed_logins` wrong passwords in a row."""
    if failed_logins < FREE_ATTEMPTS:
        return timedelta(0)
    delay = FIRST_DELAY * (2 ** min(failed_logins - FREE_ATTEMPTS, 20))
    return min(delay, MAX_DELAY)


def clean_username(text: str) -> str:
    name = (text or "").strip().lower()
    if not name:
        raise ValidationError("{field} must not be empty.", field="User name")
    if not _USERNAME.match(name):
        suggestion = username_suggestion(name)
        if suggestion:  # "müller": lower case to the person, so say what would do
            raise ValidationError(
                "The user name {name} is not valid: 2 to 40 characters, the letters a to z without umlauts or "
                "accents, digits, dot, dash or underscore, starting with a letter or digit. Perhaps {suggestion}?",
                name=text.strip()[:40], suggestion=suggestion)
        raise ValidationError(
            "The user name {name} is not valid: 2 to 40 characters, the letters a to z without umlauts or "
            "accents, digits, dot, dash or underscore, starting with a letter or digit.",
            name=text.strip()[:40])
    return name


def username_suggestion(name: str) -> str:
    """A valid user name close to `name` ("müller" -> "mueller", "josé" -> "jose"), or ""."""
    name = name.lower()
    for umlaut, written in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        name = name.replace(umlaut, written)
    name = re.sub(r"[^a-z0-9._-]+", "", anyascii(name).lower().replace(" ", "."))
    return name if _USERNAME.match(name) else ""


@dataclass(frozen=True, slots=True)
class OpenWork:
    """What a staff member still has in hand (asked before deactivating the account): booked
    appointments from now on, and people waiting who are reserved for them."""

    appointments: int = 0
    first_appointment: datetime | None = None
    waiting: int = 0
