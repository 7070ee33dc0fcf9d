"""The business-settings registry (desk.domain.settings): every setting has a default inside its
bounds and a label, the typed object has exactly one field per setting, and every value survives
the way to the stored form and back."""

from __future__ import annotations

from dataclasses import fields

import pytest

from desk.domain.errors import ValidationError
from desk.domain.settings import BY_KEY, SETTINGS, BusinessSettings, Kind, Retention, check_setting


def _all_specs():
    for setting in SETTINGS:
        yield setting
        yield from setting.parts


@pytest.mark.parametrize("setting", list(_all_specs()), ids=lambda s: s.key)
def test_each_setting_has_a_label_bounds_and_a_default_inside_them(setting) -> None:
    assert setting.label.strip() and setting.label[0] != " "
    assert setting.check(setting.default) == setting.default
    if setting.kind is Kind.NUMBER:
        assert setting.low <= setting.default <= setting.high
        with pytest.raises(ValidationError):
            setting.check(setting.high + 1)
        with pytest.raises(ValidationError):
            setting.check(setting.low - 1)
    if setting.kind in (Kind.TEXT, Kind.NAMES):
        assert setting.high > 0


def test_the_typed_object_has_one_field_per_setting() -> None:
    assert [f.name for f in fields(BusinessSettings) if f.name != "replaced"] == [s.key for s in SETTINGS]
    months = BY_KEY["retention_months"]
    assert [f.name for f in fields(Retention)] == [p.key for p in months.parts]
    assert months.default == {p.key: p.default for p in months.parts}


def test_every_setting_round_trips_between_typed_and_stored() -> None:
    defaults = BusinessSettings.defaults()
    for setting in SETTINGS:
        stored = defaults.stored(setting.key)
        assert stored == setting.default
        assert BusinessSettings.from_stored({setting.key: stored}) == defaults


def test_a_broken_stored_value_is_replaced_by_its_default_and_named() -> None:
    settings = BusinessSettings.from_stored({"idle_lock_minutes": "ten", "centre_name": "Zentrum Hechingen"})
    assert settings.idle_lock_minutes == BY_KEY["idle_lock_minutes"].default
    assert settings.centre_name == "Zentrum Hechingen"
    assert settings.replaced == ("idle_lock_minutes",)


def test_unknown_settings_are_refused() -> None:
    with pytest.raises(ValidationError):
        check_setting("coffee_strength", 3)
