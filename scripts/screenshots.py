#!/usr/bin/env python3
"""Screenshots of every main view from the real widgets with demo data, in German and English,
at normal and at double font size, 1366×768 — for docs/screenshots/ and the README.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screenshots] [--views empfang,...]

Regenerate whenever a view changes. It also reports widgets whose text is clipped (a label or
button narrower than its text), which the accessibility test suite checks too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1366, 768)


def clipped_widgets(root) -> list[str]:
    """Labels and buttons whose text does not fit their width (a cut-off word is a bug)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    problems = []
    for widget in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        text = widget.text()
        if not text or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        needed = widget.fontMetrics().horizontalAdvance(text.replace("&", "").split("\n")[0])
        room = widget.contentsRect().width() - (24 if isinstance(widget, QAbstractButton) else 0)
        if needed > room + 2 and widget.width() < widget.sizeHint().width():
            problems.append(f"{type(widget).__name__} {text!r}: needs {needed}px, has {room}px")
    return problems


def stage(view, *, busy: bool = False) -> None:
    """Put a view in the state a person would look at: reception with a name being typed; on a
    busy day the room calendar shows the week of all rooms."""
    from PySide6.QtWidgets import QLineEdit

    search = view.findChild(QLineEdit, "search") if view.objectName() == "view-empfang" else None
    if search is not None:
        search.setText("moh")  # as typed at the desk: finds Mohammed, Muhammad, محمد, ...
    room_filter = getattr(view, "room_filter", None)
    if busy and room_filter is not None:
        room_filter.setCurrentIndex(0)  # all rooms


def make_busy_day(services) -> None:
    """A busy day on top of the demo centre: 25 more people waiting now (families, interpreters,
    an urgent one), and the whole current week booked in every bookable room."""
    from datetime import UTC, datetime, time, timedelta

    from desk.domain.bookings import BookingDraft
    from desk.domain.errors import ConflictError
    from desk.domain.model import BookingKind, Priority
    from desk.domain.recurrence import place
    from desk.services.checkin import CheckInRequest
    from desk.services.clients import ClientInput
    from desk.services.context import Actor

    system = Actor.system()
    active = [s for s in services.reference.services(system) if s.active]
    languages = ("ar", "fa", "uk", "ru", "tr", "ti", "", "", "", "")
    names = ("Ahmadi, Zahra", "Bondarenko, Oksana", "Haile, Senait", "Yilmaz, Emre", "Sidiqi, Farid",
             "Kovalenko, Iryna", "Al-Ahmad, Mohammed Abdulrahman", "Tesfay, Yonas", "Hosseini, Mariam",
             "Petrov, Dmitrij")
    for number in range(25):
        family, given = names[number % len(names)].split(", ")
        client = services.clients.create(system, ClientInput(given_name=f"{given} {number + 1}", family_name=family,
                                                             language=languages[number % len(languages)]))
        urgent = number == 7
        services.checkin.check_in(system, CheckInRequest(
            service_id=active[number % len(active)].id, client_id=client.id,
            interpreter_language=languages[number % len(languages)], party_size=1 + (number % 4 == 0) * 2,
            priority=Priority.URGENT if urgent else Priority.NORMAL,
            priority_reason="Kind mit Fieber" if urgent else ""),
            now=datetime.now(UTC) - timedelta(minutes=60 - 2 * number))
    today = datetime.now().date()
    monday = today - timedelta(days=today.weekday())
    titles = ("Teambesprechung Fachbereich", "Sprachcafé Deutsch–Arabisch", "Beratung mit Dolmetscherin",
              "Infoabend Anerkennung ausländischer Abschlüsse", "Ehrenamtstreffen", "Kochabend")
    rooms = [r for r in services.reference.rooms(system) if r.bookable and r.active]
    for offset in range(5):
        day = monday + timedelta(days=offset)
        for index, room in enumerate(rooms):
            for slot, (hour, minutes) in enumerate(((9, 45), (11, 90), (14, 60), (17, 120))):
                start = place(datetime.combine(day, time(hour, 15 * (index % 2))))
                try:
                    services.bookings.create(system, BookingDraft(
                        room_id=room.id, title=titles[(offset + index + slot) % len(titles)], starts_at=start,
                        ends_at=start + timedelta(minutes=minutes), kind=list(BookingKind)[slot % len(BookingKind)],
                        organiser="Frau Yilmaz"), now=place(datetime.combine(monday, time(0))))  # booked before the week
                except ConflictError:
                    pass  # the demo already has something there


def login_shot(app, ctx, name: str, out: Path | None) -> list[str]:
    """The login of `desk --demo` (the demo accounts as one-click buttons): saved unless out is None."""
    from desk.tools.demo import demo_accounts
    from desk.ui.login import DemoAccount, LoginDialog

    dialog = LoginDialog(ctx, demo_accounts=[DemoAccount(*account) for account in demo_accounts()])
    dialog.show()
    dialog.adjustSize()
    settle(app, 200)
    if out is not None:
        dialog.grab().save(str(out / name))
        print(f"wrote {out / name}")
    problems = [f"{name}: {p}" for p in clipped_widgets(dialog)]
    dialog.close()
    dialog.deleteLater()
    return problems


class _Silent:
    def play(self) -> None:
        pass


def display_shot(app, services, language: str, out: Path) -> list[str]:
    """The waiting-room display (desk --display) at 1366x768 with the longest room names of the
    demo centre (it shows rooms by their name): German first, an Arabic second line in the German
    shot, an English one in the English shot; the calls are fixed so the shot does not change."""
    from datetime import UTC, datetime

    from desk.domain.model import DisplayCallRow
    from desk.services.context import Actor
    from desk.ui.display import DisplayWindow
    from desk.ui.events import AppEvents

    names = sorted((r.name for r in services.reference.rooms(Actor.system())), key=len, reverse=True)
    called = {"de": "ar"}.get(language, language)
    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    calls = [DisplayCallRow(id=20 - n, called_at=at, ticket=f"{'IMS'[n % 3]}-{14 - n:03d}",
                            room_label=names[n % len(names)], language=called) for n in range(6)]
    window = DisplayWindow(services, AppEvents(), gong=_Silent())
    window.timer.stop()  # the fixed calls, not the database's
    window.clock_timer.stop()
    for _ in range(400):  # its first read runs in a worker: it must not overwrite the fixed calls
        if window.loaded:
            break
        settle(app, 50)
    window.resize(*SIZE)
    window.show()
    window.apply(calls)
    window.clock.setText("09:31")
    settle(app, 300)
    name = f"display-{language}.png"
    window.grab().save(str(out / name))
    print(f"wrote {out / name}")
    problems = [f"{name}: {p}" for p in clipped_widgets(window)]
    window.close()
    window.deleteLater()
    return problems


KIOSK_LANGUAGES = ("de", "ar", "ti")
KIOSK_SIZE = (1280, 800)  # a 10-inch touch tablet at the entrance


def kiosk_shots(app, services, settings, out: Path) -> list[str]:
    """The self-service kiosk (desk --kiosk): the language choice, then each screen in German,
    Arabic (right to left) and Tigrinya - choice, services, appointment, ticket (no printer: on
    screen), and a wrong code. Takes real tickets on the demo database (run last)."""
    import dataclasses

    from desk.services.context import Actor
    from desk.ui.context import UiContext
    from desk.ui.events import AppEvents
    from desk.ui.kiosk.printing import NoPrinter
    from desk.ui.kiosk.window import KioskWindow

    actor = dataclasses.replace(Actor.kiosk(), workstation="kiosk-screenshots")
    ctx = UiContext(services=services, actor=actor, events=AppEvents(), settings=settings)
    window = KioskWindow(ctx, printer=NoPrinter())
    window.refresh_timer.stop()
    window.idle.setInterval(3_600_000)
    window.resize(*KIOSK_SIZE)
    window.show()
    settle(app, 800)
    problems: list[str] = []

    def shot(name: str) -> None:
        settle(app, 400)
        window.grab().save(str(out / name))
        problems.extend(f"{name}: {p}" for p in clipped_widgets(window))
        print(f"wrote {out / name}")

    shot("kiosk-language.png")
    # a service in its consultation hours now (the kiosk gives tickets for no other), MBE if open
    open_ids = [o.id for o in window.offers if o.open]
    mbe = next((o.id for o in window.offers if o.code == "MBE" and o.open), open_ids[0] if open_ids else
               window.offers[0].id)
    for language in KIOSK_LANGUAGES:
        window.choose_language(language)
        shot(f"kiosk-choice-{language}.png")
        window.show_services()
        shot(f"kiosk-services-{language}.png")
        window.show_page("appointment")
        window.code_edit.setText("K7M-A4X")
        window.check_in_appointment()
        shot(f"kiosk-appointment-{language}.png")
        window.show_page("services")
        window.take_ticket(mbe)
        shot(f"kiosk-ticket-{language}.png")
        window.reset()
    window.close()  # refused: asks for the head's password
    settle(app, 300)
    dialog = window.exit_dialog
    dialog.grab().save(str(out / "kiosk-leave.png"))
    problems.extend(f"kiosk-leave.png: {p}" for p in clipped_widgets(dialog))
    print(f"wrote {out / 'kiosk-leave.png'}")
    dialog.reject()
    window._may_close = True
    window.close()
    window.deleteLater()
    return problems


def settle(app, milliseconds: int = 1500) -> None:
    """Process events for a while so worker results and timers reach the widgets."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop, QThreadPool

    deadline = QDeadlineTimer(milliseconds)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThreadPool.globalInstance().waitForDone(20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--views", default="", help="comma-separated view keys, login, display and/or kiosk "
                                                     "(default: all)")
    parser.add_argument("--languages", default="de,en")
    parser.add_argument("--no-large", action="store_true", help="skip the 200 %% font size")
    parser.add_argument("--check", action="store_true", help="exit with 1 when a label or button is clipped (CI)")
    parser.add_argument("--busy", action="store_true",
                        help="a busy day: 25 more waiting and a full week in all rooms; files named <view>-busy-...")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desk.domain.model import Role
    from desk.services.bootstrap import prepare_database
    from desk.services.context import Actor
    from desk.services.desk import build_services
    from desk.storage.engine import sqlite_url
    from desk.tools.demo import fill_demo_centre
    from desk.ui.context import UiContext
    from desk.ui.events import AppEvents
    from desk.ui.i18n import install_language
    from desk.ui.main_window import MainWindow
    from desk.ui.settings import UiSettings
    from desk.ui.views.registry import VIEWS

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    base_font = app.font()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    wanted = [k for k in args.views.split(",") if k] or [v.key for v in VIEWS] + ["login", "display", "kiosk"]
    login = "login" in wanted  # docs/screenshots/login-<language>.png; checked at 200 % too
    display = "display" in wanted  # docs/screenshots/display-<language>.png (normal font size only)
    kiosk = "kiosk" in wanted  # docs/screenshots/kiosk-<screen>-<de|ar|ti>.png, after everything else
    wanted = [k for k in wanted if k not in ("login", "display", "kiosk")]

    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(prepare_database(sqlite_url(Path(tmp) / "demo.sqlite")))
        fill_demo_centre(services)
        if args.busy:
            make_busy_day(services)
        head = next((s for s in services.reference.staff(Actor.system()) if s.role is Role.HEAD), None)
        actor = Actor(staff_id=head.id if head else None, name=head.display_name if head else "Leitung",
                      role=Role.HEAD, service_ids=head.service_ids if head else frozenset())
        problems: list[str] = []
        for language in args.languages.split(","):
            for large in (False,) if args.no_large else (False, True):
                install_language(language)
                font = base_font
                if large:
                    font = type(base_font)(base_font)
                    font.setPointSizeF(base_font.pointSizeF() * 2)
                app.setFont(font)
                ctx = UiContext(services=services, actor=actor, events=AppEvents(),
                                settings=UiSettings(QSettings(str(Path(tmp) / "ui.ini"),
                                                              QSettings.Format.IniFormat)))  # never the user's
                window = MainWindow(ctx, live_updates=False)
                window.resize(*SIZE)
                window.show()
                for key in wanted:
                    window.show_view(key)
                    stage(window.view(key), busy=args.busy)
                    settle(app)  # views load their data in workers; give them time to arrive
                    name = f"{key}{'-busy' if args.busy else ''}-{language}{'-large' if large else ''}.png"
                    window.grab().save(str(out / name))
                    problems += [f"{name}: {p}" for p in clipped_widgets(window.view(key))]
                    print(f"wrote {out / name}")
                window.close()
                window.deleteLater()
                app.processEvents()
                if login:
                    problems += login_shot(app, ctx, f"login-{language}{'-large' if large else ''}.png",
                                           None if large else out)
                if display and not large:
                    problems += display_shot(app, services, language, out)
        app.setFont(base_font)
        if kiosk:
            problems += kiosk_shots(app, services, UiSettings(QSettings(str(Path(tmp) / "ui.ini"),
                                                                        QSettings.Format.IniFormat)), out)
        services.close()
    for problem in problems:
        print("clipped:", problem)
    print(f"{len(problems)} clipped widgets")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
