"""Actions tried again after a fault do the thing once (docs/RELIABILITY.md, "Tried again after
a fault").

A dialog makes one request key per intention (`new_request_key`, when it opens; its retries
send the same key). The row the action creates stores the key under a unique index, in the same
INSERT (no extra statement). When the connection is lost after the commit but before its
acknowledgement, the retry runs into its own first attempt: the unique index (an anonymous
ticket), the one-open-visit index (a named client), the overlap check (an appointment, a room)
refuses it with a ConflictError. Only then the row with the key is read, and the caller gets what
the first attempt made instead of a refusal or a second one. Nothing is checked first in Python.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import TypeVar

from desk.domain.errors import ConflictError, ValidationError
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)

T = TypeVar("T")

KEY_LENGTH = 36  # the column's width (a UUID with its dashes fits)


def new_request_key() -> str:
    """A key for one intention: one check-in, one appointment, one booking, one new client."""
    return uuid.uuid4().hex


def checked_key(key: str | None) -> str | None:
    """The key as stored, or a ValidationError for something that is no key (nothing changed)."""
    if key is None:
        return None
    if not isinstance(key, str) or not key or len(key) > KEY_LENGTH or not key.isascii() or not key.isprintable():
        raise ValidationError("The request key is not valid.")
    return key


def once(uow: UnitOfWorkFactory, key: str | None, attempt: Callable[[], T],
         made_by: Callable[[UnitOfWork, str], T | None], *, what: str) -> T:
    """`attempt()`; if the database refuses it as a conflict and an earlier attempt with the same
    `key` was saved, what that attempt made (`made_by(uow, key)`, read after the refusal)."""
    try:
        return attempt()
    except ConflictError:
        if key is None:
            raise
        with uow() as read:
            made = made_by(read, key)
        if made is None:
            raise
        log.info("%s tried again: the first attempt had been saved; answered with what it made", what)
        return made
