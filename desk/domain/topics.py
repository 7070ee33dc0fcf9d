"""Change topics: what a committed transaction changed, so each open view reloads only for its own.

A service names its topics (`uow.touch(Topic.VISITS)`); the commit writes them with the change
counter (PostgreSQL also NOTIFYs them); every window's live-update thread reads them back and
each view reloads when one of the topics it declares arrives (desk.ui.views.base.DeskView).
`Topic.ANY` means "the source cannot say" (a lost notification, a reconnect): everyone reloads.
The values are the words on the wire (NOTIFY payload, change_log.topics); never rename one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum


class Topic(StrEnum):
    VISITS = "visits"  # check-ins, calls, the waiting list
    CLIENTS = "clients"  # cards, the name index
    APPOINTMENTS = "appointments"  # counselling appointments, interpreters, working hours, reminders sent
    BOOKINGS = "bookings"  # room bookings
    REFERENCE = "reference"  # services, rooms, staff names shown in choices
    SETTINGS = "settings"  # business settings
    STAFF = "staff"  # accounts
    DISPLAY = "display"  # what the waiting-room display shows (calls)
    ALARMS = "alarms"  # silent alarms
    AUDIT = "audit"  # audit entries only (nothing a list shows)
    ANY = "any"  # unknown: reload everything


def topics_of(words: Iterable[str]) -> frozenset[Topic]:
    """Topics from their wire words; an unknown word (a newer desk on the network) counts as ANY."""
    found: set[Topic] = set()
    for word in words:
        word = word.strip()
        if not word:
            continue
        try:
            found.add(Topic(word))
        except ValueError:
            found.add(Topic.ANY)
    return frozenset(found)


class Changes(frozenset):
    """The topics one poll of the change probe found (a frozenset of Topic), and which commit
    (change counter value) carried which: a view skips the commits it made itself and has already
    reloaded for (compare Anki's OpChanges with its initiator). Topics not tied to a commit (ANY after
    a reconnect or a lost notification) are in the set but in no commit."""

    commits: Mapping[int, frozenset[Topic]]
    loose: frozenset[Topic]

    def __new__(cls, topics: Iterable[Topic] = (), commits: Mapping[int, frozenset[Topic]] | None = None):
        commits = dict(commits or {})
        topics = frozenset(topics)
        every = set(topics)
        for named in commits.values():
            every |= named
        self = super().__new__(cls, every)
        self.commits = commits
        self.loose = topics
        return self

    def __repr__(self) -> str:
        return f"Changes({sorted(self)!r}, commits={dict(self.commits)!r})"

    def __reduce__(self):
        return (Changes, (self.loose, dict(self.commits)))

    def without(self, own: Iterable[int]) -> frozenset[Topic]:
        """The topics of every commit not in `own`, plus those tied to no commit."""
        own = set(own)
        loose = set(self.loose)
        for number, named in self.commits.items():
            if number not in own:
                loose |= named
        return frozenset(loose)
