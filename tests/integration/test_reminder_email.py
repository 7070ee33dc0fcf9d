"""E-mail reminders against a real SMTP server started here (aiosmtpd on 127.0.0.1): STARTTLS and
TLS with login, a server that refuses, one that is down, a slow one; the message itself (plain
text in the client's language plus the appointment as .ics); and the whole path through the
reminder service."""

from __future__ import annotations

import asyncio
import email
import socket
import ssl
from datetime import UTC, date, datetime, time, timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from icalendar import Calendar
from reminder_helpers import self_signed_certificate, write_config

from desk.domain.appointments import local_moment
from desk.domain.model import Role
from desk.domain.reminders import ReminderSchedule, SendStatus
from desk.services.appointments import AppointmentRequest
from desk.services.clients import ClientInput
from desk.services.reminder_channels import (
    Outcome,
    SendResult,
    SmtpConfig,
    appointment_ics,
    build_email,
    load_channel_config,
    send_email,
)

PASSWORD = "not-a-real-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Handler:
    def __init__(self, mode: str = "ok", delay: float = 0.0) -> None:
        self.mode = mode
        self.delay = delay
        self.messages: list[bytes] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.mode == "refuse":
            return "550 5.1.1 mailbox unavailable"
        if self.mode == "busy":
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        if self.mode == "slow_greeting":
            await asyncio.sleep(self.delay)
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.delay:
            await asyncio.sleep(self.delay)
        self.messages.append(envelope.original_content or envelope.content)
        return "250 OK queued as 4711"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"desk" and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)  # not handled: the server answers 535


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


def start_server(handler: Handler, certificate, *, implicit_tls: bool = False) -> tuple[Controller, int]:
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    port = free_port()
    kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=True)
    if implicit_tls:  # aiosmtpd counts only STARTTLS as TLS for AUTH; this connection is TLS throughout
        controller = Controller(handler, hostname="127.0.0.1", port=port, ssl_context=context,
                                **{**kwargs, "auth_require_tls": False})
    else:
        controller = Controller(handler, hostname="127.0.0.1", port=port, tls_context=context,
                                require_starttls=True, **kwargs)
    controller.start()
    return controller, port


def config(port: int, certificate, *, security: str = "starttls", password: str = PASSWORD,
           timeout: float = 3.0) -> SmtpConfig:
    return SmtpConfig(host="localhost", port=port, security=security, username="desk", password=password,
                      sender="Termine <termine@example.org>", timeout=timeout, ca_file=str(certificate[0]))


def message(cfg: SmtpConfig, to: str = "amal@example.org"):
    start = datetime(2030, 3, 5, 8, 30, tzinfo=UTC)
    ics = appointment_ics(uid="T-0001-x@desk", starts_at=start, ends_at=start + timedelta(minutes=45),
                          summary="تذكير بموعدك", location="Auf dem Graben 13/15, 72336 Balingen", now=start)
    return build_email(cfg, to=to, subject="تذكير بموعدك", body="مرحباً\nالرمز T-0001\n", ics=ics, language="ar")


def exchange(handler: Handler, certificate, **settings) -> SendResult:
    """Start a server with `handler`, send one message to it with `settings`, stop it."""
    controller, port = start_server(handler, certificate, implicit_tls=settings.get("security") == "tls")
    try:
        cfg = config(port, certificate, **settings)
        return send_email(cfg, message(cfg))
    finally:
        controller.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize("implicit_tls", [False, True], ids=["starttls", "tls"])
def test_sent_with_tls_and_login_plain_text_and_ics(certificate, implicit_tls):
    handler = Handler()
    result = exchange(handler, certificate, security="tls" if implicit_tls else "starttls")
    assert result.outcome is Outcome.SENT and result.provider_id.startswith("<")
    [raw] = handler.messages
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["Subject"] == "تذكير بموعدك" and parsed["Content-Language"] == "ar"
    body = parsed.get_body(("plain",))
    assert body.get_content().replace("\r\n", "\n") == "مرحباً\nالرمز T-0001\n"  # CRLF on the wire
    [attachment] = [p for p in parsed.iter_attachments() if p.get_content_type() == "text/calendar"]
    event = Calendar.from_ical(attachment.get_payload(decode=True)).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2030, 3, 5, 8, 30, tzinfo=UTC)
    assert str(event["location"]) == "Auf dem Graben 13/15, 72336 Balingen"
    assert "description" not in event  # nothing about the topic


def test_wrong_password_is_temporary_and_says_so(certificate):
    result = exchange(Handler(), certificate, password="wrong")
    assert result.outcome is Outcome.TEMPORARY and "login" in result.error


def test_untrusted_certificate_is_refused_before_the_login(certificate, tmp_path):
    controller, port = start_server(Handler(), certificate)
    try:
        cfg = config(port, certificate)
        untrusted = SmtpConfig(**{**cfg.__dict__, "ca_file": ""})  # the system's CAs do not know it
        result = send_email(untrusted, message(untrusted))
    finally:
        controller.stop()
    assert result.outcome is Outcome.TEMPORARY and "TLS" in result.error


@pytest.mark.parametrize("mode,outcome", [("refuse", Outcome.PERMANENT), ("busy", Outcome.TEMPORARY)])
def test_refusing_server(certificate, mode, outcome):
    handler = Handler(mode)
    result = exchange(handler, certificate)
    assert result.outcome is outcome and "refused" in result.error and handler.messages == []


def test_server_down_is_temporary(certificate):
    cfg = config(free_port(), certificate)
    result = send_email(cfg, message(cfg))
    assert result.outcome is Outcome.TEMPORARY and "not reachable" in result.error


def test_slow_server_before_the_message_is_temporary(certificate):
    result = exchange(Handler("slow_greeting", delay=3.0), certificate, timeout=1.0)
    assert result.outcome is Outcome.TEMPORARY and "timeout" in result.error


def test_slow_answer_after_the_message_is_unknown_never_resent(certificate):
    """The server got the whole message but answered too late: it may have arrived, so it is
    not sent again (reception sees it as unknown and phones)."""
    result = exchange(Handler(delay=3.0), certificate, timeout=1.0)
    assert result.outcome is Outcome.UNKNOWN and "timeout" in result.error and "may have arrived" in result.error


def test_email_reminder_through_the_service(sqlite_services, head, counsellor, certificate, tmp_path, monkeypatch):
    services = sqlite_services
    handler = Handler()
    controller, port = start_server(handler, certificate)
    monkeypatch.setenv("DESK_TEST_SMTP_PASSWORD", PASSWORD)
    path = write_config(tmp_path / "desk.toml", smtp_port=port, ca_file=certificate[0])
    monkeypatch.setenv("DESK_CONFIG", str(path))
    assert load_channel_config().smtp is not None and PASSWORD not in repr(load_channel_config().smtp)
    try:
        services.reminders.save_schedule(head, ReminderSchedule(enabled=True))
        with services.uow(write=True) as uow:
            staff = uow.reference.add_staff(username="m", display_name="M", role=Role.COUNSELLOR, password_hash=None)
            uow.commit()
        client = services.clients.create(head, ClientInput(given_name="Olena", family_name="K", language="uk"))
        services.reminders.save_contact(head, client.id, None, sms_number="", email="olena@example.org",
                                        sms_consent=False, email_consent=True)
        start = local_moment(date(2030, 3, 5), time(9, 30))
        appointment = services.appointments.book(counsellor, AppointmentRequest(
            client_id=client.id, service_id=services.reference.services(head)[0].id, staff_id=staff,
            starts_at=start, ends_at=start + timedelta(minutes=45)), now=datetime(2030, 3, 1, tzinfo=UTC))
        report = services.reminders.run_due(head, now=local_moment(date(2030, 3, 4), time(10, 0)))
    finally:
        controller.stop()
    assert report.sent == 1 and report.skipped_channels == ("sms",)
    [raw] = handler.messages
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["To"] == "olena@example.org"
    assert "Нагадування" in parsed["Subject"] and "вт, 5 березня" in parsed["Subject"]
    assert "09:30" in parsed.get_body(("plain",)).get_content()
    [row] = services.reminders.log(head, appointment.id)
    assert row.status is SendStatus.SENT and row.provider_id == parsed["Message-ID"]
