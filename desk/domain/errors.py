"""Errors the layers above show to a person.

Each error carries a message key and parameters, not a finished sentence: the UI translates
the key into the user's language (German or English), so does desk-admin (cli/i18n.py).
Days and moments are parameters as values (a `date`, an aware `datetime`, a `Span`, or a tuple of
them), never preformatted: the reader's language writes them (`param_text`), German 24.12.2026 in
the German window, 24/12/2026 in the English one, 2026-12-24 in desk-admin's English and in
`str(error)`, the English text that keeps logs and tests readable. A public holiday travels as its
day too (`Holiday`) and is named in the reader's language: "Ostermontag", "Easter Monday".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from desk.domain.public_holidays import holiday_name
from desk.domain.tickets import BERLIN


@dataclass(frozen=True)
class Span:
    """A time on one day as an error's parameter ("{time} is outside the working hours"): written
    as the day and both times in the centre's time, `24.12.2026 09:00–09:45` in German."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class Holiday:
    """A public holiday of Baden-Württemberg as an error's parameter ("{date} is a public holiday
    ({holiday})"): its day, named when the sentence is written, in the reader's language."""

    day: date


def param_text(value: object, day: Callable[[date], str], language: str = "en") -> object:
    """A date, a moment (in the centre's time), a `Span` or a tuple of them as text, each day
    written by `day` (the reader's language; times are HH:MM in both); a `Holiday` as its name in
    `language` ("de", "en"); anything else unchanged."""
    if isinstance(value, Holiday):
        return holiday_name(value.day, language) or day(value.day)
    if isinstance(value, Span):
        start, end = _local(value.start), _local(value.end)
        return f"{day(start.date())} {start:%H:%M}–{end:%H:%M}"
    if isinstance(value, datetime):
        moment = _local(value)
        return f"{day(moment.date())} {moment:%H:%M}"
    if isinstance(value, date):
        return day(value)
    if isinstance(value, tuple) and any(isinstance(item, date | Span | Holiday) for item in value):
        return ", ".join(str(param_text(item, day, language)) for item in value)
    return value


def _local(moment: datetime) -> datetime:
    return moment.astimezone(BERLIN) if moment.tzinfo is not None else moment


class DeskError(Exception):
    """Base of every error that is meant to reach a user."""

    #: A sentence in English with ``{name}`` placeholders; the UI translates it.
    template = "Something went wrong."

    def __init__(self, template: str | None = None, /, **params: object) -> None:
        if template is not None:
            self.template = template
        self.params = params
        super().__init__(self.message())

    def message(self) -> str:
        """The English text, days as ISO dates, holidays by their English names (logs, tests;
        desk-admin's English says the same)."""
        try:
            return self.template.format(**{key: param_text(value, date.isoformat)
                                           for key, value in self.params.items()})
        except (KeyError, IndexError, ValueError):
            return self.template


class ValidationError(DeskError):
    """Bad input; nothing was changed."""

    template = "The input is not valid."


class NotFoundError(DeskError):
    template = "The record no longer exists."


class ConflictError(DeskError):
    """A business rule or another workstation was faster (double booking, already called)."""

    template = "This conflicts with an existing entry."


class StaleError(ConflictError):
    """Optimistic lock: the record was changed by someone else since it was loaded."""

    template = "This record was changed by someone else in the meantime. Please reload it."


class ReservedError(ConflictError):
    """*Call this one* on a person reserved for another counsellor: a take-over must be deliberate."""

    template = "This person is reserved for another counsellor."


class AlreadyDoneError(ConflictError):
    """The attempt's request key is stored already: an earlier try of the same action was saved
    (its acknowledgement was lost with the connection). The service answers with what that try
    made (desk.services.once); this text is shown only if that is gone again."""

    template = "This was already saved by an earlier attempt."


class PermissionDeniedError(DeskError):
    template = "Your role may not do this."


class AuthenticationError(DeskError):
    template = "User name or password is wrong."


class DatabaseError(DeskError):
    """The database is missing, locked, read-only, damaged, unreachable, or too new."""

    template = "The database cannot be used."


class DatabaseUnavailableError(DatabaseError):
    template = "The database is not reachable right now: {reason}"


class DatabaseLockedError(DatabaseUnavailableError):
    """Another program held the SQLite file's write lock for longer than the busy timeout."""

    template = ("The database {where} is locked by another program (a backup, a copy or a second desk "
                "on this file). Nothing was saved. Wait a moment or close that program, then try again.")


class DatabaseTooNewError(DatabaseError):
    template = (
        "The database {where} was written by a newer version of desk (schema {found}); "
        "this program knows schema {known} at most. Install the newer version of desk."
    )


# -- why a database server cannot be used at start (the connection dialog tells them apart) --


class ServerUnreachableError(DatabaseUnavailableError):
    template = ("The database server {where} cannot be reached: {reason}. Check the network and that "
                "the server is running.")


class WrongPasswordError(DatabaseUnavailableError):
    template = ("The database server {where} refused the login: wrong user name or password. The password "
                "comes from the password file (pgpass) of this Windows/Linux user.")


class NoSuchDatabaseError(DatabaseUnavailableError):
    template = "The database server {where} has no database of that name. Check the address."


class TlsError(DatabaseUnavailableError):
    template = ("The database server {where} requires an encrypted connection, or its certificate is not "
                "trusted by this PC: {reason}")


class DatabaseNeedsUpgradeError(DatabaseError):
    template = ("The database {where} must be upgraded to this version of desk (schema {found} -> {known}), "
                "which this account may not do. Ask the administrator to run 'desk-admin upgrade'.")
