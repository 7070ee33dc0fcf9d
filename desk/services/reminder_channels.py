"""The channels reminders go out through: e-mail over SMTP, SMS through a provider's HTTP API.

Settings come from the machine configuration file (TOML), never from the database, and secrets
(SMTP password, SMS API key) never stand in it either: the file names a secret file or an
environment variable that holds them. docs/REMINDERS.md shows a complete example.

    [reminders.smtp]
    host = "mail.example.org"
    port = 587
    security = "starttls"            # or "tls" (port 465)
    username = "termine@example.org"
    password_file = "/etc/desk/smtp-password"   # or password_env = "DESK_SMTP_PASSWORD"
    sender = "Termine <termine@example.org>"

    [reminders.sms]
    provider = "seven"
    api_key_file = "/etc/desk/seven-key"        # or api_key_env = "DESK_SMS_KEY"
    sender = "Termin"

Every send returns a `SendResult`: sent (with the provider's id), temporary (try again later:
server down, slow, rate limit, 4xx) or permanent (the address or number was refused).
"""

from __future__ import annotations

import email.utils
import enum
import importlib
import os
import smtplib
import ssl
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any, Protocol

from desk.domain.errors import ValidationError

#: Where the machine configuration is read from (issue 16 owns this file; the reminder settings
#: are its [reminders.*] tables). DESK_CONFIG names another file (tests, a second centre).
CONFIG_VARIABLE = "DESK_CONFIG"


def machine_config_path() -> Path:
    """$DESK_CONFIG, else the machine configuration every other setting comes from (also when
    DESK_MACHINE_CONFIG names it: one file per machine, services/config.py)."""
    override = os.environ.get(CONFIG_VARIABLE, "").strip()
    if override:
        return Path(override)
    from desk.services.config import machine_config_path as the_machine_file

    return the_machine_file()


class Outcome(enum.StrEnum):
    SENT = "sent"
    TEMPORARY = "temporary"  # not sent; try again later
    PERMANENT = "permanent"  # refused for good
    UNKNOWN = "unknown"  # handed over, but the answer was lost: never sent again


@dataclass(frozen=True)
class SendResult:
    outcome: Outcome
    provider_id: str = ""
    error: str = ""
    retry_after: timedelta | None = None


# --- configuration ---------------------------------------------------------------------------


def _secret(table: dict[str, Any], name: str, where: str) -> str:
    """A secret from `<name>_file` or `<name>_env`; never the value itself in the file."""
    if name in table:
        raise ValidationError("{where}: write the {name} into a file and name it as {name}_file "
                              "(or an environment variable as {name}_env), not into the configuration.",
                              where=where, name=name)
    if table.get(f"{name}_file"):
        path = Path(str(table[f"{name}_file"]))
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise ValidationError("{where}: the {name} file {path} cannot be read ({reason}).",
                                  where=where, name=name, path=str(path), reason=error.strerror or str(error)) from error
    if table.get(f"{name}_env"):
        value = os.environ.get(str(table[f"{name}_env"]), "")
        if not value:
            raise ValidationError("{where}: the environment variable {var} is empty.",
                                  where=where, var=str(table[f"{name}_env"]))
        return value
    return ""


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # "starttls" or "tls"
    username: str
    password: str
    sender: str
    timeout: float = 20.0
    ca_file: str = ""  # a private CA (the centre's own mail server); default: the system's

    def __repr__(self) -> str:  # never print the password
        return f"SmtpConfig(host={self.host!r}, port={self.port}, security={self.security!r}, user={self.username!r})"


@dataclass(frozen=True)
class SmsConfig:
    provider: str
    api_key: str
    sender: str
    base_url: str = ""  # empty: the provider's documented address
    timeout: float = 15.0

    def __repr__(self) -> str:
        return f"SmsConfig(provider={self.provider!r}, sender={self.sender!r})"


@dataclass(frozen=True)
class ChannelConfig:
    smtp: SmtpConfig | None = None
    sms: SmsConfig | None = None
    source: str = ""


def load_channel_config(path: Path | None = None) -> ChannelConfig:
    """The [reminders.smtp] / [reminders.sms] tables of the machine configuration. A missing
    file or table: that channel is not set up on this machine (nothing is sent through it)."""
    path = path or machine_config_path()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return ChannelConfig(source=str(path))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ValidationError("The machine configuration {path} cannot be read: {reason}",
                              path=str(path), reason=str(error)) from error
    section = data.get("reminders", {}) or {}
    smtp = sms = None
    if isinstance(section.get("smtp"), dict):
        t = section["smtp"]
        where = f"{path} [reminders.smtp]"
        security = str(t.get("security", "starttls")).lower()
        if security not in ("starttls", "tls"):
            raise ValidationError("{where}: security must be \"starttls\" or \"tls\" (never plain text).",
                                  where=where)
        if not t.get("host") or not t.get("sender"):
            raise ValidationError("{where}: host and sender are needed.", where=where)
        smtp = SmtpConfig(host=str(t["host"]), port=int(t.get("port", 587 if security == "starttls" else 465)),
                          security=security, username=str(t.get("username", "")),
                          password=_secret(t, "password", where), sender=str(t["sender"]),
                          timeout=float(t.get("timeout", 20)), ca_file=str(t.get("ca_file", "")))
    if isinstance(section.get("sms"), dict):
        t = section["sms"]
        where = f"{path} [reminders.sms]"
        provider = str(t.get("provider", ""))
        if provider not in SMS_PROVIDERS:
            raise ValidationError("{where}: provider must be one of {known}.", where=where,
                                  known=", ".join(sorted(SMS_PROVIDERS)))
        sms = SmsConfig(provider=provider, api_key=_secret(t, "api_key", where), sender=str(t.get("sender", "")),
                        base_url=str(t.get("base_url", "")), timeout=float(t.get("timeout", 15)))
    return ChannelConfig(smtp=smtp, sms=sms, source=str(path))


# --- e-mail ------------------------------------------------------------------------------------


def build_email(config: SmtpConfig, *, to: str, subject: str, body: str, ics: bytes,
                language: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = config.sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    domain = config.sender.rpartition("@")[2].strip("> ") or "desk.invalid"
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(body, subtype="plain", charset="utf-8")
    message.add_attachment(ics, maintype="text", subtype="calendar", filename="termin.ics",
                           params={"method": "PUBLISH"})
    message["Content-Language"] = language  # after the parts: making it multipart drops Content-*
    return message


def _smtp_code_outcome(code: int) -> Outcome:
    return Outcome.PERMANENT if 500 <= code < 600 else Outcome.TEMPORARY


def send_email(config: SmtpConfig, message: EmailMessage) -> SendResult:
    """One message over one connection: TLS from the start or STARTTLS before the login (the
    password never crosses the network in clear; a server without STARTTLS is refused).

    A failure before the message is handed over is temporary (tried again later). Once the
    whole message has been sent, a lost answer (timeout, dropped connection) is `unknown`: the
    server may have accepted it, and sending again could make it arrive twice."""
    context = ssl.create_default_context(cafile=config.ca_file or None)
    handed_over = False
    try:
        if config.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout,
                                                     context=context)
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with client:
            client.ehlo()
            if config.security == "starttls":
                if not client.has_extn("starttls"):
                    return SendResult(Outcome.TEMPORARY, error="the mail server offers no STARTTLS")
                client.starttls(context=context)
                client.ehlo()
            if config.username:
                client.login(config.username, config.password)
            sender = email.utils.parseaddr(str(message["From"]))[1]
            recipient = email.utils.parseaddr(str(message["To"]))[1]
            code, _ = client.mail(sender)
            if code != 250:
                return SendResult(_smtp_code_outcome(code), error=f"mail server refused the sender ({code})")
            code, _ = client.rcpt(recipient)
            if code not in (250, 251):
                return SendResult(_smtp_code_outcome(code), error=f"recipient refused ({code})")
            handed_over = True
            code, _ = client.data(message.as_bytes(policy=message.policy.clone(linesep="\r\n")))
            if code != 250:
                return SendResult(_smtp_code_outcome(code), error=f"mail server refused the message ({code})")
        return SendResult(Outcome.SENT, provider_id=str(message["Message-ID"]))
    except smtplib.SMTPAuthenticationError as error:
        return SendResult(Outcome.TEMPORARY, error=f"mail server refused the login ({error.smtp_code})")
    except smtplib.SMTPNotSupportedError:
        return SendResult(Outcome.TEMPORARY, error="the mail server offers no login (AUTH) here")
    except smtplib.SMTPResponseException as error:
        return SendResult(_smtp_code_outcome(error.smtp_code), error=f"mail server refused ({error.smtp_code})")
    except ssl.SSLError as error:
        return SendResult(Outcome.TEMPORARY, error=f"TLS failed: {error.reason or error}")
    except (smtplib.SMTPException, OSError) as error:
        timed_out = isinstance(error, TimeoutError) or "timed out" in str(error)
        what = "mail server too slow (timeout)" if timed_out else f"mail server not reachable: {type(error).__name__}"
        if handed_over:
            return SendResult(Outcome.UNKNOWN, error=f"{what} after the message was handed over; "
                                                     "it may have arrived")
        return SendResult(Outcome.TEMPORARY, error=what)


def appointment_ics(*, uid: str, starts_at: datetime, ends_at: datetime, summary: str, location: str,
                    now: datetime) -> bytes:
    """The appointment as a calendar file: time, place and the neutral summary; nothing else."""
    from icalendar import Event

    from desk.services.ical import new_calendar

    calendar = new_calendar(summary)
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", starts_at.astimezone(UTC))
    event.add("dtend", ends_at.astimezone(UTC))
    event.add("summary", summary)
    if location:
        event.add("location", location)
    calendar.add_component(event)
    return calendar.to_ical()


# --- SMS ---------------------------------------------------------------------------------------


class SmsAdapter(Protocol):
    """One provider. `send` never raises for network or provider trouble: it returns a result."""

    name: str

    def send(self, to_e164: str, text: str) -> SendResult: ...


#: provider name -> "module:Class". A new provider is one module with one class.
SMS_PROVIDERS: dict[str, str] = {"seven": "desk.services.sms_seven:SevenSms"}


def sms_adapter(config: SmsConfig) -> SmsAdapter:
    module_name, _, class_name = SMS_PROVIDERS[config.provider].partition(":")
    adapter_class = getattr(importlib.import_module(module_name), class_name)
    return adapter_class(config)
