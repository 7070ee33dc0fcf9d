"""The self-service kiosk's rules (issue 20): the appointment slip's short code, the limit on
code attempts, and the rows the kiosk is handed. No Qt, no SQLAlchemy.

The kiosk never learns a name: its rows carry ticket numbers, service ids, times and the
language the person chose - nothing that identifies a client.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desk.domain.errors import ConflictError
from desk.domain.hours import Opening
from desk.domain.waits import WaitEstimate

#: Letters and digits nobody confuses when reading a slip aloud or typing it on a touch screen
#: (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6, Q).
CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
CODE_LENGTH = 6

#: Wrong codes (or date-of-birth + time pairs) one kiosk may try within ATTEMPT_WINDOW ...
MAX_FAILURES_PER_KIOSK = 5
#: ... and all kiosks together (several kiosks must not multiply the guesses).
MAX_FAILURES_ALL_KIOSKS = 15
ATTEMPT_WINDOW = timedelta(minutes=10)


def new_code() -> str:
    """A fresh random slip code (23^6 = 148 million values; looked up among one day's
    appointments only, so a collision is harmless: both are refused and sent to reception)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """What a person typed, as the stored code: case, spaces and dashes do not matter, and the
    look-alikes the alphabet leaves out are read as the letter they resemble."""
    table = str.maketrans({"0": "D", "O": "D", "1": "T", "I": "T", "L": "T", "2": "7", "Z": "7",
                           "5": "6", "S": "6", "8": "3", "B": "3", "G": "6", "Q": "D"})
    kept = "".join(c for c in (typed or "").upper() if c.isalnum())
    return kept.translate(table)[:CODE_LENGTH + 4]


def format_code(code: str) -> str:
    """`K7M4TX` -> `K7M-4TX` for the slip (easier to read aloud)."""
    return f"{code[:3]}-{code[3:]}" if len(code) == CODE_LENGTH else code


def wait_seconds(failures_here: list[datetime], failures_all: int, now: datetime) -> int:
    """Seconds until this kiosk may try the next code; 0: it may try now. `failures_here`: the
    times of this kiosk's failures within the window; `failures_all`: all kiosks' count."""
    if len(failures_here) >= MAX_FAILURES_PER_KIOSK:
        oldest_counted = sorted(failures_here)[-MAX_FAILURES_PER_KIOSK]
        return max(1, int((oldest_counted + ATTEMPT_WINDOW - now).total_seconds()) + 1)
    if failures_all >= MAX_FAILURES_ALL_KIOSKS:
        return int(ATTEMPT_WINDOW.total_seconds())
    return 0


@dataclass(frozen=True, slots=True)
class KioskOffer:
    """A service as the kiosk offers it: its pictogram key, the sentence in the chosen language
    comes from the kiosk's phrases (data), the estimate from the waiting list's own figures."""

    id: int
    code: str
    name_de: str
    name_en: str
    ticket_prefix: str
    waiting: int
    estimate: WaitEstimate
    #: tickets are given now (consultation hours now or soon, or a service without hours)
    open: bool = True
    #: the consultation hours going on now or next (None: the service has none, or none soon)
    hours: Opening | None = None


@dataclass(frozen=True, slots=True)
class KioskTicket:
    """What the kiosk shows and prints: the ticket, the service, the wait - never a name."""

    visit_id: int
    ticket: str
    ticket_day: date
    service_id: int
    language: str
    arrived_at: datetime
    estimate: WaitEstimate
    appointment_at: datetime | None = None  # an appointment check-in: its start time


class KioskRefusedError(ConflictError):
    """The kiosk could not check this in. `reason` tells the kiosk which sentence to show in the
    person's language (never a name): not_found, ambiguous, already, closed, wait, unavailable."""

    template = "The kiosk could not check this in ({reason})."

    def __init__(self, *, reason: str, wait_seconds: int = 0) -> None:
        self.reason = reason
        self.wait_seconds = wait_seconds
        super().__init__(reason=reason)


#: The kiosk's sentences every language must have (resources/kiosk_phrases.json; a language the
#: head adds needs them all). `{ticket}`, `{minutes}`, `{ahead}`, `{time}`, `{seconds}` are filled in.
TEXT_KEYS = (
    "choose_language", "start", "appointment", "appointment_hint", "question", "question_hint",
    "choose_service", "ticket", "ticket_hint", "wait_minutes", "wait_unknown", "ahead", "printed",
    "no_printer", "code", "code_hint", "or_birth", "birth_date", "birth_hint", "time", "time_hint",
    "check_in", "checked_in", "not_found", "ambiguous", "already", "closed", "early", "wait",
    "unavailable", "offline", "back", "done", "delete",
)


def validate_phrases(code: str, data: object) -> dict:
    """A language's kiosk data as the head gives it, checked: {"name": its name in its own script,
    "direction": "ltr"|"rtl" (both may be left out for a language desk.domain.languages knows), "texts": {key: sentence for every TEXT_KEYS}, "services":
    {service code: one plain sentence} (optional)}. Raises ValidationError naming what is wrong."""
    from desk.domain.errors import ValidationError

    code = (code or "").strip().lower()
    if not (2 <= len(code) <= 16 and all(c.isascii() and (c.isalpha() or c == "-") for c in code)):
        raise ValidationError("{code} is not a language code (use e.g. ar, fa, uk).", code=code)
    if not isinstance(data, dict):
        raise ValidationError("The kiosk language {code} must be a JSON object.", code=code)
    from desk.domain.languages import language

    known = language(code)
    name = data.get("name", known.native if known else None)
    direction = data.get("direction", ("rtl" if known.rtl else "ltr") if known else "ltr")
    texts, services = data.get("texts"), data.get("services", {})
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("The kiosk language {code} needs its name (in its own script).", code=code)
    if direction not in ("ltr", "rtl"):
        raise ValidationError("The direction of the kiosk language {code} must be ltr or rtl.", code=code)
    if not isinstance(texts, dict) or not isinstance(services, dict):
        raise ValidationError("The kiosk language {code} needs its texts.", code=code)
    missing = [k for k in TEXT_KEYS if not isinstance(texts.get(k), str) or not texts[k].strip()]
    if missing:
        raise ValidationError("The kiosk language {code} lacks these texts: {keys}.", code=code,
                              keys=", ".join(missing))
    too_long = [k for k, v in [*texts.items(), *services.items()] if not isinstance(v, str) or len(v) > 300]
    if too_long:
        raise ValidationError("These texts of the kiosk language {code} are not text or too long: {keys}.",
                              code=code, keys=", ".join(map(str, too_long)))
    return {"name": name.strip(), "direction": direction,
            "texts": {k: texts[k] for k in TEXT_KEYS},
            "services": {str(k).upper(): v for k, v in services.items()}}
