"""Live updates: a probe that tells which topics changed since the last poll (see storage.changes)."""

from __future__ import annotations

from desk.services.desk import DeskServices
from desk.storage.changes import ChangeProbe
from desk.storage.uow import recording_commits

__all__ = ["change_probe", "recording_commits"]


def change_probe(services: DeskServices) -> ChangeProbe:
    """A new probe for one polling thread (it holds its own connection)."""
    return ChangeProbe(services.db)
