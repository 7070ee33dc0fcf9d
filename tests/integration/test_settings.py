"""Every business setting round-trips through the database: changed by the service, audited, and
read back typed (desk.domain.settings)."""

from __future__ import annotations

from desk.domain.settings import SETTINGS, BusinessSettings, Kind
from desk.services.auditlog import AuditFilter


def _other_value(setting):
    """A valid stored value different from the default."""
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
