"""Writing audit events from the services (inside the same transaction as the change).

Only actions registered in `desk.domain.audit.ACTIONS` are written (anything else is a programming
error and raises KeyError); every entry's details pass through `desk.domain.audit.scrub` with the
action's keys: the log says who did what to which record and which fields changed, never free text
or names (issue 15)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from desk.domain.audit import CLIENT_IDS, audit_action, scrub
from desk.domain.tickets import BERLIN
from desk.domain.topics import Topic
from desk.services.clock import Clock, system_clock
from desk.services.context import Actor
from desk.storage.uow import UnitOfWork, UnitOfWorkFactory


def record(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    *,
    entity_type: str = "",
    entity_id: int | None = None,
    client_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    audit_action(action)  # refuses an unregistered action before anything is written
    uow.touch(Topic.AUDIT)  # an audit-only commit (a login, a card read) reloads no list anywhere
    uow.audit.append(
        actor_id=actor.staff_id,
        actor_name=actor.name,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        client_id=client_id,
        details=scrub(details, action),
        workstation=actor.workstation,
    )


class ListReads:
    """Records reads of client lists (issue 14: "who looked at whom"): one `client.list_read`
    entry per read, carrying the client numbers the list showed (`client_ids`) and which list it
    was (`list`).

    The views re-read their lists on every change another PC makes, so a read records only the
    clients this reader has not yet been recorded seeing in this list today (per process): the
    first read of the day's waiting list names everyone on it, a re-read after a check-in names
    the new arrival, a re-read that shows no one new records nothing. `every_time=True` (an
    export) records every read in full. The entry is committed without announcing a change, so
    the other PCs do not reload for it."""

    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = system_clock) -> None:
        self._uow = uow
        self._clock = clock
        self._lock = threading.Lock()
        self._day: date | None = None
        self._seen: dict[tuple[Any, ...], set[int]] = {}

    def record(self, actor: Actor, kind: str, client_ids: Iterable[int | None], *,
               now: datetime | None = None, every_time: bool = False) -> None:
        ids = {i for i in client_ids if i is not None}
        if not ids:
            return
        day = (now or self._clock()).astimezone(BERLIN).date()
        key = (actor.staff_id, actor.name, actor.workstation, kind)
        with self._lock:
            if day != self._day:
                self._seen.clear()
                self._day = day
            new = ids if every_time else ids - self._seen.get(key, set())
        if not new:
            return
        with self._uow(write=True) as uow:
            record(uow, actor, "client.list_read", entity_type="client",  # LIST_READ
                   client_id=next(iter(new)) if len(new) == 1 else None,
                   details={"list": kind, CLIENT_IDS: sorted(new)})
            uow.commit(announce=False)
        with self._lock:
            if self._day == day:
                self._seen.setdefault(key, set()).update(new)
