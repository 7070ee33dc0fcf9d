"""The log: a day at the desk leaves no client name, note or phone number in it, an unexpected
error is logged in full (without the statement's parameters) and shown with "Copy details", a
missing stderr (Windows' windowed program) loses nothing."""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from desk.services import logs
from desk.services.checkin import CheckInRequest
from desk.services.clients import ClientInput
from desk.storage.models import Client
from desk.tools.demo import fill_demo_centre

NOW = datetime(2027, 3, 10, 9, 30, tzinfo=UTC)  # a Wednesday
SECRET_NAME = ("Zephyrine", "Quastenbrook")
SECRET_PHONE = "0176 98765432"
SECRET_NOTE = "Hörgerät vergessen, Schwester kommt mit"



def _log_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.log*")))


def test_a_day_at_the_desk_leaves_no_client_data_in_the_log(qapp, services, head, log_folder, monkeypatch) -> None:
    path = logs.setup_logging("desk")
    assert path == log_folder / "desk.log"
    fill_demo_centre(services, now=NOW, clients=60, past_weeks=1, future_weeks=1)
    client = services.clients.create(head, ClientInput(given_name=SECRET_NAME[0], family_name=SECRET_NAME[1],
                                                       phone=SECRET_PHONE, reception_note=SECRET_NOTE))
    services.clients.search(head, SECRET_NAME[1])
    services.clients.card(head, client.id)
    service_id = services.reference.services(head)[0].id
    visit = services.checkin.check_in(head, CheckInRequest(service_id=service_id, client_id=client.id), now=NOW)
    room_id = services.reference.rooms(head)[0].id
    services.waitlist.call(head, visit.id, room_id=room_id, now=NOW + timedelta(minutes=5))
    services.waitlist.start(head, visit.id, now=NOW + timedelta(minutes=6))
    services.waitlist.done(head, visit.id, now=NOW + timedelta(minutes=30))
    # an unexpected database error while a client row is written: logged with its traceback
    from desk.ui.crash import handle_exception

    try:
        with services.uow(write=True) as uow:
            uow.session.execute(text("INSERT INTO clients (id, given_name, family_name) VALUES (:i, :g, :f)"),
                                {"i": client.id, "g": SECRET_NAME[0], "f": SECRET_PHONE})
    except Exception:  # noqa: BLE001 - the point is what the hook writes
        handle_exception(*sys.exc_info())
    logging.getLogger("desk.test").info("end of the day")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = _log_text(log_folder)
    assert "unexpected error" in written and "Traceback" in written and "end of the day" in written
    with services.uow() as uow:
        rows = uow.session.query(Client.given_name, Client.family_name, Client.phone, Client.reception_note).all()
    secrets = {value for row in rows for value in row if value and len(value) >= 4}
    assert {SECRET_NAME[1], SECRET_PHONE, SECRET_NOTE} <= secrets and len(secrets) > 100
    found = sorted(s for s in secrets if s in written)
    assert found == [], f"client data in the log: {found[:5]}"


def test_without_stderr_messages_go_into_the_log(log_folder, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    logs.setup_logging("desk")
    print("a line for the missing console", file=sys.stderr)
    print("and one for stdout")
    logging.getLogger("desk.test").warning("a warning")
    for handler in logging.getLogger().handlers:
        handler.flush()
    written = _log_text(log_folder)
    assert "a line for the missing console" in written and "and one for stdout" in written and "a warning" in written
    assert (log_folder / "faults.log").exists()  # faulthandler writes there on a hard crash


def test_the_error_box_names_the_log_and_copies_the_details(qapp, log_folder) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    from desk.ui.crash import error_box

    path = logs.setup_logging("desk")
    box = error_box("Traceback: details", path)
    assert str(path) in box.informativeText() and box.textFormat() == box.textFormat().PlainText
    copy = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
    copy.click()
    assert QGuiApplication.clipboard().text() == "Traceback: details"
    box.deleteLater()
