"""Appointment reminders: the pure rules (no database, no network, no Qt).

- contact data: a mobile number normalised to E.164 (`phonenumbers`), an e-mail address
  checked for syntax;
- templates per language with the placeholders {date} {time} {address} {phone} {code} (and
  {service} only when the head writes it into a template); a line whose placeholders are all
  empty is left out (the phone line while the centre has no phone number set); dates and times as the language writes them
  (Babel); values embedded in right-to-left text as isolated runs;
- an honest SMS length: GSM-7 septets (extension characters count two) or UCS-2 code units,
  and the segments they make;
- when a reminder is due (the head's schedule) and how long a failed one waits (back-off).

See docs/REMINDERS.md.
"""

from __future__ import annotations

import enum
import json
import re
import string
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import Any

from desk.domain.errors import ValidationError
from desk.domain.languages import FALLBACK, WRITTEN, is_rtl
from desk.domain.languages import language as lookup_language
from desk.domain.public_holidays import centre_works  # the holidays package itself only when asked
from desk.domain.tickets import BERLIN

# --- channels, slots, statuses ---------------------------------------------------------------


class Channel(enum.StrEnum):
    SMS = "sms"
    EMAIL = "email"


class Slot(enum.StrEnum):
    DAY_BEFORE = "day_before"
    HOURS_BEFORE = "hours_before"


class SendStatus(enum.StrEnum):
    PENDING = "pending"  # due, waiting for a workstation to claim it
    SENDING = "sending"  # claimed by one workstation, which is talking to the provider
    SENT = "sent"  # the provider accepted it (provider_id kept)
    RETRY = "retry"  # a temporary failure; claimable again at next_attempt_at
    FAILED = "failed"  # given up (permanent failure, too many attempts, too late): phone the client
    UNKNOWN = "unknown"  # a workstation claimed it and vanished: it may or may not have gone out
    OBSOLETE = "obsolete"  # the appointment was cancelled or moved before it went out


#: Statuses reception has to act on (phone the client instead).
PROBLEM_STATUSES = frozenset({SendStatus.FAILED, SendStatus.UNKNOWN})

#: The error of a reminder held back because the appointment's counsellor left (the head
#: deactivated the account and the appointment was not moved yet): the client would come to
#: someone who is gone, so reception phones instead. Once the appointment has an active
#: counsellor again (moved to a colleague), the reminder goes out as usual if still in its window.
COUNSELLOR_GONE = "not sent: the counsellor's account is deactivated (move the appointment)"

# --- contact data ----------------------------------------------------------------------------

EMAIL_MAX = 254
_EMAIL = re.compile(
    r"^(?P<local>[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)"
    r"@(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})$"
)


def normalise_mobile(text: str, *, region: str = "DE") -> str:
    """'0171 1234567' -> '+491711234567'; ValidationError unless it is a valid mobile number."""
    import phonenumbers

    text = (text or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationError("{number} is not a phone number.", number=text) from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError("{number} is not a valid phone number.", number=text)
    kind = phonenumbers.number_type(number)
    if kind not in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        raise ValidationError("{number} is not a mobile number: an SMS cannot reach it.", number=text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_email(text: str) -> str:
    """The address trimmed, or ValidationError saying what is wrong (syntax only: no look-up)."""
    text = (text or "").strip()
    if not text:
        return ""
    if len(text) > EMAIL_MAX:
        raise ValidationError("The e-mail address is too long.")
    if "@" not in text:
        raise ValidationError("{address} has no @: an e-mail address looks like name@example.org.",
                              address=text)
    local, _, domain = text.rpartition("@")
    if not local:
        raise ValidationError("{address} has nothing before the @.", address=text)
    if "." not in domain:
        raise ValidationError("{address} has no domain after the @ (like example.org).", address=text)
    match = _EMAIL.match(text)
    if match is None or len(match.group("local")) > 64:
        raise ValidationError("{address} is not a valid e-mail address.", address=text)
    return text


# --- SMS length --------------------------------------------------------------------------------

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")


@dataclass(frozen=True)
class SmsLength:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int
    per_segment: int  # what one segment holds at this length (160/153 or 70/67)

    @property
    def remaining(self) -> int:
        """Units left in the last segment."""
        return self.segments * self.per_segment - self.units


def sms_length(text: str) -> SmsLength:
    if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text):
        units = sum(2 if c in GSM7_EXTENSION else 1 for c in text)
        single, multi, encoding = 160, 153, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, multi, encoding = 70, 67, "UCS-2"
    if units <= single:
        return SmsLength(encoding, units, 1 if units else 0, single)
    segments = -(-units // multi)
    return SmsLength(encoding, units, segments, multi)


# --- templates ---------------------------------------------------------------------------------

#: Every language the centre can write reminders in: the written languages of the registry.
LANGUAGES = WRITTEN
RTL_LANGUAGES = frozenset(code for code in WRITTEN if is_rtl(code))
FALLBACK_LANGUAGE = FALLBACK

REQUIRED_PLACEHOLDERS = ("date", "time", "code")
ALLOWED_PLACEHOLDERS = frozenset({"date", "time", "address", "phone", "code", "service"})
TEMPLATE_FIELDS = ("sms", "email_subject", "email_body")
TEMPLATE_MAX = 2000
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate ... pop directional isolate


@dataclass(frozen=True)
class Template:
    language: str
    sms: str
    email_subject: str
    email_body: str
    reviewed: bool = False  # by a native speaker; unreviewed texts are marked in Verwaltung

    def as_json(self) -> dict[str, Any]:
        return {"sms": self.sms, "email_subject": self.email_subject, "email_body": self.email_body,
                "reviewed": self.reviewed}


@cache
def default_templates() -> dict[str, Template]:
    path = resources.files("desk.resources") / "reminders" / "templates.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {code: Template(language=code, sms=v["sms"], email_subject=v["email_subject"],
                           email_body=v["email_body"], reviewed=bool(v.get("reviewed", False)))
            for code, v in data.items() if not code.startswith("_")}


def templates_from_setting(stored: dict[str, Any] | None) -> dict[str, Template]:
    """The shipped defaults, overridden language by language by what the head saved."""
    result = dict(default_templates())
    for code, value in (stored or {}).items():
        if code in LANGUAGES and isinstance(value, dict):
            base = result.get(code)
            result[code] = Template(
                language=code,
                sms=str(value.get("sms", base.sms if base else "")),
                email_subject=str(value.get("email_subject", base.email_subject if base else "")),
                email_body=str(value.get("email_body", base.email_body if base else "")),
                reviewed=bool(value.get("reviewed", False)),
            )
    return result


def placeholders(text: str) -> set[str]:
    """Names used as {name}; ValidationError for a broken brace."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        raise ValidationError("A brace {{ or }} is not closed: write placeholders like {{date}}.") from error


def check_template_text(text: str, *, what: str, required: tuple[str, ...] = REQUIRED_PLACEHOLDERS) -> None:
    if len(text) > TEMPLATE_MAX:
        raise ValidationError("The {what} text is too long.", what=what)
    names = placeholders(text)
    unknown = sorted(n for n in names if n not in ALLOWED_PLACEHOLDERS)
    if unknown:
        raise ValidationError("The {what} text uses {{{name}}}, which desk does not know. Placeholders: "
                              "{{date}} {{time}} {{address}} {{phone}} {{code}} {{service}}.", what=what, name=unknown[0])
    missing = [n for n in required if n not in names]
    if missing:
        raise ValidationError("The {what} text has no {{{name}}}: a reminder without it is no use.",
                              what=what, name=missing[0])


# a long date and a long code: what the budget check renders (the longest month names)
SAMPLE_START = datetime(2026, 9, 30, 16, 45, tzinfo=BERLIN)
# checked while no phone number is set: a text that fits now still fits once the head sets one
SAMPLE_PHONE = "+49 7433 123456-789"


def budget_phone(phone: str) -> str:
    """The phone number a text is checked (and previewed) with when it is saved."""
    return phone or SAMPLE_PHONE


def check_template(template: Template, *, max_segments: int, address: str, phone: str = "") -> SmsLength:
    """ValidationError for a missing or unknown placeholder, or an SMS over the budget;
    returns the SMS length of a sample reminder (shown while editing)."""
    check_template_text(template.sms, what="SMS")
    check_template_text(template.email_subject, what="e-mail subject", required=())
    check_template_text(template.email_body, what="e-mail")
    length = sms_length(render(template.sms, template.language, SAMPLE_START, address=address,
                               code="T-ZZZZZ", service="", phone=phone))
    if length.segments > max_segments:
        raise ValidationError(
            "The SMS ({language}) needs {segments} parts ({encoding}, {units} characters); the budget "
            "is {budget}. Shorten the text.", language=template.language, segments=length.segments,
            encoding=length.encoding, units=length.units, budget=max_segments)
    return length


def babel_locale(language: str) -> str:
    entry = lookup_language(language)
    return entry.locale if entry and entry.written else FALLBACK_LANGUAGE


def format_date_for(moment: datetime, language: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton("MMMMEEEEd", moment.astimezone(BERLIN), locale=babel_locale(language))


def format_time_for(moment: datetime, language: str) -> str:
    from babel.dates import format_time

    return format_time(moment.astimezone(BERLIN), format="short", locale=babel_locale(language))


def render(text: str, language: str, starts_at: datetime, *, address: str, code: str, service: str,
           phone: str = "") -> str:
    """Fill a template. In a right-to-left language every value is an isolated run, so a time
    like 14:05 or a German street address keeps its own order inside the Arabic sentence.
    A line whose placeholders are all empty is left out: "Tel. {phone}" without a phone number
    set would tell the client nothing."""
    values = {
        "date": format_date_for(starts_at, language),
        "time": format_time_for(starts_at, language),
        "address": address,
        "phone": phone,
        "code": code,
        "service": service,
    }
    # Babel writes "4:45\u202fPM": a plain space keeps a Latin text in GSM-7 (one SMS part less)
    values = {k: v.replace("\u202f", " ").replace("\u00a0", " ") for k, v in values.items()}
    if language in RTL_LANGUAGES:
        values = {k: f"{FSI}{v}{PDI}" if v else v for k, v in values.items()}
    return "\n".join(line for line in text.split("\n") if not _all_empty(line, values)).format(**values)


def _all_empty(line: str, values: dict[str, str]) -> bool:
    """Whether every placeholder of the line is known and empty (a broken one is left to format)."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(line) if name is not None}
    except ValueError:
        return False
    return bool(names) and all(n in values and not values[n] for n in names)


# --- the appointment's short code --------------------------------------------------------------

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def appointment_code(appointment_id: int) -> str:
    """A short code a client can quote on the phone (T-00K5): the appointment's number in
    Crockford base 32, which reveals nothing about the person or the topic."""
    digits = ""
    n = appointment_id
    while n:
        n, r = divmod(n, 32)
        digits = _CROCKFORD[r] + digits
    return "T-" + digits.rjust(4, "0")


# --- schedule ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderSchedule:
    enabled: bool = False
    day_before: bool = True
    day_before_time: time = time(10, 0)
    hours_before: int = 0  # 0: off; otherwise hours before the start
    sms_max_segments: int = 3
    channels: tuple[Channel, ...] = field(default=(Channel.SMS, Channel.EMAIL))

    @classmethod
    def from_setting(cls, value: dict[str, Any] | None) -> ReminderSchedule:
        value = value or {}
        try:
            hh, mm = str(value.get("day_before_time", "10:00")).split(":")
            at = time(int(hh), int(mm))
        except ValueError:
            at = time(10, 0)
        return cls(enabled=bool(value.get("enabled", False)), day_before=bool(value.get("day_before", True)),
                   day_before_time=at, hours_before=max(0, min(48, int(value.get("hours_before", 0) or 0))),
                   sms_max_segments=max(1, min(6, int(value.get("sms_max_segments", 3) or 3))),
                   channels=tuple(Channel(c) for c in value.get("channels", ["sms", "email"])
                                  if c in {"sms", "email"}))

    def as_setting(self) -> dict[str, Any]:
        return {"enabled": self.enabled, "day_before": self.day_before,
                "day_before_time": self.day_before_time.strftime("%H:%M"), "hours_before": self.hours_before,
                "sms_max_segments": self.sms_max_segments, "channels": [c.value for c in self.channels]}


#: No reminder goes out later than this before the start (it would only confuse).
LATEST_BEFORE_START = timedelta(minutes=30)
#: How far ahead the planner looks for appointments: the working day before an appointment after
#: Easter (Good Friday to Easter Monday closed) lies five days before it.
HORIZON = timedelta(days=8)


def working_day_after(day: date) -> date:
    """The next day the centre works after `day` (Friday: Monday)."""
    following = day + timedelta(days=1)
    while not centre_works(following):
        following += timedelta(days=1)
    return following


def working_day_before(day: date) -> date:
    """The last day before `day` the centre works (Monday to Friday, not a public holiday of
    Baden-Württemberg): the workstations are off at weekends, so a Monday appointment's reminder
    is due on Friday, not on a Sunday when nothing runs to send it."""
    previous = day - timedelta(days=1)
    while not centre_works(previous):
        previous -= timedelta(days=1)
    return previous


def due_slots(starts_at: datetime, schedule: ReminderSchedule) -> list[tuple[Slot, datetime, datetime]]:
    """(slot, due at, send no later than) for one appointment start, per the head's schedule.

    The day-before reminder is due at the set time on the working day before (Friday for a
    Monday); if no workstation was running then, it still goes out later, until the hours-before
    reminder is due (or 30 minutes before the start)."""
    start = starts_at.astimezone(UTC)
    slots: list[tuple[Slot, datetime, datetime]] = []
    latest = start - LATEST_BEFORE_START
    hours_due = start - timedelta(hours=schedule.hours_before) if schedule.hours_before else None
    if schedule.day_before:
        local_day = working_day_before(start.astimezone(BERLIN).date())
        due = datetime.combine(local_day, schedule.day_before_time, tzinfo=BERLIN).astimezone(UTC)
        until = min(latest, hours_due) if hours_due is not None else latest
        if due < until:
            slots.append((Slot.DAY_BEFORE, due, until))
    if hours_due is not None and hours_due < latest:
        slots.append((Slot.HOURS_BEFORE, hours_due, latest))
    return slots


BACKOFF = (timedelta(minutes=2), timedelta(minutes=10), timedelta(minutes=30), timedelta(hours=1))
MAX_ATTEMPTS = 5
#: A claim older than this without a result: the workstation died mid-send.
CLAIM_TIMEOUT = timedelta(minutes=10)


def next_attempt(attempts: int, now: datetime, *, retry_after: timedelta | None = None) -> datetime | None:
    """When to try again after `attempts` failed temporarily; None: give up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    wait = BACKOFF[min(attempts, len(BACKOFF)) - 1] if attempts >= 1 else BACKOFF[0]
    if retry_after is not None:
        wait = max(wait, retry_after)
    return now + wait


# --- rows handed to the UI ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReminderContact:
    client_id: int
    sms_number: str  # E.164 or ""
    email: str
    sms_consent_on: date | None  # None: no consent (never withdrawn, or withdrawn)
    email_consent_on: date | None
    version: int

    def consents(self, channel: Channel) -> bool:
        if channel is Channel.SMS:
            return self.sms_consent_on is not None and bool(self.sms_number)
        return self.email_consent_on is not None and bool(self.email)


@dataclass(frozen=True, slots=True)
class SendingRow:
    """One line of the sending log: no message text, ever."""

    id: int
    appointment_id: int
    channel: Channel
    slot: Slot
    starts_at: datetime  # the appointment start this reminder was for
    status: SendStatus
    attempts: int
    due_at: datetime
    sent_at: datetime | None
    updated_at: datetime
    provider_id: str
    error: str
    workstation: str


@dataclass(frozen=True, slots=True)
class ProblemRow:
    """A reminder that did not go out: reception phones the client."""

    sending: SendingRow
    client_id: int | None
    client_name: str
    phone: str
    language: str
    appointment_starts_at: datetime
    service_id: int | None = None  # the appointment's service (whose counsellors see the phone)


@dataclass(frozen=True, slots=True)
class PlannedReminder:
    """What `send --dry-run` shows: who would get what, where (the text is shown, not stored)."""

    appointment_id: int
    client_id: int
    channel: Channel
    slot: Slot
    starts_at: datetime
    recipient: str
    language: str
    text: str
    segments: int


@dataclass(frozen=True, slots=True)
class NoShowFigures:
    """No-show rate of past appointments, with and without a reminder that went out. A count
    below the threshold (and the rate made from it) is suppressed: shown as None."""

    with_total: int | None
    with_no_show: int | None
    without_total: int | None
    without_no_show: int | None
    threshold: int

    @staticmethod
    def rate(no_show: int | None, total: int | None) -> float | None:
        if no_show is None or total is None or total == 0:
            return None
        return round(100.0 * no_show / total, 1)

    @property
    def with_rate(self) -> float | None:
        return self.rate(self.with_no_show, self.with_total)

    @property
    def without_rate(self) -> float | None:
        return self.rate(self.without_no_show, self.without_total)

    @classmethod
    def suppressed(cls, counts: dict[str, int], threshold: int) -> NoShowFigures:
        def keep(value: int) -> int | None:
            return None if 0 < value < threshold else value

        values: dict[str, int | None] = {}
        for side in ("with", "without"):
            total, missed = counts[f"{side}_total"], counts[f"{side}_no_show"]
            small = 0 < total < threshold or 0 < missed < threshold or 0 < total - missed < threshold
            values[f"{side}_total"] = keep(total)
            values[f"{side}_no_show"] = None if small else missed
        return cls(threshold=threshold, **values)
