"""The waiting-room display: never a name, read-only through DISPLAY_READ, gong, RTL phrases."""

from __future__ import annotations

import wave
from datetime import timedelta

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel

from desk.domain.errors import PermissionDeniedError
from desk.domain.languages import is_rtl
from desk.domain.model import DisplayCallRow, Role
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.services.context import Actor
from desk.ui.display import DisplayWindow, open_display
from desk.ui.display.phrases import languages, phrase
from desk.ui.display.sound import gong_path, write_gong
from desk.ui.events import AppEvents
from desk.ui.settings import UiSettings

SECRET_GIVEN, SECRET_FAMILY = "<b>Secret</b>", "Verborgen"


class FakeGong:
    def __init__(self) -> None:
        self.played = 0

    def play(self) -> None:
        self.played += 1


def _call_secret_client(services, language="ar"):
    head = Actor.system()
    client = services.clients.create(head, ClientInput(given_name=SECRET_GIVEN, family_name=SECRET_FAMILY,
                                                       language=language, interpreter_needed=True))
    mbe = next(s for s in services.reference.services(head) if s.code == "MBE")
    visit = services.checkin.check_in(head, CheckInRequest(service_id=mbe.id, client_id=client.id))
    room = next(r for r in services.reference.rooms(head) if "Migrationsberatung" in r.name)
    counsellor = Actor(staff_id=None, name="Frau Beraterin", role=Role.COUNSELLOR)
    services.waitlist.call(counsellor, visit.id, room_id=room.id)
    return visit, room


def _all_text(widget) -> str:
    return "\n".join([widget.windowTitle(), *(label.text() for label in widget.findChildren(QLabel))])


def test_display_table_cannot_hold_a_name(sqlite_services):
    columns = {c["name"]: c for c in sa.inspect(sqlite_services.db.engine).get_columns("display_calls")}
    assert set(columns) == {"id", "called_at", "ticket", "room_label", "language"}
    foreign = sa.inspect(sqlite_services.db.engine).get_foreign_keys("display_calls")
    assert foreign == []  # no way back to a client


def test_display_data_and_screen_never_contain_the_name(qtbot, sqlite_services):
    visit, room = _call_secret_client(sqlite_services)
    calls = sqlite_services.waitlist.display_calls(Actor.display())
    assert [(c.ticket, c.room_label) for c in calls] == [(visit.ticket, room.display_label)]
    window = DisplayWindow(sqlite_services, AppEvents(), gong=FakeGong())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)  # the first read runs in a worker
    text = repr(calls) + _all_text(window)
    assert visit.ticket in text and room.display_label in text
    for part in ("Secret", "<b>", "Verborgen", "Frau Beraterin"):
        assert part not in text
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in window.findChildren(QLabel))


def test_the_display_actor_may_only_read_the_display(sqlite_services):
    display = Actor.display()
    with pytest.raises(PermissionDeniedError):
        sqlite_services.waitlist.waiting_list(display)
    with pytest.raises(PermissionDeniedError):
        sqlite_services.waitlist.call_next(display, room_id=1)
    with pytest.raises(PermissionDeniedError):
        sqlite_services.alarms.open_alarms(display)


def test_gong_on_each_new_call_not_on_start(qtbot, sqlite_services):
    _call_secret_client(sqlite_services)
    gong = FakeGong()
    events = AppEvents()
    window = DisplayWindow(sqlite_services, events, gong=gong)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    assert window.calls and gong.played == 0  # what was called before the display started does not chime
    head = Actor.system()
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    second = sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    with qtbot.waitSignal(window.sig_new_call, timeout=3000) as blocker:
        sqlite_services.waitlist.call(head, second.id, room_id=sqlite_services.reference.rooms(head)[3].id)
        events.sig_data_changed.emit(frozenset({"display"}))
    assert blocker.args[0].ticket == second.ticket
    assert gong.played == 1
    assert second.ticket in window.current.text()
    events.sig_data_changed.emit(frozenset({"visits"}))  # not a display change: nothing happens
    assert gong.played == 1


def test_rtl_phrases_and_languages():
    assert {"de", "en", "ar", "fa", "uk", "ru", "tr", "fr", "ti"} <= set(languages())
    for code in ("ar", "fa", "prs", "ARA"):
        assert phrase(code).rtl, code
    for code in ("de", "en", "uk", "ru", "tr", "fr", "ti"):
        assert not phrase(code).rtl
        rendered = phrase(code).render("M-004", "Büro 2")
        assert "M-004" in rendered and "Büro 2" in rendered
    assert phrase("xx") is None
    rendered = phrase("ar").render("M-004", "Büro 2")
    assert "\u2066M-004\u2069" in rendered  # the ticket is an isolated LTR run inside Arabic


@pytest.mark.parametrize(("language", "words", "rtl"), [("ro", "vă rugăm", False), ("ku", "ji kerema xwe", False),
                                                     ("ckb", "تکایە", True)])
def test_kurdish_and_romanian_clients_read_the_call_in_their_language_too(qtbot, sqlite_services, language, words,
                                                                          rtl):
    """Kurdish and Romanian are among the centre's languages (the brief): their clients read the
    call in German and in their own language, not in English."""
    visit, _room = _call_secret_client(sqlite_services, language=language)
    window = DisplayWindow(sqlite_services, AppEvents(), gong=FakeGong())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    assert window.phrase_de.text().startswith("Nummer")
    assert words in window.phrase_other.text() and visit.ticket in window.phrase_other.text()
    expected = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    assert window.phrase_other.layoutDirection() == expected


def test_every_language_the_centres_clients_speak_has_a_call_phrase():
    # Arabic, Dari/Farsi, Ukrainian, Russian, Turkish, Kurdish (Kurmanji, Sorani), Tigrinya, English,
    # French, Romanian: the languages the centre names for its clients
    for code in ("ar", "prs", "fa", "uk", "ru", "tr", "ku", "ckb", "ti", "en", "fr", "ro"):
        found = phrase(code)
        assert found is not None and found.language != "en" or code == "en", code
        assert found.rtl == is_rtl(code), code


def test_arabic_call_is_shown_right_to_left(qtbot, sqlite_services):
    _call_secret_client(sqlite_services, language="ar")
    window = DisplayWindow(sqlite_services, AppEvents(), gong=FakeGong())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    assert window.phrase_other.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "يرجى" in window.phrase_other.text()
    assert window.phrase_de.text().startswith("Nummer")


def test_open_display_full_screen_without_login(qtbot, sqlite_services, tmp_path):
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = open_display(sqlite_services, settings, AppEvents(), screen=0, live_updates=False)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.isFullScreen() or window.geometry() == window.screen().geometry()
    assert window.isVisible()
    assert window.actor.role is Role.DISPLAY


def test_gong_wav_is_a_short_sound(tmp_path):
    path = write_gong(tmp_path / "g.wav")
    with wave.open(str(path)) as wav:
        assert wav.getnchannels() == 1 and 0.5 < wav.getnframes() / wav.getframerate() < 3
    assert gong_path().is_file()


def test_the_first_call_of_the_day_chimes(qtbot, sqlite_services):
    """The display opened in the morning with nobody called yet: the first call must gong."""
    gong = FakeGong()
    events = AppEvents()
    window = DisplayWindow(sqlite_services, events, gong=gong)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    assert window.calls == [] and gong.played == 0
    head = Actor.system()
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    first = sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    with qtbot.waitSignal(window.sig_new_call, timeout=3000):
        sqlite_services.waitlist.call(head, first.id, room_id=sqlite_services.reference.rooms(head)[3].id)
        events.sig_data_changed.emit(frozenset({"display"}))
    assert gong.played == 1


# -- no read on the GUI thread: an unreachable server must not freeze the full-screen display -----


def test_the_display_reads_in_a_worker_and_the_guard_covers_it(qtbot, sqlite_services, gui_thread_calls):
    import threading

    _call_secret_client(sqlite_services)
    threads = []
    original = sqlite_services.waitlist.display_calls

    def display_calls(actor, **kwargs):
        threads.append(threading.current_thread())
        return original(actor, **kwargs)

    sqlite_services.waitlist.display_calls = display_calls
    events = AppEvents()
    window = DisplayWindow(sqlite_services, events, gong=FakeGong())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    events.sig_data_changed.emit(frozenset({"display"}))
    window.refresh()
    qtbot.waitUntil(lambda: not window.reading and len(threads) >= 2, timeout=5000)
    assert threads and threading.main_thread() not in threads
    assert gui_thread_calls.sites() == []
    # the guard watches the display's services like a view's: the old synchronous read is recorded
    exec("services.waitlist.display_calls(actor)",  # noqa: S102 - a call made from the display's module
         {"__name__": "desk.ui.display.window", "services": window.services, "actor": window.actor})
    assert [s.split(" from ")[0] for s in gui_thread_calls.sites()] == ["waitlist.display_calls"]
    gui_thread_calls.calls.clear()  # seen: this test must not fail for it


def test_a_hanging_read_leaves_the_display_responsive_with_the_last_calls(qtbot, sqlite_services, monkeypatch):
    import threading

    from desk.ui.display import window as display_module

    visit, room = _call_secret_client(sqlite_services)
    events = AppEvents()
    window = DisplayWindow(sqlite_services, events, gong=FakeGong())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    assert visit.ticket in window.current.text() and window.state.text() == ""

    release, reads = threading.Event(), []
    original = sqlite_services.waitlist.display_calls

    def hanging(actor, **kwargs):  # a server that went away: the driver waits for its timeout
        reads.append(threading.current_thread())
        release.wait(60)
        return original(actor, **kwargs)

    monkeypatch.setattr(sqlite_services.waitlist, "display_calls", hanging)
    monkeypatch.setattr(display_module, "STALE_AFTER_S", 0.3)
    ticks = []
    window.clock_timer.timeout.connect(lambda: ticks.append(window.clock.text()))
    window.clock_timer.setInterval(20)
    window.timer.setInterval(20)
    try:
        events.sig_data_changed.emit(frozenset({"display"}))
        qtbot.waitUntil(lambda: len(ticks) >= 5 and "No connection" in window.state.text(), timeout=10000)
        assert len(reads) == 1  # the polls and the change did not start a second read beside it
        assert window.reading and threading.main_thread() not in reads
        assert visit.ticket in window.current.text() and room.display_label in window.current.text()
        assert "Keine Verbindung zur Datenbank" in window.state.text()
        assert all(ticks)  # the clock kept ticking
    finally:
        release.set()
    # the server is back: the next read clears the notice, the calls stay
    qtbot.waitUntil(lambda: not window.reading and window.state.text() == "", timeout=10000)
    assert visit.ticket in window.current.text()


def test_a_failing_read_keeps_the_last_calls_and_says_so(qtbot, sqlite_services, monkeypatch):
    visit, _room = _call_secret_client(sqlite_services)
    gong = FakeGong()
    window = DisplayWindow(sqlite_services, AppEvents(), gong=gong)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    window.timer.stop()

    def unreachable(actor, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(sqlite_services.waitlist, "display_calls", unreachable)
    window.refresh()
    qtbot.waitUntil(lambda: not window.reading, timeout=5000)
    assert "No connection since" in window.state.text()
    assert visit.ticket in window.current.text() and SECRET_FAMILY not in window.state.text()
    assert gong.played == 0
    # the server is back, and a call was made meanwhile: the notice goes, the new call chimes and is big
    monkeypatch.undo()
    head = Actor.system()
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    later = sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    sqlite_services.waitlist.call(head, later.id, room_id=sqlite_services.reference.rooms(head)[3].id)
    with qtbot.waitSignal(window.sig_new_call, timeout=5000):
        window.refresh()
    assert window.state.text() == "" and window.current.text().startswith(later.ticket) and gong.played == 1
    assert visit.ticket in window.history[0].text()


# -- the order on the screen is the order the calls were made, not the calling PCs' clocks ---------


def test_a_call_from_a_pc_whose_clock_is_behind_is_shown_big(qtbot, services, ui_clock):
    """Each PC stamps a call with its own clock. A counsellor's PC two minutes slow called M-002
    after A-001 was called elsewhere: M-002 is the new call, big on the screen, not A-001."""
    head = Actor.system()
    mbe = next(s for s in services.reference.services(head) if s.code == "MBE")
    rooms = services.reference.rooms(head)
    first = services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    second = services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    services.waitlist.call(head, first.id, room_id=rooms[2].id, now=ui_clock())
    gong, events = FakeGong(), AppEvents()
    window = DisplayWindow(services, events, gong=gong)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    assert first.ticket in window.current.text()
    with qtbot.waitSignal(window.sig_new_call, timeout=5000) as blocker:
        services.waitlist.call(head, second.id, room_id=rooms[3].id, now=ui_clock() - timedelta(minutes=2))
        events.sig_data_changed.emit(frozenset({"display"}))
    assert blocker.args[0].ticket == second.ticket and gong.played == 1
    assert window.current.text() == f"{second.ticket}  →  {rooms[3].display_label}"
    assert first.ticket in window.history[0].text()


def test_a_call_committed_after_a_newer_one_still_chimes_and_is_shown_big(qtbot, sqlite_services, ui_clock):
    """Two PCs on PostgreSQL: the call that got the lower id commits a moment later. The display
    read the higher one first; the lower one is new to it all the same."""
    gong = FakeGong()
    window = DisplayWindow(sqlite_services, AppEvents(), gong=gong)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    window.timer.stop()  # only the reads this test hands over

    def row(call_id: int, ticket: str) -> DisplayCallRow:
        return DisplayCallRow(id=call_id, called_at=ui_clock(), ticket=ticket, room_label="Büro 2", language="")

    window.apply([row(11, "M-011")])
    window.apply([row(11, "M-011"), row(10, "I-010")])
    assert gong.played == 2
    assert window.current.text().startswith("I-010") and window.history[0].text().startswith("M-011")
    window.apply([row(11, "M-011"), row(10, "I-010")])  # read again: nothing new, no gong
    assert gong.played == 2


def test_the_call_after_an_undone_call_chimes(qtbot, sqlite_services, ui_clock):
    """A counsellor called by mistake and pressed Ctrl+Z (the display row is deleted); her next call
    got the same id on SQLite, and the display took it for the call it had already seen: no gong."""
    head = Actor.system()
    mbe = next(s for s in sqlite_services.reference.services(head) if s.code == "MBE")
    room = sqlite_services.reference.rooms(head)[3]
    first = sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    second = sqlite_services.checkin.check_in(head, CheckInRequest(service_id=mbe.id))
    gong, events = FakeGong(), AppEvents()
    window = DisplayWindow(sqlite_services, events, gong=gong)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    with qtbot.waitSignal(window.sig_new_call, timeout=5000):
        mistake = sqlite_services.waitlist.call(head, first.id, room_id=room.id, now=ui_clock())
        events.sig_data_changed.emit(frozenset({"display"}))
    sqlite_services.waitlist.undo(head, mistake.undo, now=ui_clock() + timedelta(seconds=20))
    events.sig_data_changed.emit(frozenset({"display"}))
    qtbot.waitUntil(lambda: not window.calls and not window.reading, timeout=5000)
    with qtbot.waitSignal(window.sig_new_call, timeout=5000) as blocker:
        sqlite_services.waitlist.call(head, second.id, room_id=room.id, now=ui_clock() + timedelta(seconds=40))
        events.sig_data_changed.emit(frozenset({"display"}))
    assert blocker.args[0].ticket == second.ticket and gong.played == 2
    assert window.current.text().startswith(second.ticket)
