"""Errors the layers above show to a person.

Each error carries a message key and parameters, not a finished sentence: the UI translates
the key into the user's language (German or English), the admin CLI prints the English text.
`str(error)` gives the English text so logs and tests stay readable.
"""

from __future__ import annotations


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
        try:
            return self.template.format(**self.params)
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
