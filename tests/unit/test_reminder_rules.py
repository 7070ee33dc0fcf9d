"""The pure reminder rules: SMS length, contact data, templates, schedule, back-off."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from desk.domain.errors import ValidationError
from desk.domain.reminders import (
    FSI,
    HORIZON,
    LANGUAGES,
    PDI,
    SAMPLE_PHONE,
    NoShowFigures,
    ReminderSchedule,
    Slot,
    appointment_code,
    budget_phone,
    check_email,
    check_template,
    default_templates,
    due_slots,
    next_attempt,
    normalise_mobile,
    render,
    sms_length,
)
from desk.domain.tickets import BERLIN

ADDRESS = "Auf dem Graben 13/15, 72336 Balingen"


@pytest.mark.parametrize("text,encoding,units,segments", [
    ("", "GSM-7", 0, 0),
    ("a" * 160, "GSM-7", 160, 1),
    ("a" * 161, "GSM-7", 161, 2),  # 153 per part once it is split
    ("a" * 306, "GSM-7", 306, 2),
    ("a" * 307, "GSM-7", 307, 3),
    ("€" * 80, "GSM-7", 160, 1),  # an extension character counts two
    ("€" * 81, "GSM-7", 162, 2),
    ("Grüße ÄÖÜ äöü ß é", "GSM-7", 17, 1),  # German umlauts are in the GSM alphabet
    ("ç" + "a" * 69, "UCS-2", 70, 1),  # small ç is not (only Ç is)
    ("ı" + "a" * 70, "UCS-2", 71, 2),  # Turkish dotless i: the whole SMS becomes UCS-2
    ("تذكير" * 14, "UCS-2", 70, 1),
    ("تذكير" * 27, "UCS-2", 135, 3),  # 67 per part
    ("😀" * 35, "UCS-2", 70, 1),  # outside the BMP: two UTF-16 units each
])
def test_sms_length_is_honest(text, encoding, units, segments):
    length = sms_length(text)
    assert (length.encoding, length.units, length.segments) == (encoding, units, segments)


def test_mobile_numbers_normalised_and_landlines_refused():
    assert normalise_mobile("0171 1234567") == "+491711234567"
    assert normalise_mobile("+49 (0)151-23456789") == "+4915123456789"
    assert normalise_mobile("+380 67 123 4567") == "+380671234567"  # a Ukrainian mobile
    assert normalise_mobile("") == ""
    with pytest.raises(ValidationError, match="not a mobile number"):
        normalise_mobile("07433 12345")
    with pytest.raises(ValidationError, match="not a valid phone number"):
        normalise_mobile("0171 12")
    with pytest.raises(ValidationError, match="not a phone number"):
        normalise_mobile("call me")


@pytest.mark.parametrize("address,fragment", [
    ("amal", "no @"), ("@example.org", "nothing before"), ("amal@localhost", "no domain"),
    ("amal@exa mple.org", "not a valid"), ("a..b@example.org", "not a valid"),
])
def test_bad_email_addresses(address, fragment):
    with pytest.raises(ValidationError, match=fragment):
        check_email(address)


def test_good_email_address_trimmed():
    assert check_email("  amal.alhasan+termin@mail.example.org ") == "amal.alhasan+termin@mail.example.org"


def test_every_language_has_a_default_within_three_parts_and_right_to_left_values_isolated():
    templates = default_templates()
    assert set(templates) == set(LANGUAGES)
    for template in templates.values():
        check_template(template, max_segments=3, address=ADDRESS)
    start = datetime(2030, 3, 5, 14, 5, tzinfo=BERLIN)
    arabic = render(templates["ar"].sms, "ar", start, address=ADDRESS, code="T-0001", service="")
    assert f"{FSI}{ADDRESS}{PDI}" in arabic and f"{FSI}T-0001{PDI}" in arabic
    german = render(templates["de"].sms, "de", start, address=ADDRESS, code="T-0001", service="")
    assert "Di., 5. März" in german and "14:05" in german
    english = render(templates["en"].sms, "en", start, address=ADDRESS, code="T-0001", service="")
    assert "2:05 PM" in english and sms_length(english).encoding == "GSM-7"
    dari = render(templates["prs"].sms, "prs", start, address=ADDRESS, code="T-0001", service="")
    assert "مارچ" in dari or "مارس" in dari  # Persian as written in Afghanistan


PHONE = "07433 9876-0"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_default_text_says_whom_to_call_and_fits_the_budget_with_the_number(language):
    """'Please call us' is no help without the number: every shipped SMS and e-mail names the
    centre's telephone (isolated in right-to-left text), and still fits three SMS parts with the
    longest sample number."""
    template = default_templates()[language]
    check_template(template, max_segments=3, address=ADDRESS, phone=budget_phone(""))
    assert budget_phone("") == SAMPLE_PHONE and budget_phone(PHONE) == PHONE
    start = datetime(2030, 3, 5, 14, 5, tzinfo=BERLIN)
    for text in (template.sms, template.email_body):
        rendered = render(text, language, start, address=ADDRESS, code="T-0001", service="", phone=PHONE)
        assert (f"{FSI}{PHONE}{PDI}" if language in ("ar", "fa", "prs") else PHONE) in rendered
        # no number set: the phone line is left out, nothing dangles ("Tel." with nothing after it)
        without = render(text, language, start, address=ADDRESS, code="T-0001", service="", phone="")
        phone_line = next(line for line in text.split("\n") if "{phone}" in line)
        assert without.count("\n") == text.count("\n") - 1
        assert phone_line.replace("{phone}", "").strip() not in without.split("\n")
        assert "T-0001" in without and ADDRESS in without


def test_a_line_is_left_out_only_when_all_its_placeholders_are_empty():
    start = datetime(2030, 3, 5, 9, 30, tzinfo=BERLIN)
    text = "Code {code}\nTel. {phone}\n{address} / {phone}\nDanke."
    assert render(text, "de", start, address="", code="T-1", service="", phone="") == "Code T-1\nDanke."
    assert render(text, "de", start, address="Hof 1", code="T-1", service="", phone="") == \
        "Code T-1\nHof 1 / \nDanke."
    assert render(text, "de", start, address="", code="T-1", service="", phone="0123") == \
        "Code T-1\nTel. 0123\n / 0123\nDanke."
    with pytest.raises(KeyError):  # an unknown placeholder is still an error, never silently dropped
        render("{nonsense}", "de", start, address="", code="T-1", service="")


def test_due_slots_follow_the_schedule():
    start = datetime(2030, 3, 5, 9, 30, tzinfo=BERLIN)
    both = due_slots(start, ReminderSchedule(enabled=True, day_before=True, hours_before=2))
    assert [(s, due.astimezone(BERLIN).strftime("%d %H:%M"), until.astimezone(BERLIN).strftime("%d %H:%M"))
            for s, due, until in both] == [(Slot.DAY_BEFORE, "04 10:00", "05 07:30"),
                                           (Slot.HOURS_BEFORE, "05 07:30", "05 09:00")]
    only = due_slots(start, ReminderSchedule(enabled=True, day_before=True, hours_before=0))
    assert [(s, until.astimezone(BERLIN).strftime("%d %H:%M")) for s, _, until in only] == [
        (Slot.DAY_BEFORE, "05 09:00")]
    # across the clock change (night of 30/31 March 2030): 10:00 local is 09:00 UTC before, 08:00 after
    tuesday = due_slots(datetime(2030, 4, 2, 9, 0, tzinfo=BERLIN), ReminderSchedule(enabled=True))
    assert tuesday[0][1] == datetime(2030, 4, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize("starts,due", [
    # a Monday's reminder is due on Friday: on Sunday no workstation runs to send it, and on Monday
    # morning (08:45 at reception) the window of a 09:00 appointment has closed
    (datetime(2030, 4, 1, 9, 0), datetime(2030, 3, 29, 10, 0)),  # and before the clock change: CET
    (datetime(2030, 4, 23, 9, 0), datetime(2030, 4, 18, 10, 0)),  # after Easter: Thursday before Good Friday
    (datetime(2030, 5, 2, 0, 30), datetime(2030, 4, 30, 10, 0)),  # just after midnight, after 1 May
    (datetime(2027, 12, 27, 8, 0), datetime(2027, 12, 24, 10, 0)),  # Christmas Eve is a working day
    (datetime(2030, 3, 6, 0, 15), datetime(2030, 3, 5, 10, 0)),  # a weekday: the day before
])
def test_the_day_before_reminder_is_due_on_the_working_day_before(starts, due):
    [(slot, due_at, until)] = due_slots(starts.replace(tzinfo=BERLIN), ReminderSchedule(enabled=True))
    assert slot is Slot.DAY_BEFORE and due_at == due.replace(tzinfo=BERLIN)
    assert until == starts.replace(tzinfo=BERLIN) - timedelta(minutes=30)
    assert starts.replace(tzinfo=BERLIN) - due_at.astimezone(BERLIN) < HORIZON  # the planner looks that far


def test_back_off_grows_and_gives_up():
    now = datetime(2030, 1, 1, tzinfo=UTC)
    waits = [next_attempt(n, now) for n in range(1, 6)]
    assert [w - now for w in waits[:4]] == [timedelta(minutes=2), timedelta(minutes=10), timedelta(minutes=30),
                                            timedelta(hours=1)]
    assert waits[4] is None
    assert next_attempt(1, now, retry_after=timedelta(minutes=5)) - now == timedelta(minutes=5)


def test_appointment_code_is_short_and_reveals_nothing():
    assert appointment_code(1) == "T-0001"
    assert appointment_code(1234) == "T-016J"
    assert len({appointment_code(n) for n in range(1, 5000)}) == 4999


def test_no_show_figures_suppress_small_counts():
    counts = {"with_total": 40, "with_no_show": 4, "without_total": 10, "without_no_show": 2}
    figures = NoShowFigures.suppressed(counts, 3)
    assert (figures.with_rate, figures.without_no_show, figures.without_rate) == (10.0, None, None)
    assert figures.without_total == 10
    assert NoShowFigures.suppressed({**counts, "without_total": 2, "without_no_show": 0}, 3).without_total is None
    assert ReminderSchedule.from_setting(ReminderSchedule(hours_before=3, day_before_time=time(9)).as_setting()) \
        == ReminderSchedule(hours_before=3, day_before_time=time(9))
