"""The one permission gate. Every public service function is decorated with `@requires(...)`.

The UI hides what a role may not do, but this is where it is enforced: a call without the
permission raises PermissionDeniedError before touching the database.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from desk.domain.errors import PermissionDeniedError
from desk.domain.permissions import Permission, allowed, appointment_note_visible
from desk.services.context import Actor

P = ParamSpec("P")
R = TypeVar("R")
RowT = TypeVar("RowT", bound=Any)

PERMISSION_ATTRIBUTE = "__desk_permission__"
#: True on the service functions a session with a one-time password may call
ONE_TIME_ATTRIBUTE = "__desk_one_time_ok__"


def check(actor: Actor, permission: Permission) -> None:
    if not isinstance(actor, Actor):
        raise TypeError("service functions take the acting person (Actor) as first argument")
    if not allowed(actor.role, permission):
        raise PermissionDeniedError(
            "Your role ({role}) may not do this ({permission}).",
            role=actor.role.value,
            permission=permission.value,
        )


def check_own_password(actor: Actor) -> None:
    """A session opened with a one-time password (one the head set) may do nothing but choose
    the person's own password: refused here for every other service function, whatever the
    entry point (the window, desk-admin, a script)."""
    if actor.password_one_time:
        raise PermissionDeniedError(
            "Your password was set by the head of department and is valid only once. "
            "Choose your own password first (log in at desk).")


def requires(permission: Permission, *, one_time_ok: bool = False) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Mark a service method `(self, actor, ...)` as needing `permission`, and check it.
    `one_time_ok`: also open to a session with a one-time password (choosing one's own
    password, locking, re-reading one's account); everything else refuses such a session."""

    open_to_one_time = one_time_ok or permission is Permission.LOGIN

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        parameters = list(inspect.signature(function).parameters)
        if len(parameters) < 2 or parameters[1] != "actor":
            raise TypeError(f"{function.__qualname__}: the first argument after self must be 'actor'")

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = args[1] if len(args) > 1 else kwargs["actor"]
            check(actor, permission)  # type: ignore[arg-type]
            if not open_to_one_time:
                check_own_password(actor)  # type: ignore[arg-type]
            return function(*args, **kwargs)

        setattr(wrapper, PERMISSION_ATTRIBUTE, permission)
        setattr(wrapper, ONE_TIME_ATTRIBUTE, open_to_one_time)
        return wrapper

    return decorate


def scoped_notes(actor: Actor, rows: list[RowT]) -> list[RowT]:
    """Appointment rows (AppointmentRow) as `actor` may read them: the counsellor's note only for
    the head and the counsellors of the appointment's service (`appointment_note_visible`), empty
    for everyone else. Every read that hands appointments to a caller goes through this."""
    return [row if not row.note or appointment_note_visible(actor.role, row.service_id in actor.service_ids)
            else row._replace(note="") for row in rows]
