"""The lost acknowledgement: the commit reaches the database, then the connection dies before the
PC hears back. The driver's error is raised after a real commit, as the unit of work sees it when
the server goes away at that moment (it translates it into a DatabaseError)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import exc as sa_exc

from desk.domain.topics import Topic
from desk.storage.uow import UnitOfWork


@contextmanager
def lost_acknowledgement(count: int = 1, *, topic: Topic | None = None) -> Iterator[list[int]]:
    """The next `count` commits (of units of work that touched `topic`, if given: a window's own
    list reads commit too) are saved and then reported as a lost connection. Yields the list of
    commits lost so (its length says how many happened)."""
    real_commit = UnitOfWork.commit
    lost: list[int] = []

    def commit(uow: UnitOfWork, *, announce: bool = True) -> None:
        if len(lost) >= count or (topic is not None and topic not in uow._topics):
            return real_commit(uow, announce=announce)
        session_commit = uow.session.commit

        def saved_then_lost() -> None:
            session_commit()
            lost.append(1)
            raise sa_exc.OperationalError("COMMIT", {}, Exception(
                "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally"))

        uow.session.commit = saved_then_lost  # this unit of work's session only
        try:
            return real_commit(uow, announce=announce)
        finally:
            del uow.session.commit

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(UnitOfWork, "commit", commit)
        yield lost
