"""Every business setting round-trips through the database: changed by the service, audited, and
read back typed (desk.domain.settings)."""

from __future__ import annotations

import pytest

from desk.domain.errors import ValidationError
from desk.domain.settings import SETTINGS, BusinessSettings, Kind
from desk.services.auditlog import AuditFilter


def _other_value(setting):
    """A valid stored value different from the default."""
    if setting.key == "wait_warning_minutes":
        return setting.low  # the alarm (changed to its highest) must come after it
    if setting.kind is Kind.NUMBER:
        return setting.high if setting.default != setting.high else setting.low
    if setting.kind is Kind.TEXT:
        return "Zentrum am Markt 1"
    if setting.kind is Kind.TIME:
        return "17:45"
    if setting.kind is Kind.NAMES:
        return ["AWO", "Diakonie"]
    if setting.kind is Kind.MONTHS:
        return {p.key: _other_value(p) for p in setting.parts}
    return {"weekdays": [1, 3], "start": "09:00", "end": "18:30"}


def test_every_setting_round_trips_through_storage(services, head) -> None:
    for setting in SETTINGS:
        value = _other_value(setting)
        services.reference.change_setting(head, setting.key, value)
        read = services.reference.settings(head)
        assert read.stored(setting.key) == value, setting.key
        assert getattr(read, setting.key) == setting.typed(value)
        assert read.replaced == ()
    entries = services.audit_log.query(head, AuditFilter(action="setting.change"))
    assert {e.details for e in entries} and len(entries) == len(SETTINGS)
    assert services.reference.settings(head) != BusinessSettings.defaults()


def test_the_settings_page_saves_all_or_nothing(services, head) -> None:
    """The head changes the retention and pastes a partner's name of 10,000 characters: the
    error names the setting and nothing is saved (before, the settings before the bad one in the
    page's order were saved one by one and the rest not). Rules between settings are the
    services' too: an empty centre name, an alarm not after the warning."""
    before = services.reference.settings(head)
    good = {"retention_months": {**before.stored("retention_months"), "visits": 18}, "idle_lock_minutes": 3}
    for bad in ({"partner_organisations": ["Caritas", "x" * 10_000]},
                {"centre_name": "   "},
                {"wait_warning_minutes": 30, "wait_alarm_minutes": 30},
                {"wait_alarm_minutes": before.wait_warning_minutes}):
        with pytest.raises(ValidationError):
            services.reference.change_settings(head, {**good, **bad})
        assert services.reference.settings(head) == before, bad
    assert services.audit_log.query(head, AuditFilter(action="setting.change")) == []
    with pytest.raises(ValidationError, match="alarm must come after the warning"):
        services.reference.change_setting(head, "wait_warning_minutes", before.wait_alarm_minutes)
    # one save, one audit entry per changed setting; an unchanged value is no change
    assert services.reference.change_settings(head, {**good, "centre_name": before.centre_name}) == 2
    after = services.reference.settings(head)
    assert (after.retention_months.visits, after.idle_lock_minutes) == (18, 3)
    assert len(services.audit_log.query(head, AuditFilter(action="setting.change"))) == 2
