"""The change probe reports every commit of another connection (issue 23), on both engines.

A counsellor's change that the probe never reports never reaches reception's waiting list. On
PostgreSQL the probe used to trust the notifications alone whenever any had come: a commit whose
notification was lost (psycopg before 3.2.4 drops those arriving during a query; a writer that
sends none) in the same poll as another's was never reported. Now every notification carries the
counter value, and a gap between the counter and the numbers heard means "reload everything".

Typed topics (issue 17): on SQLite too the probe names each commit's topics (change_log), so a
check-in reloads the views that show visits, not every view on every workstation.
"""

from __future__ import annotations

import random
import threading
import time

import pytest
from sqlalchemy import text

from desk.domain.topics import Changes, Topic
from desk.storage.changes import ChangeProbe
from desk.storage.uow import recording_commits


def _commit(services, *topics: Topic) -> int:
    """A commit naming `topics`; returns its change counter value."""
    with recording_commits() as made, services.uow(write=True) as uow:
        uow.touch(*topics)
        uow.commit()
    (number,) = made
    return number


def _silent_commit(services) -> None:
    """A commit that bumps the counter but whose notification never arrives."""
    with services.db.engine.begin() as connection:
        connection.execute(text("UPDATE change_counter SET value = value + 1 WHERE id = 1"))


def _poll(probe: ChangeProbe, services) -> Changes:
    return probe.poll(timeout=0.05 if not services.db.is_sqlite else 0)


def test_each_commit_is_reported_with_its_topics(services):
    probe = ChangeProbe(services.db)
    try:
        assert _poll(probe, services) == frozenset()  # the baseline
        assert _poll(probe, services) == frozenset()
        first = _commit(services, Topic.VISITS)
        second = _commit(services, Topic.CLIENTS, Topic.APPOINTMENTS)
        topics = _poll(probe, services)
        if services.db.is_sqlite:
            # named on SQLite too (before: always "any", and every view everywhere reloaded)
            assert topics == {Topic.VISITS, Topic.CLIENTS, Topic.APPOINTMENTS}
            assert topics.commits == {first: {Topic.VISITS}, second: {Topic.CLIENTS, Topic.APPOINTMENTS}}
        else:
            # both commits, not only the first heard ("any" when a notification is late)
            assert {Topic.VISITS, Topic.CLIENTS} <= topics or {Topic.VISITS, Topic.ANY} <= topics
            assert topics.commits.get(first) == {Topic.VISITS}
        assert _poll(probe, services) == frozenset()
    finally:
        probe.close()


def test_a_commit_whose_notification_is_lost_is_not_missed(services):
    probe = ChangeProbe(services.db)
    try:
        _poll(probe, services)
        _commit(services, Topic.CLIENTS)  # heard
        _silent_commit(services)  # the waiting list's change, never announced
        topics = _poll(probe, services)
        assert "any" in topics, topics  # before: {"clients"} only, and the visit change was lost
        assert _poll(probe, services) == frozenset()
    finally:
        probe.close()


def test_a_commit_heard_only_through_the_change_log_keeps_its_topics(services):
    """A commit whose notification never comes (an old psycopg drops some) but whose change_log row
    is there: the poll names its topics instead of answering "any" (every view everywhere)."""
    from desk.storage.uow import announce_in

    probe = ChangeProbe(services.db)
    try:
        _poll(probe, services)
        with services.db.session(write=True) as session:
            announce_in(session, "sqlite", {Topic.BOOKINGS})  # logs like every commit, sends no NOTIFY
            session.commit()
        topics = _poll(probe, services)
        assert topics == {Topic.BOOKINGS}, topics
        assert _poll(probe, services) == frozenset()
    finally:
        probe.close()


def test_hundreds_of_commits_from_another_thread_are_all_reported(services):
    """A count: every commit by another connection (one in ten never announced) is reported, under
    its own number or with "any", by a poll no later than the first poll that began after it."""
    probe = ChangeProbe(services.db)
    commits = 300
    rng = random.Random(23)
    written: list[tuple[float, float, int | None]] = []  # (began, returned, number or None) of each commit
    every = [t for t in Topic if t is not Topic.ANY]
    done = threading.Event()

    def writer() -> None:
        for number in range(commits):
            began = time.monotonic()
            if rng.random() < 0.1:
                _silent_commit(services)
                announced = None
            else:
                announced = _commit(services, every[number % len(every)])
            written.append((began, time.monotonic(), announced))
        done.set()

    try:
        _poll(probe, services)
        thread = threading.Thread(target=writer)
        thread.start()
        polls: list[tuple[float, float, Changes]] = []  # (began, ended, topics)
        while True:
            finished = done.is_set()
            began = time.monotonic()
            topics = _poll(probe, services)
            polls.append((began, time.monotonic(), topics))
            if finished:
                break
        thread.join()
        missed = []
        for started, committed, number in written:
            # the polls that may have seen this commit: from the first that ended after it began
            # (the timestamps are taken with the GIL, so a commit is only known to lie in between)
            # to the first that began after it had returned, which must have seen it
            window = []
            for began, ended, topics in polls:
                if ended > started:
                    window.append(topics)
                    if began > committed:
                        break
            if not any((number is not None and number in t.commits) or Topic.ANY in t for t in window):
                missed.append(number)
        assert len(written) == commits
        assert missed == [], f"{len(missed)} of {commits} commits never reported: {missed[:5]}"
        assert _poll(probe, services) == frozenset()
    finally:
        probe.close()


@pytest.mark.postgres
def test_notifications_are_numbered(pg_db_url, tmp_path):
    from desk.services.bootstrap import prepare_database
    from desk.services.desk import build_services

    services = build_services(prepare_database(pg_db_url, backup_dir=tmp_path / "backups"))
    try:
        raw = services.db.engine.raw_connection()
        try:
            driver = raw.driver_connection
            driver.autocommit = True
            driver.execute("LISTEN desk_changes")
            _commit(services, Topic.VISITS)
            payloads = [n.payload for n in driver.notifies(timeout=2, stop_after=1)]
            value = driver.execute("SELECT value FROM change_counter WHERE id = 1").fetchone()[0]
        finally:
            raw.close()
        assert payloads == [f"{value}:visits"]
    finally:
        services.close()


def test_a_commit_that_names_no_topic_means_any(services):
    probe = ChangeProbe(services.db)
    try:
        _poll(probe, services)
        _commit(services)
        assert Topic.ANY in _poll(probe, services)
    finally:
        probe.close()


def test_touch_takes_only_topics(services):
    with services.uow(write=True) as uow, pytest.raises(TypeError):
        uow.touch("visits")

